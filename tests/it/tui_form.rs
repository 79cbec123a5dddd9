//! End-to-end, in a pseudo-terminal: a project added with the form lands in
//! the file on disk, and `u` takes it out again.

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Instant;

use aoplan::plan::{Logged, Plan, Status};
use support::pty::{Session, TIMEOUT};

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");
/// The first sub-theme of the first theme: where `3` then `a` adds.
const SUB: &str = "loyale-tegenspraak";

fn plan_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED).unwrap();
    (dir, path)
}

fn load(path: &Path) -> Plan {
    aoplan::storage::load(path).expect("the plan on disk loads")
}

/// Waits until the plan on disk satisfies `pred`; panics with the screen
/// after [`TIMEOUT`].
fn wait_for_disk(s: &Session, path: &Path, what: &str, pred: impl Fn(&Plan) -> bool) -> Plan {
    let start = Instant::now();
    loop {
        let plan = load(path);
        if pred(&plan) {
            return plan;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "timed out waiting for {what}; screen:\n{}",
            s.screen()
        );
        thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_project_added_with_the_form_is_saved_and_undone_on_disk() {
    let (_dir, path) = plan_copy();
    assert_eq!(load(&path).themes[0].subthemes[0].id, SUB);
    let mut s = Session::start(&path, &[], 80, 24);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    s.send("3a");
    s.wait_text("New project in A. Loyale Tegenspraak");
    s.send("Tegenspraak in de praktijk");
    s.wait_text("id: tegenspraak-in-de-praktijk");
    // Tab to the details; Enter breaks the line there.
    s.send("\tEerste regel\rTweede regel");
    s.wait_text("Tweede regel");
    s.send("\x13"); // Ctrl-s
    let plan = wait_for_disk(&s, &path, "the new project", |p| {
        p.locate("tegenspraak-in-de-praktijk").is_some()
    });
    let sub = &plan.themes[0].subthemes[0];
    let p = sub.projects.last().expect("at the end of the sub-theme");
    assert_eq!(p.id, "tegenspraak-in-de-praktijk");
    assert_eq!(p.title, "Tegenspraak in de praktijk");
    assert_eq!(p.details, "Eerste regel\nTweede regel");
    assert_eq!(p.status_in(2026), Some(Status::Planned));
    assert!(matches!(
        plan.log.last().map(|e| &e.change),
        Some(Logged::Added { .. })
    ));
    assert!(
        aoplan::plan::Plan::validate(&plan).is_empty(),
        "the file passes the checks"
    );
    s.wait_text("Saved");

    s.send("u");
    let plan = wait_for_disk(&s, &path, "the project gone again", |p| {
        p.locate("tegenspraak-in-de-praktijk").is_none()
    });
    assert!(
        !plan.has_id("tegenspraak-in-de-praktijk"),
        "not archived: gone"
    );
    let mut original = aoplan::codec::parse(BUNDLED).unwrap();
    let mut now = plan.clone();
    now.log.clear();
    original.log.clear();
    assert_eq!(now, original, "the plan as it was, apart from the log");
    assert_eq!(plan.log.len(), 2, "added and removed, in the log");
    s.send("q");
    assert!(s.wait_exit().success());
}
