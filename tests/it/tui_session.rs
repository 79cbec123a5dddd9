//! End-to-end, in a pseudo-terminal: the UI among colleagues. It never waits for
//! another writer's lock, sees their changes at once, redraws on every resize,
//! and keeps what it could not save in the user's own journal.

use crate::support;

use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use aoplan::plan::{Plan, Status};
use support::journal::journal_files;
use support::pty::Session;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");
const LOYALE: &str = "programma-loyale-tegenspraak";

fn plan_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED).unwrap();
    (dir, path)
}

fn status(path: &Path, id: &str) -> Option<Status> {
    let plan: Plan = aoplan::storage::load(path).expect("the plan on disk loads");
    plan.project(plan.locate(id).unwrap())
        .unwrap()
        .status_in(2026)
}

/// Another process holding the plan's lock (`flock(1)`, as any other writer's
/// `flock(2)`), with its name recorded in the lock file, until killed.
struct LockHolder(Child);

impl LockHolder {
    fn start(plan: &Path, seconds: u32) -> LockHolder {
        let lock = plan.with_file_name(".plan.ron.lock");
        fs::write(&lock, "hanna (pid 4242) since 2026-03-14T09:21:05Z").unwrap();
        // `-o`: the lock stays with flock itself, so killing it releases the lock.
        let mut child = Command::new("flock")
            .arg("-o")
            .arg(&lock)
            .args(["sh", "-c", &format!("echo locked; exec sleep {seconds}")])
            .stdout(Stdio::piped())
            .spawn()
            .expect("flock(1) from util-linux");
        let out = child.stdout.take().unwrap();
        let locked = BufReader::new(out)
            .lines()
            .any(|l| l.is_ok_and(|l| l == "locked"));
        assert!(locked, "the holder took the lock");
        LockHolder(child)
    }

    fn wait(mut self) {
        self.0.wait().unwrap();
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The screen's words in one line, so a message the footer wrapped still matches.
fn flat(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The time from each key to the screen showing its effect.
fn key_latencies(s: &mut Session, keys: &[&str]) -> Vec<Duration> {
    keys.iter()
        .map(|key| {
            let before = s.screen();
            s.send_now(key);
            let took = s.time_until("the key's effect", |now| now != before);
            std::thread::sleep(Duration::from_millis(30));
            took
        })
        .collect()
}

#[test]
fn keys_search_and_navigation_keep_working_while_another_process_holds_the_lock() {
    let (dir, path) = plan_copy();
    let mut s = Session::start(&path, &[], 100, 30);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    let holder = LockHolder::start(&path, 5);
    s.send("3s4");
    s.wait_text("waiting for hanna (pid 4242)");
    // Left and right move the focus between panes, which the borders show.
    let times = key_latencies(&mut s, &["\x1b[D", "\x1b[C"].repeat(5));
    eprintln!("key to screen while the lock is held: {times:?}");
    assert!(
        median(times) < Duration::from_millis(16),
        "the UI answers keys at once while a save waits"
    );
    s.send("/");
    s.send("kwalen");
    s.wait_text("Ontwikkeling van het kwalen-kwartet");
    s.send("\x1b");
    assert_eq!(status(&path, LOYALE), Some(Status::Planned), "not yet");
    holder.wait();
    s.wait_text("Saved");
    assert_eq!(status(&path, LOYALE), Some(Status::OnHold));
    s.send("q");
    assert!(s.wait_exit().success());
    drop(dir);
}

#[test]
fn changes_by_others_show_within_200_ms_while_the_user_keeps_typing() {
    let (_dir, path) = plan_copy();
    let mut s = Session::start(&path, &[], 100, 30);
    s.wait_text("0/76 done");
    let started = Instant::now();
    let mut set = Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args(["--file", path.to_str().unwrap(), "set", LOYALE, "done"])
        .env("HOME", path.parent().unwrap())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // Keep the UI busy the whole time: a key every 20 ms that changes nothing shown
    // in the header.
    let mut saved_at = None;
    let mut seen_at = None;
    let mut left = true;
    while seen_at.is_none() && started.elapsed() < support::pty::TIMEOUT {
        s.send_now(if left { "\x1b[D" } else { "\x1b[C" });
        left = !left;
        if saved_at.is_none() && set.try_wait().unwrap().is_some() {
            saved_at = Some(Instant::now());
        }
        if saved_at.is_some() && s.screen().contains("1/76 done") {
            seen_at = Some(Instant::now());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(set.wait().unwrap().success());
    let took = seen_at.expect("the change showed") - saved_at.expect("set finished");
    eprintln!("an outside change showed after {took:?} while typing");
    assert!(took < Duration::from_millis(200), "{took:?}");
}

#[test]
fn resizing_into_and_out_of_too_small_redraws_at_once() {
    let (_dir, path) = plan_copy();
    let mut s = Session::start(&path, &[], 100, 30);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    // The fastest of three rounds: one slow round says the machine was busy,
    // three slow ones that the redraw waits for something (a tick, a key).
    let (mut fastest_small, mut fastest_back) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        s.resize(40, 10);
        let small = s.time_until("too small", |t| t.contains("terminal too small"));
        s.resize(100, 30);
        let back = s.time_until("the panes", |t| t.contains("Sub-themes"));
        s.resize(80, 24);
        let other = s.time_until("80 columns", |t| {
            t.contains("Sub-themes") && t.lines().next().is_some_and(|l| l.chars().count() <= 80)
        });
        s.resize(100, 30);
        eprintln!("redrawn after {small:?} (too small), {back:?} (back), {other:?} (80×24)");
        fastest_small = fastest_small.min(small);
        fastest_back = fastest_back.min(back);
    }
    s.time_until("the last redraw", |t| {
        t.contains("Sub-themes") && t.lines().next().is_some_and(|l| l.chars().count() > 80)
    });
    assert!(
        fastest_small < Duration::from_millis(150),
        "{fastest_small:?}"
    );
    assert!(
        fastest_back < Duration::from_millis(150),
        "{fastest_back:?}"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn an_edit_that_could_not_be_saved_at_a_hang_up_is_kept_for_that_user_only() {
    let (dir, path) = plan_copy();
    let home = dir.path().join("anna");
    let other = dir.path().join("bert");
    fs::create_dir_all(&home).unwrap();
    fs::create_dir_all(&other).unwrap();
    let env = |home: &Path| -> Vec<(String, String)> {
        vec![
            ("HOME".into(), home.display().to_string()),
            ("AOPLAN_LOCK_TIMEOUT_MS".into(), "300".into()),
        ]
    };
    let start = |home: &Path| {
        let env = env(home);
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        Session::start_with_env(&path, &[], 100, 30, &env)
    };
    let holder = LockHolder::start(&path, 120);
    let mut s = start(&home);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    s.send("3s3");
    s.wait_text("1 unsaved change");
    s.hang_up();
    s.wait_exit();
    assert_eq!(fs::read(&path).unwrap(), BUNDLED.as_bytes(), "not saved");
    let kept = journal_files(&home);
    assert_eq!(kept.len(), 1, "kept in anna's journal");
    assert_eq!(
        fs::metadata(&kept[0]).unwrap().permissions().mode() & 0o777,
        0o600
    );
    drop(holder);

    // Bert opens the plan: nothing of Anna's is offered or applied.
    let mut s = start(&other);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!s.screen().contains("earlier session"), "{}", s.screen());
    s.send("q");
    assert!(s.wait_exit().success());
    assert_eq!(fs::read(&path).unwrap(), BUNDLED.as_bytes());

    // Anna again: the edit is applied through the normal save and the journal goes.
    let mut s = start(&home);
    s.wait_for("the journal applied", |t| {
        flat(t).contains("1 unsaved change from an earlier session applied again")
    });
    s.wait_text("Saved");
    assert_eq!(status(&path, LOYALE), Some(Status::Done));
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(journal_files(&home).is_empty());
}

#[test]
fn read_only_leaves_the_journal_alone_and_says_where_it_is() {
    let (dir, path) = plan_copy();
    let env = [("AOPLAN_LOCK_TIMEOUT_MS", "300")];
    let holder = LockHolder::start(&path, 120);
    let mut s = Session::start_with_env(&path, &[], 100, 30, &env);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    s.send("3s2");
    s.wait_text("1 unsaved change");
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(s.pid(), libc::SIGTERM) };
    s.wait_exit();
    drop(holder);
    assert_eq!(journal_files(dir.path()).len(), 1);

    let mut s = Session::start_with_env(&path, &["--read-only"], 100, 30, &env);
    s.wait_for("where the journal is", |t| {
        flat(t).contains("open the plan without --read-only to apply them")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    assert_eq!(journal_files(dir.path()).len(), 1, "still there");
    assert_eq!(fs::read(&path).unwrap(), BUNDLED.as_bytes());
}
