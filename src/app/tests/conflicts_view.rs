//! The open conflicts view (`C`): keep and take through the normal change
//! path, undoable and saved as one step; a plan whose conflicts change under
//! the view; going to a conflict's item.

use crossterm::event::KeyCode;

use super::*;
use crate::app::{ConflictsState, Mode, NoticeKind};
use crate::edit::{Change, MergeReport};
use crate::plan::{ConflictField, OpenConflict, Status, TextKind};

const ID: &str = "programma-loyale-tegenspraak";
const SUB: &str = "loyale-tegenspraak";

fn status_conflict() -> OpenConflict {
    OpenConflict {
        at: Timestamp(T0.0 - 3600),
        by: "bert".into(),
        field: ConflictField::Status {
            id: ID.into(),
            year: 2026,
            kept: Some(Status::Planned),
            other: Some(Status::OnHold),
        },
    }
}

fn name_conflict() -> OpenConflict {
    OpenConflict {
        at: Timestamp(T0.0 - 60),
        by: "anna".into(),
        field: ConflictField::Text {
            id: SUB.into(),
            field: TextKind::Name,
            kept: "Loyale Tegenspraak".into(),
            other: "Tegenspraak".into(),
        },
    }
}

/// The bundled plan with two open conflicts, as a git merge leaves them.
fn with_conflicts() -> App {
    let mut plan = bundled();
    plan.conflicts = vec![status_conflict(), name_conflict()];
    assert!(plan.validate().is_empty());
    let mut app = App::new(plan, options());
    app.handle(Event::Layout(viewport()));
    app
}

fn view(app: &App) -> &ConflictsState {
    match app.mode() {
        Mode::OpenConflicts(state) => state,
        other => panic!("not in the conflicts view: {other:?}"),
    }
}

fn status(app: &App) -> Option<Status> {
    let p = app.plan().all_projects().find(|p| p.id == ID).unwrap();
    p.status_in(2026)
}

fn notices(app: &App) -> Vec<(NoticeKind, String)> {
    (app.notices().iter())
        .map(|n| (n.kind, n.text.clone()))
        .collect()
}

fn saved(app: &mut App) {
    while app.is_saving() {
        app.handle(Event::Saved {
            result: Ok(MergeReport::default()),
            merged: None,
            clock: "14:02".into(),
        });
    }
    assert!(!app.has_unsaved());
}

#[test]
fn keep_closes_the_selected_conflict_in_one_undoable_save() {
    let mut app = with_conflicts();
    keys(&mut app, "C");
    assert_eq!(view(&app).selected, 0);
    assert_eq!(keys(&mut app, "M"), vec![EffectKind::Save]);
    assert_eq!(app.plan().conflicts, [name_conflict()]);
    assert_eq!(
        status(&app),
        Some(Status::Planned),
        "the plan's value stays"
    );
    assert_eq!(
        notices(&app),
        [(
            NoticeKind::Info,
            "Kept: status 2026 of Programma rondom Loyale Tegenspraak stays Planned — u opens the conflict again".into()
        )]
    );
    assert!(
        matches!(app.mode(), Mode::OpenConflicts(_)),
        "the view stays open"
    );
    assert_eq!(app.pending().len(), 1);
    assert!(matches!(
        app.pending()[0].change,
        Change::Conflict { to: false, .. }
    ));
    saved(&mut app);
    press(&mut app, KeyCode::Esc);
    assert_eq!(keys(&mut app, "u"), vec![EffectKind::Save]);
    assert_eq!(app.plan().conflicts, [status_conflict(), name_conflict()]);
    assert_eq!(
        notices(&app),
        [(
            NoticeKind::Info,
            "Undone: the conflict over status 2026 of “Programma rondom Loyale Tegenspraak” is open again".into()
        )]
    );
}

#[test]
fn take_sets_the_other_value_as_a_change_and_closes_the_conflict_in_one_step() {
    let mut app = with_conflicts();
    let history = |app: &App| {
        app.plan()
            .all_projects()
            .find(|p| p.id == ID)
            .unwrap()
            .history
            .len()
    };
    let before = history(&app);
    keys(&mut app, "C");
    assert_eq!(keys(&mut app, "a"), vec![EffectKind::Save]);
    assert_eq!(status(&app), Some(Status::OnHold));
    assert_eq!(history(&app), before + 1, "recorded in the history");
    assert_eq!(app.plan().conflicts, [name_conflict()]);
    assert_eq!(
        app.pending().len(),
        2,
        "the change and the closing, saved together"
    );
    assert_eq!(
        notices(&app)[0].1,
        "Taken: status 2026 of Programma rondom Loyale Tegenspraak is On hold now — u undoes it"
    );
    // The next conflict is selected: take it too, a text this time.
    assert_eq!(view(&app).selected, 0);
    keys(&mut app, "a");
    let name = &app
        .plan()
        .all_subthemes()
        .find(|s| s.id == SUB)
        .unwrap()
        .name;
    assert_eq!(name, "Tegenspraak");
    assert!(app.plan().conflicts.is_empty());
    saved(&mut app);
    // One `u` undoes one take, both its edits.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "u");
    assert_eq!(app.plan().conflicts, [name_conflict()]);
    keys(&mut app, "u");
    assert_eq!(status(&app), Some(Status::Planned));
    assert_eq!(app.plan().conflicts, [status_conflict(), name_conflict()]);
    ctrl(&mut app, 'r');
    assert_eq!(status(&app), Some(Status::OnHold));
    assert_eq!(app.plan().conflicts, [name_conflict()]);
}

#[test]
fn the_view_moves_goes_to_the_item_and_says_when_there_are_none() {
    let mut app = with_conflicts();
    keys(&mut app, "Cj");
    assert_eq!(view(&app).selected, 1);
    keys(&mut app, "j");
    assert_eq!(view(&app).selected, 1, "stays on the last");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.subtheme().map(|s| s.id.as_str()), Some(SUB));
    // Someone else settles both (a reload): the view shows none, and keys do nothing.
    keys(&mut app, "Cj");
    let mut plan = app.plan().clone();
    plan.conflicts.clear();
    app.handle(Event::Reloaded(plan));
    assert_eq!(view(&app).selected, 0);
    assert!(keys(&mut app, "Ma").is_empty());
    for close in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('C')] {
        keys(&mut app, "C");
        press(&mut app, close);
        assert_eq!(app.mode(), &Mode::Browse, "{close:?}");
    }
}

#[test]
fn a_read_only_plan_refuses_to_settle() {
    let mut plan = bundled();
    plan.conflicts = vec![status_conflict()];
    let mut app = App::new(
        plan,
        AppOptions {
            read_only: Some(crate::i18n::ReadOnlyWhy::Forced),
            ..options()
        },
    );
    keys(&mut app, "C");
    assert!(keys(&mut app, "M").is_empty());
    assert!(keys(&mut app, "a").is_empty());
    assert_eq!(app.plan().conflicts, [status_conflict()]);
    assert_eq!(notices(&app)[0].0, NoticeKind::Warning);
}
