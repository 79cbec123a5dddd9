//! The add and edit form: `a` adds a project, sub-theme or theme to the
//! focused pane, `r` edits the selected item's texts. Its fields are edited
//! with the same editor as notes; the status is a choice. Opening and saving
//! are in `save.rs`.

mod save;

pub use save::new_id;

use crossterm::event::KeyEvent;

use crate::keymap::{Action, Context};
use crate::line_editor::EditOp;
use crate::plan::{Kind, Status};
use crate::text_editor::TextEditor;

use super::edits::typed_char;
use super::{App, Effect, Mode, NoticeKind};

/// What a form adds or edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormTarget {
    /// A new item of `kind` in `parent`: a sub-theme's id for a project, a
    /// theme's for a sub-theme, empty for a theme.
    Add { kind: Kind, parent: String },
    /// The texts of an existing item.
    Edit { kind: Kind, id: String },
}

impl FormTarget {
    pub fn kind(&self) -> Kind {
        match self {
            FormTarget::Add { kind, .. } | FormTarget::Edit { kind, .. } => *kind,
        }
    }
}

/// A field of the form. A sub-theme's or theme's name and intro are its
/// `Title` and `Details`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Title,
    Details,
    Owner,
    Status,
}

/// What is wrong with a field, shown next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormProblem {
    /// A title or name is required.
    Empty,
    /// Someone else set the field to this while the form was open; saving
    /// again puts this user's text over it.
    ChangedMeanwhile(String),
}

/// Why the form as a whole could not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    /// The sub-theme or theme to add to is no longer in the plan.
    ParentGone,
    /// The item edited is no longer in the plan.
    ItemGone,
}

/// A text field: its editor and the text it opened with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    pub field: FormField,
    pub editor: TextEditor,
    /// The field's value when the form opened (empty when adding).
    pub base: String,
    pub problem: Option<FormProblem>,
}

impl TextInput {
    pub(super) fn new(field: FormField, base: String) -> TextInput {
        let mut editor = TextEditor::new(&base, field == FormField::Details);
        if field == FormField::Details {
            // Paragraphs are read from their start.
            editor.cursor_to_start();
        }
        TextInput {
            field,
            editor,
            base,
            problem: None,
        }
    }

    pub fn is_changed(&self) -> bool {
        self.editor.text() != self.base
    }
}

/// The status for the year shown, of a new project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusInput {
    pub year: u16,
    pub chosen: Option<Status>,
    pub base: Option<Status>,
}

impl StatusInput {
    /// The next (`by` 1) or previous (`by` -1) choice: no status, then the
    /// five statuses, round.
    fn cycle(&mut self, by: isize) {
        let choices = Status::ALL.len() + 1;
        let now = self
            .chosen
            .and_then(|s| Status::ALL.iter().position(|x| *x == s))
            .map_or(0, |i| i + 1);
        let next = (now + choices).saturating_add_signed(by) % choices;
        self.chosen = next.checked_sub(1).map(|i| Status::ALL[i]);
    }
}

/// The open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub target: FormTarget,
    /// Title, details and (for projects) owner, in that order.
    pub texts: Vec<TextInput>,
    /// A new project's status; after the texts.
    pub status: Option<StatusInput>,
    /// Index of the focused field: the texts, then the status.
    pub focus: usize,
    /// Esc was pressed with typed text: asking whether to discard it.
    pub asking: bool,
    pub error: Option<FormError>,
}

impl Form {
    /// The fields in order.
    pub fn fields(&self) -> Vec<FormField> {
        let texts = self.texts.iter().map(|t| t.field);
        texts
            .chain(self.status.map(|_| FormField::Status))
            .collect()
    }

    pub fn focused(&self) -> FormField {
        self.fields()
            .get(self.focus)
            .copied()
            .unwrap_or(FormField::Title)
    }

    pub fn input(&self, field: FormField) -> Option<&TextInput> {
        self.texts.iter().find(|t| t.field == field)
    }

    fn input_mut(&mut self, field: FormField) -> Option<&mut TextInput> {
        self.texts.iter_mut().find(|t| t.field == field)
    }

    /// The text of a field, as typed (empty when the form has no such field).
    pub fn text(&self, field: FormField) -> String {
        self.input(field)
            .map(|t| t.editor.text())
            .unwrap_or_default()
    }

    /// Whether anything was typed or chosen since the form opened.
    pub fn is_changed(&self) -> bool {
        self.texts.iter().any(TextInput::is_changed)
            || self.status.is_some_and(|s| s.chosen != s.base)
    }

    /// The item being edited, for others to see (`None` while adding).
    pub fn editing(&self) -> Option<(Kind, &str)> {
        match &self.target {
            FormTarget::Edit { kind, id } => Some((*kind, id)),
            FormTarget::Add { .. } => None,
        }
    }

    /// Which bindings of the keymap apply.
    pub fn context(&self) -> Context {
        if self.asking {
            Context::Discard
        } else {
            Context::Form
        }
    }

    /// Marks an empty title or name; true when there is one.
    pub(super) fn check_title(&mut self) -> bool {
        let blank = self.text(FormField::Title).trim().is_empty();
        if let Some(title) = self.input_mut(FormField::Title) {
            if blank {
                title.problem = Some(FormProblem::Empty);
            } else if title.problem == Some(FormProblem::Empty) {
                title.problem = None;
            }
        }
        !blank
    }

    fn move_focus(&mut self, by: isize) {
        let count = self.fields().len();
        self.focus = (self.focus + count).saturating_add_signed(by) % count.max(1);
    }
}

impl App {
    pub(super) fn form_key(&mut self, action: Option<Action>, key: &KeyEvent) -> Vec<Effect> {
        let Mode::Form(form) = &mut self.mode else {
            return Vec::new();
        };
        if form.asking {
            match action {
                Some(Action::Yes) => self.mode = Mode::Browse,
                Some(Action::No) => form.asking = false,
                _ => {}
            }
            return Vec::new();
        }
        let field = form.focused();
        let multiline = field == FormField::Details;
        match action {
            Some(Action::Save) => return self.save_form(),
            Some(Action::Confirm) if !multiline => return self.save_form(),
            Some(Action::Confirm | Action::NewLine) if multiline => {
                if let Some(input) = form.input_mut(field) {
                    input.editor.newline();
                }
            }
            Some(Action::NewLine) => {
                let text = self.lang.form().one_line.into();
                self.notify(NoticeKind::Info, text);
            }
            Some(Action::Cancel) if form.is_changed() => form.asking = true,
            Some(Action::Cancel) => self.mode = Mode::Browse,
            Some(Action::NextField) => form.move_focus(1),
            Some(Action::PrevField) => form.move_focus(-1),
            Some(Action::Up | Action::Down) if multiline => {
                if let Some(input) = form.input_mut(field) {
                    input.editor.vertical(action == Some(Action::Up));
                }
            }
            Some(Action::Up) if form.focus > 0 => form.move_focus(-1),
            Some(Action::Down) if form.focus + 1 < form.fields().len() => form.move_focus(1),
            _ if field == FormField::Status => status_key(form, action),
            _ => text_key(form, action, key),
        }
        Vec::new()
    }
}

/// A key on the status: ←/→ cycle, 1–5 choose, Backspace and Delete clear.
fn status_key(form: &mut Form, action: Option<Action>) {
    let Some(status) = form.status.as_mut() else {
        return;
    };
    match action {
        Some(Action::Edit(EditOp::Left)) => status.cycle(-1),
        Some(Action::Edit(EditOp::Right)) => status.cycle(1),
        Some(Action::Edit(EditOp::Backspace | EditOp::Delete)) => status.chosen = None,
        Some(Action::Pick(s)) => status.chosen = Some(s),
        _ => {}
    }
}

/// A key in a text field: an editing key, or a character typed (digits too).
fn text_key(form: &mut Form, action: Option<Action>, key: &KeyEvent) {
    let Some(input) = form.texts.get_mut(form.focus) else {
        return;
    };
    match action {
        Some(Action::Edit(op)) => input.editor.apply(op),
        _ => match typed_char(key) {
            Some(c) => input.editor.insert(c),
            None => return,
        },
    }
    if input.problem == Some(FormProblem::Empty) {
        input.problem = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_cycles_through_no_status_and_all_five() {
        let mut input = StatusInput {
            year: 2026,
            chosen: None,
            base: None,
        };
        let mut seen = Vec::new();
        for _ in 0..7 {
            input.cycle(1);
            seen.push(input.chosen);
        }
        let mut want: Vec<_> = Status::ALL.into_iter().map(Some).collect();
        want.extend([None, Some(Status::Planned)]);
        assert_eq!(seen, want);
        input.cycle(-1);
        input.cycle(-1);
        assert_eq!(input.chosen, Some(Status::Cancelled));
    }
}
