//! Undoing the plan's log, newest first, down to one moment after another.

use std::collections::BTreeMap;

use crate::edit::{self, Change, Edit, TextField};
use crate::plan::{Item, Kind, LogEntry, Logged, Place, Plan, TextKind, text_owner};
use crate::timestamp::Timestamp;

/// A walk back through a log: [`Rewind::to`] undoes, on the plan it is given,
/// every entry later than a moment that an earlier call has not undone yet.
/// Moments must come latest first. The entries later than a moment are undone
/// in the reverse of their order in the log, the order they were applied in.
pub(super) struct Rewind<'l> {
    log: &'l [LogEntry],
    /// Indices into `log`, by time and then log order, newest last.
    order: Vec<usize>,
    /// How many of `order`, from its end, are undone.
    undone: usize,
    /// Items removed later whose content is therefore unknown, and whose
    /// addition has not been reached yet. Each holds its place in the plan
    /// with an empty stand-in, so that the positions of its siblings stay
    /// right while older changes are undone.
    unknown: BTreeMap<String, Kind>,
}

impl<'l> Rewind<'l> {
    pub(super) fn new(log: &'l [LogEntry]) -> Rewind<'l> {
        let mut order: Vec<usize> = (0..log.len()).collect();
        order.sort_by_key(|&i| log[i].at);
        Rewind {
            log,
            order,
            undone: 0,
            unknown: BTreeMap::new(),
        }
    }

    /// Undoes on `plan` every entry later than `at` not undone yet. The plan's
    /// own log gets the undoing edits' records: the caller drops them.
    pub(super) fn to(&mut self, plan: &mut Plan, at: Timestamp) {
        let pending = &self.order[..self.order.len() - self.undone];
        let keep = pending.partition_point(|&i| self.log[i].at <= at);
        let mut batch: Vec<usize> = pending[keep..].to_vec();
        self.undone += batch.len();
        batch.sort_unstable_by(|a, b| b.cmp(a));
        for index in batch {
            self.undo(plan, index);
        }
    }

    /// The items whose content at the last moment is not recorded, sorted.
    pub(super) fn unknown(&self) -> Vec<String> {
        self.unknown.keys().cloned().collect()
    }

    /// Whether `id` names a stand-in for an item whose content is unknown.
    pub(super) fn is_unknown(&self, id: &str) -> bool {
        self.unknown.contains_key(id)
    }

    /// Takes the stand-ins out of `plan`: the rewind is over.
    pub(super) fn finish(self, plan: &mut Plan) {
        for (id, kind) in self.unknown {
            take_anywhere(plan, kind, &id);
        }
    }

    fn undo(&mut self, plan: &mut Plan, index: usize) {
        let entry = &self.log[index];
        let back = match &entry.change {
            Logged::Text {
                id,
                field,
                from,
                to,
            } => text_field(plan, id, *field).map(|field| Change::Text {
                field,
                from: to.clone(),
                to: from.clone(),
            }),
            Logged::Focus { id, from, to } => Some(Change::Focus {
                theme: id.clone(),
                from: *to,
                to: *from,
            }),
            Logged::Year { from, to } => Some(Change::PlanYear {
                from: *to,
                to: *from,
            }),
            Logged::Added { kind, id, .. } => {
                // The item, or the stand-in for it when it was removed later.
                take_anywhere(plan, *kind, id);
                self.unknown.remove(id);
                None
            }
            Logged::Removed { kind, id, from } => {
                if plan.insert(stand_in(*kind, id), from).is_ok() {
                    self.unknown.insert(id.clone(), *kind);
                }
                None
            }
            Logged::Moved { kind, id, from, to } => Some(Change::Move {
                kind: *kind,
                id: id.clone(),
                from: to.clone(),
                to: from.clone(),
            }),
            Logged::Archived { kind, id, from } => {
                // Back to where it was archived from, whatever the archive says now.
                if let Some(i) = plan.archived_index(id) {
                    plan.archive[i].parent.clone_from(&from.parent);
                    plan.archive[i].position = from.position;
                }
                Some(Change::Restore {
                    kind: *kind,
                    id: id.clone(),
                    to: from.clone(),
                })
            }
            Logged::Restored { kind, id, to } => {
                let back = Change::Archive {
                    kind: *kind,
                    id: id.clone(),
                    from: to.clone(),
                };
                edit::apply(plan, &Edit::new(back, entry.at, ""));
                self.rearchived(plan, index, id);
                None
            }
        };
        if let Some(change) = back {
            edit::apply(plan, &Edit::new(change, entry.at, ""));
        }
    }

    /// Puts the item `id`, just archived again by undoing its restore (log
    /// entry `index`), where it was in the archive before: the place the log
    /// last gave it, and its turn among the items archived before and after it.
    fn rearchived(&self, plan: &mut Plan, index: usize, id: &str) {
        let Some(i) = plan.archived_index(id) else {
            return;
        };
        let mut entry = plan.archive.remove(i);
        if let Some(place) = self.last_place(index, id) {
            entry.parent = place.parent.clone();
            entry.position = place.position;
        }
        let turn = self.archived_at(index, id);
        let at = (plan.archive.iter())
            .position(|a| self.archived_at(index, a.item.id()) > turn)
            .unwrap_or(plan.archive.len());
        plan.archive.insert(at, entry);
    }

    /// Where the log before entry `before` last put `id`: archived from a
    /// place, or moved (while archived) to one.
    fn last_place(&self, before: usize, id: &str) -> Option<&'l Place> {
        self.log[..before]
            .iter()
            .rev()
            .find_map(|e| match &e.change {
                Logged::Archived { id: i, from, .. } if i == id => Some(from),
                Logged::Moved { id: i, to, .. } if i == id => Some(to),
                _ => None,
            })
    }

    /// The index of the last log entry before `before` that archived `id`;
    /// `None` (first of all) when it was archived before the log began.
    fn archived_at(&self, before: usize, id: &str) -> Option<usize> {
        self.log[..before]
            .iter()
            .rposition(|e| matches!(&e.change, Logged::Archived { id: i, .. } if i == id))
    }
}

/// The text field a log entry names, as the plan holds the item now.
fn text_field(plan: &Plan, id: &str, field: TextKind) -> Option<TextField> {
    let id = id.to_string();
    Some(match (text_owner(plan, id.as_str(), field), field) {
        (None, TextKind::Title) if id.is_empty() => TextField::PlanTitle,
        (None, TextKind::Fund) if id.is_empty() => TextField::PlanFund,
        (Some(Kind::Project), TextKind::Title) => TextField::Title(id),
        (Some(Kind::Project), TextKind::Details) => TextField::Details(id),
        (Some(Kind::Project), TextKind::Owner) => TextField::Owner(id),
        (Some(Kind::Project), TextKind::Notes) => TextField::Notes(id),
        (Some(Kind::Subtheme), TextKind::Name) => TextField::SubthemeName(id),
        (Some(Kind::Subtheme), TextKind::Intro) => TextField::SubthemeIntro(id),
        (Some(Kind::Theme), TextKind::Name) => TextField::ThemeName(id),
        (Some(Kind::Theme), TextKind::Intro) => TextField::ThemeIntro(id),
        _ => return None,
    })
}

/// An item with nothing but an id.
fn stand_in(kind: Kind, id: &str) -> Item {
    let id = id.to_string();
    match kind {
        Kind::Project => Item::Project(crate::plan::Project {
            id,
            title: String::new(),
            details: String::new(),
            owner: String::new(),
            notes: String::new(),
            status: Default::default(),
            history: Vec::new(),
        }),
        Kind::Subtheme => Item::Subtheme(crate::plan::Subtheme {
            id,
            name: String::new(),
            intro: String::new(),
            projects: Vec::new(),
        }),
        Kind::Theme => Item::Theme(crate::plan::Theme {
            id,
            name: String::new(),
            focus: false,
            intro: String::new(),
            subthemes: Vec::new(),
        }),
    }
}

/// Takes the item `id` of `kind` out of the plan: from the live plan, or from
/// an archived parent it was added to. False when it is nowhere.
pub(super) fn take_anywhere(plan: &mut Plan, kind: Kind, id: &str) -> bool {
    if plan.take(kind, id).is_some() {
        return true;
    }
    if let Some(i) = plan.archived_index(id) {
        plan.archive.remove(i);
        return true;
    }
    for archived in &mut plan.archive {
        let found = match (&mut archived.item, kind) {
            (Item::Subtheme(s), Kind::Project) => remove_from(&mut s.projects, |p| p.id == id),
            (Item::Theme(t), Kind::Project) => {
                (t.subthemes.iter_mut()).any(|s| remove_from(&mut s.projects, |p| p.id == id))
            }
            (Item::Theme(t), Kind::Subtheme) => remove_from(&mut t.subthemes, |s| s.id == id),
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}

fn remove_from<T>(list: &mut Vec<T>, is: impl Fn(&T) -> bool) -> bool {
    match list.iter().position(is) {
        Some(i) => {
            list.remove(i);
            true
        }
        None => false,
    }
}
