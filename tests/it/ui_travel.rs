//! Time travel and the progress chart on screen, at 120×40 and 80×24, in Dutch
//! and English, over the bundled plan after a made-up year of work: the
//! header that says "stand per", the banners where the records do not reach,
//! the date prompt, and the chart month by month, also without colour.

use ratatui::buffer::Buffer;
use ratatui::style::Color;

use aoplan::app::{App, AppOptions, Mode};
use aoplan::i18n::Lang;
use aoplan::plan::Plan;
use aoplan::ui::Palette;

use crate::support::history_year_ui;
use crate::ui_support::{Session, keys, screen};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "nl"), (Lang::En, "en")];

fn session(plan: Plan, lang: Lang, palette: Palette, size: (u16, u16)) -> Session {
    let options = AppOptions {
        lang,
        year: None,
        read_only: None,
        user: "tester".into(),
        mouse: true,
    };
    Session::new(App::new(plan, options), palette, size)
}

/// Snapshots the screen after `input` in both languages and both sizes.
fn snapshot_all(name: &str, input: &str) {
    for (lang, code) in LANGS {
        for size in SIZES {
            let mut app = session(history_year_ui::plan(), lang, Palette::Plain, size);
            keys(&mut app, input);
            let snapshot = format!("{name}_{code}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(snapshot, screen(&mut app, size));
        }
    }
}

#[test]
fn the_header_says_the_plan_is_shown_as_of_a_date() {
    snapshot_all("travel_header", "/kwalen⏎t2026-06-30⏎");
    snapshot_all("travel_before_records", "t2025-12-01⏎");
    snapshot_all("travel_unknown_item", "t2026-04-10⏎");
}

#[test]
fn the_date_prompt_asks_and_says_what_is_wrong() {
    snapshot_all("travel_prompt", "t2026-06");
    snapshot_all("travel_prompt_bad", "t30 juno⏎");
}

#[test]
fn the_progress_view_charts_the_selected_theme_and_the_whole_plan() {
    snapshot_all("chart_theme", "jjp");
    snapshot_all("chart_whole_plan", "pG");
    snapshot_all("chart_as_of", "t2026-06-30⏎p");
}

#[test]
fn an_edit_key_while_travelling_names_the_mode_in_both_languages() {
    for (lang, words) in [
        (Lang::Nl, "Stand per 30-06-2026: alleen lezen"),
        (Lang::En, "As of 30 Jun 2026: read-only"),
    ] {
        let size = (120, 40);
        let mut app = session(history_year_ui::plan(), lang, Palette::Plain, size);
        keys(&mut app, "/kwalen⏎t2026-06-30⏎s");
        let text = screen(&mut app, size);
        assert!(text.contains(words), "{text}");
        assert!(matches!(app.mode(), Mode::Browse), "no picker opened");
    }
}

/// The symbols of the chart's cells, and whether any of them has a colour.
fn chart_cells(buf: &Buffer) -> (usize, usize, bool) {
    let (mut done, mut busy, mut coloured) = (0, 0, false);
    for cell in buf.content() {
        match cell.symbol() {
            "█" => done += 1,
            "▒" => busy += 1,
            _ => continue,
        }
        coloured |= cell.fg != Color::Reset || cell.bg != Color::Reset;
    }
    (done, busy, coloured)
}

#[test]
fn without_colour_the_chart_tells_done_from_in_progress_by_its_symbols() {
    for size in SIZES {
        let mut plain = session(history_year_ui::plan(), Lang::En, Palette::Plain, size);
        keys(&mut plain, "pG");
        let buf = plain.frame();
        let (done, busy, coloured) = chart_cells(&buf);
        // The table's bars use █ too; the chart adds its own, and ▒ only it.
        assert!(done > 20 && busy > 10, "{size:?}: {done} █, {busy} ▒");
        assert!(!coloured, "{size:?}: no colour without colour");
        let text = screen(&mut plain, size);
        assert!(
            text.contains("█ Done") && text.contains("▒ In progress"),
            "{size:?}: the legend names both symbols:\n{text}"
        );
        let mut dark = session(history_year_ui::plan(), Lang::En, Palette::Dark, size);
        keys(&mut dark, "pG");
        assert!(
            chart_cells(&dark.frame()).2,
            "{size:?}: the dark palette colours them"
        );
    }
}
