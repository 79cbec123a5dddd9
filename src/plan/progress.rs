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
    /// The projects that count towards the share done: all but the cancelled
    /// ones, which will never be done.
    pub fn counted(&self) -> usize {
        self.total() - self.count(Status::Cancelled)
    }
    /// Whole percent done of the projects that count ([`Progress::counted`]),
    /// rounded down; 0 when none count.
    pub fn percent_done(&self) -> usize {
        (self.done() * 100).checked_div(self.counted()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::{Progress, Status};

    #[test]
    fn cancelled_projects_do_not_count_against_the_share_done() {
        let mut p = Progress::default();
        p.add(Some(Status::Done));
        p.add(Some(Status::Cancelled));
        assert_eq!((p.total(), p.counted(), p.percent_done()), (2, 1, 100));
        p.add(Some(Status::InProgress));
        p.add(None);
        assert_eq!((p.counted(), p.percent_done()), (3, 33));
        let mut all_cancelled = Progress::default();
        all_cancelled.add(Some(Status::Cancelled));
        assert_eq!(all_cancelled.percent_done(), 0);
    }
}
