//! The full-screen views over the whole plan: progress per theme (`p`) and
//! every recorded change (`c`): the statuses from the projects' histories and
//! everything else from the plan's log, with a filter by kind. The archive
//! view (`A`, in `archive_view.rs`) moves through its rows the same way.
//!
//! A view's rows are computed when it opens and again whenever the plan or the
//! year shown changes, so drawing a frame only reads the rows on screen.

pub use crate::changes::NetLine;

use crate::keymap::Action;
use crate::plan::{ChangeKind, Plan, Progress, RecordKey};
use crate::search::Target;
use crate::timestamp::Timestamp;
use jiff::tz::TimeZone;

use super::chart::ProgressChart;
use super::{App, Mode, NoticeKind};

/// The progress view: the counts per theme for the year shown, and the chart
/// of the selected row through the year; every theme, or the focus themes only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryState {
    /// One per row, in plan order.
    pub themes: Vec<Progress>,
    /// Each row's theme, by its index in the plan.
    pub rows: Vec<usize>,
    /// The themes shown together.
    pub total: Progress,
    /// The selected row: a theme (the renderer keeps it on screen), or the
    /// total under them (`themes.len()`).
    pub selected: usize,
    /// Only the focus themes are shown, and totalled, and charted.
    pub focus_only: bool,
    /// The selected theme's progress month by month, or the total's.
    pub chart: ProgressChart,
}

impl SummaryState {
    fn new(
        plan: &Plan,
        year: u16,
        (selected, focus_only): (usize, bool),
        at: (Timestamp, &TimeZone),
    ) -> Self {
        let rows: Vec<usize> = (plan.themes.iter().enumerate())
            .filter(|(_, t)| !focus_only || t.focus)
            .map(|(i, _)| i)
            .collect();
        let themes: Vec<Progress> = rows
            .iter()
            .map(|&i| plan.themes[i].progress(year))
            .collect();
        let theme = rows.get(selected).copied();
        let total = (rows.iter().map(|&i| &plan.themes[i]))
            .flat_map(|t| &t.subthemes)
            .flat_map(|s| &s.projects);
        SummaryState {
            themes,
            total: Progress::of(total, year),
            selected: selected.min(rows.len()),
            chart: ProgressChart::new(plan, year, (theme, focus_only), at),
            rows,
            focus_only,
        }
    }

    /// The selected theme's index in the plan; `None` on the total row.
    pub fn selected_theme(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// The selected row when it is a theme's; `None` on the total row.
    pub fn selected_row(&self) -> Option<usize> {
        (self.selected < self.rows.len()).then_some(self.selected)
    }
}

/// One recorded change: when, and where to find it in the plan. In the net
/// view a change can stand for several (`steps`), the first of them at `first`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRef {
    pub at: Timestamp,
    pub key: RecordKey,
    /// The first change of those this one stands for; `key` when only one.
    pub first: RecordKey,
    pub steps: usize,
}

/// The recent-changes view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangesState {
    /// Newest first.
    pub changes: Vec<ChangeRef>,
    /// The selected change (the renderer keeps it on screen).
    pub selected: usize,
    /// The kind of change shown; every kind when `None`.
    pub filter: Option<ChangeKind>,
    /// Every recorded change; else the net changes ([`crate::changes::net`]).
    pub all: bool,
}

/// Every recorded change of the kind asked for (every kind when `None`),
/// newest first: statuses from the projects' histories and everything else
/// from the plan's log. Of changes made in the same second, the one later in
/// the file (the later edit) comes first. Unless `all`, only the net changes
/// over the whole history.
pub(crate) fn newest_first(plan: &Plan, filter: Option<ChangeKind>, all: bool) -> Vec<ChangeRef> {
    let net = (!all).then(|| crate::changes::net(plan, |_| true));
    (plan.recorded().into_iter())
        .filter(|r| filter.is_none_or(|kind| r.kind() == kind))
        .filter_map(|r| {
            let key = r.key();
            let (first, steps) = match &net {
                None => (key.clone(), 1),
                Some(net) => {
                    let line = net.line(&key)?;
                    (line.first.key(), line.steps)
                }
            };
            Some(ChangeRef {
                at: r.at(),
                key,
                first,
                steps,
            })
        })
        .collect()
}

/// The next filter of the changes view: all, then each kind, then all again.
fn next_filter(filter: Option<ChangeKind>) -> Option<ChangeKind> {
    let all = ChangeKind::ALL;
    match filter {
        None => Some(all[0]),
        Some(kind) => all.iter().skip_while(|k| **k != kind).nth(1).copied(),
    }
}

impl App {
    /// Opens the progress view on the theme selected in the panes.
    pub(super) fn open_summary(&mut self) {
        let selected = self.view.selection.theme;
        let now = self.moment_shown();
        let at = (now, &self.zone);
        self.mode = Mode::Summary(SummaryState::new(
            &self.plan,
            self.year,
            (selected, false),
            at,
        ));
    }

    /// Shows the focus themes only, or every theme again, keeping the selected
    /// theme when it is still shown (else the first), or the total row.
    fn toggle_focus_only(&mut self) {
        let now = self.moment_shown();
        if let Mode::Summary(s) = &self.mode {
            let focus_only = !s.focus_only;
            let row = match s.selected_theme() {
                // The total row: after the themes, however many.
                None => usize::MAX,
                Some(theme) => (self.plan.themes.iter().enumerate())
                    .filter(|(_, t)| !focus_only || t.focus)
                    .position(|(i, _)| i == theme)
                    .unwrap_or(0),
            };
            let at = (now, &self.zone);
            let next = SummaryState::new(&self.plan, self.year, (row, focus_only), at);
            self.mode = Mode::Summary(next);
        }
    }

    /// Opens the recent-changes view on the newest change, of every kind.
    pub(super) fn open_changes(&mut self) {
        self.mode = Mode::Changes(ChangesState {
            changes: newest_first(&self.plan, None, false),
            selected: 0,
            filter: None,
            all: false,
        });
    }

    /// Shows every recorded change, or the net ones again, from the newest.
    fn toggle_all_changes(&mut self) {
        if let Mode::Changes(c) = &mut self.mode {
            c.all = !c.all;
            c.changes = newest_first(&self.plan, c.filter, c.all);
            c.selected = 0;
        }
    }

    /// Shows the next kind of change, from the newest one.
    fn cycle_changes_filter(&mut self) {
        if let Mode::Changes(c) = &mut self.mode {
            c.filter = next_filter(c.filter);
            c.changes = newest_first(&self.plan, c.filter, c.all);
            c.selected = 0;
        }
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
            Some(Action::Filter) => self.cycle_changes_filter(),
            Some(Action::ShowAll) => self.toggle_all_changes(),
            Some(Action::FocusOnly) => self.toggle_focus_only(),
            Some(Action::Cancel) => self.mode = Mode::Browse,
            _ => {}
        }
    }

    fn view_year(&mut self, delta: i32) {
        self.change_year(delta);
        self.refresh_view();
    }

    pub(super) fn move_view(&mut self, delta: isize) {
        if let Some((selected, len)) = self.view_cursor() {
            *selected = selected
                .saturating_add_signed(delta)
                .min(len.saturating_sub(1));
        }
    }

    /// Leaves the view for the panes, on the selected theme or on the item the
    /// selected change is about; an archived item is shown in the archive view.
    fn jump_from_view(&mut self) {
        let subject = match &self.mode {
            Mode::Summary(s) => {
                let target = s.selected_theme().map(Target::Theme);
                self.mode = Mode::Browse;
                if let Some(target) = target {
                    self.jump_to(target);
                }
                return;
            }
            Mode::Changes(c) => (c.changes.get(c.selected))
                .and_then(|change| self.plan.record(&change.key))
                .map(|r| {
                    (
                        self.lang.recorded_subject(&self.plan, &r).0,
                        r.id().to_string(),
                    )
                }),
            _ => None,
        };
        self.mode = Mode::Browse;
        let Some((Some(kind), id)) = subject else {
            return;
        };
        if self.plan.is_live(kind, &id) {
            self.select_item(kind, &id);
        } else if self.plan.is_archived(&id) {
            self.open_archive(Some(&id));
        } else {
            let text = self.lang.arrange().item_gone;
            self.notify(NoticeKind::Warning, text.into());
        }
    }

    /// Computes the open view's rows again, for a changed plan or year; the
    /// selection keeps its place.
    pub(super) fn refresh_view(&mut self) {
        let now = self.moment_shown();
        match &mut self.mode {
            Mode::Summary(s) => {
                let rows = (s.selected, s.focus_only);
                *s = SummaryState::new(&self.plan, self.year, rows, (now, &self.zone));
            }
            Mode::Changes(c) => c.changes = newest_first(&self.plan, c.filter, c.all),
            Mode::Archive(_) => self.refresh_archive(),
            Mode::Listing(_) => self.refresh_listing(),
            Mode::Move(_) | Mode::ConfirmArchive(_) => self.refresh_arrange(),
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
            // The total row comes after the themes.
            Mode::Summary(s) => Some((&mut s.selected, s.themes.len() + 1)),
            Mode::Changes(c) => Some((&mut c.selected, c.changes.len())),
            Mode::Archive(a) => Some((&mut a.selected, a.rows.len())),
            Mode::Listing(l) => Some((&mut l.selected, l.rows.len())),
            Mode::OpenConflicts(c) => Some((&mut c.selected, self.plan.conflicts.len())),
            _ => None,
        }
    }

    /// How many rows of the open view the last frame showed.
    fn view_rows_shown(&self) -> usize {
        match &self.mode {
            Mode::Summary(_) => self.viewport.summary,
            // The archive view lists two-line rows in the same place.
            Mode::Changes(_) | Mode::Archive(_) | Mode::OpenConflicts(_) | Mode::Listing(_) => {
                self.viewport.changes
            }
            _ => 0,
        }
    }
}
