use std::os::unix::fs::PermissionsExt;

use super::*;

fn sample() -> Entry {
    Entry {
        edits: vec![Edit {
            project: "kwalen-kwartet".into(),
            field: Field::Status(2026),
            before: Value::Status(Some(Status::Planned)),
            after: Value::Status(Some(Status::Done)),
            at: Timestamp(1_790_000_000),
            by: "anna".into(),
        }],
        input: Some((
            "kwalen-kwartet".into(),
            Field::Notes,
            "two\nlines “typed” ë 🙂".into(),
        )),
    }
}

#[test]
fn write_read_clear_round_trip_in_a_private_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, "x").unwrap();
    let journal = Journal::in_dir(&dir.path().join("state/journal"), &plan);
    assert_eq!(journal.read().unwrap(), None);
    journal.write(&sample()).unwrap();
    assert_eq!(journal.read().unwrap(), Some(sample()));
    let mode = std::fs::metadata(journal.path())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let dmode = std::fs::metadata(journal.path().parent().unwrap())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(dmode & 0o777, 0o700);
    journal.write(&Entry::default()).unwrap();
    assert!(!journal.path().exists());
    assert_eq!(journal.read().unwrap(), None);
}

#[test]
fn another_plan_has_another_journal() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let a = Journal::in_dir(&state, &dir.path().join("a/plan.ron"));
    let b = Journal::in_dir(&state, &dir.path().join("b/plan.ron"));
    assert_ne!(a.path(), b.path());
}

#[test]
fn planted_symlinks_fifos_and_readable_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let state = dir.path().join("state");
    let journal = Journal::in_dir(&state, &plan);
    std::fs::create_dir_all(&state).unwrap();
    std::os::unix::fs::symlink("/dev/zero", journal.path()).unwrap();
    assert!(matches!(
        journal.read(),
        Err(JournalError::Read(_, AuxReadError::Symlink))
    ));
    // Writing replaces the link by rename and never writes through it.
    journal.write(&sample()).unwrap();
    assert!(std::fs::symlink_metadata(journal.path()).unwrap().is_file());
    std::fs::set_permissions(journal.path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(matches!(journal.read(), Err(JournalError::Foreign(_))));
    std::fs::remove_file(journal.path()).unwrap();
    let c = std::ffi::CString::new(journal.path().to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    assert!(matches!(
        journal.read(),
        Err(JournalError::Read(_, AuxReadError::NotRegular))
    ));
}

#[test]
fn a_damaged_journal_is_reported_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(dir.path(), &dir.path().join("plan.ron"));
    std::fs::write(journal.path(), "(version: 1, plan: ").unwrap();
    std::fs::set_permissions(journal.path(), std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(matches!(journal.read(), Err(JournalError::Damaged(..))));
}
