use std::io::ErrorKind;
use std::path::PathBuf;

use jiff::tz::TimeZone;

use super::*;
use crate::codec::SyntaxMessage;
use crate::i18n::IoWhy;
use crate::timestamp::Timestamp;

fn p() -> PathBuf {
    PathBuf::from("/home/anna/.config/aoplan/config.ron")
}

fn amsterdam() -> TimeZone {
    TimeZone::get("Europe/Amsterdam").expect("the tz database has Amsterdam")
}

/// Neither language's words in the other's text.
fn only_dutch(nl: &str, dutch: &[&str], english: &[&str]) {
    for w in dutch {
        assert!(nl.contains(w), "{w:?} missing in {nl}");
    }
    for w in english {
        assert!(!nl.contains(w), "{w:?} in {nl}");
    }
}

#[test]
fn a_config_with_an_unknown_setting_is_said_in_dutch_and_english() {
    let w = ConfigWarning {
        path: p(),
        problem: ConfigProblem::Syntax {
            line: 2,
            col: 5,
            message: ConfigMessage::UnknownSetting {
                found: "colour".into(),
                expected: vec!["file".into(), "lang".into()],
            },
            excerpt: "2 |     colour: Dark,\n  |     ^".into(),
        },
    };
    let nl = Lang::Nl.config_warning(&w);
    assert_eq!(
        nl,
        "/home/anna/.config/aoplan/config.ron:2:5: onbekende instelling `colour`; \
         de instellingen zijn `file`, `lang`\n2 |     colour: Dark,\n  |     ^\n\
         Het configuratiebestand wordt genegeerd; de standaardinstellingen gelden."
    );
    let en = Lang::En.config_warning(&w);
    assert_eq!(
        en,
        "/home/anna/.config/aoplan/config.ron:2:5: unknown setting `colour`; \
         the settings are `file`, `lang`\n2 |     colour: Dark,\n  |     ^\n\
         The config file is ignored; using the default settings."
    );
    assert_eq!(w.to_string(), en);
}

#[test]
fn an_unreadable_config_names_the_file_it_links_to() {
    let w = ConfigWarning {
        path: p(),
        problem: ConfigProblem::Unreadable {
            why: AuxWhy::NotRegular,
            links_to: Some("/dev/zero".into()),
        },
    };
    only_dutch(
        &Lang::Nl.config_warning(&w),
        &[
            "geen gewoon bestand",
            "(het verwijst naar /dev/zero)",
            "genegeerd",
        ],
        &["regular", "links", "ignored"],
    );
    let en = Lang::En.config_warning(&w);
    assert!(
        en.contains("is not a regular file (a directory, FIFO or device) (it links to /dev/zero)")
    );
    let big = AuxWhy::TooLarge {
        size: 70_000,
        limit: 65_536,
    };
    assert_eq!(
        Lang::Nl.aux_why(&big),
        "is te groot (70000 bytes; de grens is 65536)"
    );
    let denied = AuxWhy::Io(IoWhy {
        kind: ErrorKind::PermissionDenied,
        text: "permission denied".into(),
    });
    assert_eq!(
        Lang::Nl.aux_why(&denied),
        "kan niet worden gelezen: geen toestemming"
    );
}

#[test]
fn a_journal_fault_is_said_in_both_languages() {
    let path = PathBuf::from("/home/anna/.local/state/aoplan/journal/plan-1.ron");
    let mixed = JournalFault::Damaged {
        path: path.clone(),
        damage: JournalDamage::MixedKinds {
            project: "kwalen".into(),
        },
    };
    only_dutch(
        &Lang::Nl.journal_fault(&mixed),
        &[
            "beschadigd",
            "een wijziging van kwalen mengt een status en een tekst",
        ],
        &["damaged", "edit"],
    );
    let cut = JournalFault::Damaged {
        path: path.clone(),
        damage: JournalDamage::Syntax {
            line: 1,
            col: 20,
            message: SyntaxMessage::Eof,
        },
    };
    assert!(
        Lang::En
            .journal_fault(&cut)
            .ends_with("plan-1.ron: damaged: 1:20: unexpected end of file: the plan is cut off (expected more text, like a closing `)` or `]`)")
    );
    let link = JournalFault::Read {
        path,
        why: AuxWhy::Symlink,
    };
    assert!(
        Lang::Nl
            .journal_fault(&link)
            .ends_with("plan-1.ron: is een symbolische koppeling, en die wordt niet gevolgd")
    );
}

#[test]
fn the_holder_is_said_with_the_local_time() {
    // 2026-03-14T09:21:05Z is 10:21:05 in Amsterdam (CET).
    let known = Holder::Known {
        name: "hanna".into(),
        pid: 4242,
        since: Some(Timestamp(1_773_480_065)),
    };
    let zone = amsterdam();
    let (nl, en) = (
        Lang::Nl.holder(&known, &zone),
        Lang::En.holder(&known, &zone),
    );
    assert_eq!(nl, "hanna (pid 4242) sinds 14-03-2026 10:21:05 CET");
    assert_eq!(en, "hanna (pid 4242) since 14 Mar 2026 10:21:05 CET");
    let utc = Lang::En.holder(&known, &TimeZone::UTC);
    assert_eq!(utc, "hanna (pid 4242) since 14 Mar 2026 09:21:05 UTC");
    let no_time = Holder::Known {
        name: "bram".into(),
        pid: 1,
        since: None,
    };
    assert_eq!(Lang::Nl.holder(&no_time, &zone), "bram (pid 1)");
    let other = Holder::Other("a script of carla".into());
    assert_eq!(Lang::Nl.holder(&other, &zone), "a script of carla");
    assert_eq!(
        Lang::Nl.holder(&Holder::Unknown, &zone),
        "een onbekend proces"
    );
    assert_eq!(
        Lang::En.holder(&Holder::Unknown, &zone),
        "an unknown process"
    );
    only_dutch(
        &Lang::Nl.holder(&Holder::KeepsChanging, &zone),
        &["het slotbestand wordt steeds vervangen"],
        &["lock", "replaced"],
    );
    only_dutch(
        &Lang::Nl.holder(&Holder::Directory("/srv/plans".into()), &zone),
        &["de map /srv/plans heeft vergrendeld"],
        &["directory", "locked"],
    );
    assert_eq!(
        Lang::En.waiting_for(&no_time, &zone),
        "waiting for bram (pid 1)…"
    );
    assert_eq!(
        Lang::Nl.waiting_for(&Holder::Unknown, &zone),
        "wachten op een onbekend proces…"
    );
}
