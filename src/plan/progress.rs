//! Counts of projects per status, for the plan, a theme or a sub-theme.

use super::{Project, Status};

/// Counts of projects per status for one plan year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Indexed like [`Status::ALL`].
    pub by_status: [usize; 5],
    /// Projects with no status for the year.
    pub unset: usize,
}

impl Progress {
    /// The counts of `projects`' statuses in `year`.
    pub fn of<'a>(projects: impl IntoIterator<Item = &'a Project>, year: u16) -> Progress {
        let mut p = Progress::default();
        for project in projects {
            p.add(project.status_in(year));
        }
        p
    }

    pub fn add(&mut self, status: Option<Status>) {
        match status {
            Some(s) => self.by_status[s as usize] += 1,
            None => self.unset += 1,
        }
    }
    pub fn count(&self, status: Status) -> usize {
        self.by_status[status as usize]
    }
    pub fn total(&self) -> usize {
        self.by_status.iter().sum::<usize>() + self.unset
    }
    pub fn done(&self) -> usize {
        self.count(Status::Done)
    }
    /// Whole percent done, rounded down; 0 for an empty set.
    pub fn percent_done(&self) -> usize {
        (self.done() * 100).checked_div(self.total()).unwrap_or(0)
    }
}
