//! The save step when another writer gets in between despite the lock (one that
//! ignores it, or whose lock file was deleted): nothing is lost, nothing broken is
//! overwritten, and nothing is left behind. The other writer is simulated by a hook
//! that runs after the new version is written and before it is put in place.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::save::{BEFORE_COMMIT, NO_EXCHANGE};
use super::*;
use crate::edit::{self, Change, Edit, TextField};
use crate::i18n::Holder;
use crate::plan::Plan;
use crate::timestamp::Timestamp;

const X: &str = "programma-loyale-tegenspraak";
const Y: &str = "maatwerk-e-learning-integriteit";

fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED_PLAN).unwrap();
    (dir, path)
}

fn note(plan: &mut Plan, id: &str, text: &str, by: &str) -> Edit {
    let change = Change::text(plan, TextField::Notes(id.into()), text.into()).unwrap();
    let e = Edit::new(change, Timestamp(1_790_000_000), by);
    edit::apply(plan, &e);
    e
}

fn notes_of(path: &Path, id: &str) -> String {
    let plan = load(path).unwrap();
    plan.project(plan.locate(id).unwrap())
        .unwrap()
        .notes
        .clone()
}

/// The plan as another program would save it: `id`'s notes set, renamed in place.
fn foreign_save(target: &Path, id: &str, text: &str) {
    let mut plan = load(target).unwrap();
    note(&mut plan, id, text, "other");
    let tmp = target.with_file_name("foreign.tmp");
    fs::write(&tmp, crate::codec::to_ron(&plan)).unwrap();
    fs::rename(&tmp, target).unwrap();
}

/// The names in `dir`, less the store's workspace, which must be empty between saves.
fn names(dir: &Path) -> Vec<String> {
    let mut v = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tmp") && e.file_type().unwrap().is_dir() {
            let inside: Vec<_> = fs::read_dir(e.path()).unwrap().collect();
            assert!(inside.is_empty(), "{name} holds {inside:?}");
        } else {
            v.push(name);
        }
    }
    v.sort();
    v
}

/// Runs `f` with `hook` called once between writing and putting in place.
fn with_hook<T>(hook: impl FnOnce(&Path) + 'static, f: impl FnOnce() -> T) -> T {
    let mut hook = Some(hook);
    BEFORE_COMMIT.set(Some(Box::new(move |p: &Path| {
        if let Some(h) = hook.take() {
            h(p)
        }
    })));
    let out = f();
    BEFORE_COMMIT.set(None);
    out
}

fn a_save_in_between_is_merged(swap: bool) {
    NO_EXCHANGE.set(!swap);
    let (dir, path) = fixture();
    let (mut store, mut plan) = Store::open(&path).unwrap();
    let mine = note(&mut plan, X, "mine", "anna");
    let report = with_hook(
        |target| foreign_save(target, Y, "theirs"),
        || store.sync(&mut plan, &[mine]).unwrap(),
    );
    NO_EXCHANGE.set(false);
    assert!(report.wrote && report.merged, "{report:?}");
    assert_eq!(notes_of(&path, X), "mine");
    assert_eq!(notes_of(&path, Y), "theirs");
    assert_eq!(load(&path).unwrap(), plan, "the caller has what is on disk");
    assert_eq!(
        names(dir.path()),
        [".plan.ron.lock", "plan.ron", "plan.ron.bak"]
    );
    // The next save knows this version: nothing to merge.
    let again = note(&mut plan, X, "mine again", "anna");
    assert!(!store.sync(&mut plan, &[again]).unwrap().merged);
    // The workspace goes with the store.
    drop(store);
    let all: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(all.len(), 3, "{all:?}");
}

#[test]
fn a_save_in_between_is_merged_after_the_swap() {
    a_save_in_between_is_merged(true);
}

#[test]
fn a_save_in_between_is_merged_before_a_plain_rename() {
    a_save_in_between_is_merged(false);
}

#[test]
fn a_write_in_place_in_between_is_noticed() {
    let (_dir, path) = fixture();
    let (mut store, mut plan) = Store::open(&path).unwrap();
    let mine = note(&mut plan, X, "mine", "anna");
    with_hook(
        |target| {
            let mut theirs = load(target).unwrap();
            note(&mut theirs, Y, "in place", "editor");
            fs::write(target, crate::codec::to_ron(&theirs)).unwrap();
        },
        || store.sync(&mut plan, &[mine]).unwrap(),
    );
    assert_eq!(notes_of(&path, X), "mine");
    assert_eq!(notes_of(&path, Y), "in place");
}

#[test]
fn a_broken_file_saved_in_between_is_put_back_and_not_overwritten() {
    let (dir, path) = fixture();
    let (mut store, mut plan) = Store::open(&path).unwrap();
    let mine = note(&mut plan, X, "mine", "anna");
    let e = with_hook(
        |target| {
            let tmp = target.with_file_name("foreign.tmp");
            fs::write(&tmp, "(half a plan").unwrap();
            fs::rename(&tmp, target).unwrap();
        },
        || store.sync(&mut plan, &[mine]).unwrap_err(),
    );
    assert!(matches!(e, SaveError::DiskBroken(_)), "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "(half a plan");
    assert_eq!(names(dir.path()), [".plan.ron.lock", "plan.ron"]);
}

#[test]
fn the_backup_is_the_replaced_version_and_the_plan_has_one_name() {
    for swap in [true, false] {
        NO_EXCHANGE.set(!swap);
        let (dir, path) = fixture();
        let (mut store, mut plan) = Store::open(&path).unwrap();
        let e = note(&mut plan, X, "one", "anna");
        store.sync(&mut plan, &[e]).unwrap();
        let first = fs::read(&path).unwrap();
        let e = note(&mut plan, X, "two", "anna");
        store.sync(&mut plan, &[e]).unwrap();
        NO_EXCHANGE.set(false);
        assert_eq!(fs::read(dir.path().join("plan.ron.bak")).unwrap(), first);
        assert_eq!(fs::metadata(&path).unwrap().nlink(), 1, "swap: {swap}");
        assert_eq!(notes_of(&path, X), "two");
    }
}

#[test]
fn a_failed_save_keeps_the_last_backup() {
    let (dir, path) = fixture();
    let backup = dir.path().join("plan.ron.bak");
    fs::write(&backup, "the last good backup").unwrap();
    let (mut store, mut plan) = Store::open(&path).unwrap();
    let e = note(&mut plan, X, "mine", "anna");
    // The plan is replaced by a directory just before the swap: refused, put back.
    let err = with_hook(
        |target| {
            fs::remove_file(target).unwrap();
            fs::create_dir(target).unwrap();
        },
        || store.sync(&mut plan, &[e]).unwrap_err(),
    );
    assert!(matches!(err, SaveError::NotAFile(_)), "{err}");
    assert!(path.is_dir());
    assert_eq!(fs::read_to_string(&backup).unwrap(), "the last good backup");
    assert_eq!(
        names(dir.path()),
        [".plan.ron.lock", "plan.ron", "plan.ron.bak"]
    );
}

#[test]
fn a_plan_deleted_while_open_is_named_so() {
    let (_dir, path) = fixture();
    let (mut store, mut plan) = Store::open(&path).unwrap();
    fs::remove_file(&path).unwrap();
    let e = note(&mut plan, X, "mine", "anna");
    let err = store.sync(&mut plan, &[e]).unwrap_err();
    assert!(matches!(err, SaveError::Deleted(_)), "{err}");
    assert!(
        err.to_string()
            .ends_with("plan.ron was deleted or moved away while it was open; put a plan file back at that path to save"),
        "{err}"
    );
    let err = store.reload_if_changed().unwrap_err();
    assert!(matches!(err, LoadError::Deleted(_)), "{err}");
    assert!(!path.exists(), "nothing was created");
}

#[test]
fn sync_observed_names_the_holder_while_it_waits() {
    let (dir, path) = fixture();
    let lock = dir.path().join(".plan.ron.lock");
    // Another open file description of the lock file, locked: a second writer.
    let held = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock)
        .unwrap();
    held.lock().unwrap();
    fs::write(&lock, "bram\u{1b}]0;x\u{7} (pid 1)").unwrap();
    let (mut store, mut plan) = Store::open(&path).unwrap();
    let e = note(&mut plan, X, "mine", "anna");
    let (tx, rx) = std::sync::mpsc::channel();
    let saver = std::thread::spawn(move || {
        let mut heard = Vec::new();
        let result = store.sync_observed(&mut plan, &[e], &mut |h| {
            heard.push(h.clone());
            let _ = tx.send(());
        });
        (result.map(|r| r.wrote), heard)
    });
    rx.recv().unwrap();
    fs::write(&lock, "carla (pid 2)").unwrap();
    // The waiting save notices the new holder, then gets the lock.
    rx.recv().unwrap();
    drop(held);
    let (wrote, heard) = saver.join().unwrap();
    assert!(wrote.unwrap());
    let known = |name: &str, pid| Holder::Known {
        name: name.into(),
        pid,
        since: None,
    };
    // The escape sequence's control characters are left out.
    assert_eq!(heard, [known("bram]0;x", 1), known("carla", 2)]);
    assert_eq!(notes_of(&path, X), "mine");
}
