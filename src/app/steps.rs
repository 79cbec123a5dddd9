//! The undo and redo stacks, in steps: what one action did, one edit or
//! several (a form that changed three fields is one step). `u` undoes a whole
//! step and `Ctrl-r` redoes it, each saved as one save.
//!
//! The stacks hand out single edits ([`Steps::pop`]), so undo, redo and their
//! conflicts work edit by edit; a step is only the count of edits that go
//! together. A conflict met halfway through a step stops there: the edits
//! already undone form one step on the redo stack, the rest stay on the undo
//! stack, and the conflict dialog decides the one in between.

use crate::edit::Edit;

use super::{App, Effect, EffectKind, Mode, NoticeKind};

/// A stack of edits, grouped in steps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Steps {
    edits: Vec<Edit>,
    /// How many edits each step holds, oldest first; they add up to `edits.len()`.
    sizes: Vec<usize>,
}

impl Steps {
    /// Pushes an edit as a step of its own.
    pub(crate) fn push(&mut self, edit: Edit) {
        self.edits.push(edit);
        self.sizes.push(1);
    }

    /// Takes the newest edit off the stack (the last of the newest step).
    pub(crate) fn pop(&mut self) -> Option<Edit> {
        let edit = self.edits.pop()?;
        if let Some(size) = self.sizes.last_mut() {
            *size -= 1;
            if *size == 0 {
                self.sizes.pop();
            }
        }
        Some(edit)
    }

    pub(crate) fn clear(&mut self) {
        self.edits.clear();
        self.sizes.clear();
    }

    /// Every edit, oldest first.
    pub(crate) fn iter_mut(&mut self) -> std::slice::IterMut<'_, Edit> {
        self.edits.iter_mut()
    }

    /// How many steps there are.
    pub(crate) fn len(&self) -> usize {
        self.sizes.len()
    }

    /// How many edits the newest step holds (0 when there is none).
    pub(crate) fn newest(&self) -> usize {
        self.sizes.last().copied().unwrap_or(0)
    }

    /// Makes the steps pushed since there were `since` steps one step.
    pub(crate) fn join_since(&mut self, since: usize) {
        if self.sizes.len() > since + 1 {
            let size = self.sizes.drain(since..).sum();
            self.sizes.push(size);
        }
    }
}

impl App {
    /// `u`: undoes the newest step, all its edits in one save.
    pub(super) fn undo_step(&mut self) -> Vec<Effect> {
        let size = self.undo.newest();
        let since = self.redo.len();
        let effects = self.in_one_save(|app| app.repeat(size, true));
        self.redo.join_since(since);
        effects
    }

    /// `Ctrl-r`: redoes the step undone last, all its edits in one save.
    pub(super) fn redo_step(&mut self) -> Vec<Effect> {
        let size = self.redo.newest();
        let since = self.undo.len();
        let effects = self.in_one_save(|app| app.repeat(size, false));
        self.undo.join_since(since);
        effects
    }

    /// Undoes (or redoes) `times` edits (at least one, so that an empty stack
    /// says so), stopping at a conflict. Their notices become one, unless one
    /// of them warns.
    fn repeat(&mut self, times: usize, undoing: bool) -> Vec<Effect> {
        let notices = self.notices.len();
        let mut effects = Vec::new();
        for _ in 0..times.max(1) {
            let left = self.stack(undoing).edits.len();
            effects.extend(if undoing { self.undo() } else { self.redo() });
            // A conflict asks; read-only refuses (and takes nothing).
            if !matches!(self.mode, Mode::Browse) || self.stack(undoing).edits.len() == left {
                return effects;
            }
        }
        let warned = self.notices[notices..]
            .iter()
            .any(|n| n.kind == NoticeKind::Warning);
        if times > 1 && !warned {
            let title = self
                .pending
                .last()
                .map(|e| e.target().title(&self.plan))
                .unwrap_or_default();
            self.notices.truncate(notices);
            let text = self.lang.form_undone(times, &title, undoing);
            self.notify(NoticeKind::Info, text);
        }
        effects
    }

    fn stack(&self, undo: bool) -> &Steps {
        if undo { &self.undo } else { &self.redo }
    }

    /// Runs `f`, which may record several edits and select what they made,
    /// and asks for one save of them all (rather than a save of the first and
    /// another of the rest), keeping the selection as `f` left it.
    pub(super) fn in_one_save(&mut self, f: impl FnOnce(&mut App) -> Vec<Effect>) -> Vec<Effect> {
        let was_saving = self.in_flight.is_some();
        let effects = f(self);
        if was_saving {
            // The running save is followed by one of everything pending.
            return effects;
        }
        let (saves, mut others): (Vec<Effect>, Vec<Effect>) = effects
            .into_iter()
            .partition(|e| e.kind() == EffectKind::Save);
        if saves.is_empty() {
            return others;
        }
        // The save asked for covers only the first edit and has not run yet:
        // ask again, for all of them.
        self.in_flight = None;
        self.save_again = false;
        others.extend(self.request_save());
        others
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Change, TextField};
    use crate::timestamp::Timestamp;

    fn edit(n: u8) -> Edit {
        let change = Change::Text {
            field: TextField::Owner("p".into()),
            from: String::new(),
            to: n.to_string(),
        };
        Edit::new(change, Timestamp(i64::from(n)), "tester")
    }

    #[test]
    fn steps_hand_out_single_edits_and_keep_groups_together() {
        let mut steps = Steps::default();
        steps.push(edit(1));
        let since = steps.len();
        for n in 2..=4 {
            steps.push(edit(n));
        }
        steps.join_since(since);
        steps.push(edit(5));
        assert_eq!((steps.len(), steps.newest()), (3, 1));
        assert_eq!(steps.pop(), Some(edit(5)));
        assert_eq!((steps.len(), steps.newest()), (2, 3));
        assert_eq!(steps.pop(), Some(edit(4)));
        assert_eq!(steps.newest(), 2, "the rest of the step stays together");
        assert_eq!(steps.pop(), Some(edit(3)));
        assert_eq!(steps.pop(), Some(edit(2)));
        assert_eq!((steps.len(), steps.newest()), (1, 1));
        assert_eq!(steps.pop(), Some(edit(1)));
        assert_eq!((steps.pop(), steps.len(), steps.newest()), (None, 0, 0));
    }

    #[test]
    fn joining_one_step_or_none_changes_nothing() {
        let mut steps = Steps::default();
        steps.push(edit(1));
        steps.join_since(1);
        steps.join_since(0);
        assert_eq!((steps.len(), steps.newest()), (1, 1));
        steps.push(edit(2));
        steps.join_since(0);
        assert_eq!((steps.len(), steps.newest()), (1, 2));
    }
}
