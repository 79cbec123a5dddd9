//! Drawing the app: [`Screen`] renders an [`App`] onto a ratatui buffer with
//! the styles it is given, keeping the lists' offsets and the areas it drew in
//! a [`ViewState`] that outlives the frame.
//!
//! [`draw`] renders a frame and places the terminal cursor in the text being
//! edited. After a frame, [`ViewState::viewport`] says what it showed (rows per
//! list, how far texts scroll) and [`ViewState::pointer`] hit-tests the mouse
//! against it; the runtime hands both to the app as plain events.

mod archive;
mod arrange;
mod changes;
mod chart;
mod conflict;
mod details;
mod dialogs;
mod fit;
mod footer;
mod form;
mod header;
mod help;
mod layout;
mod listing;
mod lists;
mod open_conflicts;
mod palette;
mod presence;
mod scroll;
mod search;
mod state;
mod summary;
mod travel;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Clear, ListState, StatefulWidget, TableState, Widget};

use crate::app::{App, Mode};
use crate::view::{Pane, Viewport};

pub use palette::{Palette, Styles};
pub use state::ViewState;

/// Below this size only "terminal too small" is shown.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Draws the app into a frame, with the terminal cursor where text is typed.
pub fn draw(frame: &mut Frame, app: &App, view: &mut ViewState, styles: &Styles) {
    let area = frame.area();
    frame.render_stateful_widget(Screen::new(app, styles), area, view);
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
        Mode::Editing(editing) => Some(dialogs::editor_cursor(editing, &areas(app, area))),
        Mode::Form(f) => form::cursor(f, app, &areas(app, area)),
        Mode::Search(state) => Some(search::cursor(state, area)),
        Mode::Move(state) => Some(arrange::move_cursor(state, area)),
        Mode::DatePrompt(prompt) => Some(travel::prompt_cursor(app, prompt, area)),
        Mode::Listing(state) => Some(listing::cursor(state, &areas(app, area))),
        _ => None,
    }
}

/// The screen's regions for the app on a screen of `area`.
fn areas(app: &App, area: Rect) -> layout::Areas {
    let banner = header::lines_under(app, area.width);
    layout::areas(
        area,
        layout::Heights {
            banner: u16::try_from(banner).unwrap_or(0),
            footer: footer::height(app, area.width),
            projects: app.rows(Pane::Projects),
        },
    )
}

/// Where the full-screen views go: over the three panes and the details.
fn view_area(areas: &layout::Areas) -> Rect {
    areas.themes.union(areas.details)
}

fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The whole screen of an app, drawn with a set of styles.
#[derive(Clone, Copy)]
pub struct Screen<'a> {
    app: &'a App,
    styles: &'a Styles,
}

impl<'a> Screen<'a> {
    pub fn new(app: &'a App, styles: &'a Styles) -> Screen<'a> {
        Screen { app, styles }
    }

    /// The dialog, view or overlay of the app's mode; returns how far the help
    /// can scroll when it is open.
    fn render_overlay(
        self,
        areas: &layout::Areas,
        area: Rect,
        buf: &mut Buffer,
        view: &mut ViewState,
    ) -> u16 {
        let (app, styles) = (self.app, self.styles);
        // A view opens at its top, as if for the first time.
        if !matches!(app.mode(), Mode::Summary(_)) {
            view.summary = TableState::default();
        }
        if !matches!(app.mode(), Mode::Changes(_)) {
            view.changes = ListState::default();
        }
        if !matches!(app.mode(), Mode::Archive(_)) {
            view.archive = ListState::default();
        }
        if !matches!(app.mode(), Mode::OpenConflicts(_)) {
            view.conflicts = ListState::default();
        }
        if !matches!(app.mode(), Mode::Listing(_)) {
            view.listing = ListState::default();
        }
        match app.mode() {
            Mode::Browse | Mode::Quitting => {}
            Mode::Search(state) => search::render(app, styles, state, area, buf),
            Mode::Picker(picker) => dialogs::render_picker(app, styles, picker, area, buf),
            Mode::Editing(editing) => dialogs::render_editor(app, styles, editing, areas, buf),
            Mode::Form(f) => form::render(app, styles, f, areas, buf),
            Mode::Summary(state) => {
                summary::render((app, styles), state, areas, buf, &mut view.summary);
            }
            Mode::Changes(state) => {
                changes::render((app, styles), state, areas, buf, &mut view.changes);
            }
            Mode::Help { scroll } => return help::render(app.lang(), styles, *scroll, area, buf),
            Mode::ConfirmQuit { error } => {
                dialogs::render_confirm_quit(app, styles, error, area, buf);
            }
            Mode::Conflict(choice) => conflict::render(app, styles, choice, area, buf),
            Mode::Move(state) => arrange::render_move(app, styles, state, area, buf),
            Mode::ConfirmArchive(confirm) => {
                arrange::render_archive_confirm(app, styles, confirm, area, buf);
            }
            Mode::Archive(state) => {
                archive::render((app, styles), state, areas, buf, &mut view.archive);
            }
            Mode::OpenConflicts(state) => {
                open_conflicts::render((app, styles), state, areas, buf, &mut view.conflicts);
            }
            Mode::DatePrompt(prompt) => travel::render_prompt(app, styles, prompt, area, buf),
            Mode::Listing(state) => {
                listing::render((app, styles), state, areas, buf, &mut view.listing);
            }
        }
        0
    }
}

impl StatefulWidget for Screen<'_> {
    type State = ViewState;

    fn render(self, area: Rect, buf: &mut Buffer, view: &mut ViewState) {
        let (app, styles) = (self.app, self.styles);
        Clear.render(area, buf);
        if too_small(area) {
            dialogs::render_too_small(app, styles, area, buf);
            view.forget();
            return;
        }
        let areas = areas(app, area);
        header::render_header(app, styles, areas.header, buf);
        header::render_banner(app, styles, areas.banner, buf);
        lists::render_panes(app, styles, &areas, buf, &mut view.panes);
        let details_max = details::render(app, styles, areas.details, buf);
        footer::render(app, styles, areas.footer, buf);
        let help_max = self.render_overlay(&areas, area, buf, view);
        let rows = Pane::ALL.map(|pane| app.rows(pane));
        let viewport = Viewport {
            panes: Pane::ALL.map(|pane| usize::from(layout::inner(areas.pane(pane)).height)),
            summary: summary::rows_shown(app, &areas),
            changes: changes::rows_shown(&areas),
            details_max,
            help_max,
        };
        view.remember(areas, rows, viewport);
    }
}

#[cfg(test)]
mod tests;
