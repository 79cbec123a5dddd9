//! The mouse: a click selects a row (and focuses its pane), the wheel scrolls
//! the pane under the pointer. Hit-testing uses the renderer's own layout.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use crate::keymap::Action;
use crate::ui::layout;

use super::{App, Effect, Mode, Pane};

impl App {
    pub(super) fn on_mouse(&mut self, mouse: MouseEvent) -> Vec<Effect> {
        let at = Position::new(mouse.column, mouse.row);
        match (&self.mode, mouse.kind) {
            (Mode::Help { .. }, MouseEventKind::ScrollUp) => self.help_key(Some(Action::Up)),
            (Mode::Help { .. }, MouseEventKind::ScrollDown) => self.help_key(Some(Action::Down)),
            (Mode::Summary(_) | Mode::Changes(_), MouseEventKind::ScrollUp) => {
                self.view_key(Some(Action::Up));
            }
            (Mode::Summary(_) | Mode::Changes(_), MouseEventKind::ScrollDown) => {
                self.view_key(Some(Action::Down));
            }
            (Mode::Browse, MouseEventKind::Down(MouseButton::Left)) => self.click(at),
            (Mode::Browse, MouseEventKind::ScrollUp) => self.wheel(at, -1),
            (Mode::Browse, MouseEventKind::ScrollDown) => self.wheel(at, 1),
            _ => {}
        }
        Vec::new()
    }

    /// The list pane under a position, with the row under it if it is a row.
    fn hit(&self, at: Position) -> Option<(Pane, Option<usize>)> {
        let areas = self.layout();
        let pane = Pane::ALL
            .into_iter()
            .find(|p| areas.pane(*p).contains(at))?;
        let inner = layout::inner(areas.pane(pane));
        let row = inner
            .contains(at)
            .then(|| self.scroll.lists[pane.index()] + usize::from(at.y - inner.y))
            .filter(|row| *row < self.rows(pane));
        Some((pane, row))
    }

    fn click(&mut self, at: Position) {
        if let Some((pane, row)) = self.hit(at) {
            self.view.focus = pane;
            if let Some(row) = row {
                self.select_row(pane, row);
            }
        }
    }

    fn wheel(&mut self, at: Position, delta: i8) {
        if self.layout().details.contains(at) {
            self.scroll.details = self.scroll.details.saturating_add_signed(i16::from(delta));
        } else if let Some((pane, _)) = self.hit(at) {
            self.move_by(pane, isize::from(delta));
        }
    }
}
