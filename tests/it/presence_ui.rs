//! Colleagues on the same plan, drawn: the "also open" line under the header
//! and the marks of items someone else is editing, at 120×40 and 80×24, in
//! Dutch and English, without colour. The snapshots are the visual spec.

use aoplan::app::{App, AppOptions, Event, Peer};
use aoplan::i18n::Lang;
use aoplan::storage::BUNDLED_PLAN;
use aoplan::ui::Palette;

use crate::ui_support;
use ui_support::{Session, keys, screen};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "nl"), (Lang::En, "en")];

fn new_app(lang: Lang, size: (u16, u16)) -> Session {
    let plan = aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses");
    let app = App::new(
        plan,
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

fn peer(user: &str, item: Option<&str>, editing: bool) -> Peer {
    Peer {
        user: user.into(),
        item: item.map(str::to_string),
        editing,
    }
}

/// Five colleagues: editing a project, its theme and its sub-theme, looking
/// at another theme, and one with nothing selected.
fn colleagues() -> Vec<Peer> {
    vec![
        peer("anna", Some("kwalen-kwartet"), true),
        peer("bert", None, false),
        peer("carla", Some("werkplezier"), false),
        peer("dirk", Some("open-over-de-overgang"), true),
        peer("eva", Some("de-overgang-wat-is-het"), true),
    ]
}

fn tell(app: &mut Session, peers: Vec<Peer>) {
    app.handle(Event::Presence(peers));
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

#[test]
fn colleagues_show_under_the_header_and_their_editors_in_the_lists() {
    snapshot_all("presence", |app| {
        keys(app, "/kwalen⏎");
        tell(app, colleagues());
    });
    // Our own editor open on the item a colleague edits: the header and the
    // row still say so.
    snapshot_all("presence_editor", |app| {
        keys(app, "/kwalen⏎e");
        tell(app, colleagues());
    });
    snapshot_all("presence_one", |app| {
        tell(app, vec![peer("anna", Some("kwalen-kwartet"), false)]);
    });
}

#[test]
fn many_colleagues_are_trimmed_to_the_width() {
    snapshot_all("presence_crowded", |app| {
        let mut peers = colleagues();
        for name in [
            "frederique-van-der-berg",
            "gijs",
            "hanneke",
            "ilse",
            "joost",
        ] {
            peers.push(peer(name, Some("programma-loyale-tegenspraak"), false));
        }
        peers.sort_by(|a, b| a.user.cmp(&b.user));
        tell(app, peers);
    });
}

#[test]
fn the_line_fits_every_width_and_names_at_least_one() {
    for width in [60u16, 61, 70, 80, 100, 119, 120, 200] {
        let size = (width, 24);
        let mut app = new_app(Lang::Nl, size);
        let mut peers = colleagues();
        peers[0].user = "a".repeat(64);
        tell(&mut app, peers);
        let shown = screen(&mut app, size);
        let line = shown.lines().nth(1).unwrap();
        assert!(line.starts_with("ook open: "), "{width}: {line}");
        assert!(line.contains("aaaa"), "{width}: {line}");
        let cells = unicode_width::UnicodeWidthStr::width(line);
        assert!(cells <= usize::from(width), "{width}: {line}");
    }
}

#[test]
fn a_colleague_who_leaves_takes_the_line_and_the_marks_along() {
    let size = (80, 24);
    let mut app = new_app(Lang::En, size);
    keys(&mut app, "/kwalen⏎");
    let alone = screen(&mut app, size);
    tell(&mut app, colleagues());
    let together = screen(&mut app, size);
    assert!(together.contains("also open: "), "{together}");
    assert!(together.contains("✎ anna is editing this"), "{together}");
    tell(&mut app, Vec::new());
    assert_eq!(screen(&mut app, size), alone);
}

/// Without colour the mark is a glyph, drawn in bold, on the edited rows only.
#[test]
fn the_edit_mark_shows_without_colour() {
    let size = (120, 40);
    let mut app = new_app(Lang::En, size);
    keys(&mut app, "/kwalen⏎");
    tell(&mut app, colleagues());
    let buf = app.frame();
    let text = screen(&mut app, size);
    let below: String = text.lines().skip(2).collect::<Vec<_>>().join("\n");
    // The theme, the sub-theme and the project rows, and the details; no other row.
    assert_eq!(below.matches('✎').count(), 4, "{text}");
    for marked in [
        "Overga… ✎ 0/11",
        "A. … – wat is het?        ✎ 0/4",
        "kwalen-kwartet          ✎ Planned",
    ] {
        assert!(below.contains(marked), "{marked}: {text}");
    }
    assert!(below.contains("│✎ anna is editing this"), "{text}");
    for cell in buf.content.iter().filter(|c| c.symbol() == "✎") {
        assert_eq!((cell.fg, cell.bg), (Default::default(), Default::default()));
        assert!(
            cell.modifier.contains(ratatui::style::Modifier::BOLD),
            "{cell:?}"
        );
    }
}

/// Names come from files colleagues write: control characters are shown as
/// placeholders, never sent to the terminal.
#[test]
fn hostile_names_are_drawn_inert() {
    let size = (120, 40);
    let mut app = new_app(Lang::En, size);
    keys(&mut app, "/kwalen⏎");
    let evil = "eve\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{202e}\u{9b}2J";
    tell(&mut app, vec![peer(evil, Some("kwalen-kwartet"), true)]);
    let buf = app.frame();
    for cell in &buf.content {
        for c in cell.symbol().chars() {
            assert!(!aoplan::terminal_safe::is_unsafe(c), "{c:?} drawn");
        }
    }
    let text = screen(&mut app, size);
    // A long name is cut at 20 cells.
    let shown = "eve␛]52;c;cm0gLXJmI…";
    assert!(
        text.contains(&format!("also open: {shown} (✎ kwalen-kwartet)")),
        "{text}"
    );
    assert!(
        text.contains(&format!("✎ {shown} is editing this")),
        "{text}"
    );
}
