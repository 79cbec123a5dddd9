//! The archive view and its restore, the changes view with every kind of
//! change, and a plan reshaped under the app by someone else.

use crossterm::event::KeyCode;

use super::arrange::{keys, press};
use super::*;
use crate::app::{ArchiveState, ChangesState, Mode, NoticeKind, Pane};
use crate::edit::MergeReport;
use crate::edit::{self, Change, Edit};
use crate::plan::{ChangeKind, Kind, Recorded};

fn archive(app: &App) -> &ArchiveState {
    match app.mode() {
        Mode::Archive(state) => state,
        other => panic!("not in the archive view: {other:?}"),
    }
}

fn changes(app: &App) -> &ChangesState {
    match app.mode() {
        Mode::Changes(state) => state,
        other => panic!("not in the changes view: {other:?}"),
    }
}

fn notices(app: &App) -> Vec<String> {
    app.notices().iter().map(|n| n.text.clone()).collect()
}

/// Archives the selected item of the focused pane, as `d` and `Enter` do.
fn archive_selected(app: &mut App) {
    keys(app, "d");
    assert_eq!(press(app, KeyCode::Enter), vec![EffectKind::Save]);
}

/// `change` made by someone else, on a copy of the app's plan.
fn theirs(app: &App, make: impl Fn(&Plan) -> Option<Change>) -> Plan {
    let mut plan = app.plan().clone();
    let change = make(&plan).expect("the change applies");
    edit::apply(&mut plan, &Edit::new(change, T0, "anna"));
    plan
}

#[test]
fn the_archive_view_lists_archived_items_newest_first_and_restores_one() {
    let mut app = app();
    keys(&mut app, "A");
    assert!(archive(&app).rows.is_empty());
    press(&mut app, KeyCode::Esc);
    go_to(&mut app, "kwalen-kwartet");
    archive_selected(&mut app);
    keys(&mut app, "1g2jj");
    archive_selected(&mut app);
    keys(&mut app, "A");
    let rows = &archive(&app).rows;
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].kind, rows[0].id.as_str()),
        (Kind::Subtheme, "integer-werken")
    );
    assert_eq!(rows[0].projects, 2);
    assert_eq!(rows[0].from, "Ambtelijk vakmanschap");
    assert_eq!(rows[0].archived, Some((T0, "tester".to_string())));
    assert_eq!(rows[1].title, "Ontwikkeling van het kwalen-kwartet");
    assert_eq!(
        rows[1].from,
        "Open over de Overgang › De Overgang – wat is het?"
    );

    keys(&mut app, "j");
    assert_eq!(keys(&mut app, "r"), vec![EffectKind::Save]);
    assert_eq!(app.mode(), &Mode::Browse);
    let place = app
        .plan()
        .place_of(Kind::Project, "kwalen-kwartet")
        .expect("restored");
    assert_eq!(
        (place.parent.as_str(), place.position),
        ("de-overgang-wat-is-het", 1)
    );
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert!(
        notices(&app)[0]
            .starts_with("Restored “Ontwikkeling van het kwalen-kwartet” to Open over de Overgang")
    );
    // Undone, it is archived again; the view lists it again.
    keys(&mut app, "u");
    assert!(app.plan().is_archived("kwalen-kwartet"));
    assert_eq!(
        notices(&app),
        ["Undone: “Ontwikkeling van het kwalen-kwartet” is in the archive"]
    );
    keys(&mut app, "A");
    assert_eq!(archive(&app).rows.len(), 2);
    assert_eq!(
        archive(&app).rows[0].id,
        "kwalen-kwartet",
        "the latest archived"
    );
    keys(&mut app, "j");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![EffectKind::Save]);
    assert_eq!(
        app.subtheme().map(|s| s.id.as_str()),
        Some("integer-werken")
    );
    assert_eq!(app.view().focus, Pane::Subthemes);
    for close in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('A')] {
        keys(&mut app, "A");
        press(&mut app, close);
        assert_eq!(app.mode(), &Mode::Browse, "{close:?}");
    }
}

#[test]
fn an_item_whose_parent_is_archived_waits_for_the_parent() {
    let mut app = app();
    go_to(&mut app, "maatwerk-e-learning-integriteit");
    archive_selected(&mut app);
    keys(&mut app, "2");
    assert_eq!(
        app.subtheme().map(|s| s.id.as_str()),
        Some("integer-werken")
    );
    archive_selected(&mut app);
    keys(&mut app, "Aj");
    let before = app.plan().clone();
    assert!(keys(&mut app, "r").is_empty());
    assert_eq!(app.plan(), &before);
    assert!(
        matches!(app.mode(), Mode::Archive(_)),
        "the view stays open"
    );
    assert_eq!(
        notices(&app),
        ["Restore the sub-theme “Integer werken” first: it is in the archive itself"]
    );
    assert_eq!(app.notices()[0].kind, NoticeKind::Warning);

    // Inside an archived theme: the theme is what to restore first.
    keys(&mut app, "k");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "1");
    let theme = app.theme().map(|t| t.name.clone()).expect("a theme");
    archive_selected(&mut app);
    keys(&mut app, "A");
    let row = archive(&app)
        .rows
        .iter()
        .position(|r| r.id == "maatwerk-e-learning-integriteit");
    for _ in 0..row.expect("listed") {
        keys(&mut app, "j");
    }
    keys(&mut app, "r");
    assert_eq!(
        notices(&app),
        [format!(
            "Restore the theme “{theme}” first: it is in the archive itself"
        )]
    );
}

#[test]
fn the_changes_view_shows_every_kind_filters_by_kind_and_goes_to_the_item() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "s3"); // a status
    keys(&mut app, "*"); // focus
    keys(&mut app, "mloyale"); // a move
    press(&mut app, KeyCode::Enter);
    go_to(&mut app, "overgangsdag");
    archive_selected(&mut app);
    keys(&mut app, "c");
    assert_eq!(changes(&app).changes.len(), 4);
    let kinds: Vec<ChangeKind> = (changes(&app).changes.iter())
        .map(|c| app.plan().record(&c.key).expect("there").kind())
        .collect();
    assert_eq!(
        kinds,
        [
            ChangeKind::Structure,
            ChangeKind::Structure,
            ChangeKind::Text,
            ChangeKind::Status
        ],
        "newest first"
    );
    let shown = |app: &App| changes(app).changes.len();
    keys(&mut app, "f");
    assert_eq!(
        (changes(&app).filter, shown(&app)),
        (Some(ChangeKind::Status), 1)
    );
    keys(&mut app, "f");
    assert_eq!(
        (changes(&app).filter, shown(&app)),
        (Some(ChangeKind::Text), 1)
    );
    keys(&mut app, "f");
    assert_eq!(
        (changes(&app).filter, shown(&app)),
        (Some(ChangeKind::Structure), 2)
    );
    // The newest: the archived project, shown in the archive view.
    press(&mut app, KeyCode::Enter);
    let state = archive(&app);
    assert_eq!(state.rows[state.selected].id, "overgangsdag");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "cfffj");
    let change = &changes(&app).changes[changes(&app).selected];
    let Some(Recorded::Logged { .. }) = app.plan().record(&change.key) else {
        panic!("a logged change");
    };
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("kwalen-kwartet"),
        "the moved project"
    );
    keys(&mut app, "cff");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.view().focus,
        Pane::Themes,
        "a focus change goes to its theme"
    );
    keys(&mut app, "cf");
    assert_eq!(
        changes(&app).filter,
        Some(ChangeKind::Status),
        "each opening shows all first"
    );
    keys(&mut app, "fff");
    assert_eq!(changes(&app).filter, None);
}

#[test]
fn a_project_moved_by_someone_else_stays_selected_at_its_new_place() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    let plan = theirs(&app, |p| {
        Change::move_to(
            p,
            Kind::Project,
            "kwalen-kwartet",
            "werkplezier-relaties",
            None,
        )
    });
    app.handle(Event::Reloaded(plan));
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet"));
    assert_eq!(
        app.subtheme().map(|s| s.id.as_str()),
        Some("werkplezier-relaties")
    );
}

#[test]
fn items_archived_by_someone_else_leave_a_valid_selection() {
    let mut app = app();
    keys(&mut app, "G"); // the last theme
    keys(&mut app, "2G3G"); // its last sub-theme and project
    let theme = app.theme().map(|t| t.id.clone()).expect("a theme");
    let plan = theirs(&app, |p| Change::archive(p, Kind::Theme, &theme));
    app.handle(Event::Reloaded(plan));
    let themes = app.plan().themes.len();
    assert_eq!(app.view().selection.theme, themes - 1, "the theme now last");
    assert!(app.subtheme().is_some() && app.selected_project().is_some());
    for pane in ["1", "2", "3"] {
        keys(&mut app, pane);
        keys(&mut app, "jkGg");
    }

    // A sub-theme archived under the picker and the dialog closes them.
    go_to(&mut app, "kwalen-kwartet");
    keys(&mut app, "m");
    let plan = theirs(&app, |p| {
        Change::archive(p, Kind::Subtheme, "de-overgang-wat-is-het")
    });
    app.handle(Event::Reloaded(plan));
    assert_eq!(app.mode(), &Mode::Browse);
    assert!(notices(&app).contains(&"This item is no longer in the plan".to_string()));
    assert_eq!(
        app.subtheme().map(|s| s.id.as_str()),
        Some("de-overgang-en-leefstijl")
    );
    keys(&mut app, "2d");
    let id = app.subtheme().map(|s| s.id.clone()).expect("a sub-theme");
    let plan = theirs(&app, |p| Change::archive(p, Kind::Subtheme, &id));
    app.handle(Event::Reloaded(plan));
    assert_eq!(app.mode(), &Mode::Browse);
}

#[test]
fn a_merged_save_keeps_the_selection_the_user_has_now() {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    super::keys(&mut app, "s3");
    assert!(app.is_saving());
    // While the save runs, the user goes elsewhere.
    go_to(&mut app, "programma-loyale-tegenspraak");
    let merged = theirs(&app, |p| {
        Change::reorder(p, Kind::Theme, "arbeidsmarkt", -1)
    });
    app.handle(Event::Saved {
        result: Ok(MergeReport::default()),
        merged: Some(merged),
        clock: "14:02".into(),
    });
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("programma-loyale-tegenspraak")
    );
    assert_eq!(app.view().selection.theme, 1, "found at its new index");
}

#[test]
fn the_archive_view_follows_a_reload() {
    let mut app = app();
    keys(&mut app, "A");
    let plan = theirs(&app, |p| {
        Change::archive(p, Kind::Project, "kwalen-kwartet")
    });
    app.handle(Event::Reloaded(plan));
    let rows = &archive(&app).rows;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].archived, Some((T0, "anna".to_string())));
}

#[test]
fn a_plan_emptied_by_someone_else_leaves_nothing_to_select_and_no_panic() {
    let mut app = app();
    keys(&mut app, "G2G3G");
    let mut plan = app.plan().clone();
    for id in plan.themes.iter().map(|t| t.id.clone()).collect::<Vec<_>>() {
        let change = Change::archive(&plan, Kind::Theme, &id).expect("live");
        edit::apply(&mut plan, &Edit::new(change, T0, "anna"));
    }
    app.handle(Event::Reloaded(plan));
    assert_eq!(app.view().selection, crate::view::Selection::default());
    for pane in ["1", "2", "3"] {
        for k in ["m", "d", "*", "<", ">", "j", "G", "s", "e"] {
            keys(&mut app, pane);
            keys(&mut app, k);
            assert_eq!(app.mode(), &Mode::Browse, "{pane}{k}");
        }
    }
    keys(&mut app, "A");
    assert_eq!(archive(&app).rows.len(), app.plan().archive.len());
}
