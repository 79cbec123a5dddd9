//! A config file that is ignored is said inside the UI, in the user's
//! language, where it can be seen (not on stderr behind the UI's screen).

use std::fs;

use crate::support::pty::Session;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

/// The UI's screen with a config file holding a setting that does not exist,
/// and what it wrote before it took the screen (`ESC [ ? 1049 h`).
fn ui_with_bad_config(lang: &str, expected: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED).unwrap();
    let config = dir.path().join("config.ron");
    fs::write(&config, "(colour: Dark)").unwrap();
    let config = config.display().to_string();
    let env = [("AOPLAN_CONFIG", config.as_str())];
    let mut s = Session::start_with_env(&path, &["--lang", lang], 160, 30, &env);
    let screen = s.wait_text(expected);
    s.send("q");
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let before = raw
        .split("\x1b[?1049h")
        .next()
        .unwrap_or_default()
        .to_owned();
    (screen, before)
}

#[test]
fn an_ignored_config_file_is_said_in_the_ui_in_english() {
    let (screen, before) = ui_with_bad_config("en", "unknown setting `colour`");
    assert!(
        screen.contains("config.ron:1:2: unknown setting `colour`"),
        "{screen}"
    );
    assert!(
        screen.contains("The config file is ignored; using the default settings."),
        "{screen}"
    );
    assert!(!before.contains("colour"), "said before the UI: {before:?}");
}

#[test]
fn an_ignored_config_file_is_said_in_the_ui_in_dutch() {
    let (screen, before) = ui_with_bad_config("nl", "onbekende instelling `colour`");
    assert!(
        screen.contains("config.ron:1:2: onbekende instelling `colour`"),
        "{screen}"
    );
    assert!(
        screen
            .contains("Het configuratiebestand wordt genegeerd; de standaardinstellingen gelden."),
        "{screen}"
    );
    assert!(!before.contains("colour"), "said before the UI: {before:?}");
}
