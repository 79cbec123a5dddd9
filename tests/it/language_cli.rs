//! The command line's messages and `--help` in Dutch and English, with the
//! exit status the English has always had.

use aoplan::plan::Plan;
use aoplan::storage::BUNDLED_PLAN;

use crate::support::plan_dir::PlanDir;

fn dir() -> PlanDir {
    let plan: Plan = aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses");
    PlanDir::new(&plan)
}

/// Runs `aoplan ARGS` with `LANG=locale`; the exit code, stdout and stderr.
fn run(dir: &PlanDir, locale: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = assert_cmd::cargo::cargo_bin_cmd!("aoplan")
        .args(args)
        .env("AOPLAN_FILE", &dir.plan)
        .env("AOPLAN_CONFIG", dir.dir.path().join("no-config.ron"))
        .env("HOME", dir.dir.path())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .env("TZ", "UTC")
        .env("USER", "tester")
        .output()
        .expect("aoplan runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8");
    (out.status.code(), text(out.stdout), text(out.stderr))
}

const ID: &str = "programma-loyale-tegenspraak";

#[test]
fn set_says_saved_and_not_saved_in_the_language_asked_for() {
    let d = dir();
    let (code, out, _) = run(&d, "C", &["--lang", "nl", "set", ID, "done"]);
    assert_eq!(
        (code, out.as_str()),
        (
            Some(0),
            "programma-loyale-tegenspraak: 2026 Gepland → Afgerond (opgeslagen)\n"
        )
    );
    let (code, out, _) = run(&d, "nl_NL.UTF-8", &["--lang", "en", "set", ID, "planned"]);
    assert_eq!(
        (code, out.as_str()),
        (
            Some(0),
            "programma-loyale-tegenspraak: 2026 Done → Planned (saved)\n"
        )
    );
    let before = d.bytes();
    let (code, _, err) = run(&d, "nl_NL.UTF-8", &["--read-only", "set", ID, "done"]);
    assert_eq!(
        (code, err.as_str()),
        (
            Some(1),
            "aoplan: niet opgeslagen: geopend met --read-only\n"
        )
    );
    let (code, _, err) = run(&d, "en_GB.UTF-8", &["--read-only", "set", ID, "done"]);
    assert_eq!(
        (code, err.as_str()),
        (
            Some(1),
            "aoplan: not saved: opened read-only (--read-only)\n"
        )
    );
    assert_eq!(d.bytes(), before, "nothing saved");
    let (code, _, err) = run(&d, "nl_NL.UTF-8", &["set", ID, "klaar"]);
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with("aoplan: onbekende status \"klaar\"; bedoelde je `"),
        "{err}"
    );
    let (code, _, err) = run(&d, "nl_NL.UTF-8", &["set", "ambtelijk-vakmanschap", "done"]);
    assert_eq!(
        (code, err.as_str()),
        (
            Some(1),
            "aoplan: \"ambtelijk-vakmanschap\" is een thema, geen project\n"
        )
    );
}

#[test]
fn check_lists_what_is_wrong_in_dutch_with_file_line_and_column() {
    let d = dir();
    let (code, out, _) = run(&d, "nl_NL.UTF-8", &["check"]);
    assert_eq!(code, Some(0));
    assert!(
        out.ends_with(": 11 thema’s, 44 subthema’s, 76 projecten\n"),
        "{out}"
    );
    let bad = d.dir.path().join("kapot.ron");
    std::fs::write(&bad, "(fund: \"x, title: \"y\")").unwrap();
    let file = bad.display().to_string();
    let (code, _, err) = run(&d, "nl_NL.UTF-8", &["--file", &file, "check"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("kapot.ron:1:"), "{err}");
    assert!(err.contains("verwacht `,`"), "{err}");
    std::fs::write(&bad, "(fund: \"\", title: \"y\", year: 1999, themes: [])").unwrap();
    let (code, _, err) = run(&d, "en_GB.UTF-8", &["--file", &file, "check"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains(
            ": 2 problems in the plan:\n  - `fund` is empty\n  - `year` 1999 is outside 2000–2100"
        ),
        "{err}"
    );
    let (code, _, err) = run(&d, "C", &["--lang", "nl", "--file", &file, "check"]);
    assert_eq!(code, Some(1));
    assert!(err.contains(": 2 problemen in het plan:\n  - `fund` (fonds) is leeg\n  - `year` (planjaar) 1999 ligt buiten 2000–2100"), "{err}");
    std::fs::write(&bad, "").unwrap();
    let (code, _, err) = run(&d, "nl_NL.UTF-8", &["--file", &file, "check"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("kapot.ron:1:1: het bestand is leeg"), "{err}");
}

#[test]
fn rollover_reports_in_dutch() {
    let d = dir();
    let (code, out, _) = run(&d, "nl_NL.UTF-8", &["rollover", "2027", "--dry-run"]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("Rollover 2026 → 2027 (proefdraai: niets opgeslagen)\nOvergenomen (76):\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "Het planjaar zou 2027 worden.\nDe titel is nog steeds \"Activiteitenplan 2026\".\n"
        ),
        "{out}"
    );
    let (code, _, err) = run(&d, "nl_NL.UTF-8", &["rollover", "2025"]);
    assert_eq!(
        (code, err.as_str()),
        (
            Some(1),
            "aoplan: jaar 2025 ligt vóór het planjaar 2026; rollover gaat alleen vooruit\n"
        )
    );
}

#[test]
fn help_is_dutch_or_english_with_its_examples() {
    let d = dir();
    let (code, nl, _) = run(&d, "nl_NL.UTF-8", &["set", "--help"]);
    assert_eq!(code, Some(0));
    assert!(
        nl.starts_with(
            "Zet de status van een project voor het planjaar (of --year)\n\nGebruik: aoplan set"
        ),
        "{nl}"
    );
    assert!(
        nl.contains("Argumenten:\n") && nl.contains("Opties:\n"),
        "{nl}"
    );
    assert!(
        nl.contains("Voorbeelden:\n  aoplan set programma-loyale-tegenspraak done\n"),
        "{nl}"
    );
    let (_, en, _) = run(&d, "nl_NL.UTF-8", &["--lang", "en", "set", "--help"]);
    assert!(
        en.starts_with("Set a project's status for the plan year (or --year)\n\nUsage: aoplan set"),
        "{en}"
    );
    assert!(
        en.contains("Examples:\n  aoplan set programma-loyale-tegenspraak done\n"),
        "{en}"
    );
    let (_, nl, _) = run(&d, "C", &["--lang", "nl", "changes", "--help"]);
    assert!(nl.contains("Het begin van de periode"), "{nl}");
    assert!(
        nl.contains("  aoplan changes --since 'vorige week' --until 'vorige week'\n"),
        "{nl}"
    );
    let (_, nl, _) = run(&d, "nl_NL.UTF-8", &["help", "report"]);
    assert!(
        nl.starts_with("Voortgang per thema en subthema, voor het bestuur\n"),
        "{nl}"
    );
}

#[test]
fn a_global_option_is_only_shown_and_taken_where_it_applies() {
    let d = dir();
    let (_, help, _) = run(&d, "C", &["changes", "--help"]);
    assert!(
        !help.contains("--year") && !help.contains("--read-only"),
        "{help}"
    );
    assert!(
        !help.contains("--no-mouse") && help.contains("--file"),
        "{help}"
    );
    let (_, help, _) = run(&d, "C", &["set", "--help"]);
    assert!(
        help.contains("--year") && help.contains("--read-only"),
        "{help}"
    );
    let (_, help, _) = run(&d, "C", &["--help"]);
    assert!(help.contains("--no-mouse"), "{help}");
    for args in [
        &["--year", "2027", "changes", "--since", "vandaag"][..],
        &["changes", "--since", "vandaag", "--read-only"],
        &["check", "--no-mouse"],
        &["--file", "x.ron", "completions", "bash"],
    ] {
        let (code, _, err) = run(&d, "C", args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains("means nothing to `aoplan "), "{args:?}: {err}");
    }
    let (code, _, err) = run(&d, "nl_NL.UTF-8", &["check", "--year", "2027"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("--year betekent niets voor `aoplan check`"),
        "{err}"
    );
    // Where they apply they work as before.
    let (code, out, _) = run(&d, "C", &["--year", "2027", "report", "--format", "json"]);
    assert_eq!(code, Some(0), "{out}");
}

/// The README's "In Dutch" examples, run through a shell as written, in order
/// on one plan: each prints what its `#` lines below it say (stdout, then
/// stderr); the others run and say it in Dutch.
#[test]
fn the_readmes_dutch_examples_are_true() {
    let d = dir();
    std::fs::write(d.dir.path().join("kapot.ron"), "(fund: \"x\", title: ").unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("### In Dutch").nth(1).expect("the section");
    let block = section.split("```sh").nth(1).unwrap();
    let block = block.split("```").next().unwrap();
    let mut examples: Vec<(String, Vec<String>)> = Vec::new();
    for line in block.lines().filter(|l| !l.trim().is_empty()) {
        match (line.strip_prefix('#'), examples.last_mut()) {
            (Some(said), Some((_, expected))) => {
                expected.push(said.strip_prefix(' ').unwrap_or(said).to_string());
            }
            _ => examples.push((line.to_string(), Vec::new())),
        }
    }
    assert_eq!(examples.len(), 5, "{examples:?}");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_aoplan"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("a directory").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (line, expected) in &examples {
        let out = std::process::Command::new("sh")
            .args(["-c", line])
            .current_dir(d.dir.path())
            .env("PATH", &path)
            .env("AOPLAN_FILE", &d.plan)
            .env("AOPLAN_CONFIG", d.dir.path().join("no-config.ron"))
            .env("HOME", d.dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .env("TZ", "UTC")
            .output()
            .expect("sh runs");
        let said = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
        let said: Vec<&str> = said.lines().collect();
        if expected.is_empty() {
            assert!(
                ["Gebruik:", "regel", "verwacht"]
                    .iter()
                    .any(|w| said.iter().any(|l| l.contains(w))),
                "{line}:\n{}",
                said.join("\n")
            );
        } else {
            assert_eq!(
                said[..expected.len().min(said.len())],
                expected[..],
                "{line}"
            );
        }
    }
}
