use crossterm::event::KeyCode;

use super::*;
use crate::app::{ChangesState, Mode, Pane, SummaryState};
use crate::edit::MergeReport;
use crate::plan::{HistoryEntry, Recorded, Status};

fn summary(app: &App) -> &SummaryState {
    match app.mode() {
        Mode::Summary(state) => state,
        other => panic!("not in the progress view: {other:?}"),
    }
}

fn changes(app: &App) -> &ChangesState {
    match app.mode() {
        Mode::Changes(state) => state,
        other => panic!("not in the changes view: {other:?}"),
    }
}

/// The project id and history entry of the change at `row` of the changes view.
fn change_at(app: &App, row: usize) -> (String, HistoryEntry) {
    let change = &changes(app).changes[row];
    match app.plan().record(&change.key).expect("the change is there") {
        Recorded::Status { project, entry, .. } => (project.id.clone(), entry.clone()),
        other => panic!("not a status change: {other:?}"),
    }
}

fn entry(at: &str, by: &str, to: Status) -> HistoryEntry {
    HistoryEntry {
        at: crate::timestamp::Timestamp::parse_rfc3339(at).expect("a time"),
        by: by.into(),
        year: 2026,
        from: Some(Status::Planned),
        to: Some(to),
    }
}

/// When the change in [`plan_with_a_change`] was made: before any edit made now.
const CHANGED_AT: &str = "2024-03-14T09:21:05Z";

/// The bundled plan with `kwalen-kwartet` done in 2026, changed at [`CHANGED_AT`].
fn plan_with_a_change() -> Plan {
    let mut plan = bundled();
    let loc = plan.locate("kwalen-kwartet").expect("known project");
    let project = plan.project_mut(loc).expect("located");
    project.status.0.insert(2026, Status::Done);
    project
        .history
        .push(entry(CHANGED_AT, "ingrid", Status::Done));
    plan
}

#[test]
fn p_opens_the_progress_view_on_the_selected_theme_and_esc_q_p_close_it() {
    let mut app = app();
    keys(&mut app, "jj");
    for close in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('p')] {
        keys(&mut app, "p");
        assert_eq!(summary(&app).selected, 2);
        assert_eq!(summary(&app).themes.len(), app.plan().themes.len());
        press(&mut app, close);
        assert_eq!(app.mode(), &Mode::Browse, "{close:?}");
    }
}

#[test]
fn the_progress_view_counts_each_theme_and_the_plan() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "s3p");
    let state = summary(&app);
    for (theme, progress) in app.plan().themes.iter().zip(&state.themes) {
        assert_eq!(*progress, theme.progress(2026), "{}", theme.name);
    }
    assert_eq!(state.total, app.plan().progress(2026));
    assert_eq!(state.total.done(), 1, "the edit made before opening counts");
}

#[test]
fn the_progress_view_scrolls_and_enter_jumps_to_the_theme() {
    let mut app = app();
    app.handle(Event::Layout(crate::view::Viewport {
        summary: 4,
        ..viewport()
    }));
    keys(&mut app, "p");
    let last = app.plan().themes.len() - 1;
    press(&mut app, KeyCode::PageDown);
    assert_eq!(summary(&app).selected, 3, "a page is one less than shown");
    keys(&mut app, "G");
    assert_eq!(
        summary(&app).selected,
        last + 1,
        "the total, under the themes"
    );
    assert_eq!(summary(&app).selected_theme(), None);
    keys(&mut app, "kkk");
    assert_eq!(summary(&app).selected, last - 2);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.view().selection.theme, last - 2);
    assert_eq!(app.view().focus, Pane::Themes);
}

#[test]
fn the_progress_view_follows_the_year() {
    let mut app = app();
    keys(&mut app, "p]");
    assert_eq!(app.year(), 2027);
    let total = summary(&app).total;
    assert_eq!(
        total.unset,
        total.total(),
        "no project has a status for 2027"
    );
    keys(&mut app, "[");
    assert_eq!(app.year(), 2026);
    assert_eq!(summary(&app).total, app.plan().progress(2026));
}

#[test]
fn the_progress_view_follows_a_reload_and_a_merged_save() {
    let mut app = app();
    keys(&mut app, "p");
    assert_eq!(summary(&app).total.done(), 0);
    app.handle(Event::Reloaded(plan_with_a_change()));
    assert_eq!(summary(&app).total.done(), 1);
    let mut plan = app.plan().clone();
    let loc = plan.locate("kwalen-kwartet").expect("known project");
    plan.project_mut(loc).expect("located").status.0.clear();
    let report = MergeReport::default();
    app.handle(Event::Saved {
        result: Ok(report),
        merged: Some(plan),
        clock: "14:02".into(),
    });
    assert_eq!(summary(&app).total.done(), 0);
    assert_eq!(summary(&app).total.unset, 1);
}

#[test]
fn a_status_set_in_the_ui_is_the_newest_change() {
    let mut app = App::new(plan_with_a_change(), options());
    keys(&mut app, "c");
    assert_eq!(changes(&app).changes.len(), 1);
    press(&mut app, KeyCode::Esc);
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "s2c");
    assert_eq!(changes(&app).changes.len(), 2);
    let (id, newest) = change_at(&app, 0);
    assert_eq!(id, "kwalen-kwartet");
    assert_eq!(
        (newest.by.as_str(), newest.to),
        ("tester", Some(Status::InProgress))
    );
    assert_eq!(change_at(&app, 1).1.by, "ingrid");
}

#[test]
fn changes_are_newest_first_and_the_later_entry_wins_a_tie() {
    let mut plan = plan_with_a_change();
    let loc = plan.locate("kwalen-kwartet").expect("known project");
    let history = &mut plan.project_mut(loc).expect("located").history;
    // Later as text, but 09:00 UTC: times are compared, not strings.
    history.insert(0, entry("2024-03-14T10:00:00+01:00", "old", Status::OnHold));
    history.push(entry(CHANGED_AT, "same-second", Status::Cancelled));
    let mut app = App::new(plan, options());
    keys(&mut app, "c");
    let who: Vec<String> = (0..3).map(|row| change_at(&app, row).1.by).collect();
    assert_eq!(who, ["same-second", "ingrid", "old"]);
}

#[test]
fn the_changes_view_follows_a_reload_and_enter_jumps_to_the_project() {
    let mut app = app();
    keys(&mut app, "c");
    assert!(changes(&app).changes.is_empty());
    app.handle(Event::Reloaded(plan_with_a_change()));
    assert_eq!(change_at(&app, 0).0, "kwalen-kwartet");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(app.view().focus, Pane::Projects);
}

#[test]
fn the_changes_view_scrolls_and_esc_q_c_close_it() {
    let mut plan = bundled();
    let ids: Vec<String> = plan.projects().map(|(_, p)| p.id.clone()).collect();
    for (day, id) in ids.iter().take(20).enumerate() {
        let loc = plan.locate(id).expect("known project");
        let at = format!("2026-02-{:02}T10:00:00Z", day + 1);
        let project = plan.project_mut(loc).expect("located");
        project.history.push(entry(&at, "jan", Status::InProgress));
    }
    let mut app = App::new(plan, options());
    app.handle(Event::Layout(crate::view::Viewport {
        changes: 8,
        ..viewport()
    }));
    keys(&mut app, "c");
    assert_eq!(change_at(&app, 0).0, ids[19], "the newest first");
    press(&mut app, KeyCode::End);
    assert_eq!(changes(&app).selected, 19);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(changes(&app).selected, 12, "a page is one less than shown");
    keys(&mut app, "g");
    assert_eq!(changes(&app).selected, 0);
    for close in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('c')] {
        press(&mut app, close);
        assert_eq!(app.mode(), &Mode::Browse, "{close:?}");
        keys(&mut app, "c");
    }
}
