//! Net changes: what a list of changes shows unless every entry is asked for.
//! The plan's history stays as it is; folding is only in what is shown.
//!
//! Every recorded change sets one *field*: a project's status in a year, one
//! text of one item, a theme's focus, the plan's year, or where an item is
//! (added, moved, archived, restored, removed). Two rules fold changes:
//!
//! 1. **Undone within a session.** A *session* is a run of one user's recorded
//!    changes (of any field) in which no two consecutive ones are more than
//!    [`SESSION_GAP_SECS`] apart; the records hold who and when, not which
//!    process, so this is what "a session" can mean. When one user, within one
//!    session and with nobody else changing the field in between, brings a field
//!    back to a value it had earlier in that run, the changes in between are
//!    folded away, even when part of them falls outside the window asked for (a
//!    mistake made just before a meeting and undone just after is no change).
//! 2. **Net over the window.** In the window, the changes one user made to one
//!    field one after the other (nobody else changing it in between) show as one
//!    line, from the first old value to the last new value, with the number of
//!    changes it stands for; when that value ended where it started, the line is
//!    folded away altogether. A change by another user is never folded into
//!    someone else's: "Ingrid set it, Bram set it back" stays two lines.

use std::collections::HashMap;

use crate::plan::{Kind, Logged, Place, Plan, RecordKey, Recorded, Status, TextKind};
use crate::timestamp::Timestamp;

/// The longest pause between two changes of one user within one session.
pub const SESSION_GAP_SECS: i64 = 30 * 60;

/// One line of the net view: the change `last` stands for `steps` recorded
/// changes (1: not folded), from the old value of `first` to the new value of
/// `last`; by `last`'s user, at `last`'s time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetLine<'a> {
    pub first: Recorded<'a>,
    pub last: Recorded<'a>,
    pub steps: usize,
}

/// The net view of the changes in a window.
#[derive(Debug, Clone, Default)]
pub struct Net<'a> {
    /// The lines, by the key of their last change.
    lines: HashMap<RecordKey, NetLine<'a>>,
    /// Changes in the window that show as no line of their own.
    pub folded: usize,
}

impl<'a> Net<'a> {
    /// The line the change at `key` heads, when it shows.
    pub fn line(&self, key: &RecordKey) -> Option<&NetLine<'a>> {
        self.lines.get(key)
    }

    /// The lines, in no particular order.
    #[cfg(test)]
    pub fn lines(&self) -> impl Iterator<Item = &NetLine<'a>> {
        self.lines.values()
    }
}

/// The field a change sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FieldKey<'a> {
    Status(&'a str, u16),
    Text(&'a str, TextKind),
    Focus(&'a str),
    Year,
    Place(&'a str),
}

/// A value a field holds; for a place, `None` is "not in the plan".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value<'a> {
    Status(Option<Status>),
    Text(&'a str),
    Flag(bool),
    Year(u16),
    Place(Option<&'a Place>),
    Archive,
}

/// A change as the field it sets and its values before and after.
fn field<'a>(r: &Recorded<'a>) -> (FieldKey<'a>, Value<'a>, Value<'a>) {
    let entry = match r {
        Recorded::Status { project, entry, .. } => {
            let key = FieldKey::Status(&project.id, entry.year);
            return (key, Value::Status(entry.from), Value::Status(entry.to));
        }
        Recorded::Logged { entry, .. } => &entry.change,
    };
    let here = |p| Value::Place(Some(p));
    match entry {
        Logged::Text {
            id,
            field,
            from,
            to,
        } => (
            FieldKey::Text(id, *field),
            Value::Text(from),
            Value::Text(to),
        ),
        Logged::Focus { id, from, to } => {
            (FieldKey::Focus(id), Value::Flag(*from), Value::Flag(*to))
        }
        Logged::Year { from, to } => (FieldKey::Year, Value::Year(*from), Value::Year(*to)),
        Logged::Added { id, to, .. } => (FieldKey::Place(id), Value::Place(None), here(to)),
        Logged::Removed { id, from, .. } => (FieldKey::Place(id), here(from), Value::Place(None)),
        Logged::Moved { id, from, to, .. } => (FieldKey::Place(id), here(from), here(to)),
        Logged::Archived { id, from, .. } => (FieldKey::Place(id), here(from), Value::Archive),
        Logged::Restored { id, to, .. } => (FieldKey::Place(id), Value::Archive, here(to)),
    }
}

/// One recorded change, oldest first, with what folding needs.
struct Step<'a> {
    record: Recorded<'a>,
    from: Value<'a>,
    to: Value<'a>,
    session: usize,
    undone: bool,
}

/// The net view of the changes `in_window` selects (see the module's rules).
pub fn net<'a>(plan: &'a Plan, in_window: impl Fn(Timestamp) -> bool) -> Net<'a> {
    let mut all: Vec<Recorded<'a>> = plan.recorded();
    // Oldest first; of changes in the same second, the earlier in the file first.
    all.reverse();
    let sessions = sessions(&all);
    let mut fields: HashMap<FieldKey<'a>, Vec<usize>> = HashMap::new();
    let mut steps: Vec<Step<'a>> = Vec::with_capacity(all.len());
    for (i, record) in all.into_iter().enumerate() {
        let (key, from, to) = field(&record);
        fields.entry(key).or_default().push(i);
        steps.push(Step {
            record,
            from,
            to,
            session: sessions[i],
            undone: false,
        });
    }
    let mut net = Net::default();
    for sequence in fields.values() {
        mark_undone(&mut steps, sequence);
        let shown: Vec<usize> = (sequence.iter().copied())
            .filter(|&i| in_window(steps[i].record.at()))
            .collect();
        net.folded += shown.len();
        fold_window(&steps, &shown, &mut net);
    }
    net.folded -= net.lines.len();
    net
}

/// Each change's session: an index that changes when the user does, or when
/// the same user paused longer than [`SESSION_GAP_SECS`].
fn sessions(all: &[Recorded]) -> Vec<usize> {
    let mut last: HashMap<&str, (Timestamp, usize)> = HashMap::new();
    let mut next = 0;
    let mut out = Vec::with_capacity(all.len());
    for r in all {
        let session = match last.get(r.by()) {
            Some(&(at, s)) if r.at().0 - at.0 <= SESSION_GAP_SECS => s,
            _ => {
                next += 1;
                next
            }
        };
        last.insert(r.by(), (r.at(), session));
        out.push(session);
    }
    out
}

/// Rule 1 over one field's changes, oldest first: in each run of changes by
/// one user in one session, every stretch that brings the field back to a
/// value it had earlier in the run is marked undone.
fn mark_undone(steps: &mut [Step], sequence: &[usize]) {
    // The values the run went through, each with the change that set it.
    let mut run: Vec<(Value, Option<usize>)> = Vec::new();
    let mut run_of: Option<usize> = None;
    for &i in sequence {
        let continues = run_of.is_some_and(|prev| {
            let (p, s) = (&steps[prev], &steps[i]);
            p.session == s.session && run.last().is_some_and(|(v, _)| *v == s.from)
        });
        if !continues {
            run.clear();
            run.push((steps[i].from, None));
        }
        run_of = Some(i);
        match run.iter().position(|(v, _)| *v == steps[i].to) {
            Some(back) => {
                for (_, set_by) in run.drain(back + 1..) {
                    steps[set_by.unwrap_or(i)].undone = true;
                }
                steps[i].undone = true;
            }
            None => run.push((steps[i].to, Some(i))),
        }
    }
}

/// Rule 2 over one field's changes in the window, oldest first.
fn fold_window<'a>(steps: &[Step<'a>], shown: &[usize], net: &mut Net<'a>) {
    let mut start = 0;
    while start < shown.len() {
        // A stretch: one user, each change starting where the last one ended.
        let mut end = start + 1;
        while end < shown.len() {
            let (p, s) = (&steps[shown[end - 1]], &steps[shown[end]]);
            if p.record.by() != s.record.by() || p.to != s.from {
                break;
            }
            end += 1;
        }
        emit(steps, &shown[start..end], net);
        start = end;
    }
}

/// One stretch as one line for all its changes, from the first change not
/// undone to the last; folded away when that ends where it started, or when
/// all were undone. A stretch that no single change can say (a place from the
/// archive to nowhere) shows the changes not undone one by one.
fn emit<'a>(steps: &[Step<'a>], stretch: &[usize], net: &mut Net<'a>) {
    let mut kept = stretch.iter().map(|&i| &steps[i]).filter(|s| !s.undone);
    let Some(first) = kept.next() else {
        return;
    };
    let last = kept.next_back().unwrap_or(first);
    if first.from == last.to {
        return;
    }
    if stretch.len() > 1 && !sayable(first.from, last.to) {
        for s in stretch.iter().map(|&i| &steps[i]).filter(|s| !s.undone) {
            put(net, s.record, s.record, 1);
        }
        return;
    }
    put(net, first.record, last.record, stretch.len());
}

fn put<'a>(net: &mut Net<'a>, first: Recorded<'a>, last: Recorded<'a>, steps: usize) {
    net.lines.insert(last.key(), NetLine { first, last, steps });
}

/// Whether one recorded change can go from `from` to `to`.
fn sayable(from: Value, to: Value) -> bool {
    !matches!(
        (from, to),
        (Value::Place(None), Value::Archive) | (Value::Archive, Value::Place(None))
    )
}

impl NetLine<'_> {
    /// The line as one change of the log: from the first change's old value to
    /// the last one's new value. `None` for a status change (see
    /// [`NetLine::status`]).
    pub fn logged(&self) -> Option<Logged> {
        let (Recorded::Logged { entry: first, .. }, Recorded::Logged { entry: last, .. }) =
            (self.first, self.last)
        else {
            return None;
        };
        if self.steps == 1 {
            return Some(last.change.clone());
        }
        let (_, from, _) = field(&self.first);
        let (_, _, to) = field(&self.last);
        let kind = structure_kind(&first.change).or(structure_kind(&last.change));
        let id = last.change.id().to_string();
        Some(match (&last.change, from, to, kind) {
            (Logged::Text { field, .. }, Value::Text(a), Value::Text(b), _) => Logged::Text {
                id,
                field: *field,
                from: a.to_string(),
                to: b.to_string(),
            },
            (_, Value::Flag(from), Value::Flag(to), _) => Logged::Focus { id, from, to },
            (_, Value::Year(from), Value::Year(to), _) => Logged::Year { from, to },
            (_, Value::Place(None), Value::Place(Some(to)), Some(kind)) => Logged::Added {
                kind,
                id,
                to: to.clone(),
            },
            (_, Value::Place(Some(from)), Value::Place(None), Some(kind)) => Logged::Removed {
                kind,
                id,
                from: from.clone(),
            },
            (_, Value::Place(Some(from)), Value::Place(Some(to)), Some(kind)) => Logged::Moved {
                kind,
                id,
                from: from.clone(),
                to: to.clone(),
            },
            (_, Value::Place(Some(from)), Value::Archive, Some(kind)) => Logged::Archived {
                kind,
                id,
                from: from.clone(),
            },
            (_, Value::Archive, Value::Place(Some(to)), Some(kind)) => Logged::Restored {
                kind,
                id,
                to: to.clone(),
            },
            _ => last.change.clone(),
        })
    }

    /// A status line's year and its statuses before and after.
    pub fn status(&self) -> Option<(u16, Option<Status>, Option<Status>)> {
        match (self.first, self.last) {
            (Recorded::Status { entry: a, .. }, Recorded::Status { entry: b, .. }) => {
                Some((b.year, a.from, b.to))
            }
            _ => None,
        }
    }
}

fn structure_kind(change: &Logged) -> Option<Kind> {
    match change {
        Logged::Added { kind, .. }
        | Logged::Removed { kind, .. }
        | Logged::Moved { kind, .. }
        | Logged::Archived { kind, .. }
        | Logged::Restored { kind, .. } => Some(*kind),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
