//! Colleagues on the same plan: the presence event and what this UI announces.

use crossterm::event::KeyCode;

use super::*;
use crate::app::{Activity, Mode, Pane, Peer};

const ID: &str = "kwalen-kwartet";

fn peer(user: &str, item: Option<&str>, editing: bool) -> Peer {
    Peer {
        user: user.into(),
        item: item.map(str::to_string),
        editing,
    }
}

#[test]
fn the_presence_event_replaces_the_list_and_changes_nothing_else() {
    let mut app = app();
    go_to(&mut app, ID);
    let (view, mode) = (app.view(), app.mode().clone());
    let effects = app.handle(Event::Presence(vec![
        peer("anna", Some(ID), true),
        peer("bert", None, false),
    ]));
    assert!(kinds(effects).is_empty());
    assert_eq!(app.peers().len(), 2);
    assert_eq!((app.view(), app.mode()), (view, &mode));
    assert!(app.notices().is_empty() && !app.has_unsaved());
    app.handle(Event::Presence(vec![peer(
        "bert",
        Some("werkplezier"),
        false,
    )]));
    assert_eq!(app.peers(), [peer("bert", Some("werkplezier"), false)]);
    app.handle(Event::Presence(Vec::new()));
    assert!(app.peers().is_empty());
}

#[test]
fn only_an_open_editor_on_the_item_counts_as_editing_it() {
    let mut app = app();
    app.handle(Event::Presence(vec![
        peer("anna", Some(ID), true),
        peer("bert", Some(ID), false),
        peer("carla", Some("werkplezier"), true),
        peer("dirk", Some(ID), true),
    ]));
    assert_eq!(app.editors_of(ID).collect::<Vec<_>>(), ["anna", "dirk"]);
    assert_eq!(app.editors_of("werkplezier").count(), 1);
    assert_eq!(app.editors_of("arbeidsmarkt").count(), 0);
}

#[test]
fn the_activity_follows_the_focused_selection() {
    let mut app = app();
    let theme = app.theme().unwrap().id.clone();
    assert_eq!(app.view().focus, Pane::Themes);
    assert_eq!(
        app.activity(),
        Activity {
            item: Some(theme),
            editing: false
        }
    );
    press(&mut app, KeyCode::Right);
    let sub = app.subtheme().unwrap().id.clone();
    assert_eq!(app.activity().item, Some(sub));
    go_to(&mut app, ID);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.view().focus, Pane::Projects);
    assert_eq!(app.shown_item(), Some(ID));
    assert_eq!(app.activity().item.as_deref(), Some(ID));
    assert!(!app.activity().editing);
}

#[test]
fn an_open_editor_or_status_picker_is_announced_as_editing_until_closed() {
    let mut app = app();
    go_to(&mut app, ID);
    let editing = Activity {
        item: Some(ID.into()),
        editing: true,
    };
    keys(&mut app, "e");
    assert!(matches!(app.mode(), Mode::Editing(_)));
    assert_eq!(app.activity(), editing);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(!app.activity().editing);
    keys(&mut app, "o");
    assert_eq!(app.activity(), editing);
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "s");
    assert!(matches!(app.mode(), Mode::Picker(_)));
    assert_eq!(app.activity(), editing);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.activity().item.as_deref(), Some(ID));
    assert!(!app.activity().editing);
}

#[test]
fn peers_survive_a_reload_and_a_save() {
    let mut app = app();
    app.handle(Event::Presence(vec![peer("anna", Some(ID), true)]));
    app.handle(Event::Reloaded(bundled()));
    assert_eq!(app.peers().len(), 1);
    assert_eq!(app.editors_of(ID).count(), 1);
}
