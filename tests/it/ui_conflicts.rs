//! The open conflicts a git merge left, in the terminal UI: the footer's
//! badge and the conflicts view (`C`), drawn into a test buffer at 120×40 and
//! 80×24, in Dutch and English, without colour.

use aoplan::app::{App, AppOptions};
use aoplan::i18n::Lang;
use aoplan::plan::{ConflictField, OpenConflict, Plan, Status, TextKind};
use aoplan::storage::BUNDLED_PLAN;
use aoplan::timestamp::Timestamp;
use aoplan::ui::Palette;

use crate::ui_support::{KEY_TIME, Session, keys, screen};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "nl"), (Lang::En, "en")];

/// The bundled plan after a merge that left three open conflicts: a status,
/// a sub-theme's name and a project's notes of several lines.
fn merged() -> Plan {
    let mut plan = aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses");
    let at = |hours: i64| Timestamp(KEY_TIME.0 - hours * 3600);
    plan.conflicts = vec![
        OpenConflict {
            at: at(30),
            by: "bvisser".into(),
            field: ConflictField::Status {
                id: "programma-loyale-tegenspraak".into(),
                year: 2026,
                kept: Some(Status::Planned),
                other: Some(Status::OnHold),
            },
        },
        OpenConflict {
            at: at(20),
            by: "adejong".into(),
            field: ConflictField::Text {
                id: "loyale-tegenspraak".into(),
                field: TextKind::Name,
                kept: "Loyale Tegenspraak".into(),
                other: "Tegenspraak in de praktijk".into(),
            },
        },
        OpenConflict {
            at: at(2),
            by: "bvisser".into(),
            field: ConflictField::Text {
                id: "kwalen-kwartet".into(),
                field: TextKind::Notes,
                kept: String::new(),
                other: "Drukproef klaar\nnaar de drukker in mei".into(),
            },
        },
    ];
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
    plan
}

fn new_app(lang: Lang, size: (u16, u16)) -> Session {
    let app = App::new(
        merged(),
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

#[test]
fn the_badge_and_the_conflicts_view() {
    for (lang, code) in LANGS {
        for size in SIZES {
            let (w, h) = size;
            let mut app = new_app(lang, size);
            let browse = screen(&mut app, size);
            let badge = match lang {
                Lang::Nl => "3 open conflicten (C)",
                Lang::En => "3 open conflicts (C)",
            };
            assert!(browse.lines().last().unwrap().ends_with(badge), "{browse}");
            keys(&mut app, "C");
            insta::assert_snapshot!(format!("conflicts_{code}_{w}x{h}"), screen(&mut app, size));
            // Take the second (the sub-theme's name): the view stays, the
            // footer says what happened and the badge counts down.
            keys(&mut app, "ja");
            insta::assert_snapshot!(
                format!("conflicts_taken_{code}_{w}x{h}"),
                screen(&mut app, size)
            );
        }
    }
}

#[test]
fn the_badge_goes_when_the_last_conflict_is_settled() {
    let size = (80, 24);
    let mut app = new_app(Lang::En, size);
    keys(&mut app, "CMMM⎋");
    assert!(app.plan().conflicts.is_empty());
    let shown = screen(&mut app, size);
    assert!(!shown.contains("open conflict"), "{shown}");
    keys(&mut app, "C");
    assert!(screen(&mut app, size).contains("no open conflicts"));
}
