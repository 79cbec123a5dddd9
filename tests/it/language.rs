//! One language throughout: every message of the command line in Dutch and
//! English, picked by `--lang` or the locale as the UI picks it, and a grep of
//! the Dutch (and English) outputs and UI snapshots for words of the other
//! language. The plan's own text may contain anything and is taken out first.

use std::fs;
use std::path::Path;
use std::process::Output;

use aoplan::i18n::Lang;
use aoplan::plan::Plan;
use aoplan::storage::BUNDLED_PLAN;

use crate::support::plan_dir::PlanDir;

fn bundled() -> Plan {
    aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses")
}

/// Runs `aoplan ARGS` on `dir`'s plan with `LANG` set to `locale`.
fn run_with(dir: &PlanDir, locale: &str, args: &[&str]) -> Output {
    assert_cmd::cargo::cargo_bin_cmd!("aoplan")
        .args(args)
        .env("AOPLAN_FILE", &dir.plan)
        .env("AOPLAN_CONFIG", dir.dir.path().join("no-config.ron"))
        .env("HOME", dir.dir.path())
        .env("XDG_DATA_HOME", dir.dir.path())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .env("TZ", "UTC")
        .env("USER", "tester")
        .output()
        .expect("aoplan runs")
}

/// Everything a run printed, stdout and stderr.
fn printed(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A file that breaks in each of the common ways, by name.
const BROKEN: &[(&str, &str)] = &[
    ("empty.ron", ""),
    ("cut.ron", "(fund: \"x\", title: "),
    ("comma.ron", "(fund: \"x\" title: \"y\")"),
    ("unclosed.ron", "(fund: \"x, title: \"y\")"),
    (
        "field.ron",
        "(fund: \"x\", title: \"y\", year: 2026, themes: [], bogus: 1)",
    ),
    ("missing.ron", "(fund: \"x\", year: 2026, themes: [])"),
    (
        "invalid.ron",
        "(fund: \"\", title: \"y\", year: 2026, themes: [])",
    ),
];

/// The outputs of a representative set of commands in `lang`, chosen by
/// `--lang` (`by_flag`) or else by the locale; errors and `--help` included.
fn outputs(lang: Lang, by_flag: bool) -> Vec<(String, String)> {
    let dir = PlanDir::new(&bundled());
    let (code, locale) = match lang {
        Lang::Nl => ("nl", if by_flag { "C" } else { "nl_NL.UTF-8" }),
        Lang::En => (
            "en",
            if by_flag {
                "nl_NL.UTF-8"
            } else {
                "en_GB.UTF-8"
            },
        ),
    };
    let flag: &[&str] = if by_flag { &["--lang", code] } else { &[] };
    let id = "programma-loyale-tegenspraak";
    let mut commands: Vec<Vec<String>> = [
        &["check"][..],
        &["find", "ideeen"],
        &["find", "zzzqqq"],
        &["show", "nope"],
        &["show", id],
        &["set", id, "bogus"],
        &["set", id, "done"],
        &["set", id, "done"],
        &["--read-only", "set", id, "planned"],
        &["set", "ambtelijk-vakmanschap", "done"],
        &["rollover", "2027", "--dry-run"],
        &["rollover", "1999"],
        &["report"],
        &["changes", "--since", "2000-01-01"],
        &["plan"],
        &["conflicts"],
        &["--file", "/", "check"],
        &["--file", "nothing-here.ron", "check"],
        // A bad command line, as clap finds it and as our checks find it.
        &["sett"],
        &["set", id],
        &["set", id, "--foo"],
        &["--", "set"],
        &["report", "--format", "xml"],
        &["report", "--compare", "2026-01-01"],
        &[
            "report",
            "--as-of",
            "2026-01-01",
            "--compare",
            "2026-01-01",
            "2026-02-01",
        ],
        &["report", "--as-of", "morgen"],
        &["list", "--changed-since", "blah"],
        &["--year", "1800", "report"],
        &["--year", "abc", "report"],
        &["find", "x", "--jsn"],
        &["find", "x", "--limit", "99999999999999999999999"],
        &["move", id, "--position", "0"],
        &["check", "--year", "2027"],
        &["new", "x.ron"],
        &["new", "x.ron", "--fund", "F", "--title", "T"],
        &["add"],
        &["--lang"],
        &["show", "--archived", id],
    ]
    .iter()
    .map(|a| a.iter().map(|s| s.to_string()).collect())
    .collect();
    for (name, text) in BROKEN {
        let path = dir.dir.path().join(name);
        fs::write(&path, text).unwrap();
        commands.push(vec![
            "--file".into(),
            path.display().to_string(),
            "check".into(),
        ]);
    }
    let mut help = Vec::new();
    aoplan::cli::paths(&aoplan::cli::command(Lang::En), "", &mut help);
    for (path, _) in help
        .iter()
        .filter(|(p, _)| !p.split(' ').any(|w| w == "help"))
    {
        let mut args: Vec<String> = path.split_whitespace().map(str::to_string).collect();
        args.push("--help".into());
        commands.push(args);
    }
    commands
        .into_iter()
        .map(|args| {
            let mut all: Vec<&str> = flag.to_vec();
            all.extend(args.iter().map(String::as_str));
            let out = run_with(&dir, locale, &all);
            (all.join(" "), printed(&out))
        })
        .collect()
}

/// `text` without the plan's own words (titles, names, notes, owners, the
/// fund), and without option names and quoted code, which are the same in
/// both languages.
fn without_plan_text(text: &str, plan: &Plan) -> String {
    let mut texts: Vec<&str> = vec![&plan.fund, &plan.title];
    for theme in &plan.themes {
        texts.extend([theme.name.as_str(), &theme.intro]);
        for sub in &theme.subthemes {
            texts.extend([sub.name.as_str(), &sub.intro]);
            for p in &sub.projects {
                texts.extend([p.title.as_str(), &p.details, &p.owner, &p.notes]);
            }
        }
    }
    texts.retain(|t| t.chars().count() > 3);
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut text = text.to_string();
    for t in texts {
        text = text.replace(t, " ");
    }
    // Quoted code, then option names, variable names and file names.
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        }
        out.push(' ');
    }
    let kept: Vec<&str> = out
        .split(' ')
        .filter(|w| {
            let w = w.trim_start_matches(['(', '[', '"', '\'']);
            let code = w.starts_with("--")
                || w.starts_with('$')
                || w.contains("AOPLAN_")
                || (w.len() > 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
                || [".ron", ".md", ".csv"].iter().any(|e| w.contains(e));
            !code
        })
        .collect();
    kept.join(" ")
}

/// The words of `words` that `text` has as whole words, with their context.
fn words_found(text: &str, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        for word in line.split(|c: char| !c.is_alphanumeric()) {
            if words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                found.push(format!("{word:?} in {:?}", line.trim()));
            }
        }
    }
    found
}

/// All of the plan's own text, white space made single spaces, lowercase.
fn plan_corpus(plan: &Plan) -> String {
    let mut all = vec![plan.fund.clone(), plan.title.clone()];
    for theme in &plan.themes {
        all.extend([theme.name.clone(), theme.intro.clone()]);
        for sub in &theme.subthemes {
            all.extend([sub.name.clone(), sub.intro.clone()]);
            for p in &sub.projects {
                all.extend([p.title.clone(), p.details.clone(), p.owner.clone()]);
                all.push(p.notes.clone());
            }
        }
    }
    squeeze(&all.join("\n"))
}

fn squeeze(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a hit (as [`words_found`] reports it) lies in a pane cell of the
/// screen whose text is a piece of the plan's own text, wrapped or cut.
fn in_a_plan_cell(hit: &str, corpus: &str) -> bool {
    let Some((word, line)) = hit.split_once(" in ") else {
        return false;
    };
    let word = word.trim_matches('"').to_lowercase();
    let line: String = serde_json::from_str(line).unwrap_or_default();
    line.split(['│', '┃', '║'])
        .map(|cell| squeeze(cell.trim().trim_end_matches('…')))
        .filter(|cell| {
            cell.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word)
        })
        .all(|cell| corpus.contains(&cell))
}

const ENGLISH: &[&str] = &[
    "saved",
    "opened",
    "not",
    "file",
    "error",
    "usage",
    "information",
    "invalid",
    "unexpected",
    "required",
    "possible",
    "default",
];
const DUTCH: &[&str] = &[
    "opgeslagen",
    "niet",
    "bestand",
    "fout",
    "gebruik",
    "ongeldige",
    "waarde",
    "standaard",
];

#[test]
fn the_dutch_command_line_says_no_english_words() {
    let plan = bundled();
    for by_flag in [true, false] {
        for (command, said) in outputs(Lang::Nl, by_flag) {
            let found = words_found(&without_plan_text(&said, &plan), ENGLISH);
            assert!(
                found.is_empty(),
                "aoplan {command} (nl):\n{said}\n{found:#?}"
            );
        }
    }
}

#[test]
fn the_english_command_line_says_no_dutch_words() {
    let plan = bundled();
    for by_flag in [true, false] {
        for (command, said) in outputs(Lang::En, by_flag) {
            let found = words_found(&without_plan_text(&said, &plan), DUTCH);
            assert!(
                found.is_empty(),
                "aoplan {command} (en):\n{said}\n{found:#?}"
            );
        }
    }
}

#[test]
fn the_ui_snapshots_keep_to_their_language() {
    let plan = bundled();
    let corpus = plan_corpus(&plan);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots");
    let mut checked = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let words = if name.contains("_nl_") || name.ends_with("_nl.snap") {
            ENGLISH
        } else if name.contains("_en_") || name.ends_with("_en.snap") {
            DUTCH
        } else {
            continue;
        };
        let text = fs::read_to_string(&path).unwrap();
        // The snapshot's header (its source and expression) is not on screen.
        let screen = text.splitn(3, "---").nth(2).unwrap_or(&text);
        let found: Vec<String> = words_found(&without_plan_text(screen, &plan), words)
            .into_iter()
            .filter(|hit| !in_a_plan_cell(hit, &corpus))
            .collect();
        assert!(found.is_empty(), "{name}:\n{found:#?}");
        checked += 1;
    }
    assert!(checked > 20, "only {checked} snapshots found");
}
