//! The progress view's chart: the share of projects done and in progress at
//! the end of each month of the year shown, for the selected theme or, on the
//! total row, the whole plan. Counted by [`crate::as_of::through_year`] when
//! the view opens, the plan changes or another row is selected; drawing a
//! frame only reads it.

use jiff::tz::TimeZone;

use crate::as_of::{Period, PeriodCounts, through_year};
use crate::plan::Plan;
use crate::report::Scope;
use crate::timestamp::Timestamp;

use super::{App, Mode};

/// The counts the chart draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressChart {
    /// The theme charted, by its index in the plan; the whole plan (or the
    /// focus themes) when `None`.
    pub theme: Option<usize>,
    /// The progress view shows the focus themes only: the total is theirs.
    pub focus_only: bool,
    pub year: u16,
    /// The counts at the end of each month of `year`, January first. A month
    /// that ends after the moment shown is marked `future` and holds the
    /// counts of that moment.
    pub months: Vec<PeriodCounts>,
    /// The moment shown.
    pub now: Timestamp,
}

impl ProgressChart {
    /// The chart of `theme` (when `None` the whole plan, or the focus themes
    /// when `focus_only`) in `year`, as the plan's records have it, with `now`
    /// the moment shown.
    pub(super) fn new(
        plan: &Plan,
        year: u16,
        (theme, focus_only): (Option<usize>, bool),
        (now, zone): (Timestamp, &TimeZone),
    ) -> Self {
        let scope = match theme.and_then(|t| plan.themes.get(t)) {
            Some(t) => Scope::Theme(&t.id),
            None if focus_only => Scope::Focus,
            None => Scope::All,
        };
        ProgressChart {
            theme,
            focus_only,
            year,
            months: through_year(plan, year, Period::Month, &scope, (now, zone)),
            now,
        }
    }

    /// Whether the `i`th month is drawn: it began by the moment shown. A
    /// month that has not ended yet is drawn as it stands at that moment;
    /// months after it are not drawn.
    pub fn is_drawn(&self, i: usize) -> bool {
        let start = match i.checked_sub(1) {
            Some(before) => self.months.get(before).map(|m| Timestamp(m.end.0 + 1)),
            None => Timestamp::parse_date(&format!("{:04}-01-01", self.year)),
        };
        start.is_some_and(|start| start <= self.now)
    }

    /// The last month drawn, if any.
    pub fn latest(&self) -> Option<&PeriodCounts> {
        let drawn = (0..self.months.len()).rev().find(|i| self.is_drawn(*i));
        drawn.map(|i| &self.months[i])
    }
}

impl App {
    /// The moment the plan is shown at: the moment travelled to, or the time
    /// of the key being handled.
    pub(super) fn moment_shown(&self) -> Timestamp {
        self.travel.as_ref().map_or(self.event_time, |t| t.at)
    }

    /// Counts the chart again when the progress view's selected row changed.
    pub(super) fn follow_chart(&mut self) {
        let now = self.moment_shown();
        if let Mode::Summary(s) = &mut self.mode {
            let theme = s.selected_theme();
            let focus = s.focus_only;
            if s.chart.theme != theme || s.chart.year != self.year || s.chart.focus_only != focus {
                let at = (now, &self.zone);
                s.chart = ProgressChart::new(&self.plan, self.year, (theme, focus), at);
            }
        }
    }
}
