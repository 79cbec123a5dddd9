//! Same-field conflicts: undo, redo and the inline editor meeting a value
//! someone else set meanwhile.

use crossterm::event::KeyCode;

use super::*;
use crate::app::{ConflictChoice, ConflictOrigin, Mode};
use crate::edit::{Change, Field, Shown, TextField};
use crate::edit::{Conflict, MergeReport};
use crate::plan::{Project, Status};

const ID: &str = "kwalen-kwartet";
const OTHER: &str = "programma-loyale-tegenspraak";

fn project<'a>(app: &'a App, id: &str) -> &'a Project {
    app.plan().project(app.plan().locate(id).unwrap()).unwrap()
}

fn notes(app: &App) -> &str {
    &project(app, ID).notes
}

fn text(s: &str) -> Shown<'_> {
    Shown::Text(s)
}

fn notes_field() -> Field {
    Field::Text(TextField::Notes(ID.into()))
}

/// Someone else saved: the plan is reloaded from disk with their change.
fn reloaded(app: &mut App, id: &str, change: impl FnOnce(&mut Project)) {
    let mut plan = app.plan().clone();
    change(plan.project_mut(plan.locate(id).unwrap()).unwrap());
    app.handle(Event::Reloaded(plan));
}

fn conflict(app: &App) -> &ConflictChoice {
    match app.mode() {
        Mode::Conflict(choice) => choice,
        other => panic!("no conflict shown: {other:?}"),
    }
}

/// Notes set to "mijn" by this user and saved, then to "hun" by someone else.
fn notes_changed_by_someone() -> App {
    let mut app = app();
    go_to(&mut app, ID);
    keys(&mut app, "emijn");
    press(&mut app, KeyCode::Enter);
    saved(&mut app);
    reloaded(&mut app, ID, |p| p.notes = "hun\ntwee regels".into());
    app
}

#[test]
fn undo_after_an_outside_change_shows_both_values() {
    let mut app = notes_changed_by_someone();
    keys(&mut app, "1"); // look elsewhere: the conflict brings the project back
    assert_eq!(keys(&mut app, "u"), vec![], "nothing is changed yet");
    let choice = conflict(&app);
    assert_eq!(choice.change.field(), notes_field());
    assert_eq!(choice.change.to(), text(""), "what undo would restore");
    assert_eq!(choice.change.from(), text("hun\ntwee regels"));
    assert!(matches!(&choice.origin, ConflictOrigin::Undo(e) if e.change.to() == text("mijn")));
    assert_eq!(selected_id(&app).as_deref(), Some(ID));
    assert_eq!(notes(&app), "hun\ntwee regels");
    // Navigation keys do not decide.
    for key in ["j", "k", "q", "u", "1", "y", "n"] {
        assert_eq!(keys(&mut app, key), vec![], "{key}");
        assert!(matches!(app.mode(), Mode::Conflict(_)), "{key}");
    }
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(matches!(app.mode(), Mode::Conflict(_)));
}

#[test]
fn undo_conflict_keep_mine_is_an_edit_that_undo_reverts() {
    let mut app = notes_changed_by_someone();
    keys(&mut app, "u");
    assert_eq!(keys(&mut app, "M"), vec![EffectKind::Save]);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(notes(&app), "");
    let edit = &app.pending()[0];
    assert_eq!(
        (edit.change.from(), edit.change.to()),
        (text("hun\ntwee regels"), text(""))
    );
    assert!(app.notices()[0].text.starts_with("Kept yours"));
    saved(&mut app);
    assert_eq!(keys(&mut app, "u"), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "hun\ntwee regels", "undo brings theirs back");
    // What was undone can still be redone, like after any undo.
    saved(&mut app);
    assert_eq!(ctrl(&mut app, 'r'), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "");
    saved(&mut app);
    assert_eq!(ctrl(&mut app, 'r'), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "mijn");
}

#[test]
fn undo_conflict_take_theirs_leaves_them_and_undo_brings_mine_back() {
    let mut app = notes_changed_by_someone();
    keys(&mut app, "u");
    assert_eq!(keys(&mut app, "a"), vec![], "nothing to save");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(notes(&app), "hun\ntwee regels");
    assert!(app.notices()[0].text.starts_with("Accepted theirs"));
    assert_eq!(keys(&mut app, "u"), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "", "mine is back");
    saved(&mut app);
    assert_eq!(ctrl(&mut app, 'r'), vec![EffectKind::Save]);
    assert_eq!(
        notes(&app),
        "hun\ntwee regels",
        "and redo takes theirs again"
    );
}

#[test]
fn esc_in_an_undo_conflict_changes_nothing_and_keeps_the_undo() {
    let mut app = notes_changed_by_someone();
    keys(&mut app, "u");
    assert_eq!(press(&mut app, KeyCode::Esc), vec![]);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(notes(&app), "hun\ntwee regels");
    assert!(!app.has_unsaved());
    keys(&mut app, "u");
    assert!(matches!(app.mode(), Mode::Conflict(_)), "asked again");
}

#[test]
fn undo_of_a_status_changed_by_someone_else_asks_too() {
    let mut app = app();
    go_to(&mut app, ID);
    keys(&mut app, "s3");
    saved(&mut app);
    reloaded(&mut app, ID, |p| {
        p.status.0.insert(2026, Status::OnHold);
    });
    keys(&mut app, "u");
    let choice = conflict(&app);
    assert_eq!(
        choice.change.field(),
        Field::Status {
            project: ID.into(),
            year: 2026
        }
    );
    assert_eq!(choice.change.to(), Shown::Status(Some(Status::Planned)));
    assert_eq!(choice.change.from(), Shown::Status(Some(Status::OnHold)));
    assert_eq!(keys(&mut app, "M"), vec![EffectKind::Save]);
    assert_eq!(project(&app, ID).status_in(2026), Some(Status::Planned));
    let last = project(&app, ID).history.last().unwrap();
    assert_eq!(
        (last.from, last.to),
        (Some(Status::OnHold), Some(Status::Planned))
    );
}

#[test]
fn redo_after_an_outside_change_asks_and_both_choices_are_undoable() {
    let setup = || {
        let mut app = app();
        go_to(&mut app, ID);
        keys(&mut app, "emijn");
        press(&mut app, KeyCode::Enter);
        keys(&mut app, "u");
        saved(&mut app);
        reloaded(&mut app, ID, |p| p.notes = "hun".into());
        assert_eq!(ctrl(&mut app, 'r'), vec![]);
        let choice = conflict(&app);
        assert_eq!(
            (choice.change.to(), choice.change.from()),
            (text("mijn"), text("hun"))
        );
        assert!(matches!(choice.origin, ConflictOrigin::Redo(_)));
        app
    };
    let mut app = setup();
    assert_eq!(keys(&mut app, "M"), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "mijn");
    keys(&mut app, "u");
    assert_eq!(notes(&app), "hun");

    let mut app = setup();
    assert_eq!(keys(&mut app, "a"), vec![]);
    assert_eq!(notes(&app), "hun");
    keys(&mut app, "u");
    assert_eq!(notes(&app), "mijn");

    let mut app = setup();
    press(&mut app, KeyCode::Esc);
    assert_eq!(notes(&app), "hun");
    ctrl(&mut app, 'r');
    assert!(matches!(app.mode(), Mode::Conflict(_)), "the redo was kept");
}

/// The notes editor open on "" with "mijn tekst" typed, while someone else
/// saved "hun tekst".
fn editor_open_across_a_reload() -> App {
    let mut app = app();
    go_to(&mut app, ID);
    keys(&mut app, "emijn");
    key(
        &mut app,
        crossterm::event::KeyEvent::new(KeyCode::Enter, crossterm::event::KeyModifiers::ALT),
    );
    keys(&mut app, "tekst");
    reloaded(&mut app, ID, |p| p.notes = "hun tekst".into());
    assert!(
        matches!(app.mode(), Mode::Editing(_)),
        "the editor stays open"
    );
    assert_eq!(press(&mut app, KeyCode::Enter), vec![], "nothing saved yet");
    let choice = conflict(&app);
    assert_eq!(choice.change.to(), text("mijn\ntekst"));
    assert_eq!(choice.change.from(), text("hun tekst"));
    app
}

#[test]
fn a_notes_editor_open_across_an_outside_change_asks_on_enter() {
    let mut app = editor_open_across_a_reload();
    assert_eq!(
        app.unsaved_input(),
        Some((TextField::Notes(ID.into()), "mijn\ntekst".into())),
        "the typed text is still unsaved input"
    );
    assert_eq!(press(&mut app, KeyCode::Esc), vec![]);
    let Mode::Editing(editing) = app.mode() else {
        panic!("back in the editor");
    };
    assert_eq!(editing.editor.text(), "mijn\ntekst", "with the text intact");
    assert_eq!(notes(&app), "hun tekst");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Conflict(_)), "asked again");
}

#[test]
fn editor_conflict_keep_mine_saves_the_text_and_undo_brings_theirs_back() {
    let mut app = editor_open_across_a_reload();
    assert_eq!(keys(&mut app, "M"), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "mijn\ntekst");
    assert_eq!(app.pending()[0].change.from(), text("hun tekst"));
    keys(&mut app, "u");
    assert_eq!(notes(&app), "hun tekst");
}

#[test]
fn editor_conflict_take_theirs_keeps_their_text_and_undo_brings_mine_back() {
    let mut app = editor_open_across_a_reload();
    assert_eq!(keys(&mut app, "a"), vec![]);
    assert_eq!(notes(&app), "hun tekst");
    assert_eq!(app.unsaved_input(), None);
    assert_eq!(keys(&mut app, "u"), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "mijn\ntekst", "the typed text is not lost");
}

#[test]
fn no_conflict_when_someone_else_changed_another_field_or_project() {
    let mut app = app();
    go_to(&mut app, ID);
    keys(&mut app, "emijn");
    press(&mut app, KeyCode::Enter);
    saved(&mut app);
    reloaded(&mut app, ID, |p| p.owner = "Ingrid".into());
    reloaded(&mut app, OTHER, |p| p.notes = "elders".into());
    assert_eq!(keys(&mut app, "u"), vec![EffectKind::Save]);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(notes(&app), "");
    assert_eq!(project(&app, ID).owner, "Ingrid");
    saved(&mut app);
    assert_eq!(ctrl(&mut app, 'r'), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "mijn");

    keys(&mut app, "e!");
    reloaded(&mut app, ID, |p| p.owner = "Bram".into());
    reloaded(&mut app, OTHER, |p| p.notes = "weer elders".into());
    saved(&mut app);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "mijn!");
}

#[test]
fn no_conflict_when_someone_else_set_the_same_value() {
    let mut app = app();
    go_to(&mut app, ID);
    keys(&mut app, "e");
    keys(&mut app, "zelfde");
    reloaded(&mut app, ID, |p| p.notes = "zelfde".into());
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(notes(&app), "zelfde");
}

#[test]
fn an_open_dialog_shows_their_newest_value() {
    let mut app = notes_changed_by_someone();
    keys(&mut app, "u");
    reloaded(&mut app, ID, |p| p.notes = "nog nieuwer".into());
    assert_eq!(conflict(&app).change.from(), text("nog nieuwer"));
    keys(&mut app, "a");
    keys(&mut app, "u");
    assert_eq!(notes(&app), "");
}

#[test]
fn after_a_merge_that_overrode_theirs_undo_brings_theirs_back() {
    let mut app = app();
    go_to(&mut app, ID);
    keys(&mut app, "s3");
    let merged = Some(app.plan().clone());
    // The store replayed the edit over someone else's On hold.
    app.handle(Event::Saved {
        merged,
        result: Ok(MergeReport {
            conflicts: vec![Conflict {
                change: Change::Status {
                    project: ID.into(),
                    year: 2026,
                    from: Some(Status::OnHold),
                    to: Some(Status::Done),
                },
            }],
            missing: Vec::new(),
            ..MergeReport::default()
        }),
        clock: "14:02".into(),
    });
    assert_eq!(keys(&mut app, "u"), vec![EffectKind::Save]);
    assert_eq!(project(&app, ID).status_in(2026), Some(Status::OnHold));
}
