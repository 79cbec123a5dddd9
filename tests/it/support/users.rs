//! Acting as other users of the server in tests: the users, a shared plan
//! directory, and `aoplan set` run as one of them. Acting as another user needs
//! root; without it, or without the users, [`users`] says why and gives `None`.

#![allow(dead_code)]

use std::ffi::CString;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aoplan::storage::BUNDLED_PLAN;

pub const PROJECT: &str = "programma-loyale-tegenspraak";

/// A user of the server, as the tests run commands.
#[derive(Clone, Copy)]
pub struct User {
    pub uid: u32,
    pub gid: u32,
}

/// The users the tests act as.
pub struct Users {
    /// `sync` and `nobody`: both in the group `nogroup` (their primary group).
    pub a: User,
    pub b: User,
    /// `daemon`: not in that group.
    pub outsider: User,
}

/// The shared group of [`Users::a`] and [`Users::b`].
pub fn shared(users: &Users) -> u32 {
    users.a.gid
}

/// The test users; `None` (and the reason printed) where tests cannot act as them.
pub fn users() -> Option<Users> {
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
pub fn as_user(cmd: &mut Command, user: User, umask: u32) -> &mut Command {
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
pub fn shared_dir(owner: u32, group: u32, mode: u32) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::chown(dir.path(), Some(0), Some(group)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2770)).unwrap();
    let plan = dir.path().join("plan.ron");
    fs::write(&plan, BUNDLED_PLAN).unwrap();
    std::os::unix::fs::chown(&plan, Some(owner), Some(group)).unwrap();
    fs::set_permissions(&plan, fs::Permissions::from_mode(mode)).unwrap();
    (dir, plan)
}

pub fn set_cmd(plan: &Path, status: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aoplan"));
    cmd.args(["set", PROJECT, status, "--file"])
        .arg(plan)
        .env("USER", "tester")
        .env("LC_ALL", "C")
        .env("HOME", plan.parent().unwrap())
        .env("AOPLAN_CONFIG", plan.with_file_name("no-config.ron"));
    cmd
}

pub fn set_as(plan: &Path, status: &str, user: User, umask: u32) -> Output {
    as_user(&mut set_cmd(plan, status), user, umask)
        .output()
        .unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn owner_group_mode(path: &Path) -> (u32, u32, u32) {
    let m = fs::symlink_metadata(path).unwrap();
    (m.uid(), m.gid(), m.mode() & 0o7777)
}

pub fn saved_status(plan: &Path) -> Option<aoplan::plan::Status> {
    let plan = aoplan::storage::load(plan).unwrap();
    plan.project(plan.locate(PROJECT).unwrap())
        .unwrap()
        .status_in(2026)
}
