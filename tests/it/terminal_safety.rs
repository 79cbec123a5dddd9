//! Plan text, user names and config written by a hostile colleague never reach
//! a terminal as control sequences through the commands: every command's raw
//! stdout and stderr bytes are checked, JSON parses back to the exact values,
//! and CSV cells cannot run as formulas. The UI: `terminal_safety_ui.rs`.

use crate::support;

use std::process::Output;

use support::hostile_text::{HOSTILE, PROJECT, assert_inert, hostile, hostile_plan};
use support::plan_dir::PlanDir;

fn run_with(dir: &PlanDir, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("aoplan");
    cmd.args(args)
        .env("AOPLAN_FILE", &dir.plan)
        .env("AOPLAN_CONFIG", dir.dir.path().join("no-config.ron"))
        .env("HOME", dir.dir.path())
        .env("XDG_CONFIG_HOME", dir.dir.path().join("config"))
        .env("LC_ALL", "C")
        .env("TZ", "UTC")
        .env("USER", "tester");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("aoplan runs")
}

/// Runs a command, checks both streams' raw bytes (and the exit status when
/// given) and returns stdout.
fn inert(dir: &PlanDir, args: &[&str], code: Option<i32>) -> String {
    let out = run_with(dir, args, &[]);
    let csv = args.contains(&"csv");
    assert_inert(&format!("stdout of {args:?}"), &out.stdout, csv);
    assert_inert(&format!("stderr of {args:?}"), &out.stderr, false);
    if code.is_some() {
        assert_eq!(
            out.status.code(),
            code,
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_text_output_shows_placeholders() {
    let dir = PlanDir::new(&hostile_plan());
    let show = inert(&dir, &["show", PROJECT], Some(0));
    assert!(
        show.contains("Loyale ␛]52;c;ZWNobyBwd25lZA==␇␛]0;pwned␇"),
        "{show}"
    );
    assert!(
        show.contains("<U+009B>2J<U+009D>0;pwned<U+009C>␡<U+202E>desrever"),
        "{show}"
    );
    assert!(show.contains("eve ␛]52"), "history `by`: {show}");
    assert!(show.contains("regel twee"), "{show}");
    for args in [
        vec!["find", "loyale"],
        vec!["report"],
        vec!["report", "--format", "markdown"],
        vec!["report", "--format", "csv"],
        vec!["changes", "--since", "2026-01-01"],
        vec!["changes", "--since", "2026-01-01", "--format", "markdown"],
        vec!["changes", "--since", "2026-01-01", "--format", "csv"],
        vec!["rollover", "2027", "--dry-run"],
        vec![],
    ] {
        let out = inert(&dir, &args, Some(0));
        assert!(out.contains("0;pwned␇"), "{args:?}:\n{out}");
        assert!(
            out.contains("<U+009B") && out.contains("<U+202E"),
            "{args:?}:\n{out}"
        );
    }
    inert(&dir, &["check"], Some(0));
    assert!(
        !dir.bytes().is_empty() && dir.load() == hostile_plan(),
        "the plan keeps its text exactly"
    );
}

#[test]
fn json_keeps_exact_values_without_raw_controls() {
    let plan = hostile_plan();
    let dir = PlanDir::new(&plan);
    let p = plan.project(plan.locate(PROJECT).unwrap()).unwrap();
    let parse = |args: &[&str]| -> serde_json::Value {
        serde_json::from_str(&inert(&dir, args, Some(0))).expect("valid JSON")
    };
    let show = parse(&["show", PROJECT, "--json"]);
    assert_eq!(show["title"], p.title.as_str());
    assert_eq!(show["notes"], p.notes.as_str());
    assert_eq!(show["details"], p.details.as_str());
    assert_eq!(show["owner"], p.owner.as_str());
    assert_eq!(show["theme"]["name"], plan.themes[0].name.as_str());
    assert_eq!(show["history"][0]["by"], p.history[0].by.as_str());
    let find = parse(&["find", "loyale", "--json"]);
    assert_eq!(find[0]["title"], p.title.as_str());
    assert_eq!(
        find[0]["subtheme"]["name"],
        plan.themes[0].subthemes[0].name.as_str()
    );
    let report = parse(&["report", "--format", "json"]);
    assert_eq!(report["title"], plan.title.as_str());
    assert_eq!(
        report["themes"][0]["subthemes"][0]["projects"][0]["notes"],
        p.notes.as_str()
    );
    let changes = parse(&["changes", "--since", "2026-01-01", "--format", "json"]);
    assert_eq!(
        changes["themes"][0]["changes"][0]["by"],
        p.history[0].by.as_str()
    );
    assert_eq!(changes["themes"][0]["name"], plan.themes[0].name.as_str());
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let dir = PlanDir::new(&hostile_plan());
    let csv = inert(&dir, &["report", "--format", "csv"], Some(0));
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = rows
        .iter()
        .find(|r| r.iter().any(|f| f.contains("HYPERLINK")))
        .expect("the formula project");
    let cells: Vec<&str> = row.iter().collect();
    assert!(
        cells.contains(&"'=HYPERLINK(\"https://evil.example/\",\"klik\")"),
        "{cells:?}"
    );
    assert!(cells.contains(&"'+31 6 1234 5678"), "{cells:?}");
    assert!(cells.contains(&"'@SUM(A1:A9)"), "{cells:?}");
    for row in &rows {
        for field in row {
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{field:?}"
            );
        }
    }
    // Multi-line notes stay one quoted cell with their line break.
    assert!(
        rows.iter()
            .any(|r| r.iter().any(|f| f.starts_with("Notities\nregel twee ␛]52"))),
        "{rows:?}"
    );
}

#[test]
fn messages_quoting_input_or_the_file_are_inert() {
    let dir = PlanDir::new(&hostile_plan());
    let arg = hostile("id");
    for args in [
        vec!["show", arg.as_str()],
        vec!["set", arg.as_str(), "done"],
        vec!["set", PROJECT, arg.as_str()],
        vec!["report", "--theme", arg.as_str()],
        vec!["rollover", arg.as_str()],
    ] {
        inert(&dir, &args, Some(1));
    }
    // A bad date is a bad command line.
    inert(&dir, &["changes", "--since", arg.as_str()], Some(2));
    // The query's words may match something: only the bytes matter here.
    inert(&dir, &["find", arg.as_str()], None);
    // Usage errors quote the argument too.
    let usage = run_with(&dir, &["--year", arg.as_str(), "find", "x"], &[]);
    assert_eq!(usage.status.code(), Some(2));
    assert_inert("usage error", &usage.stderr, false);
    let usage = String::from_utf8(usage.stderr).unwrap();
    assert!(
        usage.contains("--year") && usage.contains("<U+202E>"),
        "{usage}"
    );
    // A load error quotes the file's own line.
    let text = aoplan::codec::to_ron(&hostile_plan());
    let broken = text.replacen(
        "    year: 2026,",
        &format!("    year: 2026, oops: \"{HOSTILE}\","),
        1,
    );
    std::fs::write(&dir.plan, broken).unwrap();
    let out = run_with(&dir, &["check"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_inert("check of a broken file", &out.stderr, false);
    let message = String::from_utf8(out.stderr).unwrap();
    assert!(message.contains("oops"), "{message}");
    assert!(message.contains("<U+202E>"), "{message}");
}

#[test]
fn a_hostile_user_name_is_stored_cleaned() {
    let dir = PlanDir::new(&hostile_plan());
    let out = run_with(
        &dir,
        &["set", PROJECT, "done"],
        &[("USER", "eve\u{1b}]0;X\u{7}\u{202e}")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_inert("set", &out.stdout, false);
    let plan = dir.load();
    let p = plan.project(plan.locate(PROJECT).unwrap()).unwrap();
    assert_eq!(p.history.last().unwrap().by, "eve␛]0;X␇<U+202E>");
    let changes = inert(&dir, &["changes", "--since", "2026-01-01"], Some(0));
    assert!(changes.contains("eve␛]0;X␇<U+202E>"), "{changes}");
}

#[test]
fn a_config_with_escapes_warns_inertly() {
    let dir = PlanDir::new(&hostile_plan());
    let config_dir = dir.dir.path().join("config/aoplan");
    std::fs::create_dir_all(&config_dir).unwrap();
    let config = format!("(\n    lang: Nl,\n    {HOSTILE}: true,\n)\n");
    std::fs::write(config_dir.join("config.ron"), config).unwrap();
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("aoplan");
    let out = cmd
        .args(["find", "loyale"])
        .env("AOPLAN_FILE", &dir.plan)
        .env_remove("AOPLAN_CONFIG")
        .env("HOME", dir.dir.path())
        .env("XDG_CONFIG_HOME", dir.dir.path().join("config"))
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_inert("config warning", &out.stderr, false);
    let warning = String::from_utf8(out.stderr).unwrap();
    assert!(warning.contains("config.ron:3:"), "{warning}");
    assert!(warning.contains("using the default settings"), "{warning}");
}
