//! Drawing the app: a pure function of [`App`] onto a ratatui buffer.
//!
//! [`draw`] renders a frame and places the terminal cursor in the text being
//! edited; the `Widget` impl on `&App` renders without the cursor.

pub mod changes;
mod conflict;
pub mod details;
mod dialogs;
mod footer;
mod header;
pub mod help;
pub mod layout;
mod lists;
mod palette;
mod search;
pub mod summary;
mod text;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Clear, Widget};

use crate::app::{App, Mode};

pub use palette::{Palette, Styles};

/// Below this size only "terminal too small" is shown.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Draws the app into a frame, with the terminal cursor where text is typed.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(app, area);
    if let Some(position) = cursor_position(app, area) {
        frame.set_cursor_position(position);
    }
}

/// Where the terminal cursor belongs on a screen of `area`: in the inline
/// editor or the search line; `None` hides it.
pub fn cursor_position(app: &App, area: Rect) -> Option<Position> {
    if too_small(area) {
        return None;
    }
    match app.mode() {
        Mode::Editing(editing) => {
            let areas = layout::areas(app, area);
            Some(dialogs::editor_cursor(editing, &areas))
        }
        Mode::Search(state) => Some(search::cursor(state, area)),
        _ => None,
    }
}

/// Where the full-screen views go: over the three panes and the details.
fn view_area(areas: &layout::Areas) -> Rect {
    areas.themes.union(areas.details)
}

fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        if too_small(area) {
            dialogs::render_too_small(self, area, buf);
            return;
        }
        let areas = layout::areas(self, area);
        header::render_header(self, areas.header, buf);
        header::render_banner(self, areas.banner, buf);
        lists::render_panes(self, &areas, buf);
        details::render(self, areas.details, buf);
        footer::render(self, areas.footer, buf);
        render_overlay(self, &areas, area, buf);
    }
}

fn render_overlay(app: &App, areas: &layout::Areas, area: Rect, buf: &mut Buffer) {
    let styles = app.palette().styles();
    match app.mode() {
        Mode::Browse | Mode::Quitting => {}
        Mode::Search(state) => search::render(app, state, area, buf),
        Mode::Picker(picker) => dialogs::render_picker(app, picker, area, buf),
        Mode::Editing(editing) => dialogs::render_editor(app, editing, areas, buf),
        Mode::Summary(state) => summary::render(app, state, areas, buf),
        Mode::Changes(state) => changes::render(app, state, areas, buf),
        Mode::Help { scroll } => help::render(app.lang(), &styles, *scroll, area, buf),
        Mode::ConfirmQuit { error } => dialogs::render_confirm_quit(app, error, area, buf),
        Mode::Conflict(choice) => conflict::render(app, choice, area, buf),
    }
}
