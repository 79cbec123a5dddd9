//! Outlines: `aoplan import` and `aoplan export --format outline` run as the
//! real binary, and the outline files the project ships (`aoplan new`:
//! `new_plan.rs`).

use std::fs;
use std::path::{Path, PathBuf};

use aoplan::outline;
use aoplan::plan::{Plan, Theme};
use aoplan::storage::{self, BUNDLED_PLAN};

use crate::support::hostile_text::{assert_inert, hostile_plan};
use crate::support::pty::Session;
use crate::support::start_dir::{Dir, NEW, text};

const GEMEENTEN: &str = "data/examples/gemeenten-2021.md";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn bundled() -> Plan {
    aoplan::codec::parse(BUNDLED_PLAN).unwrap()
}

#[test]
fn a_bad_outline_names_file_line_and_column_and_nothing_is_written() {
    let d = Dir::new();
    fs::write(d.path("o.md"), "# Thema\n## Sub\n- Project\nlos\n").unwrap();
    let err = d.fails(&[&["import", "o.md", "-f", "p.ron"][..], &NEW].concat(), 1);
    assert_eq!(
        err,
        "aoplan: o.md:4:1: unindented text after a project: indent a project's details \
         by two spaces (an intro belongs directly under its `#` or `##` heading)\n\
         4 | los\n  | ^\n"
    );
    fs::write(d.path("o.md"), "# T\n## S\n- P {#p status=klaar}\n").unwrap();
    let err = d.fails(&[&["import", "o.md", "-f", "p.ron"][..], &NEW].concat(), 1);
    assert!(
        err.starts_with("aoplan: o.md:3:16: unknown status `klaar`"),
        "{err}"
    );
    assert!(
        err.ends_with("3 | - P {#p status=klaar}\n  |                ^\n"),
        "{err}"
    );
    let err = d.fails(
        &[&["import", "missing.md", "-f", "p.ron"][..], &NEW].concat(),
        1,
    );
    assert!(err.starts_with("aoplan: missing.md: "), "{err}");
    let err = d.fails(&[&["import", ".", "-f", "p.ron"][..], &NEW].concat(), 1);
    assert_eq!(err, "aoplan: .: is a directory, not an outline\n");
    // Too large: refused from its size, without reading it.
    let huge = fs::File::create(d.path("huge.md")).unwrap();
    huge.set_len(outline::MAX_OUTLINE_BYTES as u64 + 1).unwrap();
    let err = d.fails(
        &[&["import", "huge.md", "-f", "p.ron"][..], &NEW].concat(),
        1,
    );
    assert!(
        err.contains("huge.md:1:1: the outline is larger than the limit of 32 MiB"),
        "{err}"
    );
    // Or from what a stream gave, without a line of it.
    let zeros = vec![0; outline::MAX_OUTLINE_BYTES + 10];
    let out = d.run_with(
        &[&["import", "-", "-f", "p.ron"][..], &NEW].concat(),
        &zeros,
        &[],
    );
    assert_eq!(
        (out.status.code(), text(&out.stderr).as_str()),
        (
            Some(1),
            "aoplan: <stdin>:1:1: the outline is larger than the limit of 32 MiB; \
             is this the right file?\n"
        )
    );
    assert_eq!(d.names(), ["huge.md", "o.md"]);
}

#[test]
fn an_outline_is_imported_once_and_the_plan_is_never_replaced() {
    let d = Dir::new();
    fs::write(d.path("o.md"), "# Thema *\n## Sub\n- Project\n  Details.\n").unwrap();
    let out = d.ok(&[&["import", "o.md", "-f", "p.ron", "--json"][..], &NEW].concat());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (&v["themes"], &v["subthemes"], &v["projects"], &v["year"]),
        (&1.into(), &1.into(), &1.into(), &2027.into())
    );
    let before = fs::read(d.path("p.ron")).unwrap();
    let plan = storage::load(&d.path("p.ron")).unwrap();
    let p = &plan.themes[0].subthemes[0].projects[0];
    assert_eq!((p.id.as_str(), p.details.as_str()), ("project", "Details."));
    assert!(plan.themes[0].focus);
    d.ok(&["check", "--file", "p.ron"]);
    d.fails(&[&["import", "o.md", "-f", "p.ron"][..], &NEW].concat(), 1);
    assert_eq!(fs::read(d.path("p.ron")).unwrap(), before);
}

#[test]
fn the_bundled_plan_exported_and_imported_is_the_same_plan() {
    let d = Dir::new();
    fs::write(d.path("plan.ron"), BUNDLED_PLAN).unwrap();
    let md = d.ok(&["export", "--format", "outline", "--file", "plan.ron"]);
    let import = [
        "import",
        "-",
        "-f",
        "copy.ron",
        "--fund",
        "A&O-fonds Provincies",
        "--title",
        "Activiteitenplan 2026",
        "--year",
        "2026",
    ];
    let out = d.run_with(&import, md.as_bytes(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "created copy.ron: Activiteitenplan 2026 (A&O-fonds Provincies, plan year 2026): \
         11 themes, 44 sub-themes, 76 projects\n"
    );
    let copy = storage::load(&d.path("copy.ron")).unwrap();
    let plan = bundled();
    assert_eq!(copy.themes, outline::carried(&plan.themes, plan.year));
    // The bundled plan has no owners, notes or history: the very same bytes.
    assert_eq!(
        fs::read_to_string(d.path("copy.ron")).unwrap(),
        BUNDLED_PLAN
    );
    assert_eq!(d.ok(&["export", "--file", "copy.ron"]), md);
}

#[test]
fn hostile_text_is_exported_inert_and_imported_exactly() {
    let d = Dir::new();
    let plan = hostile_plan();
    fs::write(d.path("plan.ron"), aoplan::codec::to_ron(&plan)).unwrap();
    let out = d.run(&["export", "--file", "plan.ron"]);
    assert_eq!(out.status.code(), Some(0));
    assert_inert("export piped", &out.stdout, false);
    let md = text(&out.stdout);
    assert!(md.contains("# Thema &#x1B;]52;c;"), "{md}");
    assert!(
        md.contains("\n  \\-2+3\n"),
        "details that start with `-`: {md}"
    );
    fs::write(d.path("o.md"), &md).unwrap();
    let args = [
        "import", "o.md", "-f", "copy.ron", "--fund", "F", "--title", "T", "--year",
    ];
    d.ok(&[&args[..], &[&plan.year.to_string()]].concat());
    let copy = storage::load(&d.path("copy.ron")).unwrap();
    assert_eq!(copy.themes, outline::carried(&plan.themes, plan.year));
    // On a terminal too (where LF is sent as CR LF).
    let mut s = Session::start(&d.path("plan.ron"), &["export"], 120, 40);
    assert!(s.wait_exit().success());
    let raw = s.raw.lock().unwrap().clone();
    assert!(raw.len() > 1000, "{}", raw.len());
    assert_inert("export on a terminal", &raw, true);
}

#[test]
fn the_gemeenten_outline_imports_with_its_five_themes() {
    let d = Dir::new();
    let md = repo(GEMEENTEN);
    let args = [
        "import",
        md.to_str().unwrap(),
        "-f",
        "gemeenten.ron",
        "--fund",
        "A&O fonds Gemeenten",
        "--title",
        "Activiteitenplan 2021",
        "--year",
        "2021",
    ];
    let out = d.ok(&args);
    assert!(out.contains("5 themes, 0 sub-themes, 0 projects"), "{out}");
    d.ok(&["check", "--file", "gemeenten.ron"]);
    let plan = storage::load(&d.path("gemeenten.ron")).unwrap();
    assert_eq!(plan.validate(), vec![]);
    let names: Vec<&str> = plan.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Vitaliteit",
            "Talent voor de toekomst",
            "Leren en ontwikkelen",
            "Eigen regie in loopbaanontwikkeling",
            "Leiderschap en cultuur",
        ]
    );
    let ids: Vec<&str> = plan.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "vitaliteit",
            "talent-voor-de-toekomst",
            "leren-en-ontwikkelen",
            "eigen-regie-in-loopbaanontwikkeling",
            "leiderschap-en-cultuur",
        ]
    );
}

#[test]
fn the_gemeenten_plan_opens_in_the_ui() {
    let d = Dir::new();
    let themes =
        outline::parse(include_str!("../../data/examples/gemeenten-2021.md"), 2021).unwrap();
    let plan = Plan::new(
        "A&O fonds Gemeenten".into(),
        "Activiteitenplan 2021".into(),
        2021,
        themes,
    );
    let path = d.path("gemeenten.ron");
    storage::create_new(&path, aoplan::codec::to_ron(&plan).as_bytes()).unwrap();
    let before = fs::read(&path).unwrap();
    let mut s = Session::start(&path, &[], 80, 24);
    let screen = s.wait_text("A&O fonds Gemeenten · Activiteitenplan 2021");
    assert!(
        screen.contains("Vitaliteit") && screen.contains("No sub-themes"),
        "{screen}"
    );
    // Down to the last theme (its full name in the details), through the
    // empty panes and back, then quit.
    s.send("jjjj");
    s.wait_text("Leiderschap en cultuur");
    s.send("\t\t\t");
    s.send("q");
    assert!(s.wait_exit().success());
    assert_eq!(fs::read(&path).unwrap(), before, "opening changed nothing");
}

/// The fenced example of the outline section of `docs/format.md`.
fn doc_example() -> String {
    let doc = fs::read_to_string(repo("docs/format.md")).unwrap();
    let section = &doc[doc.find("## Outlines").expect("an Outlines section")..];
    let start = section.find("```markdown\n").expect("an example") + "```markdown\n".len();
    let end = start + section[start..].find("\n```").unwrap();
    section[start..=end].to_string()
}

#[test]
fn the_format_doc_example_is_the_bundled_plans_first_two_themes() {
    let themes = outline::parse(&doc_example(), 2026).unwrap();
    let plan = bundled();
    let words = |t: &[Theme]| -> Vec<String> {
        let mut out = Vec::new();
        for theme in t {
            out.push(format!(
                "# {} focus={} | {}",
                theme.name, theme.focus, theme.intro
            ));
            for sub in &theme.subthemes {
                out.push(format!("## {} | {}", sub.name, sub.intro));
                for p in &sub.projects {
                    out.push(format!("- {} | {}", p.title, p.details));
                }
            }
        }
        out
    };
    assert_eq!(words(&themes), words(&plan.themes[..2]));
    assert!(themes[0].focus && !themes[1].focus);
}
