use crossterm::event::KeyCode;

use super::*;
use crate::app::{Mode, NoticeKind, Pane};
use crate::edit::{Shown, TextField};
use crate::plan::{Project, Status};

fn project<'a>(app: &'a App, id: &str) -> &'a Project {
    app.plan().project(app.plan().locate(id).unwrap()).unwrap()
}

#[test]
fn a_digit_in_the_picker_sets_the_status_for_the_year_shown() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    assert_eq!(keys(&mut app, "s"), vec![]);
    assert!(
        matches!(app.mode(), Mode::Picker(p) if p.current == Some(Status::Planned) && p.chosen == 0)
    );
    assert_eq!(keys(&mut app, "3"), vec![EffectKind::Save]);
    assert_eq!(app.mode(), &Mode::Browse);
    let p = project(&app, "kwalen-kwartet");
    assert_eq!(p.status_in(2026), Some(Status::Done));
    let last = p.history.last().unwrap();
    assert_eq!(
        (last.by.as_str(), last.year, last.from, last.to),
        ("tester", 2026, Some(Status::Planned), Some(Status::Done))
    );
    assert_eq!(app.pending().len(), 1);
    assert!(app.has_unsaved());
}

#[test]
fn arrows_and_enter_in_the_picker() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "s");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert_eq!(
        project(&app, "kwalen-kwartet").status_in(2026),
        Some(Status::Done)
    );
}

#[test]
fn esc_or_the_current_status_changes_nothing() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "s");
    assert_eq!(press(&mut app, KeyCode::Esc), vec![]);
    assert_eq!(
        keys(&mut app, "s1"),
        vec![],
        "Planned is already the status"
    );
    assert!(!app.has_unsaved());
    assert_eq!(project(&app, "kwalen-kwartet").history.len(), 0);
}

#[test]
fn editing_keys_act_on_the_selected_project_from_any_pane() {
    let mut app = app();
    keys(&mut app, "s");
    assert!(matches!(app.mode(), Mode::Picker(_)));
    assert_eq!(app.view().focus, Pane::Projects);
}

#[test]
fn notes_edit_commits_multibyte_text() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "e");
    keys(&mut app, "Zoë’s idee 🙂 漢字");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(
        app.unsaved_input(),
        Some((
            TextField::Notes("kwalen-kwartet".into()),
            "Zoë’s idee 🙂 字".into()
        ))
    );
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert_eq!(project(&app, "kwalen-kwartet").notes, "Zoë’s idee 🙂 字");
    assert_eq!(app.unsaved_input(), None);
}

#[test]
fn owner_edit_starts_from_the_current_value_and_esc_cancels() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "o");
    keys(&mut app, "Ingrid");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "o");
    let Mode::Editing(editing) = app.mode() else {
        panic!("not editing");
    };
    assert_eq!(editing.editor.text(), "Ingrid");
    ctrl(&mut app, 'u');
    keys(&mut app, "Bram");
    assert_eq!(press(&mut app, KeyCode::Esc), vec![]);
    assert_eq!(project(&app, "kwalen-kwartet").owner, "Ingrid");
    assert_eq!(app.pending().len(), 1);
}

#[test]
fn undo_and_redo_are_new_edits_saved_like_any_other() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "s3");
    keys(&mut app, "1"); // move away: undo brings the project back into view
    assert_eq!(
        keys(&mut app, "u"),
        vec![],
        "one save runs at a time: the undo is saved when it is done"
    );
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(
        project(&app, "kwalen-kwartet").status_in(2026),
        Some(Status::Planned)
    );
    assert_eq!(app.notices()[0].kind, NoticeKind::Info);
    assert_eq!(ctrl(&mut app, 'r'), vec![]);
    assert_eq!(
        project(&app, "kwalen-kwartet").status_in(2026),
        Some(Status::Done)
    );
    let pending: Vec<Shown> = app.pending().iter().map(|e| e.change.to()).collect();
    assert_eq!(
        pending,
        vec![
            Shown::Status(Some(Status::Done)),
            Shown::Status(Some(Status::Planned)),
            Shown::Status(Some(Status::Done)),
        ]
    );
    assert_eq!(project(&app, "kwalen-kwartet").history.len(), 3);
}

#[test]
fn undo_walks_back_through_every_edit_and_a_new_edit_clears_redo() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "s2");
    keys(&mut app, "oAnna");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "uu");
    let p = project(&app, "kwalen-kwartet");
    assert_eq!(
        (p.owner.as_str(), p.status_in(2026)),
        ("", Some(Status::Planned))
    );
    assert_eq!(keys(&mut app, "u"), vec![]);
    assert!(!app.notices().is_empty(), "nothing to undo is said");
    keys(&mut app, "s5");
    assert_eq!(ctrl(&mut app, 'r'), vec![]);
    assert_eq!(
        project(&app, "kwalen-kwartet").status_in(2026),
        Some(Status::Cancelled)
    );
}

#[test]
fn read_only_refuses_every_edit_with_a_message() {
    let mut app = read_only_app();
    go_to(&mut app, "kwalen-kwartet");
    for key in ["s", "e", "o", "u"] {
        assert_eq!(keys(&mut app, key), vec![], "{key}");
        assert_eq!(app.mode(), &Mode::Browse, "{key}");
        assert_eq!(
            app.notices()[0].text,
            Lang::En.ui().read_only_refused,
            "{key}"
        );
    }
    assert_eq!(ctrl(&mut app, 'r'), vec![]);
    assert!(!app.has_unsaved());
}

#[test]
fn recovery_reopens_the_editor_with_the_text() {
    let mut app = app();
    app.offer_recovery(
        TextField::Notes("kwalen-kwartet".into()),
        "half getypt ë".into(),
    );
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(
        app.unsaved_input(),
        Some((
            TextField::Notes("kwalen-kwartet".into()),
            "half getypt ë".into()
        ))
    );
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert_eq!(project(&app, "kwalen-kwartet").notes, "half getypt ë");
}

#[test]
fn edits_need_a_selected_project() {
    let mut app = app();
    keys(&mut app, "ffff"); // Done only: no project is shown
    assert_eq!(keys(&mut app, "s"), vec![]);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.notices().len(), 1);
}
