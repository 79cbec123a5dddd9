mod conflicts;
mod conflicts_file;
mod merge;
mod structure;
mod three_way;

use super::*;
use crate::plan::Status;

const T: Timestamp = Timestamp(1_790_000_000);
const PROJECT: &str = "programma-loyale-tegenspraak";
const SUBTHEME: &str = "loyale-tegenspraak";
const THEME: &str = "ambtelijk-vakmanschap";

fn bundled() -> Plan {
    crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("the bundled plan parses")
}

/// One change of every kind, each made against the bundled plan.
fn every_kind(plan: &Plan) -> Vec<Change> {
    let text = |field, to: &str| Change::text(plan, field, to.into()).unwrap();
    vec![
        Change::status(plan, PROJECT, 2026, Some(Status::Done)).unwrap(),
        Change::status(plan, PROJECT, 2026, None).unwrap(),
        text(TextField::Owner(PROJECT.into()), "Bram"),
        text(TextField::Notes(PROJECT.into()), "twee\nregels"),
        text(TextField::Title(PROJECT.into()), "Nieuwe titel"),
        text(TextField::Details(PROJECT.into()), "Meer uitleg"),
        text(TextField::SubthemeName(SUBTHEME.into()), "Tegenspraak"),
        text(TextField::SubthemeIntro(SUBTHEME.into()), "Inleiding"),
        text(TextField::ThemeName(THEME.into()), "Vakmanschap"),
        text(TextField::ThemeIntro(THEME.into()), "Over vakmanschap"),
        text(TextField::PlanFund, "Ander fonds"),
        text(TextField::PlanTitle, "Ander plan"),
        Change::focus(plan, THEME, !plan.themes[0].focus).unwrap(),
        Change::plan_year(plan, 2027),
    ]
}

/// The value a change's field holds in `plan`.
fn now(plan: &Plan, change: &Change) -> Change {
    change.rebased(plan).expect("the item exists")
}

#[test]
fn every_kind_applies_cleanly_and_its_inverse_restores_the_plan() {
    let original = bundled();
    for change in every_kind(&original) {
        let mut plan = original.clone();
        assert!(!change.is_noop(), "{change:?}");
        let edit = Edit::new(change.clone(), T, "anna");
        assert_eq!(apply(&mut plan, &edit), Applied::Clean, "{change:?}");
        assert!(now(&plan, &change).is_noop(), "set: {change:?}");
        assert_eq!(apply(&mut plan, &edit), Applied::Clean, "again: {change:?}");
        let back = edit.inverse(Timestamp(T.0 + 60), "bert");
        assert_eq!((back.at, back.by.as_str()), (Timestamp(T.0 + 60), "bert"));
        assert_eq!(back.change.inverse(), change);
        assert_eq!(apply(&mut plan, &back), Applied::Clean, "{change:?}");
        // Everything is as it was, but a status change and its undo are in the
        // project's history, any other change and its undo in the plan's log.
        assert_eq!(without_history(&plan), without_history(&original));
        let grew = history(&plan).len() - history(&original).len();
        let status = matches!(change, Change::Status { .. });
        assert_eq!(grew, if status { 2 } else { 0 }, "{change:?}");
        assert_eq!(plan.log.len(), if status { 0 } else { 2 }, "{change:?}");
    }
}

fn history(plan: &Plan) -> &[crate::plan::HistoryEntry] {
    &plan.project(plan.locate(PROJECT).unwrap()).unwrap().history
}

fn without_history(plan: &Plan) -> Plan {
    let mut plan = plan.clone();
    plan.log.clear();
    for theme in &mut plan.themes {
        for sub in &mut theme.subthemes {
            for p in &mut sub.projects {
                p.history.clear();
            }
        }
    }
    plan
}

#[test]
fn a_status_edit_records_history_with_its_own_time_and_author() {
    let mut plan = bundled();
    let change = Change::status(&plan, PROJECT, 2026, Some(Status::Done)).unwrap();
    apply(&mut plan, &Edit::new(change, T, "anna"));
    let p = plan.project(plan.locate(PROJECT).unwrap()).unwrap();
    let last = p.history.last().unwrap();
    assert_eq!(
        (
            last.at.to_string().as_str(),
            last.by.as_str(),
            last.year,
            last.to
        ),
        ("2026-09-21T14:13:20Z", "anna", 2026, Some(Status::Done))
    );
}

#[test]
fn every_kind_reports_the_value_it_overrode_and_replay_names_it() {
    let original = bundled();
    for change in every_kind(&original) {
        // Someone else set the field to yet another value meanwhile.
        let mut theirs = original.clone();
        let other = match &change {
            Change::Status { project, year, .. } => {
                Change::status(&theirs, project, *year, Some(Status::OnHold))
            }
            Change::Text { field, .. } => Change::text(&theirs, field.clone(), "hun".into()),
            // A flag has two values: the other writer set it back and forth.
            Change::Focus { .. } => continue,
            Change::PlanYear { .. } => Some(Change::plan_year(&theirs, 2030)),
            // Structural changes have tests of their own (`structure_tests`).
            _ => continue,
        }
        .unwrap();
        apply(&mut theirs, &Edit::new(other.clone(), T, "bert"));
        let edit = Edit::new(change.clone(), T, "anna");
        let report = replay(&mut theirs, std::slice::from_ref(&edit));
        let made = now(&theirs, &change);
        assert!(made.is_noop(), "ours won: {change:?}");
        assert_eq!(
            report.conflicts,
            [Conflict {
                change: {
                    let mut c = change.clone();
                    assert!(c.take_from(&other.inverse()));
                    c
                }
            }],
            "{change:?}"
        );
        assert_eq!(report.conflicts[0].change.from(), other.to());
        assert!(report.missing.is_empty());
    }
}

#[test]
fn an_edit_of_a_removed_item_is_missing_and_changes_nothing() {
    let original = bundled();
    let mut plan = original.clone();
    plan.themes[0].id = "weg".into();
    plan.themes[0].subthemes[0].id = "ook-weg".into();
    plan.themes[0].subthemes[0].projects[0].id = "ook-dit-weg".into();
    let before = plan.clone();
    let edits: Vec<Edit> = every_kind(&original)
        .into_iter()
        .map(|c| Edit::new(c, T, "anna"))
        .collect();
    for edit in &edits {
        let expected = match edit.target() {
            Target::Plan => Applied::Clean,
            _ => Applied::Missing,
        };
        assert_eq!(apply(&mut plan.clone(), edit), expected, "{edit:?}");
    }
    let item_edits: Vec<Edit> = edits
        .into_iter()
        .filter(|e| e.target() != Target::Plan)
        .collect();
    let report = replay(&mut plan, &item_edits);
    assert_eq!(plan, before);
    assert_eq!(report.missing.len(), item_edits.len());
    assert!(
        report
            .missing
            .iter()
            .all(|id| [PROJECT, SUBTHEME, THEME].contains(&id.as_str()))
    );
}

#[test]
fn the_field_is_what_two_edits_share_to_conflict() {
    let plan = bundled();
    let kinds = every_kind(&plan);
    // Setting and clearing the same year's status is one field; all others differ.
    assert_eq!(kinds[0].field(), kinds[1].field());
    for (i, a) in kinds.iter().enumerate().skip(1) {
        for b in &kinds[i + 1..] {
            assert_ne!(a.field(), b.field(), "{a:?} {b:?}");
            assert!(!a.clone().take_from(b), "{a:?} {b:?}");
        }
    }
    let other_year = Change::status(&plan, PROJECT, 2027, Some(Status::Done)).unwrap();
    assert_ne!(kinds[0].field(), other_year.field());
}
