//! `aoplan rollover YEAR [--dry-run]` on a copy of the bundled plan.

use crate::support;

use std::fs;

use aoplan::plan::{Plan, Status};
use support::plan_dir::PlanDir;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

/// The bundled plan with one project in every situation a rollover meets.
fn mixed() -> Plan {
    let mut plan = aoplan::codec::parse(BUNDLED).expect("bundled plan parses");
    let mut set = |id: &str, year: u16, status: Option<Status>| {
        let loc = plan.locate(id).expect("project exists");
        let p = plan.project_mut(loc).expect("located");
        match status {
            Some(s) => p.status.0.insert(year, s),
            None => p.status.0.remove(&year),
        };
    };
    set("programma-loyale-tegenspraak", 2026, Some(Status::Done));
    set("personeelsmonitor-2025", 2026, Some(Status::Cancelled));
    set("dashboard-personeelsmonitor", 2026, Some(Status::OnHold));
    set("maatwerk-e-learning-integriteit", 2026, None);
    set("e-learning-eigen-werkplezier", 2027, Some(Status::Done));
    plan
}

#[test]
fn open_projects_carry_their_status_and_closed_ones_do_not() {
    let f = PlanDir::new(&mixed());
    let before = f.load();
    let out = f.stdout(&["rollover", "2027"]);
    let after = f.load();
    assert_eq!(after.year, 2027);
    for ((_, old), (_, new)) in before.projects().zip(after.projects()) {
        let expected = match (old.status_in(2027), old.status_in(2026)) {
            (Some(kept), _) => Some(kept),
            (None, Some(s)) if s.is_open() => Some(s),
            (None, _) => None,
        };
        assert_eq!(new.status_in(2027), expected, "{}", new.id);
        assert_eq!(new.status_in(2026), old.status_in(2026), "{}", new.id);
        assert_eq!(new.history, old.history, "no history entries are added");
        assert!(
            out.contains(&format!("{} — {}", new.id, new.title)),
            "{} not named",
            new.id
        );
    }
    let by_id = |id: &str| {
        let loc = after.locate(id).expect("exists");
        after.project(loc).expect("located").status_in(2027)
    };
    assert_eq!(by_id("dashboard-personeelsmonitor"), Some(Status::OnHold));
    assert_eq!(by_id("programma-loyale-tegenspraak"), None);
    assert_eq!(by_id("personeelsmonitor-2025"), None);
    assert_eq!(by_id("maatwerk-e-learning-integriteit"), None);
    assert_eq!(by_id("e-learning-eigen-werkplezier"), Some(Status::Done));
    assert!(out.contains("2026 On hold → 2027 On hold"), "{out}");
    assert!(out.contains("2026 Done → 2027 —"), "{out}");
}

#[test]
fn a_second_rollover_changes_nothing_and_says_so() {
    let f = PlanDir::new(&mixed());
    f.stdout(&["rollover", "2027"]);
    let first = f.version();
    let out = f.stdout(&["rollover", "2027"]);
    assert!(out.contains("already 2027; nothing to do"), "{out}");
    assert_eq!(f.version(), first, "the file was rewritten");
}

#[test]
fn a_dry_run_reports_and_touches_nothing() {
    let f = PlanDir::new(&mixed());
    let before = f.version();
    let out = f.stdout(&["rollover", "2027", "--dry-run"]);
    assert!(out.contains("dry run"), "{out}");
    assert!(out.contains("dashboard-personeelsmonitor"), "{out}");
    assert_eq!(f.version(), before);
    assert!(!f.dir.path().join("plan.ron.bak").exists());
    assert_eq!(f.load().year, 2026);
}

#[test]
fn bad_years_fail_and_leave_the_file_alone() {
    let f = PlanDir::new(&mixed());
    let before = f.version();
    for year in ["2025", "1999", "2101", "volgend-jaar"] {
        let out = f.run(&["rollover", year]);
        assert_eq!(out.status.code(), Some(1), "rollover {year}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(year), "rollover {year}: {err}");
    }
    assert_eq!(f.version(), before);
}

#[test]
fn read_only_refuses_to_roll_over() {
    let f = PlanDir::new(&mixed());
    let before = f.version();
    let out = f.run(&["--read-only", "rollover", "2027"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only"));
    assert_eq!(f.version(), before);
}

#[test]
fn a_save_in_between_is_rolled_over_too() {
    let f = PlanDir::new(&mixed());
    let (mut store, mut stale) = aoplan::storage::Store::open(&f.plan).expect("opens");
    let mut theirs = f.load();
    let loc = theirs
        .locate("programma-loyale-tegenspraak")
        .expect("exists");
    let p = theirs.project_mut(loc).expect("located");
    p.status.0.insert(2026, Status::InProgress);
    p.notes = "heropend".into();
    fs::write(&f.plan, aoplan::codec::to_ron(&theirs)).expect("another process saves");

    let rolled =
        aoplan::commands::rollover::save(&mut store, &mut stale, 2027, aoplan::i18n::Lang::En)
            .expect("saved")
            .expect("rolled over");
    assert_eq!(rolled.to_year, 2027);
    let saved = f.load();
    assert_eq!(saved, stale, "the plan in memory is what the file holds");
    let p = saved.project(loc).expect("located");
    assert_eq!(p.notes, "heropend", "their edit survives");
    assert_eq!(
        p.status_in(2027),
        Some(Status::InProgress),
        "their status carried"
    );
}
