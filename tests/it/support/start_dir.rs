//! A directory for new plans, and the real binary run in it with a clean
//! environment whose home, data and config directories are inside it.

#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;
use std::process::Output;

/// `--fund F --title "Plan 2027" --year 2027`.
pub const NEW: [&str; 6] = ["--fund", "F", "--title", "Plan 2027", "--year", "2027"];

/// A temporary directory to run `aoplan` in.
pub struct Dir(pub tempfile::TempDir);

impl Dir {
    pub fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    pub fn run_with(&self, args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
        let home = self.0.path();
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("aoplan");
        cmd.current_dir(home)
            .env_clear()
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("AOPLAN_CONFIG", home.join("no-config.ron"))
            .env("LANG", "en_US.UTF-8")
            .env("TZ", "UTC")
            .env("USER", "tester")
            .args(args)
            .write_stdin(stdin);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, b"", &[])
    }

    /// Runs a command that must succeed; its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    /// Runs a command that must exit with `code`; its stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            text(&out.stdout)
        );
        text(&out.stderr)
    }

    /// The names in the directory, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.0.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}
