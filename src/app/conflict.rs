//! Undo, redo, and the same-field conflicts they and the inline editor can
//! meet: a field that someone else changed since this user's edit (or since
//! the editor opened) is never silently overwritten. The dialog shows both
//! values; one key keeps mine, one takes theirs, and either is undoable.
//!
//! Conflicts are found and resolved through the small helpers at the bottom,
//! so that they are the only code that knows how a field's value is read and
//! how an accepted value is recorded.

use crate::edit::{Change, Conflict, Edit};
use crate::keymap::Action;
use crate::plan::Plan;

use super::{App, Editing, Effect, Mode, NoticeKind};

/// A same-field conflict waiting for the user's choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictChoice {
    /// From theirs to mine. Its `to` is this user's value: what undo or redo
    /// would set, or the typed text; "keep mine" makes it as a new edit, so `u`
    /// brings theirs back. Its `from` is the field's value now, as someone else
    /// left it; "take theirs" leaves it and records an undo entry that brings
    /// mine back.
    pub change: Change,
    /// What asked for the change; where `Esc` goes back to.
    pub origin: ConflictOrigin,
}

/// Which way [`App::step`] goes through the edits.
#[derive(Debug, Clone, Copy)]
enum Step {
    Undo,
    Redo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictOrigin {
    /// `u` on this edit; `Esc` puts it back on the undo stack.
    Undo(Edit),
    /// `Ctrl-r` on this edit; `Esc` puts it back on the redo stack.
    Redo(Edit),
    /// `Enter` in the inline editor; `Esc` reopens it with the text.
    Editor(Editing),
}

impl App {
    pub(super) fn undo(&mut self) -> Vec<Effect> {
        self.step(Step::Undo)
    }

    pub(super) fn redo(&mut self) -> Vec<Effect> {
        self.step(Step::Redo)
    }

    /// Undoes the newest edit on the undo stack, or redoes the newest undone one.
    fn step(&mut self, step: Step) -> Vec<Effect> {
        if self.refuse_when_read_only() {
            return Vec::new();
        }
        let ui = self.lang.ui();
        let (stack, nothing) = match step {
            Step::Undo => (&mut self.undo, ui.nothing_to_undo),
            Step::Redo => (&mut self.redo, ui.nothing_to_redo),
        };
        let Some(edit) = stack.pop() else {
            self.notify(NoticeKind::Info, nothing.into());
            return Vec::new();
        };
        let title = match &edit.change {
            // Redoing an addition brings back what is not in the plan now.
            Change::Add { item, .. } => Some(item.title().to_string()),
            _ => self.reveal(edit.target()),
        };
        let Some(title) = title else {
            self.removed(&edit);
            return Vec::new();
        };
        // Undo expects the value this edit left and puts back the one it
        // replaced; redo expects the value the undo left and sets this edit's
        // value again.
        let change = match step {
            Step::Undo => edit.change.inverse(),
            Step::Redo => edit.change.clone(),
        };
        if let Some(choice) = changed_by_others(&self.plan, &change) {
            let origin = match step {
                Step::Undo => ConflictOrigin::Undo(edit),
                Step::Redo => ConflictOrigin::Redo(edit),
            };
            self.ask(choice, origin);
            return Vec::new();
        }
        let made = Edit::new(change, self.event_time, &self.user);
        let (lang, plan) = (self.lang, &self.plan);
        let (field, value) = (made.field(), made.change.to());
        let text = match step {
            Step::Undo => (lang.undone_structure(plan, &title, &made.change))
                .unwrap_or_else(|| lang.undone(&title, &field, value)),
            Step::Redo => (lang.redone_structure(plan, &title, &made.change))
                .unwrap_or_else(|| lang.redone(&title, &field, value)),
        };
        self.notify(NoticeKind::Info, text);
        // A redone addition is selected where it landed.
        let added = match (step, &edit.change) {
            (Step::Redo, Change::Add { item, .. }) => Some((item.kind(), item.id().to_string())),
            _ => None,
        };
        match step {
            // What was undone can be redone.
            Step::Undo => self.redo.push(edit),
            Step::Redo => self.undo.push(made.clone()),
        }
        let effects = self.record(made);
        if let Some((kind, id)) = added {
            self.select_item(kind, &id);
        }
        effects
    }

    fn removed(&mut self, edit: &Edit) {
        let text = self
            .lang
            .removed_by_someone(edit.target().id().unwrap_or_default());
        self.notify(NoticeKind::Warning, text);
    }

    /// Commits the inline editor's text, or asks first when someone else
    /// changed the field since the editor opened.
    pub(super) fn commit_typed(&mut self, editing: Editing) -> Vec<Effect> {
        let mine = Change::Text {
            field: editing.field.clone(),
            from: editing.base.clone(),
            to: editing.editor.text(),
        };
        match changed_by_others(&self.plan, &mine) {
            Some(choice) => {
                self.ask(choice, ConflictOrigin::Editor(editing));
                Vec::new()
            }
            None => self.commit(mine.rebased(&self.plan)),
        }
    }

    fn ask(&mut self, change: Change, origin: ConflictOrigin) {
        self.mode = Mode::Conflict(ConflictChoice { change, origin });
    }

    pub(super) fn conflict_key(&mut self, action: Option<Action>) -> Vec<Effect> {
        if !matches!(
            action,
            Some(Action::KeepMine | Action::TakeTheirs | Action::Cancel)
        ) {
            return Vec::new();
        }
        let Mode::Conflict(choice) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return Vec::new();
        };
        match action {
            Some(Action::KeepMine) => self.keep_mine(choice),
            Some(Action::TakeTheirs) => {
                self.take_theirs(choice);
                Vec::new()
            }
            _ => {
                match choice.origin {
                    ConflictOrigin::Undo(edit) => self.undo.push(edit),
                    ConflictOrigin::Redo(edit) => self.redo.push(edit),
                    ConflictOrigin::Editor(editing) => self.mode = Mode::Editing(editing),
                }
                Vec::new()
            }
        }
    }

    /// Sets mine over theirs as a new edit: `u` brings theirs back.
    fn keep_mine(&mut self, choice: ConflictChoice) -> Vec<Effect> {
        let ConflictChoice { change, origin } = choice;
        let Some(change) = change.rebased(&self.plan) else {
            self.notify(NoticeKind::Warning, self.lang.ui().project_gone.into());
            return Vec::new();
        };
        match origin {
            // Like any undo: what was undone can be redone.
            ConflictOrigin::Undo(undone) => self.redo.push(undone),
            ConflictOrigin::Redo(_) => {}
            ConflictOrigin::Editor(_) => self.redo.clear(),
        }
        if change.is_noop() {
            return Vec::new();
        }
        let title = change.target().title(&self.plan);
        let text = self.lang.kept_mine(&title, &change.field(), change.to());
        self.notify(NoticeKind::Info, text);
        let edit = Edit::new(change, self.event_time, &self.user);
        self.undo.push(edit.clone());
        self.record(edit)
    }

    /// Leaves theirs, and remembers mine on the undo stack: `u` brings it back.
    fn take_theirs(&mut self, choice: ConflictChoice) {
        let ConflictChoice { change, origin } = choice;
        let Some(now) = change.rebased(&self.plan) else {
            self.notify(NoticeKind::Warning, self.lang.ui().project_gone.into());
            return;
        };
        if matches!(origin, ConflictOrigin::Editor(_)) {
            self.redo.clear();
        }
        if now.is_noop() {
            return;
        }
        let title = now.target().title(&self.plan);
        let text = self.lang.took_theirs(&title, &now.field(), now.from());
        self.notify(NoticeKind::Info, text);
        // As if this user had changed the field from mine to theirs, so undoing
        // it sets mine.
        let accepted = Edit::new(now.inverse(), self.event_time, &self.user);
        self.undo.push(accepted);
    }

    /// After a merge in which this user's pending edit overrode someone else's
    /// value: undoing that edit brings their value back, not the one this user
    /// saw before, so it is not silently lost.
    pub(super) fn rebase_undo(&mut self, conflict: &Conflict) {
        let field = conflict.change.field();
        let newest = self.undo.iter_mut().rev().find(|e| e.field() == field);
        if let Some(edit) = newest
            && edit.change.to() == conflict.change.to()
        {
            edit.change.take_from(&conflict.change);
        }
    }

    /// Keeps an open conflict dialog showing the field's value as it is now.
    pub(super) fn refresh_conflict(&mut self) {
        if let Mode::Conflict(choice) = &mut self.mode
            && let Some(now) = choice.change.rebased(&self.plan)
        {
            choice.change = now;
        }
    }
}

/// The change from the field's value now to the one `change` sets, when someone
/// else changed the field: its value is neither the one `change` expects nor
/// the one it would set.
fn changed_by_others(plan: &Plan, change: &Change) -> Option<Change> {
    if matches!(change, Change::Remove { .. }) {
        // Undoing an addition: where the item sits now does not matter, and
        // an item others changed since goes to the archive, not away.
        return None;
    }
    change
        .rebased(plan)
        .filter(|now| now != change && !now.is_noop())
}
