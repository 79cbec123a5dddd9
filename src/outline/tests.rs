//! Reading outlines: structure, ids, every error with its position.

use super::*;
use crate::plan::{Plan, Status, Theme, ids};

const YEAR: u16 = 2026;

fn read(text: &str) -> Vec<Theme> {
    parse(text, YEAR).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// The error's line, column and message.
fn error(text: &str) -> (usize, usize, ErrorKind) {
    let e = parse(text, YEAR).expect_err(text);
    (e.line, e.col, e.kind)
}

const SMALL: &str = "\
# Ambtelijk vakmanschap *

Ambtelijk vakmanschap draait om jouw groei.
Tweede regel.

Tweede alinea.

## Loyale Tegenspraak
Als ambtenaar werk je professioneel.

- Programma rondom Loyale Tegenspraak
  Competentieontwikkeling via trainingen.

  Nog een alinea.
* Tweede project {#eigen-id status=Lopend}
+ Derde project {status=none}

# Arbeidsmarkt (focus)
## Arbeidsmarktcommunicatie
- Voortzetting
- Voortzetting
";

#[test]
fn headings_items_and_paragraphs_make_the_plan() {
    let themes = read(SMALL);
    assert_eq!(themes.len(), 2);
    let t = &themes[0];
    assert_eq!(
        (t.id.as_str(), t.name.as_str(), t.focus),
        ("ambtelijk-vakmanschap", "Ambtelijk vakmanschap", true)
    );
    assert_eq!(
        t.intro,
        "Ambtelijk vakmanschap draait om jouw groei.\nTweede regel.\n\nTweede alinea."
    );
    let s = &t.subthemes[0];
    assert_eq!(s.intro, "Als ambtenaar werk je professioneel.");
    let p = &s.projects;
    assert_eq!(p.len(), 3);
    assert_eq!(p[0].id, "programma-rondom-loyale-tegenspraak");
    assert_eq!(
        p[0].details,
        "Competentieontwikkeling via trainingen.\n\nNog een alinea."
    );
    assert_eq!(p[0].status_in(YEAR), Some(Status::Planned));
    assert_eq!(p[0].status.0.len(), 1);
    assert_eq!(
        (p[1].id.as_str(), p[1].status_in(YEAR)),
        ("eigen-id", Some(Status::InProgress))
    );
    assert_eq!(p[2].status_in(YEAR), None);
    assert!(p[2].status.0.is_empty());
    let t2 = &themes[1];
    assert!(t2.focus);
    assert_eq!(t2.name, "Arbeidsmarkt");
    let ids: Vec<_> = t2.subthemes[0].projects.iter().map(|p| &p.id).collect();
    assert_eq!(ids, ["voortzetting", "voortzetting-2"]);
    let plan = Plan::new("F".into(), "T".into(), YEAR, themes);
    assert_eq!(plan.validate(), vec![]);
}

#[test]
fn an_empty_outline_has_no_themes_and_crlf_and_a_bom_are_read() {
    assert_eq!(read(""), vec![]);
    assert_eq!(read("\n  \n\t\n"), vec![]);
    let crlf = SMALL.replace('\n', "\r\n");
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat();
    assert_eq!(parse_bytes(&with_bom, YEAR).unwrap(), read(SMALL));
}

#[test]
fn explicit_ids_are_reserved_before_new_ones_are_made() {
    // The second "Voortzetting" may not take the id the last item names.
    let themes = read("# T\n## S\n- Voortzetting\n- Voortzetting\n- X {#voortzetting-2}\n");
    let ids: Vec<_> = themes[0].subthemes[0]
        .projects
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["voortzetting", "voortzetting-3", "voortzetting-2"]);
    // Themes, sub-themes and projects share one namespace; a title without
    // letters gets the fallback.
    let themes = read("# Plan\n## Plan\n- Plan\n- ***\\*\n");
    assert_eq!(themes[0].id, "plan");
    assert_eq!(themes[0].subthemes[0].id, "plan-2");
    assert_eq!(themes[0].subthemes[0].projects[0].id, "plan-3");
    assert_eq!(themes[0].subthemes[0].projects[1].id, "project");
}

#[test]
fn new_ids_are_those_ids_unique_would_give() {
    let titles = ["a", "a", "a-2", "b", "a", "", "", "a-3", "a"];
    let mut outline = String::from("# T\n## S\n");
    for t in titles {
        outline.push_str(&format!("- {}\n", if t.is_empty() { "…" } else { t }));
    }
    let got: Vec<String> = read(&outline)[0].subthemes[0]
        .projects
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let mut taken = vec!["t".to_string(), "s".to_string()];
    for t in titles {
        let id = ids::unique(&ids::slug(t), "project", |id| taken.iter().any(|x| x == id));
        taken.push(id);
    }
    assert_eq!(got, taken[2..]);
}

#[test]
fn every_error_names_its_line_and_column() {
    use ErrorKind as E;
    let cases: &[(&str, (usize, usize, ErrorKind))] = &[
        ("Inleiding\n# T\n", (1, 1, E::TextBeforeTheme)),
        ("\n## S\n", (2, 1, E::SubthemeBeforeTheme)),
        ("# T\n- P\n", (2, 1, E::ProjectBeforeSubtheme)),
        ("# T\n## S\n# U\n- P\n", (4, 1, E::ProjectBeforeSubtheme)),
        ("# T\n### Diep\n", (2, 1, E::DeepHeading(3))),
        ("#Thema\n", (1, 2, E::NoSpaceAfterHash)),
        ("# T\n##S\n", (2, 3, E::NoSpaceAfterHash)),
        ("#\n", (1, 2, E::EmptyTitle(Item::Theme))),
        ("# T\n##   \n", (2, 3, E::EmptyTitle(Item::Subtheme))),
        ("# T\n## S\n-\n", (3, 2, E::EmptyTitle(Item::Project))),
        ("# *\n", (1, 2, E::EmptyTitle(Item::Theme))),
        ("# T\n## S\n- {#x}\n", (3, 2, E::EmptyTitle(Item::Project))),
        ("# T\n## S\n- P\n \tdetails\n", (4, 2, E::TabIndent)),
        ("# T\n\tintro\n", (2, 1, E::TabIndent)),
        ("# T\n## S\n- P\n details\n", (4, 2, E::OddIndent)),
        ("# T\n  # U\n", (2, 3, E::IndentedMarker)),
        ("# T\n## S\n   - P\n", (3, 4, E::IndentedMarker)),
        ("  - P\n", (1, 3, E::IndentedMarker)),
        ("# T\n## S\n- P\nmeer tekst\n", (4, 1, E::TextAfterProject)),
        ("# T\n## S *\n", (2, 6, E::FocusNotOnTheme(Item::Subtheme))),
        (
            "# T\n## S\n- P (Focus)\n",
            (3, 5, E::FocusNotOnTheme(Item::Project)),
        ),
        ("# T {}\n", (1, 5, E::EmptyAttributes)),
        ("# T { }\n", (1, 5, E::EmptyAttributes)),
        ("# Fase 2}\n", (1, 9, E::UnmatchedBrace)),
        (
            "# T {#t class}\n",
            (1, 9, E::UnknownAttribute("class".into())),
        ),
        ("# T {#t #u}\n", (1, 9, E::AttributeTwice("#id"))),
        (
            "# T\n## S\n- P {status=done status=done}\n",
            (3, 18, E::AttributeTwice("status=")),
        ),
        ("# T {#Thema}\n", (1, 7, E::MalformedId("Thema".into()))),
        ("# T {#}\n", (1, 7, E::MalformedId(String::new()))),
        (
            "# T {#t}\n\n## S {#t}\n",
            (
                3,
                8,
                E::DuplicateId {
                    id: "t".into(),
                    first_line: 1,
                },
            ),
        ),
        (
            "# T {status=done}\n",
            (1, 6, E::StatusNotOnProject(Item::Theme)),
        ),
        (
            "# T\n## S\n- P {status=klaar}\n",
            (
                3,
                13,
                E::UnknownStatus {
                    found: "klaar".into(),
                    suggestion: Status::suggest("klaar"),
                },
            ),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&error(text), want, "{text:?}");
    }
}

#[test]
fn bad_bytes_and_a_too_large_outline_are_refused() {
    let e = parse_bytes(b"# T\n## S \xFF\n", YEAR).unwrap_err();
    assert_eq!(
        (e.line, e.col, &e.kind),
        (2, 6, &ErrorKind::InvalidUtf8(0xFF))
    );
    assert_eq!(
        e.to_string(),
        "2:6: invalid UTF-8 (byte 0xFF); an outline must be UTF-8 text"
    );
    let huge = vec![b' '; MAX_OUTLINE_BYTES + 1];
    let e = parse_bytes(&huge, YEAR).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge(MAX_OUTLINE_BYTES + 1));
    assert!(
        e.to_string().contains("larger than the limit of 32 MiB"),
        "{e}"
    );
}

#[test]
fn too_many_items_stop_at_the_first_one_over() {
    let mut text = String::from("# T\n## S\n");
    text.push_str(&"- Voortzetting\n".repeat(MAX_ITEMS));
    let (line, col, kind) = error(&text);
    assert_eq!(
        (line, col, kind),
        (MAX_ITEMS + 1, 1, ErrorKind::TooManyItems)
    );
}

#[test]
fn messages_say_what_was_expected() {
    let e = parse("# T\n## S\n- P\nmeer\n", YEAR).unwrap_err();
    assert_eq!(
        e.to_string(),
        "4:1: unindented text after a project: indent a project's details by two spaces \
         (an intro belongs directly under its `#` or `##` heading)"
    );
    let e = parse("# T\n- P\n", YEAR).unwrap_err();
    assert!(
        e.to_string().contains("expected a `## Sub-theme` heading"),
        "{e}"
    );
}
