//! Status changes in a time window, from the projects' history: who changed what,
//! when, from which status to which, grouped by theme and in time order within a
//! theme. Rendered as text, Markdown, CSV or JSON by [`write()`].
//!
//! [`recorded`] lists every kind of recorded change in a window (statuses,
//! texts, focus, the plan's year, additions, moves, archiving and restoring),
//! the same data the UI's changes view shows.

use std::fmt;

use crate::date_arg::{self, DayEdge};
use crate::plan::{HistoryEntry, Plan, Project, Subtheme, Theme};
use crate::timestamp::Timestamp;

/// A half-open time window `[start, end)`, with the bounds as the user wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub start: Timestamp,
    /// The first second after the window; `None` for "until now".
    pub end: Option<Timestamp>,
    pub since_text: String,
    pub until_text: Option<String>,
}

impl Window {
    /// Parses `--since` and `--until`: each a date (`2026-03-14`, a UTC day) or an
    /// RFC 3339 time. A date as `until` includes that whole day.
    pub fn parse(since: &str, until: Option<&str>) -> Result<Window, WindowError> {
        let start = date_arg::parse(since, DayEdge::Start)
            .map_err(|_| WindowError::BadSince(since.to_string()))?;
        let end = match until {
            None => None,
            Some(text) => Some(
                date_arg::parse(text, DayEdge::End)
                    .map(|last| Timestamp(last.0 + 1))
                    .map_err(|_| WindowError::BadUntil(text.to_string()))?,
            ),
        };
        if end.is_some_and(|end| end <= start) {
            return Err(WindowError::Reversed {
                since: since.to_string(),
                until: until.unwrap_or_default().to_string(),
            });
        }
        Ok(Window {
            start,
            end,
            since_text: since.to_string(),
            until_text: until.map(str::to_string),
        })
    }

    pub fn contains(&self, t: Timestamp) -> bool {
        t >= self.start && self.end.is_none_or(|end| t < end)
    }
}

/// Why `--since` and `--until` make no window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WindowError {
    BadSince(String),
    BadUntil(String),
    /// `--until` is not after `--since`.
    Reversed {
        since: String,
        until: String,
    },
}

impl fmt::Display for WindowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bad = |f: &mut fmt::Formatter<'_>, flag: &str, value: &str| {
            write!(
                f,
                "--{flag} {value:?} is not a date like 2026-03-14 or a time like 2026-03-14T09:21:05Z"
            )
        };
        match self {
            WindowError::BadSince(value) => bad(f, "since", value),
            WindowError::BadUntil(value) => bad(f, "until", value),
            WindowError::Reversed { since, until } => write!(
                f,
                "--until {until} is before --since {since}; nothing can fall in between"
            ),
        }
    }
}

impl std::error::Error for WindowError {}

/// One status change with where it happened.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    pub at: Timestamp,
    pub entry: &'a HistoryEntry,
    pub subtheme: &'a Subtheme,
    pub project: &'a Project,
}

/// The changes of one theme, oldest first.
#[derive(Debug, Clone)]
pub struct Group<'a> {
    pub theme: &'a Theme,
    pub changes: Vec<Change<'a>>,
}

/// Every change in the window, grouped by theme in plan order; themes without
/// changes are left out. Changes at the same second keep plan order.
pub fn collect<'a>(plan: &'a Plan, window: &Window) -> Vec<Group<'a>> {
    plan.themes
        .iter()
        .map(|theme| {
            let mut changes = theme_changes(theme, window);
            changes.sort_by_key(|c| c.at);
            Group { theme, changes }
        })
        .filter(|g| !g.changes.is_empty())
        .collect()
}

fn theme_changes<'a>(theme: &'a Theme, window: &Window) -> Vec<Change<'a>> {
    let mut changes = Vec::new();
    for subtheme in &theme.subthemes {
        for project in &subtheme.projects {
            for entry in &project.history {
                if window.contains(entry.at) {
                    changes.push(Change {
                        at: entry.at,
                        entry,
                        subtheme,
                        project,
                    });
                }
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).unwrap()
    }

    #[test]
    fn a_date_until_includes_the_whole_day() {
        let w = Window::parse("2026-03-01", Some("2026-03-31")).unwrap();
        assert!(w.contains(at("2026-03-01T00:00:00Z")));
        assert!(w.contains(at("2026-03-31T23:59:59Z")));
        assert!(!w.contains(at("2026-02-28T23:59:59Z")));
        assert!(!w.contains(at("2026-04-01T00:00:00Z")));
    }

    #[test]
    fn a_time_until_includes_that_second_only() {
        let w = Window::parse("2026-03-01T12:00:00Z", Some("2026-03-01T13:00:00+01:00")).unwrap();
        assert!(w.contains(at("2026-03-01T12:00:00Z")));
        assert!(!w.contains(at("2026-03-01T12:00:01Z")));
        assert!(!w.contains(at("2026-03-01T11:59:59Z")));
    }

    #[test]
    fn no_until_is_open_ended() {
        let w = Window::parse("2026-03-01", None).unwrap();
        assert!(w.contains(at("2099-01-01T00:00:00Z")));
    }

    #[test]
    fn bad_and_reversed_bounds_are_errors() {
        let e = Window::parse("2026-3-1", None).unwrap_err().to_string();
        assert!(e.contains("--since \"2026-3-1\""), "{e}");
        let e = Window::parse("2026-03-01", Some("yesterday"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("--until \"yesterday\""), "{e}");
        let e = Window::parse("2026-03-02", Some("2026-03-01"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("before"), "{e}");
        assert!(Window::parse("2026-03-01", Some("2026-03-01")).is_ok());
    }
}
