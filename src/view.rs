//! What the user looks at, as plain data shared by the key bindings, the state
//! machine and the renderer: the panes, the status filter, the selection, and
//! the numbers and pointer targets the renderer reports back from the last frame.
//! It knows nothing of them, so none of them depends on another through it.

use crate::plan::{Loc, Status};

/// The three list panes, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pane {
    #[default]
    Themes,
    Subthemes,
    Projects,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Themes, Pane::Subthemes, Pane::Projects];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The pane to the right, if any.
    pub fn right(self) -> Option<Pane> {
        Pane::ALL.get(self.index() + 1).copied()
    }

    /// The pane to the left, if any.
    pub fn left(self) -> Option<Pane> {
        self.index().checked_sub(1).map(|i| Pane::ALL[i])
    }
}

/// Which projects the projects pane shows, by their status in the year shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    /// Not finished: no status, planned, in progress or on hold.
    Open,
    Only(Status),
}

impl Filter {
    /// The next filter in the cycle: all → open → each status → all.
    pub fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Open,
            Filter::Open => Filter::Only(Status::ALL[0]),
            Filter::Only(s) => match Status::ALL.iter().position(|x| *x == s) {
                Some(i) if i + 1 < Status::ALL.len() => Filter::Only(Status::ALL[i + 1]),
                _ => Filter::All,
            },
        }
    }

    pub fn accepts(self, status: Option<Status>) -> bool {
        match self {
            Filter::All => true,
            Filter::Open => status.is_none_or(Status::is_open),
            Filter::Only(s) => status == Some(s),
        }
    }
}

/// The selected theme, sub-theme and project, as indices into the plan. The
/// project index is into the sub-theme's projects, not the filtered list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selection {
    pub theme: usize,
    pub subtheme: usize,
    pub project: usize,
}

impl Selection {
    /// The selected project's place (which may be empty or filtered out).
    pub fn loc(self) -> Loc {
        Loc {
            theme: self.theme,
            subtheme: self.subtheme,
            project: self.project,
        }
    }
}

impl From<Loc> for Selection {
    fn from(loc: Loc) -> Selection {
        Selection {
            theme: loc.theme,
            subtheme: loc.subtheme,
            project: loc.project,
        }
    }
}

/// What the user looks at: restored as a whole when a search is cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    pub selection: Selection,
    pub focus: Pane,
    pub filter: Filter,
}

/// What the last frame showed, as plain numbers: the rows each list shows (for
/// page up and down) and how far the scrolled texts can scroll. The renderer
/// measures it; the app hears of it with each new frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    /// Rows each list pane shows, in [`Pane::ALL`] order.
    pub panes: [usize; 3],
    /// Themes the progress view shows.
    pub summary: usize,
    /// Changes the recent-changes view shows.
    pub changes: usize,
    /// How far the details can scroll.
    pub details_max: u16,
    /// How far the help can scroll.
    pub help_max: u16,
}

/// Where on the screen the pointer is, as far as the app cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    Pane(Pane),
    Details,
    /// Anywhere else.
    Other,
}

/// A mouse action, hit-tested by the renderer against the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// A left click on a list pane: on one of its rows (an index into all the
    /// pane's rows, not just those on screen), or on its frame or empty space.
    Click { pane: Pane, row: Option<usize> },
    /// The wheel, one step.
    Wheel { over: Region, down: bool },
}
