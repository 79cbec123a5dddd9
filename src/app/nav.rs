//! Where the user is: the selection in the three panes, the focus, the status
//! filter, and moving between them.

use crate::plan::{Loc, Plan, Project, Subtheme, Theme};
use crate::search::Target;
use crate::view::{Filter, Pane, Selection};

use super::App;

/// The selection by id, to find it again in a changed plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Anchor {
    theme: Option<String>,
    subtheme: Option<String>,
    project: Option<String>,
}

impl App {
    pub fn theme(&self) -> Option<&Theme> {
        self.plan.themes.get(self.view.selection.theme)
    }

    pub fn subtheme(&self) -> Option<&Subtheme> {
        self.theme()?.subthemes.get(self.view.selection.subtheme)
    }

    /// Indices of the selected sub-theme's projects that pass the filter.
    pub(crate) fn visible_projects(&self) -> Vec<usize> {
        visible_projects(&self.plan, self.view.selection, self.view.filter, self.year)
    }

    /// The selected project, when the projects pane shows one.
    pub fn selected_project(&self) -> Option<(Loc, &Project)> {
        let loc = self.view.selection.loc();
        let project = self.plan.project(loc)?;
        self.view
            .filter
            .accepts(project.status_in(self.year))
            .then_some((loc, project))
    }

    /// How many rows a pane has.
    pub fn rows(&self, pane: Pane) -> usize {
        match pane {
            Pane::Themes => self.plan.themes.len(),
            Pane::Subthemes => self.theme().map_or(0, |t| t.subthemes.len()),
            Pane::Projects => self.visible_projects().len(),
        }
    }

    /// The selected row of a pane, if it has any rows.
    pub(crate) fn selected_row(&self, pane: Pane) -> Option<usize> {
        let s = self.view.selection;
        match pane {
            Pane::Themes => (s.theme < self.rows(pane)).then_some(s.theme),
            Pane::Subthemes => (s.subtheme < self.rows(pane)).then_some(s.subtheme),
            Pane::Projects => self.visible_projects().iter().position(|&p| p == s.project),
        }
    }

    /// Selects a row of a pane; the panes to its right start at their first row.
    pub(crate) fn select_row(&mut self, pane: Pane, row: usize) {
        let s = &mut self.view.selection;
        match pane {
            Pane::Themes => {
                if s.theme != row {
                    *s = Selection {
                        theme: row,
                        ..Selection::default()
                    };
                }
            }
            Pane::Subthemes => {
                if s.subtheme != row {
                    s.subtheme = row;
                    s.project = 0;
                }
            }
            Pane::Projects => {
                if let Some(&p) = self.visible_projects().get(row) {
                    self.view.selection.project = p;
                }
            }
        }
        self.normalize();
    }

    /// Moves the selection of a pane by `delta` rows, stopping at the ends.
    pub(crate) fn move_by(&mut self, pane: Pane, delta: isize) {
        let rows = self.rows(pane);
        if rows == 0 {
            return;
        }
        let current = self.selected_row(pane).unwrap_or(0);
        let target = current.saturating_add_signed(delta).min(rows - 1);
        self.select_row(pane, target);
    }

    /// Keeps the selection pointing at existing rows; a project hidden by the
    /// filter gives way to the next visible one (or the last).
    pub(crate) fn normalize(&mut self) {
        let last = |len: usize| len.saturating_sub(1);
        let themes = self.rows(Pane::Themes);
        self.view.selection.theme = self.view.selection.theme.min(last(themes));
        let subthemes = self.rows(Pane::Subthemes);
        self.view.selection.subtheme = self.view.selection.subtheme.min(last(subthemes));
        let visible = self.visible_projects();
        let project = self.view.selection.project;
        if !visible.contains(&project) {
            let next = visible.iter().find(|&&p| p >= project).or(visible.last());
            self.view.selection.project = next.copied().unwrap_or(0);
        }
    }

    /// Selects what a search hit points at and focuses its pane. A project the
    /// filter hides clears the filter.
    pub(crate) fn jump_to(&mut self, target: Target) {
        let (selection, focus) = match target {
            Target::Theme(t) => (
                Selection {
                    theme: t,
                    ..Selection::default()
                },
                Pane::Themes,
            ),
            Target::Subtheme(t, s) => (
                Selection {
                    theme: t,
                    subtheme: s,
                    project: 0,
                },
                Pane::Subthemes,
            ),
            Target::Project(loc) => {
                let status = self.plan.project(loc).and_then(|p| p.status_in(self.year));
                if !self.view.filter.accepts(status) {
                    self.view.filter = Filter::All;
                }
                (Selection::from(loc), Pane::Projects)
            }
        };
        self.view.selection = selection;
        self.view.focus = focus;
        self.normalize();
    }

    pub(crate) fn anchor(&self) -> Anchor {
        Anchor {
            theme: self.theme().map(|t| t.id.clone()),
            subtheme: self.subtheme().map(|s| s.id.clone()),
            project: self.selected_project().map(|(_, p)| p.id.clone()),
        }
    }

    /// Selects the anchored items again in a changed plan, wherever they are
    /// now (a project or sub-theme may have moved to another theme). What is
    /// gone keeps its index (clamped), so the selection stays close; the panes
    /// to its right start at their first row.
    pub(crate) fn restore(&mut self, anchor: &Anchor) {
        if let Some(loc) = anchor
            .project
            .as_deref()
            .and_then(|id| self.plan.locate(id))
        {
            self.view.selection = Selection::from(loc);
            self.normalize();
            return;
        }
        let themes = &self.plan.themes;
        let subtheme = anchor.subtheme.as_deref().and_then(|id| {
            themes.iter().enumerate().find_map(|(t, theme)| {
                let i = theme.subthemes.iter().position(|s| s.id == id)?;
                Some((t, i))
            })
        });
        let theme = anchor
            .theme
            .as_deref()
            .and_then(|id| themes.iter().position(|t| t.id == id));
        let s = &mut self.view.selection;
        match (subtheme, theme) {
            // The project is gone: the one now at its place.
            (Some((t, i)), _) => (s.theme, s.subtheme) = (t, i),
            (None, Some(t)) => {
                s.theme = t;
                s.project = 0;
            }
            (None, None) => (s.subtheme, s.project) = (0, 0),
        }
        self.normalize();
    }
}

fn visible_projects(plan: &Plan, s: Selection, filter: Filter, year: u16) -> Vec<usize> {
    plan.themes
        .get(s.theme)
        .and_then(|t| t.subthemes.get(s.subtheme))
        .map(|sub| {
            sub.projects
                .iter()
                .enumerate()
                .filter(|(_, p)| filter.accepts(p.status_in(year)))
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default()
}
