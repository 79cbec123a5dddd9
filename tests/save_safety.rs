//! What a save guarantees on disk: mode, symlinks and backup kept, hard links and
//! read-only files refused, nothing left behind by a failed write, and a lock that
//! never outlives its holder but does keep a second writer waiting.

use std::fs::{self, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use aoplan::storage::{BUNDLED_PLAN, Store};

const PROJECT: &str = "programma-loyale-tegenspraak";
/// Tells the helper test below to act as a process holding a plan's lock.
const HOLDER_ENV: &str = "AOPLAN_TEST_HOLD_LOCK";

fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED_PLAN).unwrap();
    (dir, path)
}

fn aoplan_set(plan: &Path, status: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aoplan"));
    cmd.args(["set", PROJECT, status, "--file"])
        .arg(plan)
        .env("USER", "tester")
        .env("LC_ALL", "C");
    cmd
}

fn set(plan: &Path, status: &str) -> Output {
    aoplan_set(plan, status).output().expect("run aoplan")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

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
    let why = store.read_only_reason().expect("refused");
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
    assert!(
        stderr(&out).contains("not saved: opened read-only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
    if is_root() {
        eprintln!("note: running as root, which may write anything; skipping the mode checks");
        return;
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    assert!(stderr(&set(&path, "done")).contains("is not writable"));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let out = set(&path, "done");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert!(stderr(&out).contains("directory"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
}

#[test]
fn a_failed_write_leaves_the_file_and_no_temporary_files() {
    let (dir, path) = fixture();
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
    assert!(stderr(&out).contains("not saved:"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
    // The backup, a second name of the unchanged plan, may be there; nothing else is.
    let mut names = names_in(dir.path());
    if let Some(i) = names.iter().position(|n| n == "plan.ron.bak") {
        assert_eq!(
            fs::read_to_string(dir.path().join("plan.ron.bak")).unwrap(),
            BUNDLED_PLAN
        );
        names.remove(i);
    }
    assert_eq!(names, [".plan.ron.lock", "plan.ron"]);
}

/// A process holding the plan's lock, like an `aoplan` in the middle of a save.
struct Holder(Child);

impl Holder {
    /// Starts this test binary's helper below and waits until it holds the lock.
    fn start(lock: &Path) -> Holder {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["lock_holder_process", "--exact", "--ignored", "--nocapture"])
            .env(HOLDER_ENV, lock)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let locked = BufReader::new(stdout)
            .lines()
            .any(|line| line.is_ok_and(|l| l == "locked"));
        assert!(locked, "the helper took the lock");
        Holder(child)
    }

    /// `kill -9`: no chance to clean up.
    fn kill(mut self) {
        self.0.kill().unwrap();
        self.0.wait().unwrap();
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
#[ignore = "helper process for the lock tests; does nothing unless they start it"]
fn lock_holder_process() {
    let Some(lock) = std::env::var_os(HOLDER_ENV) else {
        return;
    };
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock)
        .unwrap();
    file.lock().unwrap();
    file.set_len(0).unwrap();
    write!(
        file,
        "hanna (pid {}) since 2026-03-14T09:21:05Z",
        std::process::id()
    )
    .unwrap();
    println!("locked");
    std::thread::sleep(std::time::Duration::from_secs(300));
}

#[test]
fn a_lock_left_by_a_killed_process_does_not_block_the_next_writer() {
    let (dir, path) = fixture();
    let lock = dir.path().join(".plan.ron.lock");
    Holder::start(&lock).kill();
    assert!(
        fs::read_to_string(&lock).unwrap().starts_with("hanna"),
        "stale text stays"
    );

    let out = aoplan_set(&path, "done")
        .env("AOPLAN_LOCK_TIMEOUT_MS", "2000")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("status: {2026: Done}")
    );
}

#[test]
fn a_held_lock_makes_a_writer_give_up_naming_the_holder() {
    let (dir, path) = fixture();
    let holder = Holder::start(&dir.path().join(".plan.ron.lock"));
    let out = aoplan_set(&path, "done")
        .env("AOPLAN_LOCK_TIMEOUT_MS", "300")
        .output()
        .unwrap();
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(message.contains("did not finish within 0.3 s"), "{message}");
    let pid = holder.0.id();
    assert!(
        message.contains(&format!("lock held by hanna (pid {pid})")),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
    holder.kill();
}

#[test]
fn a_symlink_planted_as_the_lock_file_is_not_followed() {
    let (dir, path) = fixture();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join(".plan.ron.lock")).unwrap();
    let out = set(&path, "done");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the lock file is a symbolic link"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
}

#[test]
fn a_lock_file_we_may_not_write_still_locks() {
    if is_root() {
        eprintln!("note: running as root, which may write any lock file; skipping");
        return;
    }
    let (dir, path) = fixture();
    let lock = dir.path().join(".plan.ron.lock");
    fs::write(&lock, "").unwrap();
    fs::set_permissions(&lock, fs::Permissions::from_mode(0o444)).unwrap();
    let out = set(&path, "done");
    assert!(out.status.success(), "{}", stderr(&out));
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
