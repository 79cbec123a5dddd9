//! Shell completions and the man page, generated from the command-line definition.

use std::process::Output;

use clap::CommandFactory;
use tempfile::TempDir;

/// Runs aoplan in an empty home, with no plan file or config in reach.
fn run(home: &TempDir, args: &[&str]) -> Output {
    assert_cmd::cargo::cargo_bin_cmd!("aoplan")
        .args(args)
        .env_remove("AOPLAN_FILE")
        .env("AOPLAN_CONFIG", home.path().join("no-config.ron"))
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .expect("aoplan runs")
}

fn stdout(home: &TempDir, args: &[&str]) -> String {
    let out = run(home, args);
    assert!(
        out.status.success(),
        "aoplan {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

const SUBCOMMANDS: [&str; 7] = [
    "find", "show", "set", "report", "changes", "rollover", "man",
];

#[test]
fn the_command_line_definition_is_consistent() {
    aoplan::cli::Cli::command().debug_assert();
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    let home = tempfile::tempdir().expect("temporary directory");
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&home, &["completions", shell]);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completions lack `{sub}`");
        }
    }
    assert!(
        !home.path().join("data").exists(),
        "no plan file was created"
    );
}

#[test]
fn completions_describe_in_the_users_language() {
    aoplan::cli::command(aoplan::i18n::Lang::Nl).debug_assert();
    let home = tempfile::tempdir().expect("temporary directory");
    for shell in ["zsh", "fish"] {
        let nl = stdout(&home, &["--lang", "nl", "completions", shell]);
        assert!(nl.contains("Het planbestand"), "{shell}");
        assert!(!nl.contains("The plan file"), "{shell}");
        let en = stdout(&home, &["--lang", "en", "completions", shell]);
        assert!(en.contains("The plan file"), "{shell}");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let home = tempfile::tempdir().expect("temporary directory");
    let out = run(&home, &["completions", "cmd.exe"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bash"));
}

#[test]
fn the_man_page_is_roff_with_every_subcommand() {
    let home = tempfile::tempdir().expect("temporary directory");
    let page = stdout(&home, &["man"]);
    assert!(page.contains(".TH aoplan"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "the man page lacks `{sub}`");
    }
    assert!(
        !home.path().join("data").exists(),
        "no plan file was created"
    );
}
