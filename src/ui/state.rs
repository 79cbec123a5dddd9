//! What the renderer keeps between frames: each list's offset and selection
//! (in ratatui's `ListState` and `TableState`), and what the last frame showed,
//! which mouse hit-testing reads back.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;
use ratatui::widgets::{ListState, TableState};

use crate::view::{Pane, Pointer, Region, Viewport};

use super::layout::{Areas, inner};

/// The renderer's own state, kept by whoever draws (the runtime, a test).
#[derive(Debug, Default)]
pub struct ViewState {
    /// The three list panes, in [`Pane::ALL`] order.
    pub(super) panes: [ListState; 3],
    /// The progress view's table.
    pub(super) summary: TableState,
    /// The recent-changes view's list.
    pub(super) changes: ListState,
    /// The archive view's list.
    pub(super) archive: ListState,
    /// The open conflicts view's list.
    pub(super) conflicts: ListState,
    /// The filter view's list.
    pub(super) listing: ListState,
    /// The last frame's areas, unless it was too small for the panes.
    areas: Option<Areas>,
    /// Rows in each pane in the last frame.
    rows: [usize; 3],
    viewport: Viewport,
}

impl ViewState {
    pub fn new() -> ViewState {
        ViewState::default()
    }

    /// What the last frame showed, for the app's paging and scroll limits.
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// A list pane's state as of the last frame: the first row on screen and the
    /// selected row.
    pub fn pane(&self, pane: Pane) -> &ListState {
        &self.panes[pane.index()]
    }

    /// The progress view's table state as of the last frame.
    pub fn summary(&self) -> &TableState {
        &self.summary
    }

    /// The recent-changes view's list state as of the last frame.
    pub fn changes(&self) -> &ListState {
        &self.changes
    }

    pub(super) fn remember(&mut self, areas: Areas, rows: [usize; 3], viewport: Viewport) {
        self.areas = Some(areas);
        self.rows = rows;
        self.viewport = viewport;
    }

    /// The frame showed no panes (the terminal is too small).
    pub(super) fn forget(&mut self) {
        self.areas = None;
        self.viewport = Viewport::default();
    }

    /// What a mouse event points at in the last frame: a left click on a pane
    /// (and the row under it), or the wheel over a pane, the details or
    /// elsewhere. `None` for other mouse events.
    pub fn pointer(&self, mouse: &MouseEvent) -> Option<Pointer> {
        let at = Position::new(mouse.column, mouse.row);
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let pane = self.pane_at(at)?;
                Some(Pointer::Click {
                    pane,
                    row: self.row_at(pane, at),
                })
            }
            MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => Some(Pointer::Wheel {
                over: self.region_at(at),
                down: mouse.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        }
    }

    fn pane_at(&self, at: Position) -> Option<Pane> {
        let areas = self.areas.as_ref()?;
        Pane::ALL.into_iter().find(|p| areas.pane(*p).contains(at))
    }

    /// The row of a pane under a position, if a row is drawn there.
    fn row_at(&self, pane: Pane, at: Position) -> Option<usize> {
        let inner = inner(self.areas.as_ref()?.pane(pane));
        let offset = self.panes[pane.index()].offset();
        inner
            .contains(at)
            .then(|| offset + usize::from(at.y - inner.y))
            .filter(|row| *row < self.rows[pane.index()])
    }

    fn region_at(&self, at: Position) -> Region {
        match (&self.areas, self.pane_at(at)) {
            (_, Some(pane)) => Region::Pane(pane),
            (Some(areas), None) if areas.details.contains(at) => Region::Details,
            _ => Region::Other,
        }
    }
}
