//! Shaping the plan in the terminal UI, drawn into a test buffer at 120×40 and
//! 80×24, in Dutch and English, without colour: the move picker, the archive
//! dialog, the archive view and the changes view with every kind of change.

use aoplan::app::{App, AppOptions, Mode};
use aoplan::edit::{self, Change, Edit, TextField};
use aoplan::i18n::Lang;
use aoplan::plan::{Kind, Plan, Status};
use aoplan::storage::BUNDLED_PLAN;
use aoplan::timestamp::Timestamp;
use aoplan::ui::Palette;

use crate::ui_support::{Session, keys, screen};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "nl"), (Lang::En, "en")];

fn bundled() -> Plan {
    aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses")
}

/// A change made against the plan as it is at that moment.
type MakeChange = fn(&Plan) -> Option<Change>;

/// The bundled plan after a planning session of several people: a status, a
/// rename, a focus theme, a move, a reorder and two items archived, each
/// change made through the edits layer at its own time.
fn shaped() -> Plan {
    let mut plan = bundled();
    let steps: Vec<(&str, &str, MakeChange)> = vec![
        ("2026-01-12T08:30:00Z", "bram", |p| {
            Change::status(p, "kwalen-kwartet", 2026, Some(Status::InProgress))
        }),
        ("2026-02-03T10:15:00Z", "ingrid", |p| {
            let field = TextField::SubthemeName("loyale-tegenspraak".into());
            Change::text(p, field, "Loyale tegenspraak en lef".into())
        }),
        ("2026-02-10T09:00:00Z", "zoë", |p| {
            Change::focus(p, "arbeidsmarkt", true)
        }),
        ("2026-03-01T14:00:00Z", "jan-willem", |p| {
            Change::move_to(
                p,
                Kind::Project,
                "kwalen-kwartet",
                "loyale-tegenspraak",
                None,
            )
        }),
        ("2026-03-02T11:20:00Z", "ingrid", |p| {
            Change::reorder(p, Kind::Theme, "arbeidsmarkt", -1)
        }),
        ("2026-03-05T16:45:00Z", "bram", |p| {
            Change::archive(p, Kind::Subtheme, "integer-werken")
        }),
        ("2026-03-06T09:10:00Z", "zoë", |p| {
            Change::archive(p, Kind::Project, "projectmanagement-voortzetting")
        }),
    ];
    for (at, by, make) in steps {
        let change = make(&plan).expect("the change applies to the plan");
        let at = Timestamp::parse_rfc3339(at).expect("a time");
        edit::apply(&mut plan, &Edit::new(change, at, by));
    }
    plan
}

fn new_app(plan: Plan, lang: Lang, size: (u16, u16)) -> Session {
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

/// Snapshots a screen in both languages and both sizes.
fn snapshot_all(name: &str, plan: fn() -> Plan, setup: impl Fn(&mut Session)) {
    for (lang, code) in LANGS {
        for size in SIZES {
            let mut app = new_app(plan(), lang, size);
            setup(&mut app);
            let snapshot = format!("{name}_{code}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(snapshot, screen(&mut app, size));
        }
    }
}

#[test]
fn move_picker() {
    snapshot_all("move_picker", bundled, |app| keys(app, "/kwalen⏎m"));
    snapshot_all("move_picker_filtered", bundled, |app| {
        keys(app, "/kwalen⏎marb com↓")
    });
    snapshot_all("move_picker_subtheme", bundled, |app| keys(app, "2m"));
}

#[test]
fn archive_dialog() {
    snapshot_all("archive_dialog_subtheme", bundled, |app| keys(app, "2jjd"));
    snapshot_all("archive_dialog_project", bundled, |app| {
        keys(app, "/kwalen⏎d")
    });
}

#[test]
fn archive_view() {
    snapshot_all("archive_view", shaped, |app| keys(app, "A"));
    snapshot_all("archive_view_empty", bundled, |app| keys(app, "A"));
}

#[test]
fn changes_view_with_every_kind_of_change() {
    snapshot_all("changes_every_kind", shaped, |app| keys(app, "cn"));
    snapshot_all("changes_structure", shaped, |app| keys(app, "cnfff"));
}

#[test]
fn the_picker_moves_and_the_panes_show_it_at_once() {
    let size = (120, 40);
    let mut app = new_app(bundled(), Lang::En, size);
    keys(&mut app, "/kwalen⏎mloyale⏎");
    assert_eq!(app.mode(), &Mode::Browse);
    let text = screen(&mut app, size);
    assert!(
        text.contains("Moved “Ontwikkeling van het kwalen-kwartet” to Ambtelijk vakmanschap › A. Loyale Tegenspraak"),
        "{text}"
    );
    assert!(text.contains("▶ Projects"), "{text}");
    // The selection is the moved project, at its new place.
    let project = app.selected_project().map(|(_, p)| p.id.clone());
    assert_eq!(project.as_deref(), Some("kwalen-kwartet"));
    let subtheme = app.subtheme().map(|s| s.id.clone());
    assert_eq!(subtheme.as_deref(), Some("loyale-tegenspraak"));
    assert!(
        text.contains("Programma rondom Loyale Tegenspraak"),
        "{text}"
    );
}

#[test]
fn letters_follow_the_order_of_the_sub_themes() {
    let size = (120, 40);
    let mut app = new_app(bundled(), Lang::Nl, size);
    keys(&mut app, "2j>");
    let text = screen(&mut app, size);
    let row = |letter: &str, name: &str| {
        text.lines()
            .any(|l| l.contains(&format!("{letter} {name}")))
    };
    assert!(row("C.", "Politiek-bestuurlijk"), "{text}");
    assert!(row("B.", "Integer werken"), "{text}");
    keys(&mut app, "<");
    let text = screen(&mut app, size);
    assert!(
        text.lines().any(|l| l.contains("B. Politiek-bestuurlijk")),
        "{text}"
    );
}
