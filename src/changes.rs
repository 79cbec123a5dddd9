//! Status changes in a time window, from the projects' history: who changed what,
//! when, from which status to which, grouped by theme and in time order within a
//! theme. Rendered as text, Markdown, CSV or JSON by [`write()`].
//!
//! [`recorded`] lists every kind of recorded change in a window (statuses,
//! texts, focus, the plan's year, additions, moves, archiving and restoring),
//! the same data the UI's changes view shows.
//!
//! [`net()`] folds what lists of changes show by default: changes undone
//! within a session, and one person's repeated changes to one field.

mod net;

use jiff::tz::TimeZone;

pub use net::{Net, NetLine, net};

use crate::dates::{DateError, Moment, parse_moment};
use crate::i18n::Lang;
use crate::plan::{HistoryEntry, Plan, Project, Subtheme, Theme};
use crate::timestamp::Timestamp;

/// A half-open time window `[start, end)`, with the moments the user named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub start: Timestamp,
    /// The first second after the window; `None` for "until now".
    pub end: Option<Timestamp>,
    /// What `--since` named: the window starts at its first second.
    pub since: Moment,
    /// What `--until` named: the window ends after its last second.
    pub until: Option<Moment>,
}

impl Window {
    /// Reads `--since` and `--until`, each any date [`parse_moment`] reads
    /// (a day in `zone`, seen from `now`, or a time): the window runs from the
    /// start of `since` through the end of `until`, so a day as `until` is
    /// included whole.
    pub fn parse(
        since: &str,
        until: Option<&str>,
        now: Timestamp,
        zone: &TimeZone,
    ) -> Result<Window, WindowError> {
        let from = parse_moment(since, now, zone).map_err(WindowError::BadSince)?;
        let through = match until {
            None => None,
            Some(text) => Some(parse_moment(text, now, zone).map_err(WindowError::BadUntil)?),
        };
        if through.is_some_and(|t| t.end() < from.start()) {
            return Err(WindowError::Reversed {
                since: since.trim().to_string(),
                until: until.unwrap_or_default().trim().to_string(),
            });
        }
        Ok(Window {
            start: from.start(),
            end: through.map(|t| t.end().plus(1)),
            since: from,
            until: through,
        })
    }

    pub fn contains(&self, t: Timestamp) -> bool {
        t >= self.start && self.end.is_none_or(|end| t < end)
    }
}

/// Why `--since` and `--until` make no window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WindowError {
    BadSince(DateError),
    BadUntil(DateError),
    /// `--until` ends before `--since` starts.
    Reversed {
        since: String,
        until: String,
    },
}

impl WindowError {
    /// The error in `lang`'s words.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WindowError::BadSince(e), _) => lang.bad_date("--since", &lang.date_error(e)),
            (WindowError::BadUntil(e), _) => lang.bad_date("--until", &lang.date_error(e)),
            (WindowError::Reversed { since, until }, Lang::Nl) => {
                format!("--until {until:?} ligt vóór --since {since:?}; daartussen valt niets")
            }
            (WindowError::Reversed { since, until }, Lang::En) => format!(
                "--until {until:?} is before --since {since:?}; nothing can fall in between"
            ),
        }
    }
}

impl std::fmt::Display for WindowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
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

    fn window(since: &str, until: Option<&str>) -> Result<Window, WindowError> {
        let now = at("2026-11-29T12:00:00Z");
        Window::parse(since, until, now, &TimeZone::UTC)
    }

    #[test]
    fn a_date_until_includes_the_whole_day() {
        for (since, until) in [
            ("2026-03-01", "2026-03-31"),
            ("1-3-2026", "31/03/2026"),
            ("1 maart 2026", "31 Mar 2026"),
        ] {
            let w = window(since, Some(until)).unwrap();
            assert!(w.contains(at("2026-03-01T00:00:00Z")), "{since}");
            assert!(w.contains(at("2026-03-31T23:59:59Z")), "{until}");
            assert!(!w.contains(at("2026-02-28T23:59:59Z")), "{since}");
            assert!(!w.contains(at("2026-04-01T00:00:00Z")), "{until}");
        }
    }

    #[test]
    fn days_are_local_days() {
        let amsterdam = TimeZone::get("Europe/Amsterdam").expect("the zone");
        let now = at("2026-11-29T12:00:00Z");
        let w = Window::parse("2026-03-01", Some("2026-03-01"), now, &amsterdam).unwrap();
        assert_eq!(w.start, at("2026-02-28T23:00:00Z"));
        assert_eq!(w.end, Some(at("2026-03-01T23:00:00Z")));
        let w = Window::parse("gisteren", Some("vandaag"), now, &amsterdam).unwrap();
        assert_eq!(w.start, at("2026-11-27T23:00:00Z"));
        assert_eq!(w.end, Some(at("2026-11-29T23:00:00Z")));
    }

    #[test]
    fn a_time_until_includes_that_second_only() {
        let w = window("2026-03-01T12:00:00Z", Some("2026-03-01T13:00:00+01:00")).unwrap();
        assert!(w.contains(at("2026-03-01T12:00:00Z")));
        assert!(!w.contains(at("2026-03-01T12:00:01Z")));
        assert!(!w.contains(at("2026-03-01T11:59:59Z")));
    }

    #[test]
    fn no_until_is_open_ended() {
        let w = window("2026-03-01", None).unwrap();
        assert!(w.contains(at("2099-01-01T00:00:00Z")));
    }

    #[test]
    fn bad_and_reversed_bounds_are_errors_in_both_languages() {
        let e = window("2026-3-1", None).unwrap_err();
        assert_eq!(
            e,
            WindowError::BadSince(DateError::Unreadable("2026-3-1".into()))
        );
        let m = e.message(Lang::En);
        assert!(m.starts_with("--since \"2026-3-1\" is not a date."), "{m}");
        let m = e.message(Lang::Nl);
        assert!(m.starts_with("--since \"2026-3-1\" is geen datum."), "{m}");
        let e = window("2026-03-01", Some("tomorrow")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("--until \"tomorrow\" is not a date."),
            "{e}"
        );
        let e = window("vandaag", Some("gisteren")).unwrap_err();
        assert_eq!(
            e.message(Lang::Nl),
            "--until \"gisteren\" ligt vóór --since \"vandaag\"; daartussen valt niets"
        );
        assert_eq!(
            e.message(Lang::En),
            "--until \"gisteren\" is before --since \"vandaag\"; nothing can fall in between"
        );
        assert!(window("2026-03-01", Some("2026-03-01")).is_ok());
        assert!(window("today", Some("today")).is_ok());
    }
}
