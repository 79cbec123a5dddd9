//! The plan and the file on disk: save results, reloads, quitting with unsaved
//! edits and recovering a half-typed edit.

use crate::edit::Field;
use crate::plan::Plan;
use crate::search::{SearchIndex, Target};
use crate::storage::SyncReport;
use std::sync::Arc;

use super::{App, Effect, Mode, NoticeKind, SaveState};

impl App {
    /// Quits at once when everything is saved; otherwise saves first.
    pub(super) fn quit(&mut self) -> Vec<Effect> {
        if self.pending.is_empty() {
            return vec![Effect::Quit];
        }
        self.mode = Mode::Quitting;
        vec![Effect::Save]
    }

    pub(super) fn on_saved(
        &mut self,
        result: Result<SyncReport, String>,
        clock: String,
    ) -> Vec<Effect> {
        let (count, anchor) = self
            .in_flight
            .take()
            .unwrap_or_else(|| (self.pending.len(), self.anchor()));
        let report = match result {
            Ok(report) => report,
            Err(message) => return self.on_save_failed(message),
        };
        self.pending.drain(..count.min(self.pending.len()));
        self.save_state = SaveState::Saved(clock);
        self.disk_error = None;
        if report.merged {
            self.plan_changed();
            self.index = Arc::new(SearchIndex::build(&self.plan));
            self.rerun_search();
            self.restore(&anchor);
        }
        self.notify_merge(&report);
        match self.mode {
            Mode::Quitting if self.pending.is_empty() => vec![Effect::Quit],
            Mode::Quitting => vec![Effect::Save],
            _ => Vec::new(),
        }
    }

    fn on_save_failed(&mut self, message: String) -> Vec<Effect> {
        if matches!(self.mode, Mode::Quitting) {
            let error = strip_not_saved(&message).to_string();
            self.mode = Mode::ConfirmQuit { error };
        }
        self.save_state = SaveState::Failed(message);
        Vec::new()
    }

    /// Takes a plan reloaded from disk. Unsaved edits are replayed onto it, so
    /// they are neither lost nor hidden; the next save writes them.
    /// Tells the user which of their edits met someone else's change, or a project
    /// someone else removed.
    fn notify_merge(&mut self, report: &SyncReport) {
        for conflict in &report.conflicts {
            self.rebase_undo(conflict);
            let title = self.project_title(&conflict.project);
            let text = self.lang.conflict(&title, conflict.field, &conflict.theirs);
            self.notify(NoticeKind::Warning, text);
        }
        for id in &report.missing {
            let text = self.lang.removed_by_someone(id);
            self.notify(NoticeKind::Warning, text);
        }
    }

    pub(super) fn on_reloaded(&mut self, plan: Plan) -> Vec<Effect> {
        let anchor = self.anchor();
        self.plan = plan;
        self.disk_error = None;
        let report = crate::storage::replay(&mut self.plan, &self.pending);
        self.notify_merge(&report);
        self.plan_changed();
        self.index = Arc::new(SearchIndex::build(&self.plan));
        self.rerun_search();
        self.restore(&anchor);
        self.notify(NoticeKind::Info, self.lang.ui().reloaded.into());
        if self.pending.is_empty() {
            Vec::new()
        } else {
            vec![Effect::Save]
        }
    }

    /// Offers a recovered inline edit at start: opens the editor on that
    /// project's field with the text.
    pub fn offer_recovery(&mut self, project: &str, field: Field, text: String) {
        if matches!(field, Field::Status(_)) {
            return;
        }
        let Some(loc) = self.plan.locate(project) else {
            let text = self.lang.removed_by_someone(project);
            self.notify(NoticeKind::Warning, text);
            return;
        };
        self.jump_to(Target::Project(loc));
        self.open_editor(field, Some(text));
        if matches!(self.mode, Mode::Editing(_)) {
            self.notify(NoticeKind::Info, self.lang.ui().recovered.into());
        }
        self.follow_selection();
    }

    fn project_title(&self, id: &str) -> String {
        self.plan
            .locate(id)
            .and_then(|loc| self.plan.project(loc))
            .map_or_else(|| id.to_string(), |p| p.title.clone())
    }
}

/// Save errors read "not saved: …"; the quit dialog says that itself.
fn strip_not_saved(message: &str) -> &str {
    message.strip_prefix("not saved: ").unwrap_or(message)
}
