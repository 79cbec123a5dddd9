//! Every form of date `--since` and `--until` read, in both languages and
//! counted from today in Amsterdam; the refusals, with the forms that are read;
//! `--help`; and the README's examples.

use std::path::Path;
use std::process::{Command, Output};

use aoplan::timestamp::Timestamp;

use super::{AMSTERDAM, dst_plan, failure_in, push, run_in, stdout_in, who, with_history};
use crate::support::plan_dir::PlanDir;

#[test]
fn every_form_of_a_date_names_the_same_day() {
    let f = dst_plan();
    let expected = stdout_in(
        &f,
        AMSTERDAM,
        &["changes", "--since", "2026-03-29", "--until", "2026-03-29"],
    );
    assert_eq!(
        who(
            &f,
            AMSTERDAM,
            &["--since", "2026-03-29", "--until", "2026-03-29"]
        )
        .len(),
        3
    );
    for form in [
        "29-03-2026",
        "29/03/2026",
        "29/3/2026",
        "29 mrt 2026",
        "29 March 2026",
        " 29  MAART  2026 ",
    ] {
        let out = stdout_in(
            &f,
            AMSTERDAM,
            &["changes", "--since", form, "--until", form],
        );
        assert_eq!(out, expected, "{form}");
    }
}

/// A noon in Amsterdam `days` days from today, there, as RFC 3339 in UTC.
fn local_noon(today: jiff::civil::Date, days: i64) -> String {
    let day = today
        .checked_add(jiff::Span::new().days(days))
        .expect("a day");
    let zone = jiff::tz::TimeZone::get(AMSTERDAM).expect("the zone");
    let noon = day.at(12, 0, 0, 0).to_zoned_datetime(zone).expect("noon");
    noon.timestamp().to_string()
}

fn today_in_amsterdam() -> jiff::civil::Date {
    let zone = jiff::tz::TimeZone::get(AMSTERDAM).expect("the zone");
    zone.to_datetime(jiff::Timestamp::now()).date()
}

/// Each relative form, and the days it covers counted from today (`None`:
/// open-ended), given the offset of this week's Monday.
fn relative_forms(monday: i64) -> Vec<(Vec<&'static str>, i64, Option<i64>)> {
    vec![
        (vec!["--since", "vandaag"], 0, None),
        (vec!["--since", "today"], 0, None),
        (vec!["--since", "gisteren"], -1, None),
        (vec!["--since", "yesterday"], -1, None),
        (
            vec!["--since", "gisteren", "--until", "yesterday"],
            -1,
            Some(-1),
        ),
        (vec!["--since", "-7d"], -7, None),
        (vec!["--since", "7 dagen geleden"], -7, None),
        (vec!["--since", "7 days ago"], -7, None),
        (vec!["--since", "-8d", "--until", "1 day ago"], -8, Some(-1)),
        (
            vec!["--since", "vorige week", "--until", "vorige week"],
            monday - 7,
            Some(monday - 1),
        ),
        (
            vec!["--since", "last week", "--until", "last week"],
            monday - 7,
            Some(monday - 1),
        ),
        (
            vec!["--since", "deze week", "--until", "this week"],
            monday,
            Some(monday + 6),
        ),
    ]
}

#[test]
fn relative_dates_count_from_today_there() {
    // A change at noon on days around today and around the weeks' edges,
    // each by "d<days from today>".
    let run = |today: jiff::civil::Date| {
        let monday = -i64::from(today.weekday().to_monday_zero_offset());
        let mut offsets = vec![-9, -8, -7, -6, -2, -1, 0, 1, monday - 8, monday - 7];
        offsets.extend([monday - 1, monday, monday + 6, monday + 7]);
        offsets.sort();
        offsets.dedup();
        let mut plan = with_history(&[]);
        let year = plan.year;
        for d in &offsets {
            let at = Timestamp::parse_rfc3339(&local_noon(today, *d)).expect("a time");
            push(
                &mut plan,
                "programma-loyale-tegenspraak",
                at,
                &format!("d{d}"),
                year,
            );
        }
        let f = PlanDir::new(&plan);
        let forms = relative_forms(monday);
        let seen: Vec<Vec<String>> = forms.iter().map(|(w, ..)| who(&f, AMSTERDAM, w)).collect();
        (offsets, forms, seen)
    };
    // Run again if Amsterdam's midnight passes between the plan and the check.
    let (offsets, forms, seen) = loop {
        let today = today_in_amsterdam();
        let result = run(today);
        if today_in_amsterdam() == today {
            break result;
        }
    };
    for ((window, from, through), seen) in forms.iter().zip(&seen) {
        let expected: Vec<String> = (offsets.iter())
            .filter(|d| **d >= *from && through.is_none_or(|t| **d <= t))
            .map(|d| format!("d{d}"))
            .collect();
        assert_eq!(seen, &expected, "{window:?}");
    }
}

/// The message of a bad command line (exit status 2, nothing on stdout),
/// without the usage and the pointer to `--help` below it.
fn refused_in(f: &PlanDir, zone: &str, args: &[&str]) -> String {
    let out = run_in(f, zone, args);
    assert_eq!(out.status.code(), Some(2), "aoplan {args:?}");
    assert!(out.stdout.is_empty(), "aoplan {args:?}");
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    let message = err.split("\n\n").next().expect("a message");
    format!("{message}\n")
}

#[test]
fn unreadable_dates_are_refused_with_the_forms_that_are_read() {
    let f = dst_plan();
    let en = refused_in(&f, AMSTERDAM, &["changes", "--since", "morgen"]);
    assert_eq!(
        en,
        "error: --since \"morgen\" is not a date. Write for example 2026-11-29, 29-11-2026, \
         29/11/2026, 29 Nov 2026, 29 Nov, today, yesterday, -7d, 7 days ago, this week, last week, \
         or a time like 2026-11-29T15:02:00+01:00.\n"
    );
    let nl = refused_in(
        &f,
        AMSTERDAM,
        &["changes", "--since", "morgen", "--lang", "nl"],
    );
    assert_eq!(
        nl,
        "fout: --since \"morgen\" is geen datum. Schrijf bijvoorbeeld 2026-11-29, 29-11-2026, \
         29/11/2026, 29 nov 2026, 29 nov, vandaag, gisteren, -7d, 7 dagen geleden, deze week, \
         vorige week, of een tijd als 2026-11-29T15:02:00+01:00.\n"
    );
    let en = refused_in(
        &f,
        AMSTERDAM,
        &["changes", "--since", "1-1-2026", "--until", "11/29/2026"],
    );
    assert_eq!(
        en,
        "error: --until \"11/29/2026\": there is no such day \
         (29-11-2026 and 29/11/2026 start with the day).\n"
    );
    let nl = refused_in(
        &f,
        AMSTERDAM,
        &["changes", "--since", "29-02-2027", "--lang", "nl"],
    );
    assert_eq!(
        nl,
        "fout: --since \"29-02-2027\": die dag bestaat niet \
         (29-11-2026 en 29/11/2026 beginnen met de dag).\n"
    );
    let nl = failure_in(
        &f,
        AMSTERDAM,
        &[
            "changes", "--since", "vandaag", "--until", "gisteren", "--lang", "nl",
        ],
    );
    assert_eq!(
        nl,
        "aoplan: --until \"gisteren\" ligt vóór --since \"vandaag\"; daartussen valt niets\n"
    );
    let en = refused_in(&f, AMSTERDAM, &["changes", "--since", "-99999999d"]);
    assert_eq!(en, "error: --since \"-99999999d\" is too far from today.\n");
    // A leap day is a day; the same day a year on is not.
    assert!(
        run_in(&f, AMSTERDAM, &["changes", "--since", "29-02-2028"])
            .status
            .success()
    );
}

#[test]
fn the_help_of_changes_names_the_date_forms() {
    let f = dst_plan();
    let help = stdout_in(&f, AMSTERDAM, &["changes", "--help"]);
    for form in [
        "2026-11-29",
        "29-11-2026",
        "29/11/2026 (day first)",
        "vandaag/today",
        "gisteren/yesterday",
        "-7d, 7 dagen geleden/7 days ago",
        "vorige week/last week",
        "deze week/this week",
        "local time zone (TZ",
        "aoplan changes --since 'vorige week' --until 'vorige week'",
    ] {
        assert!(help.contains(form), "{form}\n{help}");
    }
}

/// `sh -c LINE` in the plan's directory, the binary first on `PATH`, in
/// Amsterdam.
fn shell(f: &PlanDir, line: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_aoplan"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("a directory").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .args(["-c", line])
        .current_dir(f.dir.path())
        .env("PATH", &path)
        .env("AOPLAN_FILE", &f.plan)
        .env("AOPLAN_CONFIG", f.dir.path().join("no-config.ron"))
        .env("HOME", f.dir.path())
        .env("LC_ALL", "C")
        .env("TZ", AMSTERDAM)
        .env("USER", "tester")
        .output()
        .expect("sh runs")
}

/// Every `aoplan changes` example in the README works as a reader types it.
#[test]
fn the_readme_examples_of_dates_work() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let mut in_block = false;
    let mut examples = Vec::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_block = line == "```sh";
        } else if in_block && line.starts_with("aoplan changes ") {
            examples.push(line);
        }
    }
    assert!(examples.len() >= 5, "{examples:?}");
    let f = dst_plan();
    for example in examples {
        let out = shell(&f, example);
        assert!(
            out.status.success(),
            "{example}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
