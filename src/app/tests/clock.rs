//! The app reads no clock: an edit takes the time of the key that made it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::timestamp::Timestamp;

const ID: &str = "kwalen-kwartet";

fn at(app: &mut App, code: KeyCode, modifiers: KeyModifiers, secs: i64) {
    app.handle(Event::Key(KeyEvent::new(code, modifiers), Timestamp(secs)));
}

fn history_times(app: &App) -> Vec<String> {
    let p = app.plan().project(app.plan().locate(ID).unwrap()).unwrap();
    p.history
        .iter()
        .rev()
        .take(2)
        .map(|h| h.at.to_string())
        .collect()
}

#[test]
fn an_edit_carries_the_time_of_the_key_that_made_it() {
    let mut app = app();
    go_to(&mut app, ID);
    at(&mut app, KeyCode::Char('s'), KeyModifiers::NONE, 1_000);
    at(
        &mut app,
        KeyCode::Char('3'),
        KeyModifiers::NONE,
        1_790_000_000,
    );
    let edit = app.pending().last().unwrap();
    assert_eq!(
        (edit.at, edit.by.as_str()),
        (Timestamp(1_790_000_000), "tester")
    );
    assert_eq!(history_times(&app)[0], "2026-09-21T14:13:20Z");

    at(
        &mut app,
        KeyCode::Char('e'),
        KeyModifiers::NONE,
        1_790_000_100,
    );
    at(
        &mut app,
        KeyCode::Char('x'),
        KeyModifiers::NONE,
        1_790_000_200,
    );
    at(&mut app, KeyCode::Enter, KeyModifiers::NONE, 1_790_000_300);
    let edit = app.pending().last().unwrap();
    assert_eq!(
        edit.at,
        Timestamp(1_790_000_300),
        "the Enter that committed"
    );
}

#[test]
fn undo_and_redo_carry_the_time_of_their_own_key() {
    let mut app = app();
    go_to(&mut app, ID);
    at(&mut app, KeyCode::Char('s'), KeyModifiers::NONE, 100);
    at(&mut app, KeyCode::Char('3'), KeyModifiers::NONE, 200);
    at(
        &mut app,
        KeyCode::Char('u'),
        KeyModifiers::NONE,
        1_790_000_000,
    );
    let undo = app.pending().last().unwrap();
    assert_eq!(undo.at, Timestamp(1_790_000_000));
    assert_eq!(
        history_times(&app),
        ["2026-09-21T14:13:20Z", "1970-01-01T00:03:20Z"]
    );
    at(
        &mut app,
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
        1_790_000_060,
    );
    assert_eq!(app.pending().last().unwrap().at, Timestamp(1_790_000_060));
}
