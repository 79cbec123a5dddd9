//! The bundled plan's transcription and the file format's guarantees.

use aoplan::codec::{parse, to_ron};
use aoplan::plan::{Plan, Status};
use aoplan::storage::BUNDLED_PLAN;

fn bundled() -> Plan {
    parse(BUNDLED_PLAN).expect("the bundled plan parses")
}

#[test]
fn transcription_counts() {
    let plan = bundled();
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
    assert_eq!(plan.fund, "A&O-fonds Provincies");
    assert_eq!(plan.title, "Activiteitenplan 2026");
    assert_eq!(plan.year, 2026);
    assert_eq!(plan.themes.len(), 11);
    assert_eq!(plan.subtheme_count(), 44);
    // One project per bullet (◦) of chapter 4 of the source plan.
    assert_eq!(plan.project_count(), 76);
    let per_theme: Vec<usize> = plan
        .themes
        .iter()
        .map(|t| t.subthemes.iter().map(|s| s.projects.len()).sum())
        .collect();
    assert_eq!(per_theme, [6, 5, 5, 7, 11, 11, 4, 2, 10, 7, 8]);
}

#[test]
fn themes_in_plan_order_with_focus_marks() {
    let plan = bundled();
    let names: Vec<(&str, bool)> = plan
        .themes
        .iter()
        .map(|t| (t.name.as_str(), t.focus))
        .collect();
    assert_eq!(
        names,
        [
            ("Ambtelijk vakmanschap", true),
            ("Arbeidsmarkt", false),
            ("Communicatievaardigheden", false),
            ("Digitale ontwikkeling", true),
            ("Gezond en Veilig werken", true),
            ("Open over de Overgang", false),
            ("Loopbaanontwikkeling", false),
            ("Medezeggenschap", false),
            ("Organisatiecultuur", true),
            ("Vitaliteit & Duurzame Inzetbaarheid", true),
            ("Werkplezier", false),
        ]
    );
    assert!(plan.themes.iter().all(|t| !t.intro.is_empty()));
    assert!(
        plan.themes
            .iter()
            .flat_map(|t| &t.subthemes)
            .all(|s| !s.intro.is_empty())
    );
}

#[test]
fn sample_of_titles_and_texts_as_written() {
    let plan = bundled();
    let sub = |theme: &str, name: &str| {
        plan.themes
            .iter()
            .find(|t| t.name == theme)
            .and_then(|t| t.subthemes.iter().find(|s| s.name == name))
            .unwrap_or_else(|| panic!("{theme} › {name} exists"))
    };
    let loyaal = sub("Ambtelijk vakmanschap", "Loyale Tegenspraak");
    assert_eq!(
        loyaal.projects[0].title,
        "Programma rondom Loyale Tegenspraak"
    );
    assert_eq!(loyaal.projects[0].status_in(2026), Some(Status::Planned));

    // The two bullets the PDF extraction displaced belong under Gesprekvaardigheden.
    let gesprek = sub("Communicatievaardigheden", "Gesprekvaardigheden");
    assert!(
        gesprek
            .projects
            .iter()
            .any(|p| p.details.starts_with("Voortzetting van huidig aanbod"))
    );
    assert!(
        gesprek.projects.iter().any(|p| p.details.starts_with(
            "Mogelijkheid om de app Het Goede Gesprek per provincie te personaliseren"
        ))
    );

    // Continuing offers are in progress, new work is planned.
    for (_, p) in plan.projects() {
        if p.details.starts_with("Voortzetting") {
            assert_eq!(p.status_in(2026), Some(Status::InProgress), "{}", p.id);
        }
    }
    let intros = plan
        .themes
        .iter()
        .flat_map(|t| std::iter::once(&t.intro).chain(t.subthemes.iter().map(|s| &s.intro)));
    let details = plan.projects().map(|(_, p)| &p.details);
    let all_text: String = intros.chain(details).map(String::as_str).collect();
    for needle in ["’", "–", "ë", "é"] {
        assert!(
            all_text.contains(needle),
            "diacritics and typography kept: {needle}"
        );
    }
    assert!(plan.locate("agressieregistratiesysteem-par").is_some());
}

#[test]
fn bundled_file_round_trips_byte_for_byte() {
    assert_eq!(to_ron(&bundled()), BUNDLED_PLAN);
}

#[test]
fn a_status_change_changes_one_line_plus_history() {
    use aoplan::edit::{Change, Edit, apply};
    use aoplan::timestamp::Timestamp;
    let mut plan = bundled();
    let change = Change::status(
        &plan,
        "programma-loyale-tegenspraak",
        2026,
        Some(Status::Done),
    );
    let edit = Edit::new(change.unwrap(), Timestamp(1_790_000_000), "jdevries");
    apply(&mut plan, &edit);
    let after = to_ron(&plan);
    let (old, new): (Vec<&str>, Vec<&str>) =
        (BUNDLED_PLAN.lines().collect(), after.lines().collect());
    assert_eq!(new.len(), old.len() + 3, "three history lines added");
    let changed: Vec<(usize, &str)> = old
        .iter()
        .zip(&new)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (_, b))| (i, *b))
        .collect();
    // Only the status line differs before the inserted history block.
    assert_eq!(changed[0].1.trim(), "status: {2026: Done},");
    let i = changed[0].0;
    assert_eq!(new[i + 1].trim(), "history: [");
    assert!(new[i + 2].trim().starts_with("(at: \""), "{}", new[i + 2]);
    assert!(new[i + 2].ends_with("by: \"jdevries\", year: 2026, from: Planned, to: Done),"));
    assert_eq!(new[i + 3].trim(), "],");
    assert_eq!(&new[i + 4..], &old[i + 1..], "the rest is untouched");
    assert_eq!(&new[..i], &old[..i]);
}

#[test]
fn optional_fields_and_struct_names_may_be_given_or_left_out() {
    let text = r#"Plan(
        fund: "F", title: "T", year: 2026,
        themes: [Theme(id: "t", name: "T", subthemes: [
            Subtheme(id: "s", name: "S", projects: [
                Project(id: "p", title: "P"),
                (id: "q", title: "Q", status: {2027: OnHold, 2026: Done}, history: [
                    (at: "2026-01-02T03:04:05Z", by: "x", year: 2026, from: None, to: Done),
                ]),
            ]),
        ])],
    )"#;
    let plan = parse(text).expect("parses");
    assert!(plan.validate().is_empty());
    let q = plan.project(plan.locate("q").unwrap()).unwrap();
    assert_eq!(q.status_in(2027), Some(Status::OnHold));
    assert_eq!(q.history[0].from, None);
    // Canonical output sorts years and round-trips.
    let canonical = to_ron(&plan);
    assert!(canonical.contains("status: {2026: Done, 2027: OnHold},"));
    assert_eq!(parse(&canonical).unwrap(), plan);
}

#[test]
fn crlf_and_bom_load() {
    let crlf = BUNDLED_PLAN.replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(crlf.as_bytes());
    let text = aoplan::codec::decode(&bytes).unwrap();
    assert_eq!(parse(text).unwrap(), bundled());
}

#[test]
fn a_key_given_twice_is_an_error() {
    let status = BUNDLED_PLAN.replacen(
        "status: {2026: Planned}",
        "status: {2026: Planned, 2026: Done}",
        1,
    );
    let e = parse(&status).unwrap_err();
    assert!(
        e.message.to_string().contains("2026") && e.message.to_string().contains("twice"),
        "{}",
        e.message
    );
    let field = BUNDLED_PLAN.replacen("owner: \"\",", "owner: \"a\", owner: \"b\",", 1);
    let e = parse(&field).unwrap_err();
    assert!(
        e.message.to_string().contains("`owner`") && e.message.to_string().contains("twice"),
        "{}",
        e.message
    );
}

#[test]
fn semantic_problems_are_all_reported_with_their_path() {
    let mut plan = bundled();
    plan.year = 1999;
    plan.themes[0].subthemes[0].projects[0].id = "Bad Id".into();
    let dup = plan.themes[1].id.clone();
    plan.themes[2].subthemes[0].id = dup;
    plan.themes[3].subthemes[0].projects[0].title = "  ".into();
    plan.themes[4].subthemes[0].projects[0]
        .status
        .0
        .insert(2200, Status::Done);
    let problems = plan.validate();
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 5, "{text:#?}");
    assert!(text[0].contains("1999"));
    assert!(
        text[1].starts_with("ambtelijk-vakmanschap › loyale-tegenspraak › Bad Id:"),
        "{}",
        text[1]
    );
    assert!(
        text[2].contains("used twice (first at arbeidsmarkt)"),
        "{}",
        text[2]
    );
    assert!(text[3].contains("`title` is empty"));
    assert!(text[4].contains("2200"));
}

#[test]
fn history_times_are_parsed_once_and_written_in_the_canonical_form() {
    use aoplan::plan::HistoryEntry;
    use aoplan::timestamp::Timestamp;
    let mut plan = bundled();
    plan.themes[0].subthemes[0].projects[0]
        .history
        .push(HistoryEntry {
            at: Timestamp(1_773_480_065),
            by: "ans".into(),
            year: 2026,
            from: None,
            to: Some(Status::Done),
        });
    let canonical = to_ron(&plan);
    assert!(
        canonical.contains("at: \"2026-03-14T09:21:05Z\""),
        "{canonical}"
    );
    assert_eq!(
        to_ron(&parse(&canonical).unwrap()),
        canonical,
        "byte for byte"
    );
    // Any RFC 3339 form is read as the same instant and written back canonical.
    let offset = canonical.replace("2026-03-14T09:21:05Z", "2026-03-14T10:21:05.5+01:00");
    let read = parse(&offset).unwrap();
    assert_eq!(read, plan);
    assert_eq!(to_ron(&read), canonical);
}
