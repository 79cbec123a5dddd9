//! Applying the structural changes: add, remove (an addition undone), move and
//! reorder, archive and restore.
//!
//! Each one is applied to whatever version of the plan it meets, which may be
//! another writer's: nothing is lost on the way. An addition whose id someone
//! else took meanwhile gets a fresh one; a move or restore of an item someone
//! archived is kept on the archived item; undoing an addition that others have
//! since built on archives it instead of dropping their work.

use super::{Applied, Change, Edit};
use crate::plan::{Archived, Item, Kind, Place, Plan, put};

/// Applies a structural change; `None` when `edit` is not one.
/// The change comes back as it was applied, or `None` when nothing changed.
pub(super) fn apply(plan: &mut Plan, edit: &Edit) -> Option<(Applied, Option<Change>)> {
    Some(match &edit.change {
        Change::Add { item, to } => add(plan, item, to),
        Change::Remove { item, .. } => remove(plan, item),
        Change::Move { kind, id, from, to } => moved(plan, *kind, id, from, to),
        Change::Archive { kind, id, .. } => archive(plan, *kind, id),
        Change::Restore { kind, id, .. } => restore(plan, *kind, id),
        _ => return None,
    })
}

/// Whether the parent an item of `kind` would go into at `place` is live.
fn parent_is_live(plan: &Plan, kind: Kind, place: &Place) -> bool {
    match kind.parent() {
        None => place.parent.is_empty(),
        Some(parent) => plan.is_live(parent, &place.parent),
    }
}

fn add(plan: &mut Plan, item: &Item, to: &Place) -> (Applied, Option<Change>) {
    let change = |item: Item, to: Place| Change::Add {
        item: Box::new(item),
        to,
    };
    let existing = plan.place_of(item.kind(), item.id());
    if let Some(place) = existing
        && same_content(plan, item, &place)
    {
        // Replayed after it had already landed (a journal, a retried save).
        return (Applied::Clean, None);
    }
    let mut item = item.clone();
    let mut applied = Applied::Clean;
    let taken = item.ids().into_iter().any(|id| plan.has_id(id));
    if taken {
        let fresh = plan.new_id(item.id(), "item");
        applied = Applied::Renumbered(fresh.clone());
        item.set_id(fresh);
    }
    if !parent_is_live(plan, item.kind(), to) {
        // Someone archived the parent meanwhile: the addition goes with it.
        let copy = item.clone();
        return match put_in_archived(plan, item, to) {
            Some(position) => {
                let to = Place {
                    parent: to.parent.clone(),
                    position,
                };
                let now = Change::Add {
                    item: Box::new(copy),
                    to,
                };
                (Applied::OnArchived, Some(now))
            }
            None => (Applied::Missing, None),
        };
    }
    match plan.insert(item.clone(), to) {
        Ok(position) => {
            let to = Place {
                parent: to.parent.clone(),
                position,
            };
            (applied, Some(change(item, to)))
        }
        Err(_) => (Applied::Missing, None),
    }
}

/// Whether the live item at `place` holds what `item` holds (history aside).
fn same_content(plan: &Plan, item: &Item, place: &Place) -> bool {
    plan.live_item(item.kind(), item.id())
        .is_some_and(|(found, at)| {
            at == *place && found.without_history() == item.without_history()
        })
}

fn remove(plan: &mut Plan, item: &Item) -> (Applied, Option<Change>) {
    let kind = item.kind();
    let Some((found, at)) = plan.take(kind, item.id()) else {
        return (Applied::Missing, None);
    };
    if found.without_history() == item.without_history() {
        let change = Change::Remove {
            item: Box::new(found),
            from: at,
        };
        return (Applied::Clean, Some(change));
    }
    // Someone changed it since it was added: keep their work in the archive.
    let id = found.id().to_string();
    plan.archive.push(Archived {
        parent: at.parent.clone(),
        position: at.position,
        item: found,
    });
    (
        Applied::KeptInArchive,
        Some(Change::Archive { kind, id, from: at }),
    )
}

fn moved(
    plan: &mut Plan,
    kind: Kind,
    id: &str,
    from: &Place,
    to: &Place,
) -> (Applied, Option<Change>) {
    let change = |from: Place, to: Place| Change::Move {
        kind,
        id: id.to_string(),
        from,
        to,
    };
    if !parent_is_live(plan, kind, to) {
        return (Applied::Missing, None);
    }
    let Some((item, at)) = plan.take(kind, id) else {
        if let Some(i) = plan.archived_index(id) {
            // Archived meanwhile: it will be restored to where it was moved.
            let entry = &mut plan.archive[i];
            let was = entry.place();
            entry.parent.clone_from(&to.parent);
            entry.position = to.position;
            return (Applied::OnArchived, Some(change(was, to.clone())));
        }
        return (Applied::Missing, None);
    };
    let position = match plan.insert(item, to) {
        Ok(position) => position,
        Err(item) => {
            // Unreachable after the check above; put it back rather than lose it.
            let _ = plan.insert(item, &at);
            return (Applied::Missing, None);
        }
    };
    let to = Place {
        parent: to.parent.clone(),
        position,
    };
    let applied = if at == *from {
        Applied::Clean
    } else {
        Applied::Overrode(change(at.clone(), to.clone()))
    };
    (applied, Some(change(at, to)))
}

fn archive(plan: &mut Plan, kind: Kind, id: &str) -> (Applied, Option<Change>) {
    let change = |from: Place| Change::Archive {
        kind,
        id: id.to_string(),
        from,
    };
    let Some((item, at)) = plan.take(kind, id) else {
        let applied = if plan.is_archived(id) {
            Applied::Clean
        } else {
            Applied::Missing
        };
        return (applied, None);
    };
    plan.archive.push(Archived {
        parent: at.parent.clone(),
        position: at.position,
        item,
    });
    (Applied::Clean, Some(change(at)))
}

fn restore(plan: &mut Plan, kind: Kind, id: &str) -> (Applied, Option<Change>) {
    let change = |to: Place| Change::Restore {
        kind,
        id: id.to_string(),
        to,
    };
    let Some(i) = plan
        .archived_index(id)
        .filter(|&i| plan.archive[i].item.kind() == kind)
    else {
        let applied = if plan.is_live(kind, id) {
            Applied::Clean
        } else {
            Applied::Missing
        };
        return (applied, None);
    };
    // Where the archive says, which a later move of the archived item may have changed.
    let place = plan.archive[i].place();
    if !parent_is_live(plan, kind, &place) {
        return (Applied::Missing, None);
    }
    let entry = plan.archive.remove(i);
    match plan.insert(entry.item, &place) {
        Ok(position) => (Applied::Clean, Some(change(Place { position, ..place }))),
        Err(item) => {
            let back = Archived {
                parent: place.parent.clone(),
                position: place.position,
                item,
            };
            plan.archive.insert(i, back);
            (Applied::Missing, None)
        }
    }
}

/// Puts `item` into its archived parent; the index it got, or `None` when the
/// parent is nowhere.
fn put_in_archived(plan: &mut Plan, item: Item, to: &Place) -> Option<usize> {
    match item {
        Item::Project(p) => {
            let sub = plan.any_subtheme_mut(&to.parent)?;
            Some(put(&mut sub.projects, to.position, p))
        }
        Item::Subtheme(s) => {
            let theme = plan.any_theme_mut(&to.parent)?;
            Some(put(&mut theme.subthemes, to.position, s))
        }
        Item::Theme(_) => None,
    }
}
