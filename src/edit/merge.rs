//! Merging edits onto another version of the plan: what a save does when
//! another writer saved first, what a reload does with unsaved edits, and what
//! recovery does with a journal. Field by field: an edit whose field someone
//! else changed wins and the conflict is reported; an edit whose item is gone
//! is dropped and reported.

use super::{Applied, Change, Edit, apply};
use crate::plan::Plan;

/// A field that two writers changed: ours won, theirs is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The change as the merge made it: `from` is their value, `to` is ours.
    pub change: Change,
}

/// What replaying edits met.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub conflicts: Vec<Conflict>,
    /// Ids of the items the edits named that are gone; those edits were dropped.
    pub missing: Vec<String>,
    /// Ids of items someone archived meanwhile; the changes were kept on them.
    pub on_archived: Vec<String>,
    /// Additions whose id another writer took meanwhile: (our id, the one given).
    pub renumbered: Vec<(String, String)>,
    /// Ids of additions undone after others changed them: archived instead.
    pub kept_in_archive: Vec<String>,
}

impl MergeReport {
    /// Whether every edit applied as it was made.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
            && self.missing.is_empty()
            && self.on_archived.is_empty()
            && self.renumbered.is_empty()
            && self.kept_in_archive.is_empty()
    }
}

/// Replays edits onto another version of the plan, field by field.
pub(crate) fn replay(plan: &mut Plan, edits: &[Edit]) -> MergeReport {
    let mut report = MergeReport::default();
    for e in edits {
        match apply(plan, e) {
            Applied::Clean => {}
            Applied::Overrode(change) => report.conflicts.push(Conflict { change }),
            Applied::Missing => report.missing.extend(e.target().id().map(str::to_string)),
            Applied::OnArchived => report
                .on_archived
                .extend(e.target().id().map(str::to_string)),
            Applied::Renumbered(id) => report
                .renumbered
                .extend(e.target().id().map(|was| (was.to_string(), id))),
            Applied::KeptInArchive => report
                .kept_in_archive
                .extend(e.target().id().map(str::to_string)),
        }
    }
    report
}
