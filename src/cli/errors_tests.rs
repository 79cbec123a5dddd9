use std::ffi::OsString;

use super::super::help::{command, parse_from, value_names};
use super::*;

/// Bad command lines, one or more for each kind of error clap finds, and for
/// each of our own checks.
const BAD: &[&[&str]] = &[
    &["sett"],
    &["set", "x"],
    &["set", "x", "done", "extra"],
    &["set", "x", "--foo"],
    &["--", "set"],
    &["report", "--format", "xml"],
    &["report", "--format"],
    &["report", "--compare", "2026-01-01"],
    &[
        "report",
        "--as-of",
        "2026-01-01",
        "--compare",
        "2026-01-01",
        "2026-02-01",
    ],
    &["report", "--focus", "--focus"],
    &["report", "--as-of", "morgen"],
    &["--year", "1800", "report"],
    &["--year", "abc", "report"],
    &["find", "x", "--jsn"],
    &["find", "x", "--limit", "99999999999999999999999"],
    &["move", "x", "--position", "0"],
    &["check", "--year", "2027"],
    &["--file", "x.ron", "new", "--fund", "F", "--title", "T"],
    &["show", "--archived", "x"],
    &["conflicts", "--json", "sett"],
];

fn error(args: &[&str], lang: Lang) -> clap::Error {
    let mut all = vec![OsString::from("aoplan")];
    all.extend(args.iter().map(OsString::from));
    let zone = jiff::tz::TimeZone::UTC;
    let now = crate::timestamp::Timestamp(1_780_000_000);
    parse_from(all, lang)
        .and_then(|cli| cli.checked(lang))
        .and_then(|cli| cli.dates_checked(lang, now, &zone))
        .expect_err("a bad command line")
}

fn said(args: &[&str], lang: Lang) -> String {
    let e = error(args, lang);
    match lang {
        Lang::En => e.apply::<English>().render().to_string(),
        Lang::Nl => e.apply::<Dutch>().render().to_string(),
    }
}

#[test]
fn every_bad_command_line_is_said_in_dutch_with_its_usage_and_where_to_look() {
    for args in BAD {
        let nl = said(args, Lang::Nl);
        assert!(nl.starts_with("fout: "), "{args:?}:\n{nl}");
        assert!(
            nl.ends_with("\n\nMeer uitleg: '--help'.\n"),
            "{args:?}:\n{nl}"
        );
        for english in [
            "error",
            "Usage",
            "For more",
            "found",
            "invalid",
            "required",
            "provided",
            "similar",
            "exists",
            "[OPTIONS]",
            "<DATE",
            "<YEAR",
            "<FORMAT",
            "possible values",
        ] {
            assert!(!nl.contains(english), "{args:?}: {english:?} in\n{nl}");
        }
        let bad = bad_args(&error(args, Lang::Nl), Lang::Nl);
        assert_ne!(
            bad,
            BadArgs::Other,
            "{args:?}: a kind of error without words"
        );
    }
    let nl = said(&["report", "--format", "xml"], Lang::Nl);
    assert_eq!(
        nl,
        "fout: 'xml' is geen mogelijke waarde voor '--format <FORMAAT>'\n  \
         [mogelijke waarden: text, markdown, csv, json, html]\n\n  \
         tip: bedoelde je waarde 'html'?\n\nMeer uitleg: '--help'.\n"
    );
    let nl = said(&["set", "x", "--foo"], Lang::Nl);
    assert_eq!(
        nl,
        "fout: onbekend argument '--foo'\n\n  \
         tip: om '--foo' als waarde te geven, schrijf '-- --foo'\n\n\
         Gebruik: aoplan set [OPTIES] <ID> <STATUS>\n\nMeer uitleg: '--help'.\n"
    );
    let nl = said(&["--year", "1800", "report"], Lang::Nl);
    assert!(
        nl.starts_with(
            "fout: ongeldige waarde '1800' voor '--year <JAAR>': moet tussen 2000 en 2100 liggen\n"
        ),
        "{nl}"
    );
}

#[test]
fn the_english_is_what_clap_itself_says() {
    // Numbers are ours: clap would say "1800 is not in 2000..=2100".
    let ours = [
        &["--year", "1800", "report"][..],
        &["--year", "abc", "report"],
        &["find", "x", "--limit", "99999999999999999999999"],
        &["move", "x", "--position", "0"],
    ];
    for args in BAD.iter().filter(|a| !ours.contains(a)) {
        let e = error(args, Lang::En);
        if e.get(ContextKind::Custom).is_some() {
            continue;
        }
        let clap = e.render().to_string();
        assert_eq!(said(args, Lang::En), clap, "{args:?}");
    }
    assert_eq!(
        said(&["--year", "1800", "report"], Lang::En),
        "error: invalid value '1800' for '--year <YEAR>': must be between 2000 and 2100\n\n\
         For more information, try '--help'.\n"
    );
    assert_eq!(
        said(&["move", "x", "--position", "0"], Lang::En),
        "error: invalid value '0' for '--position <N>': must be at least 1\n\n\
         For more information, try '--help'.\n"
    );
}

#[test]
fn our_own_checks_say_their_message_with_the_usage() {
    let nl = said(&["check", "--year", "2027"], Lang::Nl);
    assert_eq!(
        nl,
        "fout: --year betekent niets voor `aoplan check`\n\n\
         Gebruik: aoplan check [OPTIES]\n\nMeer uitleg: '--help'.\n"
    );
    let en = said(
        &["--file", "x.ron", "new", "--fund", "F", "--title", "T"],
        Lang::En,
    );
    assert!(
        en.starts_with("error: the following required arguments were not provided:\n  --year <YEAR>\n\nUsage: aoplan new"),
        "{en}"
    );
    let nl = said(
        &["--file", "x.ron", "new", "--fund", "F", "--title", "T"],
        Lang::Nl,
    );
    assert!(
        nl.starts_with(
            "fout: deze argumenten ontbreken:\n  --year <JAAR>\n\nGebruik: aoplan new [OPTIES]"
        ),
        "{nl}"
    );
    let nl = said(&["report", "--as-of", "morgen"], Lang::Nl);
    assert!(
        nl.starts_with("fout: --as-of \"morgen\" is geen datum."),
        "{nl}"
    );
    assert!(nl.contains("\n\nGebruik: aoplan report [OPTIES]\n"), "{nl}");
}

#[test]
fn clap_tips_are_read_back_and_unknown_ones_kept() {
    assert_eq!(
        read_tip("to pass '--x' as a value, use '-- --x'"),
        Tip::AsValue {
            value: "--x".into(),
            written: "-- --x".into()
        }
    );
    assert_eq!(
        read_tip("subcommand 'set' exists; to use it, remove the '--' before it"),
        Tip::DashesBefore {
            command: "set".into()
        }
    );
    assert_eq!(
        read_tip("'add project --title' exists"),
        Tip::ExistsIn {
            usage: "add project --title".into()
        }
    );
    assert_eq!(
        read_tip("something new"),
        Tip::Other("something new".into())
    );
    assert_eq!(
        Lang::Nl.usage_tip(&Tip::ExistsIn {
            usage: "add project --title".into()
        }),
        "'add project --title' bestaat"
    );
}

#[test]
fn numbers_are_read_within_their_range() {
    use clap::builder::TypedValueParser;
    let cmd = clap::Command::new("t");
    let arg = clap::Arg::new("n");
    let year = number_in::<u16>(2000, Some(2100));
    let read = |s: &str| year.parse_ref(&cmd, Some(&arg), std::ffi::OsStr::new(s));
    assert_eq!(read("2027").unwrap(), 2027);
    assert_eq!(read(" 2100 ").unwrap(), 2100);
    let refused = |s: &str| {
        let e = read(s).unwrap_err();
        std::error::Error::source(&e)
            .and_then(|s| s.downcast_ref::<BadNumber>())
            .cloned()
    };
    let range = BadNumber::OutOfRange {
        min: 2000,
        max: Some(2100),
    };
    assert_eq!(refused("1999"), Some(range.clone()));
    assert_eq!(refused("2101"), Some(range));
    assert_eq!(refused("twee"), Some(BadNumber::NotANumber));
    assert_eq!(refused("-5"), Some(BadNumber::NotANumber));
    assert_eq!(refused("99999999999999999999"), Some(BadNumber::TooLarge));
    let small = number_in::<u8>(1, None);
    let e = small
        .parse_ref(&cmd, Some(&arg), std::ffi::OsStr::new("300"))
        .unwrap_err();
    let source = std::error::Error::source(&e).and_then(|s| s.downcast_ref::<BadNumber>());
    assert_eq!(source, Some(&BadNumber::TooLarge));
}

#[test]
fn every_value_name_has_its_dutch_and_the_dutch_help_has_no_english_tags() {
    let mut cmd = <super::super::Cli as clap::CommandFactory>::command();
    cmd.build();
    let mut missing = Vec::new();
    let mut walk = vec![cmd.clone()];
    while let Some(c) = walk.pop() {
        for arg in c.get_arguments() {
            for name in value_names(arg) {
                if crate::i18n::help::value_name(&name).is_none() {
                    missing.push(format!("{} {name}", c.get_name()));
                }
            }
        }
        walk.extend(c.get_subcommands().cloned());
    }
    assert!(missing.is_empty(), "no Dutch value name for {missing:?}");
    let mut nl = command(Lang::Nl);
    let add = nl.find_subcommand_mut("add").unwrap();
    let project = add.find_subcommand_mut("project").unwrap();
    let help = project.render_help().to_string();
    assert!(help.contains("[standaard: Gepland]"), "{help}");
    // Positional arguments keep their order under the Dutch heading.
    let driver = nl.find_subcommand_mut("merge-driver").unwrap();
    let help = driver.render_help().to_string();
    let at = |name: &str| help.find(&format!("  {name}")).expect(name);
    assert!(
        at("<BASIS>") < at("<ONZE>") && at("<ONZE>") < at("<HUNNE>") && at("<HUNNE>") < at("[PAD]"),
        "{help}"
    );
    let mut walk = vec![command(Lang::Nl)];
    while let Some(mut c) = walk.pop() {
        let help = c.render_long_help().to_string() + &c.render_help().to_string();
        for english in [
            "[OPTIONS]",
            "[default:",
            "[possible values:",
            "<COMMAND>",
            "<PATH>",
            "Usage",
        ] {
            assert!(!help.contains(english), "{english} in\n{help}");
        }
        walk.extend(c.get_subcommands().cloned());
    }
}
