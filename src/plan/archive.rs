//! Items as wholes: a project, sub-theme or theme with everything in it, where
//! it sits, and the archive that removed items move to with their history.
//!
//! Lookups by id search the live plan first and then the archive, so a change
//! made to an item someone else archived meanwhile is kept on the archived item.

use serde::{Deserialize, Serialize};

use super::{Plan, Project, Subtheme, Theme};

/// The three kinds of item, from the smallest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Kind {
    Project,
    Subtheme,
    Theme,
}

/// A whole item with everything in it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum Item {
    Project(Project),
    Subtheme(Subtheme),
    Theme(Theme),
}

/// Where an item sits: its parent's id (a sub-theme for a project, a theme for a
/// sub-theme, empty for a theme, whose parent is the plan) and its index there.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub parent: String,
    pub position: usize,
}

impl Place {
    /// The position that means "after the last one", whatever the list holds
    /// by the time the change is applied.
    pub const END: usize = usize::MAX;

    pub fn is_end(&self) -> bool {
        self.position == Place::END
    }
}

/// A removed item, kept with its history and where it was, so it can be restored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Archived {
    pub parent: String,
    pub position: usize,
    pub item: Item,
}

impl Archived {
    pub fn place(&self) -> Place {
        Place {
            parent: self.parent.clone(),
            position: self.position,
        }
    }
}

impl Kind {
    /// The kind of item that holds this one; `None` for a theme (the plan holds it).
    pub fn parent(self) -> Option<Kind> {
        match self {
            Kind::Project => Some(Kind::Subtheme),
            Kind::Subtheme => Some(Kind::Theme),
            Kind::Theme => None,
        }
    }
}

impl Item {
    pub fn kind(&self) -> Kind {
        match self {
            Item::Project(_) => Kind::Project,
            Item::Subtheme(_) => Kind::Subtheme,
            Item::Theme(_) => Kind::Theme,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Item::Project(p) => &p.id,
            Item::Subtheme(s) => &s.id,
            Item::Theme(t) => &t.id,
        }
    }

    pub fn set_id(&mut self, id: String) {
        match self {
            Item::Project(p) => p.id = id,
            Item::Subtheme(s) => s.id = id,
            Item::Theme(t) => t.id = id,
        }
    }

    /// A project's title, or a sub-theme's or theme's name.
    pub fn title(&self) -> &str {
        match self {
            Item::Project(p) => &p.title,
            Item::Subtheme(s) => &s.name,
            Item::Theme(t) => &t.name,
        }
    }

    /// The projects in it (1 for a project).
    pub fn project_count(&self) -> usize {
        match self {
            Item::Project(_) => 1,
            Item::Subtheme(s) => s.projects.len(),
            Item::Theme(t) => t.subthemes.iter().map(|s| s.projects.len()).sum(),
        }
    }

    /// Every id in it, its own first.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            Item::Project(p) => vec![&p.id],
            Item::Subtheme(s) => std::iter::once(s.id.as_str())
                .chain(s.projects.iter().map(|p| p.id.as_str()))
                .collect(),
            Item::Theme(t) => std::iter::once(t.id.as_str())
                .chain(t.subthemes.iter().flat_map(|s| {
                    std::iter::once(s.id.as_str()).chain(s.projects.iter().map(|p| p.id.as_str()))
                }))
                .collect(),
        }
    }

    /// The item without any history: what it holds, as opposed to what
    /// happened to it. Two additions of the same content compare equal.
    pub fn without_history(&self) -> Item {
        let mut item = self.clone();
        let clear = |p: &mut Project| p.history.clear();
        match &mut item {
            Item::Project(p) => clear(p),
            Item::Subtheme(s) => s.projects.iter_mut().for_each(clear),
            Item::Theme(t) => t
                .subthemes
                .iter_mut()
                .flat_map(|s| &mut s.projects)
                .for_each(clear),
        }
        item
    }
}

impl Plan {
    /// The live item `id` of `kind`, and where it sits.
    pub fn place_of(&self, kind: Kind, id: &str) -> Option<Place> {
        match kind {
            Kind::Theme => (self.themes.iter().position(|t| t.id == id)).map(|i| Place {
                parent: String::new(),
                position: i,
            }),
            Kind::Subtheme => self.themes.iter().find_map(|t| {
                let i = t.subthemes.iter().position(|s| s.id == id)?;
                Some(Place {
                    parent: t.id.clone(),
                    position: i,
                })
            }),
            Kind::Project => {
                let loc = self.locate(id)?;
                let sub = &self.themes[loc.theme].subthemes[loc.subtheme];
                Some(Place {
                    parent: sub.id.clone(),
                    position: loc.project,
                })
            }
        }
    }

    /// A copy of the live item `id` of `kind`, and where it sits.
    pub fn live_item(&self, kind: Kind, id: &str) -> Option<(Item, Place)> {
        let place = self.place_of(kind, id)?;
        let item = match kind {
            Kind::Theme => Item::Theme(self.themes[place.position].clone()),
            Kind::Subtheme => Item::Subtheme(
                (self.themes.iter().find(|t| t.id == place.parent))?.subthemes[place.position]
                    .clone(),
            ),
            Kind::Project => Item::Project(self.all_projects().find(|p| p.id == id)?.clone()),
        };
        Some((item, place))
    }

    /// Takes the live item `id` of `kind` out of the plan.
    pub fn take(&mut self, kind: Kind, id: &str) -> Option<(Item, Place)> {
        let place = self.place_of(kind, id)?;
        let item = match kind {
            Kind::Theme => Item::Theme(self.themes.remove(place.position)),
            Kind::Subtheme => {
                let t = self.themes.iter_mut().find(|t| t.id == place.parent)?;
                Item::Subtheme(t.subthemes.remove(place.position))
            }
            Kind::Project => {
                let s = self.live_subtheme_mut(&place.parent)?;
                Item::Project(s.projects.remove(place.position))
            }
        };
        Some((item, place))
    }

    /// Puts `item` into its live parent at `position` (or at the end, when the
    /// list is shorter now); the index it got, or the item back when the parent
    /// is not in the live plan.
    #[allow(
        clippy::result_large_err,
        reason = "hands the item back unchanged, rarely"
    )]
    pub fn insert(&mut self, item: Item, place: &Place) -> Result<usize, Item> {
        match item {
            Item::Theme(t) => Ok(put(&mut self.themes, place.position, t)),
            Item::Subtheme(s) => match self.themes.iter_mut().find(|t| t.id == place.parent) {
                Some(t) => Ok(put(&mut t.subthemes, place.position, s)),
                None => Err(Item::Subtheme(s)),
            },
            Item::Project(p) => match self.live_subtheme_mut(&place.parent) {
                Some(sub) => Ok(put(&mut sub.projects, place.position, p)),
                None => Err(Item::Project(p)),
            },
        }
    }

    /// Whether `id` names a live item of `kind`.
    pub fn is_live(&self, kind: Kind, id: &str) -> bool {
        self.place_of(kind, id).is_some()
    }

    fn live_subtheme_mut(&mut self, id: &str) -> Option<&mut Subtheme> {
        self.themes
            .iter_mut()
            .flat_map(|t| &mut t.subthemes)
            .find(|s| s.id == id)
    }

    /// The index in [`Plan::archive`] of the archived item `id` itself (not of
    /// one inside an archived parent).
    pub fn archived_index(&self, id: &str) -> Option<usize> {
        self.archive.iter().position(|a| a.item.id() == id)
    }

    /// Whether `id` is in the archive, on its own or inside an archived parent.
    pub fn is_archived(&self, id: &str) -> bool {
        self.archive.iter().any(|a| a.item.ids().contains(&id))
    }

    /// Every project, live ones first, then archived ones (also those inside
    /// an archived sub-theme or theme).
    pub fn all_projects(&self) -> impl Iterator<Item = &Project> {
        let archived = self
            .archive
            .iter()
            .flat_map(|a| -> Box<dyn Iterator<Item = &Project>> {
                match &a.item {
                    Item::Project(p) => Box::new(std::iter::once(p)),
                    Item::Subtheme(s) => Box::new(s.projects.iter()),
                    Item::Theme(t) => Box::new(t.subthemes.iter().flat_map(|s| &s.projects)),
                }
            });
        self.projects().map(|(_, p)| p).chain(archived)
    }

    /// Every sub-theme, live ones first, then archived ones.
    pub fn all_subthemes(&self) -> impl Iterator<Item = &Subtheme> {
        let archived = self.archive.iter().flat_map(|a| match &a.item {
            Item::Subtheme(s) => std::slice::from_ref(s),
            Item::Theme(t) => t.subthemes.as_slice(),
            Item::Project(_) => &[],
        });
        self.themes
            .iter()
            .flat_map(|t| &t.subthemes)
            .chain(archived)
    }

    /// Every theme, live ones first, then archived ones.
    pub fn all_themes(&self) -> impl Iterator<Item = &Theme> {
        let archived = self.archive.iter().filter_map(|a| match &a.item {
            Item::Theme(t) => Some(t),
            _ => None,
        });
        self.themes.iter().chain(archived)
    }

    /// The project `id`, live or archived.
    pub fn any_project_mut(&mut self, id: &str) -> Option<&mut Project> {
        self.all_projects_mut().find(|p| p.id == id)
    }

    /// Every project, live ones first, then archived ones, to change.
    pub fn all_projects_mut(&mut self) -> impl Iterator<Item = &mut Project> {
        let live = self.themes.iter_mut().flat_map(|t| &mut t.subthemes);
        let archived = self.archive.iter_mut().flat_map(|a| match &mut a.item {
            Item::Project(p) => vec![p],
            Item::Subtheme(s) => s.projects.iter_mut().collect(),
            Item::Theme(t) => t
                .subthemes
                .iter_mut()
                .flat_map(|s| &mut s.projects)
                .collect(),
        });
        live.flat_map(|s| &mut s.projects).chain(archived)
    }

    /// The sub-theme `id`, live or archived.
    pub fn any_subtheme_mut(&mut self, id: &str) -> Option<&mut Subtheme> {
        let archived = self.archive.iter_mut().flat_map(|a| match &mut a.item {
            Item::Subtheme(s) => std::slice::from_mut(s),
            Item::Theme(t) => t.subthemes.as_mut_slice(),
            Item::Project(_) => &mut [],
        });
        (self.themes.iter_mut().flat_map(|t| &mut t.subthemes))
            .chain(archived)
            .find(|s| s.id == id)
    }

    /// The theme `id`, live or archived.
    pub fn any_theme_mut(&mut self, id: &str) -> Option<&mut Theme> {
        let archived = self.archive.iter_mut().filter_map(|a| match &mut a.item {
            Item::Theme(t) => Some(t),
            _ => None,
        });
        self.themes.iter_mut().chain(archived).find(|t| t.id == id)
    }
}

/// Inserts `x` at `at`, or at the end when the list is shorter; the index it got.
pub fn put<T>(list: &mut Vec<T>, at: usize, x: T) -> usize {
    let at = at.min(list.len());
    list.insert(at, x);
    at
}
