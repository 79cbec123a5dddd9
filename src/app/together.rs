//! Shaping the plan together: what the app tells the user when their changes
//! and a colleague's meet on the plan's structure.

use super::{App, NoticeKind};
use crate::edit::{Change, MergeReport};
use crate::plan::{Logged, Plan};

impl App {
    /// Notices for what a merge did with our structural changes, and the
    /// undo stack brought in line with renumbered additions.
    pub(super) fn notify_structure(&mut self, report: &MergeReport) {
        for id in &report.on_archived {
            let title = title_anywhere(&self.plan, id);
            let text = self.lang.kept_on_archived(&title);
            self.notify(NoticeKind::Warning, text);
        }
        for (was, now) in &report.renumbered {
            self.renumber_undo(was, now);
            let title = title_anywhere(&self.plan, now);
            let text = self.lang.renumbered(&title, now);
            self.notify(NoticeKind::Info, text);
        }
        for id in &report.kept_in_archive {
            let title = title_anywhere(&self.plan, id);
            let text = self.lang.kept_in_archive(&title);
            self.notify(NoticeKind::Warning, text);
        }
    }

    /// Notices for colleagues' changes to archived items that a plan from disk
    /// brings: whoever archived them (perhaps this user) should know.
    pub(super) fn notify_archived_changes(&mut self, before: &Plan) {
        let new = self.plan.log.get(before.log.len()..).unwrap_or_default();
        let mut told = Vec::new();
        for entry in new {
            let id = entry.change.id();
            let structural = matches!(
                entry.change,
                Logged::Archived { .. } | Logged::Restored { .. } | Logged::Removed { .. }
            );
            if entry.by == self.user || structural || id.is_empty() || !self.plan.is_archived(id) {
                continue;
            }
            if !told.contains(&(entry.by.clone(), id.to_string())) {
                told.push((entry.by.clone(), id.to_string()));
            }
        }
        for p in self.plan.all_projects() {
            let old = before.all_projects().find(|o| o.id == p.id);
            let grew = old.map_or(0, |o| o.history.len())..p.history.len();
            for h in p.history.get(grew).unwrap_or_default() {
                if h.by != self.user && self.plan.is_archived(&p.id) {
                    told.push((h.by.clone(), p.id.clone()));
                }
            }
        }
        told.dedup();
        for (who, id) in told {
            let title = title_anywhere(&self.plan, &id);
            let text = self.lang.changed_while_archived(&who, &title);
            self.notify(NoticeKind::Info, text);
        }
    }

    /// Our addition landed under another id: its undo must take that one out.
    fn renumber_undo(&mut self, was: &str, now: &str) {
        let stacks = self.undo.iter_mut().chain(self.redo.iter_mut());
        for edit in stacks.chain(self.pending.iter_mut()) {
            if let Change::Add { item, .. } | Change::Remove { item, .. } = &mut edit.change
                && item.id() == was
            {
                item.set_id(now.to_string());
            }
        }
    }
}

/// An item's title or name, live or archived; its id when it is nowhere.
fn title_anywhere(plan: &Plan, id: &str) -> String {
    (plan.kind_of(id))
        .and_then(|kind| plan.title_of(kind, id))
        .unwrap_or(id)
        .to_string()
}
