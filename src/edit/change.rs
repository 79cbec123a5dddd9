//! The typed change: which field of which item, and its value before and after.
//!
//! Each kind of field carries values of its own type, so a status cannot be
//! paired with a text, and an edit's "before" always has the type of its "after".

use super::field::{Field, Target, TextField, project_mut, theme, theme_mut};
use crate::plan::{Plan, Status};

/// One change to one field: the value it expects and the value it sets.
///
/// Structural changes (add, move, reorder, archive, restore) join this enum
/// as their own variants, each carrying what its inverse needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A project's status in one year, set or cleared.
    Status {
        project: String,
        year: u16,
        from: Option<Status>,
        to: Option<Status>,
    },
    Text {
        field: TextField,
        from: String,
        to: String,
    },
    Focus {
        theme: String,
        from: bool,
        to: bool,
    },
    PlanYear {
        from: u16,
        to: u16,
    },
}

/// A field's value, borrowed from a change, for messages and dialogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown<'a> {
    Status(Option<Status>),
    Text(&'a str),
    Flag(bool),
    Year(u16),
}

impl Shown<'_> {
    /// The value as the CLI shows it: a status's file name, or the quoted text.
    pub fn describe(self) -> String {
        match self {
            Shown::Status(Some(s)) => s.file_name().to_string(),
            Shown::Status(None) => "no status".to_string(),
            Shown::Text(t) => format!("{t:?}"),
            Shown::Flag(b) => b.to_string(),
            Shown::Year(y) => y.to_string(),
        }
    }
}

impl Change {
    /// Sets `project`'s status in `year` to `to`, from what `plan` holds now;
    /// `None` when there is no such project.
    pub fn status(plan: &Plan, project: &str, year: u16, to: Option<Status>) -> Option<Change> {
        Change::Status {
            project: project.to_string(),
            year,
            from: to,
            to,
        }
        .rebased(plan)
    }

    /// Sets a text field to `to`, from what `plan` holds now.
    pub fn text(plan: &Plan, field: TextField, to: String) -> Option<Change> {
        Change::Text {
            field,
            from: String::new(),
            to,
        }
        .rebased(plan)
    }

    /// Sets a theme's focus flag, from what `plan` holds now.
    pub fn focus(plan: &Plan, theme: &str, to: bool) -> Option<Change> {
        Change::Focus {
            theme: theme.to_string(),
            from: to,
            to,
        }
        .rebased(plan)
    }

    /// Sets the plan's year, from what `plan` holds now.
    pub fn plan_year(plan: &Plan, to: u16) -> Change {
        Change::PlanYear {
            from: plan.year,
            to,
        }
    }

    /// The field this change sets.
    pub fn field(&self) -> Field {
        match self {
            Change::Status { project, year, .. } => Field::Status {
                project: project.clone(),
                year: *year,
            },
            Change::Text { field, .. } => Field::Text(field.clone()),
            Change::Focus { theme, .. } => Field::Focus {
                theme: theme.clone(),
            },
            Change::PlanYear { .. } => Field::PlanYear,
        }
    }

    /// What the change is about.
    pub fn target(&self) -> Target<'_> {
        match self {
            Change::Status { project, .. } => Target::Project(project),
            Change::Text { field, .. } => field.target(),
            Change::Focus { theme, .. } => Target::Theme(theme),
            Change::PlanYear { .. } => Target::Plan,
        }
    }

    /// The change the other way round.
    pub fn inverse(&self) -> Change {
        let mut back = self.clone();
        match &mut back {
            Change::Status { from, to, .. } => std::mem::swap(from, to),
            Change::Text { from, to, .. } => std::mem::swap(from, to),
            Change::Focus { from, to, .. } => std::mem::swap(from, to),
            Change::PlanYear { from, to } => std::mem::swap(from, to),
        }
        back
    }

    /// True when the change sets the value it expects.
    pub fn is_noop(&self) -> bool {
        match self {
            Change::Status { from, to, .. } => from == to,
            Change::Text { from, to, .. } => from == to,
            Change::Focus { from, to, .. } => from == to,
            Change::PlanYear { from, to } => from == to,
        }
    }

    /// The value the change expects to find.
    pub fn from(&self) -> Shown<'_> {
        self.shown(true)
    }

    /// The value the change sets.
    pub fn to(&self) -> Shown<'_> {
        self.shown(false)
    }

    fn shown(&self, before: bool) -> Shown<'_> {
        fn pick<T>(before: bool, from: T, to: T) -> T {
            if before { from } else { to }
        }
        match self {
            Change::Status { from, to, .. } => Shown::Status(pick(before, *from, *to)),
            Change::Text { from, to, .. } => Shown::Text(pick(before, from, to)),
            Change::Focus { from, to, .. } => Shown::Flag(pick(before, *from, *to)),
            Change::PlanYear { from, to } => Shown::Year(pick(before, *from, *to)),
        }
    }

    /// The same change, expecting the value `plan` holds now; `None` when the
    /// item is gone.
    pub fn rebased(&self, plan: &Plan) -> Option<Change> {
        let mut now = self.clone();
        match &mut now {
            Change::Status {
                project,
                year,
                from,
                ..
            } => *from = plan.project(plan.locate(project)?)?.status_in(*year),
            Change::Text { field, from, .. } => *from = field.read(plan)?.to_string(),
            Change::Focus {
                theme: id, from, ..
            } => *from = theme(plan, id)?.focus,
            Change::PlanYear { from, .. } => *from = plan.year,
        }
        Some(now)
    }

    /// Expects `other`'s "before" value instead of this change's own, when both
    /// set the same field; false (and unchanged) otherwise.
    pub fn take_from(&mut self, other: &Change) -> bool {
        if self.field() != other.field() {
            return false;
        }
        match (self, other) {
            (Change::Status { from, .. }, Change::Status { from: f, .. }) => *from = *f,
            (Change::Text { from, .. }, Change::Text { from: f, .. }) => from.clone_from(f),
            (Change::Focus { from, .. }, Change::Focus { from: f, .. }) => *from = *f,
            (Change::PlanYear { from, .. }, Change::PlanYear { from: f, .. }) => *from = *f,
            _ => return false,
        }
        true
    }

    /// Writes the change's value into `plan`; the item must exist (see
    /// [`Change::rebased`]). History is the caller's business.
    pub(super) fn write(&self, plan: &mut Plan) {
        match self {
            Change::Status {
                project, year, to, ..
            } => {
                if let Some(p) = project_mut(plan, project) {
                    match to {
                        Some(s) => p.status.0.insert(*year, *s),
                        None => p.status.0.remove(year),
                    };
                }
            }
            Change::Text { field, to, .. } => {
                if let Some(slot) = field.slot(plan) {
                    slot.clone_from(to);
                }
            }
            Change::Focus { theme: id, to, .. } => {
                if let Some(t) = theme_mut(plan, id) {
                    t.focus = *to;
                }
            }
            Change::PlanYear { to, .. } => plan.year = *to,
        }
    }
}
