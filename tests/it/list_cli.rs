//! `aoplan list`: every flag, combinations, the date forms of
//! `--changed-since`, an owner with a diacritic, exit codes in text and JSON.

use aoplan::plan::{HistoryEntry, LogEntry, Logged, Plan, Project, Status, TextKind};
use aoplan::timestamp::Timestamp;
use serde_json::Value;

use crate::support::plan_dir::PlanDir;

fn set(plan: &mut Plan, id: &str, change: impl FnOnce(&mut Project)) {
    let loc = plan.locate(id).unwrap_or_else(|| panic!("no project {id}"));
    change(plan.project_mut(loc).expect("located"));
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).expect("a time")
}

/// The bundled plan with owners, statuses in 2027 and changes: one status
/// change two days ago, one in June 2025 and a note logged in June 2025.
fn plan() -> Plan {
    let mut plan = aoplan::codec::parse(aoplan::storage::BUNDLED_PLAN).expect("bundled plan");
    set(&mut plan, "kwalen-kwartet", |p| {
        p.owner = "Zoë de Vries".into();
        p.history.push(HistoryEntry {
            at: Timestamp::now().plus(-2 * 24 * 3600),
            by: "zoe".into(),
            year: 2026,
            from: Some(Status::Planned),
            to: Some(Status::InProgress),
        });
        p.status.0.insert(2026, Status::InProgress);
    });
    set(&mut plan, "overgangsdag", |p| {
        p.owner = "zoë de vries".into();
        p.status.0.insert(2027, Status::InProgress);
        p.history.push(HistoryEntry {
            at: at("2025-06-01T10:00:00Z"),
            by: "zoe".into(),
            year: 2026,
            from: None,
            to: Some(Status::Planned),
        });
    });
    set(&mut plan, "programma-werkdruk", |p| {
        p.owner = "Joost ’t Hooft".into();
        p.status.0.insert(2026, Status::OnHold);
    });
    plan.log.push(LogEntry {
        at: at("2025-06-10T10:00:00Z"),
        by: "joost".into(),
        change: Logged::Text {
            id: "programma-werkdruk".into(),
            field: TextKind::Notes,
            from: String::new(),
            to: "Pilot loopt".into(),
        },
    });
    plan
}

/// The ids `aoplan list ARGS --json` prints, in order.
fn ids(dir: &PlanDir, args: &[&str]) -> Vec<String> {
    let out = dir.stdout(&[&["list", "--json"], args].concat());
    let json: Value = serde_json::from_str(&out).expect("JSON");
    (json.as_array().expect("an array").iter())
        .map(|p| p["id"].as_str().expect("an id").to_string())
        .collect()
}

#[test]
fn text_groups_by_breadcrumb_in_two_lines_per_project() {
    let dir = PlanDir::new(&plan());
    let out = dir.stdout(&["--lang", "nl", "list", "--owner", "zoe"]);
    assert_eq!(
        out,
        "Open over de Overgang › De Overgang – wat is het?\n\
         \x20 Gepland     Organisatie van de Overgangsdag\n\
         \x20             overgangsdag · zoë de vries\n\
         \x20 Lopend      Ontwikkeling van het kwalen-kwartet\n\
         \x20             kwalen-kwartet · Zoë de Vries\n\
         \n2 projecten\n"
    );
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    let en = dir.stdout(&["--lang", "en", "list", "--owner", "ZOË"]);
    assert!(
        en.contains("  In progress  Ontwikkeling van het kwalen-kwartet\n"),
        "{en}"
    );
    assert!(en.ends_with("\n2 projects\n"), "{en}");
    let one = dir.stdout(&["--lang", "nl", "list", "--owner", "zoe", "-n", "1"]);
    assert!(
        one.ends_with("\nHet eerste van 2 projecten (-n 0 toont ze alle)\n"),
        "{one}"
    );
}

#[test]
fn no_filter_lists_every_project_in_plan_order() {
    let plan = plan();
    let dir = PlanDir::new(&plan);
    let all: Vec<String> = plan.projects().map(|(_, p)| p.id.clone()).collect();
    assert_eq!(ids(&dir, &[]), all);
    assert_eq!(ids(&dir, &["--limit", "0"]), all);
    assert_eq!(ids(&dir, &["-n", "2"]), all[..2].to_vec());
}

#[test]
fn owner_is_matched_folded_at_word_starts() {
    let dir = PlanDir::new(&plan());
    let zoe = vec!["overgangsdag".to_string(), "kwalen-kwartet".to_string()];
    for owner in ["zoe", "Zoë", "ZOE DE", "de vries", "vries"] {
        assert_eq!(ids(&dir, &["--owner", owner]), zoe, "{owner}");
    }
    assert_eq!(ids(&dir, &["--owner", "hooft"]), ["programma-werkdruk"]);
    assert_eq!(ids(&dir, &["--owner", "'t hooft"]), ["programma-werkdruk"]);
    // Not inside a word.
    assert_eq!(dir.run(&["list", "--owner", "oe"]).status.code(), Some(1));
}

#[test]
fn statuses_in_both_languages_are_any_of_them() {
    let dir = PlanDir::new(&plan());
    assert_eq!(
        ids(&dir, &["--status", "uitgesteld"]),
        ["programma-werkdruk"]
    );
    assert_eq!(ids(&dir, &["--status", "on-hold"]), ["programma-werkdruk"]);
    assert_eq!(
        ids(
            &dir,
            &[
                "--status",
                "lopend",
                "--status",
                "OnHold",
                "--owner",
                "zoe,joost"
            ]
        ),
        ["programma-werkdruk", "kwalen-kwartet"]
    );
    assert_eq!(
        ids(
            &dir,
            &["--status", "in progress,uitgesteld", "--owner", "zoe,joost"]
        ),
        ["programma-werkdruk", "kwalen-kwartet"]
    );
    // The year statuses are read in: the global --year.
    assert_eq!(
        ids(&dir, &["--year", "2027", "--status", "lopend"]),
        ["overgangsdag"]
    );
}

#[test]
fn filters_combine() {
    let plan = plan();
    let dir = PlanDir::new(&plan);
    let focus = ids(&dir, &["--focus"]);
    let expected: Vec<String> = (plan.projects())
        .filter(|(loc, _)| plan.themes[loc.theme].focus)
        .map(|(_, p)| p.id.clone())
        .collect();
    assert_eq!(focus, expected);
    assert_eq!(
        ids(
            &dir,
            &["--focus", "--owner", "joost", "--status", "uitgesteld"]
        ),
        ["programma-werkdruk"]
    );
    assert_eq!(
        ids(
            &dir,
            &[
                "--theme",
                "open-over-de-overgang",
                "--status",
                "lopend",
                "--owner",
                "zoe"
            ]
        ),
        ["kwalen-kwartet"]
    );
    let theme = ids(&dir, &["--theme", "ambtelijk-vakmanschap"]);
    assert_eq!(
        theme.len(),
        plan.themes[0]
            .subthemes
            .iter()
            .map(|s| s.projects.len())
            .sum::<usize>()
    );
    // No focus project is owned by Zoë: nothing, exit 1.
    assert_eq!(
        dir.run(&["list", "--focus", "--owner", "zoe"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn changed_since_reads_every_date_form() {
    let dir = PlanDir::new(&plan());
    let june = ["programma-werkdruk", "kwalen-kwartet"];
    for date in [
        "2025-06-05",
        "05-06-2025",
        "5/6/2025",
        "5 jun 2025",
        "5 juni 2025",
        "2025-06-10T10:00:00Z",
        "2025-06-10T12:00:00+02:00",
    ] {
        assert_eq!(ids(&dir, &["--changed-since", date]), june, "{date}");
    }
    let everything = ["programma-werkdruk", "overgangsdag", "kwalen-kwartet"];
    assert_eq!(ids(&dir, &["--changed-since", "2025-06-01"]), everything);
    for date in [
        "-7d",
        "7 dagen geleden",
        "7 days ago",
        "vorige week",
        "last week",
    ] {
        assert_eq!(
            ids(&dir, &["--changed-since", date]),
            ["kwalen-kwartet"],
            "{date}"
        );
    }
    for date in ["vandaag", "today", "gisteren", "yesterday"] {
        let out = dir.run(&["list", "--changed-since", date]);
        assert_eq!(out.status.code(), Some(1), "{date}");
    }
    assert_eq!(
        ids(&dir, &["--changed-since", "2025-06-05", "--owner", "zoe"]),
        ["kwalen-kwartet"]
    );
}

#[test]
fn a_bad_date_is_a_command_line_error_with_examples() {
    let dir = PlanDir::new(&plan());
    let out = dir.run(&["--lang", "nl", "list", "--changed-since", "vorige wk"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--changed-since"), "{err}");
    assert!(err.contains("29-11-2026"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_status_names_the_valid_ones() {
    let dir = PlanDir::new(&plan());
    let err = dir.failure(&["list", "--status", "klaar"]);
    assert_eq!(
        err,
        "aoplan: no status is called `klaar`: choose Planned, In progress, Done, On hold, Cancelled or none\n"
    );
    let nl = dir.failure(&["--lang", "nl", "list", "--status", "klaar", "--json"]);
    assert!(
        nl.contains("Gepland, Lopend, Afgerond, Uitgesteld, Vervallen of geen"),
        "{nl}"
    );
}

#[test]
fn an_unknown_theme_lists_the_theme_ids() {
    let dir = PlanDir::new(&plan());
    let err = dir.failure(&["list", "--theme", "overgang"]);
    assert!(err.contains("open-over-de-overgang"), "{err}");
    let err = dir.failure(&["list", "--theme", "kwalen-kwartet"]);
    assert!(err.contains("project"), "{err}");
}

#[test]
fn nothing_found_is_exit_1_in_text_and_json() {
    let dir = PlanDir::new(&plan());
    let text = dir.run(&["--lang", "nl", "list", "--owner", "niemand"]);
    assert_eq!(text.status.code(), Some(1));
    assert!(text.stdout.is_empty());
    assert_eq!(
        String::from_utf8(text.stderr).unwrap(),
        "aoplan: geen project past bij dit filter\n"
    );
    let json = dir.run(&["list", "--owner", "niemand", "--json"]);
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(String::from_utf8(json.stdout).unwrap(), "[]\n");
    assert_eq!(
        String::from_utf8(json.stderr).unwrap(),
        "aoplan: no project matches this filter\n"
    );
}

#[test]
fn limit_zero_means_all_for_find_too() {
    let dir = PlanDir::new(&plan());
    let count = |args: &[&str]| -> usize {
        let out = dir.stdout(args);
        let json: Value = serde_json::from_str(&out).unwrap();
        json.as_array().unwrap().len()
    };
    let all = count(&["find", "--json", "--limit", "1000", "status:gepland"]);
    assert!(all > 20, "{all}");
    assert_eq!(count(&["find", "--json", "status:gepland"]), 20);
    assert_eq!(
        count(&["find", "--json", "--limit", "0", "status:gepland"]),
        all
    );
    assert_eq!(count(&["find", "--json", "-n", "3", "status:gepland"]), 3);
}

/// The examples of the README's "Listing" and of `list --help` in both
/// languages, run through a shell as written: each lists something.
#[test]
fn the_readme_and_help_examples_work() {
    let dir = PlanDir::new(&plan());
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("### Listing")
        .nth(1)
        .expect("a Listing section");
    let block = section
        .split("```sh")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let mut examples: Vec<String> = block.lines().map(str::to_string).collect();
    for help in [aoplan::i18n::LIST_HELP_EN, aoplan::i18n::LIST_HELP_NL] {
        examples.extend(
            help.lines()
                .filter_map(|l| l.strip_prefix("  "))
                .map(str::to_string),
        );
    }
    let examples: Vec<String> = (examples.iter())
        .filter(|l| l.starts_with("aoplan list"))
        .map(|l| l.split(" #").next().unwrap().trim().to_string())
        .collect();
    assert_eq!(examples.len(), 15, "{examples:?}");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_aoplan"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("a directory").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for line in &examples {
        let out = std::process::Command::new("sh")
            .args(["-c", line])
            .env("PATH", &path)
            .env("AOPLAN_FILE", &dir.plan)
            .env("AOPLAN_CONFIG", dir.dir.path().join("no-config.ron"))
            .env("HOME", dir.dir.path())
            .env("LC_ALL", "C")
            .env("TZ", "UTC")
            .output()
            .expect("sh runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let listed = if line.contains("--json") {
            stdout.contains("\"id\":")
        } else {
            stdout.contains(" › ")
        };
        assert!(
            out.status.success() && listed,
            "{line}: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let help = dir.stdout(&["list", "--help"]);
    assert!(help.contains(aoplan::i18n::LIST_HELP_EN), "{help}");
}
