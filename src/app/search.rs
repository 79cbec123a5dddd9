//! The `/` search: a query line, ranked hits over the whole plan, and a
//! preview of the chosen hit in the panes behind it.

use std::sync::Arc;

use crossterm::event::KeyEvent;

use crate::keymap::{self, Action};
use crate::line_editor::LineEditor;
use crate::plan::Plan;
use crate::search::{Hit, Query};

use super::edits::typed_char;
use super::{App, Effect, Mode, View};

/// Above this many entries (themes, sub-themes and projects) a keystroke's search
/// runs off the input path, so typing never waits for it.
pub(crate) const ASYNC_ABOVE: usize = 2_000;

/// Whether results for `shown` can be narrowed to get those for `query`
/// (the index checks the rest: see [`crate::search::SearchIndex::narrow`]).
fn narrows(shown: &str, query: &str) -> bool {
    !shown.trim().is_empty() && query.starts_with(shown)
}

/// A search to run off the input path; see [`App::search_job`].
pub struct SearchJob {
    pub generation: u64,
    pub index: Arc<crate::search::SearchIndex>,
    /// The plan the index was built from, for the filters.
    pub plan: Arc<Plan>,
    pub query: String,
    /// The year statuses are read in, unless the query says `jaar:`.
    pub year: u16,
    /// The results of a shorter query, to narrow instead of searching everything.
    pub base: Option<(Query, Vec<Hit>)>,
}

impl SearchJob {
    /// Runs the search; the expensive part, meant for a worker thread.
    pub fn run(self) -> (u64, String, Vec<Hit>) {
        let query = Query::parse(&self.query, self.year);
        let hits = match &self.base {
            Some((previous, base)) => self.index.narrow(&self.plan, &query, previous, base),
            None => self.index.search(&self.plan, &query),
        };
        (self.generation, self.query, hits)
    }
}

/// Rows the search results move on PgUp/PgDn.
const RESULT_PAGE: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    pub input: LineEditor,
    /// The query `hits` were computed for.
    pub query: String,
    /// `query`, understood.
    pub parsed: Query,
    /// Best first.
    pub hits: Vec<Hit>,
    /// Index into `hits`.
    pub chosen: usize,
    /// What to go back to on Esc.
    pub previous: View,
}

impl SearchState {
    pub(crate) fn chosen_hit(&self) -> Option<&Hit> {
        self.hits.get(self.chosen)
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        if std::mem::take(&mut self.index_stale) {
            self.index = Arc::new(crate::search::SearchIndex::build(&self.plan));
        }
        self.mode = Mode::Search(SearchState {
            input: LineEditor::default(),
            query: String::new(),
            parsed: Query::default(),
            hits: Vec::new(),
            chosen: 0,
            previous: self.view,
        });
    }

    /// Opens the search on `text`, as if typed.
    pub(super) fn open_search_with(&mut self, text: &str) -> Vec<Effect> {
        self.open_search();
        if let Mode::Search(search) = &mut self.mode {
            search.input = LineEditor::new(text);
        }
        if self.refresh_hits() {
            return self.search_job().map(Effect::Search).into_iter().collect();
        }
        self.preview_chosen();
        Vec::new()
    }

    pub(super) fn search_key(&mut self, action: Option<Action>, key: &KeyEvent) -> Vec<Effect> {
        let Mode::Search(search) = &mut self.mode else {
            return Vec::new();
        };
        let last = search.hits.len().saturating_sub(1);
        match action {
            Some(Action::Up) => search.chosen = search.chosen.saturating_sub(1),
            Some(Action::Down) => search.chosen = (search.chosen + 1).min(last),
            Some(Action::PageUp) => search.chosen = search.chosen.saturating_sub(RESULT_PAGE),
            Some(Action::PageDown) => search.chosen = (search.chosen + RESULT_PAGE).min(last),
            Some(Action::Confirm) => {
                let target = search.chosen_hit().map(|h| h.target);
                let previous = search.previous;
                self.mode = Mode::Browse;
                match target {
                    Some(target) => self.jump_to(target),
                    None => self.view = previous,
                }
                self.normalize();
                return Vec::new();
            }
            Some(Action::AsList) => {
                let text = search.input.text().to_string();
                self.view = search.previous;
                self.normalize();
                self.open_listing(&text, false);
                return Vec::new();
            }
            Some(Action::Cancel) => {
                self.view = search.previous;
                self.mode = Mode::Browse;
                self.normalize();
                return Vec::new();
            }
            _ => {
                match (keymap::editor_op(key), typed_char(key)) {
                    (Some(op), _) => search.input.apply(op),
                    (None, Some(c)) => search.input.insert(c),
                    (None, None) => return Vec::new(),
                }
                if self.refresh_hits() {
                    return self.search_job().map(Effect::Search).into_iter().collect();
                }
            }
        }
        self.preview_chosen();
        Vec::new()
    }

    /// Searches again after the query changed; a query that only grew narrows
    /// the previous hits instead of searching everything. On a large plan the
    /// search is left to the runtime, off the input path: returns true then.
    fn refresh_hits(&mut self) -> bool {
        let Mode::Search(search) = &mut self.mode else {
            return false;
        };
        let query = search.input.text();
        if query == search.query {
            return false;
        }
        if self.index.len() > ASYNC_ABOVE {
            self.search_generation += 1;
            return true;
        }
        let parsed = Query::parse(query, self.year);
        search.hits = if narrows(&search.query, query) {
            (self.index).narrow(&self.plan, &parsed, &search.parsed, &search.hits)
        } else {
            self.index.search(&self.plan, &parsed)
        };
        search.query = query.to_string();
        search.parsed = parsed;
        search.chosen = 0;
        false
    }

    /// The search the runtime should run for [`Effect::Search`]: the query as typed
    /// now, and the hits to narrow when it only grew since the shown results.
    pub(crate) fn search_job(&self) -> Option<SearchJob> {
        let Mode::Search(search) = &self.mode else {
            return None;
        };
        let query = search.input.text().to_string();
        let base =
            narrows(&search.query, &query).then(|| (search.parsed.clone(), search.hits.clone()));
        Some(SearchJob {
            generation: self.search_generation,
            index: Arc::clone(&self.index),
            plan: Arc::clone(&self.plan),
            query,
            year: self.year,
            base,
        })
    }

    /// Shows the results of the newest search job; older ones are dropped.
    pub(super) fn on_search_done(
        &mut self,
        generation: u64,
        query: String,
        hits: Vec<Hit>,
    ) -> Vec<Effect> {
        let Mode::Search(search) = &mut self.mode else {
            return Vec::new();
        };
        if generation != self.search_generation || query != search.input.text() {
            return Vec::new();
        }
        search.parsed = Query::parse(&query, self.year);
        search.hits = hits;
        search.query = query;
        search.chosen = 0;
        self.preview_chosen();
        Vec::new()
    }

    /// Searches again from scratch after the plan changed, so no hit points at
    /// a place that moved or is gone.
    pub(super) fn rerun_search(&mut self) {
        let Mode::Search(search) = &mut self.mode else {
            return;
        };
        search.parsed = Query::parse(&search.query, self.year);
        search.hits = self.index.search(&self.plan, &search.parsed);
        search.chosen = search.chosen.min(search.hits.len().saturating_sub(1));
    }

    /// Shows the chosen hit in the panes; with no hits, the view from before.
    fn preview_chosen(&mut self) {
        let Mode::Search(search) = &self.mode else {
            return;
        };
        let previous = search.previous;
        match search.chosen_hit().map(|h| h.target) {
            Some(target) => {
                self.view.filter = previous.filter;
                self.jump_to(target);
            }
            None => {
                self.view = previous;
                self.normalize();
            }
        }
    }
}
