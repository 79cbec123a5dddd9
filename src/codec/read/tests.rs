//! The fast reader against ron: where it reads a text it gives ron's plan, and
//! where it gives up, `codec::parse` still gives ron's plan or ron's error.

use proptest::prelude::*;

use super::parse as fast;
use crate::codec::{parse, parse_with_ron, to_ron};
use crate::plan::{
    Archived, ConflictField, HistoryEntry, Item, Kind, LogEntry, Logged, OpenConflict, Place, Plan,
    Status, TextKind,
};
use crate::timestamp::Timestamp;

fn ron(text: &str) -> Plan {
    parse_with_ron(text).unwrap_or_else(|e| panic!("ron: {e:?}\n{text}"))
}

/// Read by the fast reader, and the same plan as ron's.
fn reads_as_ron(text: &str) -> Plan {
    let plan = ron(text);
    assert_eq!(fast(text).as_ref(), Some(&plan), "{text}");
    plan
}

/// Not read by the fast reader, but `parse` still gives ron's plan.
fn left_to_ron(text: &str) {
    assert_eq!(fast(text), None, "{text}");
    assert_eq!(parse(text), Ok(ron(text)), "{text}");
}

fn bundled() -> Plan {
    parse_with_ron(crate::storage::BUNDLED_PLAN).expect("the bundled plan parses")
}

const SMALL: &str = r#"(fund: "F", title: "T", year: 2026, themes: [(id: "t", name: "N",
    subthemes: [(id: "s", name: "S", projects: [(id: "p", title: "P", owner: "", notes: "",
    status: {2026: Done}, history: [(at: "2026-03-14T09:21:05Z", by: "u", year: 2026,
    from: None, to: Done)])])])])"#;

#[test]
fn the_bundled_plan_reads_as_ron_reads_it() {
    reads_as_ron(crate::storage::BUNDLED_PLAN);
}

#[test]
fn a_plan_with_every_kind_of_log_entry_archive_and_conflict_reads_back() {
    let mut plan = bundled();
    let at = |s| Timestamp::parse_rfc3339(s).unwrap();
    let place = |parent: &str, position| Place {
        parent: parent.into(),
        position,
    };
    let first = plan.themes[0].clone();
    let sub = first.subthemes[0].clone();
    let project = sub.projects[0].clone();
    let items = [
        Item::Project(project),
        Item::Subtheme(sub),
        Item::Theme(first),
    ];
    plan.archive = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| Archived {
            parent: format!("p{i}"),
            position: [0, 7, usize::MAX][i],
            item,
        })
        .collect();
    let changes = [
        Logged::Text {
            id: "x".into(),
            field: TextKind::Notes,
            from: "a \"b\"".into(),
            to: "c\\d\n".into(),
        },
        Logged::Focus {
            id: "t".into(),
            from: false,
            to: true,
        },
        Logged::Year {
            from: 2025,
            to: 2026,
        },
        Logged::Added {
            kind: Kind::Project,
            id: "p".into(),
            to: place("s", 3),
        },
        Logged::Removed {
            kind: Kind::Subtheme,
            id: "s".into(),
            from: place("t", 0),
        },
        Logged::Moved {
            kind: Kind::Project,
            id: "p".into(),
            from: place("s", 1),
            to: place("r", Place::END),
        },
        Logged::Archived {
            kind: Kind::Theme,
            id: "t".into(),
            from: place("", 2),
        },
        Logged::Restored {
            kind: Kind::Theme,
            id: "t".into(),
            to: place("", 2),
        },
    ];
    plan.log = changes
        .into_iter()
        .map(|change| LogEntry {
            at: at("2026-01-02T03:04:05Z"),
            by: "mbakker".into(),
            change,
        })
        .collect();
    let fields = [
        ConflictField::Status {
            id: "p".into(),
            year: 2026,
            kept: Some(Status::Done),
            other: None,
        },
        ConflictField::Text {
            id: String::new(),
            field: TextKind::Fund,
            kept: "🙂".into(),
            other: "\u{200F}x".into(),
        },
        ConflictField::Focus {
            id: "t".into(),
            kept: true,
            other: false,
        },
        ConflictField::Year {
            kept: 2026,
            other: 2027,
        },
        ConflictField::Place {
            kind: Kind::Subtheme,
            id: "s".into(),
            kept: Some(place("t", 1)),
            other: None,
        },
    ];
    plan.conflicts = fields
        .into_iter()
        .map(|field| OpenConflict {
            at: at("2026-05-06T07:08:09Z"),
            by: "sjansen".into(),
            field,
        })
        .collect();
    let text = to_ron(&plan);
    assert_eq!(reads_as_ron(&text), plan);
}

#[test]
fn hand_edited_plans_read_as_ron_reads_them() {
    reads_as_ron(SMALL);
    // Struct names, comments (nested too), other whitespace, CRLF, no trailing commas.
    reads_as_ron(
        "// plan\r\nPlan /* a /* nested */ one */ (\r\n\tfund : \"F\" ,title:\"T\",year:2026,\r\n\
         themes:[Theme(id:\"t\",name:\"N\",focus:true,subthemes:[Subtheme(id:\"s\",name:\"S\",\
         projects:[Project(id:\"p\",title:\"P\")])],),],) // end",
    );
    // Fields in another order, optional ones left out, a map with a trailing comma.
    let plan = reads_as_ron(
        r#"(themes: [(subthemes: [(projects: [(status: {2027: OnHold, 2026: Planned,},
        title: "P", id: "p")], name: "S", id: "s")], name: "N", id: "t")], year: 2026,
        title: "T", fund: "F")"#,
    );
    assert_eq!(plan.themes[0].subthemes[0].projects[0].status.0.len(), 2);
    // Raw strings, and every escape ron knows, a line continuation among them.
    let plan = reads_as_ron(
        "(fund: r#\"a \"quoted\" // not a comment\"#, title: r\"x\", year: 2026, themes: [\
         (id: \"t\", name: \"\\x41\\0\\'\\\"\\\\\\n\\r\\t\\u{1F642}\\u{0}\\u{10FFFF}|\\\n    end\")])",
    );
    assert_eq!(plan.fund, "a \"quoted\" // not a comment");
    assert_eq!(plan.themes[0].name, "A\0'\"\\\n\r\t🙂\0\u{10FFFF}|end");
    // Options the way ron writes them, with spaces and a trailing comma.
    let conflicts = r#"conflicts: [(at: "2026-01-01T00:00:00Z", by: "u", field: Place(kind: Project,
        id: "p", kept: Some ( (parent: "s", position: 0), ), other: None))]"#;
    let plan =
        reads_as_ron(&SMALL.replacen("year: 2026,", &format!("{conflicts}, year: 2026,"), 1));
    assert_eq!(plan.conflicts.len(), 1);
    // A newtype variant with the struct's own name inside, and a trailing comma.
    let archive = r#"archive: [(parent: "s", position: 1, item: Project(Project(id: "q",
        title: "Q"),))]"#;
    let plan = reads_as_ron(&SMALL.replacen("year: 2026,", &format!("{archive}, year: 2026,"), 1));
    assert!(matches!(&plan.archive[0].item, Item::Project(p) if p.id == "q"));
}

#[test]
fn what_the_fast_reader_does_not_read_is_left_to_ron() {
    let with = |from: &str, to: &str| {
        assert!(SMALL.contains(from), "{from}");
        SMALL.replacen(from, to, 1)
    };
    left_to_ron(&format!("#![enable(implicit_some)]\n{SMALL}"));
    left_to_ron(&with("year: 2026,", "year: 0x7EA,"));
    left_to_ron(&with("year: 2026,", "year: 2_026,"));
    left_to_ron(&with("year: 2026,", "year: +2026,"));
    left_to_ron(&with("year: 2026,", "year: 2026u16,"));
    left_to_ron(&with("year: 2026,", "year:\u{200E}2026,"));
    left_to_ron(&with("year: 2026,", "r#year: 2026,"));
    left_to_ron(&with("fund: \"F\"", "fund: \"\\xC3\\xA9\""));
}

#[test]
fn bad_plans_are_left_to_ron_and_keep_its_errors() {
    let with = |from: &str, to: &str| SMALL.replacen(from, to, 1);
    for text in [
        with("year: 2026,", "year: 70000,"),
        with("year: 2026,", "year: 2026, year: 2026,"),
        with("year: 2026,", "yaer: 2026,"),
        with("year: 2026,", "year: 2026"),
        with("title: \"T\",", ""),
        with("to: Done", "to: Finished"),
        with("to: Done", "to: Done-"),
        with("to: Done", "to: Doné"),
        with("2026: Done", "2026: Done, 2026: Planned"),
        with("(fund", "Theme(fund"),
        with("\"F\"", "\"F\\q\""),
        with("\"F\"", "\"F\\u{D800}\""),
        with("\"F\"", "\"F"),
        with("(fund", "/* open (fund"),
        format!("{SMALL} x"),
        SMALL[..SMALL.len() - 3].to_string(),
    ] {
        assert_eq!(fast(&text), None, "{text}");
        let error = parse_with_ron(&text).expect_err(&text);
        assert_eq!(parse(&text), Err(error), "{text}");
    }
}

/// Text with every character the writer escapes and much that it does not.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\\u{41}".to_string()),
        Just("\n\r\t".to_string()),
        Just("// /* */ r#\"".to_string()),
        Just("🙂👩‍👩‍👧 ideeën ’x’ – “y”".to_string()),
        Just("\u{200E}\u{200F}\u{202E}עברית".to_string()),
        Just("\u{0}\u{1}\u{7}\u{1b}\u{7f}\u{85}\u{9b}".to_string()),
        Just("),]}:".to_string()),
        "[a-zA-Z0-9 ]{0,8}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..5).prop_map(|v| v.concat())
}

fn plan_with(texts: Vec<String>, statuses: Vec<(u16, Option<Status>, Option<Status>)>) -> Plan {
    let mut plan = bundled();
    let mut texts = texts.into_iter().cycle();
    let mut next = || texts.next().unwrap_or_default();
    plan.fund = next();
    for (i, project) in plan.themes[0].subthemes[0].projects.iter_mut().enumerate() {
        project.title = next();
        project.notes = next();
        project.details = next();
        project.history = statuses
            .iter()
            .map(|&(year, from, to)| HistoryEntry {
                at: Timestamp(1_770_000_000 + i as i64),
                by: next(),
                year,
                from,
                to,
            })
            .collect();
    }
    plan.themes[1].intro = next();
    plan
}

fn edit() -> impl Strategy<Value = (prop::sample::Index, String)> {
    let inserted = prop_oneof![
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("/**/".to_string()),
        Just("// x\n".to_string()),
        Just(",".to_string()),
        Just("\\".to_string()),
        Just("\"".to_string()),
        Just("(".to_string()),
        Just("Some(".to_string()),
        Just("\u{200E}".to_string()),
        any::<char>().prop_map(String::from),
        Just(String::new()),
    ];
    (any::<prop::sample::Index>(), inserted)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn canonical_text_of_hostile_plans_reads_back_as_ron_reads_it(
        texts in prop::collection::vec(hostile(), 1..8),
        statuses in prop::collection::vec(
            (2000u16..=2100, prop::option::of(0..5usize), prop::option::of(0..5usize)),
            0..4,
        ),
    ) {
        let statuses = statuses
            .into_iter()
            .map(|(y, f, t)| (y, f.map(|i| Status::ALL[i]), t.map(|i| Status::ALL[i])))
            .collect();
        let plan = plan_with(texts, statuses);
        let text = to_ron(&plan);
        prop_assert_eq!(fast(&text), Some(plan.clone()));
        prop_assert_eq!(parse_with_ron(&text), Ok(plan));
    }

    /// Whatever a random edit does to a plan's text, the fast reader reads it
    /// as ron does or leaves it to ron.
    #[test]
    fn edited_text_is_read_as_ron_reads_it_or_left_to_ron(
        edits in prop::collection::vec((edit(), any::<bool>()), 1..4),
    ) {
        let mut text = SMALL.to_string();
        for ((at, inserted), delete) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            if delete && i < text.len() {
                text.remove(i);
            }
            text.insert_str(i, &inserted);
        }
        if let Some(plan) = fast(&text) {
            prop_assert_eq!(parse_with_ron(&text), Ok(plan), "{}", text);
        }
    }
}
