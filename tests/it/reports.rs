//! `aoplan report` and `aoplan changes`, run as a user would: over the bundled plan
//! and over a copy of it with statuses, owners, notes and history filled in.

use crate::support;

use aoplan::i18n::Lang;
use aoplan::plan::{HistoryEntry, Plan, Status};
use aoplan::report::{Csv, Format, Report, Scope};
use support::plan_dir::PlanDir;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

fn bundled() -> Plan {
    aoplan::codec::parse(BUNDLED).expect("bundled plan parses")
}

/// Records one status change the way `aoplan set` does, at a fixed time.
fn change(plan: &mut Plan, id: &str, to: Option<Status>, at: &str, by: &str) {
    let loc = plan.locate(id).expect("project exists");
    let year = plan.year;
    let p = plan.project_mut(loc).expect("located");
    let from = p.status_in(year);
    match to {
        Some(s) => p.status.0.insert(year, s),
        None => p.status.0.remove(&year),
    };
    p.history.push(HistoryEntry {
        at: aoplan::timestamp::Timestamp::parse_rfc3339(at).expect("a time"),
        by: by.into(),
        year,
        from,
        to,
    });
}

/// The bundled plan after a quarter of work: every status, text that needs
/// escaping in Markdown and quoting in CSV, and changes on window boundaries.
fn worked() -> Plan {
    let mut plan = bundled();
    use Status::*;
    let anna = "anna";
    change(
        &mut plan,
        "programma-loyale-tegenspraak",
        Some(InProgress),
        "2026-02-03T10:00:00Z",
        anna,
    );
    change(
        &mut plan,
        "programma-loyale-tegenspraak",
        Some(Done),
        "2026-03-31T23:59:59Z",
        anna,
    );
    change(
        &mut plan,
        "personeelsmonitor-2025",
        Some(Cancelled),
        "2026-03-01T00:00:00Z",
        "bert",
    );
    change(
        &mut plan,
        "dashboard-personeelsmonitor",
        Some(OnHold),
        "2026-01-15T08:30:00Z",
        "carla",
    );
    change(
        &mut plan,
        "dashboard-personeelsmonitor",
        Some(InProgress),
        "2026-03-20T09:00:00+01:00",
        "carla",
    );
    change(
        &mut plan,
        "maatwerk-e-learning-integriteit",
        None,
        "2026-03-10T12:00:00Z",
        "dirk",
    );
    change(
        &mut plan,
        "e-learning-eigen-werkplezier",
        Some(Done),
        "2026-04-01T00:00:00Z",
        anna,
    );
    let loc = plan.locate("personeelsmonitor-2025").expect("exists");
    let p = plan.project_mut(loc).expect("located");
    p.owner = "Bert | HR".into();
    p.notes = "Vervalt; zie \"besluit\" van 12-3, *niet* opnieuw\nTweede regel, met komma".into();
    let loc = plan.locate("programma-loyale-tegenspraak").expect("exists");
    plan.project_mut(loc).expect("located").owner = "Anna de Vries".into();
    plan
}

fn snapshot_name(name: &str) -> String {
    name.replace(' ', "_")
}

#[test]
fn report_formats_over_the_bundled_plan() {
    let f = PlanDir::new(&bundled());
    for format in ["text", "markdown", "csv", "json"] {
        let out = f.stdout(&["report", "--format", format]);
        insta::assert_snapshot!(snapshot_name(&format!("bundled {format}")), out);
    }
}

#[test]
fn report_formats_over_a_plan_with_history() {
    let f = PlanDir::new(&worked());
    for format in ["text", "markdown", "csv", "json"] {
        let out = f.stdout(&["report", "--format", format]);
        insta::assert_snapshot!(snapshot_name(&format!("worked {format}")), out);
    }
    let dutch = f.stdout(&["report", "--lang", "nl", "--theme", "arbeidsmarkt"]);
    insta::assert_snapshot!("worked_text_nl_one_theme", dutch);
}

#[test]
fn text_on_a_terminal_draws_bars() {
    let plan = worked();
    let report = Report::new(&plan, plan.year, Scope::Focus).expect("focus themes");
    let mut out = Vec::new();
    report
        .write(
            Format::Text,
            (Lang::En, Csv::new(Lang::En, None)),
            true,
            &mut out,
        )
        .expect("renders");
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(text.contains('█') && text.contains('░'), "{text}");
    insta::assert_snapshot!("worked_text_bars_focus", text);
}

#[test]
fn piped_text_has_no_bars_or_escape_codes() {
    let f = PlanDir::new(&worked());
    let out = f.stdout(&["report"]);
    assert!(!out.contains('█') && !out.contains('░'));
    assert!(!out.contains('\u{1b}'));
    assert!(out.contains("% done"));
}

#[test]
fn csv_parses_back_with_one_row_per_project() {
    let plan = worked();
    let f = PlanDir::new(&plan);
    let out = f.stdout(&["report", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    assert_eq!(
        headers.get(0),
        Some("Theme"),
        "the BOM is not part of the header"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid row")).collect();
    assert_eq!(rows.len(), plan.project_count());
    assert!(out.contains("\r\n"), "RFC 4180 line ends");
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    for (row, (loc, project)) in rows.iter().zip(plan.projects()) {
        let theme = &plan.themes[loc.theme];
        let status = project
            .status_in(plan.year)
            .map_or("", |s| Lang::En.status(s));
        assert_eq!(&row[col("Theme")], theme.name);
        assert_eq!(&row[col("Sub-theme")], theme.subthemes[loc.subtheme].name);
        assert_eq!(&row[col("Id")], project.id);
        assert_eq!(&row[col("Project")], project.title);
        assert_eq!(&row[col("Status")], status);
        assert_eq!(&row[col("Owner")], project.owner);
        assert_eq!(&row[col("Notes")], project.notes);
        assert_eq!(&row[col("Focus")], if theme.focus { "★" } else { "" });
    }
}

#[test]
fn markdown_tables_have_separators_and_every_theme() {
    let plan = worked();
    let f = PlanDir::new(&plan);
    let out = f.stdout(&["report", "--format", "markdown"]);
    let lines: Vec<&str> = out.lines().collect();
    let mut tables = 0;
    for (i, line) in lines.iter().enumerate() {
        let starts_table = line.starts_with('|') && (i == 0 || !lines[i - 1].starts_with('|'));
        if starts_table {
            tables += 1;
            let next = lines.get(i + 1).copied().unwrap_or("");
            assert!(next.starts_with("| --"), "no separator under {line:?}");
            let columns = |l: &str| l.matches(" | ").count();
            assert_eq!(columns(line), columns(next), "{line:?}");
        }
    }
    assert_eq!(tables, 1 + 2 * plan.themes.len());
    for theme in &plan.themes {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("## ") && l.ends_with(&theme.name)),
            "no heading for {}",
            theme.name
        );
    }
    assert!(out.contains(r"Bert \| HR"), "a pipe in a cell is escaped");
    assert!(out.contains(r"\*niet\*") && out.contains("<br>Tweede regel"));
}

#[test]
fn json_totals_add_up() {
    let plan = worked();
    let f = PlanDir::new(&plan);
    let out = f.stdout(&["report", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["totals"]["projects"], plan.project_count());
    // `worked` finishes two projects and takes the status of one away.
    assert_eq!(doc["totals"]["by_status"]["Done"], 2);
    assert_eq!(doc["totals"]["no_status"], 1);
    let themes = doc["themes"].as_array().expect("themes");
    assert_eq!(themes.len(), plan.themes.len());
    let sum: u64 = themes
        .iter()
        .map(|t| t["totals"]["projects"].as_u64().expect("count"))
        .sum();
    assert_eq!(sum as usize, plan.project_count());
}

#[test]
fn focus_and_theme_limit_the_report() {
    let plan = worked();
    let f = PlanDir::new(&plan);
    let out = f.stdout(&["report", "--focus", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let focus: Vec<&str> = plan
        .themes
        .iter()
        .filter(|t| t.focus)
        .map(|t| t.id.as_str())
        .collect();
    let shown: Vec<&str> = doc["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    assert_eq!(shown, focus);
    let out = f.stdout(&["report", "--theme", "werkplezier"]);
    assert!(out.contains("\nWerkplezier: "));
    assert!(!out.contains("Arbeidsmarkt"));
}

#[test]
fn an_unknown_theme_fails_with_a_suggestion() {
    let f = PlanDir::new(&bundled());
    let err = f.failure(&["report", "--theme", "werkplzier"]);
    assert!(err.contains("did you mean `werkplezier`"), "{err}");
}

#[test]
fn another_year_counts_projects_without_status() {
    let f = PlanDir::new(&bundled());
    let out = f.stdout(&["report", "--year", "2027", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["year"], 2027);
    assert_eq!(doc["totals"]["no_status"], bundled().project_count());
}

/// The `at` of every change `changes` lists, in output order.
fn changes_at(f: &PlanDir, args: &[&str]) -> Vec<String> {
    let mut all = vec!["changes", "--all", "--format", "json"];
    all.extend_from_slice(args);
    let doc: serde_json::Value = serde_json::from_str(&f.stdout(&all)).expect("valid JSON");
    doc["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .flat_map(|t| t["changes"].as_array().expect("changes").iter())
        .map(|c| c["at"].as_str().expect("at").to_string())
        .collect()
}

#[test]
fn changes_formats_over_march() {
    let f = PlanDir::new(&worked());
    let window = ["--since", "2026-03-01", "--until", "2026-03-31"];
    for format in ["text", "markdown", "csv", "json"] {
        let mut args = vec!["changes", "--all", "--format", format];
        args.extend_from_slice(&window);
        let out = f.stdout(&args);
        insta::assert_snapshot!(snapshot_name(&format!("changes {format}")), out);
    }
}

#[test]
fn changes_window_bounds_are_inclusive_by_day() {
    let f = PlanDir::new(&worked());
    let march = changes_at(&f, &["--since", "2026-03-01", "--until", "2026-03-31"]);
    assert!(
        march.contains(&"2026-03-01T00:00:00Z".to_string()),
        "{march:?}"
    );
    assert!(
        march.contains(&"2026-03-31T23:59:59Z".to_string()),
        "{march:?}"
    );
    assert!(
        !march
            .iter()
            .any(|at| at.starts_with("2026-04") || at.starts_with("2026-02"))
    );
    assert_eq!(march.len(), 4, "{march:?}");
    let exact = changes_at(
        &f,
        &[
            "--since",
            "2026-03-31T23:59:59Z",
            "--until",
            "2026-04-01T00:00:00Z",
        ],
    );
    assert_eq!(exact, ["2026-03-31T23:59:59Z", "2026-04-01T00:00:00Z"]);
    let open_ended = changes_at(&f, &["--since", "2026-01-01"]);
    assert_eq!(open_ended.len(), 7);
}

#[test]
fn changes_are_grouped_by_theme_and_in_time_order() {
    let plan = worked();
    let f = PlanDir::new(&plan);
    let out = f.stdout(&[
        "changes",
        "--all",
        "--since",
        "2026-01-01",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let groups = doc["themes"].as_array().expect("themes");
    let ids: Vec<&str> = groups
        .iter()
        .map(|g| g["id"].as_str().expect("id"))
        .collect();
    let in_plan_order: Vec<&str> = plan
        .themes
        .iter()
        .map(|t| t.id.as_str())
        .filter(|id| ids.contains(id))
        .collect();
    assert_eq!(ids, in_plan_order);
    for group in groups {
        let times: Vec<aoplan::timestamp::Timestamp> = group["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .map(|c| {
                aoplan::timestamp::Timestamp::parse_rfc3339(c["at"].as_str().expect("at"))
                    .expect("time")
            })
            .collect();
        assert!(times.is_sorted(), "{group}");
    }
    // Plan order puts bert's project first; time order puts carla's change first.
    let text = f.stdout(&["changes", "--all", "--since", "2026-01-01"]);
    let carla = text.find("carla").expect("carla listed");
    let bert = text.find("bert").expect("bert listed");
    assert!(carla < bert, "{text}");
}

#[test]
fn an_empty_window_says_so() {
    let f = PlanDir::new(&worked());
    let out = f.stdout(&["changes", "--since", "2020-01-01", "--until", "2020-12-31"]);
    assert_eq!(out, "No changes from 1 Jan 2020 through 31 Dec 2020.\n");
    let window = ["--since", "2020-01-01", "--until", "2020-12-31"];
    let out = f.stdout(&[&["changes", "--kind", "status"][..], &window].concat());
    assert_eq!(
        out,
        "No status changes from 1 Jan 2020 through 31 Dec 2020.\n"
    );
    assert_eq!(
        changes_at(&f, &["--since", "2030-01-01"]),
        Vec::<String>::new()
    );
    let csv = f.stdout(&["changes", "--since", "2030-01-01", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 1, "only the header: {csv:?}");
}

#[test]
fn bad_dates_fail_clearly() {
    let f = PlanDir::new(&worked());
    let refused = |args: &[&str]| {
        let out = f.run(args);
        assert_eq!(out.status.code(), Some(2), "a bad command line: {args:?}");
        String::from_utf8(out.stderr).expect("UTF-8 errors")
    };
    let err = refused(&["changes", "--since", "2026-02-30"]);
    assert!(
        err.contains("--since \"2026-02-30\": there is no such day"),
        "{err}"
    );
    let err = refused(&["changes", "--since", "2026-03-01", "--until", "maart"]);
    assert!(err.contains("--until \"maart\" is not a date"), "{err}");
    let err = f.failure(&["changes", "--since", "2026-03-02", "--until", "2026-03-01"]);
    assert!(err.contains("before --since"), "{err}");
}

#[test]
fn history_survives_the_fixture_round_trip() {
    let plan = worked();
    let f = PlanDir::new(&plan);
    let loaded = aoplan::storage::load(&f.plan).expect("fixture loads");
    assert_eq!(loaded, plan);
}
