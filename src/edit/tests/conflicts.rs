//! Open conflicts: what a merge leaves, keeping and taking, undo, joining two
//! sides' lists, replaying edits onto a plan that has some, an id both sides
//! added.

use super::merge::op;
use super::three_way::{records, session};
use super::{PROJECT, SUBTHEME, T, THEME, bundled};
use crate::edit::*;
use crate::plan::{ConflictField, OpenConflict, Status, TextKind};
use proptest::prelude::*;

fn set(plan: &Plan, to: Status, at: i64, by: &str) -> Plan {
    let mut p = plan.clone();
    let c = Change::status(plan, PROJECT, 2026, Some(to)).unwrap();
    apply(&mut p, &Edit::new(c, Timestamp(at), by));
    p
}

fn rename(plan: &Plan, to: &str, at: i64, by: &str) -> Plan {
    let mut p = plan.clone();
    let field = TextField::SubthemeName(SUBTHEME.into());
    let c = Change::text(plan, field, to.into()).unwrap();
    apply(&mut p, &Edit::new(c, Timestamp(at), by));
    p
}

fn status(plan: &Plan) -> Option<Status> {
    let p = plan.all_projects().find(|p| p.id == PROJECT).unwrap();
    p.status_in(2026)
}

/// Anna set Done, Bert later OnHold: Bert's value stays, Anna's is open.
pub(super) fn conflicted() -> Plan {
    let base = bundled();
    let ours = set(&base, Status::Done, T.0 + 10, "anna");
    let theirs = set(&base, Status::OnHold, T.0 + 20, "bert");
    merge3(&base, &ours, &theirs).plan
}

fn apply_all(plan: &mut Plan, changes: Vec<Change>, at: i64) -> Vec<Edit> {
    let edits: Vec<Edit> = (changes.into_iter())
        .map(|c| Edit::new(c, Timestamp(at), "carla"))
        .collect();
    for e in &edits {
        apply(plan, e);
    }
    edits
}

#[test]
fn a_value_that_lost_a_merge_is_kept_as_an_open_conflict() {
    let plan = conflicted();
    assert_eq!(status(&plan), Some(Status::OnHold));
    let expected = OpenConflict {
        at: Timestamp(T.0 + 10),
        by: "anna".into(),
        field: ConflictField::Status {
            id: PROJECT.into(),
            year: 2026,
            kept: Some(Status::OnHold),
            other: Some(Status::Done),
        },
    };
    assert_eq!(plan.conflicts, [expected]);
    assert_eq!(plan.conflicts[0].key(), format!("{PROJECT}:status:2026"));
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
    // Either way round, the same conflict.
    let base = bundled();
    let ours = set(&base, Status::Done, T.0 + 10, "anna");
    let theirs = set(&base, Status::OnHold, T.0 + 20, "bert");
    assert_eq!(merge3(&base, &theirs, &ours).plan.conflicts, plan.conflicts);
}

#[test]
fn texts_focus_and_the_year_become_open_conflicts_too() {
    let base = bundled();
    let mut ours = rename(&base, "Tegenspraak", T.0 + 10, "anna");
    let mut theirs = rename(&base, "Loyaal", T.0 + 20, "bert");
    let focus = !base.themes[0].focus;
    apply_all(
        &mut ours,
        vec![Change::focus(&base, THEME, focus).unwrap()],
        T.0 + 30,
    );
    apply_all(&mut ours, vec![Change::plan_year(&base, 2027)], T.0 + 30);
    apply_all(&mut theirs, vec![Change::plan_year(&base, 2028)], T.0 + 5);
    let m = merge3(&base, &ours, &theirs);
    let keys: Vec<String> = m.plan.conflicts.iter().map(OpenConflict::key).collect();
    assert_eq!(
        keys,
        [":year", &format!("{SUBTHEME}:name")],
        "in time order"
    );
    assert_eq!(m.plan.year, 2027);
    let name = &m.plan.conflicts[1];
    assert_eq!(
        name.field,
        ConflictField::Text {
            id: SUBTHEME.into(),
            field: TextKind::Name,
            kept: "Loyaal".into(),
            other: "Tegenspraak".into(),
        }
    );
    let field = TextField::SubthemeName(SUBTHEME.into());
    assert_eq!(
        conflict_field(&m.plan, name),
        Some(Field::Text(field.clone()))
    );
    let to = "Tegenspraak".to_string();
    let want = Change::Text {
        field,
        from: "Loyaal".into(),
        to,
    };
    assert_eq!(take(&m.plan, name), Taking::Change(want));
}

#[test]
fn taking_sets_the_other_value_with_a_record_and_closes_the_conflict() {
    let mut plan = conflicted();
    let c = plan.conflicts[0].clone();
    let Taking::Change(change) = take(&plan, &c) else {
        panic!("a change")
    };
    let settle = Change::settle(&plan, &c).unwrap();
    let history = plan
        .all_projects()
        .find(|p| p.id == PROJECT)
        .unwrap()
        .history
        .len();
    let edits = apply_all(&mut plan, vec![change, settle], T.0 + 60);
    assert_eq!(status(&plan), Some(Status::Done));
    assert!(plan.conflicts.is_empty());
    let p = plan.all_projects().find(|p| p.id == PROJECT).unwrap();
    assert_eq!(p.history.len(), history + 1, "taking is recorded");
    assert_eq!(p.history.last().unwrap().by, "carla");
    // Nothing else is recorded: settling is no change to the content.
    assert_eq!(take(&plan, &c), Taking::Already);
    // Undone (newest first), the conflict is open and the value back.
    for e in edits.iter().rev() {
        apply(&mut plan, &e.inverse(Timestamp(T.0 + 70), "carla"));
    }
    assert_eq!(status(&plan), Some(Status::OnHold));
    assert_eq!(plan.conflicts, [c]);
}

#[test]
fn keeping_closes_the_conflict_and_undo_opens_it_again() {
    let mut plan = conflicted();
    let before = plan.clone();
    let c = plan.conflicts[0].clone();
    let keep = Change::settle(&plan, &c).unwrap();
    assert_eq!(
        keep.field(),
        Field::Conflict(Box::new(conflict_field(&plan, &c).unwrap()))
    );
    assert_eq!(keep.target(), Target::Project(PROJECT));
    let edits = apply_all(&mut plan, vec![keep.clone()], T.0 + 60);
    assert!(plan.conflicts.is_empty());
    assert_eq!(status(&plan), Some(Status::OnHold));
    assert_eq!(records(&plan), records(&before), "no record of a keep");
    assert!(
        Change::settle(&plan, &c).unwrap().is_noop(),
        "settled already"
    );
    apply(&mut plan, &edits[0].inverse(Timestamp(T.0 + 70), "carla"));
    assert_eq!(plan, before);
}

#[test]
fn replaying_edits_onto_another_version_keeps_conflicts_it_did_not_settle() {
    let disk = conflicted();
    // Carla loaded the plan before the merge, and settles nothing: her edit
    // is replayed onto the merged version, whose conflict stays.
    let mut mine = bundled();
    let owner = TextField::Owner(PROJECT.into());
    let change = Change::text(&mine, owner, "Carla".into()).unwrap();
    let edits = apply_all(&mut mine, vec![change], T.0 + 60);
    let mut theirs = disk.clone();
    replay(&mut theirs, &edits);
    assert_eq!(theirs.conflicts, disk.conflicts);
    // Settling one conflict while another writer's merge added another:
    // only the settled one goes.
    let mut other = disk.clone();
    let c = disk.conflicts[0].clone();
    let keep = apply_all(
        &mut other,
        vec![Change::settle(&disk, &c).unwrap()],
        T.0 + 60,
    );
    let mut newer = disk.clone();
    let mut extra = c.clone();
    extra.field = ConflictField::Year {
        kept: 2026,
        other: 2027,
    };
    newer.conflicts.push(extra.clone());
    replay(&mut newer, &keep);
    assert_eq!(newer.conflicts, [extra]);
}

#[test]
fn merging_two_sides_with_open_conflicts_keeps_their_union_once() {
    let base = bundled();
    let a = conflicted();
    let mut b = a.clone();
    let year = OpenConflict {
        at: Timestamp(T.0 + 5),
        by: "dirk".into(),
        field: ConflictField::Year {
            kept: 2026,
            other: 2027,
        },
    };
    b.conflicts.insert(0, year.clone());
    let m = merge3(&base, &a, &b);
    assert_eq!(m.plan.conflicts, [year.clone(), a.conflicts[0].clone()]);
    assert!(m.plan.validate().is_empty());
    // Settled on one side since their common version: settled in the merge.
    let mut settled = b.clone();
    settled.conflicts.retain(|c| c.key() != ":year");
    let m = merge3(&b, &settled, &b);
    assert_eq!(m.plan.conflicts, a.conflicts);
    let m = merge3(&b, &b, &settled);
    assert_eq!(m.plan.conflicts, a.conflicts);
}

#[test]
fn a_later_merge_that_brings_the_other_value_makes_the_conflict_moot() {
    let base = conflicted();
    let theirs = set(&base, Status::Done, T.0 + 100, "bert");
    let ours = rename(&base, "Tegenspraak", T.0 + 90, "anna");
    let m = merge3(&base, &ours, &theirs);
    assert_eq!(status(&m.plan), Some(Status::Done));
    assert!(m.plan.conflicts.is_empty(), "{:?}", m.plan.conflicts);
}

#[test]
fn undoing_an_addition_forgets_the_conflicts_about_it() {
    let mut plan = conflicted();
    let item = crate::plan::Item::Project(crate::plan::Project {
        id: "nieuw".into(),
        title: "Nieuw".into(),
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: Default::default(),
        history: Vec::new(),
    });
    let change = Change::add(&plan, item, SUBTHEME, None).unwrap();
    let add = apply_all(&mut plan, vec![change], T.0);
    let mut c = plan.conflicts[0].clone();
    c.field = ConflictField::Text {
        id: "nieuw".into(),
        field: TextKind::Owner,
        kept: String::new(),
        other: "x".into(),
    };
    plan.conflicts.push(c);
    apply(&mut plan, &add[0].inverse(Timestamp(T.0 + 1), "carla"));
    assert_eq!(plan.conflicts.len(), 1);
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Every value that lost is open in the merged plan unless the plan holds
    /// it, every open conflict can be taken or kept, and then none are left.
    #[test]
    fn every_lost_value_is_open_and_every_open_conflict_can_be_settled(
        a in prop::collection::vec(op(), 0..8),
        b in prop::collection::vec(op(), 0..8),
    ) {
        let base = bundled();
        let (ours, _) = session(&base, &a, "anna", T.0);
        let (theirs, _) = session(&base, &b, "bert", T.0 + 3);
        let m = merge3(&base, &ours, &theirs);
        prop_assert!(m.plan.validate().is_empty(), "{:?}", m.plan.validate());
        prop_assert!(m.plan.conflicts.len() <= m.conflicts.len());
        for c in &m.plan.conflicts {
            prop_assert!(take(&m.plan, c) != Taking::Already, "moot: {c:?}");
        }
        let mut plan = m.plan.clone();
        for c in m.plan.conflicts.clone() {
            let mut changes: Vec<Change> = match take(&plan, &c) {
                Taking::Change(change) => vec![change],
                _ => vec![],
            };
            changes.extend(Change::settle(&plan, &c));
            apply_all(&mut plan, changes, T.0 + 100);
            prop_assert!(!plan.conflicts.contains(&c));
            prop_assert!(plan.validate().is_empty(), "{:?}", plan.validate());
        }
        prop_assert!(plan.conflicts.is_empty());
    }
}

#[test]
fn an_id_both_sides_added_is_two_items_not_a_conflict() {
    let base = bundled();
    let item = |title: &str| {
        crate::plan::Item::Project(crate::plan::Project {
            id: "nieuw".into(),
            title: title.into(),
            details: String::new(),
            owner: String::new(),
            notes: String::new(),
            status: Default::default(),
            history: Vec::new(),
        })
    };
    let added = |title: &str, parent: &str, at: i64| {
        let mut side = base.clone();
        let c = Change::add(&base, item(title), parent, None).unwrap();
        apply(&mut side, &Edit::new(c, Timestamp(at), "anna"));
        side
    };
    let ours = added("Ons", SUBTHEME, T.0 + 20);
    let theirs = added("Hun", "integer-werken", T.0 + 10);
    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let m = merge3(&base, a, b);
        let mut titles: Vec<(&str, &str)> = (m.plan.all_projects())
            .filter(|p| p.id.starts_with("nieuw"))
            .map(|p| (p.title.as_str(), p.id.as_str()))
            .collect();
        titles.sort();
        assert_eq!(titles.len(), 2, "{titles:?}");
        assert_eq!((titles[0].0, titles[1].0), ("Hun", "Ons"));
        assert!(m.conflicts.is_empty() && m.plan.conflicts.is_empty());
        assert!(m.plan.validate().is_empty());
    }
    // The same addition on both sides lands once.
    let m = merge3(&base, &ours, &ours.clone());
    assert_eq!(
        m.plan
            .all_projects()
            .filter(|p| p.id.starts_with("nieuw"))
            .count(),
        1
    );
}
