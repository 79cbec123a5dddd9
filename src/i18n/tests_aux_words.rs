//! Every message key of the config, the journal, the lock holder and the
//! outline reader, said in both languages: each variant is listed here (a new
//! variant fails to compile until it is), rendered in Dutch and English, and
//! checked to be non-empty and to differ between the languages.

use std::io::ErrorKind as IoKind;
use std::path::PathBuf;
use std::time::Duration;

use jiff::tz::TimeZone;

use super::Lang;
use super::aux_faults::{
    AuxWhy, ConfigMessage, ConfigProblem, ConfigWarning, Holder, JournalDamage, JournalFault,
};
use super::faults::{IoWhy, SaveFailure};
use crate::codec::SyntaxMessage;
use crate::outline::{ErrorKind, Item};
use crate::timestamp::Timestamp;

fn p() -> PathBuf {
    PathBuf::from("/srv/x.ron")
}

/// Adding a variant to any of these enums breaks this match until the lists
/// below name it.
#[allow(clippy::too_many_arguments)]
fn listed(
    a: &AuxWhy,
    j: &JournalFault,
    d: &JournalDamage,
    c: &ConfigProblem,
    m: &ConfigMessage,
    h: &Holder,
    o: &ErrorKind,
    i: Item,
) {
    match a {
        AuxWhy::NotFound
        | AuxWhy::Symlink
        | AuxWhy::NotRegular
        | AuxWhy::TooLarge { .. }
        | AuxWhy::Io(_) => {}
    }
    match j {
        JournalFault::Read { .. } | JournalFault::Foreign(_) | JournalFault::Damaged { .. } => {}
    }
    match d {
        JournalDamage::Syntax { .. }
        | JournalDamage::UnknownVersion(_)
        | JournalDamage::MixedKinds { .. } => {}
    }
    match c {
        ConfigProblem::Unreadable { .. } | ConfigProblem::Syntax { .. } => {}
    }
    match m {
        ConfigMessage::UnknownSetting { .. }
        | ConfigMessage::UnknownValue { .. }
        | ConfigMessage::DuplicateSetting(_)
        | ConfigMessage::Syntax(_) => {}
    }
    match h {
        Holder::Known { .. }
        | Holder::Other(_)
        | Holder::Unknown
        | Holder::KeepsChanging
        | Holder::Directory(_) => {}
    }
    match o {
        ErrorKind::TooLarge(_)
        | ErrorKind::InvalidUtf8(_)
        | ErrorKind::TooManyItems
        | ErrorKind::TextBeforeTheme
        | ErrorKind::SubthemeBeforeTheme
        | ErrorKind::ProjectBeforeSubtheme
        | ErrorKind::DeepHeading(_)
        | ErrorKind::NoSpaceAfterHash
        | ErrorKind::EmptyTitle(_)
        | ErrorKind::TabIndent
        | ErrorKind::OddIndent
        | ErrorKind::IndentedMarker
        | ErrorKind::TextAfterProject
        | ErrorKind::FocusNotOnTheme(_)
        | ErrorKind::EmptyAttributes
        | ErrorKind::UnmatchedBrace
        | ErrorKind::UnknownAttribute(_)
        | ErrorKind::AttributeTwice(_)
        | ErrorKind::MalformedId(_)
        | ErrorKind::DuplicateId { .. }
        | ErrorKind::StatusNotOnProject(_)
        | ErrorKind::UnknownStatus { .. } => {}
    }
    match i {
        Item::Theme | Item::Subtheme | Item::Project => {}
    }
}

fn aux_whys() -> Vec<AuxWhy> {
    vec![
        AuxWhy::NotFound,
        AuxWhy::Symlink,
        AuxWhy::NotRegular,
        AuxWhy::TooLarge {
            size: 70_000,
            limit: 65_536,
        },
        AuxWhy::Io(IoWhy {
            kind: IoKind::PermissionDenied,
            text: "permission denied".into(),
        }),
    ]
}

fn journal_damages() -> Vec<JournalDamage> {
    vec![
        JournalDamage::Syntax {
            line: 1,
            col: 2,
            message: SyntaxMessage::Eof,
        },
        JournalDamage::UnknownVersion(3),
        JournalDamage::MixedKinds {
            project: "p".into(),
        },
    ]
}

fn journal_faults() -> Vec<JournalFault> {
    let mut all: Vec<JournalFault> = aux_whys()
        .into_iter()
        .map(|why| JournalFault::Read { path: p(), why })
        .collect();
    all.push(JournalFault::Foreign(p()));
    all.extend(
        journal_damages()
            .into_iter()
            .map(|damage| JournalFault::Damaged { path: p(), damage }),
    );
    all
}

fn config_messages() -> Vec<ConfigMessage> {
    let names = || vec!["file".to_string(), "lang".to_string()];
    vec![
        ConfigMessage::UnknownSetting {
            found: "colour".into(),
            expected: names(),
        },
        ConfigMessage::UnknownValue {
            found: "Fr".into(),
            expected: names(),
        },
        ConfigMessage::DuplicateSetting("mouse".into()),
        ConfigMessage::Syntax(SyntaxMessage::ExpectedComma),
    ]
}

fn config_problems() -> Vec<ConfigProblem> {
    let mut all: Vec<ConfigProblem> = aux_whys()
        .into_iter()
        .map(|why| ConfigProblem::Unreadable {
            why,
            links_to: Some("/dev/zero".into()),
        })
        .collect();
    all.extend(
        config_messages()
            .into_iter()
            .map(|message| ConfigProblem::Syntax {
                line: 2,
                col: 5,
                message,
                excerpt: String::new(),
            }),
    );
    all
}

/// The holders whose words are the language's own (free text is as it is).
fn holders() -> Vec<Holder> {
    vec![
        Holder::Known {
            name: "hanna".into(),
            pid: 12,
            since: Some(Timestamp(1_773_480_065)),
        },
        Holder::Unknown,
        Holder::KeepsChanging,
        Holder::Directory("/srv".into()),
    ]
}

fn outline_errors() -> Vec<ErrorKind> {
    let mut all = vec![
        ErrorKind::TooLarge(1 << 30),
        ErrorKind::InvalidUtf8(0xff),
        ErrorKind::TooManyItems,
        ErrorKind::TextBeforeTheme,
        ErrorKind::SubthemeBeforeTheme,
        ErrorKind::ProjectBeforeSubtheme,
        ErrorKind::DeepHeading(3),
        ErrorKind::NoSpaceAfterHash,
        ErrorKind::TabIndent,
        ErrorKind::OddIndent,
        ErrorKind::IndentedMarker,
        ErrorKind::TextAfterProject,
        ErrorKind::EmptyAttributes,
        ErrorKind::UnmatchedBrace,
        ErrorKind::UnknownAttribute("x".into()),
        ErrorKind::AttributeTwice("#id"),
        ErrorKind::MalformedId("X Y".into()),
        ErrorKind::DuplicateId {
            id: "a".into(),
            first_line: 3,
        },
        ErrorKind::UnknownStatus {
            found: "Klaar".into(),
            suggestion: Some("Done"),
        },
    ];
    for item in [Item::Theme, Item::Subtheme, Item::Project] {
        all.extend([
            ErrorKind::EmptyTitle(item),
            ErrorKind::FocusNotOnTheme(item),
            ErrorKind::StatusNotOnProject(item),
        ]);
    }
    all
}

/// Both languages say something, and not the same thing.
fn said(what: &str, nl: String, en: String) {
    assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{what}");
    assert_ne!(nl, en, "{what}: the same in both languages");
}

#[test]
fn every_config_journal_lock_and_outline_message_is_said_in_both_languages() {
    listed(
        &AuxWhy::NotFound,
        &JournalFault::Foreign(p()),
        &JournalDamage::UnknownVersion(3),
        &config_problems()[0],
        &config_messages()[0],
        &Holder::Unknown,
        &ErrorKind::TabIndent,
        Item::Theme,
    );
    let zone = TimeZone::UTC;
    for a in aux_whys() {
        said(
            &format!("{a:?}"),
            Lang::Nl.aux_why(&a),
            Lang::En.aux_why(&a),
        );
    }
    for j in journal_faults() {
        let (nl, en) = (Lang::Nl.journal_fault(&j), Lang::En.journal_fault(&j));
        assert_eq!(j.to_string(), en);
        said(&format!("{j:?}"), nl, en);
    }
    for problem in config_problems() {
        let w = ConfigWarning { path: p(), problem };
        said(
            &format!("{w:?}"),
            Lang::Nl.config_warning(&w),
            Lang::En.config_warning(&w),
        );
    }
    for h in holders() {
        said(
            &format!("{h:?}"),
            Lang::Nl.holder(&h, &zone),
            Lang::En.holder(&h, &zone),
        );
        let locked = SaveFailure::Locked {
            plan: p(),
            lock: p(),
            holder: h.clone(),
            waited: Duration::from_secs(10),
        };
        said(
            &format!("{locked:?}"),
            Lang::Nl.not_saved(&locked, &zone),
            Lang::En.not_saved(&locked, &zone),
        );
    }
    for o in outline_errors() {
        let (nl, en) = (Lang::Nl.outline_error(&o), Lang::En.outline_error(&o));
        assert_eq!(o.to_string(), en);
        said(&format!("{o:?}"), nl, en);
    }
}

#[test]
fn outline_errors_are_dutch_in_dutch() {
    let nl = Lang::Nl.outline_error(&ErrorKind::ProjectBeforeSubtheme);
    assert_eq!(
        nl,
        "een `-`-project buiten een subthema: verwacht erboven een kop `## Subthema`, onder zijn thema"
    );
    let en = Lang::En.outline_error(&ErrorKind::ProjectBeforeSubtheme);
    assert!(en.contains("outside a sub-theme"), "{en}");
    let nl = Lang::Nl.outline_error(&ErrorKind::EmptyTitle(Item::Project));
    assert_eq!(nl, "de titel van het project is leeg");
    let nl = Lang::Nl.outline_error(&ErrorKind::FocusNotOnTheme(Item::Subtheme));
    assert!(nl.contains("geen `##`-subthema"), "{nl}");
    for w in ["expected", "theme", "project title", "not a"] {
        assert!(!nl.contains(w), "{w:?} in {nl}");
    }
    // Text from the outline is cut short and made safe to show.
    let long = ErrorKind::MalformedId(format!("\u{1b}[2J{}", "x".repeat(500)));
    let nl = Lang::Nl.outline_error(&long);
    assert!(!nl.contains('\u{1b}'), "{nl}");
    assert!(nl.chars().count() < 200, "{nl}");
}
