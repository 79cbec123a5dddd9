//! A plan file in its own temporary directory, and the real binary run against it
//! with a clean environment and no config file in reach.

#![allow(dead_code)]

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::process::Output;

use aoplan::plan::Plan;
use tempfile::TempDir;

pub struct PlanDir {
    pub dir: TempDir,
    pub plan: PathBuf,
}

impl PlanDir {
    pub fn new(plan: &Plan) -> PlanDir {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("plan.ron");
        fs::write(&path, aoplan::codec::to_ron(plan)).expect("write plan");
        PlanDir { dir, plan: path }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        assert_cmd::cargo::cargo_bin_cmd!("aoplan")
            .args(args)
            .env("AOPLAN_FILE", &self.plan)
            .env("AOPLAN_CONFIG", self.dir.path().join("no-config.ron"))
            .env("HOME", self.dir.path())
            .env("LC_ALL", "C")
            .env("TZ", "UTC")
            .env("USER", "tester")
            .output()
            .expect("aoplan runs")
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "aoplan {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// Runs a command that must fail with status 1 and returns its stderr.
    pub fn failure(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(1), "aoplan {args:?}");
        String::from_utf8(out.stderr).expect("UTF-8 errors")
    }

    pub fn bytes(&self) -> Vec<u8> {
        fs::read(&self.plan).expect("plan readable")
    }

    pub fn load(&self) -> Plan {
        aoplan::storage::load(&self.plan).expect("plan loads")
    }

    /// Content, inode and modification time: what shows whether the file was rewritten.
    pub fn version(&self) -> (Vec<u8>, u64, i64, i64) {
        let meta = fs::metadata(&self.plan).expect("plan exists");
        (self.bytes(), meta.ino(), meta.mtime(), meta.mtime_nsec())
    }
}
