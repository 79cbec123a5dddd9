//! The multi-line notes editor and the conflict dialog, drawn into a test
//! buffer at 120×40 and 80×24, in Dutch and English; the snapshots are their
//! visual spec. One snapshot keeps the styles too, in the colourless palette.

use aoplan::app::{App, AppOptions, Event, Mode};
use aoplan::i18n::Lang;
use aoplan::plan::Plan;
use aoplan::storage::BUNDLED_PLAN;
use aoplan::ui::Palette;

use crate::ui_support;
use ui_support::{Session, keys, screen};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "nl"), (Lang::En, "en")];
const ID: &str = "kwalen-kwartet";

/// The bundled plan with two lines of notes on `kwalen-kwartet`.
fn plan() -> Plan {
    let mut plan = aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses");
    let p = plan
        .project_mut(plan.locate(ID).expect("known project"))
        .expect("located");
    p.owner = "Ingrid de Vries".into();
    p.notes = "Eerste versie getest met de OR van Gelderland.\nZoë’s feedback 🙂 verwerkt".into();
    plan
}

fn new_app(lang: Lang, palette: Palette, size: (u16, u16)) -> Session {
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
    Session::new(app, palette, size)
}

/// The pending edits are saved; then someone else sets the notes to `theirs`
/// and the plan is reloaded.
fn someone_else_sets_notes(app: &mut App, theirs: &str) {
    while app.is_saving() {
        app.handle(Event::Saved {
            result: Ok(Default::default()),
            merged: None,
            clock: "14:02".into(),
        });
    }
    let mut plan = app.plan().clone();
    let p = plan.project_mut(plan.locate(ID).unwrap()).unwrap();
    p.notes = theirs.into();
    app.handle(Event::Reloaded(plan));
}

fn snapshot_all(name: &str, setup: impl Fn(&mut Session)) {
    for (lang, code) in LANGS {
        for size in SIZES {
            let mut app = new_app(lang, Palette::Plain, size);
            setup(&mut app);
            let snapshot = format!("{name}_{code}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(snapshot, screen(&mut app, size));
        }
    }
}

/// The notes editor with three lines typed under the two there were, the
/// cursor moved up into the text.
fn multi_line_editor(app: &mut Session) {
    keys(app, "/kwalen⏎e↵Derde regel: 漢字 en e\u{308}↵↵vijfde↑↑");
    assert!(matches!(app.mode(), Mode::Editing(_)));
}

/// `u` on a notes edit that someone else changed since.
fn undo_conflict(app: &mut Session) {
    keys(app, "/kwalen⏎e↵Nog bellen⏎");
    someone_else_sets_notes(app, "Gebeld met Ingrid.\nVolgende stap: 漢字-team");
    keys(app, "u");
    assert!(matches!(app.mode(), Mode::Conflict(_)));
}

/// Enter in a notes editor whose notes someone else changed meanwhile.
fn editor_conflict(app: &mut Session) {
    keys(app, "/kwalen⏎e↵Nog bellen");
    someone_else_sets_notes(app, "");
    keys(app, "⏎");
    assert!(matches!(app.mode(), Mode::Conflict(_)));
}

#[test]
fn the_notes_editor_grows_with_its_lines() {
    snapshot_all("editor_multi_line", multi_line_editor);
}

/// Esc on typed text asks before it is thrown away, in the editor's frame and
/// the footer.
#[test]
fn closing_the_editor_on_typed_text_asks_first() {
    snapshot_all("editor_discard", |app| {
        keys(app, "/kwalen⏎e↵Nog bellen⎋");
        assert!(matches!(app.mode(), Mode::Editing(e) if e.asking));
    });
}

#[test]
fn a_long_note_scrolls_inside_the_pane_with_the_cursor_in_view() {
    snapshot_all("editor_scrolled", |app| {
        keys(app, "/kwalen⏎e");
        for n in 1..=14 {
            keys(app, &format!("↵regel {n}"));
        }
    });
}

#[test]
fn the_conflict_dialog_shows_both_values() {
    snapshot_all("conflict_undo", undo_conflict);
    snapshot_all("conflict_editor", editor_conflict);
}

/// Without colour, the dialog's labels, keys and border still stand out.
#[test]
fn the_conflict_dialog_in_the_plain_palette_keeps_its_emphasis() {
    let size = (80, 24);
    let mut app = new_app(Lang::En, Palette::Plain, size);
    editor_conflict(&mut app);
    let buf = app.frame();
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Default::default(), Default::default()));
    }
    insta::assert_debug_snapshot!("conflict_editor_plain_styles", buf);
}
