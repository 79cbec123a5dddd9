//! The mouse: a click selects a row (and focuses its pane), the wheel scrolls
//! the pane under the pointer. The runtime hit-tests against the last frame, so
//! the app hears only which pane and row.

use crate::keymap::Action;
use crate::view::{Pointer, Region};

use super::{App, Effect, Mode};

impl App {
    pub(super) fn on_pointer(&mut self, pointer: Pointer) -> Vec<Effect> {
        let wheel = |down: bool| Some(if down { Action::Down } else { Action::Up });
        match (&self.mode, pointer) {
            (Mode::Help { .. }, Pointer::Wheel { down, .. }) => self.help_key(wheel(down)),
            (
                Mode::Summary(_)
                | Mode::Changes(_)
                | Mode::Archive(_)
                | Mode::OpenConflicts(_)
                | Mode::Listing(_),
                Pointer::Wheel { down, .. },
            ) => {
                self.view_key(wheel(down));
            }
            (Mode::Browse, Pointer::Click { pane, row }) => {
                self.view.focus = pane;
                if let Some(row) = row.filter(|row| *row < self.rows(pane)) {
                    self.select_row(pane, row);
                }
            }
            (Mode::Browse, Pointer::Wheel { over, down }) => {
                let delta: i8 = if down { 1 } else { -1 };
                match over {
                    Region::Details => {
                        let scroll = self.details_scroll.saturating_add_signed(i16::from(delta));
                        self.details_scroll = scroll;
                    }
                    Region::Pane(pane) => self.move_by(pane, isize::from(delta)),
                    Region::Other => {}
                }
            }
            _ => {}
        }
        Vec::new()
    }
}
