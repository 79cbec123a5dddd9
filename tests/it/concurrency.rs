//! Several writers on one plan file: real processes racing `aoplan set`, also while
//! a colleague keeps deleting the lock file, and two [`Store`]s merging through
//! [`Store::sync`]. No edit may be lost, and no reader sees a partial plan.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use aoplan::codec;
use aoplan::edit::{self, Change, Conflict, Edit, TextField};
use aoplan::plan::{Plan, Status};
use aoplan::storage::{self, BUNDLED_PLAN, Store};
use aoplan::timestamp::Timestamp;

const YEAR: u16 = 2026;

/// A temporary directory holding a copy of the bundled plan.
fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED_PLAN).unwrap();
    (dir, path)
}

fn bundled() -> Plan {
    codec::parse(BUNDLED_PLAN).unwrap()
}

fn status_of(plan: &Plan, id: &str) -> Option<Status> {
    plan.project(plan.locate(id).unwrap())
        .unwrap()
        .status_in(YEAR)
}

/// A status other than the project's current one.
fn another_status(plan: &Plan, id: &str) -> Status {
    match status_of(plan, id) {
        Some(Status::Done) => Status::Cancelled,
        _ => Status::Done,
    }
}

/// Starts `aoplan set ID STATUS` as `user`, without waiting for it.
fn spawn_set(plan: &Path, id: &str, status: Status, user: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args(["set", id, status.file_name(), "--file"])
        .arg(plan)
        .env("USER", user)
        .env("LC_ALL", "C")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start aoplan")
}

fn wait_ok(child: Child) {
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "aoplan set failed: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn eight_processes_setting_different_projects_all_land() {
    let (_dir, path) = fixture();
    let before = bundled();
    let ids: Vec<String> = before
        .projects()
        .step_by(9)
        .take(8)
        .map(|(_, p)| p.id.clone())
        .collect();
    let wanted: Vec<Status> = ids.iter().map(|id| another_status(&before, id)).collect();
    let children: Vec<Child> = ids
        .iter()
        .zip(&wanted)
        .enumerate()
        .map(|(n, (id, status))| spawn_set(&path, id, *status, &format!("writer-{n}")))
        .collect();
    children.into_iter().for_each(wait_ok);

    let after = storage::load(&path).expect("the file still loads");
    for (n, (id, status)) in ids.iter().zip(&wanted).enumerate() {
        assert_eq!(status_of(&after, id), Some(*status), "{id}");
        let project = after.project(after.locate(id).unwrap()).unwrap();
        let [entry] = project.history.as_slice() else {
            panic!(
                "{id}: expected one history entry, got {:?}",
                project.history
            );
        };
        assert_eq!(entry.by, format!("writer-{n}"));
        assert_eq!(
            (entry.year, entry.from, entry.to),
            (YEAR, status_of(&before, id), Some(*status))
        );
    }
    let untouched = after
        .projects()
        .filter(|(_, p)| !ids.contains(&p.id))
        .all(|(loc, p)| Some(p) == before.project(loc));
    assert!(untouched, "projects nobody set are unchanged");
}

#[test]
fn two_processes_setting_the_same_project_keep_both_history_entries() {
    for round in 0..3 {
        let (_dir, path) = fixture();
        let id = "programma-loyale-tegenspraak";
        let first = spawn_set(&path, id, Status::Done, "anna");
        let second = spawn_set(&path, id, Status::OnHold, "bram");
        wait_ok(first);
        wait_ok(second);

        let after = storage::load(&path).expect("the file still loads");
        let project = after.project(after.locate(id).unwrap()).unwrap();
        let final_status = project.status_in(YEAR);
        assert!(
            matches!(final_status, Some(Status::Done | Status::OnHold)),
            "round {round}: {final_status:?}"
        );
        let mut writers: Vec<&str> = project.history.iter().map(|h| h.by.as_str()).collect();
        writers.sort_unstable();
        assert_eq!(writers, ["anna", "bram"], "round {round}");
        let last = project.history.last().unwrap();
        assert_eq!(
            last.to, final_status,
            "the last entry is the status that stuck"
        );
    }
}

#[test]
fn sixteen_writers_lose_nothing_while_the_lock_file_keeps_being_deleted() {
    for round in 0..3 {
        let (dir, path) = fixture();
        let before = bundled();
        let ids: Vec<String> = before
            .projects()
            .skip(round)
            .step_by(5)
            .take(16)
            .map(|(_, p)| p.id.clone())
            .collect();
        let wanted: Vec<Status> = ids.iter().map(|id| another_status(&before, id)).collect();
        let done = Arc::new(AtomicBool::new(false));

        // A colleague deleting the lock file over and over.
        let lock = dir.path().join(".plan.ron.lock");
        let stop = Arc::clone(&done);
        let deleter = std::thread::spawn(move || {
            let mut deleted = 0u32;
            while !stop.load(Ordering::Relaxed) {
                if fs::remove_file(&lock).is_ok() {
                    deleted += 1;
                }
                std::thread::yield_now();
            }
            deleted
        });
        // A reader that must only ever see a whole plan.
        let (stop, plan_path) = (Arc::clone(&done), path.clone());
        let reader = std::thread::spawn(move || {
            let mut reads = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let bytes = fs::read(&plan_path).expect("the plan is always there");
                if let Err(e) = storage::parse_plan(&plan_path, &bytes) {
                    panic!("a reader saw {} bytes that do not load: {e}", bytes.len());
                }
                reads += 1;
            }
            reads
        });

        let children: Vec<Child> = ids
            .iter()
            .zip(&wanted)
            .enumerate()
            .map(|(n, (id, status))| spawn_set(&path, id, *status, &format!("writer-{n}")))
            .collect();
        children.into_iter().for_each(wait_ok);
        done.store(true, Ordering::Relaxed);
        let deleted = deleter.join().unwrap();
        let reads = reader.join().expect("the reader saw only whole plans");
        assert!(
            deleted > 0 && reads > 0,
            "round {round}: {deleted} deletions, {reads} reads"
        );

        let after = storage::load(&path).expect("the file still loads");
        let lost: Vec<&String> = ids
            .iter()
            .zip(&wanted)
            .filter(|(id, status)| status_of(&after, id) != Some(**status))
            .map(|(id, _)| id)
            .collect();
        assert!(lost.is_empty(), "round {round}: edits lost: {lost:?}");
        let untouched = after
            .projects()
            .filter(|(_, p)| !ids.contains(&p.id))
            .all(|(loc, p)| Some(p) == before.project(loc));
        assert!(
            untouched,
            "round {round}: projects nobody set are unchanged"
        );
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != ".plan.ron.lock")
            .collect();
        names.sort();
        assert_eq!(names, ["plan.ron", "plan.ron.bak"], "round {round}");
    }
}

/// Makes `change` in `plan` as `by` and returns the edit, like the UI does.
fn change(plan: &mut Plan, change: Option<Change>, by: &str) -> Edit {
    let edit = Edit::new(
        change.expect("project exists"),
        Timestamp(1_790_000_000),
        by,
    );
    edit::apply(plan, &edit);
    edit
}

fn text(plan: &Plan, field: TextField, to: &str) -> Option<Change> {
    Change::text(plan, field, to.into())
}

#[test]
fn sync_merges_a_save_by_another_store_on_the_same_file() {
    let (_dir, path) = fixture();
    let (mut store_a, mut plan_a) = Store::open(&path).unwrap();
    let (mut store_b, mut plan_b) = Store::open(&path).unwrap();
    let (x, y) = (
        "programma-loyale-tegenspraak",
        "maatwerk-e-learning-integriteit",
    );

    let owner = text(&plan_b, TextField::Owner(x.into()), "Bram");
    let edit_b = change(&mut plan_b, owner, "bram");
    let report_b = store_b.sync(&mut plan_b, &[edit_b]).unwrap();
    assert!(report_b.wrote && !report_b.merged);

    let done = Change::status(&plan_a, y, YEAR, Some(Status::Done));
    let edit_a = change(&mut plan_a, done, "anna");
    let report = store_a.sync(&mut plan_a, &[edit_a]).unwrap();
    assert!(report.merged && report.wrote, "{report:?}");
    assert!(report.merge.is_clean(), "{report:?}");

    let disk = storage::load(&path).unwrap();
    assert_eq!(disk, plan_a, "A's plan is what is on disk");
    assert_eq!(disk.project(disk.locate(x).unwrap()).unwrap().owner, "Bram");
    assert_eq!(status_of(&disk, y), Some(Status::Done));
}

#[test]
fn sync_same_field_later_save_wins_and_names_the_overridden_value() {
    let (_dir, path) = fixture();
    let (mut store_a, mut plan_a) = Store::open(&path).unwrap();
    let (mut store_b, mut plan_b) = Store::open(&path).unwrap();
    let x = "programma-loyale-tegenspraak";
    let (on_hold, done) = (Some(Status::OnHold), Some(Status::Done));

    let set = Change::status(&plan_b, x, YEAR, on_hold);
    let edit_b = change(&mut plan_b, set, "bram");
    store_b.sync(&mut plan_b, &[edit_b]).unwrap();
    let set = Change::status(&plan_a, x, YEAR, done);
    let edit_a = change(&mut plan_a, set, "anna");
    let report = store_a.sync(&mut plan_a, &[edit_a]).unwrap();

    assert_eq!(
        report.merge.conflicts,
        [Conflict {
            change: Change::Status {
                project: x.to_string(),
                year: YEAR,
                from: on_hold,
                to: done,
            }
        }]
    );
    let disk = storage::load(&path).unwrap();
    assert_eq!(status_of(&disk, x), done);
    let project = disk.project(disk.locate(x).unwrap()).unwrap();
    let steps: Vec<_> = project
        .history
        .iter()
        .map(|h| (h.by.as_str(), h.from, h.to))
        .collect();
    let planned = Some(Status::Planned);
    assert_eq!(steps, [("bram", planned, on_hold), ("anna", on_hold, done)]);
}

#[test]
fn sync_reports_a_project_removed_on_disk_and_drops_only_that_edit() {
    let (_dir, path) = fixture();
    let (mut store, mut plan) = Store::open(&path).unwrap();
    let (gone, kept) = (
        "programma-loyale-tegenspraak",
        "maatwerk-e-learning-integriteit",
    );

    // Someone removes a project by hand, as in an editor.
    let mut by_hand = bundled();
    let loc = by_hand.locate(gone).unwrap();
    by_hand.themes[loc.theme].subthemes[loc.subtheme]
        .projects
        .remove(loc.project);
    fs::write(&path, codec::to_ron(&by_hand)).unwrap();

    let notes = |plan: &Plan, id: &str| text(plan, TextField::Notes(id.into()), "nagevraagd");
    let (to_gone, to_kept) = (notes(&plan, gone), notes(&plan, kept));
    let edits = [
        change(&mut plan, to_gone, "anna"),
        change(&mut plan, to_kept, "anna"),
    ];
    let report = store.sync(&mut plan, &edits).unwrap();
    assert_eq!(report.merge.missing, [gone]);
    let disk = storage::load(&path).unwrap();
    assert!(disk.locate(gone).is_none() && plan.locate(gone).is_none());
    assert_eq!(
        disk.project(disk.locate(kept).unwrap()).unwrap().notes,
        "nagevraagd"
    );
}
