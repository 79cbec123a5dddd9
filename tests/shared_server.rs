//! Colleagues on one server: real users in one group sharing a plan directory.
//! A colleague planting symlinks cannot make a save write anywhere else; group,
//! mode, ACLs and extended attributes survive saves, also under a strict umask; a
//! save that would change someone's access by changing the owner is refused.
//!
//! Two users need root: the tests act as `sync` and `nobody` of Debian's base
//! system, who share the group `nogroup` in the user database, and as `daemon`, who
//! is not in it; they skip with a printed reason where that is impossible. ACL
//! checks use `setfacl`/`getfacl` (`.ci/deps` installs them).

use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
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

/// Whether `setfacl` and `getfacl` are here; prints why not.
fn have_acl_tools() -> bool {
    let ok = ["setfacl", "getfacl"].iter().all(|tool| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !ok {
        eprintln!("skipped: setfacl/getfacl are missing (Debian package acl; run .ci/deps)");
    }
    ok
}

fn run(cmd: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(cmd).args(args).arg(path).output().unwrap();
    assert!(out.status.success(), "{cmd} {args:?}: {}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn getfacl(path: &Path) -> String {
    run("getfacl", &["--omit-header", "--numeric"], path)
}

/// Sets a `user.*` extended attribute through libc; false where the file system
/// has none.
fn set_xattr(path: &Path, name: &str, value: &[u8]) -> bool {
    let (p, n) = (
        CString::new(path.as_os_str().as_bytes()).unwrap(),
        CString::new(name).unwrap(),
    );
    // SAFETY: valid C strings and a value pointer with its length.
    unsafe {
        libc::setxattr(
            p.as_ptr(),
            n.as_ptr(),
            value.as_ptr().cast(),
            value.len(),
            0,
        ) == 0
    }
}

fn get_xattr(path: &Path, name: &str) -> Option<Vec<u8>> {
    let (p, n) = (
        CString::new(path.as_os_str().as_bytes()).unwrap(),
        CString::new(name).unwrap(),
    );
    let mut buf = vec![0u8; 4096];
    // SAFETY: as above; the buffer holds `len` bytes.
    let got = unsafe { libc::getxattr(p.as_ptr(), n.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    (got >= 0).then(|| buf[..got as usize].to_vec())
}

#[test]
fn acls_and_extended_attributes_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    fs::write(&plan, BUNDLED_PLAN).unwrap();
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o640)).unwrap();
    if set_xattr(&plan, "user.aoplan.keep", b"ja\0nee") {
        assert!(set_cmd(&plan, "done").output().unwrap().status.success());
        assert_eq!(
            get_xattr(&plan, "user.aoplan.keep").as_deref(),
            Some(&b"ja\0nee"[..])
        );
        assert_eq!(owner_group_mode(&plan).2, 0o640);
    } else {
        eprintln!("skipped: this file system has no user extended attributes");
    }
    if !have_acl_tools() {
        return;
    }
    // A named user may read and write, a named group only read; the mask allows rw.
    run("setfacl", &["-m", "u:1:rw,g:2:r,m::rw"], &plan);
    let before = getfacl(&plan);
    assert!(
        before.contains("user:1:rw-") && before.contains("group:2:r--"),
        "{before}"
    );
    let out = set_cmd(&plan, "on-hold").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(saved_status(&plan), Some(aoplan::plan::Status::OnHold));
    assert_eq!(getfacl(&plan), before, "the ACL is exactly as it was");
    assert_eq!(
        owner_group_mode(&plan).2,
        0o660,
        "group bits show the mask, as before"
    );
    assert_eq!(
        get_xattr(&plan, "user.aoplan.keep").as_deref(),
        Some(&b"ja\0nee"[..])
    );
}

#[test]
fn a_directory_default_acl_does_not_widen_a_plan_without_one() {
    if !have_acl_tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    fs::write(&plan, BUNDLED_PLAN).unwrap();
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o600)).unwrap();
    // New files in the directory would get rw for uid 1; the plan has no ACL.
    run("setfacl", &["-d", "-m", "u:1:rw"], dir.path());
    let before = getfacl(&plan);
    let out = set_cmd(&plan, "done").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(getfacl(&plan), before);
    assert!(!getfacl(&plan).contains("user:1:"), "{}", getfacl(&plan));
    assert_eq!(owner_group_mode(&plan).2, 0o600);
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
