//! `aoplan changes` over every kind of change: a plan shaped by edits at fixed
//! times (snapshots of the four formats), `--kind`, and the real commands'
//! changes listed afterwards.

use aoplan::edit::{self, Change, Edit, TextField};
use aoplan::plan::{Item, Kind, Plan, Project, Status, YearStatus};
use aoplan::timestamp::Timestamp;

use super::{bundled, fixture, json};
use crate::support::plan_dir::PlanDir;

const WINDOW: [&str; 4] = ["--since", "2026-03-01", "--until", "2026-03-31"];

/// Applies `change` at `at` by `by`, as a command would.
fn apply(plan: &mut Plan, change: Option<Change>, at: &str, by: &str) {
    let change = change.expect("the change fits the plan");
    let at = Timestamp::parse_rfc3339(at).expect("a time");
    let applied = edit::apply(plan, &Edit::new(change, at, by));
    assert_eq!(applied, edit::Applied::Clean);
}

fn project(id: &str, title: &str) -> Item {
    Item::Project(Project {
        id: id.into(),
        title: title.into(),
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: YearStatus([(2026, Status::Planned)].into()),
        history: Vec::new(),
    })
}

/// The bundled plan after a planning session in March, one change of each kind,
/// and one in February that no March window shows.
fn shaped() -> Plan {
    let mut p = bundled();
    let c = |p: &Plan| p.clone();
    let s = c(&p);
    apply(
        &mut p,
        Change::status(&s, "programma-loyale-tegenspraak", 2026, Some(Status::Done)),
        "2026-02-20T10:00:00Z",
        "anna",
    );
    let s = c(&p);
    apply(
        &mut p,
        Change::status(
            &s,
            "politiek-bestuurlijk-voortzetting",
            2026,
            Some(Status::Done),
        ),
        "2026-03-02T09:00:00Z",
        "anna",
    );
    let s = c(&p);
    apply(
        &mut p,
        Change::text(
            &s,
            TextField::Title("programma-loyale-tegenspraak".into()),
            "Programma Loyale Tegenspraak".into(),
        ),
        "2026-03-03T09:00:00Z",
        "bert",
    );
    let s = c(&p);
    apply(
        &mut p,
        Change::text(
            &s,
            TextField::SubthemeName("integer-werken".into()),
            "Integer werken | ethiek".into(),
        ),
        "2026-03-03T09:05:00Z",
        "bert",
    );
    let s = c(&p);
    apply(
        &mut p,
        Change::focus(&s, "arbeidsmarkt", true),
        "2026-03-04T09:00:00Z",
        "carla",
    );
    let s = c(&p);
    apply(
        &mut p,
        Change::add(
            &s,
            project("podcast", "Podcastreeks"),
            "integer-werken",
            None,
        ),
        "2026-03-05T09:00:00Z",
        "anna",
    );
    let s = c(&p);
    apply(
        &mut p,
        Change::move_to(&s, Kind::Project, "podcast", "loyale-tegenspraak", Some(0)),
        "2026-03-05T09:01:00Z",
        "anna",
    );
    let s = c(&p);
    apply(
        &mut p,
        Change::add(
            &s,
            project("vergissing", "Vergissing"),
            "omgevingswet",
            None,
        ),
        "2026-03-06T09:00:00Z",
        "bert",
    );
    let added = Change::add(
        &s,
        project("vergissing", "Vergissing"),
        "omgevingswet",
        None,
    )
    .unwrap();
    let undo = added.inverse().rebased(&p);
    apply(&mut p, undo, "2026-03-06T09:01:00Z", "bert");
    let s = c(&p);
    apply(
        &mut p,
        Change::archive(&s, Kind::Subtheme, "politiek-bestuurlijk"),
        "2026-03-07T09:00:00Z",
        "carla",
    );
    let s = c(&p);
    apply(
        &mut p,
        Change::archive(&s, Kind::Theme, "werkplezier"),
        "2026-03-08T09:00:00Z",
        "carla",
    );
    let s = c(&p);
    apply(
        &mut p,
        Change::text(
            &s,
            TextField::PlanTitle,
            "Activiteitenplan 2026 (herzien)".into(),
        ),
        "2026-03-09T09:00:00Z",
        "dirk",
    );
    let s = c(&p);
    apply(
        &mut p,
        Some(Change::plan_year(&s, 2027)),
        "2026-03-09T09:01:00Z",
        "dirk",
    );
    assert!(p.validate().is_empty());
    p
}

#[test]
fn changes_of_every_kind_in_each_format() {
    let f = PlanDir::new(&shaped());
    // Beside the other snapshots, not beside this file.
    insta::with_settings!({snapshot_path => "../snapshots"}, {
        for format in ["text", "markdown", "csv", "json"] {
            let out = f.stdout(&[&["changes", "--all", "--format", format][..], &WINDOW].concat());
            insta::assert_snapshot!(format!("changes_{format}"), out);
        }
        let nl = f.stdout(&[&["--lang", "nl", "changes", "--all"][..], &WINDOW].concat());
        insta::assert_snapshot!("changes_text_nl", nl);
    });
}

/// The `kind` of every change `changes --format json ARGS` lists, by group.
fn kinds(f: &PlanDir, args: &[&str]) -> Vec<(String, String)> {
    let doc = json(&f.stdout(&[&["changes", "--all", "--format", "json"][..], args].concat()));
    let themes = doc["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .flat_map(|t| {
            let id = t["id"].as_str().unwrap().to_string();
            t["changes"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |c| (id.clone(), c["kind"].as_str().unwrap().to_string()))
        });
    let plan = doc["plan"]
        .as_array()
        .expect("plan")
        .iter()
        .map(|c| ("".to_string(), c["kind"].as_str().unwrap().to_string()));
    themes.chain(plan).collect()
}

#[test]
fn kind_picks_the_changes_listed() {
    let f = PlanDir::new(&shaped());
    let all = kinds(&f, &WINDOW);
    assert_eq!(all.len(), 12, "{all:?}");
    let status = kinds(&f, &[&WINDOW[..], &["--kind", "status"]].concat());
    // The status change of a project archived with its sub-theme is listed too.
    assert_eq!(
        status,
        [("ambtelijk-vakmanschap".to_string(), "status".to_string())]
    );
    let some = kinds(&f, &[&WINDOW[..], &["--kind", "focus,year"]].concat());
    assert_eq!(
        some,
        [
            ("arbeidsmarkt".into(), "focus".into()),
            ("".into(), "year".into())
        ]
    );
    let structure = kinds(&f, &[&WINDOW[..], &["--kind", "structure"]].concat());
    assert_eq!(structure.len(), 6, "{structure:?}");
    assert!(structure.iter().all(|(_, k)| k == "structure"));
    let text = f.stdout(&[&["changes", "--kind", "status"][..], &WINDOW].concat());
    assert!(
        text.starts_with("Status changes from 1 Mar 2026 through 31 Mar 2026\n"),
        "{text}"
    );
    assert_eq!(
        f.run(&[&["changes", "--kind", "statuses"][..], &WINDOW].concat())
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn the_commands_changes_are_listed_with_who_and_what() {
    let f = fixture();
    f.stdout(&[
        "add",
        "project",
        "--in",
        "integer-werken",
        "--title",
        "Quiz",
    ]);
    f.stdout(&["edit", "quiz", "--owner", "anna"]);
    f.stdout(&["move", "quiz", "--to", "loyale-tegenspraak"]);
    f.stdout(&["set", "quiz", "lopend"]);
    f.stdout(&["edit", "arbeidsmarkt", "--focus"]);
    f.stdout(&["rm", "quiz"]);
    f.stdout(&["restore", "quiz"]);
    f.stdout(&["plan", "--year", "2027"]);
    let doc = json(&f.stdout(&[
        "changes",
        "--all",
        "--since",
        "2000-01-01",
        "--format",
        "json",
    ]));
    let all: Vec<&serde_json::Value> = (doc["themes"].as_array().unwrap().iter())
        .flat_map(|t| t["changes"].as_array().unwrap())
        .chain(doc["plan"].as_array().unwrap())
        .collect();
    let what: Vec<(&str, &str)> = all
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap(),
                c["what"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    for expected in [
        ("structure", "added"),
        ("text", "owner"),
        ("structure", "moved"),
        ("status", "-"),
        ("focus", "focus"),
        ("structure", "archived"),
        ("structure", "restored"),
        ("year", "year"),
    ] {
        assert!(
            what.contains(&expected),
            "{expected:?} missing from {what:?}"
        );
    }
    assert!(all.iter().all(|c| c["by"] == "tester"), "{all:?}");
    let moved = all.iter().find(|c| c["what"] == "moved").unwrap();
    assert_eq!(
        moved["from"],
        serde_json::json!({"parent": "integer-werken", "position": 3})
    );
    assert_eq!(
        moved["to"],
        serde_json::json!({"parent": "loyale-tegenspraak", "position": 2})
    );
    assert_eq!(
        moved["item"],
        serde_json::json!({"kind": "project", "id": "quiz", "title": "Quiz"})
    );
}
