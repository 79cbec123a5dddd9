//! Shaping the plan from the panes: moving a project or sub-theme elsewhere
//! (`m`, through a fuzzy picker of destinations), archiving the selected item
//! (`d`, after a dialog that only `Enter` confirms), a theme's focus flag (`*`)
//! and the order of the items in a pane (`Alt-↑`/`Alt-↓`, `<`/`>`). Each is one
//! edit, committed like any other: applied at once, saved, merged, undoable;
//! the selection follows the item (see `App::record`).

use std::cmp::Reverse;

use crossterm::event::KeyEvent;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::edit::Change;
use crate::keymap::{self, Action};
use crate::line_editor::LineEditor;
use crate::plan::{Kind, Plan, subtheme_letter};
use crate::search::Target;
use crate::text::fold_chars as fold;

use super::edits::typed_char;
use super::{App, Effect, Mode, NoticeKind, Pane};

/// Rows the picker moves on PgUp/PgDn.
const PAGE: usize = 10;

/// A place a project or sub-theme can move to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// The sub-theme's id (for a project) or the theme's (for a sub-theme).
    pub id: String,
    /// As shown: "Thema › B. Subthema", or a theme's name.
    pub label: String,
    /// The label folded for matching: as many chars as `label`.
    folded: String,
}

/// A destination the query matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index into [`MoveState::destinations`].
    pub destination: usize,
    /// The chars of its label the query matched, for highlighting.
    pub positions: Vec<usize>,
}

/// The move picker: where the selected project or sub-theme can go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveState {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub input: LineEditor,
    /// Every other sub-theme (for a project) or theme (for a sub-theme), in plan order.
    pub destinations: Vec<Destination>,
    /// The destinations the query matches, best first; all of them, in plan
    /// order, for an empty query.
    pub matches: Vec<Match>,
    /// Index into `matches`.
    pub chosen: usize,
}

impl MoveState {
    /// The destination `Enter` would move to.
    pub fn chosen_destination(&self) -> Option<&Destination> {
        let m = self.matches.get(self.chosen)?;
        self.destinations.get(m.destination)
    }

    fn refilter(&mut self) {
        self.matches = matches(&self.destinations, self.input.text());
        self.chosen = 0;
    }
}

/// Archive this item? Only `Enter` says yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveConfirm {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    /// The projects that go with it (1 for a project).
    pub projects: usize,
}

/// Where an item of `kind` other than `id` can move: every live sub-theme for a
/// project, every theme for a sub-theme, except the one it is in now.
fn destinations(plan: &Plan, kind: Kind, id: &str) -> Vec<Destination> {
    let current = plan.place_of(kind, id).map(|p| p.parent);
    let all: Vec<(String, String)> = match kind {
        Kind::Project => (plan.themes.iter())
            .flat_map(|t| {
                t.subthemes.iter().enumerate().map(move |(i, s)| {
                    let label = format!("{} › {} {}", t.name, subtheme_letter(i), s.name);
                    (s.id.clone(), label)
                })
            })
            .collect(),
        Kind::Subtheme => (plan.themes.iter())
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect(),
        Kind::Theme => Vec::new(),
    };
    all.into_iter()
        .filter(|(id, _)| current.as_deref() != Some(id.as_str()))
        .map(|(id, label)| Destination {
            folded: fold(&label),
            id,
            label,
        })
        .collect()
}

/// The destinations every term of `query` matches fuzzily, best first (plan
/// order among equals); all of them for an empty query. Accents and case are
/// ignored.
fn matches(destinations: &[Destination], query: &str) -> Vec<Match> {
    let folded = fold(query);
    let terms: Vec<&str> = folded.split_whitespace().collect();
    let matcher = SkimMatcherV2::default().respect_case();
    let mut found: Vec<(i64, Match)> = (destinations.iter().enumerate())
        .filter_map(|(destination, d)| {
            let mut score = 0;
            let mut positions = Vec::new();
            for term in &terms {
                let (s, idx) = matcher.fuzzy_indices(&d.folded, term)?;
                score += s;
                positions.extend(idx);
            }
            positions.sort_unstable();
            positions.dedup();
            Some((
                score,
                Match {
                    destination,
                    positions,
                },
            ))
        })
        .collect();
    found.sort_by_key(|(score, m)| (Reverse(*score), m.destination));
    found.into_iter().map(|(_, m)| m).collect()
}

impl App {
    /// The selected item of the focused pane: its kind and id.
    pub fn selected_item(&self) -> Option<(Kind, String)> {
        match self.view.focus {
            Pane::Themes => self.theme().map(|t| (Kind::Theme, t.id.clone())),
            Pane::Subthemes => self.subtheme().map(|s| (Kind::Subtheme, s.id.clone())),
            Pane::Projects => (self.selected_project()).map(|(_, p)| (Kind::Project, p.id.clone())),
        }
    }

    /// The selected item, or `None` with a notice (read-only, nothing selected).
    fn item_to_arrange(&mut self) -> Option<(Kind, String)> {
        if self.refuse_when_read_only() {
            return None;
        }
        let item = self.selected_item();
        if item.is_none() {
            let text = self.lang.arrange().nothing_selected;
            self.notify(NoticeKind::Warning, text.into());
        }
        item
    }

    /// Selects the live item `id` of `kind` and focuses its pane; what is
    /// selected to its right stays when the item already was selected.
    pub(in crate::app) fn select_item(&mut self, kind: Kind, id: &str) {
        let plan = &self.plan;
        let s = self.view.selection;
        match kind {
            Kind::Project => {
                if let Some(loc) = plan.locate(id) {
                    self.jump_to(Target::Project(loc));
                }
            }
            Kind::Subtheme => {
                let found = plan.themes.iter().enumerate().find_map(|(t, theme)| {
                    let i = theme.subthemes.iter().position(|sub| sub.id == id)?;
                    Some((t, i))
                });
                if let Some((t, i)) = found {
                    if (s.theme, s.subtheme) != (t, i) {
                        self.jump_to(Target::Subtheme(t, i));
                    }
                    self.view.focus = Pane::Subthemes;
                }
            }
            Kind::Theme => {
                if let Some(t) = plan.themes.iter().position(|theme| theme.id == id) {
                    if s.theme != t {
                        self.jump_to(Target::Theme(t));
                    }
                    self.view.focus = Pane::Themes;
                }
            }
        }
    }

    /// `m`: opens the picker of where the selected project or sub-theme can go.
    pub(super) fn open_move(&mut self) {
        let Some((kind, id)) = self.item_to_arrange() else {
            return;
        };
        let texts = self.lang.arrange();
        if kind == Kind::Theme {
            self.notify(NoticeKind::Info, texts.move_themes.into());
            return;
        }
        let destinations = destinations(&self.plan, kind, &id);
        if destinations.is_empty() {
            self.notify(NoticeKind::Info, texts.move_nowhere.into());
            return;
        }
        let title = (self.plan.title_of(kind, &id)).unwrap_or(&id).to_string();
        let mut state = MoveState {
            kind,
            id,
            title,
            input: LineEditor::default(),
            destinations,
            matches: Vec::new(),
            chosen: 0,
        };
        state.refilter();
        self.mode = Mode::Move(state);
    }

    pub(super) fn move_key(&mut self, action: Option<Action>, key: &KeyEvent) -> Vec<Effect> {
        let Mode::Move(state) = &mut self.mode else {
            return Vec::new();
        };
        let last = state.matches.len().saturating_sub(1);
        match action {
            Some(Action::Up) => state.chosen = state.chosen.saturating_sub(1),
            Some(Action::Down) => state.chosen = (state.chosen + 1).min(last),
            Some(Action::PageUp) => state.chosen = state.chosen.saturating_sub(PAGE),
            Some(Action::PageDown) => state.chosen = (state.chosen + PAGE).min(last),
            Some(Action::Cancel) => self.mode = Mode::Browse,
            Some(Action::Confirm) => {
                // Nothing matches: Enter waits for a better query.
                let Some(to) = state.chosen_destination().cloned() else {
                    return Vec::new();
                };
                let (kind, id, title) = (state.kind, state.id.clone(), state.title.clone());
                self.mode = Mode::Browse;
                let change = Change::move_to(&self.plan, kind, &id, &to.id, None);
                let done = self.lang.moved(&title, &to.label);
                return self.commit_item(change, done);
            }
            _ => {
                match (keymap::editor_op(key), typed_char(key)) {
                    (Some(op), _) => state.input.apply(op),
                    (None, Some(c)) => state.input.insert(c),
                    (None, None) => return Vec::new(),
                }
                state.refilter();
            }
        }
        Vec::new()
    }

    /// `d`: asks whether to archive the selected item of the focused pane.
    pub(super) fn ask_archive(&mut self) {
        let Some((kind, id)) = self.item_to_arrange() else {
            return;
        };
        let Some((item, _)) = self.plan.live_item(kind, &id) else {
            return;
        };
        self.mode = Mode::ConfirmArchive(ArchiveConfirm {
            kind,
            title: item.title().to_string(),
            projects: item.project_count(),
            id,
        });
    }

    /// Only `Enter` archives and `Esc` cancels; every other key is ignored.
    pub(super) fn confirm_archive_key(&mut self, action: Option<Action>) -> Vec<Effect> {
        if !matches!(action, Some(Action::Confirm | Action::Cancel)) {
            return Vec::new();
        }
        let Mode::ConfirmArchive(confirm) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return Vec::new();
        };
        if action != Some(Action::Confirm) {
            return Vec::new();
        }
        let change = Change::archive(&self.plan, confirm.kind, &confirm.id);
        let done = (self.lang).archived(&confirm.title, confirm.projects, confirm.kind);
        self.commit_item(change, done)
    }

    /// `*`: marks or unmarks the selected theme as a focus theme.
    pub(super) fn toggle_focus(&mut self) -> Vec<Effect> {
        if self.refuse_when_read_only() {
            return Vec::new();
        }
        let Some(theme) = self.theme() else {
            let text = self.lang.arrange().nothing_selected;
            self.notify(NoticeKind::Warning, text.into());
            return Vec::new();
        };
        let (id, name, on) = (theme.id.clone(), theme.name.clone(), !theme.focus);
        let done = self.lang.focus_set(&name, on);
        self.commit_item(Change::focus(&self.plan, &id, on), done)
    }

    /// `Alt-↑`/`Alt-↓`: moves the selected item of the focused pane one place
    /// up (`-1`) or down (`1`); nothing at either end. With a status filter on,
    /// a project passes the ones the filter hides, so that it visibly moves.
    pub(super) fn reorder(&mut self, by: isize) -> Vec<Effect> {
        let Some((kind, id)) = self.item_to_arrange() else {
            return Vec::new();
        };
        let change = match kind {
            Kind::Project => self.reorder_visible(&id, by),
            _ => Change::reorder(&self.plan, kind, &id, by),
        };
        match change {
            Some(change) => self.commit(Some(change)),
            None => Vec::new(),
        }
    }

    /// A project's move to the place of the visible project before or after it.
    fn reorder_visible(&self, id: &str, by: isize) -> Option<Change> {
        let visible = self.visible_projects();
        let row = self.selected_row(Pane::Projects)?;
        let neighbour = *visible.get(row.checked_add_signed(by)?)?;
        let parent = self.subtheme()?.id.clone();
        Change::move_to(&self.plan, Kind::Project, id, &parent, Some(neighbour))
    }

    /// Commits a change to an item and says `done`; `None` (the item is
    /// gone) gets a notice that fits any kind of item instead.
    pub(super) fn commit_item(&mut self, change: Option<Change>, done: String) -> Vec<Effect> {
        if change.is_none() {
            let text = self.lang.arrange().item_gone;
            self.notify(NoticeKind::Warning, text.into());
            return Vec::new();
        }
        let effects = self.commit(change);
        self.notify(NoticeKind::Info, done);
        effects
    }

    /// Keeps an open picker or dialog true to a changed plan: the destinations
    /// again, and closed with a notice when its item is gone.
    pub(super) fn refresh_arrange(&mut self) {
        let gone = match &mut self.mode {
            Mode::Move(state) => {
                let live = self.plan.is_live(state.kind, &state.id);
                if live {
                    let chosen = state.chosen_destination().map(|d| d.id.clone());
                    state.destinations = destinations(&self.plan, state.kind, &state.id);
                    state.refilter();
                    let again = state.matches.iter().position(|m| {
                        Some(&state.destinations[m.destination].id) == chosen.as_ref()
                    });
                    state.chosen = again.unwrap_or(0);
                }
                !live
            }
            Mode::ConfirmArchive(confirm) => !self.plan.is_live(confirm.kind, &confirm.id),
            _ => false,
        };
        if gone {
            self.mode = Mode::Browse;
            let text = self.lang.arrange().item_gone;
            self.notify(NoticeKind::Warning, text.into());
        }
    }
}

/// What a change put into the live plan (an addition, a move, a restore): the
/// kind and id of the item to select after it.
pub(super) fn placed(change: &Change) -> Option<(Kind, &str)> {
    match change {
        Change::Add { item, .. } => Some((item.kind(), item.id())),
        Change::Move { kind, id, .. } | Change::Restore { kind, id, .. } => Some((*kind, id)),
        _ => None,
    }
}
