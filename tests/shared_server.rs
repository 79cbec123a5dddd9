//! Colleagues on one server: real users in one group sharing a plan directory.
//! A colleague planting symlinks cannot make a save write anywhere else; group and
//! mode survive saves, also under a strict umask, for the plan and the lock; a save
//! that would change someone's access by changing the owner is refused. (ACLs and
//! extended attributes: `tests/metadata.rs`.)
//!
//! Two users need root: the tests act as `sync` and `nobody` of Debian's base
//! system, who share the group `nogroup` in the user database, and as `daemon`, who
//! is not in it; they skip with a printed reason where that is impossible. ACL
//! checks use `setfacl`/`getfacl` (`.ci/deps` installs them).

use std::ffi::CString;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use aoplan::storage::BUNDLED_PLAN;

const PROJECT: &str = "programma-loyale-tegenspraak";

/// A user of the server, as the tests run commands.
#[derive(Clone, Copy)]
struct User {
    uid: u32,
    gid: u32,
}

/// The users the tests act as.
struct Users {
    /// `sync` and `nobody`: both in the group `nogroup` (their primary group).
    a: User,
    b: User,
    /// `daemon`: not in that group.
    outsider: User,
}

/// The shared group of [`Users::a`] and [`Users::b`].
fn shared(users: &Users) -> u32 {
    users.a.gid
}

/// The test users; `None` (and the reason printed) where tests cannot act as them.
fn users() -> Option<Users> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: acting as other users needs root");
        return None;
    }
    let lookup = |name: &str| {
        let c = CString::new(name).unwrap();
        // SAFETY: a valid C string; the result is copied at once.
        let pw = unsafe { libc::getpwnam(c.as_ptr()) };
        // SAFETY: non-null pw points to a valid passwd.
        (!pw.is_null()).then(|| unsafe {
            User {
                uid: (*pw).pw_uid,
                gid: (*pw).pw_gid,
            }
        })
    };
    let (Some(a), Some(b), Some(outsider)) = (lookup("sync"), lookup("nobody"), lookup("daemon"))
    else {
        eprintln!("skipped: the users sync, nobody and daemon do not all exist here");
        return None;
    };
    if a.gid != b.gid || outsider.gid == a.gid {
        eprintln!("skipped: sync and nobody do not share a group that daemon is not in");
        return None;
    }
    let out = as_user(
        Command::new(env!("CARGO_BIN_EXE_aoplan")).arg("--version"),
        b,
        0o022,
    )
    .output()
    .unwrap();
    if !out.status.success() {
        eprintln!("skipped: another user cannot run the aoplan binary here");
        return None;
    }
    Some(Users { a, b, outsider })
}

/// Makes `cmd` run as `user` with `umask`.
fn as_user(cmd: &mut Command, user: User, umask: u32) -> &mut Command {
    // SAFETY: only async-signal-safe system calls.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setgroups(0, std::ptr::null()) != 0
                || libc::setresgid(user.gid, user.gid, user.gid) != 0
                || libc::setresuid(user.uid, user.uid, user.uid) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            libc::umask(umask as libc::mode_t);
            Ok(())
        })
    }
}

/// A directory shared by `group` (setgid, group-writable) holding `plan.ron`, owned
/// by `owner`:`group` with `mode`.
fn shared_dir(owner: u32, group: u32, mode: u32) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::chown(dir.path(), Some(0), Some(group)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2770)).unwrap();
    let plan = dir.path().join("plan.ron");
    fs::write(&plan, BUNDLED_PLAN).unwrap();
    std::os::unix::fs::chown(&plan, Some(owner), Some(group)).unwrap();
    fs::set_permissions(&plan, fs::Permissions::from_mode(mode)).unwrap();
    (dir, plan)
}

fn set_cmd(plan: &Path, status: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aoplan"));
    cmd.args(["set", PROJECT, status, "--file"])
        .arg(plan)
        .env("USER", "tester")
        .env("LC_ALL", "C")
        .env("HOME", plan.parent().unwrap())
        .env("AOPLAN_CONFIG", plan.with_file_name("no-config.ron"));
    cmd
}

fn set_as(plan: &Path, status: &str, user: User, umask: u32) -> Output {
    as_user(&mut set_cmd(plan, status), user, umask)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn owner_group_mode(path: &Path) -> (u32, u32, u32) {
    let m = fs::symlink_metadata(path).unwrap();
    (m.uid(), m.gid(), m.mode() & 0o7777)
}

fn saved_status(plan: &Path) -> Option<aoplan::plan::Status> {
    let plan = aoplan::storage::load(plan).unwrap();
    plan.project(plan.locate(PROJECT).unwrap())
        .unwrap()
        .status_in(2026)
}

#[test]
fn group_and_mode_survive_a_strict_umask_and_both_users_keep_saving() {
    let Some(users) = users() else {
        return;
    };
    let (a, b, group) = (users.a, users.b, shared(&users));
    let (dir, plan) = shared_dir(a.uid, group, 0o660);
    let lock = dir.path().join(".plan.ron.lock");

    let out = set_as(&plan, "done", a, 0o077);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(owner_group_mode(&plan), (a.uid, group, 0o660));
    assert_eq!(owner_group_mode(&lock), (a.uid, group, 0o660));
    assert_eq!(
        owner_group_mode(&dir.path().join("plan.ron.bak")),
        (a.uid, group, 0o660)
    );

    // The colleague, also under umask 077, can take the lock and save. The new
    // file is theirs (a rename-based save cannot keep the owner), which changes
    // nobody's access: owner and group have the same bits and both are in the group.
    let out = set_as(&plan, "on-hold", b, 0o077);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(owner_group_mode(&plan), (b.uid, group, 0o660));
    assert_eq!(saved_status(&plan), Some(aoplan::plan::Status::OnHold));

    let out = set_as(&plan, "in-progress", a, 0o077);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(owner_group_mode(&plan), (a.uid, group, 0o660));
    assert_eq!(owner_group_mode(&lock), (a.uid, group, 0o660));
    assert_eq!(saved_status(&plan), Some(aoplan::plan::Status::InProgress));
}

#[test]
fn a_lock_file_only_its_creator_could_open_is_replaced() {
    let Some(users) = users() else {
        return;
    };
    let (a, b, group) = (users.a, users.b, shared(&users));
    let (dir, plan) = shared_dir(a.uid, group, 0o660);
    // As an older version made it under umask 077.
    let lock = dir.path().join(".plan.ron.lock");
    fs::write(&lock, "sync (pid 1) since 2026-03-14T09:21:05Z").unwrap();
    std::os::unix::fs::chown(&lock, Some(a.uid), Some(a.gid)).unwrap();
    fs::set_permissions(&lock, fs::Permissions::from_mode(0o600)).unwrap();

    let out = set_as(&plan, "done", b, 0o022);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(owner_group_mode(&lock), (b.uid, group, 0o660));
    assert_eq!(saved_status(&plan), Some(aoplan::plan::Status::Done));
}

#[test]
fn a_save_that_would_change_someones_access_is_refused() {
    let Some(users) = users() else {
        return;
    };
    let (b, outsider, group) = (users.b, users.outsider, shared(&users));
    // The plan belongs to daemon, who is not in its group: if nobody became the
    // owner, daemon would fall to "others" and lose read and write.
    let (_dir, plan) = shared_dir(outsider.uid, group, 0o660);
    let out = set_as(&plan, "done", b, 0o022);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "aoplan: not saved: {} belongs to daemon; saving would make you its owner, and daemon would then \
             have --- instead of rw- (the owner's permissions differ from what daemon gets through the group, \
             the ACL or others); let daemon save it, or have the owner's and the group's permissions made equal\n",
            plan.display()
        )
    );
    assert_eq!(fs::read_to_string(&plan).unwrap(), BUNDLED_PLAN);
    assert_eq!(owner_group_mode(&plan), (outsider.uid, group, 0o660));
    assert!(!plan.with_file_name("plan.ron.bak").exists());
}

#[test]
fn a_save_through_an_acl_that_would_change_the_owners_access_is_refused() {
    let Some(users) = users() else {
        return;
    };
    let setfacl = |args: &[&str], path: &Path| {
        Command::new("setfacl")
            .args(args)
            .arg(path)
            .status()
            .is_ok_and(|s| s.success())
    };
    let (a, b, group) = (users.a, users.b, shared(&users));
    let (_dir, plan) = shared_dir(a.uid, group, 0o640);
    // The group may only read; nobody may also write, by a named ACL entry.
    if !setfacl(&["-m", &format!("u:{}:rw", b.uid)], &plan) {
        eprintln!("skipped: setfacl is missing (Debian package acl; run .ci/deps)");
        return;
    }
    let out = set_as(&plan, "done", b, 0o022);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("belongs to sync; saving would make you its owner, and sync would then have r-- instead of rw-"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&plan).unwrap(), BUNDLED_PLAN);
}

#[test]
fn a_group_the_saver_cannot_give_is_refused_not_dropped() {
    let Some(users) = users() else {
        return;
    };
    // Anyone may write the plan, but it belongs to daemon's group, which nobody
    // is not in (new files in the directory get nogroup): the new version would
    // not keep that group.
    let outsider = users.outsider;
    let (dir, plan) = shared_dir(outsider.uid, shared(&users), 0o666);
    std::os::unix::fs::chown(&plan, None, Some(outsider.gid)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2777)).unwrap();
    let out = set_as(&plan, "done", users.b, 0o022);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "aoplan: not saved: {} belongs to the group daemon, which you are not in, so a version you save \
             could not keep that group and would change who may read or write it\n",
            plan.display()
        )
    );
    assert_eq!(fs::read_to_string(&plan).unwrap(), BUNDLED_PLAN);
    assert_eq!(owner_group_mode(&plan), (outsider.uid, outsider.gid, 0o666));
}

/// The names a colleague plants as symlinks to the victim: the fixed names aoplan
/// uses or used, and every temporary name that shows up in the directory.
fn plant_forever(dir: &Path, victim: &Path, stop: &AtomicBool) -> u32 {
    let mut planted = 0;
    while !stop.load(Ordering::Relaxed) {
        let mut names = vec![
            dir.join(".plan.ron.bak.tmp"),
            dir.join("plan.ron.bak"),
            dir.join(".plan.ron.tmp"),
        ];
        if let Ok(entries) = fs::read_dir(dir) {
            names.extend(
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        let n = p.file_name().unwrap().to_string_lossy();
                        n.starts_with(".plan.ron.") && n.ends_with(".tmp")
                    }),
            );
        }
        for name in names {
            let _ = fs::remove_file(&name);
            if std::os::unix::fs::symlink(victim, &name).is_ok() {
                planted += 1;
            }
        }
    }
    planted
}

/// Saves 30 times while symlinks are planted; returns the last status saved.
fn save_under_attack(plan: &Path, saver: Option<User>) -> Option<&'static str> {
    let mut last = None;
    for round in 0..30 {
        let status = ["done", "on-hold", "in-progress"][round % 3];
        let mut cmd = set_cmd(plan, status);
        cmd.env("AOPLAN_LOCK_TIMEOUT_MS", "500");
        if let Some(user) = saver {
            as_user(&mut cmd, user, 0o022);
        }
        let out = cmd.output().unwrap();
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
        if out.status.success() {
            last = Some(status);
        }
    }
    last
}

fn assert_survived(plan: &Path, victim: &Path, last: Option<&str>, text: &str, mode: u32) {
    let now = fs::read_to_string(victim).unwrap();
    assert!(
        now == text,
        "the victim file was written: {} bytes now",
        now.len()
    );
    assert_eq!(owner_group_mode(victim).2, mode);
    assert!(
        fs::symlink_metadata(plan).unwrap().is_file(),
        "the plan is a plain file"
    );
    let status = last.expect("some saves succeed");
    let wanted = aoplan::plan::Status::parse(status).unwrap();
    assert_eq!(
        saved_status(plan),
        Some(wanted),
        "the last save that said so is on disk"
    );
}

#[test]
fn planted_symlinks_never_make_a_save_write_elsewhere() {
    let (dir, plan) = {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        fs::write(&plan, BUNDLED_PLAN).unwrap();
        (dir, plan)
    };
    let private = tempfile::tempdir().unwrap();
    let victim = private.path().join("authorized_keys");
    let text = "ssh-ed25519 AAAAC3Nza victim@server\n";
    fs::write(&victim, text).unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o600)).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let (d, v, s) = (dir.path().to_path_buf(), victim.clone(), Arc::clone(&stop));
    let planter = std::thread::spawn(move || plant_forever(&d, &v, &s));
    let last = save_under_attack(&plan, None);
    stop.store(true, Ordering::Relaxed);
    assert!(planter.join().unwrap() > 0);
    assert_survived(&plan, &victim, last, text, 0o600);
}

#[test]
#[ignore = "helper process for the two-user planting test; does nothing unless it starts it"]
fn planter_process() {
    let (Some(dir), Some(victim)) = (
        std::env::var_os("AOPLAN_TEST_PLANT_DIR"),
        std::env::var_os("AOPLAN_TEST_PLANT_VICTIM"),
    ) else {
        return;
    };
    let stop = AtomicBool::new(false);
    plant_forever(Path::new(&dir), Path::new(&victim), &stop);
}

#[test]
fn a_colleague_planting_symlinks_cannot_make_a_users_save_write_their_files() {
    let Some(users) = users() else {
        return;
    };
    let (victim_user, colleague) = (users.a, users.b);
    let (dir, plan) = shared_dir(victim_user.uid, shared(&users), 0o660);
    // The victim's private file, which only the victim may write.
    let home = tempfile::tempdir().unwrap();
    std::os::unix::fs::chown(home.path(), Some(victim_user.uid), Some(victim_user.gid)).unwrap();
    fs::set_permissions(home.path(), fs::Permissions::from_mode(0o711)).unwrap();
    let victim = home.path().join("authorized_keys");
    let text = "ssh-ed25519 AAAAC3Nza sync@server\n";
    fs::write(&victim, text).unwrap();
    std::os::unix::fs::chown(&victim, Some(victim_user.uid), Some(victim_user.gid)).unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o600)).unwrap();

    // The colleague, in the plan's group, plants symlinks to it.
    let mut planter = Command::new(std::env::current_exe().unwrap());
    planter
        .args(["planter_process", "--exact", "--ignored", "--quiet"])
        .env("AOPLAN_TEST_PLANT_DIR", dir.path())
        .env("AOPLAN_TEST_PLANT_VICTIM", &victim);
    let mut planter = as_user(&mut planter, colleague, 0o002).spawn().unwrap();
    let last = save_under_attack(&plan, Some(victim_user));
    planter.kill().unwrap();
    planter.wait().unwrap();
    assert_survived(&plan, &victim, last, text, 0o600);
    assert_eq!(owner_group_mode(&victim).0, victim_user.uid);
}
