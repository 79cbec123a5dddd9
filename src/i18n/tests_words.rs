//! Every message key with data, said in both languages: each variant of the
//! fault, problem and syntax enums is listed here (a new variant fails to
//! compile until it is), rendered in Dutch and English, and checked to be
//! non-empty and to differ between the languages.

use std::io::ErrorKind;
use std::path::PathBuf;
use std::time::Duration;

use super::Lang;
use super::faults::{FileFault, IoWhy, MetaWhy, ReadOnlyWhy, SaveFailure};
use super::tests_syntax::syntax_messages;
use crate::codec::SyntaxMessage;
use crate::plan::{ConflictIssue, Field, Issue, Kind, Problem};

fn utc() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::UTC
}

fn p() -> PathBuf {
    PathBuf::from("/srv/plan.ron")
}

fn io() -> IoWhy {
    IoWhy {
        kind: ErrorKind::PermissionDenied,
        text: "permission denied".into(),
    }
}

/// Adding a variant to any of these enums breaks this match until the lists
/// below name it.
fn listed(f: &FileFault, r: &ReadOnlyWhy, m: &MetaWhy, s: &SaveFailure, x: &SyntaxMessage) {
    match f {
        FileFault::NotFound(_)
        | FileFault::Deleted(_)
        | FileFault::IsDirectory(_)
        | FileFault::Fifo(_)
        | FileFault::NotRegular(_)
        | FileFault::SymlinkLoop(_)
        | FileFault::TooLarge { .. }
        | FileFault::Unreadable { .. }
        | FileFault::Syntax { .. }
        | FileFault::Invalid { .. } => {}
    }
    match r {
        ReadOnlyWhy::Forced
        | ReadOnlyWhy::NoWriteBits { .. }
        | ReadOnlyWhy::NotWritable(_)
        | ReadOnlyWhy::DirNotWritable(_)
        | ReadOnlyWhy::HardLinks { .. }
        | ReadOnlyWhy::OwnerChange { .. }
        | ReadOnlyWhy::GroupNotKept { .. } => {}
    }
    match m {
        MetaWhy::ReadAttributes(_)
        | MetaWhy::Group { .. }
        | MetaWhy::Mode { .. }
        | MetaWhy::Acl(_)
        | MetaWhy::Attribute { .. } => {}
    }
    match s {
        SaveFailure::ReadOnly(_)
        | SaveFailure::Locked { .. }
        | SaveFailure::BadLock { .. }
        | SaveFailure::DiskBroken(_)
        | SaveFailure::NotAFile(_)
        | SaveFailure::Deleted(_)
        | SaveFailure::Metadata { .. }
        | SaveFailure::Unstable(_)
        | SaveFailure::Interfered(_)
        | SaveFailure::Io { .. } => {}
    }
    match x {
        SyntaxMessage::Empty
        | SyntaxMessage::BadUtf8(_)
        | SyntaxMessage::Eof
        | SyntaxMessage::ExpectedComma
        | SyntaxMessage::UnclosedText
        | SyntaxMessage::ExpectedName
        | SyntaxMessage::BadEscape(_)
        | SyntaxMessage::Expected(_)
        | SyntaxMessage::UnexpectedChar(_)
        | SyntaxMessage::UnclosedComment
        | SyntaxMessage::BadDigit(_)
        | SyntaxMessage::Underscore
        | SyntaxMessage::BadName(_)
        | SyntaxMessage::UnknownExtension(_)
        | SyntaxMessage::WrongLength { .. }
        | SyntaxMessage::UnknownField { .. }
        | SyntaxMessage::MissingField { .. }
        | SyntaxMessage::DuplicateField { .. }
        | SyntaxMessage::UnknownStatus { .. }
        | SyntaxMessage::UnknownChoice { .. }
        | SyntaxMessage::DuplicateYear(_)
        | SyntaxMessage::BadTime(_)
        | SyntaxMessage::WrongName { .. }
        | SyntaxMessage::WrongType { .. }
        | SyntaxMessage::Trailing
        | SyntaxMessage::TooDeep
        | SyntaxMessage::NumberOutOfRange
        | SyntaxMessage::Other(_) => {}
    }
}

fn problems() -> Vec<Problem> {
    let kinds = [Kind::Project, Kind::Subtheme, Kind::Theme];
    let mut issues: Vec<Issue> = [
        Field::Fund,
        Field::Title,
        Field::ThemeName,
        Field::SubthemeName,
        Field::ProjectTitle,
    ]
    .into_iter()
    .map(Issue::Empty)
    .collect();
    issues.extend([
        Issue::PlanYear(1999),
        Issue::StatusYear(2200),
        Issue::HistoryYear {
            entry: 2,
            year: 1900,
        },
        Issue::DuplicateId {
            id: "x".into(),
            first: "a › b".into(),
        },
        Issue::NoParent,
    ]);
    for kind in kinds {
        issues.push(Issue::MalformedId {
            kind,
            id: "A B".into(),
        });
        let (key, id) = ("x:name".to_string(), "x".to_string());
        let why = ConflictIssue::WrongKind { id, kind };
        issues.push(Issue::Conflict { key, why });
    }
    for why in [
        ConflictIssue::SameFieldAs(1),
        ConflictIssue::YearOutside(1999),
        ConflictIssue::FundHasId,
        ConflictIssue::NoSuchItem("x".into()),
    ] {
        let key = "x:status:2026".to_string();
        issues.push(Issue::Conflict { key, why });
    }
    let path = "thema › sub".to_string();
    issues
        .into_iter()
        .map(|issue| Problem {
            path: path.clone(),
            issue,
        })
        .collect()
}

fn file_faults() -> Vec<FileFault> {
    let mut all = vec![
        FileFault::NotFound(p()),
        FileFault::Deleted(p()),
        FileFault::IsDirectory(p()),
        FileFault::Fifo(p()),
        FileFault::NotRegular(p()),
        FileFault::SymlinkLoop(p()),
        FileFault::TooLarge {
            path: p(),
            size: 70 << 20,
            limit: 64 << 20,
        },
        FileFault::Unreadable {
            path: p(),
            why: io(),
        },
        FileFault::Invalid {
            path: p(),
            problems: problems(),
        },
    ];
    for message in syntax_messages() {
        all.push(FileFault::Syntax {
            path: p(),
            line: 3,
            col: 5,
            message,
            excerpt: "3 | x\n  | ^".into(),
        });
    }
    all
}

fn read_only_whys() -> Vec<ReadOnlyWhy> {
    vec![
        ReadOnlyWhy::Forced,
        ReadOnlyWhy::NoWriteBits {
            path: p(),
            mode: 0o444,
        },
        ReadOnlyWhy::NotWritable(p()),
        ReadOnlyWhy::DirNotWritable("/srv".into()),
        ReadOnlyWhy::HardLinks {
            path: p(),
            links: 2,
        },
        ReadOnlyWhy::OwnerChange {
            path: p(),
            owner: "anna".into(),
            who: None,
            before: "rw-".into(),
            after: "r--".into(),
        },
        ReadOnlyWhy::OwnerChange {
            path: p(),
            owner: "anna".into(),
            who: Some("bram".into()),
            before: "rw-".into(),
            after: "r--".into(),
        },
        ReadOnlyWhy::GroupNotKept {
            path: p(),
            group: "plannen".into(),
        },
    ]
}

fn meta_whys() -> Vec<MetaWhy> {
    vec![
        MetaWhy::ReadAttributes(io()),
        MetaWhy::Group {
            group: "plannen".into(),
            why: io(),
        },
        MetaWhy::Mode {
            wanted: 0o664,
            got: 0o644,
        },
        MetaWhy::Acl(io()),
        MetaWhy::Attribute {
            name: "user.x".into(),
            why: io(),
        },
    ]
}

fn save_failures() -> Vec<SaveFailure> {
    let mut all = vec![
        SaveFailure::Locked {
            plan: p(),
            lock: p(),
            holder: super::Holder::Unknown,
            waited: Duration::from_secs(10),
        },
        SaveFailure::BadLock {
            lock: p(),
            symlink: true,
        },
        SaveFailure::BadLock {
            lock: p(),
            symlink: false,
        },
        SaveFailure::NotAFile(Box::new(FileFault::IsDirectory(p()))),
        SaveFailure::Deleted(p()),
        SaveFailure::Unstable(p()),
        SaveFailure::Interfered(p()),
        SaveFailure::Io {
            path: p(),
            why: io(),
        },
    ];
    all.extend(read_only_whys().into_iter().map(SaveFailure::ReadOnly));
    all.extend((file_faults().into_iter()).map(|f| SaveFailure::DiskBroken(Box::new(f))));
    all.extend(
        meta_whys()
            .into_iter()
            .map(|why| SaveFailure::Metadata { path: p(), why }),
    );
    all
}

/// Both languages say something, and not the same thing.
fn said(what: &str, nl: String, en: String) {
    assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{what}");
    assert_ne!(nl, en, "{what}: the same in both languages");
}

#[test]
fn every_fault_is_said_in_both_languages() {
    let (f, r, m, s, x) = (
        &file_faults()[0],
        &ReadOnlyWhy::Forced,
        &meta_whys()[0],
        &save_failures()[0],
        &SyntaxMessage::Eof,
    );
    listed(f, r, m, s, x);
    for f in file_faults() {
        said(
            &format!("{f:?}"),
            Lang::Nl.file_fault(&f),
            Lang::En.file_fault(&f),
        );
    }
    for s in save_failures() {
        said(
            &format!("{s:?}"),
            Lang::Nl.not_saved(&s, &utc()),
            Lang::En.not_saved(&s, &utc()),
        );
    }
    for x in syntax_messages() {
        said(&format!("{x:?}"), Lang::Nl.syntax(&x), Lang::En.syntax(&x));
    }
    for p in problems() {
        said(
            &format!("{p:?}"),
            Lang::Nl.problem(&p),
            Lang::En.problem(&p),
        );
    }
}

#[test]
fn what_only_the_system_or_the_parser_says_is_passed_on_as_it_is() {
    let other = SyntaxMessage::Other("`at` is not a time".into());
    assert_eq!(Lang::Nl.syntax(&other), Lang::En.syntax(&other));
    let odd = IoWhy {
        kind: ErrorKind::Other,
        text: "input/output error".into(),
    };
    assert_eq!(Lang::Nl.io_why(&odd), "input/output error");
    assert_eq!(Lang::Nl.io_why(&io()), "geen toestemming");
}

#[test]
fn a_failed_save_names_its_reason_in_dutch() {
    let forced = SaveFailure::ReadOnly(ReadOnlyWhy::Forced);
    assert_eq!(
        Lang::Nl.not_saved(&forced, &utc()),
        "niet opgeslagen: geopend met --read-only"
    );
    assert_eq!(
        Lang::En.not_saved(&forced, &utc()),
        "not saved: opened read-only (--read-only)"
    );
    let broken = SaveFailure::DiskBroken(Box::new(FileFault::Syntax {
        path: "plan.ron".into(),
        line: 2,
        col: 7,
        message: SyntaxMessage::UnclosedText,
        excerpt: String::new(),
    }));
    assert_eq!(
        Lang::Nl.not_saved(&broken, &utc()),
        "niet opgeslagen: het bestand op schijf is gewijzigd en laadt niet meer; herstel het eerst.\n\
         plan.ron:2:7: deze tekst is niet afgesloten: het sluitende `\"` ontbreekt"
    );
}
