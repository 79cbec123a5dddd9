//! The non-interactive commands, run as the real binary.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

/// A temporary directory holding a copy of the bundled plan.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("plan.ron"), BUNDLED).unwrap();
        Fixture { dir }
    }

    fn plan(&self) -> PathBuf {
        self.dir.path().join("plan.ron")
    }

    fn bytes(&self) -> Vec<u8> {
        fs::read(self.plan()).unwrap()
    }

    /// Runs a command that must succeed and returns its stdout.
    fn stdout(&self, args: &[&str]) -> Vec<u8> {
        self.cmd(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    }

    /// `aoplan --file plan.ron ARGS` with a clean, English environment.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = aoplan();
        cmd.arg("--file").arg(self.plan()).args(args);
        cmd
    }
}

fn aoplan() -> Command {
    let mut cmd = Command::cargo_bin("aoplan").unwrap();
    cmd.env_clear()
        .env("LANG", "en_US.UTF-8")
        .env("TZ", "UTC")
        .env("USER", "tester")
        .env("HOME", "/nonexistent-home");
    cmd
}

#[test]
fn check_summarises_the_bundled_plan() {
    aoplan()
        .args(["check", "--file", "data/activiteitenplan-2026.ron"])
        .assert()
        .success()
        .stdout("data/activiteitenplan-2026.ron: 11 themes, 44 sub-themes, 76 projects\n");
}

#[test]
fn check_reports_syntax_errors_with_position_and_caret() {
    let f = Fixture::new();
    let broken = BUNDLED.replacen("owner: \"\",", "ownr: \"\",", 1);
    fs::write(f.plan(), &broken).unwrap();
    let line = broken.lines().position(|l| l.contains("ownr")).unwrap() + 1;
    let out = f
        .cmd(&["check"])
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    let plan = f.plan();
    assert!(
        err.starts_with(&format!("aoplan: {}:{line}:29: unknown field `ownr` in a project; expected one of: `id`, `title`", plan.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("{line} |                             ownr: \"\",")),
        "{err}"
    );
    assert!(err.trim_end().ends_with('^'), "{err}");
    assert_eq!(f.bytes(), broken.as_bytes(), "a bad file is never written");
}

#[test]
fn check_reports_every_semantic_problem() {
    let f = Fixture::new();
    let broken = BUNDLED
        .replacen(
            "id: \"politiek-bestuurlijk\"",
            "id: \"loyale-tegenspraak\"",
            1,
        )
        .replacen("year: 2026,", "year: 1999,", 1)
        .replacen(
            "id: \"programma-loyale-tegenspraak\"",
            "id: \"Programma\"",
            1,
        );
    fs::write(f.plan(), &broken).unwrap();
    f.cmd(&["check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("3 problems in the plan"))
        .stderr(predicate::str::contains("`year` 1999 is outside 2000–2100"))
        .stderr(predicate::str::contains(
            "ambtelijk-vakmanschap › loyale-tegenspraak › Programma: project id \"Programma\" is malformed",
        ))
        .stderr(predicate::str::contains(
            "ambtelijk-vakmanschap › loyale-tegenspraak: id \"loyale-tegenspraak\" is used twice (first at ambtelijk-vakmanschap › loyale-tegenspraak)",
        ));
}

#[test]
fn find_ranks_and_ignores_accents() {
    let f = Fixture::new();
    let out = f.stdout(&["find", "loyale", "tegenspraak"]);
    let out = String::from_utf8(out).unwrap();
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "Planned      Ambtelijk vakmanschap › Loyale Tegenspraak › Programma rondom Loyale Tegenspraak  [programma-loyale-tegenspraak]"
    );
    // "ideeen" finds text written "ideeën".
    let json = f.stdout(&["find", "--json", "technologieen"]);
    let hits: Value = serde_json::from_slice(&json).unwrap();
    assert!(!hits.as_array().unwrap().is_empty());
}

#[test]
fn find_json_has_the_documented_fields() {
    let f = Fixture::new();
    let json = f.stdout(&["find", "--json", "overgang"]);
    let hits: Value = serde_json::from_slice(&json).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(hits.len() > 3);
    for h in hits {
        for key in ["id", "title", "theme", "subtheme", "status", "score"] {
            assert!(h.get(key).is_some(), "{key} in {h}");
        }
        assert!(
            h["status"].is_null()
                || ["Planned", "InProgress"].contains(&h["status"].as_str().unwrap())
        );
    }
    let scores: Vec<i64> = hits.iter().map(|h| h["score"].as_i64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    assert_eq!(hits[0]["theme"]["name"], "Open over de Overgang");
}

#[test]
fn find_without_match_exits_1() {
    Fixture::new()
        .cmd(&["find", "zzzqqqxxx"])
        .assert()
        .code(1)
        .stderr("aoplan: no project matches \"zzzqqqxxx\"\n");
}

#[test]
fn show_prints_everything_in_the_chosen_language() {
    let f = Fixture::new();
    f.cmd(&["--lang", "nl", "show", "programma-loyale-tegenspraak"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Programma rondom Loyale Tegenspraak\n",
        ))
        .stdout(predicate::str::contains(
            "\n  thema:    Ambtelijk vakmanschap › Loyale Tegenspraak\n  eigenaar: —\n",
        ))
        .stdout(predicate::str::contains("\n  status:   2026* Gepland\n"))
        .stdout(predicate::str::contains(
            "Competentieontwikkeling via (train-de-trainer)",
        ));
    let json = f.stdout(&["show", "--json", "programma-loyale-tegenspraak"]);
    let v: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["statuses"]["2026"], "Planned");
    assert_eq!(v["status"], "Planned");
    assert_eq!(v["kind"], "project");
    assert_eq!(v["subtheme"]["id"], "loyale-tegenspraak");
}

#[test]
fn set_saves_with_history_and_accepts_both_languages() {
    let f = Fixture::new();
    for (input, file_name) in [
        ("done", "Done"),
        ("Lopend", "InProgress"),
        ("in-progress", "InProgress"),
        ("on hold", "OnHold"),
        ("VERVALLEN", "Cancelled"),
        ("gepland", "Planned"),
    ] {
        f.cmd(&["set", "programma-loyale-tegenspraak", input])
            .assert()
            .success();
        let text = String::from_utf8(f.bytes()).unwrap();
        assert!(
            text.contains(&format!("status: {{2026: {file_name}}},")),
            "{input}"
        );
    }
    let text = String::from_utf8(f.bytes()).unwrap();
    let plan = aoplan::codec::parse(&text).unwrap();
    let p = plan
        .project(plan.locate("programma-loyale-tegenspraak").unwrap())
        .unwrap();
    // "in-progress" after "Lopend" changed nothing, so five entries, not six.
    assert_eq!(p.history.len(), 5);
    assert!(p.history.iter().all(|h| h.by == "tester" && h.year == 2026));
    // The backup holds the version before the last save.
    let backup = fs::read_to_string(f.dir.path().join("plan.ron.bak")).unwrap();
    assert!(
        backup.contains("status: {2026: Cancelled}"),
        "the version before the last set"
    );
}

#[test]
fn set_with_year_adds_a_status_for_that_year() {
    let f = Fixture::new();
    f.cmd(&[
        "set",
        "--year",
        "2027",
        "programma-loyale-tegenspraak",
        "afgerond",
    ])
    .assert()
    .success()
    .stdout("programma-loyale-tegenspraak: 2027 — → Done (saved)\n");
    let text = String::from_utf8(f.bytes()).unwrap();
    assert!(text.contains("status: {2026: Planned, 2027: Done},"));
}

#[test]
fn set_unknown_id_or_status_suggests_and_touches_nothing() {
    let f = Fixture::new();
    f.cmd(&["set", "programma-loyale-tegenspraek", "done"])
        .assert()
        .code(1)
        .stderr(
            "aoplan: unknown project id \"programma-loyale-tegenspraek\"; \
             did you mean `programma-loyale-tegenspraak`?\n",
        );
    f.cmd(&["set", "programma-loyale-tegenspraak", "afgerondd"])
        .assert()
        .code(1)
        .stderr(
            "aoplan: unknown status \"afgerondd\"; did you mean `Afgerond`? Statuses: \
             Planned, In progress, Done, On hold, Cancelled; \
             also: Gepland, Lopend, Afgerond, Uitgesteld, Vervallen\n",
        );
    f.cmd(&["set", "loyale-tegenspraak", "done"])
        .assert()
        .code(1)
        .stderr("aoplan: \"loyale-tegenspraak\" is a sub-theme, not a project\n");
    assert_eq!(f.bytes(), BUNDLED.as_bytes());
    assert!(!f.dir.path().join("plan.ron.bak").exists());
}

#[test]
fn read_only_flag_refuses_to_set() {
    let f = Fixture::new();
    f.cmd(&["--read-only", "set", "programma-loyale-tegenspraak", "done"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("read-only"));
    assert_eq!(f.bytes(), BUNDLED.as_bytes());
}

#[test]
fn plan_path_precedence() {
    let f = Fixture::new();
    let data = f.dir.path().join("data-home");
    let env_plan = f.dir.path().join("env.ron");
    let run = |args: &[&str], env_file: Option<&Path>| {
        let mut cmd = aoplan();
        cmd.env("XDG_DATA_HOME", &data)
            .env("HOME", f.dir.path())
            .args(args);
        if let Some(p) = env_file {
            cmd.env("AOPLAN_FILE", p);
        }
        String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
    };
    let flag = f.plan();
    assert_eq!(
        run(&["path", "--file", flag.to_str().unwrap()], Some(&env_plan)).trim(),
        flag.to_str().unwrap()
    );
    assert_eq!(
        run(&["path"], Some(&env_plan)).trim(),
        env_plan.to_str().unwrap()
    );
    let default = data.join("aoplan/plan.ron");
    assert_eq!(run(&["path"], None).trim(), default.to_str().unwrap());
    assert!(!default.exists(), "`path` only prints");
}

/// Only `aoplan init` (and the interactive `aoplan`) creates the default plan;
/// a script that finds none is told how to point at one, and nothing appears.
#[test]
fn without_a_plan_commands_say_how_to_point_at_one_and_init_makes_it() {
    let f = Fixture::new();
    let data = f.dir.path().join("data-home");
    let default = data.join("aoplan/plan.ron");
    for (lang, words) in [
        (
            "en",
            [
                "no plan found",
                "--file PATH",
                "AOPLAN_FILE=PATH",
                "`aoplan init`",
            ],
        ),
        (
            "nl",
            [
                "geen plan gevonden",
                "--file PAD",
                "AOPLAN_FILE=PAD",
                "`aoplan init`",
            ],
        ),
    ] {
        for args in [
            &["check"][..],
            &["find", "kwalen"],
            &["set", "kwalen-kwartet", "done"],
            &["report"],
        ] {
            let out = aoplan()
                .env("XDG_DATA_HOME", &data)
                .args(["--lang", lang])
                .args(args)
                .assert()
                .code(1)
                .get_output()
                .clone();
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert!(stderr.contains(&default.display().to_string()), "{stderr}");
            for word in words {
                assert!(stderr.contains(word), "{args:?} {lang}: {word}: {stderr}");
            }
            assert!(!data.exists(), "{args:?}: nothing is created");
        }
    }
    aoplan()
        .env("XDG_DATA_HOME", &data)
        .args(["--lang", "en", "init"])
        .assert()
        .success()
        .stdout(format!(
            "created {} from the bundled Activiteitenplan 2026\n",
            default.display()
        ));
    assert_eq!(fs::read_to_string(&default).unwrap(), BUNDLED);
    aoplan()
        .env("XDG_DATA_HOME", &data)
        .args(["--lang", "nl", "init"])
        .assert()
        .success()
        .stdout(format!(
            "{} bestaat al; niets veranderd\n",
            default.display()
        ));
    aoplan()
        .env("XDG_DATA_HOME", &data)
        .arg("check")
        .assert()
        .success();
}

#[test]
fn a_missing_file_flag_is_an_error_and_never_created() {
    let f = Fixture::new();
    let missing = f.dir.path().join("nope.ron");
    let out = aoplan()
        .arg("--file")
        .arg(&missing)
        .args(["--lang", "en", "check"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "aoplan: no plan found: {} does not exist.",
            missing.display()
        )),
        "{stderr}"
    );
    assert!(!missing.exists());
    aoplan()
        .env("AOPLAN_FILE", &missing)
        .args(["set", "x", "done"])
        .assert()
        .code(1);
    assert!(!missing.exists());
}

#[test]
fn every_command_has_help_with_examples() {
    for cmd in ["check", "path", "find", "show", "set"] {
        aoplan()
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
    aoplan()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
}

#[test]
fn bad_year_is_a_usage_error() {
    Fixture::new()
        .cmd(&["--year", "1999", "find", "x"])
        .assert()
        .code(2);
}

/// A hand-edited plan with comments: `check` warns (and passes), a save says
/// the comments went, and the UI warns on opening (see `tui_pty`).
#[test]
fn comments_that_a_save_drops_are_warned_about() {
    let f = Fixture::new();
    let plan = f.plan();
    let text = fs::read_to_string(&plan).unwrap();
    let commented = text.replacen("(\n", "(\n    // bijgewerkt na de OR-vergadering\n", 1);
    assert_ne!(commented, text);
    fs::write(&plan, &commented).unwrap();
    for (lang, word) in [("nl", "volgende keer opslaan"), ("en", "next save drops")] {
        let out = aoplan()
            .arg("--file")
            .arg(&plan)
            .args(["--lang", lang, "check"])
            .assert()
            .success()
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(":2:5"), "{stderr}");
        assert!(stderr.contains(word), "{stderr}");
    }
    let out = aoplan()
        .arg("--file")
        .arg(&plan)
        .args(["--lang", "en", "set", "kwalen-kwartet", "done"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("were dropped by this save"), "{stderr}");
    assert!(!fs::read_to_string(&plan).unwrap().contains("//"));
    // Once gone, nothing more to say.
    let out = aoplan()
        .arg("--file")
        .arg(&plan)
        .arg("check")
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
