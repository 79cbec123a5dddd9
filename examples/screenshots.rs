//! Renders the main screens of the real UI over the bundled plan to SVG files in
//! `screenshots/`: `cargo run --example screenshots`.
//!
//! Each screen is the app driven by key events, drawn into ratatui's `TestBackend`,
//! and written as SVG with the text and colours of every cell.

use std::fmt::Write as _;
use std::fs;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use aoplan::app::{App, AppOptions, Event};
use aoplan::i18n::Lang;
use aoplan::storage::BUNDLED_PLAN;
use aoplan::timestamp::Timestamp;
use aoplan::ui::{Palette, ViewState};

/// When the keys are pressed: the app reads no clock, keys bring their time.
const KEY_TIME: Timestamp = Timestamp(1_793_615_400); // 2026-11-02T10:30:00Z

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;
const BACKGROUND: &str = "#1d1f21";
const FOREGROUND: &str = "#d0d0d0";

fn main() -> std::io::Result<()> {
    fs::create_dir_all("screenshots")?;
    let shots: [(&str, Lang, (u16, u16), &str); 11] = [
        ("browse", Lang::Nl, (120, 40), "jjjj3jj"),
        ("search", Lang::Nl, (120, 40), "/overgang werk"),
        ("status-picker", Lang::Nl, (120, 40), "/agressie\rs"),
        ("move-picker", Lang::Nl, (120, 40), "/kwalen\rmarb"),
        ("archive", Lang::Nl, (120, 40), "2jjd\r3jd\rA"),
        ("help", Lang::En, (120, 40), "?"),
        ("progress", Lang::Nl, (120, 40), "p"),
        ("browse-en", Lang::En, (120, 40), "jjjjj2j3"),
        ("browse-80x24", Lang::Nl, (80, 24), "3"),
        (
            "form",
            Lang::Nl,
            (120, 40),
            "/kwalen\raKwalen-kwartet voor de OR\tTweede ronde, samen met de OR van Gelderland.\rMet een handleiding voor gespreksleiders.\tIngrid de Vries\t",
        ),
        ("form-80x24", Lang::En, (80, 24), "1r\t"),
    ];
    for (name, lang, (w, h), keys) in shots {
        let buffer = render(lang, w, h, keys);
        let path = format!("screenshots/{name}.svg");
        fs::write(&path, svg(&buffer))?;
        println!("{path}");
    }
    Ok(())
}

fn render(lang: Lang, width: u16, height: u16, keys: &str) -> Buffer {
    let plan = aoplan::codec::parse(BUNDLED_PLAN).expect("bundled plan");
    let mut app = App::new(
        plan,
        AppOptions {
            lang,
            year: None,
            read_only: None,
            user: "jdevries".into(),
            mouse: true,
        },
    )
    // The fund's managers work in the Netherlands.
    .with_zone(jiff::tz::TimeZone::get("Europe/Amsterdam").expect("a known zone"));
    // Draw after every key, as the app runs, so the lists scroll as they would.
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let styles = Palette::Dark.styles();
    let mut view = ViewState::new();
    let mut draw = |app: &mut App| {
        terminal
            .draw(|frame| aoplan::ui::draw(frame, app, &mut view, &styles))
            .expect("draw");
        app.handle(Event::Layout(view.viewport()));
    };
    draw(&mut app);
    for c in keys.chars() {
        let code = match c {
            '\r' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        app.handle(Event::Key(
            KeyEvent::new(code, KeyModifiers::NONE),
            KEY_TIME,
        ));
        draw(&mut app);
    }
    terminal.backend().buffer().clone()
}

/// The 16 ANSI colours as a common dark terminal shows them.
fn rgb(color: Color, default: &'static str) -> String {
    let named = match color {
        Color::Reset => default,
        Color::Black => "#1d1f21",
        Color::Red => "#cc6666",
        Color::Green => "#8fbf5f",
        Color::Yellow => "#e6c547",
        Color::Blue => "#81a2be",
        Color::Magenta => "#b294bb",
        Color::Cyan => "#70c0b1",
        Color::Gray => "#c5c8c6",
        Color::DarkGray => "#666666",
        Color::LightRed => "#ff7070",
        Color::LightGreen => "#b5e890",
        Color::LightYellow => "#f0e080",
        Color::LightBlue => "#a0c0ff",
        Color::LightMagenta => "#e0a0ff",
        Color::LightCyan => "#a0f0f0",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => return format!("#{0:02x}{0:02x}{0:02x}", i),
    };
    named.to_string()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn svg(buffer: &Buffer) -> String {
    let area = buffer.area;
    // One spare cell on the right, so the last column never touches the edge.
    let (w, h) = (
        (area.width + 1) as f32 * CELL_W,
        area.height as f32 * CELL_H,
    );
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{BACKGROUND}"/>"#
    );
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(x, y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (rgb(cell.fg, FOREGROUND), rgb(cell.bg, BACKGROUND));
            if reversed {
                std::mem::swap(&mut fg, &mut bg);
            }
            // A run of cells with the same style becomes one rect and one text element.
            let start = x;
            // Text segments: ASCII runs at their first cell; any other symbol alone at
            // its own cell, so wide and ambiguous-width glyphs cannot shift the rest.
            let mut segments: Vec<(u16, String)> = Vec::new();
            while x < area.width {
                let c = &buffer[(x, y)];
                if c.fg != cell.fg || c.bg != cell.bg || c.modifier != cell.modifier {
                    break;
                }
                let symbol = c.symbol();
                let ascii = symbol.is_ascii();
                match segments.last_mut() {
                    Some((sx, text))
                        if ascii && text.is_ascii() && *sx + text.len() as u16 == x =>
                    {
                        text.push_str(symbol)
                    }
                    _ if symbol.is_empty() => {}
                    _ => segments.push((x, symbol.to_string())),
                }
                x += 1;
            }
            let (px, py) = (start as f32 * CELL_W, y as f32 * CELL_H);
            if bg != BACKGROUND {
                let width = (x - start) as f32 * CELL_W;
                let _ = writeln!(
                    out,
                    r#"<rect x="{px:.1}" y="{py}" width="{width:.1}" height="{CELL_H}" fill="{bg}"/>"#
                );
            }
            let weight = if cell.modifier.contains(Modifier::BOLD) {
                r#" font-weight="bold""#
            } else {
                ""
            };
            let deco = if cell.modifier.contains(Modifier::UNDERLINED) {
                r#" text-decoration="underline""#
            } else {
                ""
            };
            for (sx, text) in segments {
                if text.trim().is_empty() {
                    continue;
                }
                let _ = writeln!(
                    out,
                    r#"<text x="{:.1}" y="{:.1}" fill="{fg}"{weight}{deco} xml:space="preserve">{}</text>"#,
                    sx as f32 * CELL_W,
                    py + CELL_H * 0.75,
                    escape(&text)
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}
