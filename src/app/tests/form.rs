//! The add and edit form: opening it on each pane, typing, validation, Esc
//! with its question, and saving as one edit. Editing is in `form_edit.rs`,
//! undo and redo in `form_undo.rs`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::{Effect, Form, FormError, FormField, FormProblem, Mode, NoticeKind, Pane};
use crate::edit::Change;
use crate::plan::{Kind, Logged, Plan, Project, Status};

/// The sub-theme of `kwalen-kwartet`, and its theme.
pub(super) const SUB: &str = "de-overgang-wat-is-het";
pub(super) const THEME: &str = "open-over-de-overgang";

pub(super) fn form(app: &App) -> &Form {
    match app.mode() {
        Mode::Form(form) => form,
        other => panic!("no form open: {other:?}"),
    }
}

pub(super) fn tab(app: &mut App) {
    press(app, KeyCode::Tab);
}

/// `Ctrl-s`, with the effects in full.
pub(super) fn save(app: &mut App) -> Vec<Effect> {
    let key = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    app.handle(Event::Key(key, T0))
}

fn alt_enter(app: &mut App) {
    key(app, KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
}

/// How many edits each save effect carries.
pub(super) fn saved_edits(effects: &[Effect]) -> Vec<usize> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(job) => Some(job.edits.len()),
            _ => None,
        })
        .collect()
}

/// An app with `kwalen-kwartet` selected, in the sub-theme [`SUB`].
pub(super) fn at_kwalen() -> App {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    app
}

pub(super) fn project_ids(plan: &Plan, sub: &str) -> Vec<String> {
    let subs = plan.themes.iter().flat_map(|t| &t.subthemes);
    let found = subs
        .into_iter()
        .find(|s| s.id == sub)
        .expect("known sub-theme");
    found.projects.iter().map(|p| p.id.clone()).collect()
}

pub(super) fn project<'a>(app: &'a App, id: &str) -> &'a Project {
    app.plan().project(app.plan().locate(id).unwrap()).unwrap()
}

#[test]
fn a_on_the_projects_pane_adds_a_project_to_the_selected_subtheme() {
    let mut app = at_kwalen();
    let before = project_ids(app.plan(), SUB);
    keys(&mut app, "a");
    let f = form(&app);
    assert_eq!(
        f.fields(),
        [
            FormField::Title,
            FormField::Details,
            FormField::Owner,
            FormField::Status
        ]
    );
    assert_eq!(
        f.status.map(|s| (s.year, s.chosen)),
        Some((2026, Some(Status::Planned)))
    );
    keys(&mut app, "Kwalen 2: de OR doet mee");
    tab(&mut app);
    keys(&mut app, "Eerste regel");
    alt_enter(&mut app);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "derde, 漢字");
    tab(&mut app);
    keys(&mut app, "Zoë");
    tab(&mut app);
    keys(&mut app, "2");
    let effects = save(&mut app);
    assert_eq!(saved_edits(&effects), [1], "one save of one edit");
    assert_eq!(app.mode(), &Mode::Browse);
    let id = "kwalen-2-de-or-doet-mee";
    let mut want = before.clone();
    want.push(id.to_string());
    assert_eq!(project_ids(app.plan(), SUB), want, "at the end");
    let p = project(&app, id);
    assert_eq!(p.title, "Kwalen 2: de OR doet mee");
    assert_eq!(p.details, "Eerste regel\n\nderde, 漢字");
    assert_eq!((p.owner.as_str(), p.notes.as_str()), ("Zoë", ""));
    assert_eq!(
        p.status.0.iter().collect::<Vec<_>>(),
        [(&2026, &Status::InProgress)]
    );
    assert_eq!(
        selected_id(&app).as_deref(),
        Some(id),
        "the new project is selected"
    );
    assert_eq!(app.view().focus, Pane::Projects);
    let [edit] = app.pending() else {
        panic!("one pending edit: {:?}", app.pending());
    };
    assert!(
        matches!(&edit.change, Change::Add { item, to } if to.parent == SUB && item.id() == id)
    );
    let last = app.plan().log.last().unwrap();
    assert_eq!(last.by, "tester");
    assert!(matches!(&last.change, Logged::Added { kind: Kind::Project, id: i, .. } if i == id));
}

#[test]
fn a_on_the_subthemes_pane_adds_a_subtheme_and_enter_on_a_line_saves() {
    let mut app = at_kwalen();
    keys(&mut app, "2a");
    assert_eq!(form(&app).fields(), [FormField::Title, FormField::Details]);
    assert_eq!(
        form(&app).status,
        None,
        "no status or owner but for projects"
    );
    keys(&mut app, "Kwalen in de praktijk");
    let effects = kinds(app.handle(Event::Key(
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        T0,
    )));
    assert_eq!(effects, [EffectKind::Save]);
    let theme = app.plan().themes.iter().find(|t| t.id == THEME).unwrap();
    let last = theme.subthemes.last().unwrap();
    assert_eq!(
        (last.id.as_str(), last.name.as_str()),
        ("kwalen-in-de-praktijk", "Kwalen in de praktijk")
    );
    assert_eq!(
        app.subtheme().map(|s| s.id.as_str()),
        Some("kwalen-in-de-praktijk")
    );
    assert_eq!(app.view().focus, Pane::Subthemes);
}

#[test]
fn a_on_the_themes_pane_adds_a_theme_with_its_intro() {
    let mut app = at_kwalen();
    let themes = app.plan().themes.len();
    keys(&mut app, "1aZorg & Welzijn");
    tab(&mut app);
    keys(&mut app, "Over zorg.");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "Tweede alinea.");
    assert_eq!(
        form(&app).text(FormField::Details),
        "Over zorg.\nTweede alinea.",
        "Enter breaks the line"
    );
    assert_eq!(saved_edits(&save(&mut app)), [1]);
    assert_eq!(app.plan().themes.len(), themes + 1);
    let theme = app.plan().themes.last().unwrap();
    assert_eq!(
        (
            theme.id.as_str(),
            theme.name.as_str(),
            theme.intro.as_str(),
            theme.focus
        ),
        (
            "zorg-welzijn",
            "Zorg & Welzijn",
            "Over zorg.\nTweede alinea.",
            false
        )
    );
    assert_eq!(app.theme().map(|t| t.id.as_str()), Some("zorg-welzijn"));
    assert_eq!(app.view().focus, Pane::Themes);
}

#[test]
fn a_title_taken_already_gets_a_suffix() {
    let mut app = at_kwalen();
    keys(&mut app, "aKwalen-kwartet");
    save(&mut app);
    assert!(app.plan().locate("kwalen-kwartet-2").is_some());
    assert_eq!(selected_id(&app).as_deref(), Some("kwalen-kwartet-2"));
}

#[test]
fn an_empty_title_is_marked_and_nothing_is_saved() {
    let mut app = at_kwalen();
    keys(&mut app, "a");
    tab(&mut app);
    keys(&mut app, "Alleen een omschrijving");
    assert_eq!(form(&app).focused(), FormField::Details);
    assert!(save(&mut app).is_empty());
    let f = form(&app);
    assert_eq!(
        f.input(FormField::Title).unwrap().problem,
        Some(FormProblem::Empty)
    );
    assert_eq!(f.focused(), FormField::Title, "back to the title");
    keys(&mut app, "   ");
    assert!(save(&mut app).is_empty(), "spaces are no title");
    ctrl(&mut app, 'u');
    keys(&mut app, "Echt");
    assert_eq!(
        form(&app).input(FormField::Title).unwrap().problem,
        None,
        "typing clears it"
    );
    assert_eq!(saved_edits(&save(&mut app)), [1]);
    assert_eq!(project(&app, "echt").title, "Echt");
}

#[test]
fn tab_and_shift_tab_go_round_and_arrows_move_between_one_line_fields() {
    let mut app = at_kwalen();
    keys(&mut app, "a");
    let mut seen = Vec::new();
    for _ in 0..4 {
        seen.push(form(&app).focused());
        tab(&mut app);
    }
    use FormField::{Details, Owner, Status as St, Title};
    assert_eq!(seen, [Title, Details, Owner, St]);
    assert_eq!(form(&app).focused(), Title, "round again");
    key(
        &mut app,
        KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    assert_eq!(form(&app).focused(), St);
    press(&mut app, KeyCode::Up);
    assert_eq!(form(&app).focused(), Owner);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(form(&app).focused(), St, "stays on the last field");
}

#[test]
fn the_status_is_chosen_with_arrows_digits_and_cleared_with_delete() {
    let mut app = at_kwalen();
    keys(&mut app, "a123");
    assert_eq!(
        form(&app).text(FormField::Title),
        "123",
        "digits are typed in a text"
    );
    for _ in 0..3 {
        tab(&mut app);
    }
    let chosen = |app: &App| form(app).status.unwrap().chosen;
    press(&mut app, KeyCode::Right);
    assert_eq!(chosen(&app), Some(Status::InProgress));
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    assert_eq!(chosen(&app), None);
    keys(&mut app, "5");
    assert_eq!(chosen(&app), Some(Status::Cancelled));
    press(&mut app, KeyCode::Delete);
    assert_eq!(chosen(&app), None);
    save(&mut app);
    let p = project(&app, "123");
    assert!(p.status.0.is_empty(), "no status");
}

#[test]
fn esc_closes_at_once_when_nothing_was_typed_and_asks_otherwise() {
    let mut app = at_kwalen();
    let plan = app.plan().clone();
    keys(&mut app, "a");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), &Mode::Browse);
    keys(&mut app, "aHalf getypt");
    press(&mut app, KeyCode::Esc);
    assert!(form(&app).asking);
    keys(&mut app, "x");
    assert!(form(&app).asking, "other keys do nothing");
    keys(&mut app, "n");
    assert!(!form(&app).asking);
    assert_eq!(
        form(&app).text(FormField::Title),
        "Half getypt",
        "the text is kept"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(!form(&app).asking, "Esc answers no");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "j");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.plan(), &plan);
    assert!(!app.has_unsaved());
}

#[test]
fn an_item_gone_meanwhile_keeps_the_form_open_with_a_message() {
    let mut app = at_kwalen();
    keys(&mut app, "aNieuw");
    let mut plan = app.plan().clone();
    let gone = Change::archive(&plan, Kind::Subtheme, SUB).unwrap();
    crate::edit::apply(&mut plan, &crate::edit::Edit::new(gone, T0, "anna"));
    app.handle(Event::Reloaded(plan));
    assert!(save(&mut app).is_empty());
    assert_eq!(form(&app).error, Some(FormError::ParentGone));
    assert_eq!(
        form(&app).text(FormField::Title),
        "Nieuw",
        "nothing typed is lost"
    );
    assert!(!app.has_unsaved());
}

#[test]
fn a_and_r_say_why_when_there_is_nothing_to_add_to_or_edit() {
    let mut plan = bundled();
    plan.themes[0].subthemes.clear();
    let mut app = App::new(plan, options());
    keys(&mut app, "3a");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.notices()[0].kind, NoticeKind::Warning);
    keys(&mut app, "r");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.notices()[0].text, app.lang().form().nothing_selected);
}

#[test]
fn read_only_refuses_the_form() {
    let mut app = App::new(
        bundled(),
        AppOptions {
            read_only: Some(crate::i18n::ReadOnlyWhy::NotWritable("plan.ron".into())),
            ..options()
        },
    );
    for k in ["a", "r"] {
        keys(&mut app, k);
        assert_eq!(app.mode(), &Mode::Browse);
        assert_eq!(app.notices()[0].kind, NoticeKind::Warning);
    }
}

#[test]
fn a_new_project_is_found_by_search() {
    let mut app = at_kwalen();
    keys(&mut app, "aZeldzaam woord xylofoon");
    save(&mut app);
    keys(&mut app, "1/xylofoon");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("zeldzaam-woord-xylofoon")
    );
}

#[test]
fn the_form_knows_what_it_edits_and_the_item_it_adds() {
    let mut app = at_kwalen();
    keys(&mut app, "r");
    assert_eq!(
        form(&app).editing(),
        Some((Kind::Project, "kwalen-kwartet"))
    );
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "a");
    assert_eq!(form(&app).editing(), None);
    let (id, taken) = crate::app::new_id(app.plan(), Kind::Project, "Kwalen-kwartet");
    assert_eq!(
        (id.as_str(), taken.as_deref()),
        ("kwalen-kwartet-2", Some("kwalen-kwartet"))
    );
}
