//! The command line on the same plans, each command timed from spawn to exit:
//! `aoplan check` (load and validate), `aoplan set` and `aoplan add project`
//! (load, then a change durably saved: the file and its directory are fsynced
//! before the process ends). The difference between `check` and the others is
//! what saving costs.

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

fn on_disk(path: &Path, ids: &[String]) -> Res<()> {
    let plan = aoplan::storage::load(path).map_err(|e| e.to_string())?;
    match ids.iter().find(|id| plan.locate(id).is_none()) {
        Some(missing) => Err(format!("{}: {missing} is not on disk", path.display())),
        None => Ok(()),
    }
}
