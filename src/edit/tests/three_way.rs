//! The three-way merge: both sides' changes kept, the later one winning a
//! field both changed, histories and logs joined.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::merge::{Op, canonical, change, op, touched};
use super::{PROJECT, SUBTHEME, bundled};
use crate::edit::*;
use crate::plan::Status;

const T: Timestamp = Timestamp(1_790_000_000);

/// A writer's copy after `ops`, each made one second after the last from `t0`.
pub(super) fn session(base: &Plan, ops: &[Op], by: &str, t0: i64) -> (Plan, Vec<Edit>) {
    let mut plan = base.clone();
    let mut edits = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        if let Some(change) = change(&plan, op, by) {
            let edit = Edit::new(change, Timestamp(t0 + i as i64), by);
            apply(&mut plan, &edit);
            edits.push(edit);
        }
    }
    (plan, edits)
}

/// Every record the plan holds: log entries and status history, as text.
pub(super) fn records(plan: &Plan) -> BTreeSet<String> {
    let log = plan.log.iter().map(|l| format!("{l:?}"));
    let history = (plan.all_projects())
        .flat_map(|p| p.history.iter().map(move |h| format!("{} {h:?}", p.id)));
    log.chain(history).collect()
}

fn status(plan: &Plan, id: &str) -> Option<Status> {
    plan.all_projects()
        .find(|p| p.id == id)
        .and_then(|p| p.status_in(plan.year))
}

#[test]
fn a_field_both_sides_changed_goes_to_the_later_change() {
    let base = bundled();
    let set = |plan: &Plan, to, at, by| {
        let mut p = plan.clone();
        let c = Change::status(plan, PROJECT, 2026, Some(to)).unwrap();
        apply(&mut p, &Edit::new(c, Timestamp(at), by));
        p
    };
    let ours = set(&base, Status::Done, T.0 + 10, "anna");
    let theirs = set(&base, Status::OnHold, T.0 + 20, "bert");
    let m = merge3(&base, &ours, &theirs);
    assert_eq!(status(&m.plan, PROJECT), Some(Status::OnHold));
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.conflicts[0].ours);
    assert_eq!(
        m.conflicts[0].change.to(),
        Shown::Status(Some(Status::Done))
    );
    // Both records kept, in time order: the newest explains the value.
    let p = m.plan.all_projects().find(|p| p.id == PROJECT).unwrap();
    let last_two: Vec<_> = p.history.iter().rev().take(2).map(|h| h.to).collect();
    assert_eq!(last_two, [Some(Status::OnHold), Some(Status::Done)]);

    // The other way round, ours is later and stays.
    let m = merge3(&base, &theirs, &ours);
    assert_eq!(status(&m.plan, PROJECT), Some(Status::OnHold));
    assert!(!m.conflicts[0].ours);
    assert_eq!(
        m.conflicts[0].change.to(),
        Shown::Status(Some(Status::Done))
    );
}

#[test]
fn a_rename_and_a_status_on_different_sides_are_both_kept() {
    let base = bundled();
    let mut ours = base.clone();
    let c = Change::text(
        &base,
        TextField::SubthemeName(SUBTHEME.into()),
        "Nieuw".into(),
    );
    apply(&mut ours, &Edit::new(c.unwrap(), T, "anna"));
    let mut theirs = base.clone();
    let c = Change::status(&base, PROJECT, 2026, Some(Status::Done)).unwrap();
    apply(&mut theirs, &Edit::new(c, T, "bert"));
    let m = merge3(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty());
    assert_eq!(status(&m.plan, PROJECT), Some(Status::Done));
    let sub = m.plan.all_subthemes().find(|s| s.id == SUBTHEME).unwrap();
    assert_eq!(sub.name, "Nieuw");
    assert_eq!(m.plan.log, ours.log);
}

#[test]
fn diff_of_a_plan_with_itself_is_empty() {
    let base = bundled();
    assert_eq!(diff(&base, &base), Vec::new());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn merge3_keeps_both_sides_changes(
        a in prop::collection::vec(op(), 0..8),
        b in prop::collection::vec(op(), 0..8),
    ) {
        let base = bundled();
        let (ours, anna) = session(&base, &a, "anna", T.0);
        let (theirs, bert) = session(&base, &b, "bert", T.0 + 100);
        let m = merge3(&base, &ours, &theirs);
        prop_assert!(m.plan.validate().is_empty(), "{:?}", m.plan.validate());
        let want: BTreeSet<String> = records(&ours).union(&records(&theirs)).cloned().collect();
        prop_assert_eq!(records(&m.plan), want);
        if touched(&anna).is_disjoint(&touched(&bert)) {
            prop_assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
            let mut both = base.clone();
            replay(&mut both, &anna);
            replay(&mut both, &bert);
            prop_assert_eq!(canonical(&m.plan), canonical(&both));
        }
    }

    #[test]
    fn merging_a_side_with_itself_or_with_the_base_gives_that_side(
        a in prop::collection::vec(op(), 0..8),
    ) {
        let base = bundled();
        let (x, _) = session(&base, &a, "anna", T.0);
        let m = merge3(&base, &x, &x);
        prop_assert_eq!(&m.plan, &x);
        prop_assert!(m.conflicts.is_empty());
        let m = merge3(&base, &base, &x);
        prop_assert_eq!(canonical(&m.plan), canonical(&x));
        prop_assert_eq!(records(&m.plan), records(&x));
        prop_assert!(m.conflicts.is_empty());
    }
}
