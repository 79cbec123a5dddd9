//! The three-way merge of two versions of a plan that share an ancestor (what
//! git's merge driver does): the changes one side made since the ancestor are
//! found by id and replayed onto the other side, field by field.
//!
//! Where both sides set the same field to different values, the change made
//! later by the recorded history wins, and the other one is returned, and
//! kept in the merged plan as an open conflict (see `conflicts.rs`). The
//! histories and logs of both sides are joined, ordered by time, without
//! duplicates.

use std::collections::{HashMap, HashSet};

mod fields;
mod places;
mod times;

use super::{Applied, Change, Edit, Field, apply, conflicts};
use crate::plan::{HistoryEntry, Item, Kind, LogEntry, Place, Plan};
use crate::timestamp::Timestamp;
use fields::fields;
use places::{archived_place, places};
use times::{newest, time_of};

/// The result of a three-way merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The merged plan; its `conflicts` are those of both sides that are
    /// still open, and one for each change that lost.
    pub plan: Plan,
    /// The changes that lost to a later change of the same field.
    pub conflicts: Vec<Lost>,
}

/// A change one side made that lost to the other side's later change of the
/// same field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    /// The losing change, from the ancestor's value to the one that lost.
    pub change: Change,
    /// When the losing change was made, as far as the history records it.
    pub at: Timestamp,
    /// Who made it, as far as the history records it (empty when it does not).
    pub by: String,
    /// Whether the losing change was ours (the side merged into).
    pub ours: bool,
}

/// The changes that turn `base` into `side`, matched by id: structural ones
/// first (themes, then sub-themes, then projects), then the fields.
pub fn diff(base: &Plan, side: &Plan) -> Vec<Change> {
    let (mut out, mut late) = (Vec::new(), Vec::new());
    for kind in [Kind::Theme, Kind::Subtheme, Kind::Project] {
        structural(base, side, kind, &mut out, &mut late);
    }
    // Archives and removals last, so that what moved into an item first goes
    // with it; the smallest items first, so that each keeps its own entry.
    late.sort_by_key(Change::kind);
    out.append(&mut late);
    fields(base, side, &mut out);
    out
}

/// Merges `theirs` into `ours`, both descended from `base`.
pub fn merge3(base: &Plan, ours: &Plan, theirs: &Plan) -> Merged {
    let start = newest(base).unwrap_or(Timestamp(0));
    let mut mine: HashMap<Field, Vec<Change>> = HashMap::new();
    for c in diff(base, ours) {
        mine.entry(c.field()).or_default().push(c);
    }
    let mut plan = ours.clone();
    let mut conflicts = Vec::new();
    let mut renumbered = HashSet::new();
    let when = |side: &Plan, c: &Change| time_of(side, c).unwrap_or((start, String::new()));
    for change in diff(base, theirs) {
        let (at, by) = when(theirs, &change);
        let mine_too = mine.get(&change.field());
        if let Change::Add { item, to } = &change {
            // An item both sides added with one id is two items, unless it
            // is the same item in the same place: an addition never loses.
            let same = |o: &Change| match o {
                Change::Add { item: i, to: t } => {
                    t == to && i.without_history() == item.without_history()
                }
                _ => false,
            };
            if mine_too.is_some_and(|list| list.iter().any(same)) {
                continue;
            }
        } else if let Some(list) = mine_too
            && let Some(o) = list.last()
        {
            if list.iter().any(|o| o.to() == change.to()) {
                continue;
            }
            let (o_at, o_by) = when(ours, o);
            if at <= o_at {
                let ours = false;
                conflicts.push(Lost {
                    change,
                    at,
                    by,
                    ours,
                });
                continue;
            }
            let (change, ours) = (o.clone(), true);
            conflicts.push(Lost {
                change,
                at: o_at,
                by: o_by,
                ours,
            });
        }
        let placed = place_for(&plan, theirs, change);
        let was = placed.target().id().map(str::to_string);
        if let Applied::Renumbered(_) = apply(&mut plan, &Edit::new(placed, at, "")) {
            renumbered.extend(was);
        }
    }
    join_records(&mut plan, ours, theirs, &renumbered);
    let made = (conflicts.iter())
        .filter_map(|l| conflicts::from_lost(&plan, l))
        .collect();
    plan.conflicts = conflicts::join((base, ours, theirs), &plan, made);
    Merged { plan, conflicts }
}

/// The ids of the live children of `parent` (an item of `kind`'s parent kind).
fn children(plan: &Plan, kind: Kind, parent: &str) -> Vec<String> {
    match kind {
        Kind::Theme => plan.themes.iter().map(|t| t.id.clone()).collect(),
        Kind::Subtheme => (plan.themes.iter().find(|t| t.id == parent))
            .map(|t| t.subthemes.iter().map(|s| s.id.clone()).collect())
            .unwrap_or_default(),
        Kind::Project => (plan.themes.iter().flat_map(|t| &t.subthemes))
            .find(|s| s.id == parent)
            .map(|s| s.projects.iter().map(|p| p.id.clone()).collect())
            .unwrap_or_default(),
    }
}

/// The item's previous sibling in `plan` among those `keep` accepts.
fn previous(plan: &Plan, kind: Kind, id: &str, keep: impl Fn(&str) -> bool) -> Option<String> {
    let place = plan.place_of(kind, id)?;
    let list = children(plan, kind, &place.parent);
    let at = list.iter().position(|c| c == id)?;
    list[..at].iter().rev().find(|c| keep(c)).cloned()
}

/// The item `kind`/`id` as `side` holds it, without the children that `base`
/// already has (those arrive by moves of their own).
fn new_item(base: &Plan, side: &Plan, kind: Kind, id: &str) -> Option<Item> {
    let mut item = match side.live_item(kind, id) {
        Some((item, _)) => item,
        None => match kind {
            Kind::Project => Item::Project(side.all_projects().find(|p| p.id == id)?.clone()),
            Kind::Subtheme => Item::Subtheme(side.all_subthemes().find(|s| s.id == id)?.clone()),
            Kind::Theme => Item::Theme(side.all_themes().find(|t| t.id == id)?.clone()),
        },
    };
    match &mut item {
        Item::Theme(t) => {
            t.subthemes.retain(|s| !base.has_id(&s.id));
            for s in &mut t.subthemes {
                s.projects.retain(|p| !base.has_id(&p.id));
            }
        }
        Item::Subtheme(s) => s.projects.retain(|p| !base.has_id(&p.id)),
        Item::Project(_) => {}
    }
    Some(item)
}

fn ids(plan: &Plan, kind: Kind) -> Vec<String> {
    match kind {
        Kind::Theme => plan.all_themes().map(|t| t.id.clone()).collect(),
        Kind::Subtheme => plan.all_subthemes().map(|s| s.id.clone()).collect(),
        Kind::Project => plan.all_projects().map(|p| p.id.clone()).collect(),
    }
}

/// Whether an item sits elsewhere among its siblings in `side` than in
/// `base`: its previous sibling among those both hold in the same parent
/// differs.
fn reordered(id: &str, index: &Index) -> bool {
    let (Some(from), Some(to)) = (index.base.get(id), index.side.get(id)) else {
        return false;
    };
    let before = |kids: &Siblings, at: &Place, other: &HashMap<String, Place>, parent: &str| {
        let list = kids.get(&at.parent).map_or(&[][..], Vec::as_slice);
        list[..at.position.min(list.len())]
            .iter()
            .rev()
            .find(|c| other.get(*c).is_some_and(|p| p.parent == parent))
            .cloned()
    };
    before(&index.base_kids, from, &index.side, &to.parent)
        != before(&index.side_kids, to, &index.base, &from.parent)
}

/// The ids of the live items of one kind per parent, in order.
type Siblings = HashMap<String, Vec<String>>;

fn siblings(places: &HashMap<String, Place>) -> Siblings {
    let mut kids: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    for (id, place) in places {
        let list = kids.entry(place.parent.clone()).or_default();
        list.push((place.position, id.clone()));
    }
    (kids.into_iter())
        .map(|(parent, mut list)| {
            list.sort_unstable();
            (parent, list.into_iter().map(|(_, id)| id).collect())
        })
        .collect()
}

/// The live places of one kind in both plans, the siblings under each
/// parent, and every id `base` has.
struct Index {
    base: HashMap<String, Place>,
    side: HashMap<String, Place>,
    base_kids: Siblings,
    side_kids: Siblings,
    base_ids: HashSet<String>,
}

fn structural(base: &Plan, side: &Plan, kind: Kind, out: &mut Vec<Change>, late: &mut Vec<Change>) {
    let (base_places, side_places) = (places(base, kind), places(side, kind));
    let index = Index {
        base_kids: siblings(&base_places),
        side_kids: siblings(&side_places),
        base: base_places,
        side: side_places,
        base_ids: (base.all_themes().map(|t| t.id.clone()))
            .chain(base.all_subthemes().map(|s| s.id.clone()))
            .chain(base.all_projects().map(|p| p.id.clone()))
            .collect(),
    };
    let parent_new =
        |place: &Place| kind.parent().is_some() && !index.base_ids.contains(&place.parent);
    for id in ids(side, kind) {
        let Some(to) = index.side.get(&id).cloned() else {
            let (own, was) = archived_place(side, kind, &id);
            let Some(from) = index.base.get(&id).cloned() else {
                // Added, then archived (itself or with its parent): added
                // where it was, then archived.
                if !index.base_ids.contains(&id)
                    && let Some(to) = was
                    && !parent_new(&to)
                    && let Some(item) = new_item(base, side, kind, &id)
                {
                    let from = to.clone();
                    out.push(Change::Add {
                        item: Box::new(item),
                        to,
                    });
                    if own {
                        late.push(Change::Archive { kind, id, from });
                    }
                }
                continue;
            };
            if let Some(was) = was
                && was != from
            {
                let (id, from) = (id.clone(), from.clone());
                out.push(Change::Move {
                    kind,
                    id,
                    from,
                    to: was,
                });
            }
            if own {
                late.push(Change::Archive { kind, id, from });
            }
            continue;
        };
        if !index.base_ids.contains(&id) {
            if !parent_new(&to)
                && let Some(item) = new_item(base, side, kind, &id)
            {
                out.push(Change::Add {
                    item: Box::new(item),
                    to,
                });
            }
            continue;
        }
        let Some(from) = index.base.get(&id).cloned() else {
            out.push(Change::Restore { kind, id, to });
            continue;
        };
        let moved = from.parent != to.parent || reordered(&id, &index);
        if moved {
            out.push(Change::Move { kind, id, from, to });
        }
    }
    let side_ids: HashSet<String> = ids(side, kind).into_iter().collect();
    for id in ids(base, kind) {
        if !side_ids.contains(&id)
            && !side.has_id(&id)
            && let Some((item, from)) = base.live_item(kind, &id)
        {
            late.push(Change::Remove {
                item: Box::new(item),
                from,
            });
        }
    }
}

/// `change` with the place it puts an item at taken from `theirs` order:
/// right after the sibling that precedes it there, as `plan` holds it now.
fn place_for(plan: &Plan, theirs: &Plan, change: Change) -> Change {
    let relative = |kind: Kind, id: &str, to: &Place| -> Place {
        if !theirs.is_live(kind, id) {
            // Archived there (with its parent): where it was then.
            return to.clone();
        }
        let prev = previous(theirs, kind, id, |c| plan.is_live(kind, c) && c != id);
        let list: Vec<String> = (children(plan, kind, &to.parent).into_iter())
            .filter(|c| c != id)
            .collect();
        let position = match prev {
            None => 0,
            Some(p) => (list.iter().position(|c| *c == p)).map_or(Place::END, |i| i + 1),
        };
        Place {
            parent: to.parent.clone(),
            position,
        }
    };
    match change {
        Change::Add { item, to } => {
            let to = relative(item.kind(), item.id(), &to);
            Change::Add { item, to }
        }
        Change::Move { kind, id, from, to } => {
            let to = relative(kind, &id, &to);
            Change::Move { kind, id, from, to }
        }
        Change::Restore { kind, id, to } => {
            let to = relative(kind, &id, &to);
            Change::Restore { kind, id, to }
        }
        other => other,
    }
}

/// Gives every project the history of both sides and the plan the log of
/// both, each ordered by time without duplicates.
fn join_records(plan: &mut Plan, ours: &Plan, theirs: &Plan, renumbered: &HashSet<String>) {
    let histories = |side: &Plan| -> HashMap<String, Vec<HistoryEntry>> {
        (side.all_projects())
            .map(|p| (p.id.clone(), p.history.clone()))
            .collect()
    };
    let (mine, their) = (histories(ours), histories(theirs));
    for p in plan.all_projects_mut() {
        let a = mine.get(&p.id);
        let b = their.get(&p.id).filter(|_| !renumbered.contains(&p.id));
        if a.is_none() && b.is_none() {
            continue;
        }
        let joined = a.into_iter().chain(b).flatten().cloned();
        p.history = union(joined, |h| h.at);
    }
    plan.log = union(
        ours.log.iter().chain(&theirs.log).cloned(),
        |l: &LogEntry| l.at,
    );
}

/// The entries ordered by time (stable), each one once.
fn union<T: PartialEq>(entries: impl Iterator<Item = T>, at: impl Fn(&T) -> Timestamp) -> Vec<T> {
    let mut all: Vec<T> = entries.collect();
    all.sort_by_key(|e| at(e));
    let mut out: Vec<T> = Vec::with_capacity(all.len());
    let mut same_time = 0;
    for e in all {
        if out.last().is_none_or(|l| at(l) != at(&e)) {
            same_time = out.len();
        }
        if !out[same_time..].contains(&e) {
            out.push(e);
        }
    }
    out
}
