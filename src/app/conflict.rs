//! Undo, redo, and the same-field conflicts they and the inline editor can
//! meet: a field that someone else changed since this user's edit (or since
//! the editor opened) is never silently overwritten. The dialog shows both
//! values; one key keeps mine, one takes theirs, and either is undoable.
//!
//! Conflicts are found and resolved through the small helpers at the bottom,
//! so that they are the only code that knows how a field's value is read and
//! how an accepted value is recorded.

use crate::edit::{self, Edit, Field, Value};
use crate::keymap::Action;
use crate::plan::Plan;
use crate::storage::Conflict;
use crate::timestamp::Timestamp;

use super::{App, Editing, Effect, Mode, NoticeKind};

/// A same-field conflict waiting for the user's choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictChoice {
    pub project: String,
    pub field: Field,
    /// This user's value: what undo or redo would set, or the typed text.
    /// "Keep mine" sets it as a new edit, so `u` brings theirs back.
    pub mine: Value,
    /// The field's value now, as someone else left it. "Take theirs" leaves it
    /// and records an undo entry that brings mine back.
    pub theirs: Value,
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
        let Some(title) = self.reveal(&edit.project) else {
            let text = self.lang.removed_by_someone(&edit.project);
            self.notify(NoticeKind::Warning, text);
            return Vec::new();
        };
        // Undo expects the value this edit left and puts back the one it replaced.
        if let Some(theirs) = changed_by_others(
            &self.plan,
            (&edit.project, edit.field),
            &edit.after,
            &edit.before,
        ) {
            self.ask(edit.before.clone(), theirs, ConflictOrigin::Undo(edit));
            return Vec::new();
        }
        let inverse = edit.inverse(&self.user);
        let text = self.lang.undone(&title, edit.field, &inverse.after);
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
        let Some(title) = self.reveal(&edit.project) else {
            let text = self.lang.removed_by_someone(&edit.project);
            self.notify(NoticeKind::Warning, text);
            return Vec::new();
        };
        // Redo expects the value the undo left and sets this edit's value again.
        if let Some(theirs) = changed_by_others(
            &self.plan,
            (&edit.project, edit.field),
            &edit.before,
            &edit.after,
        ) {
            self.ask(edit.after.clone(), theirs, ConflictOrigin::Redo(edit));
            return Vec::new();
        }
        let again = edit.inverse(&self.user).inverse(&self.user);
        let text = self.lang.redone(&title, edit.field, &again.after);
        self.notify(NoticeKind::Info, text);
        self.undo.push(again.clone());
        self.record(again)
    }

    /// Commits the inline editor's text, or asks first when someone else
    /// changed the field since the editor opened.
    pub(super) fn commit_typed(&mut self, editing: Editing) -> Vec<Effect> {
        let (project, field) = (editing.project.clone(), editing.field);
        let mine = Value::Text(editing.editor.text());
        match changed_by_others(&self.plan, (&project, field), &editing.base, &mine) {
            Some(theirs) => {
                self.ask(mine, theirs, ConflictOrigin::Editor(editing));
                Vec::new()
            }
            None => self.commit(&project, field, mine),
        }
    }

    fn ask(&mut self, mine: Value, theirs: Value, origin: ConflictOrigin) {
        let (project, field) = match &origin {
            ConflictOrigin::Undo(e) | ConflictOrigin::Redo(e) => (e.project.clone(), e.field),
            ConflictOrigin::Editor(e) => (e.project.clone(), e.field),
        };
        self.mode = Mode::Conflict(ConflictChoice {
            project,
            field,
            mine,
            theirs,
            origin,
        });
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
        let ConflictChoice {
            project,
            field,
            mine,
            origin,
            ..
        } = choice;
        let Some(edit) = Edit::new(&self.plan, &project, field, mine, &self.user) else {
            self.notify(NoticeKind::Warning, self.lang.ui().project_gone.into());
            return Vec::new();
        };
        match origin {
            // Like any undo: what was undone can be redone.
            ConflictOrigin::Undo(undone) => self.redo.push(undone),
            ConflictOrigin::Redo(_) => {}
            ConflictOrigin::Editor(_) => self.redo.clear(),
        }
        if edit.is_noop() {
            return Vec::new();
        }
        let text = self
            .lang
            .kept_mine(&title(&self.plan, &project), field, &edit.after);
        self.notify(NoticeKind::Info, text);
        self.undo.push(edit.clone());
        self.record(edit)
    }

    /// Leaves theirs, and remembers mine on the undo stack: `u` brings it back.
    fn take_theirs(&mut self, choice: ConflictChoice) {
        let ConflictChoice {
            project,
            field,
            mine,
            origin,
            ..
        } = choice;
        let Some(theirs) = edit::current(&self.plan, &project, field) else {
            self.notify(NoticeKind::Warning, self.lang.ui().project_gone.into());
            return;
        };
        if matches!(origin, ConflictOrigin::Editor(_)) {
            self.redo.clear();
        }
        if theirs == mine {
            return;
        }
        let text = self
            .lang
            .took_theirs(&title(&self.plan, &project), field, &theirs);
        self.notify(NoticeKind::Info, text);
        self.undo
            .push(accepted(&project, field, mine, theirs, &self.user));
    }

    /// After a merge in which this user's pending edit overrode someone else's
    /// value: undoing that edit brings their value back, not the one this user
    /// saw before, so it is not silently lost.
    pub(super) fn rebase_undo(&mut self, conflict: &Conflict) {
        let newest = self
            .undo
            .iter_mut()
            .rev()
            .find(|e| e.project == conflict.project && e.field == conflict.field);
        if let Some(edit) = newest
            && edit.after == conflict.ours
        {
            edit.before = conflict.theirs.clone();
        }
    }

    /// Keeps an open conflict dialog showing the field's value as it is now.
    pub(super) fn refresh_conflict(&mut self) {
        if let Mode::Conflict(choice) = &mut self.mode
            && let Some(now) = edit::current(&self.plan, &choice.project, choice.field)
        {
            choice.theirs = now;
        }
    }
}

/// The field's value, when someone else changed it: it is neither the value
/// this user's change expects to find nor the one it would set.
fn changed_by_others(
    plan: &Plan,
    (project, field): (&str, Field),
    expected: &Value,
    mine: &Value,
) -> Option<Value> {
    edit::current(plan, project, field).filter(|now| now != expected && now != mine)
}

/// A project's title for messages, or its id when it is gone.
fn title(plan: &Plan, id: &str) -> String {
    plan.locate(id)
        .and_then(|loc| plan.project(loc))
        .map_or_else(|| id.to_string(), |p| p.title.clone())
}

/// The undo entry for "take theirs": as if this user had changed the field
/// from mine to theirs, so undoing it sets mine.
fn accepted(project: &str, field: Field, mine: Value, theirs: Value, by: &str) -> Edit {
    Edit {
        project: project.to_string(),
        field,
        before: mine,
        after: theirs,
        at: Timestamp::now(),
        by: by.to_string(),
    }
}
