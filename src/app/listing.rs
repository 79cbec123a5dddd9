//! The filter view (`F`, and `M` for "my projects"): every project of the
//! plan that passes a filter, in plan order, with its breadcrumb. The filter
//! is typed in the search's syntax (`status:lopend eigenaar:zoë focus
//! jaar:2027`, words, `"phrases"`) plus `sinds:DATE` / `since:DATE` (the dates
//! `changes --since` reads; quote one with spaces: `sinds:"vorige week"`).
//! `Tab` goes over to the search with the same text, and the search's `Tab`
//! comes here; `Enter` shows the chosen project in the panes.

use crossterm::event::KeyEvent;

use crate::dates;
use crate::keymap::{self, Action};
use crate::line_editor::LineEditor;
use crate::plan::{Loc, Status};
use crate::search::{Listed, Query, Scope, SearchIndex, Target};

use super::edits::typed_char;
use super::{App, Effect, Mode};

/// The filter view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingState {
    pub input: LineEditor,
    /// The projects that pass, in plan order.
    pub rows: Vec<Listed>,
    pub selected: usize,
    /// Why the filter cannot be run as typed, in the UI's language.
    pub problem: Option<String>,
    /// Opened as "my projects", and the filter not changed since.
    pub mine: bool,
}

impl ListingState {
    pub fn chosen(&self) -> Option<Loc> {
        self.rows.get(self.selected).map(|l| l.loc)
    }
}

/// The `sinds:`/`since:` value of a filter, and the filter without it.
pub(crate) fn split_since(text: &str) -> (String, Option<String>) {
    let mut rest: Vec<&str> = Vec::new();
    let mut since = None;
    let mut words = text.split(' ').filter(|w| !w.is_empty());
    while let Some(word) = words.next() {
        let lower = word.to_lowercase();
        let Some(value) = ["sinds:", "since:"]
            .iter()
            .find_map(|key| lower.starts_with(key).then(|| &word[key.len()..]))
        else {
            rest.push(word);
            continue;
        };
        let value = match value.strip_prefix('"') {
            Some(open) if !open.ends_with('"') || open.is_empty() => {
                let mut parts = vec![open.to_string()];
                for more in words.by_ref() {
                    let end = more.strip_suffix('"');
                    parts.push(end.unwrap_or(more).to_string());
                    if end.is_some() {
                        break;
                    }
                }
                parts.join(" ")
            }
            Some(closed) => closed.trim_end_matches('"').to_string(),
            None => value.to_string(),
        };
        since = Some(value);
    }
    (rest.join(" "), since)
}

impl App {
    /// Opens the filter view on `filter`.
    pub(super) fn open_listing(&mut self, filter: &str, mine: bool) {
        if std::mem::take(&mut self.index_stale) {
            self.index = std::sync::Arc::new(SearchIndex::build(&self.plan));
        }
        self.mode = Mode::Listing(ListingState {
            input: LineEditor::new(filter),
            rows: Vec::new(),
            selected: 0,
            problem: None,
            mine,
        });
        self.refresh_listing();
    }

    /// "My projects": the owner is this user, by the configured name or the
    /// login name ([`App::with_me`]).
    pub(super) fn open_mine(&mut self) {
        let me: String = self.me.chars().filter(|c| *c != '"').collect();
        self.open_listing(&format!("eigenaar:\"{}\"", me.trim()), true);
    }

    pub(super) fn listing_key(&mut self, action: Option<Action>, key: &KeyEvent) -> Vec<Effect> {
        let Mode::Listing(state) = &mut self.mode else {
            return Vec::new();
        };
        match action {
            Some(Action::Up | Action::Down | Action::PageUp | Action::PageDown) => {
                self.view_key(action);
            }
            Some(Action::Confirm) => {
                let chosen = state.chosen();
                self.mode = Mode::Browse;
                if let Some(loc) = chosen {
                    self.jump_to(Target::Project(loc));
                }
                self.normalize();
            }
            Some(Action::Cancel) => self.mode = Mode::Browse,
            Some(Action::AsSearch) => {
                let text = state.input.text().to_string();
                return self.open_search_with(&text);
            }
            _ => {
                match (keymap::editor_op(key), typed_char(key)) {
                    (Some(op), _) => state.input.apply(op),
                    (None, Some(c)) => state.input.insert(c),
                    (None, None) => return Vec::new(),
                }
                state.mine = false;
                state.selected = 0;
                self.refresh_listing();
            }
        }
        Vec::new()
    }

    /// Lists again for the filter as typed, a changed plan or year; the
    /// selection stays on the same project where it can.
    pub(super) fn refresh_listing(&mut self) {
        if std::mem::take(&mut self.index_stale) {
            self.index = std::sync::Arc::new(SearchIndex::build(&self.plan));
        }
        let Mode::Listing(state) = &mut self.mode else {
            return;
        };
        let (rest, since) = split_since(state.input.text());
        let query = Query::parse(&rest, self.year);
        let mut problem = query.problems().first().map(|p| p.text(self.lang));
        let changed_since = match since.as_deref().map(str::trim) {
            Some("") => {
                problem.get_or_insert_with(|| self.lang.filter_needs_value("sinds"));
                None
            }
            Some(text) => match dates::parse_moment(text, self.event_time, &self.zone) {
                Ok(moment) => Some(moment.start()),
                Err(e) => {
                    problem.get_or_insert_with(|| self.lang.date_error(&e));
                    None
                }
            },
            None => None,
        };
        let chosen = state.chosen();
        state.rows = match problem {
            Some(_) => Vec::new(),
            None => (self.index).list(
                &self.plan,
                &query,
                &Scope {
                    theme: None,
                    changed_since,
                },
            ),
        };
        state.problem = problem;
        let again = chosen.and_then(|loc| state.rows.iter().position(|l| l.loc == loc));
        state.selected = again.unwrap_or(state.selected.min(state.rows.len().saturating_sub(1)));
    }

    /// The status of a listed project in the year shown.
    pub fn listed_status(&self, loc: Loc) -> Option<Status> {
        self.plan.project(loc).and_then(|p| p.status_in(self.year))
    }
}

#[cfg(test)]
mod tests {
    use super::split_since;

    #[test]
    fn since_is_taken_out_with_a_quoted_value() {
        let split = |t: &str| split_since(t);
        assert_eq!(split("status:lopend"), ("status:lopend".into(), None));
        assert_eq!(
            split("sinds:-7d status:lopend"),
            ("status:lopend".into(), Some("-7d".into()))
        );
        assert_eq!(
            split("focus SINCE:\"last week\" zoe"),
            ("focus zoe".into(), Some("last week".into()))
        );
        assert_eq!(
            split("sinds:\"vandaag\""),
            (String::new(), Some("vandaag".into()))
        );
        assert_eq!(
            split("sinds:\"vorige"),
            (String::new(), Some("vorige".into()))
        );
        assert_eq!(split("sinds:"), (String::new(), Some(String::new())));
    }
}
