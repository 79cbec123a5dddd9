//! The plan model: themes, sub-themes and projects with a status per plan
//! year, the archive of removed items, and what the plan remembers of its
//! changes. Validation, ids and progress counts live in the submodules; the
//! changes themselves are the edits layer's ([`crate::edit`]).

mod archive;
mod conflicts;
mod history;
pub mod ids;
pub mod json;
mod progress;
mod recorded;
mod status;
mod validate;

use serde::{Deserialize, Serialize};

pub use archive::{Archived, Item, Kind, Place, put};
pub use conflicts::{ConflictField, OpenConflict};
pub use history::{HistoryEntry, LogEntry, Logged, TextKind};
pub use progress::Progress;
pub use recorded::{ChangeKind, RecordKey, Recorded, text_owner};
pub use status::{Status, YearStatus};
pub use validate::{ConflictIssue, Field, Issue, Problem, is_valid_id};

/// Plan years accepted in files.
pub const YEARS: std::ops::RangeInclusive<u16> = 2000..=2100;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub details: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub status: YearStatus,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

impl Project {
    pub fn status_in(&self, year: u16) -> Option<Status> {
        self.status.0.get(&year).copied()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Subtheme {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub projects: Vec<Project>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub focus: bool,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub subthemes: Vec<Subtheme>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Plan")]
pub struct Plan {
    pub fund: String,
    pub title: String,
    pub year: u16,
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// Removed items, with their history and where they were.
    #[serde(default)]
    pub archive: Vec<Archived>,
    /// Every change other than a status, oldest first (statuses are in each
    /// project's own history).
    #[serde(default)]
    pub log: Vec<LogEntry>,
    /// Fields two merged versions both changed: the values the plan did not
    /// keep, until someone settles them.
    #[serde(default)]
    pub conflicts: Vec<OpenConflict>,
}

/// Where a project sits: theme, sub-theme and project indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub theme: usize,
    pub subtheme: usize,
    pub project: usize,
}

impl Plan {
    /// A plan with these themes and no archive, log or open conflicts yet.
    pub fn new(fund: String, title: String, year: u16, themes: Vec<Theme>) -> Plan {
        Plan {
            fund,
            title,
            year,
            themes,
            archive: Vec::new(),
            log: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    /// Every project with its location, in plan order.
    pub fn projects(&self) -> impl Iterator<Item = (Loc, &Project)> {
        self.themes.iter().enumerate().flat_map(|(t, theme)| {
            theme
                .subthemes
                .iter()
                .enumerate()
                .flat_map(move |(s, sub)| {
                    sub.projects.iter().enumerate().map(move |(p, project)| {
                        (
                            Loc {
                                theme: t,
                                subtheme: s,
                                project: p,
                            },
                            project,
                        )
                    })
                })
        })
    }

    pub fn project(&self, loc: Loc) -> Option<&Project> {
        self.themes
            .get(loc.theme)?
            .subthemes
            .get(loc.subtheme)?
            .projects
            .get(loc.project)
    }

    pub fn project_mut(&mut self, loc: Loc) -> Option<&mut Project> {
        self.themes
            .get_mut(loc.theme)?
            .subthemes
            .get_mut(loc.subtheme)?
            .projects
            .get_mut(loc.project)
    }

    pub fn locate(&self, id: &str) -> Option<Loc> {
        self.projects()
            .find(|(_, p)| p.id == id)
            .map(|(loc, _)| loc)
    }

    pub fn subtheme_count(&self) -> usize {
        self.themes.iter().map(|t| t.subthemes.len()).sum()
    }

    pub fn project_count(&self) -> usize {
        self.themes
            .iter()
            .flat_map(|t| &t.subthemes)
            .map(|s| s.projects.len())
            .sum()
    }

    /// Progress for a year over the whole plan.
    pub fn progress(&self, year: u16) -> Progress {
        Progress::of(self.projects().map(|(_, p)| p), year)
    }

    /// All plan years that appear in the file, plus the plan year, ascending.
    pub fn years(&self) -> Vec<u16> {
        let mut years: Vec<u16> = self
            .projects()
            .flat_map(|(_, p)| p.status.0.keys().copied())
            .chain(std::iter::once(self.year))
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// Whether any theme, sub-theme or project uses `id`, live or archived.
    pub fn has_id(&self, id: &str) -> bool {
        self.themes.iter().any(|t| {
            t.id == id
                || t.subthemes
                    .iter()
                    .any(|s| s.id == id || s.projects.iter().any(|p| p.id == id))
        }) || self.is_archived(id)
    }

    /// A new id for an item called `title`: its [`ids::slug`], made unique
    /// across the plan; `fallback` when the title has no letters or digits.
    pub fn new_id(&self, title: &str, fallback: &str) -> String {
        ids::unique(&ids::slug(title), fallback, |id| self.has_id(id))
    }

    /// Ids that resemble `id`, best first, for "did you mean" hints.
    pub fn similar_ids(&self, id: &str) -> Vec<&str> {
        crate::text::similar(self.projects().map(|(_, p)| p.id.as_str()), id)
    }
}

impl Theme {
    pub fn progress(&self, year: u16) -> Progress {
        Progress::of(self.subthemes.iter().flat_map(|s| &s.projects), year)
    }
}

/// A sub-theme's letter in its theme, from its index: `A.`, `B.`, … `Z.`,
/// then numbers. Letters follow the order, so a reorder re-letters them.
pub fn subtheme_letter(index: usize) -> String {
    match u8::try_from(index) {
        Ok(i) if i < 26 => format!("{}.", char::from(b'A' + i)),
        _ => format!("{}.", index + 1),
    }
}

impl Subtheme {
    pub fn progress(&self, year: u16) -> Progress {
        Progress::of(&self.projects, year)
    }
}
