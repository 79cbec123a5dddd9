//! Edits to projects: the one way the UI and the CLI change a plan.
//!
//! An edit names its project by id and carries the value it replaced, so it can be
//! undone, and replayed onto a newer version of the file when another process saved
//! in between (see [`crate::storage::Store::sync`]).

use crate::plan::{HistoryEntry, Plan, Status};
use crate::timestamp::Timestamp;

/// Which field of a project an edit changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Status(u16),
    Owner,
    Notes,
}

/// A field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Status(Option<Status>),
    Text(String),
}

impl Value {
    /// The value as shown in messages: a status's file name, or the quoted text.
    pub fn describe(&self) -> String {
        match self {
            Value::Status(Some(s)) => s.file_name().to_string(),
            Value::Status(None) => "no status".to_string(),
            Value::Text(t) => format!("{t:?}"),
        }
    }
}

/// One change to one field of one project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub project: String,
    pub field: Field,
    /// The value this edit replaced, as this process saw it.
    pub before: Value,
    pub after: Value,
    pub at: Timestamp,
    pub by: String,
}

impl Edit {
    /// An edit that sets `field` of `project` to `after`, reading the current value from `plan`.
    pub fn new(plan: &Plan, project: &str, field: Field, after: Value, by: &str) -> Option<Edit> {
        let before = current(plan, project, field)?;
        Some(Edit {
            project: project.to_string(),
            field,
            before,
            after,
            at: Timestamp::now(),
            by: by.to_string(),
        })
    }

    /// The edit that undoes this one, made now.
    pub fn inverse(&self, by: &str) -> Edit {
        Edit {
            project: self.project.clone(),
            field: self.field,
            before: self.after.clone(),
            after: self.before.clone(),
            at: Timestamp::now(),
            by: by.to_string(),
        }
    }

    /// True when the edit changes nothing.
    pub fn is_noop(&self) -> bool {
        self.before == self.after
    }
}

/// What applying an edit found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// The field held the value the edit expected.
    Clean,
    /// Someone else changed the field meanwhile; the edit won, this was their value.
    Overrode(Value),
    /// The project is gone; nothing was changed.
    Missing,
}

/// The current value of a project's field, or `None` if there is no such project.
pub fn current(plan: &Plan, project: &str, field: Field) -> Option<Value> {
    let p = plan.project(plan.locate(project)?)?;
    Some(match field {
        Field::Status(year) => Value::Status(p.status_in(year)),
        Field::Owner => Value::Text(p.owner.clone()),
        Field::Notes => Value::Text(p.notes.clone()),
    })
}

/// Applies an edit; a status change appends a history entry.
pub fn apply(plan: &mut Plan, edit: &Edit) -> Applied {
    let Some(loc) = plan.locate(&edit.project) else {
        return Applied::Missing;
    };
    let now = current(plan, &edit.project, edit.field).expect("located project has fields");
    let outcome = if now == edit.before || now == edit.after {
        Applied::Clean
    } else {
        Applied::Overrode(now.clone())
    };
    if now == edit.after {
        return outcome;
    }
    let p = plan.project_mut(loc).expect("located project exists");
    match (&edit.field, &edit.after) {
        (Field::Status(year), Value::Status(to)) => {
            let from = p.status_in(*year);
            match to {
                Some(s) => p.status.0.insert(*year, *s),
                None => p.status.0.remove(year),
            };
            p.history.push(HistoryEntry {
                at: edit.at.to_string(),
                by: edit.by.clone(),
                year: *year,
                from,
                to: *to,
            });
        }
        (Field::Owner, Value::Text(t)) => p.owner = t.clone(),
        (Field::Notes, Value::Text(t)) => p.notes = t.clone(),
        _ => debug_assert!(false, "edit field and value kinds differ"),
    }
    outcome
}

/// Deprecated: an OS lookup, which belongs in [`crate::platform`]. Kept only
/// until the storage lock and the runtime call `platform::login_name` directly
/// (see `tests/architecture.rs`, `KNOWN_VIOLATIONS`).
pub use crate::platform::login_name;
