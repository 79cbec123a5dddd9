//! Focus themes and reordering from the panes: each one an edit that is
//! saved, undone and redone, with the selection following the item.

use crossterm::event::KeyCode;

use super::arrange::{OVERGANG, alt, ctrl, ids_in, keys, last_logged, notices, place};
use super::*;
use crate::app::Pane;
use crate::plan::{Kind, Logged};
use crate::view::Filter;

#[test]
fn star_marks_and_unmarks_the_selected_theme_as_a_focus_theme() {
    let mut app = app();
    keys(&mut app, "j"); // Arbeidsmarkt, not a focus theme
    assert!(!app.theme().expect("a theme").focus);
    assert_eq!(
        keys(&mut app, "3*"),
        vec![EffectKind::Save],
        "from any pane"
    );
    assert!(app.theme().expect("a theme").focus);
    assert_eq!(notices(&app), ["“Arbeidsmarkt” is now a focus theme"]);
    assert_eq!(
        last_logged(&app),
        Logged::Focus {
            id: "arbeidsmarkt".into(),
            from: false,
            to: true
        }
    );
    keys(&mut app, "u");
    assert!(!app.theme().expect("a theme").focus);
    ctrl(&mut app, 'r');
    assert!(app.theme().expect("a theme").focus);
    keys(&mut app, "*");
    assert_eq!(notices(&app), ["“Arbeidsmarkt” is no longer a focus theme"]);
}

#[test]
fn reorder_keys_move_the_item_and_the_selection_follows() {
    let mut app = app();
    go_to(&mut app, "overgangsdag");
    let order = ids_in(&app, OVERGANG);
    assert_eq!(alt(&mut app, KeyCode::Up), Vec::new(), "already first");
    assert_eq!(alt(&mut app, KeyCode::Down), vec![EffectKind::Save]);
    assert_eq!(keys(&mut app, ">"), vec![EffectKind::Save]);
    assert_eq!(selected_id(&app).as_deref(), Some("overgangsdag"));
    assert_eq!(
        place(&app, Kind::Project, "overgangsdag"),
        Some((OVERGANG.into(), 2))
    );
    keys(&mut app, ">");
    assert!(keys(&mut app, ">").is_empty(), "already last");
    keys(&mut app, "<");
    alt(&mut app, KeyCode::Up);
    assert_eq!(
        place(&app, Kind::Project, "overgangsdag"),
        Some((OVERGANG.into(), 1))
    );
    for _ in 0..5 {
        keys(&mut app, "u");
    }
    assert_eq!(ids_in(&app, OVERGANG), order);
    assert_eq!(selected_id(&app).as_deref(), Some("overgangsdag"));

    // A sub-theme: its letter is its place.
    keys(&mut app, "2");
    let sub = app.subtheme().map(|s| s.id.clone());
    alt(&mut app, KeyCode::Down);
    assert_eq!(app.subtheme().map(|s| s.id.clone()), sub);
    assert_eq!(app.view().selection.subtheme, 1);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("overgangsdag"),
        "kept inside it"
    );

    // A theme keeps what is selected inside it.
    keys(&mut app, "1<");
    assert_eq!(
        app.theme().map(|t| t.id.as_str()),
        Some("open-over-de-overgang")
    );
    assert_eq!(app.view().selection.theme, 4);
    assert_eq!(app.subtheme().map(|s| s.id.clone()), sub);
    assert_eq!(app.view().focus, Pane::Themes);
    assert!(matches!(
        last_logged(&app),
        Logged::Moved {
            kind: Kind::Theme,
            ..
        }
    ));
}

#[test]
fn with_a_status_filter_a_project_moves_past_the_hidden_ones() {
    let mut app = app();
    go_to(&mut app, "overgangsdag");
    keys(&mut app, "ff"); // Only planned: the in-progress one is hidden
    assert_eq!(
        app.view().filter,
        Filter::Only(crate::plan::Status::Planned)
    );
    go_to(&mut app, "overgang-trainingen-lezingen-podcasts");
    let mut plan = app.plan().clone();
    // Put the hidden project between the two visible ones at the end.
    let sub = &mut plan.themes[5].subthemes[0];
    assert_eq!(sub.id, OVERGANG);
    sub.projects.swap(2, 3);
    app.handle(Event::Reloaded(plan));
    let hidden = "overgang-wat-is-het-digitaal-aanbod";
    assert_eq!(ids_in(&app, OVERGANG)[2], hidden);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("overgang-trainingen-lezingen-podcasts")
    );
    keys(&mut app, "<");
    let order = ids_in(&app, OVERGANG);
    assert_eq!(
        &order[1..],
        [
            "overgang-trainingen-lezingen-podcasts",
            "kwalen-kwartet",
            hidden
        ]
    );
}
