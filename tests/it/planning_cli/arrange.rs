//! `aoplan move`, `rm`, `restore` and `show` of sub-themes, themes and the archive.

use super::{bundled, dry_run, fixture, json, project_ids, refused, run};
use crate::support::hostile_text::{assert_inert, hostile_plan};
use crate::support::plan_dir::PlanDir;

#[test]
fn move_a_project_to_another_sub_theme_keeps_its_id_and_history() {
    let f = fixture();
    let id = "maatwerk-e-learning-integriteit";
    f.stdout(&["set", id, "lopend"]);
    let out = f.stdout(&["move", id, "--to", "loyale-tegenspraak", "--position", "1"]);
    assert_eq!(
        out,
        "maatwerk-e-learning-integriteit: moved from integer-werken #1 to loyale-tegenspraak #1 (saved)\n"
    );
    let plan = f.load();
    assert_eq!(
        project_ids(&plan, "loyale-tegenspraak"),
        [id, "programma-loyale-tegenspraak"]
    );
    assert_eq!(
        project_ids(&plan, "integer-werken"),
        ["integer-werken-voortzetting"]
    );
    let p = plan.project(plan.locate(id).unwrap()).unwrap();
    assert_eq!(p.history.len(), 1, "history moves with the project");
    // Without --position it goes to the end of another parent.
    f.stdout(&["move", id, "--to", "integer-werken"]);
    assert_eq!(
        project_ids(&f.load(), "integer-werken"),
        ["integer-werken-voortzetting", id]
    );
}

#[test]
fn move_reorders_sub_themes_and_themes_and_letters_follow() {
    let f = fixture();
    let out = f.stdout(&["move", "integer-werken", "--position", "1"]);
    assert_eq!(
        out,
        "integer-werken: moved from ambtelijk-vakmanschap #3 to ambtelijk-vakmanschap #1 (saved)\n"
    );
    let shown = f.stdout(&["show", "ambtelijk-vakmanschap"]);
    assert!(
        shown.contains(
            "    A. Integer werken [integer-werken]: 2 projects\n    B. Loyale Tegenspraak"
        ),
        "{shown}"
    );
    assert_eq!(
        f.stdout(&["move", "werkplezier", "--position", "1"]),
        "werkplezier: moved from plan #11 to plan #1 (saved)\n"
    );
    let plan = f.load();
    assert_eq!(plan.themes[0].id, "werkplezier");
    assert_eq!(plan.themes[1].subthemes[0].id, "integer-werken");
    // A sub-theme into another theme, with its projects.
    f.stdout(&[
        "move",
        "integer-werken",
        "--to",
        "arbeidsmarkt",
        "--position",
        "2",
    ]);
    let plan = f.load();
    let arbeidsmarkt = plan.themes.iter().find(|t| t.id == "arbeidsmarkt").unwrap();
    assert_eq!(arbeidsmarkt.subthemes[1].id, "integer-werken");
    assert_eq!(arbeidsmarkt.subthemes[1].projects.len(), 2);
    assert_eq!(plan.project_count(), 76);
}

#[test]
fn move_refuses_impossible_places() {
    let f = fixture();
    let id = "maatwerk-e-learning-integriteit";
    assert_eq!(
        refused(&f, &["move", "arbeidsmarkt", "--to", "werkplezier"]),
        "aoplan: \"arbeidsmarkt\" is a theme; themes sit in the plan itself: use only --position to reorder them\n"
    );
    assert_eq!(
        refused(&f, &["move", id, "--to", "arbeidsmarkt"]),
        "aoplan: --to \"arbeidsmarkt\" is a theme; a project goes into a sub-theme\n"
    );
    assert_eq!(
        refused(&f, &["move", id, "--position", "3"]),
        "aoplan: --position 3 is past the end: 1 to 2 fit in sub-theme \"integer-werken\"\n"
    );
    assert_eq!(
        refused(
            &f,
            &["move", id, "--to", "loyale-tegenspraak", "--position", "3"]
        ),
        "aoplan: --position 3 is past the end: 1 to 2 fit in sub-theme \"loyale-tegenspraak\"\n"
    );
    assert_eq!(
        refused(
            &f,
            &["--lang", "nl", "move", "werkplezier", "--position", "12"]
        ),
        "aoplan: --position 12 valt buiten de lijst: in het plan kan 1 t/m 11\n"
    );
    assert_eq!(
        refused(&f, &["move", id, "--to", "integer-werkn"]),
        "aoplan: --to \"integer-werkn\": no sub-theme has this id; did you mean `integer-werken`?\n"
    );
    for args in [&["move", id][..], &["move", id, "--position", "0"]] {
        assert_eq!(f.run(args).status.code(), Some(2), "{args:?}");
    }
    let before = f.version();
    assert_eq!(
        f.stdout(&["move", id, "--position", "1"]),
        "maatwerk-e-learning-integriteit: already there, nothing to move\n"
    );
    assert_eq!(f.version(), before);
}

#[test]
fn move_json_and_dry_run() {
    let f = fixture();
    let args = ["move", "werkplezier", "--position", "2", "--json"];
    let (out, _) = dry_run(&f, &args);
    let doc = json(&out);
    assert_eq!(
        doc["from"],
        serde_json::json!({"parent": "", "position": 11})
    );
    assert_eq!(doc["to"], serde_json::json!({"parent": "", "position": 2}));
    assert_eq!(doc["saved"], false);
    assert_eq!(json(&f.stdout(&args))["saved"], true);
    assert_eq!(f.load().themes[1].id, "werkplezier");
}

#[test]
fn rm_archives_with_history_and_restore_puts_it_back() {
    let f = fixture();
    let original = f.load();
    f.stdout(&["set", "maatwerk-e-learning-integriteit", "done"]);
    let out = f.stdout(&["rm", "integer-werken"]);
    assert_eq!(
        out,
        "integer-werken: archived the sub-theme “Integer werken”, with 2 projects (saved)\n"
    );
    let plan = f.load();
    assert!(plan.locate("maatwerk-e-learning-integriteit").is_none());
    assert_eq!(plan.project_count(), 74);
    let listed = f.stdout(&["show", "--archived"]);
    assert!(listed.starts_with("Archive\n  sub-theme  Integer werken [integer-werken], 2 projects — archived from ambtelijk-vakmanschap #3 — "), "{listed}");
    assert!(listed.trim_end().ends_with(" tester"), "{listed}");
    let inside = f.stdout(&["show", "maatwerk-e-learning-integriteit"]);
    assert!(
        inside.contains("archived from:     integer-werken (ambtelijk-vakmanschap #3)"),
        "{inside}"
    );
    assert_eq!(
        refused(&f, &["restore", "maatwerk-e-learning-integriteit"]),
        "aoplan: \"maatwerk-e-learning-integriteit\" is archived inside \"integer-werken\"; restore \"integer-werken\" instead\n"
    );
    assert_eq!(
        refused(&f, &["rm", "integer-werken"]),
        "aoplan: \"integer-werken\" is archived already; `aoplan show --archived` lists the archive\n"
    );
    let out = f.stdout(&["restore", "integer-werken"]);
    assert_eq!(
        out,
        "integer-werken: restored the sub-theme “Integer werken” to ambtelijk-vakmanschap #3, with 2 projects (saved)\n"
    );
    assert_eq!(
        refused(&f, &["restore", "integer-werken"]),
        "aoplan: \"integer-werken\" is not archived: it is in the plan\n"
    );
    // Back where it was, with the status history made before: apart from that
    // history and the log, the plan is the original again.
    let mut after = f.load();
    let p = after
        .project_mut(after.locate("maatwerk-e-learning-integriteit").unwrap())
        .unwrap();
    assert_eq!(p.history.len(), 1);
    p.history.clear();
    p.status = original
        .project(original.locate("maatwerk-e-learning-integriteit").unwrap())
        .unwrap()
        .status
        .clone();
    after.log.clear();
    assert_eq!(after, original);
}

#[test]
fn restore_needs_the_parent_in_the_plan() {
    let f = fixture();
    f.stdout(&["rm", "programma-loyale-tegenspraak"]);
    f.stdout(&["rm", "loyale-tegenspraak"]);
    assert_eq!(
        refused(&f, &["restore", "programma-loyale-tegenspraak"]),
        "aoplan: cannot restore \"programma-loyale-tegenspraak\": its sub-theme \"loyale-tegenspraak\" is not in the plan; restore that first\n"
    );
    assert_eq!(
        f.stdout(&["--lang", "nl", "restore", "loyale-tegenspraak"]),
        "loyale-tegenspraak: subthema “Loyale Tegenspraak” teruggezet in ambtelijk-vakmanschap #1, met 0 projecten (opgeslagen)\n"
    );
    f.stdout(&["restore", "programma-loyale-tegenspraak"]);
    let plan = f.load();
    assert_eq!(
        project_ids(&plan, "loyale-tegenspraak"),
        ["programma-loyale-tegenspraak"]
    );
    assert!(plan.archive.is_empty());
    assert_eq!(refused(&f, &["restore", "nergens"]).lines().count(), 1);
}

#[test]
fn rm_and_restore_json_and_dry_run() {
    let f = fixture();
    let (out, _) = dry_run(&f, &["rm", "arbeidsmarkt", "--json"]);
    let doc = json(&out);
    assert_eq!(
        (
            doc["kind"].as_str(),
            doc["projects"].as_u64(),
            doc["saved"].as_bool()
        ),
        (
            Some("theme"),
            Some(
                bundled().themes[1]
                    .subthemes
                    .iter()
                    .map(|s| s.projects.len() as u64)
                    .sum()
            ),
            Some(false)
        )
    );
    let (text, _) = dry_run(&f, &["rm", "programma-loyale-tegenspraak"]);
    assert_eq!(
        text,
        "programma-loyale-tegenspraak: archived the project “Programma rondom Loyale Tegenspraak” (dry run: nothing saved)\n"
    );
    f.stdout(&["rm", "arbeidsmarkt"]);
    let archive = json(&f.stdout(&["show", "--archived", "--json"]));
    assert_eq!(archive[0]["id"], "arbeidsmarkt");
    assert_eq!(
        archive[0]["from"],
        serde_json::json!({"parent": "", "position": 2})
    );
    assert_eq!(archive[0]["by"], "tester");
    let (out, _) = dry_run(&f, &["restore", "arbeidsmarkt", "--json"]);
    assert_eq!(
        json(&out)["to"],
        serde_json::json!({"parent": "", "position": 2})
    );
    let shown = json(&f.stdout(&["show", "arbeidsmarkt", "--json"]));
    assert_eq!(
        (
            shown["archived"].as_bool(),
            shown["item"]["Theme"]["id"].as_str()
        ),
        (Some(true), Some("arbeidsmarkt"))
    );
    f.stdout(&["restore", "arbeidsmarkt"]);
    assert_eq!(f.load().themes[1].id, "arbeidsmarkt");
}

#[test]
fn show_a_sub_theme_a_theme_and_an_empty_archive() {
    let f = fixture();
    let sub = f.stdout(&["show", "integer-werken"]);
    assert!(sub.starts_with("C. Integer werken\n  id:         integer-werken\n  theme:      Ambtelijk vakmanschap [ambtelijk-vakmanschap]\n"), "{sub}");
    assert!(sub.contains("\n  projects (2026):\n    Planned      Maatwerk e-learning Integriteit [maatwerk-e-learning-integriteit]\n"), "{sub}");
    let doc = json(&f.stdout(&["show", "integer-werken", "--json"]));
    assert_eq!(
        (
            doc["kind"].as_str(),
            doc["letter"].as_str(),
            doc["theme"]["id"].as_str()
        ),
        (Some("subtheme"), Some("C"), Some("ambtelijk-vakmanschap"))
    );
    assert_eq!(doc["projects"][1]["id"], "integer-werken-voortzetting");
    let theme = f.stdout(&["--lang", "nl", "show", "ambtelijk-vakmanschap"]);
    assert!(theme.starts_with("★ Ambtelijk vakmanschap\n  id:            ambtelijk-vakmanschap\n  focusthema:    ja\n  omvang:        5 subthema’s, 6 projecten; 2026: 0/6 afgerond\n"), "{theme}");
    assert!(
        theme.contains(
            "\n  subthema’s:\n    A. Loyale Tegenspraak [loyale-tegenspraak]: 1 project\n"
        ),
        "{theme}"
    );
    let doc = json(&f.stdout(&["show", "ambtelijk-vakmanschap", "--json"]));
    assert_eq!(
        (doc["focus"].as_bool(), doc["projects"].as_u64()),
        (Some(true), Some(6))
    );
    assert_eq!(f.stdout(&["show", "--archived"]), "The archive is empty.\n");
    assert_eq!(
        f.stdout(&["--lang", "nl", "show", "--archived"]),
        "Het archief is leeg.\n"
    );
    assert_eq!(f.stdout(&["show", "--archived", "--json"]), "[]\n");
    assert_eq!(
        refused(&f, &["show", "integer-werkn"]),
        "aoplan: unknown id \"integer-werkn\"; did you mean `integer-werken`?\n"
    );
    let (code, _, err) = run(&f, &["show"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = run(&f, &["show", "integer-werken", "--archived"]);
    assert_eq!(code, 2);
}

#[test]
fn hostile_text_in_the_plan_or_the_arguments_stays_inert() {
    let plan = hostile_plan();
    let f = PlanDir::new(&plan);
    let theme = plan.themes[0].id.clone();
    let sub = plan.themes[0].subthemes[0].id.clone();
    let evil = crate::support::hostile_text::hostile("x");
    for args in [
        vec!["show", theme.as_str()],
        vec!["show", sub.as_str()],
        vec!["show", sub.as_str(), "--json"],
        vec!["plan"],
        vec!["edit", sub.as_str(), "--name", evil.as_str()],
        vec!["edit", sub.as_str(), "--intro", evil.as_str()],
        vec!["rm", sub.as_str()],
        vec!["show", "--archived"],
        vec!["show", sub.as_str()],
        vec!["restore", sub.as_str()],
        vec!["add", "project", "--in", evil.as_str(), "--title", "x"],
        vec![
            "add",
            "project",
            "--in",
            sub.as_str(),
            "--title",
            "x",
            "--id",
            evil.as_str(),
        ],
        vec!["move", evil.as_str(), "--position", "1"],
        vec!["changes", "--since", "2000-01-01"],
        vec!["changes", "--since", "2000-01-01", "--format", "markdown"],
    ] {
        let out = f.run(&args);
        assert_inert(&format!("stdout of {args:?}"), &out.stdout, false);
        assert_inert(&format!("stderr of {args:?}"), &out.stderr, false);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}");
    }
}
