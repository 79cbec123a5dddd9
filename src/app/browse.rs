//! Keys in the main view, the help overlay and the quit confirmation.

use crate::keymap::Action;
use crate::plan::YEARS;

use super::{App, Effect, Mode, Pane};

impl App {
    pub(super) fn browse(&mut self, action: Action) -> Vec<Effect> {
        let focus = self.view.focus;
        match action {
            Action::Up => self.move_by(focus, -1),
            Action::Down => self.move_by(focus, 1),
            Action::Top => self.move_by(focus, isize::MIN),
            Action::Bottom => self.move_by(focus, isize::MAX),
            Action::PageUp => self.move_by(focus, -self.page(focus)),
            Action::PageDown => self.move_by(focus, self.page(focus)),
            Action::PaneLeft => self.view.focus = focus.left().unwrap_or(focus),
            Action::PaneRight | Action::Deeper => self.view.focus = focus.right().unwrap_or(focus),
            Action::NextPane => self.view.focus = focus.right().unwrap_or(Pane::Themes),
            Action::PrevPane => self.view.focus = focus.left().unwrap_or(Pane::Projects),
            Action::Focus(pane) => self.view.focus = pane,
            Action::DetailsUp => self.details_scroll = self.details_scroll.saturating_sub(1),
            Action::DetailsDown => self.details_scroll = self.details_scroll.saturating_add(1),
            Action::Search => self.open_search(),
            Action::Status => self.open_picker(),
            Action::EditNotes => self.open_editor(crate::edit::TextField::Notes, None),
            Action::EditOwner => self.open_editor(crate::edit::TextField::Owner, None),
            Action::PrevYear => self.change_year(-1),
            Action::NextYear => self.change_year(1),
            Action::Filter => {
                self.view.filter = self.view.filter.next();
                self.normalize();
            }
            Action::Undo => return self.undo_step(),
            Action::Redo => return self.redo_step(),
            Action::Add => self.open_add_form(),
            Action::EditItem => self.open_edit_form(),
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Summary => self.open_summary(),
            Action::Changes => self.open_changes(),
            Action::MoveItem => self.open_move(),
            Action::ArchiveItem => self.ask_archive(),
            Action::ToggleFocus => return self.toggle_focus(),
            Action::ReorderUp => return self.reorder(-1),
            Action::ReorderDown => return self.reorder(1),
            Action::Archive => self.open_archive(None),
            Action::ListView => self.open_listing("", false),
            Action::Mine => self.open_mine(),
            Action::OpenConflicts => self.open_conflicts_view(),
            Action::TimeTravel => self.open_date_prompt(),
            Action::Today => self.back_to_today(),
            Action::Quit => return self.quit(),
            _ => {}
        }
        Vec::new()
    }

    /// Rows to move for PgUp/PgDn: one less than the pane showed, at least one.
    fn page(&self, pane: Pane) -> isize {
        page(self.viewport.panes[pane.index()])
    }

    pub(super) fn change_year(&mut self, delta: i32) {
        let year = i32::from(self.year) + delta;
        if let Ok(year) = u16::try_from(year)
            && YEARS.contains(&year)
        {
            self.year = year;
        }
        self.plan_changed();
        self.normalize();
    }

    pub(super) fn help_key(&mut self, action: Option<Action>) {
        let Mode::Help { scroll } = &mut self.mode else {
            return;
        };
        match action {
            Some(Action::Cancel) => self.mode = Mode::Browse,
            Some(Action::Up) => *scroll = scroll.saturating_sub(1),
            Some(Action::Down) => *scroll = scroll.saturating_add(1),
            Some(Action::PageUp) => *scroll = scroll.saturating_sub(10),
            Some(Action::PageDown) => *scroll = scroll.saturating_add(10),
            _ => {}
        }
    }

    pub(super) fn confirm_key(&mut self, action: Option<Action>) -> Vec<Effect> {
        match (&self.mode, action) {
            (Mode::ConfirmQuit { .. }, Some(Action::Yes)) => vec![Effect::Quit],
            (_, Some(Action::No)) => {
                self.mode = Mode::Browse;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

/// Rows to move for PgUp/PgDn in a list that shows `shown` rows: one less, at
/// least one.
pub(super) fn page(shown: usize) -> isize {
    isize::try_from(shown.saturating_sub(1).max(1)).unwrap_or(1)
}
