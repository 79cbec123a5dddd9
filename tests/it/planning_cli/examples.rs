//! The examples the planning commands' `--help` and the README give: each one
//! runs, in a shell, as a reader would type it.

use std::path::Path;
use std::process::{Command, Output};

use super::fixture;
use crate::support::plan_dir::PlanDir;

/// `sh -c LINE` in the fixture's directory, with the binary first on `PATH`.
fn shell(f: &PlanDir, line: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_aoplan"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
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
        .env("TZ", "UTC")
        .env("USER", "tester")
        .output()
        .expect("sh runs")
}

fn assert_runs(f: &PlanDir, line: &str) {
    let out = shell(f, line);
    assert!(
        out.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Each planning command, and what must happen before its examples can work.
const HELPS: [(&[&str], &[&str]); 12] = [
    (&["add"], &[]),
    (&["add", "project"], &[]),
    (&["add", "subtheme"], &[]),
    (&["add", "theme"], &[]),
    (&["edit"], &[]),
    (&["move"], &[]),
    (&["rm"], &[]),
    (&["restore"], &["aoplan rm maatwerk-e-learning-integriteit"]),
    (&["plan"], &[]),
    (&["show"], &[]),
    (&["set"], &[]),
    (&["changes"], &[]),
];

#[test]
fn the_help_examples_of_the_planning_commands_work() {
    for (command, before) in HELPS {
        let f = fixture();
        let help = f.stdout(&[command, &["--help"]].concat());
        let examples = help
            .split("\nExample")
            .nth(1)
            .unwrap_or_else(|| panic!("{command:?} has no examples: {help}"));
        let lines: Vec<&str> = examples
            .lines()
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .map(str::trim)
            .collect();
        assert!(!lines.is_empty(), "{command:?}");
        for line in &lines {
            assert!(
                line.contains("aoplan "),
                "{command:?}: a wrapped example? {line:?}"
            );
        }
        for line in before.iter().chain(&lines) {
            assert_runs(&f, line);
        }
    }
}

#[test]
fn every_planning_command_has_help_with_examples() {
    let f = fixture();
    for cmd in [
        &["add"][..],
        &["add", "project"],
        &["add", "subtheme"],
        &["add", "theme"],
        &["edit"],
        &["move"],
        &["rm"],
        &["restore"],
        &["plan"],
        &["show"],
        &["changes"],
    ] {
        let out = f.stdout(&[cmd, &["--help"]].concat());
        assert!(out.contains("Example"), "{cmd:?}: {out}");
    }
}

/// The command examples in the README's "Commands" section, run in order on a
/// copy of the bundled plan by a shell, as a reader would type them (those
/// naming another plan file aside): each one must work.
#[test]
fn the_readme_command_examples_work() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = readme
        .split("\n## ")
        .find(|s| s.starts_with("Commands\n"))
        .expect("a Commands section");
    let mut in_block = false;
    let mut examples: Vec<String> = Vec::new();
    let mut command = String::new();
    for line in section.lines() {
        if line.starts_with("```") {
            in_block = line == "```sh";
            continue;
        }
        if !in_block || (command.is_empty() && !line.starts_with("aoplan ")) {
            continue;
        }
        // A line ending in `\` goes on on the next one, as in a shell.
        match line.strip_suffix('\\') {
            Some(start) => command.push_str(start),
            None => {
                command.push_str(line);
                let whole = std::mem::take(&mut command);
                if !whole.contains("--file") {
                    examples.push(whole);
                }
            }
        }
    }
    assert!(examples.len() >= 15, "{examples:?}");
    let f = fixture();
    for example in &examples {
        assert_runs(&f, example);
    }
    let plan = f.load();
    assert!(plan.validate().is_empty());
    assert_eq!(plan.title, "Activiteitenplan 2026 (herzien)");
    assert!(plan.locate("podcastreeks-tegenspraak").is_some());
}
