//! Edits: the one way the UI and the CLI change a plan.
//!
//! An edit is a typed [`Change`] (which field of which item, the value it
//! expects and the value it sets) with who made it and when. It can be undone,
//! and replayed onto a newer version of the file when another process saved in
//! between (see [`replay`]). Edits read no clock: the caller passes the time,
//! which comes in with the event that caused the edit.

mod change;
mod conflicts;
mod field;
mod log;
mod make;
mod merge;
mod structure;
#[cfg(test)]
mod tests;
mod three_way;
mod unsaved;

pub use change::{Change, Shown};
pub use conflicts::{Taking, conflict_field, shown, take};
pub use field::{Field, Target, TextField};
pub use make::children;
pub(crate) use merge::replay;
pub use merge::{Conflict, MergeReport};
pub use three_way::{Lost, Merged, diff, merge3};
pub use unsaved::Unsaved;

use crate::plan::{HistoryEntry, LogEntry, Plan};
use crate::timestamp::Timestamp;

/// One change, with who made it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub change: Change,
    pub at: Timestamp,
    pub by: String,
}

impl Edit {
    pub fn new(change: Change, at: Timestamp, by: &str) -> Edit {
        Edit {
            change,
            at,
            by: by.to_string(),
        }
    }

    /// The edit that undoes this one, made at `at` by `by`.
    pub fn inverse(&self, at: Timestamp, by: &str) -> Edit {
        Edit::new(self.change.inverse(), at, by)
    }

    /// True when the edit changes nothing.
    pub fn is_noop(&self) -> bool {
        self.change.is_noop()
    }

    /// The field the edit sets: two edits conflict when they share it.
    pub fn field(&self) -> Field {
        self.change.field()
    }

    /// What the edit is about.
    pub fn target(&self) -> Target<'_> {
        self.change.target()
    }
}

/// What applying an edit found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// The field held the value the edit expected (or already the one it sets).
    Clean,
    /// Someone else changed the field meanwhile; the edit won. The change as it
    /// was made: from their value to the edit's.
    Overrode(Change),
    /// The item (or the parent it was to go into) is gone; nothing was changed.
    Missing,
    /// Someone archived the item meanwhile; the change was kept on the archived item.
    OnArchived,
    /// An addition whose id someone else took meanwhile: added with this id.
    Renumbered(String),
    /// An addition undone after others changed the item: archived, not removed.
    KeptInArchive,
}

/// Applies an edit: a status change appends to the project's history, every
/// other change to the plan's log.
pub fn apply(plan: &mut Plan, edit: &Edit) -> Applied {
    if let Some((applied, now)) = structure::apply(plan, edit) {
        if let Some(now) = now {
            record(plan, edit, &now);
        }
        if matches!(edit.change, Change::Remove { .. }) {
            conflicts::forget_gone(plan);
        }
        return applied;
    }
    let Some(now) = edit.change.rebased(plan) else {
        return Applied::Missing;
    };
    if now.is_noop() {
        return Applied::Clean;
    }
    let archived = !matches!(now, Change::Conflict { .. })
        && (edit.target().id()).is_some_and(|id| plan.is_archived(id));
    now.write(plan);
    record(plan, edit, &now);
    if archived {
        Applied::OnArchived
    } else if now == edit.change {
        Applied::Clean
    } else {
        Applied::Overrode(now)
    }
}

/// Records a change as it was applied: who, when and what.
fn record(plan: &mut Plan, edit: &Edit, now: &Change) {
    if let Change::Status {
        project,
        year,
        from,
        to,
    } = &now
        && let Some(p) = plan.any_project_mut(project)
    {
        p.history.push(HistoryEntry {
            at: edit.at,
            by: edit.by.clone(),
            year: *year,
            from: *from,
            to: *to,
        });
    } else if let Some(change) = log::logged(now) {
        plan.log.push(LogEntry {
            at: edit.at,
            by: edit.by.clone(),
            change,
        });
    }
}
