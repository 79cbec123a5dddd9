//! The lock that serialises writers: it never outlives its holder, keeps a second
//! writer waiting and names who holds it, is never followed through a symlink, and
//! is not trusted once its file was deleted or replaced.

use std::fs::{self, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::support::set_cli;

use aoplan::storage::BUNDLED_PLAN;
use set_cli::{aoplan_set, fixture, is_root, set, stderr};

/// Tells the helper test below to act as a process holding a plan's lock.
const HOLDER_ENV: &str = "AOPLAN_TEST_HOLD_LOCK";

/// A process holding the plan's lock, like an `aoplan` in the middle of a save.
pub(crate) struct Holder(pub(crate) Child);

impl Holder {
    /// Starts this test binary's helper below and waits until it holds the lock.
    pub(crate) fn start(lock: &Path) -> Holder {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "lock::lock_holder_process",
                "--exact",
                "--ignored",
                "--nocapture",
            ])
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
    pub(crate) fn kill(mut self) {
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
    // The plan is named, not the lock file.
    let saving = format!("not saved: another aoplan is saving {} and", path.display());
    assert!(message.contains(&saving), "{message}");
    assert!(!message.contains(".plan.ron.lock"), "{message}");
    let pid = holder.0.id();
    assert!(
        message.contains(&format!("lock held by hanna (pid {pid})")),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
    holder.kill();
}

#[test]
fn the_holder_is_named_in_the_users_language_and_local_time() {
    let (dir, path) = fixture();
    let holder = Holder::start(&dir.path().join(".plan.ron.lock"));
    let pid = holder.0.id();
    let said = |locale: &str| {
        let out = aoplan_set(&path, "done")
            .env("LC_ALL", locale)
            .env("TZ", "Europe/Amsterdam")
            .env("AOPLAN_LOCK_TIMEOUT_MS", "300")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        stderr(&out)
    };
    // The helper wrote 2026-03-14T09:21:05Z: 10:21:05 in Amsterdam.
    let nl = said("nl_NL.UTF-8");
    assert!(
        nl.ends_with(&format!(
            "was na 0,3 s nog niet klaar (vergrendeld door hanna (pid {pid}) sinds 14-03-2026 10:21:05 CET)\n"
        )),
        "{nl}"
    );
    // First the line said while waiting, then the refusal.
    let refusal = nl.lines().last().unwrap_or_default();
    let expected = format!(
        "aoplan: niet opgeslagen: een andere aoplan slaat {} op ",
        path.display()
    );
    assert!(refusal.starts_with(&expected), "{nl}");
    assert_eq!(nl.lines().count(), 2, "{nl}");
    let en = said("en_GB.UTF-8");
    assert!(
        en.ends_with(&format!(
            "within 0.3 s (lock held by hanna (pid {pid}) since 14 Mar 2026 10:21:05 CET)\n"
        )),
        "{en}"
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
fn a_lock_file_replaced_while_a_writer_waits_is_not_trusted() {
    let (dir, path) = fixture();
    let lock = dir.path().join(".plan.ron.lock");
    let first = Holder::start(&lock);
    let writer = aoplan_set(&path, "done")
        .env("AOPLAN_LOCK_TIMEOUT_MS", "2500")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Let the writer open the first lock file and wait on it.
    std::thread::sleep(std::time::Duration::from_millis(400));
    // Someone deletes the lock file; another writer makes a new one and holds it.
    fs::remove_file(&lock).unwrap();
    let second = Holder::start(&lock);
    // The first lock is released, but its file has no name any more: taking it
    // would exclude nobody. The writer must wait for the second holder instead.
    first.kill();
    let out = writer.wait_with_output().unwrap();
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{message}");
    let pid = second.0.id();
    assert!(
        message.contains(&format!("lock held by hanna (pid {pid})")),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_PLAN);
    second.kill();
    assert!(set(&path, "done").status.success());
}

#[test]
fn a_new_lock_file_lets_the_group_in_whatever_the_umask() {
    let (dir, path) = fixture();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o660)).unwrap();
    let mut cmd = aoplan_set(&path, "done");
    // SAFETY: umask is async-signal-safe and only affects this child.
    unsafe {
        cmd.pre_exec(|| {
            libc::umask(0o077);
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let lock = fs::metadata(dir.path().join(".plan.ron.lock")).unwrap();
    let plan = fs::metadata(&path).unwrap();
    assert_eq!(lock.mode() & 0o777, 0o660);
    assert_eq!(lock.gid(), plan.gid());
    assert_eq!(plan.mode() & 0o777, 0o660);
}

/// Starts `aoplan set` against a plan whose lock `holder` holds, waits for the
/// first line on stderr, checks that the command is still waiting then, lets
/// the holder go and returns that line and the command's outcome.
fn line_while_waiting(path: &Path, locale: &str, holder: Holder) -> (String, std::process::Output) {
    let mut writer = aoplan_set(path, "done")
        .env("LC_ALL", locale)
        .env("TZ", "Europe/Amsterdam")
        .env("AOPLAN_LOCK_TIMEOUT_MS", "20000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(writer.stderr.take().unwrap());
    let mut first = String::new();
    err.read_line(&mut first).unwrap();
    assert!(
        writer.try_wait().unwrap().is_none(),
        "said while waiting, not after: {first}"
    );
    holder.kill();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
    let mut out = writer.wait_with_output().unwrap();
    out.stderr = rest.into_bytes();
    (first, out)
}

#[test]
fn a_command_that_waits_for_the_lock_says_so_at_once_naming_holder_and_plan() {
    let (dir, path) = fixture();
    let lock = dir.path().join(".plan.ron.lock");
    // The helper wrote 2026-03-14T09:21:05Z: 10:21:05 in Amsterdam.
    let holder = Holder::start(&lock);
    let pid = holder.0.id();
    let (nl, out) = line_while_waiting(&path, "nl_NL.UTF-8", holder);
    assert_eq!(
        nl,
        format!(
            "aoplan: wacht op hanna (pid {pid}) sinds 14-03-2026 10:21:05 CET, die {} opslaat (hoogstens 20,0 s)…\n",
            path.display()
        )
    );
    // Once the holder is gone, the command saves and says nothing more on stderr.
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "programma-loyale-tegenspraak: 2026 Gepland → Afgerond (opgeslagen)\n"
    );
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("status: {2026: Done}")
    );

    let (dir, path) = fixture();
    let holder = Holder::start(&dir.path().join(".plan.ron.lock"));
    let pid = holder.0.id();
    let (en, out) = line_while_waiting(&path, "en_GB.UTF-8", holder);
    assert_eq!(
        en,
        format!(
            "aoplan: waiting for hanna (pid {pid}) since 14 Mar 2026 10:21:05 CET, who is saving {} (at most 20.0 s)…\n",
            path.display()
        )
    );
    assert!(out.status.success(), "{}", stderr(&out));
}
