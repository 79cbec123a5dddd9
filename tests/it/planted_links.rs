//! A colleague who keeps planting symbolic links under the names aoplan uses or
//! used beside the plan (and under every temporary name that shows up) cannot make
//! a save write anywhere else: the file the links point to keeps its bytes and mode,
//! the plan stays a plain file, and every save that said so is on disk. Once as
//! one user, once with the colleague as another user (needs root; skipped with a
//! printed reason otherwise).

use crate::support::users;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use aoplan::storage::BUNDLED_PLAN;
use users::{
    User, as_user, owner_group_mode, saved_status, set_cmd, shared, shared_dir, stderr, users,
};

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
        .args([
            "planted_links::planter_process",
            "--exact",
            "--ignored",
            "--quiet",
        ])
        .env("AOPLAN_TEST_PLANT_DIR", dir.path())
        .env("AOPLAN_TEST_PLANT_VICTIM", &victim);
    let mut planter = as_user(&mut planter, colleague, 0o002).spawn().unwrap();
    let last = save_under_attack(&plan, Some(victim_user));
    planter.kill().unwrap();
    planter.wait().unwrap();
    assert_survived(&plan, &victim, last, text, 0o600);
    assert_eq!(owner_group_mode(&victim).0, victim_user.uid);
}
