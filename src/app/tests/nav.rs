use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;
use crate::app::{Filter, Pane};
use crate::plan::Status;
use crate::view::{Pointer, Region};

#[test]
fn arrows_and_vim_keys_move_within_and_across_panes() {
    let mut app = app();
    assert_eq!(app.view().focus, Pane::Themes);
    keys(&mut app, "jj");
    assert_eq!(app.view().selection.theme, 2);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.view().selection.theme, 1);
    keys(&mut app, "l");
    assert_eq!(app.view().focus, Pane::Subthemes);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.view().selection.subtheme, 1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view().focus, Pane::Projects);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.view().focus,
        Pane::Projects,
        "Enter stops at the last pane"
    );
    keys(&mut app, "hh");
    assert_eq!(app.view().focus, Pane::Themes);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.view().focus, Pane::Themes);
}

#[test]
fn tab_cycles_and_digits_jump_to_panes() {
    let mut app = app();
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.view().focus, Pane::Projects);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.view().focus, Pane::Themes);
    keys(&mut app, "2");
    assert_eq!(app.view().focus, Pane::Subthemes);
    keys(&mut app, "3");
    assert_eq!(app.view().focus, Pane::Projects);
    keys(&mut app, "1");
    assert_eq!(app.view().focus, Pane::Themes);
}

#[test]
fn a_new_theme_starts_at_its_first_subtheme_and_project() {
    let mut app = app();
    keys(&mut app, "2jj3j");
    assert_eq!(app.view().selection.subtheme, 2);
    keys(&mut app, "1j");
    let s = app.view().selection;
    assert_eq!((s.theme, s.subtheme, s.project), (1, 0, 0));
}

#[test]
fn ends_and_pages() {
    let mut app = app();
    let last = app.plan().themes.len() - 1;
    keys(&mut app, "G");
    assert_eq!(app.view().selection.theme, last);
    keys(&mut app, "g");
    assert_eq!(app.view().selection.theme, 0);
    press(&mut app, KeyCode::End);
    assert_eq!(app.view().selection.theme, last);
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::PageDown);
    let paged = app.view().selection.theme;
    assert!(paged > 1 && paged <= last, "{paged}");
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.view().selection.theme, 0);
}

#[test]
fn key_releases_are_ignored() {
    let mut app = app();
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    key(&mut app, release);
    assert_eq!(app.view().selection.theme, 0);
}

#[test]
fn year_keys_change_the_year_within_bounds() {
    let mut app = app();
    assert_eq!(app.year(), 2026);
    keys(&mut app, "]");
    assert_eq!(app.year(), 2027);
    keys(&mut app, "[[");
    assert_eq!(app.year(), 2025);
    let mut late = App::new(
        bundled(),
        AppOptions {
            year: Some(2100),
            ..options()
        },
    );
    keys(&mut late, "]");
    assert_eq!(late.year(), 2100);
}

#[test]
fn statuses_follow_the_year_shown() {
    let mut app = app();
    keys(&mut app, "3");
    let id = selected_id(&app).expect("a project");
    keys(&mut app, "]s3");
    assert_eq!(app.year(), 2027);
    let p = app.plan().project(app.plan().locate(&id).unwrap()).unwrap();
    assert_eq!(p.status_in(2027), Some(Status::Done));
    assert_eq!(p.status_in(2026), Some(Status::Planned));
}

#[test]
fn filter_cycles_through_every_status_and_back() {
    let mut app = app();
    let mut seen = vec![app.view().filter];
    for _ in 0..7 {
        keys(&mut app, "f");
        seen.push(app.view().filter);
    }
    let expected = [
        Filter::All,
        Filter::Open,
        Filter::Only(Status::Planned),
        Filter::Only(Status::InProgress),
        Filter::Only(Status::Done),
        Filter::Only(Status::OnHold),
        Filter::Only(Status::Cancelled),
        Filter::All,
    ];
    assert_eq!(seen, expected);
}

#[test]
fn filter_hides_projects_and_moves_the_selection_to_a_visible_one() {
    let mut app = app();
    // "De Overgang – wat is het?" has four projects.
    go_to(&mut app, "overgangsdag");
    let sub_len = app.subtheme().unwrap().projects.len();
    keys(&mut app, "s4");
    assert_eq!(app.rows(Pane::Projects), sub_len);
    keys(&mut app, "ff"); // Planned only
    assert_eq!(app.view().filter, Filter::Only(Status::Planned));
    let visible = app.visible_projects();
    let sub = app.subtheme().unwrap();
    assert!(
        visible
            .iter()
            .all(|&i| sub.projects[i].status_in(2026) == Some(Status::Planned))
    );
    assert_ne!(selected_id(&app).as_deref(), Some("overgangsdag"));
    keys(&mut app, "fff"); // On hold only
    assert_eq!(selected_id(&app).as_deref(), Some("overgangsdag"));
}

#[test]
fn mouse_click_selects_and_focuses_and_the_wheel_scrolls() {
    let mut app = app();
    let click = |pane, row| Event::Pointer(Pointer::Click { pane, row });
    app.handle(click(Pane::Themes, Some(2)));
    assert_eq!(app.view().selection.theme, 2);
    assert_eq!(app.view().focus, Pane::Themes);
    app.handle(click(Pane::Subthemes, None));
    assert_eq!(app.view().focus, Pane::Subthemes);
    assert_eq!(app.view().selection.subtheme, 0);
    app.handle(click(Pane::Themes, Some(999)));
    assert_eq!(app.view().selection.theme, 2, "no such row");
    let wheel = |over, down| Event::Pointer(Pointer::Wheel { over, down });
    app.handle(click(Pane::Subthemes, None));
    app.handle(wheel(Region::Pane(Pane::Themes), true));
    assert_eq!(app.view().selection.theme, 3);
    assert_eq!(
        app.view().focus,
        Pane::Subthemes,
        "the wheel does not move the focus"
    );
    app.handle(wheel(Region::Details, true));
    app.handle(wheel(Region::Details, true));
    assert_eq!(app.details_scroll(), 2);
    for _ in 0..10 {
        app.handle(wheel(Region::Details, true));
    }
    assert_eq!(
        app.details_scroll(),
        viewport().details_max,
        "no further than the last frame could show"
    );
    app.handle(wheel(Region::Other, false));
    assert_eq!(app.view().selection.theme, 3);
}

#[test]
fn mouse_is_ignored_when_off() {
    let mut app = App::new(
        bundled(),
        AppOptions {
            mouse: false,
            ..options()
        },
    );
    app.handle(Event::Pointer(Pointer::Click {
        pane: Pane::Themes,
        row: Some(2),
    }));
    assert_eq!(app.view().selection.theme, 0);
}
