//! The command line on the same plans, each command timed from spawn to exit:
//! `aoplan check` (load and validate), `aoplan set` and `aoplan add project`
//! (load, then a change durably saved: the file and its directory are fsynced
//! before the process ends). The difference between `check` and the others is
//! what saving costs. On a plan after a year of use (20 history entries per
//! project), `aoplan report --as-of` and `--compare`: the plan rebuilt as it
//! was at a date, and at two dates compared.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::pty::Res;
use super::scenarios::{Case, Measured};

/// Runs per command and plan.
const RUNS: usize = 10;

/// Runs `aoplan ARGS --file PLAN` once: how long it took and its stdout.
fn time(case: &Case, args: &[&str]) -> Res<(Duration, String)> {
    let home = case.path.parent().ok_or("plan without a directory")?;
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args(args)
        .arg("--file")
        .arg(&case.path)
        .env("HOME", home)
        .env("AOPLAN_CONFIG", home.join("no-config.ron"))
        .env("LANG", "en_US.UTF-8")
        .env("USER", "bench")
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("aoplan {args:?}: {e}"))?;
    let took = started.elapsed();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!("aoplan {args:?} failed: {err}"));
    }
    Ok((
        took,
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
    ))
}

/// Times `check`, `set` (alternating two statuses) and `add project` (into
/// the first sub-theme) [`RUNS`] times each, and checks that every id `add`
/// printed is on disk afterwards.
pub fn commands(case: &Case, m: &mut Measured) -> Res<()> {
    for _ in 0..RUNS {
        m.cli_check.push(time(case, &["check"])?.0);
    }
    // From a known status, so that every timed `set` changes it.
    time(case, &["set", &case.project, "Done"])?;
    for n in 0..RUNS {
        let status = if n % 2 == 0 { "InProgress" } else { "Done" };
        m.cli_set
            .push(time(case, &["set", &case.project, status])?.0);
    }
    let mut ids = Vec::with_capacity(RUNS);
    for n in 0..RUNS {
        let title = format!("Benchmark project {n}");
        let args = ["add", "project", "--in", &case.subtheme, "--title", &title];
        let (took, id) = time(case, &args)?;
        m.cli_add.push(took);
        ids.push(id);
    }
    on_disk(&case.path, &ids)
}

/// Times `report --as-of` and `report --compare` [`RUNS`] times each on
/// `plan` (written beside the case's plan), and checks what they print.
pub fn as_of_commands(case: &Case, plan: &aoplan::plan::Plan, m: &mut Measured) -> Res<()> {
    let home = case.path.parent().ok_or("plan without a directory")?;
    let path = home.join("history.ron");
    std::fs::write(&path, aoplan::codec::to_ron(plan)).map_err(|e| e.to_string())?;
    let history = Case {
        path,
        name: case.name.clone(),
        fund: case.fund.clone(),
        title: case.title.clone(),
        subtheme: case.subtheme.clone(),
        project: case.project.clone(),
    };
    for _ in 0..RUNS {
        m.cli_history_check.push(time(&history, &["check"])?.0);
    }
    for _ in 0..RUNS {
        let (took, out) = time(&history, &["report", "--as-of", "2026-06-30"])?;
        if !out.contains("As of 30 Jun 2026") {
            return Err(format!("report --as-of printed no date: {out:.200}"));
        }
        m.cli_as_of.push(took);
    }
    for _ in 0..RUNS {
        let args = ["report", "--compare", "2026-03-31", "2026-09-30"];
        let (took, out) = time(&history, &args)?;
        if !out.contains("Compared: 31 Mar 2026 → 30 Sep 2026") {
            return Err(format!("report --compare printed no dates: {out:.200}"));
        }
        m.cli_compare.push(took);
    }
    Ok(())
}

fn on_disk(path: &Path, ids: &[String]) -> Res<()> {
    let plan = aoplan::storage::load(path).map_err(|e| e.to_string())?;
    match ids.iter().find(|id| plan.locate(id).is_none()) {
        Some(missing) => Err(format!("{}: {missing} is not on disk", path.display())),
        None => Ok(()),
    }
}
