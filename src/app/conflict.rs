//! Undo, redo, and the same-field conflicts they and the inline editor can
//! meet: a field that someone else changed since this user's edit (or since
//! the editor opened) is never silently overwritten. The dialog shows both
//! values; one key keeps mine, one takes theirs, and either is undoable.
//!
//! Conflicts are found and resolved through the small helpers at the bottom,
//! so that they are the only code that knows how a field's value is read and
//! how an accepted value is recorded.

use crate::edit::{Change, Edit};
use crate::keymap::Action;
use crate::plan::Plan;
use crate::storage::Conflict;

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
        if self.refuse_when_read_only() {
            return Vec::new();
        }
        let Some(edit) = self.undo.pop() else {
            self.notify(NoticeKind::Info, self.lang.ui().nothing_to_undo.into());
            return Vec::new();
        };
        let Some(title) = self.reveal(edit.target()) else {
            self.removed(&edit);
            return Vec::new();
        };
        // Undo expects the value this edit left and puts back the one it replaced.
        if let Some(choice) = changed_by_others(&self.plan, &edit.change.inverse()) {
            self.ask(choice, ConflictOrigin::Undo(edit));
            return Vec::new();
        }
        let inverse = edit.inverse(self.event_time, &self.user);
        let lang = self.lang;
        let text = (lang.undone_structure(&self.plan, &title, &inverse.change))
            .unwrap_or_else(|| lang.undone(&title, &inverse.field(), inverse.change.to()));
        self.notify(NoticeKind::Info, text);
        self.redo.push(edit);
        self.record(inverse)
    }

    pub(super) fn redo(&mut self) -> Vec<Effect> {
        if self.refuse_when_read_only() {
            return Vec::new();
        }
        let Some(edit) = self.redo.pop() else {
            self.notify(NoticeKind::Info, self.lang.ui().nothing_to_redo.into());
            return Vec::new();
        };
        let Some(title) = self.reveal(edit.target()) else {
            self.removed(&edit);
            return Vec::new();
        };
        // Redo expects the value the undo left and sets this edit's value again.
        if let Some(choice) = changed_by_others(&self.plan, &edit.change) {
            self.ask(choice, ConflictOrigin::Redo(edit));
            return Vec::new();
        }
        let again = Edit::new(edit.change.clone(), self.event_time, &self.user);
        let lang = self.lang;
        let text = (lang.redone_structure(&self.plan, &title, &again.change))
            .unwrap_or_else(|| lang.redone(&title, &again.field(), again.change.to()));
        self.notify(NoticeKind::Info, text);
        self.undo.push(again.clone());
        self.record(again)
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
    change
        .rebased(plan)
        .filter(|now| now != change && !now.is_noop())
}
