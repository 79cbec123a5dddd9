//! The plan as it was at a moment, rebuilt from what the plan records of its
//! changes: each project's status history and the plan's log.
//!
//! [`as_of`] starts from the plan as it is and undoes, newest first, every
//! record later than the moment: a status goes back to what its history says
//! it was then, a text, focus flag or plan year to its `from`, an addition is
//! taken out, a move goes back, an archived item comes back from the archive
//! and a restored one goes back into it. The undoing goes through the edits
//! layer ([`crate::edit::apply`] of each change's inverse) wherever that fits.
//!
//! What the records do not hold is reported, never invented: an addition that
//! was undone ([`crate::plan::Logged::Removed`]) leaves no record of the item's
//! content, so an item that existed at the moment but was removed since is
//! named in [`Reach::unknown`]; a moment before the first record is flagged in
//! [`Reach::before_records`] (the plan is then shown as the records leave it,
//! which for changes made before records were kept is the plan as it is now).
//! A plan year's statuses that a rollover carried over are not recorded either
//! and so show as they are now.
//!
//! [`through_year`] and [`compare`] count statuses at several moments without
//! rebuilding the whole plan each time: the structure (which projects are in
//! which theme) is rewound once over a copy without histories or long texts,
//! and each project's status comes from its own history ([`status_at`]).

mod compare;
mod period;
mod render;
mod rewind;
#[cfg(test)]
mod tests;

pub use compare::{Comparison, Presence, StatusChange, ThemeCounts, compare};
pub use period::{Period, PeriodCounts, period_ends, through_year};
pub use render::{moment_json, notes, write_comparison, write_periods, write_report};

use crate::plan::{Item, Plan, Project, Status, Subtheme, Theme};
use crate::timestamp::Timestamp;

/// The plan as it was at `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsOf {
    /// The plan rebuilt: its statuses, texts, flags, year, items and archive
    /// as they were, and only the history and log recorded until `at`.
    pub plan: Plan,
    pub at: Timestamp,
    pub reach: Reach,
}

/// How far the records reach back: whether `at` is before the first record,
/// and which items' state at `at` is not recorded (items added and removed
/// again since), so callers say so instead of guessing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    /// The time of the oldest record of any kind; `None` when the plan records
    /// no change at all.
    pub first_record: Option<Timestamp>,
    /// The moment is before the first record, or the plan records nothing:
    /// changes made before records were kept cannot be undone.
    pub before_records: bool,
    /// Ids of items that were in the plan at the moment but whose content is
    /// not recorded (an addition undone later), sorted. They are left out of
    /// the rebuilt plan.
    pub unknown: Vec<String>,
}

impl Reach {
    /// Whether the rebuilt plan may differ from the real one at the moment.
    pub fn is_partial(&self) -> bool {
        self.before_records || !self.unknown.is_empty()
    }
}

/// The plan as it was at `at`: every record later than `at` undone. A record
/// made at `at` itself counts as done.
pub fn as_of(plan: &Plan, at: Timestamp) -> AsOf {
    let mut then = plan.clone();
    for_each_project_mut(&mut then, |p| rewind_statuses(p, at));
    let log = std::mem::take(&mut then.log);
    let mut rewind = rewind::Rewind::new(&log);
    rewind.to(&mut then, at);
    let reach = reach(plan, at, rewind.unknown());
    rewind.finish(&mut then);
    then.log = log.into_iter().filter(|e| e.at <= at).collect();
    AsOf {
        plan: then,
        at,
        reach,
    }
}

/// The status `project` had in `year` at `at`, by its history: what the last
/// entry for the year made until `at` set, else what the year held before its
/// first entry, else (no entry for the year) what it holds now. Of entries
/// made in the same second, the later one in the history counts.
pub fn status_at(project: &Project, year: u16, at: Timestamp) -> Option<Status> {
    let mut last = None;
    let mut first = None;
    for entry in project.history.iter().filter(|e| e.year == year) {
        if entry.at <= at && last.is_none_or(|l: &crate::plan::HistoryEntry| entry.at >= l.at) {
            last = Some(entry);
        }
        if first.is_none_or(|f: &crate::plan::HistoryEntry| entry.at < f.at) {
            first = Some(entry);
        }
    }
    match (last, first) {
        (Some(last), _) => last.to,
        (None, Some(first)) => first.from,
        (None, None) => project.status_in(year),
    }
}

/// The project's statuses as they were at `at`, and its history until then.
fn rewind_statuses(project: &mut Project, at: Timestamp) {
    if project.history.iter().all(|e| e.at <= at) {
        return;
    }
    let mut years: Vec<u16> = project.history.iter().map(|e| e.year).collect();
    years.sort_unstable();
    years.dedup();
    for year in years {
        match status_at(project, year, at) {
            Some(status) => project.status.0.insert(year, status),
            None => project.status.0.remove(&year),
        };
    }
    project.history.retain(|e| e.at <= at);
}

/// The time of the oldest record of any kind in `plan`; `None` when it
/// records no change.
pub fn first_record(plan: &Plan) -> Option<Timestamp> {
    plan.all_projects()
        .flat_map(|p| p.history.iter().map(|e| e.at))
        .chain(plan.log.iter().map(|e| e.at))
        .min()
}

/// How far `plan`'s records reach back from `at`.
fn reach(plan: &Plan, at: Timestamp, unknown: Vec<String>) -> Reach {
    let first_record = first_record(plan);
    Reach {
        first_record,
        before_records: first_record.is_none_or(|first| at < first),
        unknown,
    }
}

/// Calls `f` on every project, live or archived.
fn for_each_project_mut(plan: &mut Plan, mut f: impl FnMut(&mut Project)) {
    let live = plan.themes.iter_mut().flat_map(|t| &mut t.subthemes);
    for sub in live {
        sub.projects.iter_mut().for_each(&mut f);
    }
    for archived in &mut plan.archive {
        match &mut archived.item {
            Item::Project(p) => f(p),
            Item::Subtheme(s) => s.projects.iter_mut().for_each(&mut f),
            Item::Theme(t) => (t.subthemes.iter_mut())
                .flat_map(|s| &mut s.projects)
                .for_each(&mut f),
        }
    }
}

/// A copy of `plan` with what counting needs: ids, titles, names, focus flags,
/// statuses and where everything sits; no history, log, owners, notes or
/// introductions. Cheap to rewind many times over.
fn skeleton(plan: &Plan) -> Plan {
    let project = |p: &Project| Project {
        id: p.id.clone(),
        title: p.title.clone(),
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: p.status.clone(),
        history: Vec::new(),
    };
    let subtheme = |s: &Subtheme| Subtheme {
        id: s.id.clone(),
        name: s.name.clone(),
        intro: String::new(),
        projects: s.projects.iter().map(project).collect(),
    };
    let theme = |t: &Theme| Theme {
        id: t.id.clone(),
        name: t.name.clone(),
        focus: t.focus,
        intro: String::new(),
        subthemes: t.subthemes.iter().map(subtheme).collect(),
    };
    let mut copy = Plan::new(
        plan.fund.clone(),
        plan.title.clone(),
        plan.year,
        plan.themes.iter().map(theme).collect(),
    );
    copy.archive = (plan.archive.iter())
        .map(|a| crate::plan::Archived {
            parent: a.parent.clone(),
            position: a.position,
            item: match &a.item {
                Item::Project(p) => Item::Project(project(p)),
                Item::Subtheme(s) => Item::Subtheme(subtheme(s)),
                Item::Theme(t) => Item::Theme(theme(t)),
            },
        })
        .collect();
    copy
}
