//! The plan and the file on disk: asking for saves, their results, reloads,
//! quitting with unsaved edits, the journal of what is not saved, and recovery.

use std::sync::Arc;

use crate::edit::{self, MergeReport, TextField, Unsaved, replay};
use crate::i18n::{ReadOnlyWhy, SaveFailure};
use crate::plan::Plan;
use crate::search::{SearchIndex, Target};

use super::{App, Effect, Mode, NoticeKind, SaveJob, SaveState};

impl App {
    /// Quits at once when everything is saved; otherwise saves first.
    pub(super) fn quit(&mut self) -> Vec<Effect> {
        if self.pending.is_empty() && self.in_flight.is_none() {
            return vec![Effect::Quit];
        }
        self.mode = Mode::Quitting;
        self.request_save()
    }

    /// Saves what is pending now (the runtime's last save before it leaves).
    pub(crate) fn save_now(&mut self) -> Vec<Effect> {
        self.request_save()
    }

    /// A warning in the footer from outside the app (e.g. an unreadable journal).
    pub(crate) fn warn(&mut self, text: String) {
        self.notify(NoticeKind::Warning, text);
    }

    /// Asks the runtime to save the pending edits, unless a save is running: then
    /// one more follows when it is done.
    pub(super) fn request_save(&mut self) -> Vec<Effect> {
        if self.in_flight.is_some() {
            self.save_again = true;
            return Vec::new();
        }
        if self.pending.is_empty() {
            return Vec::new();
        }
        self.save_again = false;
        self.in_flight = Some(self.pending.len());
        vec![Effect::Save(SaveJob {
            snapshot: Arc::clone(self.live_plan()),
            edits: self.pending.clone(),
            base: self.disk_version,
        })]
    }

    pub(super) fn on_saved(
        &mut self,
        result: Result<MergeReport, SaveFailure>,
        merged: Option<Plan>,
        clock: String,
    ) -> Vec<Effect> {
        let count = self.in_flight.take().unwrap_or(self.pending.len());
        self.waiting_for = None;
        let report = match result {
            Ok(report) => report,
            Err(error) => return self.on_save_failed(error),
        };
        self.pending.drain(..count.min(self.pending.len()));
        self.save_state = SaveState::Saved(clock);
        self.disk_error = None;
        if let Some(plan) = merged {
            self.disk_version += 1;
            // Edits made while the save ran go on top of the merged plan; the
            // selection stays where the user has it now.
            let anchor = self.anchor();
            let late = self.adopt(plan, &anchor);
            self.notify_merge(&late);
        }
        self.notify_merge(&report);
        self.after_save()
    }

    /// The save job was made before a reload the app has taken since: save again.
    pub(super) fn on_save_stale(&mut self) -> Vec<Effect> {
        self.in_flight = None;
        self.waiting_for = None;
        self.after_save()
    }

    fn after_save(&mut self) -> Vec<Effect> {
        let again = std::mem::take(&mut self.save_again);
        if matches!(self.mode, Mode::Quitting) && self.pending.is_empty() {
            return vec![Effect::Quit];
        }
        if again || matches!(self.mode, Mode::Quitting) || !self.pending.is_empty() {
            return self.request_save();
        }
        Vec::new()
    }

    fn on_save_failed(&mut self, error: SaveFailure) -> Vec<Effect> {
        self.save_again = false;
        if matches!(self.mode, Mode::Quitting) {
            self.mode = Mode::ConfirmQuit {
                error: error.clone(),
            };
        }
        self.save_state = SaveState::Failed(error);
        Vec::new()
    }

    /// Tells the user which of their edits met someone else's change, or a project
    /// someone else removed.
    fn notify_merge(&mut self, report: &MergeReport) {
        for conflict in &report.conflicts {
            self.rebase_undo(conflict);
            let change = &conflict.change;
            let title = change.target().title(&self.plan);
            let text = self.lang.conflict(&title, &change.field(), change.from());
            self.notify(NoticeKind::Warning, text);
        }
        for id in &report.missing {
            let text = self.lang.removed_by_someone(id);
            self.notify(NoticeKind::Warning, text);
        }
        self.notify_structure(report);
    }

    /// Takes a plan reloaded from disk. Unsaved edits are replayed onto it, so
    /// they are neither lost nor hidden; the next save writes them.
    pub(super) fn on_reloaded(&mut self, plan: Plan) -> Vec<Effect> {
        let anchor = self.anchor();
        self.disk_version += 1;
        let report = self.adopt(plan, &anchor);
        self.disk_error = None;
        self.notify_merge(&report);
        self.notify(NoticeKind::Info, self.lang.ui().reloaded.into());
        self.request_save()
    }

    /// Whether the plan can be saved changed; once it can, unsaved edits are saved.
    pub(super) fn on_read_only(&mut self, reason: Option<ReadOnlyWhy>) -> Vec<Effect> {
        let now_writable = self.read_only.is_some() && reason.is_none();
        self.read_only = reason;
        if now_writable {
            self.notify(NoticeKind::Info, self.lang.writable_again().into());
            return self.request_save();
        }
        Vec::new()
    }

    /// Takes a plan from disk with the pending edits replayed onto it; what the
    /// replay met, for the notices.
    fn adopt(&mut self, mut plan: Plan, anchor: &super::nav::Anchor) -> MergeReport {
        let report = replay(&mut plan, &self.pending);
        let before = std::mem::replace(&mut self.plan, Arc::new(plan));
        self.plan_replaced(anchor);
        self.notify_archived_changes(&before);
        report
    }

    /// Recomputes what depends on the whole plan after it was replaced.
    fn plan_replaced(&mut self, anchor: &super::nav::Anchor) {
        self.plan_changed();
        self.index = Arc::new(SearchIndex::build(&self.plan));
        self.index_stale = false;
        self.rerun_search();
        self.restore(anchor);
    }

    /// Takes what this user's journal kept from an earlier session of this plan:
    /// its edits are replayed through the normal merge and saved, and a half-typed
    /// edit is opened again in its editor. Read-only, nothing is applied: the user
    /// is told where the journal is.
    pub fn recover(&mut self, entry: Unsaved, kept_in: &str) -> Vec<Effect> {
        if entry.is_empty() {
            return Vec::new();
        }
        if self.read_only.is_some() {
            let text = self.lang.journal_kept(entry.edits.len(), kept_in);
            self.notify(NoticeKind::Warning, text);
            return Vec::new();
        }
        self.journaled = entry.clone();
        let mut effects = Vec::new();
        if !entry.edits.is_empty() {
            let anchor = self.anchor();
            let report = replay(Arc::make_mut(&mut self.plan), &entry.edits);
            let n = entry.edits.len() - report.missing.len();
            self.pending.extend(entry.edits);
            self.notify_merge(&report);
            self.plan_replaced(&anchor);
            self.notify(NoticeKind::Info, self.lang.journal_replayed(n));
            effects = self.request_save();
        }
        if let Some((field, text)) = entry.input {
            self.recovered_input = Some((field.clone(), text.clone()));
            self.offer_recovery(field, text);
        }
        effects
    }

    /// What the journal should hold now: the pending edits while they are at
    /// risk (a save failed or waits for the lock, the file is broken), and a
    /// recovered half-typed edit until it is dealt with. Asks the runtime to
    /// write it when that changed.
    pub(super) fn journal_effect(&mut self) -> Option<Effect> {
        if !matches!(self.mode, Mode::Editing(_)) {
            self.recovered_input = None;
        }
        let at_risk = matches!(self.save_state, SaveState::Failed(_))
            || self.waiting_for.is_some()
            || self.disk_error.is_some()
            || self.read_only.is_some();
        let want = Unsaved {
            edits: if at_risk || !self.journaled.is_empty() {
                self.pending.clone()
            } else {
                Vec::new()
            },
            input: self.recovered_input.clone(),
        };
        if want == self.journaled {
            return None;
        }
        self.journaled = want.clone();
        Some(Effect::Journal(want))
    }

    /// Offers a recovered inline edit at start: opens the editor on that
    /// project's field with the text.
    pub(crate) fn offer_recovery(&mut self, field: TextField, text: String) {
        // The editor opens on projects' fields only, so nothing else is typed.
        let edit::Target::Project(project) = field.target() else {
            return;
        };
        let Some(loc) = self.plan.locate(project) else {
            let text = self.lang.removed_by_someone(project);
            self.notify(NoticeKind::Warning, text);
            return;
        };
        self.jump_to(Target::Project(loc));
        if self.editable_project().is_some() {
            self.edit_text(field, Some(text));
        }
        if matches!(self.mode, Mode::Editing(_)) {
            self.notify(NoticeKind::Info, self.lang.ui().recovered.into());
        }
    }
}
