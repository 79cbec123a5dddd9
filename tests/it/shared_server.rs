//! Colleagues on one server: real users in one group sharing a plan directory.
//! Group and mode survive saves, also under a strict umask, for the plan and the
//! lock; a save that would change someone's access by changing the owner, or could
//! not keep the group, is refused. (Planted symlinks: `tests/planted_links.rs`; ACLs
//! and extended attributes: `tests/metadata.rs`.)
//!
//! Two users need root: the tests act as `sync` and `nobody` of Debian's base
//! system, who share the group `nogroup` in the user database, and as `daemon`, who
//! is not in it; they skip with a printed reason where that is impossible.

use crate::support::users;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use aoplan::storage::BUNDLED_PLAN;
use users::{owner_group_mode, saved_status, set_as, shared, shared_dir, stderr, users};

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

#[test]
fn a_directory_the_saver_may_not_write_makes_the_plan_read_only() {
    let Some(users) = users() else {
        return;
    };
    let (dir, plan) = shared_dir(users.a.uid, shared(&users), 0o666);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let out = set_as(&plan, "done", users.b, 0o022);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "aoplan: not saved: the directory {} is not writable, so the file cannot be replaced safely\n",
            dir.path().display()
        )
    );
    assert_eq!(fs::read_to_string(&plan).unwrap(), BUNDLED_PLAN);
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "{names:?}");
}
