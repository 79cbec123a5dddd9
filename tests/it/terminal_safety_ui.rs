//! The terminal UI over a plan full of hostile text: drawn into a buffer it
//! shows placeholders where ratatui would silently drop control characters, and
//! in a pseudo-terminal no sequence from plan text reaches the byte stream.

use crate::support;
use crate::ui_support;

use aoplan::app::{App, AppOptions};
use aoplan::i18n::Lang;
use aoplan::ui::Palette;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::hostile_text::{assert_inert, hostile_plan};
use support::plan_dir::PlanDir;
use ui_support::Session;

#[test]
fn the_pty_byte_stream_holds_no_sequence_from_plan_text() {
    let dir = PlanDir::new(&hostile_plan());
    let mut s = support::pty::Session::start(&dir.plan, &["--no-mouse"], 120, 40);
    s.wait_text("Thema ␛]52;c;");
    s.send("3");
    s.wait_text("Owner: Eigenaar");
    s.send("q");
    s.wait_exit();
    let raw = s.raw.lock().unwrap().clone();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    for needle in [
        &b"\x1b]52"[..],
        b"\x1b]0;",
        b"\x1b]8;",
        b"\x07",
        "\u{9b}".as_bytes(),
        "\u{9d}".as_bytes(),
        "\u{202e}".as_bytes(),
        "\u{2066}".as_bytes(),
    ] {
        assert!(!has(needle), "the terminal got {needle:?}");
    }
}

/// The UI drawn into a buffer, as a screen of text.
fn screen(app: &mut Session) -> String {
    let area = app.area();
    let buf = app.frame();
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn key(app: &mut Session, c: char) {
    let code = if c == '⎋' {
        KeyCode::Esc
    } else {
        KeyCode::Char(c)
    };
    app.press(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn the_ui_shows_placeholders_where_ratatui_would_drop_them() {
    let options = AppOptions {
        lang: Lang::En,
        year: None,
        read_only: None,
        user: "tester".into(),
        mouse: true,
    };
    let mut app = Session::new(App::new(hostile_plan(), options), Palette::Plain, (120, 40));
    let mut screens = vec![("themes", screen(&mut app))];
    key(&mut app, '2');
    screens.push(("sub-themes", screen(&mut app)));
    key(&mut app, '3');
    screens.push(("project", screen(&mut app)));
    key(&mut app, 'c');
    screens.push(("changes", screen(&mut app)));
    key(&mut app, '⎋');
    key(&mut app, '/');
    for c in "loyale".chars() {
        key(&mut app, c);
    }
    screens.push(("search", screen(&mut app)));
    for (name, text) in &screens {
        assert_inert(name, text.as_bytes(), false);
        assert!(text.contains("␛]52;c;"), "{name}:\n{text}");
    }
    let project = &screens[2].1;
    for shown in [
        "<U+009B>2J<U+009D>0;pwned",
        "␡<U+202E>desrever<U+202C><U+2066>x<U+2069>",
        "Owner: Eigenaar",
        "Notes: Notities",
        "09:21 eve",
    ] {
        assert!(project.contains(shown), "{shown}:\n{project}");
    }
    assert!(
        screens[0].1.contains("regel twee"),
        "the intro keeps its line break"
    );
}
