//! The planning commands, run as the real binary on a copy of the bundled plan:
//! `add` here; `edit`, `set … none` and `plan` in [`edit`]; `move`, `rm`,
//! `restore` and `show` in [`arrange`]; `changes` of every kind in [`history`];
//! several writers shaping one plan at once in [`together`]; the examples of
//! `--help` and the README in [`examples`].

#[path = "planning_cli/arrange.rs"]
mod arrange;
#[path = "planning_cli/edit.rs"]
mod edit;
#[path = "planning_cli/examples.rs"]
mod examples;
#[path = "planning_cli/history.rs"]
mod history;
#[path = "planning_cli/together.rs"]
mod together;

use crate::support;

use aoplan::plan::{Kind, Logged, Plan, Status};
use support::plan_dir::PlanDir;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

fn bundled() -> Plan {
    aoplan::codec::parse(BUNDLED).expect("bundled plan parses")
}

fn fixture() -> PlanDir {
    PlanDir::new(&bundled())
}

/// Runs a command: its exit status, stdout and stderr.
fn run(f: &PlanDir, args: &[&str]) -> (i32, String, String) {
    let out = f.run(args);
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8");
    (
        out.status.code().expect("an exit status"),
        text(out.stdout),
        text(out.stderr),
    )
}

/// Runs a command that must fail with status 1 and leave the file as it was;
/// returns stderr.
fn refused(f: &PlanDir, args: &[&str]) -> String {
    let before = f.version();
    let err = f.failure(args);
    assert_eq!(f.version(), before, "{args:?} changed the file");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// Runs a command with `--dry-run` (and `args` as given) and checks that the
/// file's bytes, inode and time are as they were; returns stdout and stderr.
fn dry_run(f: &PlanDir, args: &[&str]) -> (String, String) {
    let before = f.version();
    let mut all = args.to_vec();
    all.push("--dry-run");
    let (code, out, err) = run(f, &all);
    assert_eq!(code, 0, "{all:?}: {err}");
    assert_eq!(f.version(), before, "{all:?} changed the file");
    (out, err)
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// The ids of a live sub-theme's projects, in order.
fn project_ids(plan: &Plan, sub: &str) -> Vec<String> {
    let s = (plan.themes.iter().flat_map(|t| &t.subthemes))
        .find(|s| s.id == sub)
        .unwrap_or_else(|| panic!("no sub-theme {sub}"));
    s.projects.iter().map(|p| p.id.clone()).collect()
}

#[test]
fn add_project_prints_the_id_it_saved_made_from_the_title() {
    let f = fixture();
    let args = [
        "add",
        "project",
        "--in",
        "loyale-tegenspraak",
        "--title",
        "Één café: ‘Tegenspraak’ podcast",
        "--owner",
        "anna",
        "--details",
        "Zes afleveringen.\nMet gasten.",
    ];
    assert_eq!(f.stdout(&args), "een-cafe-tegenspraak-podcast\n");
    // The same title again gets the next free id.
    assert_eq!(f.stdout(&args), "een-cafe-tegenspraak-podcast-2\n");
    let plan = f.load();
    assert_eq!(
        project_ids(&plan, "loyale-tegenspraak"),
        [
            "programma-loyale-tegenspraak",
            "een-cafe-tegenspraak-podcast",
            "een-cafe-tegenspraak-podcast-2"
        ]
    );
    let p = plan
        .project(plan.locate("een-cafe-tegenspraak-podcast").unwrap())
        .unwrap();
    assert_eq!(p.title, "Één café: ‘Tegenspraak’ podcast");
    assert_eq!(
        (p.owner.as_str(), p.details.as_str()),
        ("anna", "Zes afleveringen.\nMet gasten.")
    );
    assert_eq!(p.status.0.get(&2026), Some(&Status::Planned));
    assert!(p.history.is_empty());
    let last = plan.log.last().expect("the addition is logged");
    assert_eq!(last.by, "tester");
    assert!(
        matches!(&last.change, Logged::Added { kind: Kind::Project, id, to } if id == "een-cafe-tegenspraak-podcast-2" && to.parent == "loyale-tegenspraak" && to.position == 2),
        "{last:?}"
    );
    assert!(plan.validate().is_empty());
}

#[test]
fn add_project_status_is_for_the_plan_year_or_year_and_may_be_none() {
    let f = fixture();
    let add = |extra: &[&str]| {
        let mut args = vec![
            "add",
            "project",
            "--in",
            "integer-werken",
            "--title",
            "Quiz",
        ];
        args.extend_from_slice(extra);
        f.stdout(&args).trim().to_string()
    };
    let lopend = add(&["--status", "lopend", "--year", "2027"]);
    let none = add(&["--status", "none"]);
    let plan = f.load();
    let status = |id: &str| {
        plan.project(plan.locate(id).unwrap())
            .unwrap()
            .status
            .0
            .clone()
    };
    assert_eq!(
        status(&lopend).into_iter().collect::<Vec<_>>(),
        [(2027, Status::InProgress)]
    );
    assert!(status(&none).is_empty());
    let err = refused(
        &f,
        &[
            "add",
            "project",
            "--in",
            "integer-werken",
            "--title",
            "Q",
            "--status",
            "afgerondd",
        ],
    );
    assert!(
        err.contains("unknown status \"afgerondd\"; did you mean `Afgerond`?"),
        "{err}"
    );
}

#[test]
fn add_subtheme_and_theme_go_at_the_end_and_take_their_flags() {
    let f = fixture();
    let sub = f.stdout(&[
        "add",
        "subtheme",
        "--in",
        "ambtelijk-vakmanschap",
        "--name",
        "Digitale weerbaarheid",
        "--intro",
        "Waarom.",
    ]);
    assert_eq!(sub, "digitale-weerbaarheid\n");
    let theme = f.stdout(&[
        "add",
        "theme",
        "--name",
        "Duurzame inzetbaarheid 2030",
        "--focus",
    ]);
    assert_eq!(theme, "duurzame-inzetbaarheid-2030\n");
    let plan = f.load();
    let t = &plan.themes[0];
    let last = t.subthemes.last().unwrap();
    assert_eq!(
        (last.id.as_str(), last.name.as_str(), last.intro.as_str()),
        ("digitale-weerbaarheid", "Digitale weerbaarheid", "Waarom.")
    );
    let new = plan.themes.last().unwrap();
    assert_eq!(
        (new.id.as_str(), new.focus),
        ("duurzame-inzetbaarheid-2030", true)
    );
    // Its letter follows from its place: the sixth sub-theme is F.
    let shown = f.stdout(&["show", "ambtelijk-vakmanschap"]);
    assert!(
        shown.contains("    F. Digitale weerbaarheid [digitale-weerbaarheid]: 0 projects"),
        "{shown}"
    );
    // A projectless sub-theme and a sub-themeless theme show and check fine.
    assert!(
        f.stdout(&["show", "duurzame-inzetbaarheid-2030"])
            .contains("★ Duurzame inzetbaarheid 2030")
    );
    f.stdout(&["check"]);
}

#[test]
fn an_explicit_id_is_checked() {
    let f = fixture();
    let add = [
        "add",
        "project",
        "--in",
        "integer-werken",
        "--title",
        "Quiz",
        "--id",
    ];
    assert_eq!(
        f.stdout(&[&add[..], &["quiz-2026"]].concat()),
        "quiz-2026\n"
    );
    let err = refused(&f, &[&add[..], &["Quiz 2026!"]].concat());
    assert_eq!(
        err,
        "aoplan: --id \"Quiz 2026!\": an id is lowercase letters a–z, digits and - (`quiz-2026-2` would do)\n"
    );
    let err = refused(&f, &[&add[..], &["quiz-2026"]].concat());
    assert_eq!(
        err,
        "aoplan: --id \"quiz-2026\" is already used by a project; `quiz-2026-2` is free\n"
    );
    let err = refused(&f, &[&add[..], &["integer-werken"]].concat());
    assert!(err.contains("already used by a sub-theme"), "{err}");
    f.stdout(&["rm", "quiz-2026"]);
    let err = refused(&f, &[&add[..], &["quiz-2026"]].concat());
    assert!(err.contains("already used by an archived project"), "{err}");
    let err = refused(
        &f,
        &[
            "--lang",
            "nl",
            "add",
            "theme",
            "--name",
            "X",
            "--id",
            "arbeidsmarkt",
        ],
    );
    assert_eq!(
        err,
        "aoplan: --id \"arbeidsmarkt\" is al in gebruik door een thema; `arbeidsmarkt-2` is vrij\n"
    );
}

#[test]
fn add_refuses_a_wrong_parent_or_empty_title_with_a_clear_message() {
    let f = fixture();
    let project = |parent: &str, title: &str| {
        refused(&f, &["add", "project", "--in", parent, "--title", title])
    };
    assert_eq!(
        project("ambtelijk-vakmanschap", "X"),
        "aoplan: --in \"ambtelijk-vakmanschap\" is a theme; a project goes into a sub-theme\n"
    );
    assert_eq!(
        project("loyale-tegenspraek", "X"),
        "aoplan: --in \"loyale-tegenspraek\": no sub-theme has this id; did you mean `loyale-tegenspraak`?\n"
    );
    assert_eq!(
        project("loyale-tegenspraak", "  "),
        "aoplan: --title is empty\n"
    );
    assert_eq!(
        project("loyale-tegenspraak", "a\nb"),
        "aoplan: --title must be one line\n"
    );
    let err = refused(
        &f,
        &[
            "add",
            "subtheme",
            "--in",
            "loyale-tegenspraak",
            "--name",
            "X",
        ],
    );
    assert_eq!(
        err,
        "aoplan: --in \"loyale-tegenspraak\" is a sub-theme; a sub-theme goes into a theme\n"
    );
    f.stdout(&["rm", "integer-werken"]);
    assert_eq!(
        project("integer-werken", "X"),
        "aoplan: --in \"integer-werken\": that sub-theme is archived; `aoplan restore integer-werken` brings it back\n"
    );
    let nl = refused(
        &f,
        &[
            "--lang",
            "nl",
            "add",
            "project",
            "--in",
            "ambtelijk-vakmanschap",
            "--title",
            "X",
        ],
    );
    assert_eq!(
        nl,
        "aoplan: --in \"ambtelijk-vakmanschap\" is een thema; een project hoort in een subthema\n"
    );
    // A missing option is a usage error.
    assert_eq!(
        f.run(&["add", "project", "--title", "X"]).status.code(),
        Some(2)
    );
}

#[test]
fn add_json_and_dry_run() {
    let f = fixture();
    let args = [
        "add",
        "project",
        "--in",
        "integer-werken",
        "--title",
        "Quiz",
        "--json",
    ];
    let (out, err) = dry_run(&f, &args);
    let doc = json(&out);
    assert_eq!(doc["id"], "quiz");
    assert_eq!(doc["saved"], false);
    assert_eq!(
        doc["place"],
        serde_json::json!({"parent": "integer-werken", "position": 3})
    );
    assert_eq!(
        err,
        "aoplan: dry run: the project \"quiz\" would go to integer-werken #3; nothing saved\n"
    );
    let doc = json(&f.stdout(&args));
    assert_eq!(
        (
            doc["id"].as_str(),
            doc["kind"].as_str(),
            doc["saved"].as_bool()
        ),
        (Some("quiz"), Some("project"), Some(true))
    );
    assert_eq!(doc["title"], "Quiz");
    assert!(f.load().locate("quiz").is_some());
}
