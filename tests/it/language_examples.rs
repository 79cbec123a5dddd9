//! What the README shows in Dutch, and the Dutch of a spreadsheet: run as a
//! reader would, checked for what it says.

use crate::language_cli::{ID, dir, run};

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

/// A Dutch spreadsheet of changes says the kind and the field in Dutch.
#[test]
fn the_changes_csv_says_its_kinds_in_dutch() {
    let d = dir();
    let (code, _, _) = run(&d, "nl_NL.UTF-8", &["edit", ID, "--owner", "anna"]);
    assert_eq!(code, Some(0));
    let (code, csv, _) = run(
        &d,
        "nl_NL.UTF-8",
        &["changes", "--since", "vandaag", "--format", "csv"],
    );
    assert_eq!(code, Some(0));
    let header = csv.lines().next().expect("a header");
    assert!(header.ends_with(";Soort;Wat;Stappen"), "{header}");
    let row = csv.lines().nth(1).expect("a row");
    assert!(row.ends_with(";tekst;eigenaar;1"), "{row}");
    let (_, csv, _) = run(
        &d,
        "en_GB.UTF-8",
        &["changes", "--since", "today", "--format", "csv"],
    );
    let row = csv.lines().nth(1).expect("a row");
    assert!(row.ends_with(",text,owner,1"), "{row}");
}
