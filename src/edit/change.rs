//! The typed change: which field of which item, and its value before and after.
//!
//! Each kind of field carries values of its own type, so a status cannot be
//! paired with a text, and an edit's "before" always has the type of its "after".

use super::field::{Field, Target, TextField, project_mut, theme, theme_mut};
use crate::plan::{Item, Kind, OpenConflict, Place, Plan, Status};

/// One change to one field: the value it expects and the value it sets.
///
/// Structural changes (add, move and reorder, archive, restore) carry what
/// their inverse needs: an addition the whole item, a move both places.
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
    /// A new item, put at `to` (its id unique in the plan).
    Add {
        item: Box<Item>,
        to: Place,
    },
    /// An addition undone: the item leaves the plan, not into the archive.
    Remove {
        item: Box<Item>,
        from: Place,
    },
    /// A move to another parent, or a reorder within one.
    Move {
        kind: Kind,
        id: String,
        from: Place,
        to: Place,
    },
    /// The item, with everything in it, moves to the archive.
    Archive {
        kind: Kind,
        id: String,
        from: Place,
    },
    /// An archived item returns to `to`.
    Restore {
        kind: Kind,
        id: String,
        to: Place,
    },
    /// An open conflict on the field `on` settled (`to: false`: the plan
    /// keeps its value) or open again (`to: true`, an undo).
    Conflict {
        on: Field,
        conflict: Box<OpenConflict>,
        from: bool,
        to: bool,
    },
}

/// A field's value, borrowed from a change, for messages and dialogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown<'a> {
    Status(Option<Status>),
    Text(&'a str),
    Flag(bool),
    Year(u16),
    /// Where an item sits; `None` when it is not in the plan (not yet added,
    /// archived, or removed).
    Place(Option<&'a Place>),
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
            Shown::Place(Some(p)) if p.is_end() && p.parent.is_empty() => "at the end".into(),
            Shown::Place(Some(p)) if p.is_end() => format!("at the end of {}", p.parent),
            Shown::Place(Some(p)) if p.parent.is_empty() => {
                format!("at position {}", p.position + 1)
            }
            Shown::Place(Some(p)) => format!("in {} at position {}", p.parent, p.position + 1),
            Shown::Place(None) => "not in the plan".to_string(),
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
            Change::Conflict { on, .. } => Field::Conflict(Box::new(on.clone())),
            _ => Field::Place {
                kind: self.kind().unwrap_or(Kind::Project),
                id: self.item_id().to_string(),
            },
        }
    }

    /// The id and kind of the item a structural change is about.
    fn item_id(&self) -> &str {
        match self {
            Change::Add { item, .. } | Change::Remove { item, .. } => item.id(),
            Change::Move { id, .. } | Change::Archive { id, .. } | Change::Restore { id, .. } => id,
            Change::Status { project, .. } => project,
            Change::Focus { theme, .. } => theme,
            Change::Text { field, .. } => field.target().id().unwrap_or_default(),
            Change::Conflict { on, .. } => on.target().id().unwrap_or_default(),
            Change::PlanYear { .. } => "",
        }
    }

    /// The kind of item a structural change is about.
    pub fn kind(&self) -> Option<Kind> {
        match self {
            Change::Add { item, .. } | Change::Remove { item, .. } => Some(item.kind()),
            Change::Move { kind, .. }
            | Change::Archive { kind, .. }
            | Change::Restore { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// What the change is about.
    pub fn target(&self) -> Target<'_> {
        match self {
            Change::Status { project, .. } => Target::Project(project),
            Change::Text { field, .. } => field.target(),
            Change::Focus { theme, .. } => Target::Theme(theme),
            Change::PlanYear { .. } => Target::Plan,
            Change::Conflict { on, .. } => on.target(),
            _ => Target::of(self.kind().unwrap_or(Kind::Project), self.item_id()),
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
            Change::Move { from, to, .. } => std::mem::swap(from, to),
            Change::Conflict { from, to, .. } => std::mem::swap(from, to),
            Change::Add { .. }
            | Change::Remove { .. }
            | Change::Archive { .. }
            | Change::Restore { .. } => return self.structural_inverse(),
        }
        back
    }

    fn structural_inverse(&self) -> Change {
        match self.clone() {
            Change::Add { item, to } => Change::Remove { item, from: to },
            Change::Remove { item, from } => Change::Add { item, to: from },
            Change::Archive { kind, id, from } => Change::Restore { kind, id, to: from },
            Change::Restore { kind, id, to } => Change::Archive { kind, id, from: to },
            other => other,
        }
    }

    /// True when the change sets the value it expects.
    pub fn is_noop(&self) -> bool {
        match self {
            Change::Status { from, to, .. } => from == to,
            Change::Text { from, to, .. } => from == to,
            Change::Focus { from, to, .. } => from == to,
            Change::PlanYear { from, to } => from == to,
            Change::Move { from, to, .. } => from == to,
            Change::Conflict { from, to, .. } => from == to,
            Change::Add { .. }
            | Change::Remove { .. }
            | Change::Archive { .. }
            | Change::Restore { .. } => false,
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
            Change::Focus { from, to, .. } | Change::Conflict { from, to, .. } => {
                Shown::Flag(pick(before, *from, *to))
            }
            Change::PlanYear { from, to } => Shown::Year(pick(before, *from, *to)),
            Change::Move { from, to, .. } => Shown::Place(Some(pick(before, from, to))),
            Change::Add { to: p, .. } | Change::Restore { to: p, .. } => {
                Shown::Place(pick(before, None, Some(p)))
            }
            Change::Remove { from: p, .. } | Change::Archive { from: p, .. } => {
                Shown::Place(pick(before, Some(p), None))
            }
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
            } => *from = super::field::project(plan, project)?.status_in(*year),
            Change::Text { field, from, .. } => *from = field.read(plan)?.to_string(),
            Change::Focus {
                theme: id, from, ..
            } => *from = theme(plan, id)?.focus,
            Change::PlanYear { from, .. } => *from = plan.year,
            Change::Move { kind, id, from, .. } | Change::Archive { kind, id, from } => {
                *from = plan.place_of(*kind, id)?;
            }
            Change::Remove { item, from } => *from = plan.place_of(item.kind(), item.id())?,
            Change::Add { .. } => {}
            Change::Conflict { conflict, from, .. } => {
                *from = super::conflicts::is_open(plan, conflict)
            }
            Change::Restore { id, to, .. } => {
                if let Some(i) = plan.archived_index(id) {
                    *to = plan.archive[i].place();
                }
            }
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
            (Change::Move { from, .. }, Change::Move { from: f, .. }) => from.clone_from(f),
            (Change::Conflict { from, .. }, Change::Conflict { from: f, .. }) => *from = *f,
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
            Change::Conflict { conflict, to, .. } => {
                super::conflicts::set_open(plan, conflict, *to)
            }
            // Structural changes are applied by `super::structure`.
            Change::Add { .. }
            | Change::Remove { .. }
            | Change::Move { .. }
            | Change::Archive { .. }
            | Change::Restore { .. } => {}
        }
    }
}
