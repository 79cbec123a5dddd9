//! The query's filters: status in a year, owner, focus.

use super::query::Query;
use super::score::{self, Kind};
use super::{Entry, Field, SearchIndex, Target};
use crate::plan::Plan;

impl SearchIndex {
    /// Whether a project passes the query's filters (anything does when there
    /// are none; themes and sub-themes never do when there are).
    pub(super) fn passes(&self, plan: &Plan, q: &Query, entry: &Entry) -> bool {
        if !q.has_filters() {
            return true;
        }
        let Target::Project(loc) = entry.target else {
            return false;
        };
        let (Some(theme), Some(p)) = (plan.themes.get(loc.theme), plan.project(loc)) else {
            return false;
        };
        if q.focus.is_some_and(|f| f != theme.focus) {
            return false;
        }
        let status = p.status_in(q.year);
        let status_ok = if q.statuses.is_empty() {
            !q.year_given || status.is_some()
        } else {
            q.statuses.contains(&status)
        };
        status_ok && (q.owners.is_empty() || !self.owner_matches(entry, q).is_empty())
    }

    /// Where the owner filters' names start a word of the entry's owner: byte
    /// ranges of the buffer.
    pub(super) fn owner_matches(&self, entry: &Entry, q: &Query) -> Vec<(usize, usize)> {
        let Some((start, end)) = entry.field(Field::Owner) else {
            return Vec::new();
        };
        let owner = &self.text[start..end];
        let mut out = Vec::new();
        for name in &q.owners {
            for (at, _) in owner.match_indices(name.as_str()) {
                if matches!(
                    score::kind_at(owner, at, name.len(), name),
                    Kind::Word | Kind::Start
                ) {
                    out.push((start + at, start + at + name.len()));
                }
            }
        }
        out
    }
}
