//! The filter view: `F` lists every project by a filter typed in the search's
//! syntax (and `sinds:`), `M` lists mine, `Tab` goes between it and the
//! search, `Enter` shows the chosen project in the panes.

use crossterm::event::KeyCode;

use super::{T0, app, bundled, ctrl, keys, options, press, selected_id};
use crate::app::{App, Mode};
use crate::keymap::Context;
use crate::plan::{HistoryEntry, Status};
use crate::timestamp::Timestamp;

fn listed(app: &App) -> Vec<String> {
    let Mode::Listing(state) = app.mode() else {
        panic!("not in the filter view: {:?}", app.mode());
    };
    (state.rows.iter())
        .map(|l| app.plan().project(l.loc).unwrap().id.clone())
        .collect()
}

fn problem(app: &App) -> Option<String> {
    match app.mode() {
        Mode::Listing(state) => state.problem.clone(),
        _ => None,
    }
}

/// The bundled plan with owners and one status change a day before [`T0`].
fn owned() -> App {
    let mut plan = bundled();
    for (id, owner) in [("kwalen-kwartet", "Zoë de Vries"), ("overgangsdag", "Bram")] {
        let loc = plan.locate(id).unwrap();
        plan.project_mut(loc).unwrap().owner = owner.into();
    }
    let loc = plan.locate("overgangsdag").unwrap();
    plan.project_mut(loc).unwrap().history.push(HistoryEntry {
        at: Timestamp(T0.0 - 24 * 3600),
        by: "bram".into(),
        year: 2026,
        from: None,
        to: Some(Status::Planned),
    });
    let mut app = App::new(plan, options()).with_me("zoe");
    app.handle(crate::app::Event::Layout(super::viewport()));
    app
}

#[test]
fn f_opens_every_project_and_a_filter_narrows_it() {
    let mut app = app();
    keys(&mut app, "F");
    assert_eq!(app.context(), Context::Listing);
    assert_eq!(listed(&app).len(), app.plan().project_count());
    keys(&mut app, "focus status:lopend");
    let ids = listed(&app);
    assert!(!ids.is_empty());
    for id in &ids {
        let loc = app.plan().locate(id).unwrap();
        assert!(app.plan().themes[loc.theme].focus, "{id}");
        assert_eq!(app.listed_status(loc), Some(Status::InProgress), "{id}");
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), &Mode::Browse);
}

#[test]
fn typed_letters_go_to_the_filter_not_to_the_keys() {
    let mut app = app();
    keys(&mut app, "Fjkq");
    let Mode::Listing(state) = app.mode() else {
        panic!("the view closed");
    };
    assert_eq!(state.input.text(), "jkq");
}

#[test]
fn m_lists_my_projects_by_the_name_given() {
    let mut app = owned();
    keys(&mut app, "M");
    assert_eq!(listed(&app), ["kwalen-kwartet"]);
    let Mode::Listing(state) = app.mode() else {
        panic!()
    };
    assert!(state.mine);
    assert_eq!(state.input.text(), "eigenaar:\"zoe\"");
    // Editing the filter makes it no longer "mine".
    press(&mut app, KeyCode::Backspace);
    let Mode::Listing(state) = app.mode() else {
        panic!()
    };
    assert!(!state.mine);
}

#[test]
fn since_reads_the_date_forms_and_says_what_is_wrong() {
    let mut app = owned();
    keys(&mut app, "Fsinds:-2d");
    assert_eq!(listed(&app), ["overgangsdag"]);
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "\"vorige week\"");
    assert_eq!(problem(&app), None);
    keys(&mut app, " status:klaar");
    assert!(problem(&app).unwrap().contains("klaar"));
    assert!(listed(&app).is_empty());
    let mut app = owned();
    keys(&mut app, "Fsince:gister");
    assert!(
        problem(&app).unwrap().contains("gister"),
        "{:?}",
        problem(&app)
    );
    assert!(listed(&app).is_empty());
}

#[test]
fn enter_shows_the_chosen_project_in_the_panes() {
    let mut app = owned();
    keys(&mut app, "Feigenaar:bram");
    assert_eq!(listed(&app), ["overgangsdag"]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(selected_id(&app).as_deref(), Some("overgangsdag"));
}

#[test]
fn down_and_up_move_the_choice_within_the_rows() {
    let mut app = app();
    keys(&mut app, "Fstatus:lopend");
    let n = listed(&app).len();
    assert!(n > 2);
    press(&mut app, KeyCode::Down);
    ctrl(&mut app, 'n');
    press(&mut app, KeyCode::Up);
    let chosen = |app: &App| match app.mode() {
        Mode::Listing(s) => s.selected,
        _ => usize::MAX,
    };
    assert_eq!(chosen(&app), 1);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(chosen(&app), n - 1);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_id(&app), Some(listed_before(n - 2)));
}

/// The id of the `i`th project that is in progress in the bundled plan.
fn listed_before(i: usize) -> String {
    let plan = bundled();
    (plan.projects())
        .filter(|(_, p)| p.status_in(plan.year) == Some(Status::InProgress))
        .nth(i)
        .map(|(_, p)| p.id.clone())
        .unwrap()
}

#[test]
fn tab_goes_between_the_search_and_the_list_with_the_same_text() {
    let mut app = owned();
    keys(&mut app, "/eigenaar:zoe");
    assert_eq!(app.context(), Context::Search);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::Listing);
    assert_eq!(listed(&app), ["kwalen-kwartet"]);
    press(&mut app, KeyCode::Tab);
    let Mode::Search(search) = app.mode() else {
        panic!("not searching: {:?}", app.mode());
    };
    assert_eq!(search.input.text(), "eigenaar:zoe");
    assert_eq!(search.hits.len(), 1);
}

#[test]
fn the_list_follows_a_changed_year() {
    let mut app = owned();
    keys(&mut app, "Fstatus:gepland");
    let before = listed(&app).len();
    assert!(before > 0);
    app.change_year(1);
    app.refresh_view();
    assert!(listed(&app).len() < before);
}
