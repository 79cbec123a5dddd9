//! Making structural changes against the plan as it is now.

use super::Change;
use crate::plan::{Item, Kind, Place, Plan};

impl Change {
    /// Adds `item` to `parent` (a sub-theme's id for a project, a theme's for a
    /// sub-theme, empty for a theme) at `position`, or at the end when `None`
    /// (the end of the list as it is when the change is applied, so that
    /// additions by several writers keep the order they were saved in).
    /// `None` when the parent is not in the live plan.
    pub fn add(plan: &Plan, item: Item, parent: &str, position: Option<usize>) -> Option<Change> {
        let len = children(plan, item.kind(), parent)?;
        let position = position.map_or(Place::END, |p| p.min(len));
        Some(Change::Add {
            item: Box::new(item),
            to: Place {
                parent: parent.to_string(),
                position,
            },
        })
    }

    /// Moves the live item to `parent` at `position` (the end when `None`);
    /// `None` when the item or the parent is not in the live plan.
    pub fn move_to(
        plan: &Plan,
        kind: Kind,
        id: &str,
        parent: &str,
        position: Option<usize>,
    ) -> Option<Change> {
        let from = plan.place_of(kind, id)?;
        let mut len = children(plan, kind, parent)?;
        if from.parent == parent {
            len -= 1;
        }
        let to = Place {
            parent: parent.to_string(),
            position: position.map_or(len, |p| p.min(len)),
        };
        Some(Change::Move {
            kind,
            id: id.to_string(),
            from,
            to,
        })
    }

    /// Moves the live item one place up (`-1`) or down (`1`) among its
    /// siblings; `None` at either end or when the item is not live.
    pub fn reorder(plan: &Plan, kind: Kind, id: &str, by: isize) -> Option<Change> {
        let from = plan.place_of(kind, id)?;
        let len = children(plan, kind, &from.parent)?;
        let position = from.position.checked_add_signed(by).filter(|&p| p < len)?;
        let to = Place {
            parent: from.parent.clone(),
            position,
        };
        Some(Change::Move {
            kind,
            id: id.to_string(),
            from,
            to,
        })
    }

    /// Archives the live item; `None` when it is not in the live plan.
    pub fn archive(plan: &Plan, kind: Kind, id: &str) -> Option<Change> {
        Some(Change::Archive {
            kind,
            id: id.to_string(),
            from: plan.place_of(kind, id)?,
        })
    }

    /// Restores the archived item `id` to where it was; `None` when it is not
    /// archived on its own, or its parent is not in the live plan (restore
    /// the parent first).
    pub fn restore(plan: &Plan, id: &str) -> Option<Change> {
        let entry = &plan.archive[plan.archived_index(id)?];
        children(plan, entry.item.kind(), &entry.parent)?;
        Some(Change::Restore {
            kind: entry.item.kind(),
            id: id.to_string(),
            to: entry.place(),
        })
    }
}

/// How many items of `kind` the live `parent` holds; `None` when there is no
/// such parent.
pub fn children(plan: &Plan, kind: Kind, parent: &str) -> Option<usize> {
    match kind {
        Kind::Theme => parent.is_empty().then_some(plan.themes.len()),
        Kind::Subtheme => plan
            .themes
            .iter()
            .find(|t| t.id == parent)
            .map(|t| t.subthemes.len()),
        Kind::Project => plan
            .themes
            .iter()
            .flat_map(|t| &t.subthemes)
            .find(|s| s.id == parent)
            .map(|s| s.projects.len()),
    }
}
