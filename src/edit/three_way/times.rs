//! When a side made a change, and who: the newest record of its field in
//! the side's history or log.

use crate::edit::Change;
use crate::edit::log::logged;
use crate::plan::{Logged, Plan};
use crate::timestamp::Timestamp;

/// The newest time recorded anywhere in `plan`.
pub(super) fn newest(plan: &Plan) -> Option<Timestamp> {
    let history = plan
        .all_projects()
        .flat_map(|p| p.history.iter().map(|h| h.at));
    history.chain(plan.log.iter().map(|l| l.at)).max()
}

/// When and by whom `side` made `change`: its newest record of that field.
pub(super) fn time_of(side: &Plan, change: &Change) -> Option<(Timestamp, String)> {
    if let Change::Status { project, year, .. } = change {
        let p = side.all_projects().find(|p| &p.id == project)?;
        return (p.history.iter().filter(|h| h.year == *year))
            .max_by_key(|h| h.at)
            .map(|h| (h.at, h.by.clone()));
    }
    let wanted = logged(change).map(|l| key(&l))?;
    (side.log.iter().filter(|l| key(&l.change) == wanted))
        .max_by_key(|l| l.at)
        .map(|l| (l.at, l.by.clone()))
}

/// What a log entry is about: the item and which of its fields (all
/// structural changes of one item share one key).
fn key(l: &Logged) -> (u8, String, Option<crate::plan::TextKind>) {
    let class = match l {
        Logged::Text { field, .. } => return (0, l.id().to_string(), Some(*field)),
        Logged::Focus { .. } => 1,
        Logged::Year { .. } => 2,
        _ => 3,
    };
    (class, l.id().to_string(), None)
}
