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
use crate::i18n::Lang;

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
    /// gives the defaults and a warning to show on stderr.
    pub fn load() -> (Config, Option<String>) {
        let explicit = std::env::var_os(ENV).filter(|p| !p.is_empty());
        let Some(path) = explicit.map(PathBuf::from).or_else(default_path) else {
            return (Config::default(), None);
        };
        let text = match read(&path) {
            Ok(bytes) => bytes,
            Err(AuxReadError::NotFound) => return (Config::default(), None),
            Err(e) => {
                let mut reason = e.to_string();
                if path.is_symlink()
                    && let Ok(file) = std::fs::canonicalize(&path)
                {
                    reason = format!("{reason} (it links to {})", file.display());
                }
                return (Config::default(), Some(ignored(&path, &reason)));
            }
        };
        match Config::parse(&path, &text) {
            Ok(config) => (config, None),
            Err(message) => (Config::default(), Some(ignored(&path, &message))),
        }
    }

    /// Parses config bytes; `path` locates relative plan paths and errors.
    /// An error names the line and column and quotes the line.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Config, String> {
        let at = |e: codec::SyntaxError, text: &str| {
            let excerpt = codec::excerpt(text, e.line, e.col);
            format!(
                "{}:{}:{}: {}\n{excerpt}",
                path.display(),
                e.line,
                e.col,
                e.message
            )
        };
        let text = codec::decode(bytes).map_err(|e| at(e, &String::from_utf8_lossy(bytes)))?;
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let mut config: Config = options.from_str(text).map_err(|e| {
            let ron::error::Position { line, col } = e.span.start;
            let error = codec::SyntaxError {
                line: line.max(1),
                col: col.max(1),
                message: describe(&e.code).into(),
            };
            at(error, text)
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

fn ignored(path: &Path, reason: &str) -> String {
    let shown = if reason.starts_with(&path.display().to_string()) {
        reason.to_string()
    } else {
        format!("{}: {reason}", path.display())
    };
    format!("{shown}\nThe config file is ignored; using the default settings.")
}

/// Ron's error in the config's terms.
fn describe(code: &ron::Error) -> String {
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match code {
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown setting `{found}`; the settings are {}",
            list(expected)
        ),
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown value `{found}`; expected one of: {}",
            list(expected)
        ),
        ron::Error::DuplicateStructField { field, .. } => {
            format!("setting `{field}` is given twice")
        }
        other => {
            let s = other.to_string();
            let mut chars = s.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(Path::new("/etc/aoplan/config.ron"), text.as_bytes())
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
}
