//! The user's settings: `config.ron` in the configuration directory (on Linux
//! `~/.config/aoplan/config.ron`), or the file that `AOPLAN_CONFIG` names.
//!
//! Every setting is optional and `Some(…)` may be left out (`lang: Nl`). A config
//! that does not load is reported as a warning and the defaults are used, so a
//! typo never keeps the app from starting. See `docs/config.md`.
//!
//! The file is read with [`aux_file::read_limited`]: a FIFO, a device or a file
//! over [`MAX_BYTES`] gives a warning, never a hang or unbounded memory. A config
//! that is a symbolic link (kept with one's dotfiles) is followed to the file it
//! names, and that file is read the same way.

use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::aux_file::{self, AuxReadError};
use crate::codec;
use crate::i18n::{AuxWhy, ConfigMessage, ConfigProblem, ConfigWarning, Lang};

/// The environment variable that names another config file.
pub(crate) const ENV: &str = "AOPLAN_CONFIG";

/// The largest config file read; a real one is a few hundred bytes.
pub const MAX_BYTES: u64 = 64 * 1024;

/// The user's settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default, rename = "Config")]
pub struct Config {
    /// The plan file when neither `--file` nor `AOPLAN_FILE` is given. `~/` is the
    /// home directory; a relative path is relative to the config file's directory.
    pub file: Option<PathBuf>,
    /// The interface language when `--lang` is not given; `None` follows the locale.
    pub lang: Option<Lang>,
    /// Whether the UI captures the mouse; `--no-mouse` turns it off for one run.
    pub mouse: bool,
    /// Your name as the plan's owners write it, for "my projects" (`M`); `None`:
    /// the login name.
    pub name: Option<String>,
    /// The colour theme of the UI; `None` picks one to suit the terminal.
    pub theme: Option<ColorTheme>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            file: None,
            lang: None,
            mouse: true,
            name: None,
            theme: None,
        }
    }
}

/// The UI's colours: for a dark or a light terminal background, or none at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ColorTheme {
    Dark,
    Light,
    /// No colour, only bold, reverse and underline — as with `NO_COLOR`.
    NoColor,
}

impl Config {
    /// Loads the user's config. A missing file gives the defaults quietly (so
    /// `AOPLAN_CONFIG=/nonexistent` runs with the defaults); any other problem
    /// gives the defaults and a warning to show on stderr, in the user's
    /// language (which the config itself may set, so it is worded later).
    pub fn load() -> (Config, Option<ConfigWarning>) {
        let explicit = std::env::var_os(ENV).filter(|p| !p.is_empty());
        let Some(path) = explicit.map(PathBuf::from).or_else(default_path) else {
            return (Config::default(), None);
        };
        let text = match read(&path) {
            Ok(bytes) => bytes,
            Err(AuxReadError::NotFound) => return (Config::default(), None),
            Err(e) => {
                let links_to = if path.is_symlink() {
                    std::fs::canonicalize(&path).ok()
                } else {
                    None
                };
                let problem = ConfigProblem::Unreadable {
                    why: AuxWhy::of(&e, MAX_BYTES),
                    links_to,
                };
                return (Config::default(), Some(ConfigWarning { path, problem }));
            }
        };
        match Config::parse(&path, &text) {
            Ok(config) => (config, None),
            Err(warning) => (Config::default(), Some(*warning)),
        }
    }

    /// Parses config bytes; `path` locates relative plan paths and errors.
    /// An error names the line and column and quotes the line.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Config, Box<ConfigWarning>> {
        let at = |line: usize, col: usize, message: ConfigMessage, text: &str| {
            Box::new(ConfigWarning {
                path: path.to_path_buf(),
                problem: ConfigProblem::Syntax {
                    line,
                    col,
                    message,
                    excerpt: codec::excerpt(text, line, col),
                },
            })
        };
        let text = codec::decode(bytes).map_err(|e| {
            let text = String::from_utf8_lossy(bytes);
            at(e.line, e.col, ConfigMessage::Syntax(e.message), &text)
        })?;
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let mut config: Config = options.from_str(text).map_err(|e| {
            let error = codec::ron_error(&e);
            let message = describe(&e.code).unwrap_or(ConfigMessage::Syntax(error.message));
            at(error.line, error.col, message, text)
        })?;
        if let Some(file) = config.file.take() {
            config.file = Some(resolve_file(&file, parent(path)));
        }
        Ok(config)
    }
}

/// The bytes of the config at `path`, following a symbolic link to its file.
fn read(path: &Path) -> Result<Vec<u8>, AuxReadError> {
    let file = std::fs::canonicalize(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => AuxReadError::NotFound,
        _ => AuxReadError::Io(e),
    })?;
    aux_file::read_limited(&file, MAX_BYTES).map_err(|e| match e {
        // The link was replaced meanwhile: say what it is now.
        AuxReadError::Symlink => AuxReadError::NotRegular,
        e => e,
    })
}

/// `config.ron` in the user's configuration directory.
pub(crate) fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "aoplan").map(|d| d.config_dir().join("config.ron"))
}

fn parent(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new(""))
}

/// Expands `~/` to the home directory and makes a relative path relative to `dir`.
fn resolve_file(file: &Path, dir: &Path) -> PathBuf {
    if let Ok(rest) = file.strip_prefix("~")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    dir.join(file)
}

/// Ron's error in the config's terms, where it is about the settings; `None`
/// for the errors that the plan file's reader words as well.
fn describe(code: &ron::Error) -> Option<ConfigMessage> {
    let list = |items: &[&str]| items.iter().map(|s| clip(s)).collect();
    Some(match code {
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => ConfigMessage::UnknownSetting {
            found: clip(found),
            expected: list(expected),
        },
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => ConfigMessage::UnknownValue {
            found: clip(found),
            expected: list(expected),
        },
        ron::Error::DuplicateStructField { field, .. } => {
            ConfigMessage::DuplicateSetting(clip(field))
        }
        _ => return None,
    })
}

/// A name from the file shortened for a message, and safe to show.
fn clip(s: &str) -> String {
    const MAX: usize = 80;
    let s = match s.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    };
    crate::terminal_safe::line(&s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(Path::new("/etc/aoplan/config.ron"), text.as_bytes())
            .map_err(|w| w.to_string())
    }

    fn warning(text: &str) -> Box<ConfigWarning> {
        Config::parse(Path::new("/etc/aoplan/config.ron"), text.as_bytes()).unwrap_err()
    }

    #[test]
    fn every_field_is_optional() {
        assert_eq!(parse("()"), Ok(Config::default()));
        assert_eq!(parse(""), Ok(Config::default()));
        assert!(Config::default().mouse);
    }

    #[test]
    fn explicit_and_implicit_some_both_work() {
        let a = parse("(lang: Some(Nl), theme: Some(Light), mouse: false)").unwrap();
        let b = parse("Config(lang: Nl, theme: Light, mouse: false)").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.lang, Some(Lang::Nl));
        assert_eq!(a.theme, Some(ColorTheme::Light));
        assert!(!a.mouse);
        assert_eq!(parse("(theme: None)").unwrap().theme, None);
    }

    #[test]
    fn plan_paths_are_relative_to_the_config() {
        let c = parse(r#"(file: "plans/team.ron")"#).unwrap();
        assert_eq!(c.file, Some(PathBuf::from("/etc/aoplan/plans/team.ron")));
        let c = parse(r#"(file: Some("/srv/plan.ron"))"#).unwrap();
        assert_eq!(c.file, Some(PathBuf::from("/srv/plan.ron")));
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse("(\n    colour: Dark,\n)").unwrap_err();
        assert!(e.starts_with("/etc/aoplan/config.ron:2:"), "{e}");
        assert!(e.contains("unknown setting `colour`"), "{e}");
        assert!(e.contains("2 |     colour: Dark,"), "{e}");
        let e = parse("(lang: Fr)").unwrap_err();
        assert!(e.contains("unknown value `Fr`"), "{e}");
        let e = parse("(mouse: true").unwrap_err();
        assert!(e.starts_with("/etc/aoplan/config.ron:1:"), "{e}");
    }

    #[test]
    fn a_problem_is_data_worded_in_either_language() {
        let w = warning("(\n    colour: Dark,\n)");
        let ConfigProblem::Syntax { line, message, .. } = &w.problem else {
            panic!("{w:?}");
        };
        assert_eq!(*line, 2);
        let ConfigMessage::UnknownSetting { found, expected } = message else {
            panic!("{message:?}");
        };
        assert_eq!(found, "colour");
        assert!(expected.contains(&"theme".to_string()), "{expected:?}");
        let nl = Lang::Nl.config_warning(&w);
        assert!(nl.starts_with("/etc/aoplan/config.ron:2:"), "{nl}");
        assert!(nl.contains("onbekende instelling `colour`"), "{nl}");
        assert!(nl.contains("2 |     colour: Dark,"), "{nl}");
        assert!(
            nl.ends_with(
                "Het configuratiebestand wordt genegeerd; de standaardinstellingen gelden."
            ),
            "{nl}"
        );
        for english in ["unknown", "setting", "ignored", "default"] {
            assert!(!nl.contains(english), "{english} in {nl}");
        }
        let en = Lang::En.config_warning(&w);
        assert!(
            en.contains("unknown setting `colour`; the settings are `file`"),
            "{en}"
        );
        for dutch in ["onbekende", "instelling", "genegeerd"] {
            assert!(!en.contains(dutch), "{dutch} in {en}");
        }
        let w = warning("(lang: Fr)");
        assert!(
            Lang::Nl
                .config_warning(&w)
                .contains("onbekende waarde `Fr`; verwacht een van: `Nl`, `En`")
        );
        let w = warning("(mouse: true, mouse: false)");
        assert!(
            Lang::Nl
                .config_warning(&w)
                .contains("instelling `mouse` staat er twee keer in")
        );
        // What only the plan's reader words is worded as it words it.
        let w = warning("(mouse: true");
        let ConfigProblem::Syntax { message, .. } = &w.problem else {
            panic!("{w:?}");
        };
        assert!(matches!(message, ConfigMessage::Syntax(_)), "{message:?}");
        assert!(
            Lang::Nl
                .config_warning(&w)
                .contains("verwacht `,`: vóór dit punt ontbreekt een komma")
        );
        let w = Config::parse(Path::new("c.ron"), b"(name: \"\xff\")").unwrap_err();
        assert!(Lang::En.config_warning(&w).contains("invalid UTF-8"));
    }
}
