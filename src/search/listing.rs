//! Listing: every project of the plan that passes a filter, in plan order.
//!
//! The filter is a [`Query`]: its filters (status, owner, year, focus) and
//! words, as `/` and `aoplan find` read them; besides those, a theme and a
//! moment since which the project must have changed. Unlike a search, an
//! empty query lists every project, and the order is the plan's, not a rank.

use std::collections::HashMap;

use super::{Query, SearchIndex, Target};
use crate::plan::{Loc, Plan};
use crate::timestamp::Timestamp;

/// What to list besides the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Only the projects of the theme with this index.
    pub theme: Option<usize>,
    /// Only the projects changed at or after this moment.
    pub changed_since: Option<Timestamp>,
}

/// One listed project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    pub loc: Loc,
    /// When it last changed: its status history and the plan's log of texts,
    /// places and archiving; `None` when nothing was recorded.
    pub changed: Option<Timestamp>,
}

/// When each item last changed, by id, from the plan's log.
fn logged_changes(plan: &Plan) -> HashMap<&str, Timestamp> {
    let mut last: HashMap<&str, Timestamp> = HashMap::new();
    for entry in &plan.log {
        let at = last.entry(entry.change.id()).or_insert(entry.at);
        *at = (*at).max(entry.at);
    }
    last
}

impl SearchIndex {
    /// The projects that pass `query` and `scope`, in plan order. A query with
    /// problems lists nothing; one with nothing in it lists every project.
    pub fn list(&self, plan: &Plan, query: &Query, scope: &Scope) -> Vec<Listed> {
        if !query.problems().is_empty() {
            return Vec::new();
        }
        let mut locs: Vec<Loc> = if query.is_empty() {
            plan.projects().map(|(loc, _)| loc).collect()
        } else {
            (self.search(plan, query).into_iter())
                .filter_map(|hit| match hit.target {
                    Target::Project(loc) => Some(loc),
                    _ => None,
                })
                .collect()
        };
        locs.sort_unstable();
        let logged = logged_changes(plan);
        (locs.into_iter())
            .filter(|loc| scope.theme.is_none_or(|t| t == loc.theme))
            .filter_map(|loc| {
                let p = plan.project(loc)?;
                let history = p.history.iter().map(|h| h.at).max();
                let changed = history.max(logged.get(p.id.as_str()).copied());
                Some(Listed { loc, changed })
            })
            .filter(|l| {
                (scope.changed_since).is_none_or(|since| l.changed.is_some_and(|at| at >= since))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Status;

    fn plan() -> Plan {
        crate::codec::parse(include_str!("../../data/activiteitenplan-2026.ron")).unwrap()
    }

    #[test]
    fn an_empty_query_lists_every_project_in_plan_order() {
        let plan = plan();
        let index = SearchIndex::build(&plan);
        let all = index.list(&plan, &Query::parse("", plan.year), &Scope::default());
        assert_eq!(all.len(), plan.project_count());
        assert!(all.windows(2).all(|w| w[0].loc < w[1].loc));
    }

    #[test]
    fn filters_combine_and_keep_plan_order() {
        let plan = plan();
        let index = SearchIndex::build(&plan);
        let mut query = Query::parse("", plan.year);
        query.add_filter("status", "lopend");
        query.add_filter("status", "done");
        query.add_filter("focus", "");
        let listed = index.list(&plan, &query, &Scope::default());
        assert!(!listed.is_empty());
        for l in &listed {
            let p = plan.project(l.loc).unwrap();
            assert!(plan.themes[l.loc.theme].focus);
            assert!(matches!(
                p.status_in(plan.year),
                Some(Status::InProgress | Status::Done)
            ));
        }
        assert!(listed.windows(2).all(|w| w[0].loc < w[1].loc));
        let theme = listed[0].loc.theme;
        let scoped = Scope {
            theme: Some(theme),
            ..Scope::default()
        };
        let in_theme = index.list(&plan, &query, &scoped);
        assert!(in_theme.iter().all(|l| l.loc.theme == theme));
        assert!(in_theme.len() <= listed.len());
    }

    #[test]
    fn changed_since_reads_status_history_and_the_log() {
        use crate::plan::{HistoryEntry, LogEntry, Logged, TextKind};
        let mut plan = plan();
        let at = |s: &str| Timestamp::parse_rfc3339(s).unwrap();
        let locs: Vec<Loc> = plan.projects().map(|(loc, _)| loc).take(3).collect();
        plan.project_mut(locs[0])
            .unwrap()
            .history
            .push(HistoryEntry {
                at: at("2026-11-01T10:00:00Z"),
                by: "zoe".into(),
                year: 2026,
                from: None,
                to: Some(Status::Done),
            });
        let id = plan.project(locs[1]).unwrap().id.clone();
        plan.log.push(LogEntry {
            at: at("2026-11-20T10:00:00Z"),
            by: "jan".into(),
            change: Logged::Text {
                id,
                field: TextKind::Notes,
                from: String::new(),
                to: "x".into(),
            },
        });
        let index = SearchIndex::build(&plan);
        let query = Query::parse("", plan.year);
        let since = |s: &str| Scope {
            changed_since: Some(at(s)),
            ..Scope::default()
        };
        let found = |s: &str| -> Vec<Loc> {
            (index.list(&plan, &query, &since(s)).iter())
                .map(|l| l.loc)
                .collect()
        };
        assert_eq!(found("2026-10-01T00:00:00Z"), vec![locs[0], locs[1]]);
        assert_eq!(found("2026-11-01T10:00:00Z"), vec![locs[0], locs[1]]);
        assert_eq!(found("2026-11-02T00:00:00Z"), vec![locs[1]]);
        assert_eq!(found("2026-12-01T00:00:00Z"), Vec::<Loc>::new());
    }
}
