//! The open conflicts view (`C`): every open conflict a git merge left in the
//! plan, in the plan's order. `M` keeps the plan's value and `a` takes the
//! other one (a change like any other, with the conflict closed in the same
//! step), both undoable and saved; `Enter` goes to the conflict's item.

use crate::edit::{Change, Taking, conflict_field, shown, take};
use crate::keymap::Action;
use crate::plan::OpenConflict;

use super::{App, Effect, Mode, NoticeKind};

/// The open conflicts view: its rows are the plan's open conflicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictsState {
    /// The selected conflict (the renderer keeps it on screen).
    pub selected: usize,
}

impl App {
    pub(super) fn open_conflicts_view(&mut self) {
        self.mode = Mode::OpenConflicts(ConflictsState { selected: 0 });
    }

    pub(super) fn conflicts_view_key(&mut self, action: Option<Action>) -> Vec<Effect> {
        match action {
            Some(Action::KeepMine) => return self.settle_selected(false),
            Some(Action::TakeTheirs) => return self.settle_selected(true),
            Some(Action::Confirm) => self.go_to_conflict(),
            _ => self.view_key(action),
        }
        Vec::new()
    }

    /// The selected open conflict.
    fn selected_conflict(&self) -> Option<OpenConflict> {
        let Mode::OpenConflicts(state) = &self.mode else {
            return None;
        };
        self.plan.conflicts.get(state.selected).cloned()
    }

    /// Leaves the view for the conflict's item; an archived one is shown in
    /// the archive view.
    fn go_to_conflict(&mut self) {
        let Some(c) = self.selected_conflict() else {
            return;
        };
        self.mode = Mode::Browse;
        let id = c.field.id();
        match self.plan.kind_of(id) {
            _ if id.is_empty() => {}
            Some(kind) if self.plan.is_live(kind, id) => self.select_item(kind, id),
            Some(_) => self.open_archive(Some(id)),
            None => {
                let text = self.lang.conflicts().item_gone;
                self.notify(NoticeKind::Warning, text.into());
            }
        }
    }

    /// Keeps the plan's value (`taking` false) or takes the other one, and
    /// closes the conflict: one step for undo, one save.
    fn settle_selected(&mut self, taking: bool) -> Vec<Effect> {
        let Some(c) = self.selected_conflict() else {
            return Vec::new();
        };
        if self.refuse_when_read_only() {
            return Vec::new();
        }
        let (Some(on), Some(settle)) = (
            conflict_field(&self.plan, &c),
            Change::settle(&self.plan, &c),
        ) else {
            let text = self.lang.conflicts().item_gone;
            self.notify(NoticeKind::Warning, text.into());
            return Vec::new();
        };
        let mut changes = Vec::new();
        if taking {
            match take(&self.plan, &c) {
                Taking::Change(change) => changes.push(change),
                Taking::Already => {}
                Taking::Impossible => {
                    let text = self.lang.conflict_cannot_take(&c.key());
                    self.notify(NoticeKind::Warning, text);
                    return Vec::new();
                }
            }
        }
        changes.push(settle);
        let title = on.target().title(&self.plan);
        let (kept, other) = shown(&c.field);
        let now = match (taking, take(&self.plan, &c)) {
            (true, _) | (false, Taking::Already) => self.lang.value_text(other),
            (false, Taking::Change(change)) => self.lang.value_text(change.from()),
            (false, Taking::Impossible) => self.lang.value_text(kept),
        };
        let since = self.undo.len();
        let effects = self.in_one_save(|app| {
            let mut effects = Vec::new();
            for change in changes {
                effects.extend(app.commit(Some(change)));
            }
            effects
        });
        self.undo.join_since(since);
        // The view stays open on the next conflict; `record` may have selected
        // the item a taken place put somewhere.
        let text = if taking {
            self.lang.ui_conflict_taken(&title, &on, &now)
        } else {
            self.lang.ui_conflict_kept(&title, &on, &now)
        };
        self.notify(NoticeKind::Info, text);
        effects
    }
}
