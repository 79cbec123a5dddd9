//! `aoplan conflicts`: listing the open conflicts a merge left, keeping and
//! taking them by number or key, in both languages, as text and JSON; bad
//! numbers and keys; and saves by other writers that never drop a conflict
//! they did not settle.

use aoplan::edit::{Change, Edit, TextField};
use aoplan::plan::{ConflictField, OpenConflict, Plan, Status, TextKind};
use aoplan::storage::{BUNDLED_PLAN, Store};
use aoplan::timestamp::Timestamp;

use crate::support::plan_dir::PlanDir;

const ID: &str = "programma-loyale-tegenspraak";
const SUB: &str = "loyale-tegenspraak";
const AT: Timestamp = Timestamp(1_773_480_065); // 2026-03-14T09:21:05Z

fn status_conflict() -> OpenConflict {
    OpenConflict {
        at: AT,
        by: "bvisser".into(),
        field: ConflictField::Status {
            id: ID.into(),
            year: 2026,
            kept: Some(Status::Planned),
            other: Some(Status::OnHold),
        },
    }
}

fn name_conflict() -> OpenConflict {
    OpenConflict {
        at: Timestamp(AT.0 + 60),
        by: "adejong".into(),
        field: ConflictField::Text {
            id: SUB.into(),
            field: TextKind::Name,
            kept: "Loyale Tegenspraak".into(),
            other: "Tegenspraak\nin de praktijk".into(),
        },
    }
}

fn plan_with_conflicts() -> Plan {
    let mut plan = aoplan::codec::parse(BUNDLED_PLAN).unwrap();
    plan.conflicts = vec![status_conflict(), name_conflict()];
    plan
}

fn status(plan: &Plan) -> Option<Status> {
    let p = plan.all_projects().find(|p| p.id == ID).unwrap();
    p.status_in(2026)
}

const LIST_EN: &str = "\
2 open conflicts:
1. Ambtelijk vakmanschap › Loyale Tegenspraak › Programma rondom Loyale Tegenspraak — status 2026
   kept:  Planned
   other: On hold (by bvisser, 14 Mar 2026 09:21)
   key:   programma-loyale-tegenspraak:status:2026
2. Ambtelijk vakmanschap › Loyale Tegenspraak — sub-theme name
   kept:  “Loyale Tegenspraak”
   other: “Tegenspraak␊in de praktijk” (by adejong, 14 Mar 2026 09:22)
   key:   loyale-tegenspraak:name
";

const LIST_NL: &str = "\
2 open conflicten:
1. Ambtelijk vakmanschap › Loyale Tegenspraak › Programma rondom Loyale Tegenspraak — status 2026
   behouden: Gepland
   andere:   Uitgesteld (door bvisser, 14 mrt 2026 09:21)
   sleutel:  programma-loyale-tegenspraak:status:2026
2. Ambtelijk vakmanschap › Loyale Tegenspraak — naam van het subthema
   behouden: “Loyale Tegenspraak”
   andere:   “Tegenspraak␊in de praktijk” (door adejong, 14 mrt 2026 09:22)
   sleutel:  loyale-tegenspraak:name
";

#[test]
fn the_list_in_both_languages_and_as_json() {
    let dir = PlanDir::new(&plan_with_conflicts());
    assert_eq!(dir.stdout(&["conflicts"]), LIST_EN);
    assert_eq!(dir.stdout(&["--lang", "nl", "conflicts"]), LIST_NL);
    let json: serde_json::Value =
        serde_json::from_str(&dir.stdout(&["conflicts", "--json"])).unwrap();
    assert_eq!(
        json[0],
        serde_json::json!({
            "number": 1, "key": "programma-loyale-tegenspraak:status:2026",
            "kind": "project", "id": ID, "field": "status", "year": 2026,
            "path": ["Ambtelijk vakmanschap", "Loyale Tegenspraak", "Programma rondom Loyale Tegenspraak"],
            "kept": "Planned", "other": "OnHold",
            "at": "2026-03-14T09:21:05Z", "by": "bvisser",
        })
    );
    assert_eq!(json[1]["other"], "Tegenspraak\nin de praktijk");
    assert_eq!(
        (json[1]["kind"].as_str(), json[1]["field"].as_str()),
        (Some("subtheme"), Some("name"))
    );
    // None: a line saying so, or an empty array; exit status 0 either way.
    let empty = PlanDir::new(&aoplan::codec::parse(BUNDLED_PLAN).unwrap());
    assert_eq!(empty.stdout(&["conflicts"]), "no open conflicts\n");
    assert_eq!(
        empty.stdout(&["--lang", "nl", "conflicts"]),
        "geen open conflicten\n"
    );
    assert_eq!(empty.stdout(&["conflicts", "--json"]), "[]\n");
    assert_eq!(
        empty.stdout(&["conflicts", "keep", "--all"]),
        "no open conflicts\n"
    );
}

#[test]
fn keep_and_take_by_number_key_or_all_with_dry_runs() {
    let dir = PlanDir::new(&plan_with_conflicts());
    let before = dir.bytes();
    let dry = dir.stdout(&["conflicts", "take", "--all", "--dry-run"]);
    assert_eq!(
        dry,
        "programma-loyale-tegenspraak:status:2026: Planned → On hold taken (dry run: nothing saved)\n\
         loyale-tegenspraak:name: “Loyale Tegenspraak” → “Tegenspraak␊in de praktijk” taken (dry run: nothing saved)\n"
    );
    assert_eq!(dir.bytes(), before, "a dry run writes nothing");
    let kept = dir.stdout(&[
        "--lang",
        "nl",
        "conflicts",
        "keep",
        "loyale-tegenspraak:name",
    ]);
    assert_eq!(
        kept,
        "loyale-tegenspraak:name: “Loyale Tegenspraak” behouden, niet “Tegenspraak␊in de praktijk” (opgeslagen)\n"
    );
    let plan = dir.load();
    assert_eq!(plan.conflicts, [status_conflict()]);
    assert_eq!(
        plan.all_subthemes().find(|s| s.id == SUB).unwrap().name,
        "Loyale Tegenspraak"
    );
    assert_eq!(
        plan.log.len(),
        aoplan::codec::parse(BUNDLED_PLAN).unwrap().log.len(),
        "a keep is not logged"
    );
    let took = dir.stdout(&["conflicts", "take", "1", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&took).unwrap();
    assert_eq!(
        (json["action"].as_str(), json["saved"].as_bool()),
        (Some("take"), Some(true))
    );
    assert_eq!(
        json["conflicts"][0]["key"],
        "programma-loyale-tegenspraak:status:2026"
    );
    let plan = dir.load();
    assert!(plan.conflicts.is_empty());
    assert_eq!(status(&plan), Some(Status::OnHold));
    let last = plan
        .all_projects()
        .find(|p| p.id == ID)
        .unwrap()
        .history
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last.from, last.to, last.by.as_str()),
        (Some(Status::Planned), Some(Status::OnHold), "tester")
    );
    // Taking a text logs it like `aoplan edit`.
    let dir = PlanDir::new(&plan_with_conflicts());
    dir.stdout(&["conflicts", "take", "2"]);
    let plan = dir.load();
    assert_eq!(
        plan.all_subthemes().find(|s| s.id == SUB).unwrap().name,
        "Tegenspraak\nin de praktijk"
    );
    let logged = format!("{:?}", plan.log.last().unwrap().change);
    assert!(logged.contains("Text") && logged.contains(SUB), "{logged}");
}

#[test]
fn unknown_numbers_and_keys_and_a_read_only_plan_change_nothing() {
    let dir = PlanDir::new(&plan_with_conflicts());
    let before = dir.bytes();
    let said = dir.failure(&["conflicts", "keep", "3"]);
    assert_eq!(
        said,
        "aoplan: no open conflict 3: there are 2, numbered 1–2 (`aoplan conflicts` lists them)\n"
    );
    let said = dir.failure(&["--lang", "nl", "conflicts", "take", "0"]);
    assert!(
        said.contains("geen open conflict 0: er zijn er 2, genummerd 1–2"),
        "{said}"
    );
    let said = dir.failure(&[
        "conflicts",
        "take",
        "1",
        "programma-loyale-tegenspraak:status:2027",
    ]);
    assert!(
        said.contains("no open conflict has the key \"programma-loyale-tegenspraak:status:2027\"; did you mean programma-loyale-tegenspraak:status:2026?"),
        "{said}"
    );
    let said = dir.failure(&["--read-only", "conflicts", "keep", "1"]);
    assert_eq!(said, "aoplan: not saved: opened read-only (--read-only)\n");
    assert_eq!(dir.bytes(), before);
    // Neither a number nor --all: a command-line error.
    assert_eq!(dir.run(&["conflicts", "keep"]).status.code(), Some(2));
    let help = dir.stdout(&["conflicts", "--help"]);
    assert!(
        help.contains("Examples:") && help.contains("aoplan conflicts take"),
        "{help}"
    );
    let help = dir.stdout(&["conflicts", "take", "--help"]);
    assert!(
        help.contains("Examples:") && help.contains("--dry-run"),
        "{help}"
    );
}

#[test]
fn a_conflict_naming_an_unknown_item_is_reported_by_check() {
    let mut plan = plan_with_conflicts();
    if let ConflictField::Status { id, .. } = &mut plan.conflicts[0].field {
        *id = "bestaat-niet".into();
    }
    let dir = PlanDir::new(&plan);
    let said = dir.failure(&["check"]);
    assert!(
        said.contains(
            "conflicts › 1: bestaat-niet:status:2026: no item has the id \"bestaat-niet\""
        ),
        "{said}"
    );
    // The file is never written while it does not load.
    let before = dir.bytes();
    dir.failure(&["conflicts", "keep", "--all"]);
    assert_eq!(dir.bytes(), before);
}

/// Two writers: one settles a conflict, the other (who loaded the plan
/// before) then saves an edit of its own. Their saves merge field by field,
/// and the conflict the second never settled is still there.
#[test]
fn a_save_never_drops_conflicts_it_did_not_settle() {
    let dir = PlanDir::new(&plan_with_conflicts());
    let (mut first, mut mine) = Store::open(&dir.plan).unwrap();
    let (mut second, mut theirs) = Store::open(&dir.plan).unwrap();
    let keep = Change::settle(&theirs, &name_conflict()).unwrap();
    let keep = Edit::new(keep, AT, "adejong");
    aoplan::edit::apply(&mut theirs, &keep);
    second.sync(&mut theirs, &[keep]).unwrap();
    let owner = Change::text(&mine, TextField::Owner(ID.into()), "anna".into()).unwrap();
    let owner = Edit::new(owner, AT, "anna");
    aoplan::edit::apply(&mut mine, &owner);
    assert_eq!(
        mine.conflicts.len(),
        2,
        "the first writer has not seen the keep"
    );
    let report = first.sync(&mut mine, &[owner]).unwrap();
    assert!(report.merged);
    let plan = dir.load();
    assert_eq!(
        plan.conflicts,
        [status_conflict()],
        "settled once, kept otherwise"
    );
    assert_eq!(
        plan.all_projects().find(|p| p.id == ID).unwrap().owner,
        "anna"
    );
    assert_eq!(mine, plan);
}

/// The plan the examples run on: the name conflict first, then the status.
fn examples_fixture() -> PlanDir {
    let mut plan = plan_with_conflicts();
    let mut name = name_conflict();
    name.at = Timestamp(AT.0 - 60);
    plan.conflicts = vec![name, status_conflict()];
    PlanDir::new(&plan)
}

/// `sh -c LINE` beside the plan, with the binary first on `PATH`.
fn shell(f: &PlanDir, line: &str) -> std::process::Output {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_aoplan"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    std::process::Command::new("sh")
        .args(["-c", line])
        .current_dir(f.dir.path())
        .env("PATH", &path)
        .env("AOPLAN_FILE", &f.plan)
        .env("AOPLAN_CONFIG", f.dir.path().join("no-config.ron"))
        .env("HOME", f.dir.path())
        .env("LC_ALL", "C")
        .env("USER", "tester")
        .output()
        .expect("sh runs")
}

fn run_examples(f: &PlanDir, lines: &[&str]) {
    let jq = std::process::Command::new("jq")
        .arg("--version")
        .output()
        .is_ok();
    for line in lines {
        if line.contains("| jq") && !jq {
            eprintln!("skipped: {line} (jq is not installed)");
            continue;
        }
        let out = shell(f, line);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{line}: {said}");
    }
}

/// The examples of `aoplan conflicts --help` and of the README's git
/// paragraph, run in order as a reader would type them.
#[test]
fn the_help_and_readme_examples_work() {
    let f = examples_fixture();
    let help = f.stdout(&["conflicts", "--help"]);
    let examples = help.split("\nExamples:\n").nth(1).expect("examples");
    let lines: Vec<&str> = (examples.lines())
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split(" # ").next().unwrap_or(l).trim())
        .collect();
    assert_eq!(lines.len(), 5, "{lines:?}");
    run_examples(&f, &lines);
    assert!(
        f.load().conflicts.is_empty(),
        "keep 1 and take KEY settled both"
    );

    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let lines: Vec<&str> = (readme.lines())
        .filter(|l| l.starts_with("aoplan conflicts"))
        .map(|l| l.split(" # ").next().unwrap_or(l).trim())
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    let f = examples_fixture();
    run_examples(&f, &lines);
    let plan = f.load();
    assert!(plan.conflicts.is_empty());
    assert_eq!(status(&plan), Some(Status::OnHold), "taken");
}
