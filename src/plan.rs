//! The plan model: themes, sub-themes and projects with a status per plan year,
//! plus validation and the edits the UI and the CLI make.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::timestamp::Timestamp;

/// Plan years accepted in files.
pub const YEARS: std::ops::RangeInclusive<u16> = 2000..=2100;

/// A project's status for one plan year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Status {
    Planned,
    InProgress,
    Done,
    OnHold,
    Cancelled,
}

impl Status {
    /// All statuses in picker order (1–5).
    pub const ALL: [Status; 5] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::OnHold,
        Status::Cancelled,
    ];

    /// The name used in plan files.
    pub fn file_name(self) -> &'static str {
        match self {
            Status::Planned => "Planned",
            Status::InProgress => "InProgress",
            Status::Done => "Done",
            Status::OnHold => "OnHold",
            Status::Cancelled => "Cancelled",
        }
    }

    /// Open work carries over to the next plan year.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress | Status::OnHold)
    }

    /// Parses the file name or a Dutch or English label, ignoring case, spaces, `-` and `_`.
    pub fn parse(input: &str) -> Option<Status> {
        let key = normalize_status(input);
        Status::ALL.into_iter().find(|s| {
            status_names(*s)
                .iter()
                .any(|name| normalize_status(name) == key)
        })
    }

    /// The closest known status name to a mistyped one, for "did you mean" hints.
    pub fn suggest(input: &str) -> &'static str {
        let key = normalize_status(input);
        Status::ALL
            .iter()
            .flat_map(|s| status_names(*s).iter().copied())
            .min_by_key(|name| crate::text::edit_distance(&normalize_status(name), &key))
            .unwrap_or("Planned")
    }
}

fn status_names(s: Status) -> &'static [&'static str] {
    match s {
        Status::Planned => &["Planned", "Gepland"],
        Status::InProgress => &["InProgress", "In progress", "Lopend"],
        Status::Done => &["Done", "Afgerond"],
        Status::OnHold => &["OnHold", "On hold", "Uitgesteld"],
        Status::Cancelled => &["Cancelled", "Canceled", "Vervallen"],
    }
}

fn normalize_status(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file_name())
    }
}

/// Statuses per plan year. Deserializing rejects a year given twice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct YearStatus(pub BTreeMap<u16, Status>);

impl<'de> Deserialize<'de> for YearStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = YearStatus;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of plan years to statuses, like {2026: Planned}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YearStatus, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((year, status)) = map.next_entry::<u16, Status>()? {
                    if out.insert(year, status).is_some() {
                        return Err(de::Error::custom(format!(
                            "year {year} is given twice in `status`"
                        )));
                    }
                }
                Ok(YearStatus(out))
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// One status change, as recorded in a project's history.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// When; in the file UTC, RFC 3339.
    #[serde(with = "crate::timestamp::rfc3339")]
    pub at: Timestamp,
    /// Who: the login name of the user who saved the change.
    pub by: String,
    /// The plan year whose status changed.
    pub year: u16,
    /// The status before; `None` when the year had none.
    #[serde(with = "maybe_status")]
    pub from: Option<Status>,
    /// The status after; `None` when the year's status was removed (an undone first status).
    #[serde(with = "maybe_status")]
    pub to: Option<Status>,
}

/// `from`/`to` are written `None` or a bare status name, never `Some(…)`.
mod maybe_status {
    use super::Status;
    use serde::{Deserialize, Deserializer, Serializer};

    #[derive(Deserialize)]
    enum Maybe {
        Planned,
        InProgress,
        Done,
        OnHold,
        Cancelled,
        None,
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Status>, D::Error> {
        Ok(match Maybe::deserialize(d)? {
            Maybe::Planned => Some(Status::Planned),
            Maybe::InProgress => Some(Status::InProgress),
            Maybe::Done => Some(Status::Done),
            Maybe::OnHold => Some(Status::OnHold),
            Maybe::Cancelled => Some(Status::Cancelled),
            Maybe::None => None,
        })
    }

    pub fn serialize<S: Serializer>(s: &Option<Status>, ser: S) -> Result<S::Ok, S::Error> {
        match s {
            Some(status) => ser.serialize_str(status.file_name()),
            None => ser.serialize_none(),
        }
    }
}

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
}

/// Where a project sits: theme, sub-theme and project indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub theme: usize,
    pub subtheme: usize,
    pub project: usize,
}

/// Counts of projects per status for one plan year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Indexed like [`Status::ALL`].
    pub by_status: [usize; 5],
    /// Projects with no status for the year.
    pub unset: usize,
}

impl Progress {
    /// The counts of `projects`' statuses in `year`.
    pub fn of<'a>(projects: impl IntoIterator<Item = &'a Project>, year: u16) -> Progress {
        let mut p = Progress::default();
        for project in projects {
            p.add(project.status_in(year));
        }
        p
    }

    pub fn add(&mut self, status: Option<Status>) {
        match status {
            Some(s) => self.by_status[s as usize] += 1,
            None => self.unset += 1,
        }
    }
    pub fn count(&self, status: Status) -> usize {
        self.by_status[status as usize]
    }
    pub fn total(&self) -> usize {
        self.by_status.iter().sum::<usize>() + self.unset
    }
    pub fn done(&self) -> usize {
        self.count(Status::Done)
    }
    /// Whole percent done, rounded down; 0 for an empty set.
    pub fn percent_done(&self) -> usize {
        (self.done() * 100).checked_div(self.total()).unwrap_or(0)
    }
}

impl Plan {
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

impl Subtheme {
    pub fn progress(&self, year: u16) -> Progress {
        Progress::of(&self.projects, year)
    }
}

/// A problem that makes a syntactically valid plan unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: the path of ids, e.g. `ambtelijk-vakmanschap › loyale-tegenspraak › x`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// True when `id` is non-empty and only lowercase ASCII letters, digits and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Plan {
    /// Every semantic problem in the plan, in file order; empty when it is usable.
    pub fn validate(&self) -> Vec<Problem> {
        let mut c = Checker::default();
        let top = At([None; 3]);
        if self.fund.trim().is_empty() {
            c.push(top, "`fund` is empty".into());
        }
        if self.title.trim().is_empty() {
            c.push(top, "`title` is empty".into());
        }
        if !YEARS.contains(&self.year) {
            c.push(top, format!("`year` {} is outside 2000–2100", self.year));
        }
        for theme in &self.themes {
            let at = At([Some(theme.id.as_str()), None, None]);
            c.id(&theme.id, at, "theme");
            c.non_empty(&theme.name, at, "theme `name`");
            for sub in &theme.subthemes {
                let at = At([Some(theme.id.as_str()), Some(sub.id.as_str()), None]);
                c.id(&sub.id, at, "sub-theme");
                c.non_empty(&sub.name, at, "sub-theme `name`");
                for project in &sub.projects {
                    let at = At([Some(&theme.id), Some(&sub.id), Some(&project.id)]);
                    c.id(&project.id, at, "project");
                    c.non_empty(&project.title, at, "project `title`");
                    c.project(project, at);
                }
            }
        }
        c.problems
    }
}

/// Where a problem is: the ids of its theme, sub-theme and project. Turned into
/// text only when there is a problem, so checking a large plan allocates little.
#[derive(Clone, Copy)]
struct At<'a>([Option<&'a str>; 3]);

impl At<'_> {
    fn path(self) -> String {
        self.0
            .iter()
            .flatten()
            .map(|id| if id.is_empty() { "(empty id)" } else { id })
            .collect::<Vec<_>>()
            .join(" › ")
    }
}

#[derive(Default)]
struct Checker<'a> {
    problems: Vec<Problem>,
    seen: HashMap<&'a str, At<'a>>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, at: At, message: String) {
        self.problems.push(Problem {
            path: at.path(),
            message,
        });
    }

    fn id(&mut self, id: &'a str, at: At<'a>, kind: &str) {
        if !is_valid_id(id) {
            self.push(
                at,
                format!("{kind} id {id:?} is malformed: use lowercase letters a–z, digits and `-`"),
            );
        } else if let Some(first) = self.seen.get(id) {
            let message = format!("id {id:?} is used twice (first at {})", first.path());
            self.push(at, message);
        } else {
            self.seen.insert(id, at);
        }
    }

    fn non_empty(&mut self, value: &str, at: At, what: &str) {
        if value.trim().is_empty() {
            self.push(at, format!("{what} is empty"));
        }
    }

    fn project(&mut self, project: &Project, at: At) {
        for year in project.status.0.keys() {
            if !YEARS.contains(year) {
                self.push(at, format!("status year {year} is outside 2000–2100"));
            }
        }
        for (i, h) in project.history.iter().enumerate() {
            let n = i + 1;
            if !YEARS.contains(&h.year) {
                self.push(
                    at,
                    format!("history entry {n}: year {} is outside 2000–2100", h.year),
                );
            }
        }
    }
}
