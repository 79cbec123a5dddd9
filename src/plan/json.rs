//! The JSON shapes every command prints a project and its theme in: `find`,
//! `list`, `show` and `report` all use these, and add their own fields beside
//! them (`docs/json.md`). Statuses are their file names (`"InProgress"`), so a
//! document does not depend on the language.

use serde::Serialize;

use super::{Loc, Plan, Project, Status, Subtheme, Theme};

/// A theme or sub-theme as a project refers to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ItemRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// A project, with where it is and its status in `year`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub theme: ItemRef<'a>,
    pub subtheme: ItemRef<'a>,
    /// The year `status` is read in.
    pub year: u16,
    /// `None` (JSON `null`) when the project has no status that year.
    pub status: Option<&'static str>,
    pub owner: &'a str,
    pub notes: &'a str,
}

impl<'a> ProjectJson<'a> {
    /// The project `p` of `sub` in `theme`.
    pub fn of(theme: &'a Theme, sub: &'a Subtheme, p: &'a Project, year: u16) -> Self {
        ProjectJson {
            id: &p.id,
            title: &p.title,
            theme: ItemRef {
                id: &theme.id,
                name: &theme.name,
            },
            subtheme: ItemRef {
                id: &sub.id,
                name: &sub.name,
            },
            year,
            status: p.status_in(year).map(Status::file_name),
            owner: &p.owner,
            notes: &p.notes,
        }
    }

    /// The project at `loc`, if there is one.
    pub fn at(plan: &'a Plan, loc: Loc, year: u16) -> Option<Self> {
        let theme = plan.themes.get(loc.theme)?;
        let sub = theme.subthemes.get(loc.subtheme)?;
        Some(Self::of(theme, sub, plan.project(loc)?, year))
    }
}
