//! The README's examples of looking back at the plan: the commands it gives
//! run, and the outputs it shows are true.

use super::year;
use crate::support::plan_dir::PlanDir;

/// `sh -c LINE` with the binary first on `PATH`, on `dir`'s plan.
fn shell(dir: &PlanDir, line: &str) -> std::process::Output {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_aoplan"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    std::process::Command::new("sh")
        .args(["-c", line])
        .current_dir(dir.dir.path())
        .env("PATH", &path)
        .env("AOPLAN_FILE", &dir.plan)
        .env("AOPLAN_CONFIG", dir.dir.path().join("no-config.ron"))
        .env("HOME", dir.dir.path())
        .env("LC_ALL", "C")
        .env("USER", "tester")
        .output()
        .expect("sh runs")
}

/// The README's examples of looking back: the commands run on the bundled
/// plan, and the outputs it shows are those of the plan with a year of history.
#[test]
fn the_readme_examples_of_looking_back_are_true() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = (readme.split("\n## "))
        .find(|s| s.starts_with("Reports for the board\n"))
        .expect("a reports section");
    let blocks: Vec<(&str, Vec<&str>)> = section
        .split("```")
        .skip(1)
        .step_by(2)
        .filter_map(|b| b.split_once('\n'))
        .map(|(kind, body)| (kind, body.lines().collect()))
        .collect();
    let bundled = PlanDir::new(&aoplan::codec::parse(aoplan::storage::BUNDLED_PLAN).unwrap());
    let commands: Vec<&str> = (blocks.iter())
        .filter(|(kind, _)| *kind == "sh")
        .flat_map(|(_, lines)| lines.iter().copied())
        .filter(|l| l.contains("--as-of") || l.contains("--compare") || l.contains("--by"))
        .collect();
    assert_eq!(commands.len(), 4, "{commands:?}");
    for command in commands {
        let out = shell(&bundled, command);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !out.stdout.is_empty(),
            "{command}: {err}"
        );
    }
    let history = year();
    let shown: Vec<&Vec<&str>> = (blocks.iter())
        .filter(|(kind, lines)| {
            *kind == "text" && lines.first().is_some_and(|l| l.contains("report --"))
        })
        .map(|(_, lines)| lines)
        .collect();
    assert_eq!(shown.len(), 2);
    for lines in shown {
        let command = lines[0].strip_prefix("$ ").expect("a prompt");
        let out = shell(&history, command);
        assert!(out.status.success(), "{command}");
        let got = String::from_utf8(out.stdout).unwrap();
        assert_eq!(got.lines().collect::<Vec<_>>(), lines[1..], "{command}");
    }
}
