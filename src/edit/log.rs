//! A change as the plan's log records it: ids and plain values, no edit types.

use super::{Change, TextField};
use crate::plan::{Logged, TextKind};

/// The log's record of `change`; `None` for a status, which the project's own
/// history records.
pub(super) fn logged(change: &Change) -> Option<Logged> {
    Some(match change.clone() {
        // A status is in the project's history; settling a conflict is no
        // change to the plan's content.
        Change::Status { .. } | Change::Conflict { .. } => return None,
        Change::Text { field, from, to } => {
            let (id, field) = text_kind(field);
            Logged::Text {
                id,
                field,
                from,
                to,
            }
        }
        Change::Focus { theme, from, to } => Logged::Focus {
            id: theme,
            from,
            to,
        },
        Change::PlanYear { from, to } => Logged::Year { from, to },
        Change::Add { item, to } => Logged::Added {
            kind: item.kind(),
            id: item.id().to_string(),
            to,
        },
        Change::Remove { item, from } => Logged::Removed {
            kind: item.kind(),
            id: item.id().to_string(),
            from,
        },
        Change::Move { kind, id, from, to } => Logged::Moved { kind, id, from, to },
        Change::Archive { kind, id, from } => Logged::Archived { kind, id, from },
        Change::Restore { kind, id, to } => Logged::Restored { kind, id, to },
    })
}

/// The item's id (empty for the plan) and which of its texts a field is.
pub(super) fn text_kind(field: TextField) -> (String, TextKind) {
    match field {
        TextField::Owner(id) => (id, TextKind::Owner),
        TextField::Notes(id) => (id, TextKind::Notes),
        TextField::Title(id) => (id, TextKind::Title),
        TextField::Details(id) => (id, TextKind::Details),
        TextField::SubthemeName(id) | TextField::ThemeName(id) => (id, TextKind::Name),
        TextField::SubthemeIntro(id) | TextField::ThemeIntro(id) => (id, TextKind::Intro),
        TextField::PlanFund => (String::new(), TextKind::Fund),
        TextField::PlanTitle => (String::new(), TextKind::Title),
    }
}
