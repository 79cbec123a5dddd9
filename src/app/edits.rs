//! Changing projects: the status picker, the inline editor and committing
//! edits. Undo, redo and same-field conflicts are in `conflict.rs`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

use crate::edit::{self, Change, Edit, TextField};
use crate::keymap::Action;
use crate::plan::Status;
use crate::search::Target;
use crate::text_editor::TextEditor;

use super::{App, Effect, Mode, NoticeKind, Pane};

/// The status picker for one project and year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub project: String,
    pub year: u16,
    pub current: Option<Status>,
    /// Index into [`Status::ALL`].
    pub chosen: usize,
}

/// An inline edit of a text field (today a project's owner or notes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    pub field: TextField,
    pub editor: TextEditor,
    /// The field's value when the editor opened: if it differs on commit,
    /// someone else changed it meanwhile.
    pub base: String,
    /// Whether the editor asks before discarding what was typed (Esc or
    /// Ctrl-c on changed text).
    pub asking: bool,
}

impl Editing {
    /// Whether closing the editor now would lose typed text.
    pub fn is_changed(&self) -> bool {
        self.editor.text() != self.base
    }
}

/// The character a key types, if it is plain typing (no Control or Alt).
pub(super) fn typed_char(key: &KeyEvent) -> Option<char> {
    let chord = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if !chord => Some(c),
        _ => None,
    }
}

impl App {
    /// The selected project's id, focusing the projects pane; `None` (with a
    /// notice) when read-only or no project is selected.
    pub(super) fn editable_project(&mut self) -> Option<String> {
        if self.refuse_when_read_only() {
            return None;
        }
        let Some((_, project)) = self.selected_project() else {
            self.notify(
                NoticeKind::Warning,
                self.lang.ui().no_project_selected.into(),
            );
            return None;
        };
        let id = project.id.clone();
        self.view.focus = Pane::Projects;
        Some(id)
    }

    pub(super) fn open_picker(&mut self) {
        let Some(project) = self.editable_project() else {
            return;
        };
        let current = self
            .plan
            .locate(&project)
            .and_then(|loc| self.plan.project(loc))
            .and_then(|p| p.status_in(self.year));
        let chosen = current
            .and_then(|s| Status::ALL.iter().position(|x| *x == s))
            .unwrap_or(0);
        self.mode = Mode::Picker(Picker {
            project,
            year: self.year,
            current,
            chosen,
        });
    }

    pub(super) fn picker_key(&mut self, action: Option<Action>) -> Vec<Effect> {
        let Mode::Picker(picker) = &mut self.mode else {
            return Vec::new();
        };
        let last = Status::ALL.len() - 1;
        let status = match action {
            Some(Action::Pick(status)) => status,
            Some(Action::Confirm) => Status::ALL[picker.chosen],
            Some(Action::Up) => {
                picker.chosen = picker.chosen.saturating_sub(1);
                return Vec::new();
            }
            Some(Action::Down) => {
                picker.chosen = (picker.chosen + 1).min(last);
                return Vec::new();
            }
            Some(Action::Cancel) => {
                self.mode = Mode::Browse;
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        let (project, year) = (picker.project.clone(), picker.year);
        self.mode = Mode::Browse;
        self.commit(Change::status(&self.plan, &project, year, Some(status)))
    }

    /// Opens the inline editor on a text field of the selected project (`field`
    /// makes it from the project's id), with `text` or the field's current
    /// value. Notes are multi-line; an owner is one line.
    pub(super) fn open_editor(&mut self, field: fn(String) -> TextField, text: Option<String>) {
        if let Some(project) = self.editable_project() {
            self.edit_text(field(project), text);
        }
    }

    /// Opens the inline editor on `field`, with `text` or its current value.
    pub(super) fn edit_text(&mut self, field: TextField, text: Option<String>) {
        let base = field.read(&self.plan).unwrap_or_default().to_string();
        let text = text.unwrap_or_else(|| base.clone());
        self.mode = Mode::Editing(Editing {
            editor: TextEditor::new(&text, field.is_multiline()),
            field,
            base,
            asking: false,
        });
    }

    pub(super) fn editing_key(&mut self, action: Option<Action>, key: &KeyEvent) -> Vec<Effect> {
        let Mode::Editing(editing) = &mut self.mode else {
            return Vec::new();
        };
        if editing.asking {
            match action {
                Some(Action::Yes) => self.mode = Mode::Browse,
                Some(Action::No) => editing.asking = false,
                _ => {}
            }
            return Vec::new();
        }
        match action {
            Some(Action::Confirm) => {
                if let Mode::Editing(editing) = std::mem::replace(&mut self.mode, Mode::Browse) {
                    return self.commit_typed(editing);
                }
            }
            Some(Action::Cancel) if editing.is_changed() => editing.asking = true,
            Some(Action::Cancel) => self.mode = Mode::Browse,
            Some(Action::NewLine) => {
                if !editing.editor.newline() {
                    let text = self.lang.ui().one_line_only.into();
                    self.notify(NoticeKind::Info, text);
                }
            }
            Some(Action::Up) => editing.editor.vertical(true),
            Some(Action::Down) => editing.editor.vertical(false),
            Some(Action::Edit(op)) => editing.editor.apply(op),
            _ => {
                if let Some(c) = typed_char(key) {
                    editing.editor.insert(c);
                }
            }
        }
        Vec::new()
    }

    /// Makes a new edit of `change` (`None` when its item is gone), at the
    /// time of the event being handled: applies it, remembers it for undo and
    /// asks for a save.
    pub(super) fn commit(&mut self, change: Option<Change>) -> Vec<Effect> {
        let Some(change) = change else {
            self.notify(NoticeKind::Warning, self.lang.ui().project_gone.into());
            return Vec::new();
        };
        let edit = Edit::new(change, self.event_time, &self.user);
        if edit.is_noop() {
            return Vec::new();
        }
        self.redo.clear();
        let mut undoable = edit.clone();
        let effects = self.record(edit);
        // An addition goes at the end of the list as it is when saved; undo
        // and redo expect it where it landed.
        if let Change::Add { item, to } = &mut undoable.change
            && let Some(place) = self.plan.place_of(item.kind(), item.id())
        {
            *to = place;
        }
        self.undo.push(undoable);
        effects
    }

    /// True (with a notice) when the plan is read-only.
    pub(super) fn refuse_when_read_only(&mut self) -> bool {
        if self.read_only.is_none() {
            return false;
        }
        self.notify(NoticeKind::Warning, self.lang.ui().read_only_refused.into());
        true
    }

    /// Selects what an edit changes so the user sees it; its title, or `None`
    /// when it no longer exists.
    pub(super) fn reveal(&mut self, target: edit::Target) -> Option<String> {
        if !target.exists_in(&self.plan) {
            return None;
        }
        if let edit::Target::Project(id) = target
            && let Some(loc) = self.plan.locate(id)
        {
            self.jump_to(Target::Project(loc));
        }
        Some(target.title(&self.plan))
    }

    /// Applies an edit to the plan and queues it for saving. The selection
    /// stays on the same items by id; an item the edit put somewhere (moved,
    /// restored, added) is selected.
    pub(super) fn record(&mut self, edit: Edit) -> Vec<Effect> {
        let anchor = self.anchor();
        edit::apply(Arc::make_mut(&mut self.plan), &edit);
        // Search finds texts: a project's are updated in place; a name of a
        // sub-theme or theme (shown with its projects) or a change to where
        // items are has the index built again when a search opens.
        match &edit.change {
            Change::Text { field, .. } => match field.target() {
                edit::Target::Project(id) => {
                    if let Some(loc) = self.plan.locate(id) {
                        Arc::make_mut(&mut self.index).update_project(&self.plan, loc);
                    }
                }
                edit::Target::Plan => {}
                _ => self.index_stale = true,
            },
            Change::Status { .. }
            | Change::Focus { .. }
            | Change::PlanYear { .. }
            | Change::Conflict { .. } => {}
            _ => self.index_stale = true,
        }
        self.plan_changed();
        self.restore(&anchor);
        if let Some((kind, id)) = super::arrange::placed(&edit.change) {
            self.select_item(kind, id);
        }
        self.pending.push(edit);
        self.request_save()
    }
}
