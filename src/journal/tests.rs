use std::os::unix::fs::PermissionsExt;

use super::*;
use crate::edit::{Change, Edit, TextField};
use crate::i18n::Lang;
use crate::plan::Status;
use crate::timestamp::Timestamp;

fn sample() -> Unsaved {
    let edit = |change| Edit {
        change,
        at: Timestamp(1_790_000_000),
        by: "anna".into(),
    };
    Unsaved {
        edits: vec![
            edit(Change::Status {
                project: "kwalen-kwartet".into(),
                year: 2026,
                from: Some(Status::Planned),
                to: Some(Status::Done),
            }),
            edit(Change::Status {
                project: "kwalen-kwartet".into(),
                year: 2027,
                from: Some(Status::Done),
                to: None,
            }),
            edit(Change::Text {
                field: TextField::SubthemeIntro("a-sub".into()),
                from: String::new(),
                to: "twee\nregels".into(),
            }),
            edit(Change::Focus {
                theme: "thema".into(),
                from: false,
                to: true,
            }),
            edit(Change::PlanYear {
                from: 2026,
                to: 2027,
            }),
        ],
        input: Some((
            TextField::Notes("kwalen-kwartet".into()),
            "two\nlines “typed” ë 🙂".into(),
        )),
    }
}

/// A private journal file holding `text`, for the plan at `plan`.
fn planted(dir: &std::path::Path, plan: &std::path::Path, text: &str) -> Journal {
    let journal = Journal::in_dir(&dir.join("state"), plan);
    std::fs::create_dir_all(journal.path().parent().unwrap()).unwrap();
    std::fs::write(journal.path(), text).unwrap();
    std::fs::set_permissions(journal.path(), std::fs::Permissions::from_mode(0o600)).unwrap();
    journal
}

#[test]
fn version_2_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, "x").unwrap();
    let journal = Journal::in_dir(&dir.path().join("state"), &plan);
    journal.write(&sample()).unwrap();
    let text = std::fs::read_to_string(journal.path()).unwrap();
    assert!(text.contains("version: 2,"), "{text}");
    assert!(text.contains("SubthemeIntro(\"a-sub\")"), "{text}");
}

#[test]
fn version_1_files_are_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, "x").unwrap();
    let real = std::fs::canonicalize(&plan).unwrap();
    // As version 1 wrote it.
    let text = format!(
        r#"(
    version: 1,
    plan: {real:?},
    edits: [
        (
            project: "kwalen-kwartet",
            field: Status(2026),
            before: Status(Some(Planned)),
            after: Status(Some(Done)),
            at: 1790000000,
            by: "anna",
        ),
        (
            project: "kwalen-kwartet",
            field: Owner,
            before: Text("Ingrid"),
            after: Text("Bram"),
            at: 1790000001,
            by: "bert",
        ),
    ],
    input: Some((
        project: "kwalen-kwartet",
        field: Notes,
        text: "half\ngetypt",
    )),
)"#
    );
    let journal = planted(dir.path(), &plan, &text);
    let entry = journal.read().unwrap().unwrap();
    let expected = Unsaved {
        edits: vec![
            Edit {
                change: Change::Status {
                    project: "kwalen-kwartet".into(),
                    year: 2026,
                    from: Some(Status::Planned),
                    to: Some(Status::Done),
                },
                at: Timestamp(1_790_000_000),
                by: "anna".into(),
            },
            Edit {
                change: Change::Text {
                    field: TextField::Owner("kwalen-kwartet".into()),
                    from: "Ingrid".into(),
                    to: "Bram".into(),
                },
                at: Timestamp(1_790_000_001),
                by: "bert".into(),
            },
        ],
        input: Some((
            TextField::Notes("kwalen-kwartet".into()),
            "half\ngetypt".into(),
        )),
    };
    assert_eq!(entry, expected);
    // Written back, it is version 2 and reads the same.
    journal.write(&entry).unwrap();
    assert!(
        std::fs::read_to_string(journal.path())
            .unwrap()
            .contains("version: 2,")
    );
    assert_eq!(journal.read().unwrap(), Some(expected));
}

#[test]
fn a_version_1_edit_mixing_kinds_or_an_unknown_version_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, "x").unwrap();
    let real = std::fs::canonicalize(&plan).unwrap();
    let mixed = format!(
        r#"(version: 1, plan: {real:?}, edits: [(project: "p", field: Owner,
        before: Status(None), after: Text("x"), at: 0, by: "anna")], input: None)"#
    );
    let journal = planted(dir.path(), &plan, &mixed);
    match journal.read() {
        Err(JournalError::Damaged(_, why)) => {
            assert_eq!(
                why,
                JournalDamage::MixedKinds {
                    project: "p".into()
                }
            );
        }
        other => panic!("{other:?}"),
    }
    let future = format!(r#"(version: 3, plan: {real:?}, edits: [], input: None)"#);
    let journal = planted(dir.path(), &plan, &future);
    match journal.read() {
        Err(e @ JournalError::Damaged(..)) => {
            assert!(matches!(
                e,
                JournalError::Damaged(_, JournalDamage::UnknownVersion(3))
            ));
            let nl = Lang::Nl.journal_fault(&e.fault());
            assert!(
                nl.ends_with(
                    ": beschadigd: onbekende versie 3 (geschreven door een nieuwere aoplan?)"
                ),
                "{nl}"
            );
            assert!(
                e.to_string()
                    .ends_with(": damaged: unknown version 3 (written by a newer aoplan?)"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
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
    journal.write(&Unsaved::default()).unwrap();
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
    let e = journal.read().unwrap_err();
    let JournalError::Damaged(_, JournalDamage::Syntax { line: 1, col, .. }) = e else {
        panic!("{e:?}");
    };
    assert!(col > 1, "{e}");
    let nl = Lang::Nl.journal_fault(&e.fault());
    assert!(nl.contains(": beschadigd: 1:"), "{nl}");
    assert!(nl.contains("onverwacht einde van het bestand"), "{nl}");
    // Not UTF-8.
    std::fs::write(journal.path(), b"(version: \xff").unwrap();
    let e = journal.read().unwrap_err();
    assert!(
        e.to_string()
            .contains("damaged: 1:11: invalid UTF-8 (byte 0xFF)"),
        "{e}"
    );
    // Someone else's journal, or one others may read, is said to be left alone.
    std::fs::set_permissions(journal.path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let e = journal.read().unwrap_err();
    assert!(
        Lang::Nl.journal_fault(&e.fault()).contains("niet van jou"),
        "{e}"
    );
    assert!(e.to_string().contains("not owned by you"), "{e}");
}
