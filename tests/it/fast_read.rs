//! The fast plan reader against ron on whole plans: the large synthetic ones
//! the benchmarks use, a sister fund's plan imported from its outline, and
//! every hand-made file of `tests/it/bad/`, whose errors stay ron's.

use std::fs;
use std::path::Path;

use aoplan::codec::{self, parse, parse_fast, parse_with_ron, to_ron};
use aoplan::plan::Plan;

#[path = "../../benches/support/synthetic.rs"]
mod synthetic;

/// The text of `plan`, read by the fast reader as ron reads it, into `plan`.
fn reads_back(plan: &Plan) {
    let text = to_ron(plan);
    let fast = parse_fast(&text).expect("the fast reader reads canonical text");
    assert!(fast == *plan, "the fast reader changed the plan");
    let ron = parse_with_ron(&text).expect("ron reads canonical text");
    assert!(fast == ron, "the fast reader and ron disagree");
}

#[test]
fn ten_thousand_projects_read_as_ron_reads_them() {
    reads_back(&synthetic::plan(10_000));
}

#[test]
fn ten_thousand_projects_after_a_year_of_use_read_as_ron_reads_them() {
    let plan = synthetic::with_history(10_000, 20);
    assert!(!plan.archive.is_empty() && !plan.log.is_empty());
    reads_back(&plan);
}

#[test]
fn a_sister_funds_plan_reads_as_ron_reads_it() {
    let outline = include_str!("../../data/examples/gemeenten-2021.md");
    let themes = aoplan::outline::parse(outline, 2021).expect("the outline parses");
    reads_back(&Plan::new(
        "A&O fonds Gemeenten".into(),
        "Activiteitenplan 2021".into(),
        2021,
        themes,
    ));
}

#[test]
fn hand_made_files_give_rons_plan_or_rons_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/bad");
    let mut seen = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = fs::read(&path).unwrap();
        let Ok(text) = codec::decode(&bytes) else {
            continue;
        };
        // An empty file has a message of its own, before either reader.
        if text.trim().is_empty() {
            continue;
        }
        seen += 1;
        let ron = parse_with_ron(text);
        assert_eq!(parse(text), ron, "{}", path.display());
        if let Some(fast) = parse_fast(text) {
            assert_eq!(Ok(fast), ron, "{}", path.display());
        }
        let name = path.file_name().unwrap().to_string_lossy();
        if name.starts_with("loads-") {
            assert!(parse_fast(text).is_some(), "{name} is read the fast way");
        }
    }
    assert!(seen > 20, "only {seen} files in {}", dir.display());
}
