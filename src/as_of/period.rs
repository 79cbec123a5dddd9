//! Status counts at the end of each month or quarter of a plan year.

use std::collections::HashMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::rewind::Rewind;
use super::{skeleton, status_at};
use crate::plan::{Plan, Progress, Project, Theme};
use crate::report::Scope;
use crate::timestamp::Timestamp;

/// How a plan year is divided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Period {
    /// The end of each month
    Month,
    /// The end of each quarter
    Quarter,
}

impl Period {
    /// How many periods a year has.
    pub fn count(self) -> u8 {
        match self {
            Period::Month => 12,
            Period::Quarter => 4,
        }
    }
}

/// The counts at the end of one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodCounts {
    /// The last second of the period.
    pub end: Timestamp,
    /// The month (1–12) or quarter (1–4).
    pub label_index: u8,
    /// The statuses of the live projects in scope at `end`.
    pub progress: Progress,
    /// The period ends after `now`: the counts are those of now.
    pub future: bool,
}

/// The last second of each month or quarter of `year` in `zone`, in order,
/// with its number: a change made late on a month's last day counts in that
/// month, wherever its maker is.
pub fn period_ends(year: u16, period: Period, zone: &TimeZone) -> Vec<(u8, Timestamp)> {
    let months_per = 12 / period.count();
    let january = i16::try_from(year)
        .ok()
        .and_then(|y| Date::new(y, 1, 1).ok());
    (1..=period.count())
        .map(|n| {
            // The period ends where the first day after it starts.
            let after = jiff::Span::new().months(n * months_per);
            let next = (january.and_then(|jan| jan.checked_add(after).ok()))
                .and_then(|first| crate::dates::start_of(first, zone).ok())
                .map_or(i64::MAX, |start| start.0);
            (n, Timestamp(next.saturating_sub(1)))
        })
        .collect()
}

/// Per period end of `year` in `zone` (12 months or 4 quarters), the status counts in
/// `year` of the live projects then, in the themes of `scope` as they were
/// then (a theme id the plan did not have then counts nothing). Counts equal
/// those of [`super::as_of`] at each end, without rebuilding the plan 12 times.
pub fn through_year(
    plan: &Plan,
    year: u16,
    period: Period,
    scope: &Scope,
    (now, zone): (Timestamp, &TimeZone),
) -> Vec<PeriodCounts> {
    let projects: HashMap<&str, &Project> = plan.all_projects().map(|p| (&*p.id, p)).collect();
    let mut then = skeleton(plan);
    let mut rewind = Rewind::new(&plan.log);
    let mut out: Vec<PeriodCounts> = period_ends(year, period, zone)
        .into_iter()
        .rev()
        .map(|(label_index, end)| {
            rewind.to(&mut then, end);
            then.log.clear();
            let mut progress = Progress::default();
            for theme in in_scope(&then, scope) {
                let listed = theme.subthemes.iter().flat_map(|s| &s.projects);
                for p in listed.filter(|p| !rewind.is_unknown(&p.id)) {
                    let full = projects.get(&*p.id).copied().unwrap_or(p);
                    progress.add(status_at(full, year, end));
                }
            }
            PeriodCounts {
                end,
                label_index,
                progress,
                future: end > now,
            }
        })
        .collect();
    out.reverse();
    out
}

/// The live themes of `plan` that `scope` selects.
pub(super) fn in_scope<'p>(plan: &'p Plan, scope: &Scope) -> impl Iterator<Item = &'p Theme> {
    let scope = *scope;
    plan.themes.iter().filter(move |t| match scope {
        Scope::All => true,
        Scope::Focus => t.focus,
        Scope::Theme(id) => t.id == id,
    })
}
