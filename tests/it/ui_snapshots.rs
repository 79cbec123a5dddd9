//! Every screen and overlay of the terminal UI, drawn into a test buffer at
//! 120×40 and 80×24, in Dutch and English. The snapshots are the visual spec.

use std::collections::BTreeMap;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use aoplan::app::{App, AppOptions, Event};
use aoplan::codec::SyntaxMessage;
use aoplan::i18n::{FileFault, Lang, ReadOnlyWhy};
use aoplan::keymap::{self, Context};
use aoplan::plan::{HistoryEntry, Plan, Project, Status, Subtheme, Theme, YearStatus};
use aoplan::storage::BUNDLED_PLAN;
use aoplan::timestamp::Timestamp;
use aoplan::ui::{self, Palette};

use crate::ui_support;
use ui_support::{Session, keys, screen};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "nl"), (Lang::En, "en")];

fn bundled() -> Plan {
    aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses")
}

/// The bundled plan with one project that has an owner, notes, two years and history.
fn lived_in() -> Plan {
    let mut plan = bundled();
    let loc = plan.locate("kwalen-kwartet").expect("known project");
    let p = plan.project_mut(loc).expect("located");
    p.owner = "Ingrid de Vries".into();
    p.notes = "Eerste versie getest met de OR van Gelderland; Zoë’s feedback 🙂 verwerkt".into();
    p.status.0.insert(2025, Status::InProgress);
    p.history.push(history(
        "2025-02-03T10:15:00Z",
        "ingrid",
        2025,
        None,
        Some(Status::InProgress),
    ));
    p.history.push(history(
        "2026-01-12T08:30:00Z",
        "bram",
        2026,
        None,
        Some(Status::Planned),
    ));
    plan
}

/// The bundled plan after some weeks of work: every other project has a new
/// status for 2026, each change in its history, made by a few people.
fn worked() -> Plan {
    const STEPS: [Status; 6] = [
        Status::Done,
        Status::InProgress,
        Status::Done,
        Status::OnHold,
        Status::Done,
        Status::Cancelled,
    ];
    const WHO: [&str; 4] = ["ingrid", "bram", "zoë", "jan-willem"];
    let mut plan = bundled();
    let ids: Vec<String> = plan.projects().map(|(_, p)| p.id.clone()).collect();
    for (n, id) in ids.iter().step_by(2).enumerate() {
        let at = format!(
            "2026-{:02}-{:02}T{:02}:{:02}:00Z",
            1 + n / 28,
            1 + n % 28,
            8 + n % 9,
            n * 7 % 60
        );
        let loc = plan.locate(id).expect("known project");
        let p = plan.project_mut(loc).expect("located");
        let current = p.status_in(2026);
        let to = STEPS[n % STEPS.len()..]
            .iter()
            .chain(&STEPS)
            .copied()
            .find(|s| Some(*s) != current)
            .expect("a status other than the current one");
        let from = p.status.0.insert(2026, to);
        p.history
            .push(history(&at, WHO[n % WHO.len()], 2026, from, Some(to)));
    }
    plan
}

/// The worked plan with its themes three times over: more than a screen holds.
fn many_themes() -> Plan {
    let mut plan = worked();
    let themes = plan.themes.clone();
    for copy in 2..=3 {
        plan.themes.extend(themes.iter().cloned().map(|mut theme| {
            theme.id = format!("{}-{copy}", theme.id);
            theme.name = format!("{} ({copy})", theme.name);
            theme
        }));
    }
    plan
}

fn history(
    at: &str,
    by: &str,
    year: u16,
    from: Option<Status>,
    to: Option<Status>,
) -> HistoryEntry {
    HistoryEntry {
        at: Timestamp::parse_rfc3339(at).expect("a time"),
        by: by.into(),
        year,
        from,
        to,
    }
}

fn project(id: String, title: String, status: Option<Status>) -> Project {
    Project {
        id,
        title,
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: YearStatus(
            status
                .map(|s| (2026, s))
                .into_iter()
                .collect::<BTreeMap<_, _>>(),
        ),
        history: Vec::new(),
    }
}

/// A plan with an empty theme, an empty sub-theme, a long list and very long texts.
fn edge_plan() -> Plan {
    let many = (1..=30)
        .map(|i| {
            let status = Status::ALL[i % Status::ALL.len()];
            project(
                format!("project-{i}"),
                format!("Project nummer {i}"),
                Some(status),
            )
        })
        .collect();
    let mut long = project(
        "lange-teksten".into(),
        "Een projecttitel die zo ongelooflijk lang is dat hij in geen enkele kolom past: ideeën, ’s-Hertogenbosch en 漢字".into(),
        Some(Status::OnHold),
    );
    long.details = "Eerste alinea met heel veel woorden die over meerdere regels moeten teruglopen zonder dat er tekst wegvalt of over de rand van het venster loopt.\nTweede alinea: Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt.".into();
    long.owner = "Zoë van ’t Hof-Çelik".into();
    long.notes =
        "Notities met emoji 🙂🚀 en CJK 漢字かな and a very long tail of words to force wrapping"
            .into();
    long.status.0.insert(2025, Status::Done);
    for day in 1..=7 {
        let at = format!("2026-03-{day:02}T09:00:00Z");
        long.history.push(history(
            &at,
            "zoë",
            2026,
            Some(Status::Planned),
            Some(Status::OnHold),
        ));
    }
    Plan {
        fund: "A&O-fonds Provincies".into(),
        title: "Randgevallen".into(),
        year: 2026,
        themes: vec![
            Theme {
                id: "leeg".into(),
                name: "Leeg thema".into(),
                focus: false,
                intro: String::new(),
                subthemes: Vec::new(),
            },
            Theme {
                id: "lang".into(),
                name:
                    "Een thema met een uitzonderlijk lange naam die nooit in een smalle kolom past"
                        .into(),
                focus: true,
                intro: "Intro van het lange thema.".into(),
                subthemes: vec![
                    Subtheme {
                        id: "zonder-projecten".into(),
                        name: "Subthema zonder projecten".into(),
                        intro: "Dit subthema heeft nog geen projecten; daarom staat hier de intro."
                            .into(),
                        projects: Vec::new(),
                    },
                    Subtheme {
                        id: "veel".into(),
                        name: "Veel projecten".into(),
                        intro: String::new(),
                        projects: many,
                    },
                    Subtheme {
                        id: "lange-teksten".into(),
                        name: "Lange teksten".into(),
                        intro: String::new(),
                        projects: vec![long],
                    },
                ],
            },
        ],
        archive: Vec::new(),
        log: Vec::new(),
        conflicts: Vec::new(),
    }
}

fn new_app(plan: Plan, lang: Lang, read_only: Option<ReadOnlyWhy>, size: (u16, u16)) -> Session {
    let app = App::new(
        plan,
        AppOptions {
            lang,
            year: None,
            read_only,
            user: "tester".into(),
            mouse: true,
        },
    );
    Session::new(app, Palette::Plain, size)
}

fn save_failed(app: &mut App, error: std::io::ErrorKind) {
    app.handle(Event::Saved {
        result: Err(aoplan::storage::SaveError::Io {
            path: "/srv/plan.ron".into(),
            error: error.into(),
        }
        .failure()),
        merged: None,
        clock: "14:02".into(),
    });
}

/// Snapshots a screen in both languages and both sizes.
fn snapshot_all(
    name: &str,
    plan: fn() -> Plan,
    read_only: Option<ReadOnlyWhy>,
    setup: impl Fn(&mut Session),
) {
    for (lang, code) in LANGS {
        for size in SIZES {
            let mut app = new_app(plan(), lang, read_only.clone(), size);
            setup(&mut app);
            let snapshot = format!("{name}_{code}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(snapshot, screen(&mut app, size));
        }
    }
}

#[test]
fn browse_with_each_pane_focused() {
    snapshot_all("browse_themes", lived_in, None, |app| keys(app, "jjjjj"));
    snapshot_all("browse_subthemes", lived_in, None, |app| {
        keys(app, "jjjjj2j")
    });
    snapshot_all("browse_projects", lived_in, None, |app| {
        keys(app, "/kwalen⏎")
    });
}

#[test]
fn overlays() {
    snapshot_all("search", lived_in, None, |app| keys(app, "/overgang↓"));
    snapshot_all("search_no_results", lived_in, None, |app| {
        keys(app, "/xyzzyq")
    });
    // Why a hit matched: a straight apostrophe found the curly one in the notes.
    snapshot_all("search_why", lived_in, None, |app| {
        keys(app, "/zoe's feedback")
    });
    snapshot_all("search_filters", lived_in, None, |app| {
        keys(app, "/eigenaar:vries status:gep")
    });
    snapshot_all("search_problem", lived_in, None, |app| {
        keys(app, "/status:klaar")
    });
    snapshot_all("picker", lived_in, None, |app| keys(app, "/kwalen⏎s↓"));
    snapshot_all("editing", lived_in, None, |app| {
        keys(app, "/kwalen⏎e — nog bellen met 漢字")
    });
    snapshot_all("help", lived_in, None, |app| keys(app, "?"));
    snapshot_all("confirm_quit", lived_in, None, |app| {
        keys(app, "/kwalen⏎s31q");
        save_failed(app, std::io::ErrorKind::PermissionDenied);
    });
}

#[test]
fn banners_and_footer_states() {
    snapshot_all("read_only", lived_in, Some(ReadOnlyWhy::Forced), |app| {
        keys(app, "/kwalen⏎s");
    });
    snapshot_all("save_error", lived_in, None, |app| {
        keys(app, "/kwalen⏎s31");
        save_failed(app, std::io::ErrorKind::StorageFull);
    });
    snapshot_all("disk_broken", lived_in, None, |app| {
        app.handle(Event::DiskBroken(FileFault::Syntax {
            path: "plan.ron".into(),
            line: 12,
            col: 5,
            message: SyntaxMessage::ExpectedComma,
            excerpt: "12 | oops\n   |     ^".into(),
        }));
    });
    snapshot_all("saved_with_filter", lived_in, None, |app| {
        keys(app, "/kwalen⏎f]");
        app.handle(Event::Saved {
            result: Ok(Default::default()),
            merged: None,
            clock: "14:02".into(),
        });
    });
}

#[test]
fn edge_cases() {
    snapshot_all("empty_theme", edge_plan, None, |_| {});
    snapshot_all("empty_subtheme", edge_plan, None, |app| keys(app, "j2"));
    snapshot_all("long_list_scrolled", edge_plan, None, |app| {
        keys(app, "j2j3G")
    });
    snapshot_all("long_texts", edge_plan, None, |app| keys(app, "j2jj3"));
}

#[test]
fn progress_view() {
    snapshot_all("summary", lived_in, None, |app| keys(app, "p"));
    snapshot_all("summary_worked", worked, None, |app| keys(app, "jjjp"));
    snapshot_all("summary_scrolled", many_themes, None, |app| {
        keys(app, "pGkk")
    });
    snapshot_all("summary_edge", edge_plan, None, |app| keys(app, "p"));
    snapshot_all("summary_focus", lived_in, None, |app| keys(app, "pf"));
}

#[test]
fn the_progress_view_follows_the_year_shown() {
    let size = (120, 40);
    let mut app = new_app(worked(), Lang::En, None, size);
    keys(&mut app, "p");
    let now = screen(&mut app, size);
    assert!(now.contains("Progress 2026"), "{now}");
    assert!(now.contains("████"), "some themes are partly done: {now}");
    keys(&mut app, "]");
    let next = screen(&mut app, size);
    assert!(next.contains("Progress 2027"), "{next}");
    // Only the chart's legend (its frame's bottom line) names the symbol.
    let mut drawn = next.lines().filter(|l| !l.starts_with('└'));
    assert!(
        drawn.all(|l| !l.contains('█')),
        "nothing is done in 2027: {next}"
    );
}

#[test]
fn changes_view() {
    snapshot_all("changes", worked, None, |app| keys(app, "cjj"));
    snapshot_all("changes_scrolled", worked, None, |app| keys(app, "cG"));
    snapshot_all("changes_empty", bundled, None, |app| keys(app, "c"));
}

#[test]
fn a_status_set_in_the_ui_tops_the_changes_view() {
    let size = (80, 24);
    let mut app = new_app(worked(), Lang::Nl, None, size);
    keys(&mut app, "/kwalen⏎s5c");
    let text = screen(&mut app, size);
    let mut rows = text
        .lines()
        .skip_while(|l| !l.contains("Wijzigingen"))
        .skip(1);
    let (first, second) = (rows.next().unwrap_or(""), rows.next().unwrap_or(""));
    assert!(
        first.contains("    vandaag 10:30  tester")
            && first.contains("Ontwikkeling van het kwalen"),
        "{first}"
    );
    assert!(second.contains("2026: Gepland → Vervallen"), "{second}");
}

#[test]
fn too_small() {
    for (lang, code) in LANGS {
        let size = (ui::MIN_WIDTH - 1, 12);
        let mut app = new_app(lived_in(), lang, None, size);
        insta::assert_snapshot!(format!("too_small_{code}"), screen(&mut app, size));
    }
    let mut app = new_app(lived_in(), Lang::En, None, (50, 12));
    assert!(screen(&mut app, (50, 12)).contains("terminal too small (need 60×16)"));
    let mut app = new_app(lived_in(), Lang::Nl, None, (50, 12));
    assert!(screen(&mut app, (50, 12)).contains("terminal te klein (minimaal 60×16)"));
}

#[test]
fn smallest_usable_size() {
    let size = (ui::MIN_WIDTH, ui::MIN_HEIGHT);
    for (lang, code) in LANGS {
        let mut app = new_app(lived_in(), lang, None, size);
        keys(&mut app, "/kwalen⏎");
        insta::assert_snapshot!(format!("minimum_{code}"), screen(&mut app, size));
        keys(&mut app, "s");
        insta::assert_snapshot!(format!("minimum_picker_{code}"), screen(&mut app, size));
    }
}

#[test]
fn every_binding_appears_in_the_help_overlay() {
    for (lang, _) in LANGS {
        // Tall enough for the whole help without scrolling.
        let size = (120, 300);
        let mut app = new_app(bundled(), lang, None, size);
        keys(&mut app, "?");
        let text = screen(&mut app, size);
        for context in Context::ALL {
            assert!(text.contains(context.title(lang)), "{context:?}");
            for binding in keymap::bindings(context) {
                let (keys, description) = (binding.keys_label(), (binding.describe)(lang));
                let found = text
                    .lines()
                    .any(|l| l.contains(&keys) && l.contains(description));
                assert!(found, "{lang:?}: {keys} {description}");
            }
        }
    }
}

#[test]
fn the_terminal_cursor_follows_wide_characters_in_the_editor() {
    let mut app = new_app(lived_in(), Lang::En, None, (80, 24));
    keys(&mut app, "/kwalen⏎o");
    let area = Rect::new(0, 0, 80, 24);
    let start = ui::cursor_position(&app, area).expect("a cursor while editing");
    keys(&mut app, "漢字ë");
    let after = ui::cursor_position(&app, area).expect("a cursor while editing");
    assert_eq!((after.x - start.x, after.y), (5, start.y));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    let styles = Palette::Plain.styles();
    let mut view = ui::ViewState::new();
    terminal
        .draw(|frame| ui::draw(frame, &app, &mut view, &styles))
        .expect("drawn");
    terminal.backend_mut().assert_cursor_position(after);
}
