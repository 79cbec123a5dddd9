//! What a save guarantees on disk: mode, symlinks and backup kept, hard links and
//! read-only files refused, nothing left behind by a failed write, leftovers of
//! killed writers never in the way, and an honest message for each kind of thing
//! that is not a plan file.

use crate::support;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

use aoplan::storage::{BUNDLED_PLAN, ReadOnlyReason, Store};
use support::pty::Session;
use support::set_cli::{PROJECT, aoplan_set, fixture, is_root, set, stderr};

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_file_mode_is_kept() {
    let (_dir, path) = fixture();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    assert!(set(&path, "done").status.success());
    assert_ne!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
    assert_eq!(fs::metadata(&path).unwrap().mode() & 0o7777, 0o640);
}

#[test]
fn a_symlink_stays_a_symlink_and_its_target_is_updated() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("shared")).unwrap();
    let target = dir.path().join("shared/plan.ron");
    fs::write(&target, BUNDLED_PLAN).unwrap();
    let link = dir.path().join("mijn-plan.ron");
    std::os::unix::fs::symlink("shared/plan.ron", &link).unwrap();

    assert!(set(&link, "done").status.success());
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("shared/plan.ron"));
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .contains("status: {2026: Done}")
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("shared/plan.ron.bak")).unwrap(),
        BUNDLED_PLAN
    );
}

#[test]
fn the_backup_holds_the_previous_version() {
    let (_dir, path) = fixture();
    assert!(set(&path, "done").status.success());
    let backup = path.with_file_name("plan.ron.bak");
    assert_eq!(fs::read_to_string(&backup).unwrap(), BUNDLED_PLAN);
    let first_save = fs::read(&path).unwrap();
    assert!(set(&path, "on-hold").status.success());
    assert_eq!(fs::read(&backup).unwrap(), first_save);
}

#[test]
fn a_hard_linked_plan_is_refused_and_left_alone() {
    let (dir, path) = fixture();
    let twin = dir.path().join("twin.ron");
    fs::hard_link(&path, &twin).unwrap();
    let (store, _) = Store::open(&path).unwrap();
    let why = store.read_only_reason().expect("refused").to_string();
    assert!(why.contains("2 hard links"), "{why}");

    let out = set(&path, "done");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("hard links"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
    assert_eq!(
        fs::metadata(&path).unwrap().ino(),
        fs::metadata(&twin).unwrap().ino()
    );
}

#[test]
fn read_only_is_refused_when_asked_for_or_set_on_the_file_or_directory() {
    let (dir, path) = fixture();
    let out = aoplan_set(&path, "done")
        .arg("--read-only")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "aoplan: not saved: opened read-only (--read-only)\n"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);

    // No write bit at all: read-only for everyone, root included (like vim's readonly).
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let out = set(&path, "done");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "aoplan: not saved: {} is read-only: its permissions (0444) allow nobody to write it, so aoplan \
             does not either, even as root; make it writable (chmod u+w) to save\n",
            path.display()
        )
    );
    let (store, _) = Store::open(&path).unwrap();
    assert!(matches!(
        store.read_only_reason(),
        Some(ReadOnlyReason::NoWriteBits { mode, .. }) if mode & 0o777 == 0o444
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
    assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o444);
    // Re-evaluated on each call: writable again, saving is possible again.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(store.read_only_reason(), None);

    if is_root() {
        eprintln!("note: running as root, which may write anything; skipping the access checks");
        return;
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o404)).unwrap();
    assert!(stderr(&set(&path, "done")).contains("is not writable"));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let out = set(&path, "done");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert!(stderr(&out).contains("directory"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
}

#[test]
fn a_failed_write_leaves_the_file_the_last_backup_and_no_temporary_files() {
    let (dir, path) = fixture();
    let backup = dir.path().join("plan.ron.bak");
    fs::write(&backup, "the last good backup").unwrap();
    let mut cmd = aoplan_set(&path, "done");
    // SAFETY: setrlimit and signal are async-signal-safe and touch only this child.
    unsafe {
        cmd.pre_exec(|| {
            // Files may not grow past 16 KiB: writing the 60 KB plan fails with EFBIG
            // (the signal that would otherwise kill the process is ignored).
            let limit = libc::rlimit {
                rlim_cur: 16 * 1024,
                rlim_max: 16 * 1024,
            };
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("aoplan: not saved: {}: File too large\n", path.display())
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
    assert_eq!(fs::read_to_string(&backup).unwrap(), "the last good backup");
    assert_eq!(
        names_in(dir.path()),
        [".plan.ron.lock", "plan.ron", "plan.ron.bak"]
    );
}

#[test]
fn the_backup_is_the_previous_version_and_its_link_never_blocks_a_save() {
    let (dir, path) = fixture();
    assert!(set(&path, "done").status.success());
    let backup = dir.path().join("plan.ron.bak");
    assert_eq!(fs::read_to_string(&backup).unwrap(), BUNDLED_PLAN);
    assert_eq!(
        fs::metadata(&path).unwrap().nlink(),
        1,
        "the plan has one name again"
    );

    // A save killed between linking the backup and replacing the plan leaves the
    // backup as a second name of the plan; that must not count as a foreign hard link.
    fs::remove_file(&backup).unwrap();
    fs::hard_link(&path, &backup).unwrap();
    let (store, _) = Store::open(&path).unwrap();
    assert_eq!(store.read_only_reason(), None);
    let before = fs::read_to_string(&path).unwrap();
    assert!(set(&path, "lopend").status.success());
    assert_eq!(fs::read_to_string(&backup).unwrap(), before);
    let plan = aoplan::storage::load(&path).unwrap();
    let project = plan.project(plan.locate(PROJECT).unwrap()).unwrap();
    assert_eq!(
        project.status_in(2026),
        Some(aoplan::plan::Status::InProgress)
    );
}

#[test]
fn a_killed_writers_leftovers_never_block_and_are_cleared() {
    let (dir, path) = fixture();
    let d = dir.path();
    // What writers killed mid-save leave: an older version's backup link (a second
    // name of the plan), a half-written temporary file of a process that is gone,
    // and an older version's temporary file.
    fs::hard_link(&path, d.join(".plan.ron.bak.tmp")).unwrap();
    fs::write(d.join(".plan.ron.99999999.Ab12Cd.tmp"), "(half").unwrap();
    fs::write(d.join(".plan.ron.x7Yz9Q.tmp"), "").unwrap();
    assert_eq!(fs::metadata(&path).unwrap().nlink(), 2);

    let (store, _) = Store::open(&path).unwrap();
    assert_eq!(store.read_only_reason(), None, "the UI opens writable");
    let mut ui = Session::start(&path, &[], 120, 40);
    ui.wait_text("Programma rondom Loyale Tegenspraak");
    assert!(!ui.screen().contains("READ-ONLY"), "{}", ui.screen());
    ui.send("q");
    assert!(ui.wait_exit().success());

    let out = set(&path, "done");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("status: {2026: Done}")
    );
    assert_eq!(
        names_in(d),
        [".plan.ron.lock", "plan.ron", "plan.ron.bak"],
        "the leftovers are gone"
    );
    assert_eq!(
        fs::read_to_string(d.join("plan.ron.bak")).unwrap(),
        BUNDLED_PLAN
    );
    assert_eq!(fs::metadata(&path).unwrap().nlink(), 1);
}

/// `aoplan ARGS --file PLAN`: status 1, nothing on stdout, and exactly `message`.
fn assert_message(args: &[&str], plan: &Path, message: String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args(args)
        .arg("--file")
        .arg(plan)
        .env("USER", "tester")
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
    assert!(out.stdout.is_empty(), "{args:?}");
    assert_eq!(stderr(&out), format!("aoplan: {message}\n"), "{args:?}");
}

#[test]
fn a_directory_a_fifo_and_a_symlink_loop_each_get_their_own_message() {
    let dir = tempfile::tempdir().unwrap();
    let set = ["set", PROJECT, "done"];

    let folder = dir.path().join("folder.ron");
    fs::create_dir(&folder).unwrap();
    let is_dir = format!("{}: is a directory, not a plan file", folder.display());
    assert_message(&["check"], &folder, is_dir.clone());
    assert_message(&set, &folder, is_dir);

    let fifo = dir.path().join("fifo.ron");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let is_fifo = format!(
        "{}: is a FIFO (named pipe), not a regular file; give the path of a .ron plan file",
        fifo.display()
    );
    assert_message(&["check"], &fifo, is_fifo.clone());
    assert_message(&set, &fifo, is_fifo);

    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let looped = format!(
        "{}: too many levels of symbolic links (a link that leads back to itself); fix the link",
        a.display()
    );
    assert_message(&["check"], &a, looped.clone());
    assert_message(&set, &a, looped);
    assert_eq!(
        names_in(dir.path()),
        ["a.ron", "b.ron", "fifo.ron", "folder.ron"]
    );
}
