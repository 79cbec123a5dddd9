//! The command line's messages and `--help` in Dutch and English, with the
//! exit status the English has always had.

use aoplan::plan::Plan;
use aoplan::storage::BUNDLED_PLAN;

use crate::support::plan_dir::PlanDir;

pub(crate) fn dir() -> PlanDir {
    let plan: Plan = aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses");
    PlanDir::new(&plan)
}

/// Runs `aoplan ARGS` with `LANG=locale`; the exit code, stdout and stderr.
pub(crate) fn run(dir: &PlanDir, locale: &str, args: &[&str]) -> (Option<i32>, String, String) {
    run_with_config(dir, locale, args, &dir.dir.path().join("no-config.ron"))
}

/// [`run`] with `AOPLAN_CONFIG=config`.
fn run_with_config(
    dir: &PlanDir,
    locale: &str,
    args: &[&str],
    config: &std::path::Path,
) -> (Option<i32>, String, String) {
    let out = assert_cmd::cargo::cargo_bin_cmd!("aoplan")
        .args(args)
        .env("AOPLAN_FILE", &dir.plan)
        .env("AOPLAN_CONFIG", config)
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

pub(crate) const ID: &str = "programma-loyale-tegenspraak";

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
    // Nothing is close to "klaar": no guess, the statuses in Dutch first.
    assert_eq!(
        err,
        "aoplan: onbekende status \"klaar\"; Statussen: Gepland, Lopend, Afgerond, \
         Uitgesteld, Vervallen; ook: Planned, InProgress, Done, OnHold, Cancelled\n"
    );
    let (_, _, err) = run(&d, "nl_NL.UTF-8", &["set", ID, "lopnd"]);
    assert!(
        err.starts_with("aoplan: onbekende status \"lopnd\"; bedoelde je `Lopend`? Statussen: "),
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
        out.starts_with(
            "Jaarovergang 2026 → 2027 (proefdraai: niets opgeslagen)\nOvergenomen (76):\n"
        ),
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

/// The words of `words` that `text` has as whole words, leaving out quoted
/// code and `path`.
fn foreign_words(text: &str, path: &str, words: &[&str]) -> Vec<String> {
    let text = text.replace(path, " ");
    let prose: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    prose
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| words.iter().any(|x| x.eq_ignore_ascii_case(w)))
        .map(str::to_string)
        .collect()
}

const ENGLISH: &[&str] = &[
    "unknown",
    "setting",
    "settings",
    "ignored",
    "using",
    "default",
    "file",
    "not",
    "expected",
    "error",
    "outside",
    "heading",
    "indent",
    "directory",
];
const DUTCH: &[&str] = &[
    "onbekende",
    "instelling",
    "genegeerd",
    "bestand",
    "niet",
    "verwacht",
    "subthema",
    "inspringen",
    "spaties",
    "map",
    "kop",
];

#[test]
fn a_bad_config_is_said_in_the_language_asked_for() {
    let d = dir();
    let config = d.dir.path().join("config.ron");
    std::fs::write(&config, "(\n    colour: Dark,\n)\n").unwrap();
    let path = config.display().to_string();
    let (code, out, err) = run_with_config(&d, "C", &["--lang", "nl", "check"], &config);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.ends_with("76 projecten\n"), "{out}");
    assert_eq!(
        err,
        format!(
            "aoplan: waarschuwing: {path}:2:5: onbekende instelling `colour`; de instellingen \
             zijn `file`, `lang`, `mouse`, `name`, `theme`\n2 |     colour: Dark,\n  |     ^\n\
             Het configuratiebestand wordt genegeerd; de standaardinstellingen gelden.\n"
        )
    );
    assert_eq!(foreign_words(&err, &path, ENGLISH), Vec::<String>::new());
    let (code, _, err) = run_with_config(&d, "nl_NL.UTF-8", &["--lang", "en", "check"], &config);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.starts_with(&format!(
            "aoplan: warning: {path}:2:5: unknown setting `colour`; the settings are `file`"
        )),
        "{err}"
    );
    assert!(
        err.ends_with("\nThe config file is ignored; using the default settings.\n"),
        "{err}"
    );
    assert_eq!(foreign_words(&err, &path, DUTCH), Vec::<String>::new());
    // A wrong value, and a config that is not a file.
    std::fs::write(&config, "(lang: Fr)").unwrap();
    let (_, _, err) = run_with_config(&d, "nl_NL.UTF-8", &["check"], &config);
    assert!(
        err.contains(":1:8: onbekende waarde `Fr`; verwacht een van: `Nl`, `En`\n"),
        "{err}"
    );
    std::fs::remove_file(&config).unwrap();
    std::fs::create_dir(&config).unwrap();
    let (_, _, err) = run_with_config(&d, "nl_NL.UTF-8", &["check"], &config);
    assert_eq!(
        err,
        format!(
            "aoplan: waarschuwing: {path}: is geen gewoon bestand (een map, FIFO of apparaat)\n\
             Het configuratiebestand wordt genegeerd; de standaardinstellingen gelden.\n"
        )
    );
}

#[test]
fn import_says_what_is_wrong_with_an_outline_in_the_language_asked_for() {
    use crate::support::start_dir::{Dir, NEW};
    let d = Dir::new();
    std::fs::write(d.path("o.md"), "# Thema\n- Project\n").unwrap();
    let import = |lang: &str| {
        let args = [&["--lang", lang, "import", "o.md", "-f", "p.ron"][..], &NEW].concat();
        let out = d.run(&args);
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stderr).unwrap()
    };
    let nl = import("nl");
    assert_eq!(
        nl,
        "aoplan: o.md:2:1: een `-`-project buiten een subthema: verwacht erboven een kop \
         `## Subthema`, onder zijn thema\n2 | - Project\n  | ^\n"
    );
    assert_eq!(foreign_words(&nl, "o.md", ENGLISH), Vec::<String>::new());
    let en = import("en");
    assert_eq!(
        en,
        "aoplan: o.md:2:1: a `-` project outside a sub-theme: expected a `## Sub-theme` \
         heading above it, under its theme\n2 | - Project\n  | ^\n"
    );
    assert_eq!(foreign_words(&en, "o.md", DUTCH), Vec::<String>::new());
    // The other messages of `import`: a directory, standard input that is too large.
    let args = [&["--lang", "nl", "import", ".", "-f", "p.ron"][..], &NEW].concat();
    let err = String::from_utf8(d.run(&args).stderr).unwrap();
    assert_eq!(err, "aoplan: .: is een map, geen outline\n");
    let zeros = vec![b'x'; aoplan::outline::MAX_OUTLINE_BYTES + 10];
    let args = [&["--lang", "nl", "import", "-", "-f", "p.ron"][..], &NEW].concat();
    let out = d.run_with(&args, &zeros, &[]);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "aoplan: <standaardinvoer>:1:1: de outline is groter dan de grens van 32 MiB; \
         is dit het goede bestand?\n"
    );
    assert_eq!(d.names(), ["o.md"], "nothing was written");
}
