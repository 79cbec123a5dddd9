//! A copy of the bundled plan, and `aoplan set` on one of its projects, for the
//! tests of what a save does on disk.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aoplan::storage::BUNDLED_PLAN;

/// The project the save tests change.
pub const PROJECT: &str = "programma-loyale-tegenspraak";

/// A temporary directory with a copy of the bundled plan in it.
pub fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED_PLAN).unwrap();
    (dir, path)
}

/// `aoplan set PROJECT STATUS --file PLAN`, in English, as user `tester`.
pub fn aoplan_set(plan: &Path, status: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aoplan"));
    cmd.args(["set", PROJECT, status, "--file"])
        .arg(plan)
        .env("USER", "tester")
        .env("LC_ALL", "C")
        .env("TZ", "UTC");
    cmd
}

pub fn set(plan: &Path, status: &str) -> Output {
    aoplan_set(plan, status).output().expect("run aoplan")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}
