use crossterm::event::KeyCode;

use super::*;
use crate::app::{Mode, NoticeKind, SaveState};
use crate::edit::{Field, Value};
use crate::plan::Status;
use crate::storage::{Conflict, SyncReport};

fn saved_ok(app: &mut App, report: SyncReport) -> Vec<Effect> {
    app.save_parts();
    app.handle(Event::Saved {
        result: Ok(report),
        clock: "14:02".into(),
    })
}

fn saved_err(app: &mut App, message: &str) -> Vec<Effect> {
    app.save_parts();
    app.handle(Event::Saved {
        result: Err(message.into()),
        clock: "14:03".into(),
    })
}

/// An app with one unsaved status edit on `kwalen-kwartet`.
fn edited() -> App {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    assert_eq!(keys(&mut app, "s3"), vec![Effect::Save]);
    app
}

#[test]
fn quit_without_unsaved_edits_quits() {
    let mut app = app();
    assert_eq!(keys(&mut app, "q"), vec![Effect::Quit]);
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Quit]);
}

#[test]
fn quit_with_unsaved_edits_saves_first_then_quits() {
    let mut app = edited();
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Save]);
    assert_eq!(app.mode(), &Mode::Quitting);
    assert_eq!(
        saved_ok(&mut app, SyncReport::default()),
        vec![Effect::Quit]
    );
}

#[test]
fn a_failed_save_on_quit_asks_before_discarding() {
    let mut app = edited();
    keys(&mut app, "q");
    assert_eq!(saved_err(&mut app, "not saved: permission denied"), vec![]);
    assert_eq!(
        app.mode(),
        &Mode::ConfirmQuit {
            error: "permission denied".into()
        }
    );
    assert_eq!(keys(&mut app, "n"), vec![]);
    assert_eq!(app.mode(), &Mode::Browse);
    assert!(app.has_unsaved());
    assert_eq!(
        keys(&mut app, "q"),
        vec![Effect::Save],
        "quitting retries the save"
    );
    saved_err(&mut app, "not saved: permission denied");
    assert_eq!(keys(&mut app, "y"), vec![Effect::Quit]);
}

#[test]
fn a_successful_save_clears_pending_and_shows_the_time() {
    let mut app = edited();
    assert_eq!(saved_ok(&mut app, SyncReport::default()), vec![]);
    assert!(!app.has_unsaved());
    assert_eq!(app.save_state(), &SaveState::Saved("14:02".into()));
}

#[test]
fn a_failed_save_keeps_the_edit_and_the_next_edit_retries() {
    let mut app = edited();
    saved_err(&mut app, "not saved: disk full");
    assert_eq!(
        app.save_state(),
        &SaveState::Failed("not saved: disk full".into())
    );
    assert_eq!(app.pending().len(), 1);
    let loc = app.plan().locate("kwalen-kwartet").unwrap();
    assert_eq!(
        app.plan().project(loc).unwrap().status_in(2026),
        Some(Status::Done)
    );
    assert_eq!(keys(&mut app, "s2"), vec![Effect::Save]);
    assert_eq!(app.pending().len(), 2);
    saved_ok(&mut app, SyncReport::default());
    assert!(!app.has_unsaved());
}

#[test]
fn a_merged_save_keeps_the_selection_by_id() {
    let mut app = edited();
    let (plan, _) = app.save_parts();
    // Another process added a theme at the top and saved.
    let mut first = plan.themes[0].clone();
    first.id = "nieuw".into();
    first.subthemes.clear();
    plan.themes.insert(0, first);
    let effects = app.handle(Event::Saved {
        result: Ok(SyncReport {
            merged: true,
            wrote: true,
            ..SyncReport::default()
        }),
        clock: "14:02".into(),
    });
    assert_eq!(effects, vec![]);
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(app.index().len(), app.plan().themes.len() + 44 + 76);
}

#[test]
fn conflicts_and_removals_are_named_in_notices() {
    let mut app = edited();
    let report = SyncReport {
        merged: true,
        conflicts: vec![Conflict {
            project: "kwalen-kwartet".into(),
            field: Field::Status(2026),
            theirs: Value::Status(Some(Status::OnHold)),
            ours: Value::Status(Some(Status::Done)),
        }],
        missing: vec!["weg-project".into()],
        wrote: true,
    };
    saved_ok(&mut app, report);
    let texts: Vec<&str> = app.notices().iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    let conflict = texts[0];
    for part in [
        "Ontwikkeling van het kwalen-kwartet",
        "status 2026",
        "On hold",
        "someone else",
        "u undoes",
    ] {
        assert!(conflict.contains(part), "{part:?} in {conflict:?}");
    }
    assert!(
        texts[1].contains("weg-project") && texts[1].contains("removed"),
        "{}",
        texts[1]
    );
    assert!(app.notices().iter().all(|n| n.kind == NoticeKind::Warning));
}

#[test]
fn reloaded_plan_keeps_the_selection_by_id() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    let mut plan = bundled();
    plan.themes.swap(0, 6);
    plan.themes.reverse();
    assert_eq!(app.handle(Event::Reloaded(plan)), vec![]);
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(app.notices()[0].text, "Plan changed on disk — reloaded");
    keys(&mut app, "/kwalen");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("kwalen-kwartet"),
        "the index was rebuilt"
    );
}

#[test]
fn reloading_keeps_unsaved_edits_and_saves_them() {
    let mut app = edited();
    saved_err(&mut app, "not saved: locked");
    assert_eq!(app.handle(Event::Reloaded(bundled())), vec![Effect::Save]);
    let loc = app.plan().locate("kwalen-kwartet").unwrap();
    assert_eq!(
        app.plan().project(loc).unwrap().status_in(2026),
        Some(Status::Done)
    );
    assert_eq!(app.pending().len(), 1);
}

#[test]
fn a_broken_file_on_disk_is_shown_and_edits_go_on_in_memory() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    app.handle(Event::DiskBroken("plan.ron:3:1: expected `(`".into()));
    assert_eq!(app.disk_error(), Some("plan.ron:3:1: expected `(`"));
    assert_eq!(keys(&mut app, "s2"), vec![Effect::Save]);
    app.handle(Event::Reloaded(bundled()));
    assert_eq!(app.disk_error(), None);
}
