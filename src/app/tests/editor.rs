//! The inline editor: multi-line notes, one-line owners, wide characters.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::{Mode, NoticeKind};
use crate::edit::TextField;

const ID: &str = "kwalen-kwartet";

fn notes(app: &App) -> &str {
    &app.plan()
        .project(app.plan().locate(ID).unwrap())
        .unwrap()
        .notes
}

fn owner(app: &App) -> &str {
    &app.plan()
        .project(app.plan().locate(ID).unwrap())
        .unwrap()
        .owner
}

/// An app on a plan whose `kwalen-kwartet` has these notes and owner.
fn app_with(notes: &str, owner: &str) -> App {
    let mut plan = bundled();
    let p = plan.project_mut(plan.locate(ID).unwrap()).unwrap();
    p.notes = notes.into();
    p.owner = owner.into();
    let mut app = App::new(plan, options());
    app.handle(Event::Layout(super::viewport()));
    go_to(&mut app, ID);
    app
}

fn alt_enter(app: &mut App) -> Vec<EffectKind> {
    key(app, KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT))
}

fn editor_text(app: &App) -> String {
    match app.mode() {
        Mode::Editing(e) => e.editor.text(),
        other => panic!("not editing: {other:?}"),
    }
}

#[test]
fn multi_line_notes_are_kept_through_open_and_enter() {
    let text = "Regel een\n\n  regel drie\t(ingesprongen)\r\nslot\n";
    let mut app = app_with(text, "");
    keys(&mut app, "e");
    assert_eq!(
        app.unsaved_input(),
        Some((TextField::Notes(ID.into()), text.into())),
        "the editor holds the text with its line breaks"
    );
    assert_eq!(press(&mut app, KeyCode::Enter), vec![], "nothing changed");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(notes(&app), text);
    assert!(!app.has_unsaved());
    // An edit on the last line keeps every other line break.
    keys(&mut app, "e");
    keys(&mut app, "klaar");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert_eq!(notes(&app), format!("{text}klaar"));
}

#[test]
fn alt_enter_and_ctrl_j_break_the_line_and_enter_commits() {
    let mut app = app_with("", "");
    keys(&mut app, "ea");
    assert_eq!(alt_enter(&mut app), vec![]);
    keys(&mut app, "b");
    assert_eq!(ctrl(&mut app, 'j'), vec![]);
    keys(&mut app, "c");
    assert_eq!(editor_text(&app), "a\nb\nc");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "a\nb\nc");
}

#[test]
fn ctrl_s_commits_and_ctrl_c_cancels_without_quitting() {
    let mut app = app_with("oud", "");
    keys(&mut app, "e!");
    assert_eq!(ctrl(&mut app, 's'), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "oud!");
    keys(&mut app, "e?");
    assert_eq!(ctrl(&mut app, 'c'), vec![], "no quit, no save");
    assert!(
        matches!(app.mode(), Mode::Editing(e) if e.asking),
        "typed text asks first"
    );
    assert_eq!(ctrl(&mut app, 'c'), vec![], "a second Ctrl-c discards");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(notes(&app), "oud!");
    assert_eq!(app.pending().len(), 1);
}

#[test]
fn closing_the_editor_asks_only_when_typed_text_would_be_lost() {
    let mut app = app_with("oud", "");
    // Nothing typed: Esc and Ctrl-c close at once.
    keys(&mut app, "e");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), &Mode::Browse);
    keys(&mut app, "e");
    ctrl(&mut app, 'c');
    assert_eq!(app.mode(), &Mode::Browse);
    // Typed and typed back: nothing to lose either.
    keys(&mut app, "ex");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), &Mode::Browse);
    // Typed: Esc asks; `n` and Esc go back to the text, keys are not typed.
    keys(&mut app, "e nieuw");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Editing(e) if e.asking));
    assert_eq!(app.mode().context(), crate::keymap::Context::Discard);
    keys(&mut app, "n");
    assert!(matches!(app.mode(), Mode::Editing(e) if !e.asking));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Editing(e) if !e.asking));
    assert_eq!(
        editor_text(&app),
        "oud nieuw",
        "the answer keys typed nothing"
    );
    // `j` (ja) discards.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "j");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(notes(&app), "oud");
    assert!(app.pending().is_empty());
}

#[test]
fn wide_characters_and_combining_marks_are_one_step() {
    let mut app = app_with("", "");
    keys(&mut app, "e漢字🙂e\u{308}x");
    press(&mut app, KeyCode::Left); // before x
    press(&mut app, KeyCode::Left); // before ë
    press(&mut app, KeyCode::Backspace); // 🙂
    press(&mut app, KeyCode::Left); // before 字
    press(&mut app, KeyCode::Delete); // 字
    assert_eq!(editor_text(&app), "漢e\u{308}x");
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(editor_text(&app), "漢");
}

#[test]
fn up_and_down_move_between_lines_of_the_notes() {
    let mut app = app_with("ab\ncd", "");
    keys(&mut app, "e");
    press(&mut app, KeyCode::Up);
    keys(&mut app, "1");
    press(&mut app, KeyCode::Down);
    keys(&mut app, "2");
    assert_eq!(editor_text(&app), "ab1\ncd2");
}

#[test]
fn the_owner_is_one_line_but_a_line_break_already_there_is_kept() {
    let mut app = app_with("", "Ingrid");
    keys(&mut app, "o");
    assert_eq!(alt_enter(&mut app), vec![]);
    ctrl(&mut app, 'j');
    assert_eq!(editor_text(&app), "Ingrid");
    assert_eq!(app.notices()[0].kind, NoticeKind::Info);
    assert_eq!(app.notices()[0].text, "The owner is one line");
    press(&mut app, KeyCode::Enter);
    assert!(!app.has_unsaved());

    let mut app = app_with("", "Ingrid\nBram");
    keys(&mut app, "o");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert_eq!(owner(&app), "Ingrid\nBram", "never flattened");
}

#[test]
fn recovered_multi_line_input_keeps_its_line_breaks() {
    let mut app = app();
    app.offer_recovery(TextField::Notes(ID.into()), "half\ngetypt\n".into());
    assert_eq!(
        app.unsaved_input(),
        Some((TextField::Notes(ID.into()), "half\ngetypt\n".into()))
    );
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert_eq!(notes(&app), "half\ngetypt\n");
}

#[test]
fn the_app_can_move_to_another_thread() {
    // The editor widget keeps its layout in cells, so the app is not `Sync`,
    // but it stays `Send`.
    fn send<T: Send>() {}
    send::<App>();
}
