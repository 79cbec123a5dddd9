//! End-to-end: the real binary in a pseudo-terminal, driven as a person would.

use crate::support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aoplan::plan::{Plan, Status};
use support::journal::journal_files;
use support::pty::Session;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

fn plan_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED).unwrap();
    (dir, path)
}

fn on_disk(path: &Path) -> Plan {
    aoplan::storage::load(path).expect("the plan on disk loads")
}

fn status(plan: &Plan, id: &str) -> Option<Status> {
    plan.project(plan.locate(id).unwrap())
        .unwrap()
        .status_in(2026)
}

fn history_len(plan: &Plan, id: &str) -> usize {
    plan.project(plan.locate(id).unwrap())
        .unwrap()
        .history
        .len()
}

/// Waits until the file on disk satisfies `pred`.
fn wait_disk(path: &Path, what: &str, pred: impl Fn(&Plan) -> bool) {
    let start = Instant::now();
    while !pred(&on_disk(path)) {
        assert!(
            start.elapsed() < support::pty::TIMEOUT,
            "timed out waiting for {what} on disk"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

const PAR: &str = "agressieregistratiesysteem-par";

#[test]
fn search_jump_set_status_undo_and_quit() {
    let (_dir, path) = plan_copy();
    let mut s = Session::start(&path, &[], 120, 40);
    let first = s.wait_text("Programma rondom Loyale Tegenspraak");
    assert!(first.contains("A&O-fonds Provincies"), "{first}");
    assert!(first.contains("Activiteitenplan 2026"), "{first}");
    assert!(s.alternate_screen());

    s.send("/agressie");
    s.wait_text("Provinciaal Agressieregistratiesysteem (PAR)");
    s.send("\r");
    // Jumped: the details pane shows the project's own text.
    s.wait_text("Aanbieden van het Provinciaal");

    s.send("s");
    s.wait_text("Status 2026");
    s.send("3");
    s.wait_text("Saved");
    let plan = on_disk(&path);
    assert_eq!(status(&plan, PAR), Some(Status::Done));
    let entry = plan
        .project(plan.locate(PAR).unwrap())
        .unwrap()
        .history
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (entry.by.as_str(), entry.year, entry.from, entry.to),
        ("tester", 2026, Some(Status::Planned), Some(Status::Done))
    );

    s.send("u");
    wait_disk(&path, "the undo", |p| {
        status(p, PAR) == Some(Status::Planned) && history_len(p, PAR) == 2
    });

    s.send("q");
    assert!(s.wait_exit().success());
    // The alternate screen was left and the cursor shown again.
    std::thread::sleep(Duration::from_millis(100));
    assert!(!s.alternate_screen());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(raw.contains("\x1b[?25h"), "showed the cursor");
}

#[test]
fn sighup_after_an_edit_keeps_the_edit() {
    let (_dir, path) = plan_copy();
    let mut s = Session::start(&path, &[], 100, 30);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    s.send("3");
    s.send("s");
    s.wait_text("Status 2026");
    s.send("4");
    s.wait_text("Saved");
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(s.pid(), libc::SIGHUP) };
    let status = s.wait_exit();
    assert!(!status.success());
    let plan = on_disk(&path);
    assert_eq!(super_status(&plan), Some(Status::OnHold));
}

fn super_status(plan: &Plan) -> Option<Status> {
    status(plan, "programma-loyale-tegenspraak")
}

/// CPU time (user + system, in clock ticks) the process has used.
fn cpu_ticks(pid: i32) -> u64 {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // The fields after the command name, which is in parentheses.
    let after = &stat[stat.rfind(')').expect("a command name") + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

/// An idle UI sleeps: its own looks at the plan (each opens the file) and a
/// colleague reading the plan must not wake it into looking again and again.
/// A busy loop uses a whole core (about 300 ticks in these 3 s); an idle UI
/// a handful.
#[test]
fn an_idle_ui_uses_no_cpu_while_others_read_the_plan() {
    let (_dir, path) = plan_copy();
    let mut s = Session::start(&path, &[], 100, 30);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    let before = cpu_ticks(s.pid());
    for _ in 0..3 {
        // A colleague's `aoplan find`, a backup, `cat`: opened, read, closed.
        fs::read(&path).unwrap();
        std::thread::sleep(Duration::from_secs(1));
    }
    let used = cpu_ticks(s.pid()) - before;
    assert!(used < 60, "the idle UI used {used} ticks of CPU in 3 s");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_tiny_terminal_gets_a_message_not_a_panic() {
    let (_dir, path) = plan_copy();
    let mut s = Session::start(&path, &[], 20, 6);
    let screen = s.wait_for("the too-small message", |sc| {
        sc.contains("small") || sc.contains("60")
    });
    assert!(!screen.contains("panicked"), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
}

/// A hand-edited plan with a comment: the UI says on opening that the next
/// save drops it.
#[test]
fn a_plan_with_comments_warns_when_it_opens() {
    let (_dir, path) = plan_copy();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("(\n", "(\n    // notitie\n", 1)).unwrap();
    let mut s = Session::start(&path, &["--lang", "en"], 160, 30);
    let screen = s.wait_text("has a comment");
    assert!(screen.contains(":2:5"), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn hang_up_without_sighup_still_exits_and_keeps_half_typed_notes() {
    let (dir, path) = plan_copy();
    let aoplan = env!("CARGO_BIN_EXE_aoplan");
    let script = format!("trap '' HUP; exec '{aoplan}' --file '{}'", path.display());
    let argv = ["/bin/sh".to_string(), "-c".into(), script];
    let mut s = Session::spawn(&argv, dir.path(), 100, 30, &[]);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    s.send("3");
    s.send("e");
    s.send("half getypt ë 🙂");
    s.wait_text("half getypt");
    let closed = Instant::now();
    s.hang_up();
    s.wait_exit();
    eprintln!("exited {:?} after the hang-up", closed.elapsed());
    assert_eq!(
        fs::read(&path).unwrap(),
        BUNDLED.as_bytes(),
        "nothing half-written"
    );
    assert!(
        !dir.path().join(".plan.ron.recover").exists(),
        "nothing private is left beside the shared plan"
    );
    let journal = journal_files(dir.path());
    assert_eq!(
        journal.len(),
        1,
        "one journal in the user's state directory"
    );
    let mode = fs::metadata(&journal[0]).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "readable by this user only");

    // The next start offers it; Enter keeps it, and it is saved as the notes.
    let mut s = Session::start(&path, &[], 100, 30);
    s.wait_text("Recovered unsaved input");
    s.send("\r");
    wait_disk(&path, "the recovered notes", |p| {
        p.project(p.locate("programma-loyale-tegenspraak").unwrap())
            .unwrap()
            .notes
            == "half getypt ë 🙂"
    });
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(journal_files(dir.path()).is_empty(), "dealt with: removed");
}

#[test]
fn changes_by_others_show_up_and_both_sides_are_kept() {
    let (_dir, path) = plan_copy();
    let mut s = Session::start(&path, &[], 120, 40);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    let set = |id: &str, st: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aoplan"))
            .args(["--file", path.to_str().unwrap(), "set", id, st])
            .env("USER", "other")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let changed = Instant::now();
    set("programma-loyale-tegenspraak", "done");
    s.wait_text("Plan changed on disk");
    eprintln!("seen after {:?}", changed.elapsed());
    assert!(
        changed.elapsed() < Duration::from_secs(3),
        "noticed within about 2 s"
    );
    s.wait_for("the new status in the list", |sc| {
        sc.lines()
            .any(|l| l.contains("Programma rondom Loyale Tegenspraak") && l.contains("Done"))
    });
    // An edit in the UI to another project keeps the other's change.
    s.send("2j3");
    s.send("s");
    s.wait_text("Status 2026");
    s.send("5");
    s.wait_text("Saved");
    let plan = on_disk(&path);
    assert_eq!(
        status(&plan, "programma-loyale-tegenspraak"),
        Some(Status::Done)
    );
    assert_eq!(
        status(&plan, "politiek-bestuurlijk-voortzetting"),
        Some(Status::Cancelled)
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn same_field_conflict_later_save_wins_with_a_notice() {
    let (_dir, path) = plan_copy();
    // Watching off, so the UI saves over a version it has not seen.
    let mut s = Session::start_with_env(&path, &[], 120, 40, &[("AOPLAN_WATCH_MS", "0")]);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args([
            "--file",
            path.to_str().unwrap(),
            "set",
            "programma-loyale-tegenspraak",
            "done",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    s.send("3");
    s.send("s");
    s.wait_text("Status 2026");
    s.send("4");
    s.wait_text("was also changed by someone else (was: Done)");
    let plan = on_disk(&path);
    assert_eq!(super_status(&plan), Some(Status::OnHold));
    assert_eq!(
        history_len(&plan, "programma-loyale-tegenspraak"),
        2,
        "both changes are in the history"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_broken_file_on_disk_is_never_saved_over() {
    let (_dir, path) = plan_copy();
    let mut s = Session::start_with_env(&path, &[], 120, 40, &[("AOPLAN_WATCH_MS", "200")]);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    // Someone saves a half-edited file from another editor.
    let broken = BUNDLED.replacen("owner: \"\",", "owner: \"unfinished,", 1);
    fs::write(&path, &broken).unwrap();
    s.wait_text("no longer loads");
    // The last good plan stays on screen and an edit is kept in memory, not saved.
    s.send("3");
    s.send("s");
    s.wait_text("Status 2026");
    s.send("3");
    s.wait_text("not saved: the file on disk was changed and no longer loads");
    s.wait_text("1 unsaved change");
    assert_eq!(
        fs::read(&path).unwrap(),
        broken.as_bytes(),
        "the broken file is untouched"
    );
    // Once the file is fixed, the next save goes through with the edit.
    fs::write(&path, BUNDLED).unwrap();
    s.wait_text("Plan changed on disk");
    wait_disk(&path, "the kept edit", |p| {
        super_status(p) == Some(Status::Done)
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn read_only_refuses_edits_and_never_writes() {
    let (dir, path) = plan_copy();
    let mut s = Session::start(&path, &["--read-only"], 120, 40);
    s.wait_text("READ-ONLY");
    s.send("3");
    s.send("s");
    s.wait_text("Read-only: changes are disabled");
    s.send("e");
    s.send("q");
    assert!(s.wait_exit().success());
    assert_eq!(fs::read(&path).unwrap(), BUNDLED.as_bytes());
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "no lock, backup or temporary files: {names:?}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let (_dir, path) = plan_copy();
    let mut s = Session::start(&path, &[], 100, 30);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(s.pid(), libc::SIGTERM) };
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15);
    std::thread::sleep(Duration::from_millis(100));
    assert!(!s.alternate_screen());
}

#[test]
fn multi_line_notes_keep_their_line_breaks_through_an_edit() {
    let (_dir, path) = plan_copy();
    let mut plan = on_disk(&path);
    let loc = plan.locate("programma-loyale-tegenspraak").unwrap();
    plan.project_mut(loc).unwrap().notes = "regel een\nregel twee".into();
    fs::write(&path, aoplan::codec::to_ron(&plan)).unwrap();
    let notes = |p: &Plan| {
        p.project(p.locate("programma-loyale-tegenspraak").unwrap())
            .unwrap()
            .notes
            .clone()
    };
    let mut s = Session::start(&path, &[], 100, 30);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    s.send("3");
    // Open and commit unchanged, then save something else: the notes stay.
    s.send("e");
    s.wait_text("Edit notes");
    s.send("\r");
    s.send("s");
    s.wait_text("Status 2026");
    s.send("4");
    wait_disk(&path, "the status", |p| {
        super_status(p) == Some(Status::OnHold)
    });
    assert_eq!(notes(&on_disk(&path)), "regel een\nregel twee");
    // Type on the last line and break it with Ctrl-j: every line break is kept.
    s.send("e");
    s.wait_text("Edit notes");
    s.send(" ok\nderde");
    s.wait_text("derde");
    s.send("\r");
    wait_disk(&path, "the edited notes", |p| {
        notes(p) == "regel een\nregel twee ok\nderde"
    });
    s.send("q");
    assert!(s.wait_exit().success());
}
