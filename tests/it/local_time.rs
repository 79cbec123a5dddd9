//! Time the way people read it: `aoplan changes` and `show` run as the real
//! binary under `TZ=Europe/Amsterdam` (and `TZ=UTC` to compare), across both
//! daylight saving time changes of 2026. The forms of date `--since` and
//! `--until` read, the refusals and the README's examples are in [`forms`];
//! the UI's views in a time zone in [`ui`].

#[path = "local_time/forms.rs"]
mod forms;
#[path = "local_time/reports.rs"]
mod reports;
#[path = "local_time/ui.rs"]
mod ui;

use std::process::Output;

use aoplan::plan::{HistoryEntry, Plan, Status};
use aoplan::timestamp::Timestamp;

use crate::support::plan_dir::PlanDir;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");
const AMSTERDAM: &str = "Europe/Amsterdam";

/// The bundled plan with a status change of `project` by `by` at each time
/// (RFC 3339), in the plan year.
fn with_history(changes: &[(&str, &str, &str)]) -> Plan {
    let mut plan = aoplan::codec::parse(BUNDLED).expect("bundled plan parses");
    let year = plan.year;
    for (project, at, by) in changes {
        let at = Timestamp::parse_rfc3339(at).expect("a time");
        push(&mut plan, project, at, by, year);
    }
    plan
}

fn push(plan: &mut Plan, project: &str, at: Timestamp, by: &str, year: u16) {
    let loc = plan.locate(project).expect("project exists");
    let p = plan.project_mut(loc).expect("located");
    let from = p.status_in(year);
    // A real change each time: a second one finishes what the first started.
    let to = match from {
        Some(Status::InProgress) => Status::Done,
        _ => Status::InProgress,
    };
    p.status.0.insert(year, to);
    p.history.push(HistoryEntry {
        at,
        by: by.into(),
        year,
        from,
        to: Some(to),
    });
}

/// The real binary on the plan, with `TZ` set to `zone`.
fn run_in(f: &PlanDir, zone: &str, args: &[&str]) -> Output {
    run_with(f, &[("TZ", zone)], args)
}

/// The real binary on the plan, with `env` set.
fn run_with(f: &PlanDir, env: &[(&str, &str)], args: &[&str]) -> Output {
    assert_cmd::cargo::cargo_bin_cmd!("aoplan")
        .envs(env.iter().copied())
        .args(args)
        .env("AOPLAN_FILE", &f.plan)
        .env("AOPLAN_CONFIG", f.dir.path().join("no-config.ron"))
        .env("HOME", f.dir.path())
        .env("LC_ALL", "C")
        .env("USER", "tester")
        .output()
        .expect("aoplan runs")
}

/// Stdout of a command that must succeed.
fn stdout_in(f: &PlanDir, zone: &str, args: &[&str]) -> String {
    let out = run_in(f, zone, args);
    assert!(
        out.status.success(),
        "aoplan {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Stderr of a command that must fail with status 1 and print nothing.
fn failure_in(f: &PlanDir, zone: &str, args: &[&str]) -> String {
    let out = run_in(f, zone, args);
    assert_eq!(out.status.code(), Some(1), "aoplan {args:?}");
    assert!(out.stdout.is_empty(), "aoplan {args:?}");
    String::from_utf8(out.stderr).expect("UTF-8")
}

/// Who made the changes `changes --format json` lists, in the order listed.
fn who(f: &PlanDir, zone: &str, window: &[&str]) -> Vec<String> {
    let out = stdout_in(
        f,
        zone,
        &[&["changes", "--format", "json"][..], window].concat(),
    );
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let themes = doc["themes"].as_array().expect("themes");
    let changes = themes
        .iter()
        .flat_map(|t| t["changes"].as_array().expect("changes"));
    changes
        .map(|c| c["by"].as_str().expect("by").to_string())
        .collect()
}

/// Changes on both Sundays of 2026 when the clocks change in Amsterdam, and
/// one half an hour after midnight there, still the day before in UTC.
fn dst_plan() -> PlanDir {
    PlanDir::new(&with_history(&[
        (
            "programma-loyale-tegenspraak",
            "2026-03-28T23:30:00Z",
            "erik",
        ),
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
    ]))
}

#[test]
fn changes_show_local_time_across_daylight_saving_time() {
    let f = dst_plan();
    let march = ["--since", "29-03-2026", "--until", "29-03-2026"];
    let text = stdout_in(&f, AMSTERDAM, &[&["changes"][..], &march].concat());
    assert!(
        text.starts_with("Changes from 29 Mar 2026 through 29 Mar 2026\n"),
        "{text}"
    );
    // 00:30 and 01:30 UTC: 01:30 in winter time, 03:30 in summer time.
    for line in [
        "29 Mar 2026 00:30  erik",
        "29 Mar 2026 01:30  anna",
        "29 Mar 2026 03:30  bert",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let nl = stdout_in(
        &f,
        AMSTERDAM,
        &[&["changes", "--lang", "nl"][..], &march].concat(),
    );
    assert!(
        nl.starts_with("Wijzigingen van 29 mrt 2026 t/m 29 mrt 2026\n"),
        "{nl}"
    );
    assert!(nl.contains("29 mrt 2026 03:30  bert"), "{nl}");
    // The local day began at 23:00 UTC the day before; in UTC erik's change
    // falls on the 28th.
    assert_eq!(who(&f, AMSTERDAM, &march), ["erik", "anna", "bert"]);
    assert_eq!(who(&f, "UTC", &march), ["anna", "bert"]);
    let utc = stdout_in(&f, "UTC", &[&["changes"][..], &march].concat());
    assert!(utc.contains("29 Mar 2026 01:30  bert"), "{utc}");

    // 25 October: 02:30 comes twice, first in summer time, then in winter time.
    let october = ["--since", "25 okt 2026", "--until", "25/10/2026"];
    let text = stdout_in(&f, AMSTERDAM, &[&["changes"][..], &october].concat());
    for line in [
        "25 Oct 2026 02:30 CEST  carla",
        "25 Oct 2026 02:30 CET  dirk",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let json = stdout_in(
        &f,
        AMSTERDAM,
        &["changes", "--since", "2026-01-01", "--format", "json"],
    );
    for (at, local) in [
        ("2026-03-29T00:30:00Z", "2026-03-29T01:30:00+01:00"),
        ("2026-03-29T01:30:00Z", "2026-03-29T03:30:00+02:00"),
        ("2026-10-25T00:30:00Z", "2026-10-25T02:30:00+02:00"),
        ("2026-10-25T01:30:00Z", "2026-10-25T02:30:00+01:00"),
    ] {
        let pair = format!("\"at\": \"{at}\",\n          \"at_local\": \"{local}\"");
        assert!(json.contains(&pair), "{pair}\n{json}");
    }
    // The window in JSON is UTC: the local day of 29 March, 23 hours long.
    let json = stdout_in(
        &f,
        AMSTERDAM,
        &[&["changes", "--format", "json"][..], &march].concat(),
    );
    assert!(
        json.contains("\"since\": \"2026-03-28T23:00:00Z\""),
        "{json}"
    );
    assert!(
        json.contains("\"before\": \"2026-03-29T22:00:00Z\""),
        "{json}"
    );
    // CSV has the local time, as a spreadsheet reads it.
    let csv = stdout_in(
        &f,
        AMSTERDAM,
        &[&["changes", "--format", "csv"][..], &march].concat(),
    );
    assert!(csv.contains("\n2026-03-29 03:30:00,bert,"), "{csv}");
}

#[test]
fn show_gives_the_history_in_local_time() {
    let f = dst_plan();
    let text = stdout_in(&f, AMSTERDAM, &["show", "programma-loyale-tegenspraak"]);
    assert!(
        text.contains("    29 Mar 2026 00:30  erik  2026: Planned → In progress"),
        "{text}"
    );
    assert!(
        text.contains("    29 Mar 2026 01:30  anna  2026: In progress → Done"),
        "{text}"
    );
    let nl = stdout_in(
        &f,
        AMSTERDAM,
        &["show", "personeelsmonitor-2025", "--lang", "nl"],
    );
    assert!(
        nl.contains("    29 mrt 2026 03:30  bert  2026: Gepland → Lopend"),
        "{nl}"
    );
    assert!(
        nl.contains("    25 okt 2026 02:30 CEST  carla  2026: Lopend → Afgerond"),
        "{nl}"
    );
    // JSON keeps the file's UTC.
    let json = stdout_in(&f, AMSTERDAM, &["show", "personeelsmonitor-2025", "--json"]);
    assert!(json.contains("\"at\": \"2026-03-29T01:30:00Z\""), "{json}");
}

#[test]
fn the_zone_comes_from_tz_in_each_of_its_forms() {
    let f = dst_plan();
    let empty = tempfile::tempdir().expect("a directory");
    let no_database = empty.path().to_str().expect("UTF-8");
    let march = ["changes", "--since", "2026-03-29T01:30:00Z"];
    let shown = |env: &[(&str, &str)]| {
        let out = run_with(&f, env, &march);
        assert!(out.status.success(), "{env:?}");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let line = text
            .lines()
            .find(|l| l.contains("bert"))
            .map(str::to_string);
        line.unwrap_or_else(|| panic!("{env:?}: {text}"))
    };
    let summer = "29 Mar 2026 03:30  bert";
    for env in [
        &[("TZ", "Europe/Amsterdam")][..],
        &[("TZ", ":Europe/Amsterdam")],
        // A POSIX rule: the same clock changes, with no database at all.
        &[("TZ", "CET-1CEST,M3.5.0,M10.5.0/3"), ("TZDIR", no_database)],
        // No database on the machine: the one built in.
        &[("TZ", "Europe/Amsterdam"), ("TZDIR", no_database)],
    ] {
        assert!(shown(env).contains(summer), "{env:?}: {}", shown(env));
    }
    // An empty TZ is UTC, and so is a zone nobody knows.
    let utc = "29 Mar 2026 01:30  bert";
    for env in [
        &[("TZ", "")][..],
        &[("TZ", "Mars/Olympus_Mons")],
        &[("TZ", "../../etc")],
    ] {
        assert!(shown(env).contains(utc), "{env:?}: {}", shown(env));
    }
}
