//! `aoplan edit`, `aoplan set … none`, `aoplan plan`, read-only plans, and
//! output that cannot be written after a save.

use aoplan::plan::Status;

use super::{dry_run, fixture, json, refused};
use crate::support::plan_dir::PlanDir;

#[test]
fn edit_sets_each_text_of_a_project_and_says_what_changed() {
    let f = fixture();
    let id = "programma-loyale-tegenspraak";
    let out = f.stdout(&[
        "edit",
        id,
        "--title",
        "Programma Loyale Tegenspraak",
        "--owner",
        "anna",
        "--notes",
        "regel 1\nregel 2",
    ]);
    assert_eq!(
        out,
        "programma-loyale-tegenspraak: title “Programma rondom Loyale Tegenspraak” → “Programma Loyale Tegenspraak” (saved)\n\
         programma-loyale-tegenspraak: owner “” → “anna” (saved)\n\
         programma-loyale-tegenspraak: notes “” → “regel 1␊regel 2” (saved)\n"
    );
    let plan = f.load();
    let p = plan.project(plan.locate(id).unwrap()).unwrap();
    assert_eq!(
        (p.title.as_str(), p.owner.as_str(), p.notes.as_str()),
        ("Programma Loyale Tegenspraak", "anna", "regel 1\nregel 2")
    );
    assert_eq!(plan.log.len(), 3);
    // Setting what is there already saves nothing.
    let before = f.version();
    assert_eq!(
        f.stdout(&["edit", id, "--owner", "anna"]),
        "programma-loyale-tegenspraak: nothing to change, it holds these values already\n"
    );
    assert_eq!(f.version(), before);
    // Owner and notes may be cleared; details take paragraphs.
    f.stdout(&["edit", id, "--owner", "", "--details", "Eén.\n\nTwee."]);
    let plan = f.load();
    let p = plan.project(plan.locate(id).unwrap()).unwrap();
    assert_eq!(
        (p.owner.as_str(), p.details.as_str()),
        ("", "Eén.\n\nTwee.")
    );
}

#[test]
fn edit_names_intros_and_focus_of_sub_themes_and_themes() {
    let f = fixture();
    let out = f.stdout(&[
        "--lang",
        "nl",
        "edit",
        "loyale-tegenspraak",
        "--name",
        "Loyale tegenspraak",
        "--intro",
        "Nieuw.",
    ]);
    assert!(
        out.starts_with(
            "loyale-tegenspraak: naam “Loyale Tegenspraak” → “Loyale tegenspraak” (opgeslagen)\n"
        ),
        "{out}"
    );
    assert_eq!(
        f.stdout(&["edit", "arbeidsmarkt", "--focus"]),
        "arbeidsmarkt: focus no → yes (saved)\n"
    );
    f.stdout(&[
        "edit",
        "ambtelijk-vakmanschap",
        "--no-focus",
        "--name",
        "Vakmanschap",
    ]);
    let plan = f.load();
    assert_eq!(plan.themes[0].subthemes[0].name, "Loyale tegenspraak");
    assert_eq!(plan.themes[0].subthemes[0].intro, "Nieuw.");
    assert_eq!(
        (plan.themes[0].name.as_str(), plan.themes[0].focus),
        ("Vakmanschap", false)
    );
    assert!(plan.themes[1].focus);
}

#[test]
fn edit_refuses_what_does_not_fit_the_item() {
    let f = fixture();
    assert_eq!(
        refused(&f, &["edit", "programma-loyale-tegenspraak", "--name", "X"]),
        "aoplan: --name does not apply to project \"programma-loyale-tegenspraak\"; a project takes --title, --details, --owner, --notes\n"
    );
    assert_eq!(
        refused(&f, &["edit", "loyale-tegenspraak", "--focus"]),
        "aoplan: --focus does not apply to sub-theme \"loyale-tegenspraak\"; a sub-theme takes --name, --intro\n"
    );
    assert_eq!(
        refused(&f, &["edit", "arbeidsmarkt", "--name", ""]),
        "aoplan: --name is empty\n"
    );
    assert_eq!(
        refused(
            &f,
            &["edit", "programma-loyale-tegenspraek", "--owner", "x"]
        ),
        "aoplan: unknown id \"programma-loyale-tegenspraek\"; did you mean `programma-loyale-tegenspraak`?\n"
    );
    let nl = refused(&f, &["--lang", "nl", "edit", "nergens", "--owner", "x"]);
    assert!(
        nl.starts_with(
            "aoplan: onbekend id \"nergens\": geen project, subthema of thema heeft het"
        ),
        "{nl}"
    );
    f.stdout(&["rm", "integer-werken"]);
    assert_eq!(
        refused(
            &f,
            &["edit", "maatwerk-e-learning-integriteit", "--owner", "x"]
        ),
        "aoplan: \"maatwerk-e-learning-integriteit\" is an archived project; `aoplan restore integer-werken` brings it back first\n"
    );
    // Nothing to set, or both focus flags: usage errors.
    for args in [
        &["edit", "arbeidsmarkt"][..],
        &["edit", "arbeidsmarkt", "--focus", "--no-focus"],
    ] {
        assert_eq!(f.run(args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn edit_json_and_dry_run() {
    let f = fixture();
    let args = [
        "edit",
        "arbeidsmarkt",
        "--name",
        "Arbeidsmarkt & werk",
        "--focus",
        "--json",
    ];
    let (out, _) = dry_run(&f, &args);
    let doc = json(&out);
    assert_eq!(doc["saved"], false);
    assert_eq!(
        doc["changes"][0],
        serde_json::json!({"field": "name", "from": "Arbeidsmarkt", "to": "Arbeidsmarkt & werk"})
    );
    assert_eq!(
        doc["changes"][1],
        serde_json::json!({"field": "focus", "from": false, "to": true})
    );
    let (text, _) = dry_run(&f, &["edit", "arbeidsmarkt", "--focus"]);
    assert_eq!(
        text,
        "arbeidsmarkt: focus no → yes (dry run: nothing saved)\n"
    );
    assert_eq!(json(&f.stdout(&args))["saved"], true);
    assert_eq!(f.load().themes[1].name, "Arbeidsmarkt & werk");
}

#[test]
fn set_none_clears_a_years_status() {
    let f = fixture();
    let id = "programma-loyale-tegenspraak";
    f.stdout(&["set", id, "done", "--year", "2027"]);
    assert_eq!(
        f.stdout(&["set", id, "none", "--year", "2027"]),
        "programma-loyale-tegenspraak: 2027 Done → — (saved)\n"
    );
    assert_eq!(
        f.stdout(&["set", id, "geen"]),
        "programma-loyale-tegenspraak: 2026 Planned → — (saved)\n"
    );
    let plan = f.load();
    let p = plan.project(plan.locate(id).unwrap()).unwrap();
    assert!(p.status.0.is_empty(), "{:?}", p.status);
    let last = p.history.last().unwrap();
    assert_eq!(
        (last.year, last.from, last.to),
        (2026, Some(Status::Planned), None)
    );
    let before = f.version();
    assert_eq!(
        f.stdout(&["set", id, "none"]),
        "programma-loyale-tegenspraak: 2026 is already —; nothing to save\n"
    );
    assert_eq!(f.version(), before);
}

#[test]
fn plan_shows_and_sets_its_own_fields() {
    let f = fixture();
    assert_eq!(
        f.stdout(&["plan"]),
        "A&O-fonds Provincies — Activiteitenplan 2026\n  fund:      A&O-fonds Provincies\n  title:     Activiteitenplan 2026\n  plan year: 2026\n  size:      11 themes, 44 sub-themes, 76 projects; 0 archived\n"
    );
    let doc = json(&f.stdout(&["plan", "--json"]));
    assert_eq!(
        (
            doc["year"].as_u64(),
            doc["projects"].as_u64(),
            doc["archived"].as_u64()
        ),
        (Some(2026), Some(76), Some(0))
    );
    let (out, _) = dry_run(&f, &["plan", "--year", "2027"]);
    assert_eq!(
        out,
        "plan: plan year 2026 → 2027 (dry run: nothing saved)\n"
    );
    let out = f.stdout(&[
        "--lang",
        "nl",
        "plan",
        "--title",
        "Activiteitenplan 2026 (herzien)",
        "--fund",
        "A&O Provincies",
        "--year",
        "2027",
    ]);
    assert_eq!(
        out,
        "plan: fonds “A&O-fonds Provincies” → “A&O Provincies” (opgeslagen)\n\
         plan: titel “Activiteitenplan 2026” → “Activiteitenplan 2026 (herzien)” (opgeslagen)\n\
         plan: planjaar 2026 → 2027 (opgeslagen)\n"
    );
    let plan = f.load();
    assert_eq!(
        (plan.fund.as_str(), plan.title.as_str(), plan.year),
        ("A&O Provincies", "Activiteitenplan 2026 (herzien)", 2027)
    );
    assert_eq!(
        refused(&f, &["plan", "--fund", " "]),
        "aoplan: --fund is empty\n"
    );
    assert_eq!(f.run(&["plan", "--year", "1999"]).status.code(), Some(2));
}

#[test]
fn a_read_only_plan_is_not_changed() {
    let f = fixture();
    for args in [
        &["--read-only", "add", "theme", "--name", "X"][..],
        &["--read-only", "edit", "arbeidsmarkt", "--focus"],
        &["--read-only", "rm", "arbeidsmarkt"],
        &["--read-only", "plan", "--title", "X"],
    ] {
        let err = refused(&f, args);
        assert!(
            err.starts_with("aoplan: not saved:") && err.contains("read-only"),
            "{err}"
        );
    }
}

/// Runs a command with stdout on /dev/full: its status and stderr; `None`
/// (skipped) without /dev/full.
fn to_full(f: &PlanDir, args: &[&str]) -> Option<(i32, String)> {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: /dev/full is not available");
        return None;
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args(args)
        .env("AOPLAN_FILE", &f.plan)
        .env("AOPLAN_CONFIG", f.dir.path().join("no-config.ron"))
        .env("HOME", f.dir.path())
        .env("LC_ALL", "C")
        .env("USER", "tester")
        .stdout(full)
        .output()
        .expect("aoplan runs");
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    Some((out.status.code().expect("exited"), err))
}

#[test]
fn a_saved_change_whose_output_fails_exits_3_and_says_it_is_saved() {
    let f = fixture();
    let add = [
        "add",
        "project",
        "--in",
        "integer-werken",
        "--title",
        "Quiz",
    ];
    let Some((code, err)) = to_full(&f, &add) else {
        return;
    };
    assert_eq!(code, 3, "{err}");
    assert!(
        err.starts_with("aoplan: the change was saved all the same: quiz → integer-werken #3\n"),
        "{err}"
    );
    assert!(f.load().locate("quiz").is_some());
    let Some((code, err)) = to_full(&f, &["rm", "quiz", "--json"]) else {
        return;
    };
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("saved all the same: quiz: archived the project “Quiz”"),
        "{err}"
    );
    // A dry run saves nothing: only the output failed.
    let before = f.version();
    let Some((code, err)) = to_full(&f, &["restore", "quiz", "--dry-run"]) else {
        return;
    };
    assert_eq!(code, 3, "{err}");
    assert!(!err.contains("saved all the same"), "{err}");
    assert_eq!(f.version(), before);
}
