//! The add and edit form, drawn into a test buffer at 120×40 and 80×24, in
//! Dutch and English, without colour; the snapshots are its visual spec.

use ratatui::style::Modifier;

use aoplan::app::{App, AppOptions, Event, Form, FormField, Mode};
use aoplan::i18n::Lang;
use aoplan::plan::Plan;
use aoplan::storage::BUNDLED_PLAN;
use aoplan::ui::Palette;

use crate::ui_support;
use ui_support::{Session, keys, screen};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "nl"), (Lang::En, "en")];
const ID: &str = "kwalen-kwartet";

fn plan() -> Plan {
    let mut plan = aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses");
    let p = plan
        .project_mut(plan.locate(ID).expect("known project"))
        .expect("located");
    p.owner = "Ingrid de Vries".into();
    let intro: Vec<String> = (1..=20)
        .map(|n| format!("Alinea {n} van een lange inleiding over ambtelijk vakmanschap."))
        .collect();
    plan.themes[0].intro = intro.join("\n");
    plan
}

fn new_app(lang: Lang, size: (u16, u16)) -> Session {
    let app = App::new(
        plan(),
        AppOptions {
            lang,
            year: None,
            read_only: None,
            user: "tester".into(),
            mouse: true,
        },
    );
    Session::new(app, Palette::Plain, size)
}

fn form(app: &Session) -> &Form {
    match app.mode() {
        Mode::Form(form) => form,
        other => panic!("no form open: {other:?}"),
    }
}

fn snapshot_all(name: &str, setup: impl Fn(&mut Session)) {
    for (lang, code) in LANGS {
        for size in SIZES {
            let mut app = new_app(lang, size);
            setup(&mut app);
            let snapshot = format!("{name}_{code}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(snapshot, screen(&mut app, size));
        }
    }
}

/// `a` on the projects pane, every field filled in, the status moved on; the
/// id the title suggests is taken.
fn add_project(app: &mut Session) {
    keys(
        app,
        "/kwalen⏎aKwalen-kwartet⇥Een tweede ronde, met 漢字 en e\u{308}.↵Met de OR van Gelderland.⇥Zoë⇥→",
    );
    assert_eq!(form(app).focused(), FormField::Status);
}

/// Saving with no title: the message under it, the id it would get, and an
/// id taken already.
fn add_without_title(app: &mut Session) {
    keys(app, "/kwalen⏎a⇥Nog zonder titel§");
    assert_eq!(form(app).focused(), FormField::Title, "back to the title");
}

/// `r` on a project: its texts, and a title someone else changed meanwhile.
fn edit_changed_meanwhile(app: &mut Session) {
    keys(app, "/kwalen⏎r (tweede ronde)");
    let mut plan = app.plan().clone();
    let loc = plan.locate(ID).unwrap();
    plan.project_mut(loc).unwrap().title = "Het kwalen-kwartet".into();
    app.handle(Event::Reloaded(plan));
    keys(app, "⏎");
    assert!(
        matches!(app.mode(), Mode::Form(_)),
        "still open: asks first"
    );
}

/// `r` on a theme with a long intro, scrolled down into it.
fn edit_long_intro(app: &mut Session) {
    keys(app, "1r⇥");
    assert_eq!(form(app).focused(), FormField::Details);
    keys(app, &"↓".repeat(15));
    keys(app, "(herzien) ");
}

/// Esc after typing: asks first.
fn discard_question(app: &mut Session) {
    keys(app, "2aNieuw subthema⎋");
    assert!(form(app).asking);
}

#[test]
fn the_add_form() {
    snapshot_all("form_add_project", add_project);
    snapshot_all("form_add_no_title", add_without_title);
}

#[test]
fn the_edit_form() {
    snapshot_all("form_edit_changed_meanwhile", edit_changed_meanwhile);
    snapshot_all("form_edit_long_intro", edit_long_intro);
}

#[test]
fn esc_with_typed_text_asks() {
    snapshot_all("form_discard", discard_question);
}

/// Without colour, the focused field stands out by its marker and emphasis,
/// and a validation message by its own.
#[test]
fn in_the_plain_palette_focus_and_messages_keep_their_emphasis() {
    let size = (80, 24);
    let mut app = new_app(Lang::En, size);
    add_without_title(&mut app);
    let buf = app.frame();
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Default::default(), Default::default()));
    }
    let text = screen(&mut app, size);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("▸ Title"))
        .expect("the focused title is marked");
    let x = u16::try_from(line.chars().position(|c| c == 'T').unwrap()).unwrap();
    let y = u16::try_from(row).unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Enter a title"))
        .expect("the message");
    let x = u16::try_from(line.chars().position(|c| c == 'E').unwrap()).unwrap();
    let y = u16::try_from(row).unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

/// At the smallest usable size, with a title of three rows and messages, the
/// form still draws, the focused field's cursor is on screen and the status
/// row is there.
#[test]
fn the_form_fits_the_smallest_screen() {
    let size = (aoplan::ui::MIN_WIDTH, aoplan::ui::MIN_HEIGHT);
    for (lang, _) in LANGS {
        let scenarios: [fn(&mut Session); 5] = [
            add_project,
            add_without_title,
            edit_changed_meanwhile,
            edit_long_intro,
            discard_question,
        ];
        for setup in scenarios {
            let mut app = new_app(lang, size);
            setup(&mut app);
            let text = screen(&mut app, size);
            if let Some(p) = aoplan::ui::cursor_position(&app, app.area()) {
                assert!(p.x < size.0 && p.y < size.1, "{text}");
            }
        }
        let mut app = new_app(lang, size);
        keys(&mut app, "/kwalen⏎a");
        keys(&mut app, &"Een heel lange titel ".repeat(8));
        keys(&mut app, "⇥⇥⇥");
        let text = screen(&mut app, size);
        let status = aoplan::i18n::Lang::form_status(lang, 2026);
        assert!(text.contains(&format!("▸ {status}")), "{text}");
    }
}
