//! Time travel: the date prompt, the plan shown as it was, refused edits, the
//! way back, saves and reloads of the live plan meanwhile, and the progress
//! view's chart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::{DateProblem, Effect, Mode};
use crate::edit::{self, Change, Edit, MergeReport};
use crate::keymap::Context;
use crate::plan::{Item, Project, Status, YearStatus};

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).expect("a time")
}

fn press_at(app: &mut App, code: KeyCode, when: &str) -> Vec<Effect> {
    app.handle(Event::Key(
        KeyEvent::new(code, KeyModifiers::NONE),
        at(when),
    ))
}

/// `id`'s status for 2026 in `plan`.
fn status(plan: &Plan, id: &str) -> Option<Status> {
    let loc = plan.locate(id)?;
    plan.project(loc)?.status_in(2026)
}

/// The bundled plan where `kwalen-kwartet` was set to Done on 1 March and
/// to In progress on 1 August, both saved.
fn worked_app() -> App {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    press_at(&mut app, KeyCode::Char('s'), "2026-03-01T10:00:00Z");
    press_at(&mut app, KeyCode::Char('3'), "2026-03-01T10:00:00Z");
    saved(&mut app);
    press_at(&mut app, KeyCode::Char('s'), "2026-08-01T10:00:00Z");
    press_at(&mut app, KeyCode::Char('2'), "2026-08-01T10:00:00Z");
    saved(&mut app);
    assert_eq!(
        status(app.plan(), "kwalen-kwartet"),
        Some(Status::InProgress)
    );
    app
}

/// `t`, the date typed, Enter: at [`T0`], 21 September 2026.
fn travel(app: &mut App, date: &str) {
    keys(app, "t");
    assert!(matches!(app.mode(), Mode::DatePrompt(_)));
    keys(app, date);
    press(app, KeyCode::Enter);
}

fn last_notice(app: &App) -> String {
    app.notices()
        .last()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_date_shows_the_plan_as_it_was_at_the_end_of_that_day() {
    let mut app = worked_app();
    travel(&mut app, "2026-06-30");
    let t = app.travel().expect("travelling");
    assert_eq!(t.at.to_string(), "2026-06-30T23:59:59Z");
    assert!(!t.reach.before_records && t.reach.unknown.is_empty());
    assert!(matches!(app.mode(), Mode::Browse));
    assert_eq!(app.context(), Context::Travel);
    assert_eq!(status(app.plan(), "kwalen-kwartet"), Some(Status::Done));
    assert_eq!(
        status(app.live_plan(), "kwalen-kwartet"),
        Some(Status::InProgress),
        "the live plan is kept as it is"
    );
    let (_, shown) = app.selected_project().expect("still selected");
    assert_eq!(shown.id, "kwalen-kwartet");
    assert_eq!(shown.history.len(), 1, "only the history until then");
    assert_eq!(app.totals().done(), 1);
}

#[test]
fn a_bad_date_keeps_the_prompt_open_and_says_why() {
    let mut app = worked_app();
    keys(&mut app, "t30 juno");
    press(&mut app, KeyCode::Enter);
    let Mode::DatePrompt(prompt) = app.mode() else {
        panic!("the prompt stays open: {:?}", app.mode());
    };
    assert_eq!(
        prompt.problem,
        Some(DateProblem::Date(crate::dates::DateError::Unreadable(
            "30 juno".into()
        )))
    );
    assert_eq!(prompt.input.text(), "30 juno", "what was typed stays");
    assert!(app.travel().is_none());
    keys(&mut app, "x");
    let Mode::DatePrompt(prompt) = app.mode() else {
        panic!("still the prompt");
    };
    assert_eq!(prompt.problem, None, "typing clears the problem");
    ctrl(&mut app, 'u');
    keys(&mut app, "2026-12-01");
    press(&mut app, KeyCode::Enter);
    let Mode::DatePrompt(prompt) = app.mode() else {
        panic!("still the prompt");
    };
    assert_eq!(
        prompt.problem,
        Some(DateProblem::Future("2026-12-01".into()))
    );
    ctrl(&mut app, 'u');
    press(&mut app, KeyCode::Enter);
    let Mode::DatePrompt(prompt) = app.mode() else {
        panic!("still the prompt");
    };
    assert_eq!(prompt.problem, Some(DateProblem::Empty));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode(), Mode::Browse) && app.travel().is_none());
}

#[test]
fn every_edit_key_is_refused_naming_the_mode() {
    let mut app = worked_app();
    travel(&mut app, "2026-06-30");
    let (shown, live) = (app.plan().clone(), app.live_plan().as_ref().clone());
    let plain = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let mut edits: Vec<KeyEvent> = "seoardmu<>*".chars().map(plain).collect();
    edits.push(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    edits.push(KeyEvent::new(KeyCode::Up, KeyModifiers::ALT));
    for pane in ['1', '2', '3'] {
        keys(&mut app, &pane.to_string());
        for edit in &edits {
            assert_eq!(key(&mut app, *edit), vec![], "{pane} {edit:?}");
            assert!(matches!(app.mode(), Mode::Browse), "{pane} {edit:?}");
            let notice = last_notice(&app);
            assert!(
                notice.starts_with("As of 30 Jun 2026: read-only")
                    && notice.ends_with("Esc/t: back to today"),
                "{edit:?}: {notice}"
            );
        }
    }
    keys(&mut app, "A");
    press(&mut app, KeyCode::Enter);
    assert!(
        last_notice(&app).starts_with("As of 30 Jun 2026"),
        "no restore"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(*app.plan(), shown);
    assert_eq!(*app.live_plan().as_ref(), live);
    assert!(!app.has_unsaved());
}

#[test]
fn esc_or_t_goes_back_to_today_on_the_same_item() {
    for back in [KeyCode::Esc, KeyCode::Char('t')] {
        let mut app = worked_app();
        travel(&mut app, "2026-06-30");
        go_to(&mut app, "overgang-trainingen-lezingen-podcasts");
        press(&mut app, back);
        assert!(app.travel().is_none(), "{back:?}");
        assert_eq!(app.context(), Context::Browse);
        assert_eq!(
            selected_id(&app).as_deref(),
            Some("overgang-trainingen-lezingen-podcasts")
        );
        assert_eq!(
            status(app.plan(), "kwalen-kwartet"),
            Some(Status::InProgress)
        );
        assert_eq!(last_notice(&app), "Back to today");
        keys(&mut app, "s3");
        assert!(app.has_unsaved(), "edits work again");
    }
}

#[test]
fn an_item_added_since_is_not_there_and_the_selection_stays_close() {
    let mut plan = bundled();
    let sub = plan.themes[0].subthemes[0].id.clone();
    let item = Item::Project(Project {
        id: "nieuw".into(),
        title: "Nieuw".into(),
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: YearStatus(Default::default()),
        history: Vec::new(),
    });
    let change = Change::add(&plan, item, &sub, None).expect("a sub-theme");
    edit::apply(
        &mut plan,
        &Edit::new(change, at("2026-08-01T10:00:00Z"), "anna"),
    );
    let mut app = App::new(plan, options());
    app.handle(Event::Layout(viewport()));
    go_to(&mut app, "nieuw");
    travel(&mut app, "2026-06-30");
    assert!(app.plan().locate("nieuw").is_none());
    let (_, p) = app
        .selected_project()
        .expect("a project of the same sub-theme");
    assert_eq!(app.subtheme().map(|s| s.id.as_str()), Some(sub.as_str()));
    assert_ne!(p.id, "nieuw");
    press(&mut app, KeyCode::Esc);
    assert!(app.plan().locate("nieuw").is_some());
}

#[test]
fn a_reload_while_travelling_rebuilds_the_past_from_the_new_live_plan() {
    let mut app = worked_app();
    travel(&mut app, "2026-06-30");
    go_to(&mut app, "kwalen-kwartet");
    let mut theirs = app.live_plan().as_ref().clone();
    let done = Change::status(
        &theirs,
        "overgang-trainingen-lezingen-podcasts",
        2026,
        Some(Status::Done),
    );
    let before = Edit::new(done.expect("known"), at("2026-05-01T10:00:00Z"), "anna");
    edit::apply(&mut theirs, &before);
    let stop = Change::status(&theirs, "kwalen-kwartet", 2026, Some(Status::Cancelled));
    edit::apply(&mut theirs, &Edit::new(stop.expect("known"), T0, "anna"));
    app.handle(Event::Reloaded(theirs));
    let t = app.travel().expect("still travelling");
    assert_eq!(t.at.to_string(), "2026-06-30T23:59:59Z");
    let podcasts = "overgang-trainingen-lezingen-podcasts";
    assert_eq!(
        status(app.plan(), podcasts),
        Some(Status::Done),
        "theirs, then"
    );
    assert_eq!(status(app.plan(), "kwalen-kwartet"), Some(Status::Done));
    assert_eq!(
        status(app.live_plan(), "kwalen-kwartet"),
        Some(Status::Cancelled)
    );
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert!(
        app.notices()
            .iter()
            .any(|n| n.text == "Plan changed on disk — reloaded")
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        status(app.plan(), "kwalen-kwartet"),
        Some(Status::Cancelled)
    );
    assert_eq!(status(app.plan(), podcasts), Some(Status::Done));
}

#[test]
fn a_save_running_while_travelling_writes_and_merges_the_live_plan() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    let original = status(app.plan(), "kwalen-kwartet");
    press_at(&mut app, KeyCode::Char('s'), "2026-03-01T10:00:00Z");
    press_at(&mut app, KeyCode::Char('3'), "2026-03-01T10:00:00Z");
    assert!(app.is_saving());
    travel(&mut app, "2026-02-01");
    assert_eq!(status(app.plan(), "kwalen-kwartet"), original);
    // The save waited: it is made again, from the live plan, not the past.
    let effects = app.handle(Event::SaveStale);
    let [Effect::Save(job)] = effects.as_slice() else {
        panic!("one save");
    };
    assert_eq!(status(&job.snapshot, "kwalen-kwartet"), Some(Status::Done));
    // Another writer had set a status in January; the save merged it in.
    let mut merged = job.snapshot.as_ref().clone();
    let theirs = Change::status(
        &merged,
        "overgang-trainingen-lezingen-podcasts",
        2026,
        Some(Status::Done),
    );
    let theirs = Edit::new(theirs.expect("known"), at("2026-01-15T10:00:00Z"), "anna");
    edit::apply(&mut merged, &theirs);
    app.handle(Event::Saved {
        result: Ok(MergeReport::default()),
        merged: Some(merged),
        clock: "14:02".into(),
    });
    assert!(!app.has_unsaved() && !app.is_saving());
    assert!(app.travel().is_some());
    let podcasts = "overgang-trainingen-lezingen-podcasts";
    assert_eq!(status(app.plan(), podcasts), Some(Status::Done));
    assert_eq!(
        status(app.plan(), "kwalen-kwartet"),
        original,
        "not yet then"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(status(app.plan(), "kwalen-kwartet"), Some(Status::Done));
    assert_eq!(status(app.plan(), podcasts), Some(Status::Done));
}

#[test]
fn a_plan_without_records_is_said_to_be_before_them() {
    let mut app = app();
    travel(&mut app, "2026-06-30");
    let reach = &app.travel().expect("travelling").reach;
    assert!(reach.before_records && reach.first_record.is_none());
}

#[test]
fn the_chart_follows_the_selected_row_and_stops_at_the_moment_shown() {
    let mut app = worked_app();
    keys(&mut app, "p");
    let Mode::Summary(s) = app.mode() else {
        panic!("the progress view");
    };
    let theme = app.view().selection.theme;
    assert_eq!(s.chart.theme, Some(theme));
    assert_eq!(s.chart.months.len(), 12);
    // Keys come at T0, 21 September: September is drawn as it stands, and
    // October to December are to come.
    let future: Vec<bool> = s.chart.months.iter().map(|m| m.future).collect();
    assert_eq!(future, [vec![false; 8], vec![true; 4]].concat());
    let drawn: Vec<bool> = (0..12).map(|i| s.chart.is_drawn(i)).collect();
    assert_eq!(drawn, [vec![true; 9], vec![false; 3]].concat());
    assert_eq!(s.chart.latest().map(|m| m.label_index), Some(9));
    keys(&mut app, "G");
    let Mode::Summary(s) = app.mode() else {
        panic!("the progress view");
    };
    assert_eq!(
        (s.selected_theme(), s.chart.theme),
        (None, None),
        "the total"
    );
    assert_eq!(s.chart.months[2].progress.total(), 76);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Browse));
    assert_eq!(app.view().selection.theme, theme, "the total goes nowhere");
    travel(&mut app, "2026-06-30");
    keys(&mut app, "p");
    let Mode::Summary(s) = app.mode() else {
        panic!("the progress view");
    };
    let drawn: Vec<bool> = (0..12).map(|i| s.chart.is_drawn(i)).collect();
    assert_eq!(
        drawn,
        [[true; 6], [false; 6]].concat(),
        "after June is to come"
    );
    keys(&mut app, "[");
    let Mode::Summary(s) = app.mode() else {
        panic!("the progress view");
    };
    assert!((0..12).all(|i| s.chart.is_drawn(i)), "2025 is over");
    keys(&mut app, "]]");
    let Mode::Summary(s) = app.mode() else {
        panic!("the progress view");
    };
    assert!(!(0..12).any(|i| s.chart.is_drawn(i)), "2027 has not begun");
}
