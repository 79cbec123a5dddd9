//! The real UI in a pseudo-terminal leaves nothing of its own in the plan's
//! shared directory, however it ends: only the plan, its backup and the lock
//! file (both documented as permanent) stay.

use std::fs;
use std::path::{Path, PathBuf};

use crate::lock::Holder;
use crate::support::pty::Session;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

/// The plan in a directory of its own, and a home outside it (the journal of
/// unsaved edits goes there, never beside the plan).
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("shared");
    let home = root.path().join("home");
    fs::create_dir(&shared).unwrap();
    fs::create_dir(&home).unwrap();
    let path = shared.join("plan.ron");
    fs::write(&path, BUNDLED).unwrap();
    (root, path, home)
}

fn start(path: &Path, home: &Path, env: &[(&str, &str)]) -> Session {
    let home = home.display().to_string();
    let mut all = vec![("HOME", home.as_str()), ("AOPLAN_CONFIG", "/nonexistent")];
    all.extend_from_slice(env);
    let s = Session::start_with_env(path, &[], 120, 40, &all);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    s
}

/// The names in the plan's directory, sorted.
fn names(path: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const LEFT: [&str; 3] = [".plan.ron.lock", "plan.ron", "plan.ron.bak"];

/// Sets the selected project's status and waits until it is saved; the
/// workspace a save writes in is there while the UI runs.
fn save_once(s: &mut Session, path: &Path, key: &str) {
    s.send(&format!("3s{key}"));
    s.wait_text("Saved");
    assert!(
        names(path).iter().any(|n| n.ends_with(".tmp")),
        "a save's workspace is kept while the UI runs: {:?}",
        names(path)
    );
}

#[test]
fn quitting_after_a_save_leaves_only_the_plan_its_backup_and_the_lock() {
    // q, Ctrl-c, and the signals that end a session.
    let ends: [(&str, Option<i32>); 5] = [
        ("q", None),
        ("\x03", None),
        ("", Some(libc::SIGTERM)),
        ("", Some(libc::SIGINT)),
        ("", Some(libc::SIGHUP)),
    ];
    for (keys, signal) in ends {
        let (_root, path, home) = setup();
        let mut s = start(&path, &home, &[]);
        save_once(&mut s, &path, "3");
        if let Some(sig) = signal {
            // SAFETY: signalling our own child.
            unsafe { libc::kill(s.pid(), sig) };
        } else {
            s.send(keys);
        }
        s.wait_exit();
        assert_eq!(names(&path), LEFT, "after {keys:?} / {signal:?}");
        assert_ne!(fs::read_to_string(&path).unwrap(), BUNDLED, "saved");
    }
}

#[test]
fn a_hang_up_after_a_save_leaves_nothing_either() {
    let (_root, path, home) = setup();
    let mut s = start(&path, &home, &[]);
    save_once(&mut s, &path, "3");
    s.hang_up();
    s.wait_exit();
    assert_eq!(names(&path), LEFT);
}

#[test]
fn quitting_after_a_failed_save_leaves_nothing_either() {
    let (_root, path, home) = setup();
    let mut s = start(&path, &home, &[("AOPLAN_LOCK_TIMEOUT_MS", "300")]);
    save_once(&mut s, &path, "3");
    let saved = fs::read_to_string(&path).unwrap();
    // Another writer holds the lock: the next save, and the one at quitting,
    // give up; the edit goes to the journal in the user's home.
    let holder = Holder::start(&path.with_file_name(".plan.ron.lock"));
    s.send("s4");
    s.wait_text("not saved");
    s.send("q");
    // Quitting tries to save once more; when that fails it asks first.
    s.wait_text("Quit and discard the changes?");
    s.send("Q");
    assert!(s.wait_exit().success());
    assert_eq!(names(&path), LEFT);
    assert_eq!(fs::read_to_string(&path).unwrap(), saved, "untouched");
    let kept = crate::support::journal::journal_files(&home);
    assert_eq!(kept.len(), 1, "the edit is kept in the user's journal");
    holder.kill();
}
