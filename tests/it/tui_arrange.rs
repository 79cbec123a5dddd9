//! A planning session in a pseudo-terminal, on a copy of the bundled plan:
//! add a project with the form, rename a sub-theme, move a project to another
//! theme's sub-theme with the picker, reorder a
//! project and a theme, mark a focus theme, archive a sub-theme and restore it
//! from the archive view; each change is on disk at once, and undoing them all
//! gives back the original file apart from the log.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use aoplan::plan::{Kind, Logged, Plan};

use crate::support::pty::{Session, TIMEOUT};

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");
const ALT_UP: &str = "\x1b[1;3A";

fn on_disk(path: &Path) -> Plan {
    aoplan::storage::load(path).expect("the plan on disk loads")
}

/// Waits until the file on disk satisfies `pred`.
fn wait_disk(path: &Path, what: &str, pred: impl Fn(&Plan) -> bool) {
    let start = Instant::now();
    while !pred(&on_disk(path)) {
        assert!(
            start.elapsed() < TIMEOUT,
            "timed out waiting for {what} on disk"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn place(plan: &Plan, kind: Kind, id: &str) -> Option<(String, usize)> {
    plan.place_of(kind, id).map(|p| (p.parent, p.position))
}

/// The file's text without its `log: [...]` section and the projects'
/// `history: [...]` lists: what an undone session must leave as it was.
fn without_log_and_histories(text: &str) -> String {
    let mut out = String::new();
    let mut skipping: Option<String> = None;
    for line in text.split_inclusive('\n') {
        let indent = &line[..line.len() - line.trim_start().len()];
        if let Some(end) = &skipping {
            if line.trim_end() == end {
                skipping = None;
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed == "log: [" || trimmed == "history: [" {
            skipping = Some(format!("{indent}],"));
            continue;
        }
        out.push_str(line);
    }
    out
}

#[test]
fn a_planning_session_adds_renames_moves_reorders_archives_restores_and_undoes_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED).unwrap();
    let mut s = Session::start_with_env(&path, &[], 120, 40, &[("NO_COLOR", "1")]);
    s.wait_text("Programma rondom Loyale Tegenspraak");

    // Add a project to the first sub-theme with the form.
    s.send("3a");
    s.wait_text("New project in A. Loyale Tegenspraak");
    s.send("Podcastreeks tegenspraak\tZes afleveringen.");
    s.send("\x13");
    wait_disk(&path, "the new project", |p| {
        p.locate("podcastreeks-tegenspraak")
            .and_then(|l| p.project(l))
            .is_some_and(|pr| {
                pr.details == "Zes afleveringen." && pr.title == "Podcastreeks tegenspraak"
            })
    });
    let added = Some(("loyale-tegenspraak".to_string(), 1));
    assert_eq!(
        place(&on_disk(&path), Kind::Project, "podcastreeks-tegenspraak"),
        added
    );

    // Rename that sub-theme in the same form.
    s.send("2r");
    s.wait_text("Edit sub-theme: Loyale Tegenspraak");
    s.send("\x1b[F en lef\x13");
    wait_disk(&path, "the rename", |p| {
        p.themes[0].subthemes[0].name == "Loyale Tegenspraak en lef"
    });

    // Move a project to another theme's sub-theme with the picker.
    s.send("/kwalen");
    s.wait_text("Ontwikkeling van het kwalen-kwartet");
    s.send("\r");
    s.send("m");
    s.wait_text("Move: Ontwikkeling van het kwalen-kwartet");
    s.send("loyale");
    s.wait_text("1 result");
    s.send("\r");
    s.wait_text("Moved “Ontwikkeling van het kwalen-kwartet” to Ambtelijk vakmanschap › A. Loyale");
    let moved = Some(("loyale-tegenspraak".to_string(), 2));
    wait_disk(&path, "the move", |p| {
        place(p, Kind::Project, "kwalen-kwartet") == moved
    });

    // Reorder it within its new sub-theme, then a theme with Alt-↑.
    s.send("<");
    let first = Some(("loyale-tegenspraak".to_string(), 1));
    wait_disk(&path, "the reorder", |p| {
        place(p, Kind::Project, "kwalen-kwartet") == first
    });
    s.send("1j");
    s.send(ALT_UP);
    wait_disk(&path, "the theme's reorder", |p| {
        p.themes[0].id == "arbeidsmarkt"
    });

    // Mark it a focus theme.
    s.send("*");
    s.wait_text("“Arbeidsmarkt” is now a focus theme");
    wait_disk(&path, "the focus", |p| p.themes[0].focus);

    // Archive its first sub-theme, with its projects, and restore it.
    s.send("2d");
    s.wait_text("Move the sub-theme “Arbeidsmarktcommunicatie” and its 1");
    s.send("j k q ");
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        on_disk(&path).is_live(Kind::Subtheme, "arbeidsmarktcommunicatie"),
        "no navigation key confirms"
    );
    s.send("\r");
    wait_disk(&path, "the archive", |p| {
        p.is_archived("arbeidsmarktcommunicatie-voortzetting")
    });
    s.send("A");
    // The archive view's row, not the notice ("Archived …") already on screen.
    let screen = s.wait_text("Sub-theme  Arbeidsmarktcommunicatie");
    assert!(
        screen.contains("archived") && screen.contains("by tester"),
        "{screen}"
    );
    s.send("\r");
    s.wait_text("Restored “Arbeidsmarktcommunicatie” to Arbeidsmarkt");
    let restored = Some(("arbeidsmarkt".to_string(), 0));
    wait_disk(&path, "the restore", |p| {
        place(p, Kind::Subtheme, "arbeidsmarktcommunicatie") == restored && p.archive.is_empty()
    });

    // The changes view names them all.
    s.send("cnfff");
    let screen = s.wait_text("Changes · structure · every change");
    assert!(screen.contains("restored to Arbeidsmarkt"), "{screen}");
    assert!(
        screen.contains("moved to Ambtelijk vakmanschap › Loyale Tegenspraak en lef"),
        "{screen}"
    );
    s.send("\x1b");

    // Undo all eight, back to the original plan.
    for _ in 0..8 {
        s.send("u");
    }
    let original = without_log_and_histories(BUNDLED);
    let start = Instant::now();
    loop {
        let text = fs::read_to_string(&path).unwrap();
        if without_log_and_histories(&text) == original {
            break;
        }
        assert!(start.elapsed() < TIMEOUT, "not undone on disk:\n{text}");
        std::thread::sleep(Duration::from_millis(20));
    }
    let plan = on_disk(&path);
    assert_eq!(
        plan.log.len(),
        16,
        "eight changes and eight undos, all recorded"
    );
    assert!(plan.log.iter().all(|e| e.by == "tester"));
    let archived = plan
        .log
        .iter()
        .filter(|e| matches!(e.change, Logged::Archived { .. }));
    assert_eq!(
        archived.count(),
        2,
        "archived, then archived again by undoing the restore"
    );
    s.send("q");
    assert!(s.wait_exit().success());
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(without_log_and_histories(&text), original);
    assert_ne!(text, BUNDLED, "the log is kept");
}
