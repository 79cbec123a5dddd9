use crossterm::event::KeyCode;

use super::*;
use crate::app::EffectKind;
use crate::app::{Mode, NoticeKind, SaveState};
use crate::edit::Change;
use crate::edit::{Conflict, MergeReport};
use crate::i18n::SaveFailure;
use crate::plan::Status;

fn saved_ok(app: &mut App, report: MergeReport) -> Vec<EffectKind> {
    assert!(app.is_saving(), "a save was asked for");
    kinds(app.handle(Event::Saved {
        result: Ok(report),
        merged: None,
        clock: "14:02".into(),
    }))
}

/// A failed write of `plan.ron`, for the reason given.
fn io_failure(reason: &str) -> SaveFailure {
    SaveFailure::Io {
        path: "plan.ron".into(),
        why: crate::i18n::IoWhy {
            kind: std::io::ErrorKind::Other,
            text: reason.into(),
        },
    }
}

/// A save that failed: "not saved: plan.ron: REASON".
fn saved_err(app: &mut App, reason: &str) -> Vec<EffectKind> {
    assert!(app.is_saving(), "a save was asked for");
    kinds(app.handle(Event::Saved {
        result: Err(io_failure(reason)),
        merged: None,
        clock: "14:03".into(),
    }))
}

/// An app with one unsaved status edit on `kwalen-kwartet`.
fn edited() -> App {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    assert_eq!(keys(&mut app, "s3"), vec![EffectKind::Save]);
    app
}

#[test]
fn quit_without_unsaved_edits_quits() {
    let mut app = app();
    assert_eq!(keys(&mut app, "q"), vec![EffectKind::Quit]);
    assert_eq!(ctrl(&mut app, 'c'), vec![EffectKind::Quit]);
}

#[test]
fn quit_with_unsaved_edits_saves_first_then_quits() {
    let mut app = edited();
    assert_eq!(
        ctrl(&mut app, 'c'),
        vec![],
        "the running save is waited for"
    );
    assert_eq!(app.mode(), &Mode::Quitting);
    assert_eq!(
        saved_ok(&mut app, MergeReport::default()),
        vec![EffectKind::Quit]
    );
}

#[test]
fn quitting_after_a_saved_edit_with_another_pending_saves_it_first() {
    let mut app = edited();
    saved_ok(&mut app, MergeReport::default());
    keys(&mut app, "s2");
    assert!(app.is_saving());
    saved_err(&mut app, "locked");
    assert_eq!(ctrl(&mut app, 'c'), vec![EffectKind::Save]);
    assert_eq!(app.mode(), &Mode::Quitting);
    assert_eq!(
        saved_ok(&mut app, MergeReport::default()),
        vec![EffectKind::Quit, EffectKind::Journal]
    );
}

#[test]
fn a_failed_save_on_quit_asks_before_discarding() {
    let mut app = edited();
    keys(&mut app, "q");
    assert_eq!(
        saved_err(&mut app, "permission denied"),
        vec![EffectKind::Journal],
        "the edit that could not be saved goes to the journal"
    );
    assert_eq!(
        app.mode(),
        &Mode::ConfirmQuit {
            error: io_failure("permission denied")
        }
    );
    assert_eq!(keys(&mut app, "n"), vec![]);
    assert_eq!(app.mode(), &Mode::Browse);
    assert!(app.has_unsaved());
    assert_eq!(
        keys(&mut app, "q"),
        vec![EffectKind::Save],
        "quitting retries the save"
    );
    saved_err(&mut app, "permission denied");
    // Keys that move through the plan never answer: not `j` (down, and the
    // Dutch "ja"), not `y`, `q`, Enter or the arrows.
    for k in ["j", "y", "q", "k"] {
        assert_eq!(keys(&mut app, k), vec![], "{k}");
        assert!(matches!(app.mode(), Mode::ConfirmQuit { .. }), "{k}");
    }
    for code in [
        KeyCode::Enter,
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Char(' '),
    ] {
        assert_eq!(press(&mut app, code), vec![], "{code:?}");
        assert!(matches!(app.mode(), Mode::ConfirmQuit { .. }), "{code:?}");
    }
    assert_eq!(keys(&mut app, "Q"), vec![EffectKind::Quit]);
}

#[test]
fn a_successful_save_clears_pending_and_shows_the_time() {
    let mut app = edited();
    assert_eq!(saved_ok(&mut app, MergeReport::default()), vec![]);
    assert!(!app.has_unsaved());
    assert_eq!(app.save_state(), &SaveState::Saved("14:02".into()));
}

#[test]
fn a_failed_save_keeps_the_edit_and_the_next_edit_retries() {
    let mut app = edited();
    saved_err(&mut app, "disk full");
    assert_eq!(
        app.save_state(),
        &SaveState::Failed(io_failure("disk full"))
    );
    let SaveState::Failed(failure) = app.save_state() else {
        unreachable!()
    };
    assert_eq!(
        app.lang().not_saved(failure, app.zone()),
        "not saved: plan.ron: disk full"
    );
    assert_eq!(app.pending().len(), 1);
    let loc = app.plan().locate("kwalen-kwartet").unwrap();
    assert_eq!(
        app.plan().project(loc).unwrap().status_in(2026),
        Some(Status::Done)
    );
    assert_eq!(
        keys(&mut app, "s2"),
        vec![EffectKind::Save, EffectKind::Journal],
        "the journal follows the pending edits while they are at risk"
    );
    assert_eq!(app.pending().len(), 2);
    assert_eq!(
        saved_ok(&mut app, MergeReport::default()),
        vec![EffectKind::Journal],
        "once saved, the journal is emptied"
    );
    assert!(!app.has_unsaved());
}

#[test]
fn a_merged_save_keeps_the_selection_by_id() {
    let mut app = edited();
    let mut plan = app.plan().clone();
    // Another process added a theme at the top and saved.
    let mut first = plan.themes[0].clone();
    first.id = "nieuw".into();
    first.subthemes.clear();
    plan.themes.insert(0, first);
    let effects = app.handle(Event::Saved {
        result: Ok(MergeReport::default()),
        merged: Some(plan),
        clock: "14:02".into(),
    });
    assert!(effects.is_empty());
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(app.index().len(), app.plan().themes.len() + 44 + 76);
}

#[test]
fn conflicts_and_removals_are_named_in_notices() {
    let mut app = edited();
    let report = MergeReport {
        conflicts: vec![Conflict {
            change: Change::Status {
                project: "kwalen-kwartet".into(),
                year: 2026,
                from: Some(Status::OnHold),
                to: Some(Status::Done),
            },
        }],
        missing: vec!["weg-project".into()],
        ..MergeReport::default()
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
    assert!(app.handle(Event::Reloaded(plan)).is_empty());
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
    saved_err(&mut app, "locked");
    assert_eq!(
        kinds(app.handle(Event::Reloaded(bundled()))),
        vec![EffectKind::Save]
    );
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
    let fault = crate::i18n::FileFault::Syntax {
        path: "plan.ron".into(),
        line: 3,
        col: 1,
        message: crate::codec::SyntaxMessage::Eof,
        excerpt: String::new(),
    };
    app.handle(Event::DiskBroken(fault.clone()));
    assert_eq!(app.disk_error(), Some(&fault));
    assert_eq!(
        keys(&mut app, "s2"),
        vec![EffectKind::Save, EffectKind::Journal]
    );
    app.handle(Event::Reloaded(bundled()));
    assert_eq!(app.disk_error(), None);
}

#[test]
fn edits_made_while_a_save_runs_are_saved_next_and_go_on_top_of_a_merge() {
    let mut app = edited();
    go_to(&mut app, "kwalen-kwartet");
    assert_eq!(keys(&mut app, "o"), vec![]);
    ctrl(&mut app, 'u');
    assert_eq!(
        keys(&mut app, "Zoë"),
        vec![],
        "typing never waits for the save"
    );
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert_eq!(app.pending().len(), 2);
    // Another writer had saved a change to another project; our first edit was
    // replayed onto theirs.
    let mut theirs = bundled();
    let other = theirs.locate("kwalen-kwartet").unwrap();
    theirs
        .project_mut(other)
        .unwrap()
        .status
        .0
        .insert(2026, Status::Done);
    let effects = app.handle(Event::Saved {
        result: Ok(MergeReport::default()),
        merged: Some(theirs),
        clock: "14:05".into(),
    });
    assert_eq!(
        kinds(effects),
        vec![EffectKind::Save],
        "the owner edit next"
    );
    let loc = app.plan().locate("kwalen-kwartet").unwrap();
    assert_eq!(app.plan().project(loc).unwrap().owner, "Zoë");
    assert_eq!(app.pending().len(), 1);
}

#[test]
fn a_save_made_before_a_reload_is_made_again_from_the_reloaded_plan() {
    let mut app = edited();
    assert!(app.handle(Event::Reloaded(bundled())).is_empty());
    let effects = app.handle(Event::SaveStale);
    let [super::super::Effect::Save(job)] = effects.as_slice() else {
        panic!("a new save job");
    };
    assert_eq!(job.base, 1, "based on the reloaded plan");
    assert_eq!(job.edits.len(), 1);
    let loc = job.snapshot.locate("kwalen-kwartet").unwrap();
    assert_eq!(
        job.snapshot.project(loc).unwrap().status_in(2026),
        Some(Status::Done),
        "the edit was replayed onto the reloaded plan"
    );
}

#[test]
fn waiting_for_the_lock_is_shown_and_puts_the_edits_in_the_journal() {
    let mut app = edited();
    let anna = crate::i18n::Holder::Known {
        name: "anna".into(),
        pid: 12,
        since: None,
    };
    let effects = app.handle(Event::Waiting {
        holder: anna.clone(),
    });
    let [super::super::Effect::Journal(entry)] = effects.as_slice() else {
        panic!("the journal is written while the save waits");
    };
    assert_eq!(entry.edits.len(), 1);
    assert_eq!(app.waiting_for(), Some(&anna));
    assert_eq!(keys(&mut app, "j"), vec![], "keys keep working");
    assert_eq!(
        saved_ok(&mut app, MergeReport::default()),
        vec![EffectKind::Journal]
    );
    assert_eq!(app.waiting_for(), None);
}
