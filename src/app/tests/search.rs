use crossterm::event::KeyCode;

use super::*;
use crate::app::{Mode, Pane};
use crate::search::Target;

/// What the library finds for `text` on the app's plan and year.
fn searched(app: &App, text: &str) -> Vec<crate::search::Hit> {
    let query = crate::search::Query::parse(text, app.year());
    app.index().search(app.plan(), &query)
}

fn hits(app: &App) -> Vec<Target> {
    match app.mode() {
        Mode::Search(s) => s.hits.iter().map(|h| h.target).collect(),
        other => panic!("not searching: {other:?}"),
    }
}

#[test]
fn search_jumps_to_a_project_and_selects_it_in_all_panes() {
    let mut app = app();
    keys(&mut app, "/kwalen");
    assert!(!hits(&app).is_empty());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(app.view().focus, Pane::Projects);
    assert_eq!(app.theme().unwrap().id, "open-over-de-overgang");
    assert_eq!(app.subtheme().unwrap().id, "de-overgang-wat-is-het");
}

#[test]
fn results_update_at_every_keystroke_like_a_fresh_search() {
    let mut app = app();
    keys(&mut app, "/");
    let mut counts = Vec::new();
    for c in "werkplezier".chars() {
        keys(&mut app, &c.to_string());
        let Mode::Search(state) = app.mode() else {
            panic!("search closed");
        };
        assert_eq!(state.hits, searched(&app, state.input.text()));
        counts.push(state.hits.len());
    }
    assert!(counts.windows(2).all(|w| w[1] <= w[0]), "{counts:?}");
    press(&mut app, KeyCode::Backspace);
    let Mode::Search(state) = app.mode() else {
        panic!("search closed");
    };
    assert_eq!(state.input.text(), "werkplezie");
    assert_eq!(state.hits, searched(&app, "werkplezie"));
}

#[test]
fn the_chosen_hit_is_previewed_and_esc_restores_the_previous_view() {
    let mut app = app();
    keys(&mut app, "jj2j");
    let before = app.view();
    keys(&mut app, "/overgang");
    assert_ne!(
        app.view().selection,
        before.selection,
        "the first hit is previewed"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.view(), before);
}

#[test]
fn ctrl_n_and_ctrl_p_choose_among_hits() {
    let mut app = app();
    keys(&mut app, "/leeroplossingen");
    let all = hits(&app);
    assert!(all.len() > 2);
    ctrl(&mut app, 'n');
    ctrl(&mut app, 'n');
    ctrl(&mut app, 'p');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let Target::Project(loc) = all[2] else {
        panic!("expected a project: {:?}", all[2]);
    };
    assert_eq!(app.selected_project().map(|(l, _)| l), Some(loc));
}

#[test]
fn jumping_to_a_theme_or_subtheme_focuses_its_pane() {
    let mut app = app();
    keys(&mut app, "/werkplezier");
    let hits = hits(&app);
    let theme = hits
        .iter()
        .position(|t| matches!(t, Target::Theme(_)))
        .unwrap();
    for _ in 0..theme {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view().focus, Pane::Themes);
    assert_eq!(app.theme().unwrap().id, "werkplezier");

    keys(&mut app, "/loyale tegenspraak");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view().focus, Pane::Subthemes);
    assert_eq!(app.subtheme().unwrap().id, "loyale-tegenspraak");
}

#[test]
fn letters_type_into_the_search_instead_of_acting() {
    let mut app = app();
    keys(&mut app, "/qjs");
    let Mode::Search(state) = app.mode() else {
        panic!("search closed");
    };
    assert_eq!(state.input.text(), "qjs");
    ctrl(&mut app, 'w');
    let Mode::Search(state) = app.mode() else {
        panic!("search closed");
    };
    assert_eq!(state.input.text(), "");
}

#[test]
fn a_jump_to_a_filtered_out_project_clears_the_filter() {
    let mut app = app();
    keys(&mut app, "ffff"); // Done only: nothing is done in the bundled plan
    assert_eq!(app.rows(Pane::Projects), 0);
    keys(&mut app, "/kwalen");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(app.view().filter, crate::app::Filter::All);
}

#[test]
fn a_reload_while_searching_searches_the_new_plan() {
    let mut app = app();
    keys(&mut app, "/voortzetting");
    let mut smaller = bundled();
    smaller.themes.truncate(2);
    app.handle(Event::Reloaded(smaller));
    let Mode::Search(state) = app.mode() else {
        panic!("search closed");
    };
    assert_eq!(state.hits, searched(&app, "voortzetting"));
    press(&mut app, KeyCode::Esc);
    assert!(app.theme().is_some());
}

/// A plan big enough that searches leave the input path.
fn large_app() -> App {
    let mut plan = bundled();
    let template = plan.themes[0].subthemes[0].projects[0].clone();
    let projects = &mut plan.themes[1].subthemes[0].projects;
    for i in 0..crate::app::search::ASYNC_ABOVE {
        let mut p = template.clone();
        p.id = format!("extra-{i}");
        p.title = format!("Extra project {i}");
        projects.push(p);
    }
    App::new(plan, options())
}

#[test]
fn on_a_large_plan_typing_asks_the_runtime_to_search() {
    let mut app = large_app();
    keys(&mut app, "/");
    assert_eq!(keys(&mut app, "k"), vec![EffectKind::Search]);
    assert_eq!(keys(&mut app, "w"), vec![EffectKind::Search]);
    assert!(hits(&app).is_empty(), "nothing searched on the input path");
    // The runtime runs the newest job; an older job's results are dropped.
    let old = app.search_job().unwrap();
    keys(&mut app, "a");
    let (generation, query, found) = old.run();
    app.handle(Event::SearchDone {
        generation,
        query,
        hits: found,
    });
    assert!(hits(&app).is_empty(), "stale results are not shown");
    let job = app.search_job().unwrap();
    assert_eq!(job.query, "kwa");
    let (generation, query, found) = job.run();
    app.handle(Event::SearchDone {
        generation,
        query,
        hits: found,
    });
    assert_eq!(
        hits(&app),
        searched(&app, "kwa")
            .iter()
            .map(|h| h.target)
            .collect::<Vec<_>>()
    );
    assert!(!hits(&app).is_empty());
    // A longer query narrows the shown results.
    keys(&mut app, "l");
    assert!(app.search_job().unwrap().base.is_some());
}
