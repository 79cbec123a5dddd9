//! The UI in a time zone: the changes view (`c`) and the details pane show
//! local times, "vandaag"/"today" and "gisteren"/"yesterday" counted from the
//! key that opened the view, across daylight saving time. The zone is data the
//! app is given, so these tests need no `TZ`.

use jiff::tz::TimeZone;

use aoplan::app::{App, AppOptions};
use aoplan::i18n::Lang;
use aoplan::ui::Palette;

use super::{AMSTERDAM, with_history};
use crate::ui_support::{Session, keys, screen};

const SIZE: (u16, u16) = (80, 24);

/// Changes on both DST Sundays of 2026, and around midnight before the keys
/// are pressed (2026-11-02T10:30:00Z, 11:30 in Amsterdam).
fn session(lang: Lang, zone: TimeZone) -> Session {
    let plan = with_history(&[
        (
            "programma-loyale-tegenspraak",
            "2026-03-29T00:30:00Z",
            "anna",
        ),
        ("personeelsmonitor-2025", "2026-03-29T01:30:00Z", "bert"),
        ("personeelsmonitor-2025", "2026-10-25T00:30:00Z", "carla"),
        (
            "maatwerk-e-learning-integriteit",
            "2026-10-25T01:30:00Z",
            "dirk",
        ),
        (
            "programma-loyale-tegenspraak",
            "2026-11-01T22:30:00Z",
            "erik",
        ),
        ("personeelsmonitor-2025", "2026-11-01T23:30:00Z", "fleur"),
        (
            "maatwerk-e-learning-integriteit",
            "2026-11-02T09:15:00Z",
            "gijs",
        ),
    ]);
    let options = AppOptions {
        lang,
        year: None,
        read_only: None,
        user: "tester".into(),
        mouse: false,
    };
    Session::new(
        App::new(plan, options).with_zone(zone),
        Palette::Plain,
        SIZE,
    )
}

fn amsterdam() -> TimeZone {
    TimeZone::get(AMSTERDAM).expect("the zone")
}

#[test]
fn the_changes_view_in_amsterdam() {
    for (lang, code) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let mut app = session(lang, amsterdam());
        keys(&mut app, "c");
        let text = screen(&mut app, SIZE);
        insta::with_settings!({snapshot_path => "../snapshots"}, {
            insta::assert_snapshot!(format!("changes_amsterdam_{code}_80x24"), text);
        });
    }
}

#[test]
fn today_is_the_local_day_of_the_key() {
    let line_of = |text: &str, who: &str| -> String {
        let line = text.lines().find(|l| l.contains(who));
        line.unwrap_or_else(|| panic!("{who}:\n{text}")).to_string()
    };
    let mut app = session(Lang::Nl, amsterdam());
    keys(&mut app, "c");
    let text = screen(&mut app, SIZE);
    assert!(
        line_of(&text, "gijs").contains("    vandaag 10:15  gijs"),
        "{text}"
    );
    // Half past midnight in Amsterdam: today there, yesterday in UTC.
    assert!(
        line_of(&text, "fleur").contains("    vandaag 00:30  fleur"),
        "{text}"
    );
    assert!(
        line_of(&text, "erik").contains("   gisteren 23:30  erik"),
        "{text}"
    );
    let mut app = session(Lang::En, TimeZone::UTC);
    keys(&mut app, "c");
    let text = screen(&mut app, SIZE);
    assert!(
        line_of(&text, "fleur").contains("  yesterday 23:30  fleur"),
        "{text}"
    );
    assert!(
        line_of(&text, "erik").contains("  yesterday 22:30  erik"),
        "{text}"
    );
}

#[test]
fn the_details_show_the_history_in_local_time() {
    let mut app = session(Lang::Nl, amsterdam());
    keys(&mut app, "/personeelsmonitor 2025⏎");
    let text = screen(&mut app, SIZE);
    // 01:30 UTC on 29 March is 03:30 summer time; the details give the date.
    assert!(text.contains("29 mrt 2026 03:30 bert"), "{text}");
    assert!(text.contains("25 okt 2026 02:30 CEST carla"), "{text}");
    assert!(text.contains("2 nov 2026 00:30 fleur"), "{text}");
}
