//! The archive view (`A`): every archived item, newest first, with where it
//! was, how many projects went with it and when and by whom it was archived;
//! `Enter` or `r` restores the selected one to where it was.

use crate::edit::Change;
use crate::i18n::path_or_id;
use crate::keymap::Action;
use crate::plan::{Kind, Logged, Plan};
use crate::timestamp::Timestamp;

use super::{App, Effect, Mode, NoticeKind};

/// One archived item, as the view lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveRow {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    /// Where it was: its parent's names from the theme down (the parent's id
    /// when that is gone); empty for a theme.
    pub from: String,
    /// The projects that went with it (1 for a project).
    pub projects: usize,
    /// When and by whom it was archived, from the plan's log (the latest entry).
    pub archived: Option<(Timestamp, String)>,
}

/// The archive view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveState {
    /// Newest first.
    pub rows: Vec<ArchiveRow>,
    /// The selected row (the renderer keeps it on screen).
    pub selected: usize,
}

/// The plan's archived items, the latest archived first.
pub fn archive_rows(plan: &Plan) -> Vec<ArchiveRow> {
    (plan.archive.iter().rev())
        .map(|entry| {
            let (kind, id) = (entry.item.kind(), entry.item.id());
            let from = match kind.parent() {
                Some(parent) => path_or_id(plan, parent, &entry.parent),
                None => String::new(),
            };
            let archived = (plan.log.iter().rev()).find_map(|e| match &e.change {
                Logged::Archived { id: logged, .. } if logged == id => Some((e.at, e.by.clone())),
                _ => None,
            });
            ArchiveRow {
                kind,
                id: id.to_string(),
                title: entry.item.title().to_string(),
                from,
                projects: entry.item.project_count(),
                archived,
            }
        })
        .collect()
}

impl App {
    /// Opens the archive view, on the archived entry holding `id` if given.
    pub(super) fn open_archive(&mut self, id: Option<&str>) {
        let rows = archive_rows(&self.plan);
        let held = |row: &ArchiveRow| {
            id.is_some_and(|id| {
                (self.plan.archive.iter())
                    .any(|a| a.item.id() == row.id && a.item.ids().contains(&id))
            })
        };
        let selected = rows.iter().position(held).unwrap_or(0);
        self.mode = Mode::Archive(ArchiveState { rows, selected });
    }

    pub(super) fn archive_key(&mut self, action: Option<Action>) -> Vec<Effect> {
        match action {
            Some(Action::Restore) => return self.restore_selected(),
            Some(Action::Cancel) => self.mode = Mode::Browse,
            _ => self.view_key(action),
        }
        Vec::new()
    }

    /// Restores the selected archived item to where it was, and selects it
    /// there; when its parent is not in the live plan, says why not.
    fn restore_selected(&mut self) -> Vec<Effect> {
        let Mode::Archive(state) = &self.mode else {
            return Vec::new();
        };
        let Some(row) = state.rows.get(state.selected).cloned() else {
            return Vec::new();
        };
        if self.refuse_when_read_only() {
            return Vec::new();
        }
        let Some(entry) = (self.plan.archive.iter()).find(|a| a.item.id() == row.id) else {
            self.notify(NoticeKind::Warning, self.lang.arrange().item_gone.into());
            return Vec::new();
        };
        if let Some(parent_kind) = row.kind.parent()
            && !self.plan.is_live(parent_kind, &entry.parent)
        {
            let parent = entry.parent.clone();
            let holder =
                (self.plan.archive.iter()).find(|a| a.item.ids().contains(&parent.as_str()));
            let text = match holder {
                Some(holder) => {
                    (self.lang).restore_parent_first(holder.item.kind(), holder.item.title())
                }
                None => self.lang.restore_nowhere(&row.title, &parent),
            };
            self.notify(NoticeKind::Warning, text);
            return Vec::new();
        }
        let change = Change::restore(&self.plan, &row.id);
        self.mode = Mode::Browse;
        let done = self.lang.restored(&row.title, &row.from);
        self.commit_item(change, done)
    }

    /// Lists the archive again for a changed plan; the selection stays on the
    /// same item where it can.
    pub(super) fn refresh_archive(&mut self) {
        let rows = archive_rows(&self.plan);
        if let Mode::Archive(state) = &mut self.mode {
            let id = state.rows.get(state.selected).map(|r| r.id.clone());
            let again = rows.iter().position(|r| Some(&r.id) == id.as_ref());
            state.selected = again.unwrap_or(state.selected);
            state.rows = rows;
        }
    }
}
