//! Writing outlines, and reading back what was written: exact for awkward
//! texts and for random plans.

use proptest::prelude::*;

use super::*;
use crate::plan::{HistoryEntry, Plan, Project, Status, Subtheme, Theme, ids};

const YEAR: u16 = 2026;

fn theme(name: &str, focus: bool, intro: &str, subthemes: Vec<Subtheme>) -> Theme {
    Theme {
        id: ids::slug(name),
        name: name.into(),
        focus,
        intro: intro.into(),
        subthemes,
    }
}

fn project(id: &str, title: &str, details: &str, status: Option<Status>) -> Project {
    let mut p = Project {
        id: id.into(),
        title: title.into(),
        details: details.into(),
        owner: "anna".into(),
        notes: "notities".into(),
        status: Default::default(),
        history: vec![HistoryEntry {
            at: crate::timestamp::Timestamp(0),
            by: "bert".into(),
            year: YEAR,
            from: None,
            to: status,
        }],
    };
    if let Some(s) = status {
        p.status.0.insert(YEAR, s);
    }
    p.status.0.insert(YEAR + 1, Status::Done);
    p
}

#[test]
fn the_writer_gives_one_block_per_item_with_ids_and_statuses() {
    let themes = vec![theme(
        "Vitaliteit",
        true,
        "Eerste regel.\n\nTweede alinea.",
        vec![Subtheme {
            id: "s".into(),
            name: "Werk".into(),
            intro: String::new(),
            projects: vec![
                project("p", "Pilot", "Regel een\nRegel twee", Some(Status::Planned)),
                project("q", "Lopend", "", Some(Status::InProgress)),
                project("r", "Geen", "", None),
            ],
        }],
    )];
    let text = to_outline(&themes, YEAR);
    assert_eq!(
        text,
        "# Vitaliteit * {#vitaliteit}\n\nEerste regel.\n\nTweede alinea.\n\n\
         ## Werk {#s}\n\n\
         - Pilot {#p}\n\n  Regel een\n  Regel twee\n\n\
         - Lopend {#q status=InProgress}\n\n\
         - Geen {#r status=none}\n"
    );
    assert_eq!(parse(&text, YEAR).unwrap(), carried(&themes, YEAR));
}

/// Texts that mean something in an outline, or would be trimmed or split.
const AWKWARD: &[&str] = &[
    "# Kop",
    "## Kop",
    "- streep",
    "* ster",
    "+ plus",
    "-",
    "*",
    "eindigt op *",
    "eindigt op (focus)",
    "eindigt op (FOCUS)",
    "eindigt op }",
    "{#nep-id}",
    "tekst {#nep status=Done}",
    "eindigt op #",
    "\\",
    "C:\\temp\\* en \\\\",
    "&#xA; is geen regeleinde",
    "&amp; &#65; &",
    "  begint met spaties",
    "eindigt met spaties  ",
    "\ttab\t",
    "regel\nnog een regel",
    "\nbegint met een regeleinde",
    "eindigt met regeleinden\n\n",
    "\n",
    "a\r\nb\rc",
    "midden\n\n\nleeg",
    "  \n  ",
    "\u{1b}[2J\u{7}\u{202e}\u{9b}",
    "één ’quote’ — 漢字 🙂",
];

#[test]
fn awkward_texts_read_back_exactly_everywhere() {
    for (i, text) in AWKWARD.iter().enumerate() {
        // Names and titles may not be blank.
        let name = if text.trim().is_empty() {
            format!("x {text}")
        } else {
            text.to_string()
        };
        let mut themes = vec![theme(&name, i % 2 == 0, text, vec![])];
        themes[0].id = format!("t{i}");
        themes[0].subthemes.push(Subtheme {
            id: format!("s{i}"),
            name: name.clone(),
            intro: text.to_string(),
            projects: vec![project(&format!("p{i}"), &name, text, Some(Status::Done))],
        });
        let outline = to_outline(&themes, YEAR);
        assert_eq!(
            parse(&outline, YEAR).map_err(|e| e.to_string()),
            Ok(carried(&themes, YEAR)),
            "{text:?} as\n{outline}"
        );
        let unsafe_chars = outline
            .chars()
            .filter(|&c| c != '\n' && c != '\t' && crate::terminal_safe::is_unsafe(c));
        assert_eq!(unsafe_chars.count(), 0, "{outline:?}");
    }
}

/// Text made of the characters an outline treats specially.
fn awkward_text() -> impl Strategy<Value = String> {
    let pieces = vec![
        "#", "-", "*", "+", "\\", "&", "&#", "x", ";", "{", "}", "(focus)", "status=", " ", "\t",
        "\n", "\r", "\u{1b}", "\u{202e}", "é", "a", "Z", "0", "(", ")",
    ];
    proptest::collection::vec(proptest::sample::select(pieces), 0..10).prop_map(|p| p.concat())
}

/// A text with a letter in it: titles and names may not be blank.
fn awkward_title() -> impl Strategy<Value = String> {
    (awkward_text(), awkward_text()).prop_map(|(a, b)| format!("{a}T{b}"))
}

fn status() -> impl Strategy<Value = Option<Status>> {
    proptest::option::of(proptest::sample::select(Status::ALL.to_vec()))
}

fn random_themes() -> impl Strategy<Value = Vec<Theme>> {
    let one = (awkward_title(), awkward_text(), status());
    let sub = (
        awkward_title(),
        awkward_text(),
        proptest::collection::vec(one, 0..4),
    );
    let theme = (
        awkward_title(),
        any::<bool>(),
        awkward_text(),
        proptest::collection::vec(sub, 0..3),
    );
    proptest::collection::vec(theme, 0..4).prop_map(|themes| {
        let mut n = 0;
        let mut id = |title: &str| {
            n += 1;
            // Some ids as import would make them, some not.
            if n % 2 == 0 {
                format!("{}-{n}", ids::slug(title))
                    .trim_start_matches('-')
                    .to_string()
            } else {
                format!("i{n}")
            }
        };
        themes
            .into_iter()
            .map(|(name, focus, intro, subs)| Theme {
                id: id(&name),
                focus,
                intro,
                subthemes: subs
                    .into_iter()
                    .map(|(name, intro, projects)| Subtheme {
                        id: id(&name),
                        intro,
                        projects: projects
                            .into_iter()
                            .map(|(title, details, s)| project(&id(&title), &title, &details, s))
                            .collect(),
                        name,
                    })
                    .collect(),
                name,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn export_then_import_gives_the_same_themes(themes in random_themes()) {
        let plan = Plan::new("F".into(), "T".into(), YEAR, themes);
        prop_assert_eq!(plan.validate(), vec![]);
        let outline = to_outline(&plan.themes, YEAR);
        let back = parse(&outline, YEAR).map_err(|e| TestCaseError::fail(format!("{e}\n{outline}")))?;
        prop_assert_eq!(&back, &carried(&plan.themes, YEAR));
        // And writing what was read gives the same outline.
        prop_assert_eq!(to_outline(&back, YEAR), outline);
    }

    #[test]
    fn any_text_either_reads_or_fails_with_a_position(text in awkward_text()) {
        match parse(&text, YEAR) {
            Ok(themes) => {
                let plan = Plan::new("F".into(), "T".into(), YEAR, themes);
                prop_assert_eq!(plan.validate(), vec![]);
            }
            Err(e) => {
                let lines = text.split('\n').count();
                prop_assert!(e.line >= 1 && e.line <= lines && e.col >= 1, "{e}");
            }
        }
    }
}
