//! A save keeps the plan's POSIX ACL and extended attributes exactly, and a
//! directory's default ACL does not give the new version access the old one did
//! not have. ACL checks use `setfacl`/`getfacl` from Debian's `acl` package
//! (`.ci/deps` installs it) and skip with a printed reason without them.

use crate::support::users;

use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use aoplan::storage::BUNDLED_PLAN;
use users::{saved_status, set_cmd, stderr};

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().mode() & 0o7777
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
        assert_eq!(mode(&plan), 0o640);
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
    assert_eq!(mode(&plan), 0o660, "group bits show the mask, as before");
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
    assert_eq!(mode(&plan), 0o600);
}
