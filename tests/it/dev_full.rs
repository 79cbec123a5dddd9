//! Output that cannot be written (`> /dev/full`): a clear message, its own exit
//! status, never a panic, and after a save the news that the change is saved.

use crate::support;

use std::fs::OpenOptions;
use std::process::{Command, Output, Stdio};

use aoplan::output::{EXIT_FAILURE, EXIT_OUTPUT};
use aoplan::plan::{Plan, Status};
use support::plan_dir::PlanDir;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");
const PROJECT: &str = "programma-loyale-tegenspraak";

fn plan() -> Plan {
    aoplan::codec::parse(BUNDLED).expect("bundled plan parses")
}

/// Runs aoplan with stdout on /dev/full; `None` when there is no /dev/full.
fn to_full(dir: &PlanDir, args: &[&str], lang: &str) -> Option<(i32, String)> {
    let Ok(full) = OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: /dev/full is not available");
        return None;
    };
    let out: Output = Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args(args)
        .env("AOPLAN_FILE", &dir.plan)
        .env("AOPLAN_CONFIG", dir.dir.path().join("no-config.ron"))
        .env("HOME", dir.dir.path())
        .env("LC_ALL", lang)
        .env("USER", "tester")
        .stdin(Stdio::null())
        .stdout(full)
        .output()
        .expect("aoplan runs");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8 messages");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    Some((out.status.code().expect("exited"), stderr))
}

fn status(dir: &PlanDir) -> Option<Status> {
    let plan = dir.load();
    plan.project(plan.locate(PROJECT).unwrap())
        .unwrap()
        .status_in(2026)
}

#[test]
fn a_saved_set_whose_output_fails_says_both() {
    let dir = PlanDir::new(&plan());
    let Some((code, stderr)) = to_full(&dir, &["set", PROJECT, "done"], "C") else {
        return;
    };
    assert_eq!(code, i32::from(EXIT_OUTPUT), "{stderr}");
    assert_eq!(status(&dir), Some(Status::Done), "the edit is saved");
    assert_eq!(
        stderr,
        format!(
            "aoplan: the change was saved all the same: {PROJECT}: 2026 Planned → Done\n\
             aoplan: the output could not be written: no space left on the device\n"
        )
    );
}

#[test]
fn in_dutch_too() {
    let dir = PlanDir::new(&plan());
    let Some((code, stderr)) = to_full(&dir, &["set", PROJECT, "lopend"], "nl_NL.UTF-8") else {
        return;
    };
    assert_eq!(code, i32::from(EXIT_OUTPUT), "{stderr}");
    assert_eq!(status(&dir), Some(Status::InProgress));
    assert!(
        stderr.contains("de wijziging is wel opgeslagen: ") && stderr.contains("Gepland → Lopend"),
        "{stderr}"
    );
    assert!(
        stderr.contains("de uitvoer kon niet worden geschreven: geen ruimte meer op het apparaat"),
        "{stderr}"
    );
}

#[test]
fn a_failed_set_is_a_failure_not_an_output_error() {
    let dir = PlanDir::new(&plan());
    let before = dir.bytes();
    let Some((code, stderr)) = to_full(&dir, &["set", "no-such-project", "done"], "C") else {
        return;
    };
    assert_eq!(code, i32::from(EXIT_FAILURE), "{stderr}");
    assert!(stderr.starts_with("aoplan: unknown project id"), "{stderr}");
    assert_eq!(dir.bytes(), before);
    // A set that changes nothing saves nothing, and says only that output failed.
    let Some((code, stderr)) = to_full(&dir, &["set", PROJECT, "planned"], "C") else {
        return;
    };
    assert_eq!(code, i32::from(EXIT_OUTPUT));
    assert!(!stderr.contains("saved"), "{stderr}");
    assert_eq!(dir.bytes(), before);
}

#[test]
fn a_rollover_whose_output_fails_is_saved_and_says_so() {
    let dir = PlanDir::new(&plan());
    let Some((code, stderr)) = to_full(&dir, &["rollover", "2027"], "C") else {
        return;
    };
    assert_eq!(code, i32::from(EXIT_OUTPUT), "{stderr}");
    assert_eq!(dir.load().year, 2027);
    assert!(
        stderr.contains("saved all the same: rollover 2026 → 2027"),
        "{stderr}"
    );
}

#[test]
fn every_other_command_reports_the_failed_output() {
    let dir = PlanDir::new(&plan());
    let before = dir.bytes();
    for args in [
        &["show", PROJECT][..],
        &["show", PROJECT, "--json"],
        &["find", "loyale"],
        &["find", "loyale", "--json"],
        &["report"],
        &["report", "--format", "markdown"],
        &["report", "--format", "csv"],
        &["report", "--format", "json"],
        &["changes", "--since", "2020-01-01"],
        &["rollover", "2027", "--dry-run"],
        &["check"],
        &["path"],
        &["completions", "bash"],
        &["man"],
        &[],
    ] {
        let Some((code, stderr)) = to_full(&dir, args, "C") else {
            return;
        };
        assert_eq!(code, i32::from(EXIT_OUTPUT), "{args:?}: {stderr}");
        assert_eq!(
            stderr, "aoplan: the output could not be written: no space left on the device\n",
            "{args:?}"
        );
    }
    assert_eq!(dir.bytes(), before);
}
