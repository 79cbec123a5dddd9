//! The `/` search: a query line, ranked hits over the whole plan, and a
//! preview of the chosen hit in the panes behind it.

use crossterm::event::KeyEvent;

use crate::keymap::{self, Action};
use crate::line_editor::LineEditor;
use crate::search::Hit;

use super::edits::typed_char;
use super::{App, Effect, Mode, View};

/// Rows the search results move on PgUp/PgDn.
const RESULT_PAGE: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    pub input: LineEditor,
    /// The query `hits` were computed for.
    pub query: String,
    /// Best first.
    pub hits: Vec<Hit>,
    /// Index into `hits`.
    pub chosen: usize,
    /// What to go back to on Esc.
    pub previous: View,
}

impl SearchState {
    pub fn chosen_hit(&self) -> Option<&Hit> {
        self.hits.get(self.chosen)
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        self.mode = Mode::Search(SearchState {
            input: LineEditor::default(),
            query: String::new(),
            hits: Vec::new(),
            chosen: 0,
            previous: self.view,
        });
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
                self.refresh_hits();
            }
        }
        self.preview_chosen();
        Vec::new()
    }

    /// Searches again after the query changed; a query that only grew narrows
    /// the previous hits instead of searching everything.
    fn refresh_hits(&mut self) {
        let Mode::Search(search) = &mut self.mode else {
            return;
        };
        let query = search.input.text();
        if query == search.query {
            return;
        }
        search.hits = if !search.query.trim().is_empty() && query.starts_with(&search.query) {
            self.index.narrow(query, &search.hits)
        } else {
            self.index.search(query)
        };
        search.query = query.to_string();
        search.chosen = 0;
    }

    /// Searches again from scratch after the plan changed, so no hit points at
    /// a place that moved or is gone.
    pub(super) fn rerun_search(&mut self) {
        let Mode::Search(search) = &mut self.mode else {
            return;
        };
        search.hits = self.index.search(&search.query);
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
