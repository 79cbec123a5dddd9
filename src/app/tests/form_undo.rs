//! Undo and redo of what the form saved: an addition of each kind, and a
//! form's several edits as one step.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::form::{SUB, THEME, at_kwalen, project, project_ids, save, saved_edits, tab};
use super::*;
use crate::app::{Effect, Mode, NoticeKind};
use crate::edit::Change;
use crate::plan::Kind;

fn u(app: &mut App) -> Vec<Effect> {
    app.handle(Event::Key(
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE),
        T0,
    ))
}

fn ctrl_r(app: &mut App) -> Vec<Effect> {
    app.handle(Event::Key(
        KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL),
        T0,
    ))
}

/// The ids in the list the form adds to: a sub-theme's projects, a theme's
/// sub-themes, the themes.
fn ids(app: &App, kind: Kind) -> Vec<String> {
    let plan = app.plan();
    match kind {
        Kind::Project => project_ids(plan, SUB),
        Kind::Subtheme => {
            let theme = plan.themes.iter().find(|t| t.id == THEME).unwrap();
            theme.subthemes.iter().map(|s| s.id.clone()).collect()
        }
        Kind::Theme => plan.themes.iter().map(|t| t.id.clone()).collect(),
    }
}

/// The id of what is selected in the pane of `kind`.
fn selected(app: &App, kind: Kind) -> Option<String> {
    match kind {
        Kind::Project => selected_id(app),
        Kind::Subtheme => app.subtheme().map(|s| s.id.clone()),
        Kind::Theme => app.theme().map(|t| t.id.clone()),
    }
}

#[test]
fn undo_and_redo_of_an_addition_of_each_kind() {
    for (pane, kind) in [
        ("3", Kind::Project),
        ("2", Kind::Subtheme),
        ("1", Kind::Theme),
    ] {
        let mut app = at_kwalen();
        let before = ids(&app, kind);
        let plan = app.plan().clone();
        keys(&mut app, pane);
        keys(&mut app, "aToegevoegd");
        tab(&mut app);
        keys(&mut app, "Met tekst");
        save(&mut app);
        saved(&mut app);
        let mut with = before.clone();
        with.push("toegevoegd".into());
        assert_eq!(ids(&app, kind), with, "{kind:?} added");

        let effects = u(&mut app);
        assert_eq!(saved_edits(&effects), [1], "{kind:?}: the undo is saved");
        assert!(
            matches!(&app.pending()[0].change, Change::Remove { item, .. } if item.id() == "toegevoegd"),
            "{kind:?}: an addition undone is removed, not archived"
        );
        assert_eq!(ids(&app, kind), before, "{kind:?} gone again");
        assert!(
            !app.plan().has_id("toegevoegd"),
            "{kind:?}: not in the archive either"
        );
        saved(&mut app);

        assert_eq!(
            saved_edits(&ctrl_r(&mut app)),
            [1],
            "{kind:?}: the redo is saved"
        );
        assert_eq!(ids(&app, kind), with, "{kind:?} back where it was");
        assert_eq!(
            selected(&app, kind).as_deref(),
            Some("toegevoegd"),
            "{kind:?} selected"
        );
        saved(&mut app);

        u(&mut app);
        saved(&mut app);
        assert_eq!(ids(&app, kind), before);
        let mut without_log = app.plan().clone();
        without_log.log.clear();
        assert_eq!(
            without_log, plan,
            "{kind:?}: the plan as it was, apart from the log"
        );
        assert_eq!(
            app.plan().log.len(),
            4,
            "{kind:?}: added, removed, added, removed"
        );
    }
}

#[test]
fn undo_of_an_addition_someone_else_changed_since_keeps_their_work_in_the_archive() {
    let mut app = at_kwalen();
    keys(&mut app, "aNieuw project");
    save(&mut app);
    saved(&mut app);
    let mut plan = app.plan().clone();
    let loc = plan.locate("nieuw-project").unwrap();
    plan.project_mut(loc).unwrap().notes = "Anna was hier".into();
    app.handle(Event::Reloaded(plan));
    saved(&mut app);
    u(&mut app);
    assert_eq!(app.mode(), &Mode::Browse, "no question: nothing is lost");
    assert!(app.plan().locate("nieuw-project").is_none());
    assert!(
        app.plan().is_archived("nieuw-project"),
        "their notes are kept"
    );
}

#[test]
fn undo_and_redo_take_a_forms_edits_back_and_forth_in_one_step() {
    let mut app = at_kwalen();
    let before = project(&app, "kwalen-kwartet").clone();
    keys(&mut app, "s4"); // an edit before the form
    keys(&mut app, "r!");
    tab(&mut app);
    keys(&mut app, "Nu ook: ");
    tab(&mut app);
    keys(&mut app, "Bram");
    save(&mut app);
    saved(&mut app);
    let after = project(&app, "kwalen-kwartet").clone();

    let effects = u(&mut app);
    assert_eq!(
        saved_edits(&effects),
        [3],
        "the three fields back in one save"
    );
    let p = project(&app, "kwalen-kwartet");
    assert_eq!(
        (&p.title, &p.details, &p.owner),
        (&before.title, &before.details, &before.owner)
    );
    assert_eq!(
        p.status_in(2026),
        after.status_in(2026),
        "the edit before stays"
    );
    assert_eq!(app.notices().len(), 1, "one notice for the step");
    assert_eq!(app.notices()[0].kind, NoticeKind::Info);
    assert!(
        app.notices()[0].text.starts_with("Undone: 3 changes to "),
        "{:?}",
        app.notices()
    );
    saved(&mut app);

    assert_eq!(saved_edits(&ctrl_r(&mut app)), [3]);
    assert_eq!(
        project(&app, "kwalen-kwartet"),
        &after_with_history(&app, &after)
    );
    assert!(app.notices()[0].text.starts_with("Redone: 3 changes to "));
    saved(&mut app);

    u(&mut app);
    u(&mut app);
    saved(&mut app);
    let p = project(&app, "kwalen-kwartet");
    assert_eq!(
        (&p.title, p.status_in(2026)),
        (&before.title, before.status_in(2026))
    );
    u(&mut app);
    assert_eq!(app.notices()[0].text, app.lang().ui().nothing_to_undo);
}

/// `after` with the history the project has now (redo adds none: it is texts).
fn after_with_history(app: &App, after: &crate::plan::Project) -> crate::plan::Project {
    crate::plan::Project {
        history: project(app, "kwalen-kwartet").history.clone(),
        ..after.clone()
    }
}

#[test]
fn a_conflict_halfway_through_a_step_stops_there() {
    let mut app = at_kwalen();
    keys(&mut app, "r!");
    tab(&mut app);
    tab(&mut app);
    keys(&mut app, "Bram");
    save(&mut app);
    saved(&mut app);
    let mut plan = app.plan().clone();
    let loc = plan.locate("kwalen-kwartet").unwrap();
    plan.project_mut(loc).unwrap().owner = "Anna".into();
    app.handle(Event::Reloaded(plan));
    // The owner was the form's last edit: undo meets it first.
    u(&mut app);
    assert!(matches!(app.mode(), Mode::Conflict(_)));
    press(&mut app, KeyCode::Esc);
    let p = project(&app, "kwalen-kwartet");
    assert!(p.title.ends_with('!'), "nothing else was undone");
    assert_eq!(p.owner, "Anna");
    // Esc put the owner's edit back: u asks again.
    u(&mut app);
    assert!(matches!(app.mode(), Mode::Conflict(_)));
}

#[test]
fn an_addition_merged_with_another_writers_lands_after_theirs_and_undo_takes_only_mine() {
    let mut app = at_kwalen();
    let before = project_ids(app.plan(), SUB);
    // Someone else adds a project to the same sub-theme and saves first.
    let mut theirs = app.plan().clone();
    let item = crate::plan::Item::Project(crate::plan::Project {
        id: "van-anna".into(),
        title: "Van Anna".into(),
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: Default::default(),
        history: Vec::new(),
    });
    let add = Change::add(&theirs, item, SUB, None).unwrap();
    crate::edit::apply(&mut theirs, &crate::edit::Edit::new(add, T0, "anna"));
    keys(&mut app, "aVan mij");
    let effects = save(&mut app);
    let Some(Effect::Save(job)) = effects.first() else {
        panic!("a save: {}", effects.len());
    };
    // The saver replays this user's edits onto their version.
    let report = crate::edit::replay(&mut theirs, &job.edits);
    app.handle(Event::Saved {
        result: Ok(report),
        merged: Some(theirs),
        clock: "14:02".into(),
    });
    let mut want = before.clone();
    want.extend(["van-anna".to_string(), "van-mij".to_string()]);
    assert_eq!(
        project_ids(app.plan(), SUB),
        want,
        "both, in the order saved"
    );
    assert_eq!(selected_id(&app).as_deref(), Some("van-mij"));
    u(&mut app);
    assert_eq!(
        app.mode(),
        &Mode::Browse,
        "no question: a place that moved is no conflict"
    );
    want.pop();
    assert_eq!(project_ids(app.plan(), SUB), want, "theirs stays");
}
