//! Progress reports for the board: per theme and sub-theme the number of projects
//! in each status and the share done, then every project with its status, owner
//! and notes.
//!
//! [`Report`] selects what to show; the submodules render it as text, Markdown,
//! CSV or JSON. The Markdown and CSV helpers are shared with [`crate::changes`].

pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod spreadsheet;
pub(crate) mod text;

use std::fmt;
use std::io::{self, Write};

pub use spreadsheet::{Csv, Delimiter};

use crate::i18n::Lang;
use crate::plan::{Plan, Progress, Theme};
use crate::text::similar;

/// How a report or change list is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Readable text, with progress bars on a terminal
    #[default]
    Text,
    /// GitHub-flavoured Markdown tables
    Markdown,
    /// CSV for spreadsheets: UTF-8, one row per project
    Csv,
    /// A JSON document for scripts
    Json,
}

/// How `aoplan report` is written: the formats of [`Format`], and the board
/// pack ([`crate::board`]), which only reports have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    /// Readable text, with progress bars on a terminal
    #[default]
    Text,
    /// GitHub-flavoured Markdown tables
    Markdown,
    /// CSV for spreadsheets: UTF-8, one row per project
    Csv,
    /// A JSON document for scripts
    Json,
    /// The board pack: one self-contained HTML page to print (A4) or open
    Html,
}

impl ReportFormat {
    /// The format shared with the other reports; `None` for the board pack.
    pub fn plain(self) -> Option<Format> {
        match self {
            ReportFormat::Text => Some(Format::Text),
            ReportFormat::Markdown => Some(Format::Markdown),
            ReportFormat::Csv => Some(Format::Csv),
            ReportFormat::Json => Some(Format::Json),
            ReportFormat::Html => None,
        }
    }
}

/// Which themes a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'s> {
    All,
    /// Only the themes marked `focus`.
    Focus,
    /// One theme, by id.
    Theme(&'s str),
}

impl<'s> Scope<'s> {
    /// From `--theme ID` and `--focus`; a theme id wins.
    pub fn new(theme: Option<&'s str>, focus: bool) -> Self {
        match (theme, focus) {
            (Some(id), _) => Scope::Theme(id),
            (None, true) => Scope::Focus,
            (None, false) => Scope::All,
        }
    }
}

/// A report over some themes of a plan for one plan year.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub plan: &'a Plan,
    pub year: u16,
    pub themes: Vec<&'a Theme>,
}

impl<'a> Report<'a> {
    /// Selects the themes of `scope`; an unknown theme id is an error with suggestions.
    pub fn new(plan: &'a Plan, year: u16, scope: Scope) -> Result<Report<'a>, ScopeError> {
        let themes = match scope {
            Scope::All => plan.themes.iter().collect(),
            Scope::Focus => plan.themes.iter().filter(|t| t.focus).collect(),
            Scope::Theme(id) => vec![find_theme(plan, id)?],
        };
        Ok(Report { plan, year, themes })
    }

    /// Counts over every selected theme.
    pub fn total(&self) -> Progress {
        let projects = (self.themes.iter())
            .flat_map(|theme| &theme.subthemes)
            .flat_map(|subtheme| &subtheme.projects);
        Progress::of(projects, self.year)
    }

    /// Writes the report in `format`; `bars` draws progress bars in text;
    /// CSV is written as `csv` says.
    pub fn write(
        &self,
        format: Format,
        (lang, csv): (Lang, Csv),
        bars: bool,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match format {
            Format::Text => text::write(self, lang, bars, out),
            Format::Markdown => markdown::write(self, lang, out),
            Format::Csv => Ok(spreadsheet::write(self, lang, csv, out)?),
            Format::Json => json::write(self, out),
        }
    }
}

/// Why `--theme ID` selects nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeError {
    /// The id is a sub-theme's or a project's, in the theme named.
    NotATheme {
        id: String,
        kind: IdKind,
        theme: String,
    },
    /// No such id; `close` holds similar theme ids, `ids` all of them.
    Unknown {
        id: String,
        close: Vec<String>,
        ids: Vec<String>,
    },
}

/// What an id that is not a theme's names instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Subtheme,
    Project,
}

impl ScopeError {
    /// The error in words, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (ScopeError::NotATheme { id, kind, theme }, Lang::En) => {
                let kind = match kind {
                    IdKind::Subtheme => "sub-theme",
                    IdKind::Project => "project",
                };
                format!("{id:?} is a {kind} in `{theme}`; use --theme {theme}")
            }
            (ScopeError::NotATheme { id, kind, theme }, Lang::Nl) => {
                let kind = match kind {
                    IdKind::Subtheme => "een subthema",
                    IdKind::Project => "een project",
                };
                format!("{id:?} is {kind} in `{theme}`; gebruik --theme {theme}")
            }
            (ScopeError::Unknown { id, close, ids }, _) if close.is_empty() => match lang {
                Lang::En => format!("unknown theme id {id:?}; theme ids: {}", ids.join(", ")),
                Lang::Nl => format!(
                    "geen thema heeft id {id:?}; de thema-ids: {}",
                    ids.join(", ")
                ),
            },
            (ScopeError::Unknown { id, close, .. }, _) => {
                let close: Vec<&str> = close.iter().map(String::as_str).collect();
                let unknown = match lang {
                    Lang::En => format!("unknown theme id {id:?}"),
                    Lang::Nl => format!("geen thema heeft id {id:?}"),
                };
                format!("{unknown}; {}", lang.did_you_mean(&close))
            }
        }
    }
}

/// In English; people read [`ScopeError::words`] in their language.
impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl std::error::Error for ScopeError {}

fn find_theme<'a>(plan: &'a Plan, id: &str) -> Result<&'a Theme, ScopeError> {
    if let Some(theme) = plan.themes.iter().find(|t| t.id == id) {
        return Ok(theme);
    }
    let not_a_theme = |kind, theme: &Theme| ScopeError::NotATheme {
        id: id.to_string(),
        kind,
        theme: theme.id.clone(),
    };
    if let Some(theme) = plan
        .themes
        .iter()
        .find(|t| t.subthemes.iter().any(|s| s.id == id))
    {
        return Err(not_a_theme(IdKind::Subtheme, theme));
    }
    if let Some(loc) = plan.locate(id) {
        return Err(not_a_theme(IdKind::Project, &plan.themes[loc.theme]));
    }
    let ids: Vec<&str> = plan.themes.iter().map(|t| t.id.as_str()).collect();
    Err(ScopeError::Unknown {
        id: id.to_string(),
        close: similar(ids.iter().copied(), id)
            .into_iter()
            .map(str::to_string)
            .collect(),
        ids: ids.into_iter().map(str::to_string).collect(),
    })
}

/// "1 project", "12 projects".
pub(crate) fn projects_phrase(n: usize, lang: Lang) -> String {
    let t = lang.report();
    let word = if n == 1 {
        t.project_one
    } else {
        t.project_many
    };
    format!("{n} {word}")
}

/// The heading of the "% done" column.
pub(crate) fn percent_heading(lang: Lang) -> String {
    format!("% {}", lang.tr().done_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("bundled plan parses")
    }

    #[test]
    fn a_wrong_theme_is_said_in_both_languages() {
        let plan = plan();
        let error = |id: &str| Report::new(&plan, 2026, Scope::new(Some(id), false)).err();
        let close = error("arbeidsmark").expect("no such theme");
        assert_eq!(
            close.words(Lang::Nl),
            "geen thema heeft id \"arbeidsmark\"; bedoelde je `arbeidsmarkt`?"
        );
        assert_eq!(
            close.words(Lang::En),
            "unknown theme id \"arbeidsmark\"; did you mean `arbeidsmarkt`?"
        );
        let project = error("programma-loyale-tegenspraak").expect("a project");
        assert!(
            project
                .words(Lang::Nl)
                .contains("is een project in `ambtelijk-vakmanschap`")
        );
        assert!(
            project
                .to_string()
                .contains("is a project in `ambtelijk-vakmanschap`")
        );
    }

    #[test]
    fn scopes_select_themes() {
        let plan = plan();
        let all = Report::new(&plan, 2026, Scope::All).unwrap();
        assert_eq!(all.themes.len(), plan.themes.len());
        assert_eq!(all.total().total(), plan.project_count());
        let focus = Report::new(&plan, 2026, Scope::Focus).unwrap();
        assert!(!focus.themes.is_empty() && focus.themes.iter().all(|t| t.focus));
        assert!(focus.themes.len() < plan.themes.len());
        let first = &plan.themes[0];
        let one = Report::new(&plan, 2026, Scope::Theme(&first.id)).unwrap();
        assert_eq!(one.total(), first.progress(2026));
    }

    #[test]
    fn unknown_theme_suggests_close_ids() {
        let plan = plan();
        let id = &plan.themes[0].id;
        let typo = format!("{}x", &id[..id.len() - 1]);
        let err = Report::new(&plan, 2026, Scope::Theme(&typo))
            .unwrap_err()
            .to_string();
        assert!(err.contains(&format!("did you mean `{id}`")), "{err}");
        let err = Report::new(&plan, 2026, Scope::Theme("zzzzzzzzzzzzzzzzzzzz"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("theme ids:") && err.contains(id.as_str()),
            "{err}"
        );
    }

    #[test]
    fn a_subtheme_or_project_id_names_its_theme() {
        let plan = plan();
        let theme = &plan.themes[1];
        let sub = &theme.subthemes[0].id;
        let err = Report::new(&plan, 2026, Scope::Theme(sub))
            .unwrap_err()
            .to_string();
        assert!(err.contains(&format!("--theme {}", theme.id)), "{err}");
        let project = &theme.subthemes[0].projects[0].id;
        let err = Report::new(&plan, 2026, Scope::Theme(project))
            .unwrap_err()
            .to_string();
        assert!(err.contains("is a project"), "{err}");
        assert!(err.contains(&format!("--theme {}", theme.id)), "{err}");
    }
}
