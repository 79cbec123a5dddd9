//! The form on an existing item (`r`): only what changed is saved, as one
//! step, and a field someone else changed meanwhile is never silently
//! overwritten.

use super::form::{SUB, at_kwalen, form, project, save, saved_edits, tab};
use super::*;
use crate::app::{FormField, FormProblem, Mode};
use crate::edit::TextField;

#[test]
fn r_edits_a_project_and_saves_only_what_changed_as_one_step() {
    let mut app = at_kwalen();
    keys(&mut app, "r");
    let f = form(&app);
    assert_eq!(
        f.text(FormField::Title),
        project(&app, "kwalen-kwartet").title
    );
    assert_eq!(f.status, None, "the status is edited with s");
    ctrl(&mut app, 'u');
    keys(&mut app, "Kwalen-kwartet, tweede ronde");
    tab(&mut app);
    keys(&mut app, "Nu ook: ");
    tab(&mut app);
    keys(&mut app, "Bram");
    let details = format!("Nu ook: {}", project(&app, "kwalen-kwartet").details);
    let effects = save(&mut app);
    assert_eq!(saved_edits(&effects), [3], "three edits in one save");
    let p = project(&app, "kwalen-kwartet");
    assert_eq!(
        (p.title.as_str(), p.details.as_str(), p.owner.as_str()),
        ("Kwalen-kwartet, tweede ronde", details.as_str(), "Bram")
    );
    let fields: Vec<_> = app.pending().iter().map(|e| e.field()).collect();
    let id = || "kwalen-kwartet".to_string();
    assert_eq!(
        fields,
        [
            TextField::Title(id()),
            TextField::Details(id()),
            TextField::Owner(id())
        ]
        .map(crate::edit::Field::Text)
    );
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("kwalen-kwartet"),
        "the id never changes"
    );
}

#[test]
fn r_on_a_subtheme_and_a_theme_edits_name_and_intro() {
    let mut app = at_kwalen();
    keys(&mut app, "2r");
    ctrl(&mut app, 'u');
    keys(&mut app, "Wat is de Overgang?");
    assert_eq!(saved_edits(&save(&mut app)), [1]);
    assert_eq!(app.subtheme().unwrap().name, "Wat is de Overgang?");
    assert_eq!(app.subtheme().unwrap().id, SUB);
    keys(&mut app, "1r");
    tab(&mut app);
    keys(&mut app, "Nieuw: ");
    save(&mut app);
    assert!(
        app.theme().unwrap().intro.starts_with("Nieuw: "),
        "the intro is opened at its start"
    );
}

#[test]
fn a_form_saved_unchanged_changes_nothing() {
    let mut app = at_kwalen();
    keys(&mut app, "r");
    assert!(save(&mut app).is_empty());
    assert_eq!(app.mode(), &Mode::Browse);
    assert!(!app.has_unsaved());
}

#[test]
fn a_field_someone_else_changed_meanwhile_is_marked_and_the_next_save_keeps_mine() {
    let mut app = at_kwalen();
    keys(&mut app, "rX");
    let mut plan = app.plan().clone();
    let loc = plan.locate("kwalen-kwartet").unwrap();
    plan.project_mut(loc).unwrap().title = "Hun titel".into();
    plan.project_mut(loc).unwrap().owner = "Anna".into();
    app.handle(Event::Reloaded(plan));
    assert!(save(&mut app).is_empty(), "not saved over theirs unasked");
    let title = form(&app).input(FormField::Title).unwrap();
    assert_eq!(
        title.problem,
        Some(FormProblem::ChangedMeanwhile("Hun titel".into()))
    );
    assert_eq!(
        form(&app).input(FormField::Owner).unwrap().problem,
        None,
        "owner untouched"
    );
    assert_eq!(saved_edits(&save(&mut app)), [1]);
    let p = project(&app, "kwalen-kwartet");
    assert!(p.title.ends_with('X'));
    assert_eq!(p.owner, "Anna", "a field not touched keeps theirs");
}
