//! The net view of `aoplan changes` (the rules: [`crate::changes::net`]): only
//! the rows that head a line show, each from its first change's old value to
//! its last change's new value, with the number of changes it stands for.

use super::changes::{Row, Val, What, logged};
use crate::changes::Net;
use crate::plan::{RecordKey, Recorded};

/// `row`, the change kept at `key`, as the net view shows it; `None` when it
/// shows as no line of its own. Every row shows when there is no net view.
pub(super) fn net_row<'a>(net: Option<&Net<'a>>, key: &RecordKey, row: Row<'a>) -> Option<Row<'a>> {
    let Some(net) = net else {
        return Some(row);
    };
    let line = net.line(key)?;
    let mut row = row;
    row.steps = line.steps;
    row.from = old_value(line.first);
    if let Some(what) = structure(row.what, row.from, row.to) {
        row.what = what;
    }
    Some(row)
}

/// The value a change found.
fn old_value(r: Recorded<'_>) -> Val<'_> {
    match r {
        Recorded::Status { entry, .. } => Val::Status(entry.from),
        Recorded::Logged { entry, .. } => logged(&entry.change).map_or(Val::Nothing, |l| l.3),
    }
}

/// What a structural change from `from` to `to` is: an item added, moved and
/// moved again was added where it ended up.
fn structure(what: What, from: Val, to: Val) -> Option<What> {
    if !matches!(
        what,
        What::Added | What::Removed | What::Moved | What::Archived | What::Restored
    ) {
        return None;
    }
    Some(match (from, to) {
        (Val::Nothing, _) => What::Added,
        (_, Val::Nothing) => What::Removed,
        (_, Val::Archive) => What::Archived,
        (Val::Archive, _) => What::Restored,
        _ => What::Moved,
    })
}
