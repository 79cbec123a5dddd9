//! Open conflicts as edits see them: the value a three-way merge did not keep,
//! made into an [`OpenConflict`]; taking the other value as an ordinary
//! [`Change`]; settling one (keeping the plan's value) as a change that undo
//! reverses; and joining the open conflicts of two merged versions.

use super::log::text_kind;
use super::{Change, Field, Lost, Shown, TextField};
use crate::plan::{ConflictField, Kind, OpenConflict, Plan, TextKind, text_owner};

/// What taking an open conflict's other value needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taking {
    /// The plan holds the other value already: only the conflict is left.
    Already,
    /// This change sets it, from the value the plan holds now.
    Change(Change),
    /// It cannot be set: the item or the parent it would go into is gone.
    Impossible,
}

/// The text field `field` of the item `id` (empty for the plan), as edits
/// name it; `None` when there is no such item.
fn text_field(plan: &Plan, id: &str, field: TextKind) -> Option<TextField> {
    let id_ = || id.to_string();
    Some(match (field, text_owner(plan, id, field)) {
        (TextKind::Fund, _) if id.is_empty() => TextField::PlanFund,
        (TextKind::Title, _) if id.is_empty() => TextField::PlanTitle,
        (TextKind::Title, Some(Kind::Project)) => TextField::Title(id_()),
        (TextKind::Details, Some(Kind::Project)) => TextField::Details(id_()),
        (TextKind::Owner, Some(Kind::Project)) => TextField::Owner(id_()),
        (TextKind::Notes, Some(Kind::Project)) => TextField::Notes(id_()),
        (TextKind::Name, Some(Kind::Subtheme)) => TextField::SubthemeName(id_()),
        (TextKind::Intro, Some(Kind::Subtheme)) => TextField::SubthemeIntro(id_()),
        (TextKind::Name, Some(Kind::Theme)) => TextField::ThemeName(id_()),
        (TextKind::Intro, Some(Kind::Theme)) => TextField::ThemeIntro(id_()),
        _ => return None,
    })
}

/// The field of `plan` an open conflict is about, as edits name it; `None`
/// when its item is not in the plan (live or archived).
pub fn conflict_field(plan: &Plan, c: &OpenConflict) -> Option<Field> {
    let exists = |kind: Kind, id: &str| plan.kind_of(id) == Some(kind);
    Some(match &c.field {
        ConflictField::Status { id, year, .. } if exists(Kind::Project, id) => Field::Status {
            project: id.clone(),
            year: *year,
        },
        ConflictField::Text { id, field, .. } => {
            let field = text_field(plan, id, *field)?;
            if !field.target().exists_in(plan) {
                return None;
            }
            Field::Text(field)
        }
        ConflictField::Focus { id, .. } if exists(Kind::Theme, id) => {
            Field::Focus { theme: id.clone() }
        }
        ConflictField::Year { .. } => Field::PlanYear,
        ConflictField::Place { kind, id, .. } if exists(*kind, id) => Field::Place {
            kind: *kind,
            id: id.clone(),
        },
        _ => return None,
    })
}

/// The values an open conflict holds: the one the plan kept, and the other.
pub fn shown(field: &ConflictField) -> (Shown<'_>, Shown<'_>) {
    match field {
        ConflictField::Status { kept, other, .. } => (Shown::Status(*kept), Shown::Status(*other)),
        ConflictField::Text { kept, other, .. } => (Shown::Text(kept), Shown::Text(other)),
        ConflictField::Focus { kept, other, .. } => (Shown::Flag(*kept), Shown::Flag(*other)),
        ConflictField::Year { kept, other } => (Shown::Year(*kept), Shown::Year(*other)),
        ConflictField::Place { kept, other, .. } => {
            (Shown::Place(kept.as_ref()), Shown::Place(other.as_ref()))
        }
    }
}

/// The change that gives the conflict's field its other value.
pub fn take(plan: &Plan, c: &OpenConflict) -> Taking {
    let change = match &c.field {
        ConflictField::Status {
            id, year, other, ..
        } => Change::status(plan, id, *year, *other),
        ConflictField::Text {
            id, field, other, ..
        } => text_field(plan, id, *field).and_then(|f| Change::text(plan, f, other.clone())),
        ConflictField::Focus { id, other, .. } => Change::focus(plan, id, *other),
        ConflictField::Year { other, .. } => Some(Change::plan_year(plan, *other)),
        ConflictField::Place {
            kind, id, other, ..
        } => return take_place(plan, *kind, id, other.as_ref()),
    };
    match change {
        Some(c) if c.is_noop() => Taking::Already,
        Some(c) => Taking::Change(c),
        None => Taking::Impossible,
    }
}

fn take_place(plan: &Plan, kind: Kind, id: &str, other: Option<&crate::plan::Place>) -> Taking {
    let found = |c: Option<Change>| c.map_or(Taking::Impossible, Taking::Change);
    match (other, plan.place_of(kind, id)) {
        (None, None) => Taking::Already,
        (None, Some(_)) => found(Change::archive(plan, kind, id)),
        (Some(to), Some(now)) if now.parent == to.parent => Taking::Already,
        (Some(to), Some(_)) => found(Change::move_to(
            plan,
            kind,
            id,
            &to.parent,
            Some(to.position),
        )),
        (Some(_), None) => found(Change::restore(plan, id)),
    }
}

impl Change {
    /// Settles an open conflict of `plan`: it leaves the list, and the plan
    /// keeps its value. Undone, it is open again. `None` when the conflict's
    /// item is not in the plan.
    pub fn settle(plan: &Plan, conflict: &OpenConflict) -> Option<Change> {
        Change::Conflict {
            on: conflict_field(plan, conflict)?,
            conflict: Box::new(conflict.clone()),
            from: true,
            to: false,
        }
        .rebased(plan)
    }
}

/// Whether `plan` holds an open conflict that is `c` (whatever value it kept).
pub(super) fn is_open(plan: &Plan, c: &OpenConflict) -> bool {
    plan.conflicts.iter().any(|o| o.same(c))
}

/// Opens `c` in `plan` (in time order), or settles it.
pub(super) fn set_open(plan: &mut Plan, c: &OpenConflict, open: bool) {
    if !open {
        plan.conflicts.retain(|o| !o.same(c));
    } else if !is_open(plan, c) && !plan.conflicts.iter().any(|o| o.key() == c.key()) {
        let at = (plan.conflicts.iter()).position(|o| (o.at, o.key()) > (c.at, c.key()));
        plan.conflicts
            .insert(at.unwrap_or(plan.conflicts.len()), c.clone());
    }
}

/// Drops the open conflicts whose item left the plan (an addition undone).
pub(super) fn forget_gone(plan: &mut Plan) {
    if plan.conflicts.is_empty() {
        return;
    }
    let keep: Vec<bool> = (plan.conflicts.iter())
        .map(|c| conflict_field(plan, c).is_some())
        .collect();
    let mut keep = keep.into_iter();
    plan.conflicts.retain(|_| keep.next().unwrap_or(true));
}

/// The open conflict a lost change leaves in the merged `plan`: its field,
/// the value the plan holds, and the value that lost.
pub(super) fn from_lost(plan: &Plan, lost: &Lost) -> Option<OpenConflict> {
    let now = lost.change.rebased(plan);
    let field = match (&lost.change, now) {
        (Change::Status { project, year, .. }, Some(Change::Status { from, to, .. })) => {
            ConflictField::Status {
                id: project.clone(),
                year: *year,
                kept: from,
                other: to,
            }
        }
        (Change::Text { field, .. }, Some(Change::Text { from, to, .. })) => {
            let (id, field) = text_kind(field.clone());
            ConflictField::Text {
                id,
                field,
                kept: from,
                other: to,
            }
        }
        (Change::Focus { theme, .. }, Some(Change::Focus { from, to, .. })) => {
            ConflictField::Focus {
                id: theme.clone(),
                kept: from,
                other: to,
            }
        }
        (Change::PlanYear { .. }, Some(Change::PlanYear { from, to })) => ConflictField::Year {
            kept: from,
            other: to,
        },
        (change, _) => {
            let Field::Place { kind, id } = change.field() else {
                return None;
            };
            let other = match change.to() {
                Shown::Place(p) => p.cloned(),
                _ => None,
            };
            ConflictField::Place {
                kept: plan.place_of(kind, &id),
                kind,
                id,
                other,
            }
        }
    };
    Some(OpenConflict {
        at: lost.at,
        by: lost.by.clone(),
        field,
    })
}

/// The open conflicts of a merge of `ours` and `theirs` (both from `base`)
/// into `plan`: for each field, the conflict the sides agree on, or the one
/// a side changed since `base` (a conflict settled on one side stays
/// settled), or the later one; then those this merge made, which replace
/// older ones of their field. Conflicts the merged plan makes moot (it holds
/// the other value already) or whose item is gone are dropped. Ordered by
/// time, then key.
pub(super) fn join(
    (base, ours, theirs): (&Plan, &Plan, &Plan),
    plan: &Plan,
    made: Vec<OpenConflict>,
) -> Vec<OpenConflict> {
    let find = |p: &Plan, key: &str| p.conflicts.iter().find(|c| c.key() == key).cloned();
    let same = |a: &Option<OpenConflict>, b: &Option<OpenConflict>| match (a, b) {
        (Some(a), Some(b)) => a.same(b),
        (None, None) => true,
        _ => false,
    };
    let mut keys: Vec<String> = (ours.conflicts.iter().chain(&theirs.conflicts))
        .map(OpenConflict::key)
        .collect();
    keys.sort();
    keys.dedup();
    let mut out: Vec<OpenConflict> = Vec::new();
    for key in keys {
        let (b, o, t) = (find(base, &key), find(ours, &key), find(theirs, &key));
        let chosen = if same(&o, &t) || same(&t, &b) {
            o
        } else if same(&o, &b) {
            t
        } else {
            match (o, t) {
                (Some(o), Some(t)) => Some(if t.at > o.at { t } else { o }),
                (o, t) => o.or(t),
            }
        };
        out.extend(chosen);
    }
    for c in made {
        out.retain(|o| o.key() != c.key());
        out.push(c);
    }
    out.retain(|c| conflict_field(plan, c).is_some() && take(plan, c) != Taking::Already);
    out.sort_by_cached_key(|c| (c.at, c.key()));
    out
}
