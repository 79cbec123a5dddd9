//! Structural changes: applied, undone, redone, and merged with another writer.

use crate::edit::*;
use crate::plan::{Item, Kind, Logged, Project, Status, Subtheme, YearStatus};

const T: Timestamp = Timestamp(1_790_000_000);
const PROJECT: &str = "programma-loyale-tegenspraak";
const SUBTHEME: &str = "loyale-tegenspraak";
const OTHER_SUBTHEME: &str = "politiek-bestuurlijk";
const THEME: &str = "ambtelijk-vakmanschap";

fn bundled() -> Plan {
    crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("the bundled plan parses")
}

fn project(id: &str, title: &str) -> Item {
    Item::Project(Project {
        id: id.into(),
        title: title.into(),
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: YearStatus([(2026, Status::Planned)].into()),
        history: Vec::new(),
    })
}

fn edit(change: Change, by: &str) -> Edit {
    Edit::new(change, T, by)
}

/// Applies `change`, then its inverse, then the change again, checking the
/// plan after each against what it should be (history and log aside).
fn round_trip(change: Change) -> Plan {
    let before = bundled();
    let mut plan = before.clone();
    assert_eq!(
        apply(&mut plan, &edit(change.clone(), "anna")),
        Applied::Clean
    );
    let after = plan.clone();
    assert_ne!(
        shape(&after),
        shape(&before),
        "{change:?} changed something"
    );
    assert_eq!(
        apply(&mut plan, &edit(change.inverse(), "anna")),
        Applied::Clean
    );
    assert_eq!(shape(&plan), shape(&before), "undone: {change:?}");
    assert_eq!(
        apply(&mut plan, &edit(change.clone(), "anna")),
        Applied::Clean
    );
    assert_eq!(shape(&plan), shape(&after), "redone: {change:?}");
    assert_eq!(plan.log.len(), 3, "each step is in the log");
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
    plan
}

/// The plan without its history and log: what it holds, not how it got there.
fn shape(plan: &Plan) -> Plan {
    let mut p = plan.clone();
    p.log.clear();
    for t in &mut p.themes {
        for s in &mut t.subthemes {
            for pr in &mut s.projects {
                pr.history.clear();
            }
        }
    }
    p
}

#[test]
fn every_structural_change_applies_undoes_and_redoes() {
    let plan = bundled();
    let second_theme = plan.themes[1].id.clone();
    let changes = [
        Change::add(&plan, project("nieuw", "Nieuw project"), SUBTHEME, None).unwrap(),
        Change::add(&plan, project("vooraan", "Vooraan"), SUBTHEME, Some(0)).unwrap(),
        Change::move_to(&plan, Kind::Project, PROJECT, OTHER_SUBTHEME, Some(0)).unwrap(),
        Change::move_to(&plan, Kind::Subtheme, SUBTHEME, &second_theme, None).unwrap(),
        Change::reorder(&plan, Kind::Subtheme, SUBTHEME, 1).unwrap(),
        Change::reorder(&plan, Kind::Theme, &second_theme, -1).unwrap(),
        Change::archive(&plan, Kind::Project, PROJECT).unwrap(),
        Change::archive(&plan, Kind::Subtheme, SUBTHEME).unwrap(),
        Change::archive(&plan, Kind::Theme, THEME).unwrap(),
    ];
    for change in changes {
        round_trip(change);
    }
}

#[test]
fn reorder_stops_at_either_end() {
    let plan = bundled();
    assert!(Change::reorder(&plan, Kind::Theme, THEME, -1).is_none());
    let last = plan.themes.last().unwrap().id.clone();
    assert!(Change::reorder(&plan, Kind::Theme, &last, 1).is_none());
}

#[test]
fn an_archived_item_keeps_its_history_and_restores_to_where_it_was() {
    let mut plan = bundled();
    let set = Change::status(&plan, PROJECT, 2026, Some(Status::Done)).unwrap();
    apply(&mut plan, &edit(set, "anna"));
    let archived = Change::archive(&plan, Kind::Subtheme, SUBTHEME).unwrap();
    apply(&mut plan, &edit(archived, "anna"));
    assert!(plan.locate(PROJECT).is_none());
    assert!(plan.is_archived(PROJECT) && plan.has_id(PROJECT));
    let text = crate::codec::to_ron(&plan);
    let back = crate::codec::parse(&text).expect("a plan with an archive parses");
    assert_eq!(back, plan, "the archive and the log round-trip");
    let Item::Subtheme(s) = &back.archive[0].item else {
        panic!("a sub-theme")
    };
    assert_eq!(s.projects[0].history.len(), 1, "its history went with it");
    let restore = Change::restore(&back, SUBTHEME).unwrap();
    let mut plan = back;
    assert_eq!(apply(&mut plan, &edit(restore, "bert")), Applied::Clean);
    assert_eq!(
        plan.themes[0].subthemes[0].id, SUBTHEME,
        "back in first place"
    );
    assert!(plan.archive.is_empty());
    let kinds: Vec<&str> = plan
        .log
        .iter()
        .map(|e| match e.change {
            Logged::Archived { .. } => "archived",
            Logged::Restored { .. } => "restored",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["archived", "restored"]);
}

#[test]
fn a_change_to_an_item_someone_archived_is_kept_on_the_archived_item() {
    let mut disk = bundled();
    let archive = Change::archive(&disk, Kind::Subtheme, SUBTHEME).unwrap();
    apply(&mut disk, &edit(archive, "bert"));
    let mine = bundled();
    let owner = Change::text(&mine, TextField::Owner(PROJECT.into()), "Anna".into()).unwrap();
    let moved = Change::move_to(&mine, Kind::Project, PROJECT, OTHER_SUBTHEME, None).unwrap();
    let report = replay(&mut disk, &[edit(owner, "anna")]);
    assert_eq!(report.on_archived, [PROJECT]);
    let Item::Subtheme(s) = &disk.archive[0].item else {
        panic!("a sub-theme")
    };
    assert_eq!(s.projects[0].owner, "Anna", "kept on the archived project");
    // Moving a project whose sub-theme is archived leaves it there: its parent is
    // not live, so nothing moves, and the move is reported as missing.
    let report = replay(&mut disk, &[edit(moved, "anna")]);
    assert_eq!(report.missing, [PROJECT]);
    assert!(disk.locate(PROJECT).is_none());
}

#[test]
fn additions_and_a_rename_of_their_sub_theme_all_land() {
    let base = bundled();
    let mut disk = base.clone();
    let rename = Change::text(
        &base,
        TextField::SubthemeName(SUBTHEME.into()),
        "Nieuw".into(),
    );
    apply(&mut disk, &edit(rename.unwrap(), "bert"));
    // Two writers picked the same id for different projects.
    for (who, title) in [("anna", "Eerste"), ("carla", "Tweede")] {
        let add = Change::add(&base, project("nieuw", title), SUBTHEME, None).unwrap();
        let report = replay(&mut disk, &[edit(add, who)]);
        assert!(report.missing.is_empty());
        if who == "carla" {
            assert_eq!(
                report.renumbered,
                [("nieuw".to_string(), "nieuw-2".to_string())]
            );
        }
    }
    let sub = &disk.themes[0].subthemes[0];
    assert_eq!(sub.name, "Nieuw");
    let titles: Vec<(&str, &str)> = (sub.projects.iter())
        .map(|p| (p.id.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            (PROJECT, "Programma rondom Loyale Tegenspraak"),
            ("nieuw", "Eerste"),
            ("nieuw-2", "Tweede"),
        ],
        "each at the end, in the order they were saved"
    );
    assert!(disk.validate().is_empty());
    // The same addition replayed again (a retried save) is not added twice.
    let again = Change::add(&base, project("nieuw", "Eerste"), SUBTHEME, Some(1)).unwrap();
    assert_eq!(apply(&mut disk, &edit(again, "anna")), Applied::Clean);
    assert_eq!(disk.themes[0].subthemes[0].projects.len(), 3);
}

#[test]
fn undoing_an_addition_others_built_on_archives_it_instead() {
    let base = bundled();
    let sub = Item::Subtheme(Subtheme {
        id: "nieuw-sub".into(),
        name: "Nieuw subthema".into(),
        intro: String::new(),
        projects: Vec::new(),
    });
    let add = Change::add(&base, sub, THEME, None).unwrap();
    let mut plan = base.clone();
    apply(&mut plan, &edit(add.clone(), "anna"));
    let theirs = Change::add(&plan, project("van-bert", "Van Bert"), "nieuw-sub", None).unwrap();
    apply(&mut plan, &edit(theirs, "bert"));
    assert_eq!(
        apply(&mut plan, &edit(add.inverse(), "anna")),
        Applied::KeptInArchive
    );
    assert!(plan.is_archived("van-bert"), "Bert's project is kept");
    // Without anyone else's work, undoing an addition leaves no trace but the log.
    let mut plan = base.clone();
    apply(&mut plan, &edit(add.clone(), "anna"));
    assert_eq!(
        apply(&mut plan, &edit(add.inverse(), "anna")),
        Applied::Clean
    );
    assert_eq!(shape(&plan), shape(&base));
    assert!(plan.archive.is_empty());
}

#[test]
fn two_moves_of_one_project_last_one_wins_and_is_reported() {
    let base = bundled();
    let second_theme_sub = base.themes[1].subthemes[0].id.clone();
    let mut disk = base.clone();
    let theirs = Change::move_to(&base, Kind::Project, PROJECT, OTHER_SUBTHEME, None).unwrap();
    apply(&mut disk, &edit(theirs, "bert"));
    let mine = Change::move_to(&base, Kind::Project, PROJECT, &second_theme_sub, None).unwrap();
    let report = replay(&mut disk, &[edit(mine, "anna")]);
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    assert_eq!(
        disk.place_of(Kind::Project, PROJECT).unwrap().parent,
        second_theme_sub
    );
    assert_eq!(disk.project_count(), base.project_count());
}
