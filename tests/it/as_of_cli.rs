//! `aoplan report --as-of`, `--compare` and `--by`, and `aoplan show --as-of`,
//! run as a user would over a plan with a made-up year of history
//! ([`history_year`]: its module documentation lists every change, and the
//! numbers expected here are worked out from it by hand). The README's
//! examples of these commands are checked in [`readme`].

#[path = "as_of_cli/readme.rs"]
mod readme;

use serde_json::Value;

use crate::support;

use support::history_year;
use support::plan_dir::PlanDir;

fn year() -> PlanDir {
    PlanDir::new(&history_year::plan())
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON output")
}

/// A `totals` object as (projects, Planned, InProgress, Done, percent done).
fn counts(totals: &Value) -> (u64, u64, u64, u64, u64) {
    let n = |v: &Value| v.as_u64().expect("a count");
    let by = &totals["by_status"];
    (
        n(&totals["projects"]),
        n(&by["Planned"]),
        n(&by["InProgress"]),
        n(&by["Done"]),
        n(&totals["percent_done"]),
    )
}

/// A string value, or `-` for null.
fn str_or_dash(v: &Value) -> &str {
    v.as_str().unwrap_or("-")
}

/// Runs a command that must be refused as a bad command line (exit 2).
fn usage_error(dir: &PlanDir, args: &[&str]) -> String {
    let out = dir.run(args);
    assert_eq!(out.status.code(), Some(2), "aoplan {args:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).expect("UTF-8 errors")
}

#[test]
fn compare_golden_text_and_json() {
    let dir = year();
    let args = ["report", "--compare", "2026-03-31", "2026-09-30"];
    let text = dir.stdout(&args);
    insta::assert_snapshot!("compare_text", text);
    let raw = dir.stdout(&[&args[..], &["--format", "json"]].concat());
    insta::assert_snapshot!("compare_json", raw);
    let doc = json(&raw);

    // By hand. On 31 March months 1–3 have started p1–p6; p11 is not there
    // yet. On 30 September months 6–9 have finished p1–p8, p9 is archived
    // (20 August, still In progress), p10 started in May and p11 in July.
    let totals = &doc["totals"];
    assert_eq!(counts(&totals["a"]), (10, 4, 6, 0, 0));
    assert_eq!(counts(&totals["b"]), (10, 0, 2, 8, 80));
    assert_eq!(totals["difference"]["by_status"]["Done"], 8);
    assert_eq!(totals["difference"]["by_status"]["Planned"], -4);
    let themes = doc["themes"].as_array().unwrap();
    let theme = |id: &str| themes.iter().find(|t| t["id"] == id).unwrap();
    // vakmanschap: p1–p5, all In progress then all Done.
    assert_eq!(counts(&theme("vakmanschap")["a"]), (5, 0, 5, 0, 0));
    assert_eq!(counts(&theme("vakmanschap")["b"]), (5, 0, 0, 5, 100));
    // digitaal: p6 started, p7 p8 planned; then p6–p8 Done and p11 In progress.
    assert_eq!(counts(&theme("digitaal")["a"]), (3, 2, 1, 0, 0));
    assert_eq!(counts(&theme("digitaal")["b"]), (4, 0, 1, 3, 75));
    assert_eq!(theme("digitaal")["difference"]["projects"], 1);
    // werkplezier: p9 p10 planned; then p9 archived and p10 In progress.
    assert_eq!(counts(&theme("werkplezier")["b"]), (1, 0, 1, 0, 0));
    let changed: Vec<(&str, &str, &str, &str)> = (doc["changed"].as_array().unwrap().iter())
        .map(|c| {
            (
                str_or_dash(&c["id"]),
                str_or_dash(&c["from"]),
                str_or_dash(&c["to"]),
                str_or_dash(&c["presence"]),
            )
        })
        .collect();
    let mut expected: Vec<(&str, &str, &str, &str)> = ["p1", "p2", "p3", "p4", "p5", "p6"]
        .into_iter()
        .map(|id| (id, "InProgress", "Done", "both"))
        .collect();
    expected.extend([
        ("p7", "Planned", "Done", "both"),
        ("p8", "Planned", "Done", "both"),
        ("p11", "-", "InProgress", "new"),
        ("p10", "Planned", "InProgress", "both"),
        ("p9", "Planned", "-", "gone"),
    ]);
    assert_eq!(changed, expected);
    // The rename of p2 (10 February) shows under its title at the later date.
    assert!(text.contains("In progress → Done     Podcastreeks tegenspraak [p2]"));
    assert!(text.contains("Total: 10 → 10 projects (0) · 0 → 80 % done (+80)"));
}

#[test]
fn compare_in_markdown_csv_and_dutch_for_the_focus_themes() {
    let dir = year();
    let args = ["report", "--compare", "2026-03-31", "2026-09-30"];
    let md = dir.stdout(&[&args[..], &["--format", "markdown", "--lang", "nl"]].concat());
    assert!(md.contains("Vergeleken: 31-03-2026 → 30-09-2026"), "{md}");
    assert!(
        md.contains("\n| **Totaal** | 10 → 10 (0) | 4 → 0 (-4) | 6 → 2 (-4) | 0 → 8 (+8) |"),
        "{md}"
    );
    assert!(md.contains("| Werkplezier | Project 9 | `p9` | Gepland |  | verdwenen |"));
    let csv = dir.stdout(&[&args[..], &["--format", "csv"]].concat());
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("\u{feff}Row,Theme id,Theme,Id,Name,2026-03-31,2026-09-30,Difference")
    );
    assert!(csv.contains("count,digitaal,Digitale ontwikkeling,Planned,Planned,2,0,-2\r\n"));
    assert!(csv.contains("count,,Total,percent_done,% done,0.0,80.0,80.0\r\n"));
    assert!(csv.contains(
        "project,digitaal,Digitale ontwikkeling,p11,Nieuw leertraject,,In progress,new\r\n"
    ));
    let focus = json(&dir.stdout(&[&args[..], &["--focus", "--format", "json"]].concat()));
    let ids: Vec<&str> = (focus["themes"].as_array().unwrap().iter())
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["vakmanschap"]);
    assert_eq!(focus["changed"].as_array().unwrap().len(), 5);
    assert_eq!(counts(&focus["totals"]["b"]), (5, 0, 0, 5, 100));
}

#[test]
fn as_of_a_date_in_every_format() {
    let dir = year();
    // On 30 June: p1 p2 Done (15 June), p3–p10 In progress, p11 Planned;
    // p10's owner was set late on 30 June, which the day includes.
    let text = dir.stdout(&["report", "--as-of", "2026-06-30"]);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("A&O-fonds Provincies — Activiteitenplan 2026")
    );
    assert_eq!(lines.next(), Some("As of 30 Jun 2026"));
    assert!(text.contains("Total: 11 projects · 18 % done · Planned 1 · In progress 8 · Done 2"));
    assert!(text.contains("Owner: Bram"), "{text}");
    assert!(!text.contains("Note"), "the records reach back: {text}");
    let earlier = dir.stdout(&["report", "--as-of", "2026-06-30T22:59:59Z"]);
    assert!(earlier.contains("As of 30 Jun 2026 22:59:59 UTC"));
    assert!(!earlier.contains("Owner: Bram"), "{earlier}");

    let dutch = dir.stdout(&["--lang", "nl", "report", "--as-of", "2026-06-30"]);
    assert!(dutch.contains("\nStand per 30-06-2026\n"), "{dutch}");

    let md = dir.stdout(&["report", "--as-of", "2026-06-30", "--format", "markdown"]);
    assert!(
        md.starts_with("# A&O-fonds Provincies — Activiteitenplan 2026\n\nAs of 30 Jun 2026\n\n")
    );
    assert!(
        md.contains("| **Total** | 11 | 1 | 8 | 2 | 0 | 0 | 0 | 18 % |"),
        "{md}"
    );

    let csv = dir.stdout(&["report", "--as-of", "2026-06-30", "--format", "csv"]);
    let mut rows = csv.lines();
    assert!(
        rows.next()
            .unwrap()
            .starts_with("\u{feff}As of,Theme,Focus,Sub-theme,Id,Project")
    );
    assert!(rows.all(|r| r.starts_with("2026-06-30,")));
    assert!(csv.contains(
        "2026-06-30,Werkplezier,,Werkplezier algemeen,p10,Project 10,2026,In progress,Bram,"
    ));

    let doc = json(&dir.stdout(&["report", "--as-of", "2026-06-30", "--format", "json"]));
    assert_eq!(doc["as_of"]["at"], "2026-06-30T23:59:59Z");
    assert_eq!(doc["as_of"]["first_record"], "2026-01-15T10:00:00Z");
    assert_eq!(doc["as_of"]["before_records"], false);
    assert_eq!(counts(&doc["totals"]), (11, 1, 8, 2, 18));
    // Otherwise the document of `report --format json`.
    let today = json(&dir.stdout(&["report", "--format", "json"]));
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    let mut expected = keys(&today);
    expected.push("as_of".into());
    expected.sort();
    assert_eq!(keys(&doc), expected);
}

#[test]
fn a_date_before_the_records_says_so() {
    let dir = year();
    let text = dir.stdout(&["report", "--as-of", "2025-12-31"]);
    assert!(
        text.contains(
            "\nAs of 31 Dec 2025\nNote: the records of changes begin on 15 Jan 2026 10:00:00 UTC."
        ),
        "{text}"
    );
    assert!(
        text.contains("Total: 10 projects · 0 % done · Planned 10"),
        "{text}"
    );
    let nl = dir.stdout(&["--lang", "nl", "report", "--as-of", "2025-12-31"]);
    assert!(nl.contains("Let op: de vastgelegde wijzigingen beginnen op 15-01-2026 10:00:00 UTC."));
    let doc = json(&dir.stdout(&["report", "--as-of", "2025-12-31", "--format", "json"]));
    assert_eq!(doc["as_of"]["before_records"], true);
    // CSV holds rows only: the note goes to stderr.
    let out = dir.run(&["report", "--as-of", "2025-12-31", "--format", "csv"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("aoplan: Note: the records of changes begin on"),
        "{err}"
    );
}

#[test]
fn show_as_of_a_date() {
    let dir = year();
    let before = dir.stdout(&["show", "p2", "--as-of", "2026-02-01"]);
    assert!(
        before.starts_with("As of 1 Feb 2026\n\nProject 2\n"),
        "{before}"
    );
    assert!(before.contains("status: 2026* In progress"), "{before}");
    let renamed = dir.stdout(&["show", "p2", "--as-of", "2026-02-10"]);
    assert!(
        renamed.contains("\nPodcastreeks tegenspraak\n"),
        "{renamed}"
    );
    let doc = json(&dir.stdout(&["show", "p2", "--as-of", "2026-02-01", "--json"]));
    assert_eq!(doc["title"], "Project 2");
    assert_eq!(doc["as_of"]["at"], "2026-02-01T23:59:59Z");
    assert_eq!(doc["history"].as_array().unwrap().len(), 1);
    // A sub-theme, and a project archived since but not yet then.
    let sub = dir.stdout(&["show", "online", "--as-of", "2026-05-05"]);
    assert!(
        sub.contains("Planned      Nieuw leertraject [p11]"),
        "{sub}"
    );
    let p9 = dir.stdout(&["show", "p9", "--as-of", "2026-08-01"]);
    assert!(
        p9.contains("status: 2026* In progress") && !p9.contains("archive"),
        "{p9}"
    );
    // Not there yet on that day: said so, exit 1.
    let err = dir.failure(&["show", "p11", "--as-of", "2026-05-03"]);
    assert!(
        err.contains("\"p11\" was not in the plan on 3 May 2026"),
        "{err}"
    );
    let err = dir.failure(&["--lang", "nl", "show", "p11", "--as-of", "2026-05-03"]);
    assert!(
        err.contains("\"p11\" stond op 03-05-2026 niet in het plan"),
        "{err}"
    );
}

#[test]
fn by_month_and_by_quarter() {
    let dir = year();
    let now = aoplan::timestamp::Timestamp::now();
    let text = dir.stdout(&["report", "--by", "month"]);
    assert!(
        text.contains("\nPlan year 2026 · per month · all themes\n"),
        "{text}"
    );
    assert!(text.contains(
        "\nMonth     Projects  Planned  In progress  Done  On hold  Cancelled  No status  % done\n"
    ));
    assert!(text.contains(
        "\nJun 2026        11        1            8     2        0          0          0    18 %\n"
    ));
    // October: p10 finished, p9 archived in August.
    assert!(text.contains(
        "\nOct 2026        10        0            1     9        0          0          0    90 %\n"
    ));
    let doc = json(&dir.stdout(&["report", "--by", "month", "--format", "json"]));
    let periods = doc["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 12);
    for p in periods {
        let end = aoplan::timestamp::Timestamp::parse_rfc3339(p["end"].as_str().unwrap()).unwrap();
        assert_eq!(p["future"], end > now, "{p}");
        assert_eq!(p["totals"].is_null(), end > now, "{p}");
    }
    assert_eq!(counts(&periods[0]["totals"]), (10, 8, 2, 0, 0));
    assert_eq!(counts(&periods[4]["totals"]), (11, 1, 10, 0, 0));

    let focus = dir.stdout(&[
        "--lang", "nl", "report", "--by", "quarter", "--focus", "--format", "markdown",
    ]);
    assert!(
        focus.contains("Planjaar 2026 · per kwartaal · focusthema’s"),
        "{focus}"
    );
    assert!(focus.contains("| K1 2026 | 5 | 0 | 5 | 0 | 0 | 0 | 0 | 0 % |"));
    assert!(focus.contains("| K3 2026 | 5 | 0 | 0 | 5 | 0 | 0 | 0 | 100 % |"));
    let csv = dir.stdout(&[
        "report",
        "--by",
        "quarter",
        "--theme",
        "werkplezier",
        "--format",
        "csv",
    ]);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "\u{feff}Quarter,End,Projects,Planned,In progress,Done,On hold,Cancelled,No status,% done"
    );
    // p9 and p10 planned, both started in May; p9 archived in August.
    assert_eq!(rows[1], "Q1 2026,2026-03-31,2,2,0,0,0,0,0,0.0");
    assert_eq!(rows[2], "Q2 2026,2026-06-30,2,0,2,0,0,0,0,0.0");
    assert_eq!(rows[3], "Q3 2026,2026-09-30,1,0,1,0,0,0,0,0.0");
}

#[test]
fn a_bad_date_is_a_command_line_error_with_examples() {
    let dir = year();
    let err = usage_error(&dir, &["report", "--as-of", "half juni"]);
    assert!(
        err.contains("--as-of \"half juni\" is not a date. Write for example 2026-11-29"),
        "{err}"
    );
    assert!(err.contains("last week"), "{err}");
    let err = usage_error(
        &dir,
        &[
            "--lang",
            "nl",
            "report",
            "--compare",
            "2026-01-01",
            "morgenmiddag",
        ],
    );
    assert!(err.contains("--compare \"morgenmiddag\""), "{err}");
    assert!(err.contains("vorige week"), "{err}");
    // The forms people write are read, in both languages.
    for date in [
        "30-06-2026",
        "30/06/2026",
        "gisteren",
        "yesterday",
        "vorige week",
    ] {
        let out = dir.run(&["report", "--as-of", date]);
        assert_eq!(out.status.code(), Some(0), "{date}");
    }
    let err = usage_error(&dir, &["show", "p1", "--as-of", "2026-02-30"]);
    assert!(err.contains("\"2026-02-30\""), "{err}");
    usage_error(&dir, &["report", "--compare", "2026-01-01"]);
    usage_error(&dir, &["report", "--as-of", "2026-01-01", "--by", "month"]);
    usage_error(&dir, &["report", "--by", "week"]);
}
