//! The config file: what it changes, its precedence, and how mistakes are reported.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use aoplan::config::{ColorTheme, Config};
use aoplan::i18n::Lang;
use tempfile::TempDir;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

/// A home directory with a plan (`team.ron`) and a config file (`config.ron`).
struct Home {
    dir: TempDir,
}

impl Home {
    fn with_config(config: &str) -> Home {
        let dir = tempfile::tempdir().expect("temporary directory");
        fs::write(dir.path().join("team.ron"), BUNDLED).expect("write plan");
        fs::write(dir.path().join("config.ron"), config).expect("write config");
        Home { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs aoplan with this config and no other source of settings.
    fn run(&self, args: &[&str], env: &[(&str, &Path)]) -> Output {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("aoplan");
        cmd.args(args)
            .env_remove("AOPLAN_FILE")
            .env("AOPLAN_CONFIG", self.path("config.ron"))
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .env("LC_ALL", "C")
            .env("USER", "tester");
        for (key, value) in env {
            cmd.env(key, value);
        }
        cmd.output().expect("aoplan runs")
    }

    fn stdout(&self, args: &[&str], env: &[(&str, &Path)]) -> (String, String) {
        let out = self.run(args, env);
        let stderr = String::from_utf8(out.stderr).expect("UTF-8 errors");
        assert!(out.status.success(), "aoplan {args:?} failed: {stderr}");
        (String::from_utf8(out.stdout).expect("UTF-8 output"), stderr)
    }
}

#[test]
fn a_good_config_sets_the_plan_file_and_the_language() {
    let home = Home::with_config("(file: \"team.ron\", lang: Some(Nl), mouse: false)");
    let (path, warnings) = home.stdout(&["path"], &[]);
    assert_eq!(path.trim_end(), home.path("team.ron").display().to_string());
    assert_eq!(warnings, "");
    let (report, _) = home.stdout(&["report"], &[]);
    assert!(report.contains("Totaal: 76 projecten"), "{report}");
    assert!(!home.path("data").exists(), "no default plan was created");
}

#[test]
fn flags_and_the_environment_beat_the_config() {
    let home = Home::with_config("(file: \"team.ron\", lang: Nl)");
    let other = home.path("other.ron");
    fs::write(&other, BUNDLED).expect("write plan");
    let (path, _) = home.stdout(&["path"], &[("AOPLAN_FILE", &other)]);
    assert_eq!(path.trim_end(), other.display().to_string());
    let flag = home.path("flag.ron");
    let (path, _) = home.stdout(
        &["--file", &flag.display().to_string(), "path"],
        &[("AOPLAN_FILE", &other)],
    );
    assert_eq!(path.trim_end(), flag.display().to_string());
    let (report, _) = home.stdout(&["--lang", "en", "report"], &[]);
    assert!(report.contains("Total: 76 projects"), "{report}");
}

#[test]
fn a_syntax_error_warns_with_line_and_column_and_the_app_still_runs() {
    let home = Home::with_config("(\n    lang: Nl\n    mouse: true,\n)\n");
    let plan = home.path("team.ron");
    let (path, warning) = home.stdout(&["path"], &[("AOPLAN_FILE", &plan)]);
    assert_eq!(path.trim_end(), plan.display().to_string());
    let config = home.path("config.ron").display().to_string();
    assert!(warning.starts_with("aoplan: warning: "), "{warning}");
    assert!(warning.contains(&format!("{config}:3:5: ")), "{warning}");
    assert!(warning.contains("3 |     mouse: true,"), "{warning}");
    assert!(warning.contains("using the default settings"), "{warning}");
}

#[test]
fn an_unknown_setting_warns_and_the_defaults_apply() {
    let home = Home::with_config("(lang: Nl, colour: Dark)");
    let (report, warning) = home.stdout(&["report"], &[("AOPLAN_FILE", &home.path("team.ron"))]);
    let config = home.path("config.ron").display().to_string();
    assert!(warning.contains(&format!("{config}:1:")), "{warning}");
    assert!(warning.contains("unknown setting `colour`"), "{warning}");
    assert!(
        report.contains("Total: "),
        "the config's `lang` is ignored too: {report}"
    );
}

#[test]
fn a_missing_config_is_quietly_the_defaults() {
    let home = Home::with_config("");
    fs::remove_file(home.path("config.ron")).expect("remove config");
    let (_, warnings) = home.stdout(&["path"], &[]);
    assert_eq!(warnings, "");
}

#[test]
fn the_documented_example_is_valid() {
    let doc = include_str!("../../docs/config.md");
    let example = doc
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/config.md has a ```ron example");
    let config = Config::parse(
        Path::new("/home/anna/.config/aoplan/config.ron"),
        example.as_bytes(),
    )
    .unwrap_or_else(|e| panic!("the example does not parse:\n{e}"));
    assert_eq!(config.lang, Some(Lang::Nl));
    assert_eq!(config.theme, Some(ColorTheme::Dark));
    assert!(config.mouse);
    let file = config.file.expect("the example names a plan file");
    assert!(
        file.ends_with("Documenten/activiteitenplan.ron"),
        "{}",
        file.display()
    );
    assert!(
        !file.starts_with("~"),
        "`~/` is expanded: {}",
        file.display()
    );
}

/// A config that would hang or exhaust a reader: a FIFO, a link to a device, a
/// huge file. Each gives a warning and the defaults, at once.
#[test]
fn a_fifo_a_device_or_a_huge_file_warns_and_the_defaults_apply() {
    let home = Home::with_config("");
    let config = home.path("config.ron");
    let plan = home.path("team.ron");
    let cases: [(&str, &dyn Fn()); 4] = [
        ("is not a regular file", &|| {
            let c = std::ffi::CString::new(config.to_str().unwrap()).unwrap();
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        }),
        ("(it links to /dev/zero)", &|| {
            std::os::unix::fs::symlink("/dev/zero", &config).unwrap();
        }),
        ("is not a regular file", &|| {
            fs::create_dir(&config).unwrap()
        }),
        ("is too large", &|| {
            let big = fs::File::create(&config).unwrap();
            big.set_len(aoplan::config::MAX_BYTES + 1).unwrap();
        }),
    ];
    for (expected, make) in cases {
        let _ = fs::remove_file(&config);
        let _ = fs::remove_dir(&config);
        make();
        let (report, warning) = home.stdout(&["report"], &[("AOPLAN_FILE", &plan)]);
        assert!(warning.starts_with("aoplan: warning: "), "{warning}");
        assert!(warning.contains(expected), "{expected}: {warning}");
        assert!(warning.contains("using the default settings"), "{warning}");
        assert!(report.contains("Total: 76 projects"), "{report}");
    }
}

#[test]
fn a_config_linked_from_elsewhere_is_followed() {
    let home = Home::with_config("");
    let kept = home.path("dotfiles.ron");
    fs::write(&kept, "(lang: Nl)").unwrap();
    fs::remove_file(home.path("config.ron")).unwrap();
    std::os::unix::fs::symlink(&kept, home.path("config.ron")).unwrap();
    let (report, warnings) = home.stdout(&["report"], &[("AOPLAN_FILE", &home.path("team.ron"))]);
    assert_eq!(warnings, "");
    assert!(report.contains("Totaal: 76 projecten"), "{report}");
}
