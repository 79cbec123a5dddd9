//! Property: whatever the plan holds, saving and loading gives it back, and saving
//! is deterministic.

use aoplan::codec::{parse, to_ron};
use aoplan::plan::{HistoryEntry, Plan, Project, Status, Subtheme, Theme, YearStatus};
use proptest::prelude::*;

/// Strings people and PDFs produce: quotes, backslashes, newlines, comments, emoji, RTL.
fn awkward() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("//".to_string()),
        Just("/*".to_string()),
        Just("*/".to_string()),
        Just("\\n".to_string()),
        Just("\\u{41}".to_string()),
        Just("🙂👩‍👩‍👧".to_string()),
        Just("עברית".to_string()),
        Just("العربية".to_string()),
        Just("\u{202E}".to_string()),
        Just("ideeën ’x’ – “y”".to_string()),
        Just("\u{0}\u{7}\u{1b}".to_string()),
        Just("r#\"".to_string()),
        Just("),]}".to_string()),
        "[a-zA-Z0-9 ]{0,8}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..6).prop_map(|v| v.concat())
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn project(id: String) -> impl Strategy<Value = Project> {
    (
        awkward(),
        awkward(),
        awkward(),
        awkward(),
        prop::collection::btree_map(2000u16..=2100, status(), 0..3),
        prop::collection::vec(
            (
                awkward(),
                2000u16..=2100,
                prop::option::of(status()),
                prop::option::of(status()),
            ),
            0..3,
        ),
    )
        .prop_map(
            move |(title, details, owner, notes, status, history)| Project {
                id: id.clone(),
                title,
                details,
                owner,
                notes,
                status: YearStatus(status),
                history: history
                    .into_iter()
                    .map(|(by, year, from, to)| HistoryEntry {
                        at: aoplan::timestamp::Timestamp::parse_rfc3339("2026-03-14T09:21:05Z")
                            .unwrap(),
                        by,
                        year,
                        from,
                        to,
                    })
                    .collect(),
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    let subtheme = |t: usize, s: usize| {
        (
            awkward(),
            awkward(),
            prop::collection::vec(0..1usize, 0..3).prop_flat_map(move |ps| {
                ps.iter()
                    .enumerate()
                    .map(|(p, _)| project(format!("p-{t}-{s}-{p}")))
                    .collect::<Vec<_>>()
            }),
        )
            .prop_map(move |(name, intro, projects)| Subtheme {
                id: format!("s-{t}-{s}"),
                name,
                intro,
                projects,
            })
    };
    let theme = move |t: usize| {
        (
            awkward(),
            any::<bool>(),
            awkward(),
            prop::collection::vec(0..1usize, 0..3).prop_flat_map(move |ss| {
                ss.iter()
                    .enumerate()
                    .map(|(s, _)| subtheme(t, s))
                    .collect::<Vec<_>>()
            }),
        )
            .prop_map(move |(name, focus, intro, subthemes)| Theme {
                id: format!("t-{t}"),
                name,
                focus,
                intro,
                subthemes,
            })
    };
    (
        awkward(),
        awkward(),
        2000u16..=2100,
        prop::collection::vec(0..1usize, 0..4).prop_flat_map(move |ts| {
            ts.iter()
                .enumerate()
                .map(|(t, _)| theme(t))
                .collect::<Vec<_>>()
        }),
    )
        .prop_map(|(fund, title, year, themes)| Plan {
            fund,
            title,
            year,
            themes,
            archive: Vec::new(),
            log: Vec::new(),
            conflicts: Vec::new(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn load_of_save_is_identity(plan in plan()) {
        let text = to_ron(&plan);
        let back = parse(&text).map_err(|e| TestCaseError::fail(format!("{}:{}: {}\n{text}", e.line, e.col, e.message)))?;
        prop_assert_eq!(&back, &plan);
        prop_assert_eq!(to_ron(&back), text, "saving twice gives identical bytes");
    }
}
