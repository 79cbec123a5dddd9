//! Unit tests of the pure update: events in, state and effects out.

mod archive_view;
mod arrange;
mod clock;
mod conflict;
mod conflicts_view;
mod editor;
mod edits;
mod form;
mod form_edit;
mod form_undo;
mod journal;
mod listing;
mod nav;
mod overviews;
mod presence;
mod reorder;
mod search;
mod sync;
mod together;
mod travel;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, AppOptions, EffectKind, Event};
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::timestamp::Timestamp;
use crate::view::Viewport;

fn bundled() -> Plan {
    crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("the bundled plan parses")
}

fn options() -> AppOptions {
    AppOptions {
        lang: Lang::En,
        year: None,
        read_only: None,
        user: "tester".into(),
        mouse: true,
    }
}

/// What a 120×40 frame shows, as the renderer reports it.
fn viewport() -> Viewport {
    Viewport {
        panes: [33, 33, 10],
        summary: 30,
        changes: 16,
        details_max: 3,
        help_max: 40,
    }
}

/// The bundled plan, opened read-only.
fn read_only_app() -> App {
    let read_only = Some(crate::i18n::ReadOnlyWhy::Forced);
    App::new(
        bundled(),
        AppOptions {
            read_only,
            ..options()
        },
    )
}

/// Every save asked for is done, with no one else in between. One save runs
/// at a time; edits made meanwhile follow in the next.
fn saved(app: &mut App) {
    while app.is_saving() {
        app.handle(Event::Saved {
            result: Ok(crate::edit::MergeReport::default()),
            merged: None,
            clock: "14:02".into(),
        });
    }
    assert!(!app.has_unsaved());
}

fn app() -> App {
    let mut app = App::new(bundled(), options());
    app.handle(Event::Layout(viewport()));
    app
}

/// What the effects were, without their data.
fn kinds(effects: Vec<super::Effect>) -> Vec<EffectKind> {
    effects.iter().map(super::Effect::kind).collect()
}

/// The time every test key is pressed at: the app reads no clock.
const T0: Timestamp = Timestamp(1_790_000_000);

/// A key, pressed at [`T0`].
fn key(app: &mut App, key: KeyEvent) -> Vec<EffectKind> {
    kinds(app.handle(Event::Key(key, T0)))
}

fn press(app: &mut App, code: KeyCode) -> Vec<EffectKind> {
    key(app, KeyEvent::new(code, KeyModifiers::NONE))
}

fn keys(app: &mut App, chars: &str) -> Vec<EffectKind> {
    chars
        .chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

fn ctrl(app: &mut App, c: char) -> Vec<EffectKind> {
    key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The selected project's id, if the projects pane shows one.
fn selected_id(app: &App) -> Option<String> {
    app.selected_project().map(|(_, p)| p.id.clone())
}

/// Selects a project by id, as a search jump does.
fn go_to(app: &mut App, id: &str) {
    let loc = app.plan().locate(id).expect("known id");
    app.jump_to(crate::search::Target::Project(loc));
    assert_eq!(selected_id(app).as_deref(), Some(id));
}
