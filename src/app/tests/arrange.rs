//! Moving and archiving from the panes: each one an edit that is saved,
//! undone and redone, with the selection on the item. The helpers here are
//! shared by the tests of reordering and of the archive view.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::{ArchiveConfirm, Mode, MoveState, NoticeKind, Pane};
use crate::edit::MergeReport;
use crate::plan::{Kind, Logged};

/// The running save is done, as the disk worker reports between keys.
pub(super) fn settle(app: &mut App) {
    if app.is_saving() {
        app.handle(Event::Saved {
            result: Ok(MergeReport::default()),
            merged: None,
            clock: "14:02".into(),
        });
    }
}

// The keys of these tests are those of `super`, each followed by the end of
// the save it asked for, so that every edit asks for a save of its own.

pub(super) fn press(app: &mut App, code: KeyCode) -> Vec<EffectKind> {
    let effects = super::press(app, code);
    settle(app);
    effects
}

pub(super) fn keys(app: &mut App, chars: &str) -> Vec<EffectKind> {
    (chars.chars())
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

pub(super) fn ctrl(app: &mut App, c: char) -> Vec<EffectKind> {
    let effects = super::ctrl(app, c);
    settle(app);
    effects
}

pub(super) fn alt(app: &mut App, code: KeyCode) -> Vec<EffectKind> {
    let effects = key(app, KeyEvent::new(code, KeyModifiers::ALT));
    settle(app);
    effects
}

/// Where the live item is: its parent's id and its index there.
pub(super) fn place(app: &App, kind: Kind, id: &str) -> Option<(String, usize)> {
    (app.plan().place_of(kind, id)).map(|p| (p.parent, p.position))
}

fn picker(app: &App) -> &MoveState {
    match app.mode() {
        Mode::Move(state) => state,
        other => panic!("not in the move picker: {other:?}"),
    }
}

fn dialog(app: &App) -> &ArchiveConfirm {
    match app.mode() {
        Mode::ConfirmArchive(confirm) => confirm,
        other => panic!("not in the archive dialog: {other:?}"),
    }
}

pub(super) fn notices(app: &App) -> Vec<String> {
    app.notices().iter().map(|n| n.text.clone()).collect()
}

/// The plan without its log: what an undo must give back exactly.
fn without_log(plan: &Plan) -> Plan {
    Plan {
        log: Vec::new(),
        ..plan.clone()
    }
}

pub(super) fn last_logged(app: &App) -> Logged {
    app.plan()
        .log
        .last()
        .expect("a logged change")
        .change
        .clone()
}

pub(super) fn ids_in(app: &App, subtheme: &str) -> Vec<String> {
    let sub = (app.plan().themes.iter())
        .flat_map(|t| &t.subthemes)
        .find(|s| s.id == subtheme)
        .expect("a live sub-theme");
    sub.projects.iter().map(|p| p.id.clone()).collect()
}

pub(super) const OVERGANG: &str = "de-overgang-wat-is-het";

#[test]
fn m_moves_a_project_to_the_end_of_the_chosen_sub_theme_and_undo_and_redo_follow_it() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    let before = app.plan().clone();
    assert!(keys(&mut app, "m").is_empty());
    let state = picker(&app);
    assert_eq!(
        (state.kind, state.id.as_str()),
        (Kind::Project, "kwalen-kwartet")
    );
    assert_eq!(
        state.destinations.len(),
        app.plan().subtheme_count() - 1,
        "every other sub-theme"
    );
    assert!(state.destinations.iter().all(|d| d.id != OVERGANG));
    assert_eq!(
        state.destinations[0].label,
        "Ambtelijk vakmanschap › A. Loyale Tegenspraak"
    );
    keys(&mut app, "ARBEIDSMARKTCOM");
    let chosen = picker(&app).chosen_destination().expect("a match");
    assert_eq!(chosen.id, "arbeidsmarktcommunicatie", "case is ignored");
    let end = ids_in(&app, "arbeidsmarktcommunicatie").len();
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert_eq!(app.mode(), &Mode::Browse);
    let moved = Some(("arbeidsmarktcommunicatie".to_string(), end));
    assert_eq!(place(&app, Kind::Project, "kwalen-kwartet"), moved);
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(app.view().focus, Pane::Projects);
    assert!(notices(&app)[0].starts_with(
        "Moved “Ontwikkeling van het kwalen-kwartet” to Arbeidsmarkt › A. Arbeidsmarktcommunicatie"
    ));
    assert!(matches!(
        last_logged(&app),
        Logged::Moved {
            kind: Kind::Project,
            ..
        }
    ));
    assert!(app.pending().is_empty(), "saved");

    assert_eq!(keys(&mut app, "u"), vec![EffectKind::Save]);
    let back = Some((OVERGANG.to_string(), 1));
    assert_eq!(place(&app, Kind::Project, "kwalen-kwartet"), back);
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(without_log(app.plan()), without_log(&before));
    assert_eq!(
        notices(&app),
        [
            "Undone: “Ontwikkeling van het kwalen-kwartet” is in Open over de Overgang › De Overgang – wat is het? at place 2"
        ]
    );
    assert_eq!(ctrl(&mut app, 'r'), vec![EffectKind::Save]);
    assert_eq!(place(&app, Kind::Project, "kwalen-kwartet"), moved);
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(
        notices(&app),
        [format!(
            "Redone: “Ontwikkeling van het kwalen-kwartet” is in Arbeidsmarkt › Arbeidsmarktcommunicatie at place {}",
            end + 1
        )]
    );
    assert_eq!(app.plan().log.len(), 3, "the move, its undo and its redo");
}

#[test]
fn the_picker_filters_as_typed_chooses_with_arrows_and_esc_changes_nothing() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    let before = app.plan().clone();
    keys(&mut app, "m");
    let all = picker(&app).matches.len();
    keys(&mut app, "leefstijl");
    let state = picker(&app);
    assert!(state.matches.len() < all);
    assert_eq!(
        state.chosen_destination().map(|d| d.id.as_str()),
        Some("de-overgang-en-leefstijl")
    );
    let label = &state.destinations[state.matches[0].destination].label;
    let marked: String = (state.matches[0].positions.iter())
        .map(|&i| label.chars().nth(i).expect("a char of the label"))
        .collect();
    assert!(marked.contains("leefstijl"), "{marked}");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(picker(&app).input.text(), "leefstij");
    keys(&mut app, "lxq");
    assert!(picker(&app).matches.is_empty());
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "nothing to move to"
    );
    assert!(matches!(app.mode(), Mode::Move(_)));
    ctrl(&mut app, 'u');
    assert_eq!(picker(&app).matches.len(), all, "an empty query shows all");
    press(&mut app, KeyCode::Down);
    assert_eq!(picker(&app).chosen, 1);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    assert_eq!(picker(&app).chosen, 0);
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.plan(), &before);
}

#[test]
fn m_moves_a_sub_theme_to_another_theme_with_its_projects() {
    let mut app = app();
    keys(&mut app, "2"); // Loyale Tegenspraak, in the first theme
    keys(&mut app, "m");
    let state = picker(&app);
    assert_eq!(state.kind, Kind::Subtheme);
    assert_eq!(state.destinations.len(), app.plan().themes.len() - 1);
    assert!(
        state
            .destinations
            .iter()
            .all(|d| d.id != "ambtelijk-vakmanschap")
    );
    keys(&mut app, "werkplezier");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    let (parent, _) = place(&app, Kind::Subtheme, "loyale-tegenspraak").expect("live");
    assert_eq!(parent, "werkplezier");
    assert_eq!(
        app.subtheme().map(|s| s.id.as_str()),
        Some("loyale-tegenspraak")
    );
    assert_eq!(app.theme().map(|t| t.id.as_str()), Some("werkplezier"));
    assert_eq!(app.view().focus, Pane::Subthemes);
    assert!(app.plan().locate("programma-loyale-tegenspraak").is_some());
    keys(&mut app, "u");
    let back = Some(("ambtelijk-vakmanschap".to_string(), 0));
    assert_eq!(place(&app, Kind::Subtheme, "loyale-tegenspraak"), back);
    assert_eq!(
        app.theme().map(|t| t.id.as_str()),
        Some("ambtelijk-vakmanschap")
    );
}

#[test]
fn m_has_nothing_to_move_for_a_theme_or_an_empty_pane() {
    let mut app = app();
    keys(&mut app, "m");
    assert_eq!(app.mode(), &Mode::Browse);
    assert!(notices(&app)[0].contains("Alt-↑"), "{:?}", notices(&app));
    let mut plan = bundled();
    plan.themes[0].subthemes[0].projects.clear();
    let mut app = App::new(plan, options());
    keys(&mut app, "3m");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(notices(&app), ["Select an item in the pane first"]);
}

#[test]
fn only_enter_archives_and_no_navigation_key_confirms() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    let before = app.plan().clone();
    assert!(keys(&mut app, "d").is_empty());
    let expected = ArchiveConfirm {
        kind: Kind::Project,
        id: "kwalen-kwartet".into(),
        title: "Ontwikkeling van het kwalen-kwartet".into(),
        projects: 1,
    };
    assert_eq!(dialog(&app), &expected);
    let navigation = [
        KeyCode::Char('j'),
        KeyCode::Char('k'),
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Char('q'),
        KeyCode::Char(' '),
        KeyCode::Char('y'),
        KeyCode::Char('d'),
        KeyCode::Tab,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageDown,
    ];
    for code in navigation {
        assert!(press(&mut app, code).is_empty(), "{code:?}");
        assert_eq!(dialog(&app), &expected, "{code:?}");
    }
    assert!(ctrl(&mut app, 'c').is_empty());
    assert_eq!(app.plan(), &before, "nothing archived");
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.plan(), &before);

    keys(&mut app, "d");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert!(app.plan().is_archived("kwalen-kwartet"));
    assert_eq!(app.plan().locate("kwalen-kwartet"), None);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("overgang-trainingen-lezingen-podcasts"),
        "the project now at its place"
    );
    assert!(notices(&app)[0].starts_with("Archived “Ontwikkeling van het kwalen-kwartet”"));
    assert_eq!(keys(&mut app, "u"), vec![EffectKind::Save]);
    assert_eq!(
        place(&app, Kind::Project, "kwalen-kwartet"),
        Some((OVERGANG.into(), 1))
    );
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(without_log(app.plan()), without_log(&before));
    assert_eq!(ctrl(&mut app, 'r'), vec![EffectKind::Save]);
    assert!(app.plan().is_archived("kwalen-kwartet"));
    assert_eq!(
        notices(&app),
        ["Redone: “Ontwikkeling van het kwalen-kwartet” is in the archive"]
    );
}

#[test]
fn d_archives_a_sub_theme_or_a_theme_with_everything_in_it() {
    let mut app = app();
    keys(&mut app, "2jj"); // Integer werken, two projects
    keys(&mut app, "d");
    assert_eq!(dialog(&app).projects, 2);
    assert_eq!(dialog(&app).kind, Kind::Subtheme);
    press(&mut app, KeyCode::Enter);
    assert!(app.plan().is_archived("maatwerk-e-learning-integriteit"));
    assert_eq!(app.subtheme().map(|s| s.id.as_str()), Some("omgevingswet"));
    keys(&mut app, "u");
    assert_eq!(
        app.subtheme().map(|s| s.id.as_str()),
        Some("integer-werken")
    );
    assert_eq!(app.view().focus, Pane::Subthemes);

    // The last theme: the selection moves to the one before, without a panic.
    keys(&mut app, "1G");
    let themes = app.plan().themes.len();
    let last = app.theme().map(|t| t.id.clone()).expect("a theme");
    keys(&mut app, "d");
    let total = app
        .plan()
        .live_item(Kind::Theme, &last)
        .expect("live")
        .0
        .project_count();
    assert_eq!(dialog(&app).projects, total);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan().themes.len(), themes - 1);
    assert_eq!(app.view().selection.theme, themes - 2);
    keys(&mut app, "u");
    assert_eq!(app.theme().map(|t| t.id.clone()), Some(last));
}

#[test]
fn read_only_refuses_every_change_to_the_plan_s_shape() {
    let mut app = read_only_app();
    go_to(&mut app, "kwalen-kwartet");
    for k in ["m", "d", "*", ">", "<"] {
        assert!(keys(&mut app, k).is_empty(), "{k}");
        assert_eq!(app.mode(), &Mode::Browse, "{k}");
        assert_eq!(app.notices()[0].kind, NoticeKind::Warning, "{k}");
    }
    assert_eq!(app.plan(), &bundled());
}

#[test]
fn search_finds_a_moved_project_at_its_new_place() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "mloyale");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "1gj/kwalen");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(
        app.subtheme().map(|s| s.id.as_str()),
        Some("loyale-tegenspraak")
    );
}
