//! The two full-screen views over the whole plan: progress per theme (`p`) and
//! the status changes from every project's history (`c`).
//!
//! A view's rows are computed when it opens and again whenever the plan or the
//! year shown changes, so drawing a frame only reads the rows on screen.

use std::cmp::Reverse;

use crate::keymap::Action;
use crate::plan::{Loc, Plan, Progress};
use crate::search::Target;
use crate::timestamp::Timestamp;

use super::{App, Mode};

/// The progress view: the counts per theme for the year shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryState {
    /// One per theme, in plan order.
    pub themes: Vec<Progress>,
    /// The whole plan.
    pub total: Progress,
    /// The selected theme (the renderer keeps it on screen).
    pub selected: usize,
}

impl SummaryState {
    fn new(plan: &Plan, year: u16, selected: usize) -> SummaryState {
        SummaryState {
            themes: plan.themes.iter().map(|t| t.progress(year)).collect(),
            total: plan.progress(year),
            selected,
        }
    }
}

/// One status change: when, and where to find its project and history entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeRef {
    pub at: Timestamp,
    pub loc: Loc,
    /// Index into the project's history.
    pub entry: usize,
}

/// The recent-changes view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangesState {
    /// Newest first.
    pub changes: Vec<ChangeRef>,
    /// The selected change (the renderer keeps it on screen).
    pub selected: usize,
}

/// Every status change in the plan, newest first. Of changes made in the same
/// second, the one later in the file (the later edit) comes first.
pub(crate) fn newest_first(plan: &Plan) -> Vec<ChangeRef> {
    let mut changes: Vec<ChangeRef> = plan
        .projects()
        .flat_map(|(loc, project)| {
            (project.history.iter().enumerate()).map(move |(entry, e)| ChangeRef {
                at: e.at,
                loc,
                entry,
            })
        })
        .collect();
    changes.reverse();
    changes.sort_by_key(|c| Reverse(c.at));
    changes
}

impl App {
    /// Opens the progress view on the theme selected in the panes.
    pub(super) fn open_summary(&mut self) {
        let selected = self.view.selection.theme;
        self.mode = Mode::Summary(SummaryState::new(&self.plan, self.year, selected));
    }

    /// Opens the recent-changes view on the newest change.
    pub(super) fn open_changes(&mut self) {
        self.mode = Mode::Changes(ChangesState {
            changes: newest_first(&self.plan),
            selected: 0,
        });
    }

    pub(super) fn view_key(&mut self, action: Option<Action>) {
        let page = super::browse::page(self.view_rows_shown());
        match action {
            Some(Action::Up) => self.move_view(-1),
            Some(Action::Down) => self.move_view(1),
            Some(Action::PageUp) => self.move_view(-page),
            Some(Action::PageDown) => self.move_view(page),
            Some(Action::Top) => self.move_view(isize::MIN),
            Some(Action::Bottom) => self.move_view(isize::MAX),
            Some(Action::PrevYear) => self.view_year(-1),
            Some(Action::NextYear) => self.view_year(1),
            Some(Action::Confirm) => self.jump_from_view(),
            Some(Action::Cancel) => self.mode = Mode::Browse,
            _ => {}
        }
    }

    fn view_year(&mut self, delta: i32) {
        self.change_year(delta);
        self.refresh_view();
    }

    fn move_view(&mut self, delta: isize) {
        if let Some((selected, len)) = self.view_cursor() {
            *selected = selected
                .saturating_add_signed(delta)
                .min(len.saturating_sub(1));
        }
    }

    /// Leaves the view for the panes, on the selected theme or change's project.
    fn jump_from_view(&mut self) {
        let target = match &self.mode {
            Mode::Summary(s) => Some(Target::Theme(s.selected)),
            Mode::Changes(c) => c
                .changes
                .get(c.selected)
                .map(|change| Target::Project(change.loc)),
            _ => None,
        };
        self.mode = Mode::Browse;
        if let Some(target) = target {
            self.jump_to(target);
        }
    }

    /// Computes the open view's rows again, for a changed plan or year; the
    /// selection keeps its place.
    pub(super) fn refresh_view(&mut self) {
        match &mut self.mode {
            Mode::Summary(s) => *s = SummaryState::new(&self.plan, self.year, s.selected),
            Mode::Changes(c) => c.changes = newest_first(&self.plan),
            _ => {}
        }
        self.refresh_conflict();
    }

    /// Keeps the open view's selected row in its list; runs after every event,
    /// so after moves and refreshes alike.
    pub(super) fn follow_view(&mut self) {
        if let Some((selected, len)) = self.view_cursor() {
            *selected = (*selected).min(len.saturating_sub(1));
        }
    }

    /// The open view's selected row and number of rows.
    fn view_cursor(&mut self) -> Option<(&mut usize, usize)> {
        match &mut self.mode {
            Mode::Summary(s) => Some((&mut s.selected, s.themes.len())),
            Mode::Changes(c) => Some((&mut c.selected, c.changes.len())),
            _ => None,
        }
    }

    /// How many rows of the open view the last frame showed.
    fn view_rows_shown(&self) -> usize {
        match &self.mode {
            Mode::Summary(_) => self.viewport.summary,
            Mode::Changes(_) => self.viewport.changes,
            _ => 0,
        }
    }
}
