//! What a change addresses: a field of an item, found by the item's id.

use crate::plan::{Kind, Plan, Project, Subtheme, Theme};

/// A text field of one item, addressed by the item's id (the plan's own fields
/// need none).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextField {
    Owner(String),
    Notes(String),
    /// A project's title.
    Title(String),
    /// A project's description.
    Details(String),
    SubthemeName(String),
    SubthemeIntro(String),
    ThemeName(String),
    ThemeIntro(String),
    PlanFund,
    PlanTitle,
}

impl TextField {
    /// What the field belongs to.
    pub fn target(&self) -> Target<'_> {
        match self {
            TextField::Owner(id)
            | TextField::Notes(id)
            | TextField::Title(id)
            | TextField::Details(id) => Target::Project(id),
            TextField::SubthemeName(id) | TextField::SubthemeIntro(id) => Target::Subtheme(id),
            TextField::ThemeName(id) | TextField::ThemeIntro(id) => Target::Theme(id),
            TextField::PlanFund | TextField::PlanTitle => Target::Plan,
        }
    }

    /// Whether the field holds paragraphs (edited with the multi-line editor).
    pub fn is_multiline(&self) -> bool {
        matches!(
            self,
            TextField::Notes(_)
                | TextField::Details(_)
                | TextField::SubthemeIntro(_)
                | TextField::ThemeIntro(_)
        )
    }

    /// The field's text in `plan`, or `None` when its item is gone.
    pub fn read<'p>(&self, plan: &'p Plan) -> Option<&'p str> {
        Some(match self {
            TextField::Owner(id) => &project(plan, id)?.owner,
            TextField::Notes(id) => &project(plan, id)?.notes,
            TextField::Title(id) => &project(plan, id)?.title,
            TextField::Details(id) => &project(plan, id)?.details,
            TextField::SubthemeName(id) => &subtheme(plan, id)?.name,
            TextField::SubthemeIntro(id) => &subtheme(plan, id)?.intro,
            TextField::ThemeName(id) => &theme(plan, id)?.name,
            TextField::ThemeIntro(id) => &theme(plan, id)?.intro,
            TextField::PlanFund => &plan.fund,
            TextField::PlanTitle => &plan.title,
        })
    }

    pub(super) fn slot<'p>(&self, plan: &'p mut Plan) -> Option<&'p mut String> {
        Some(match self {
            TextField::Owner(id) => &mut project_mut(plan, id)?.owner,
            TextField::Notes(id) => &mut project_mut(plan, id)?.notes,
            TextField::Title(id) => &mut project_mut(plan, id)?.title,
            TextField::Details(id) => &mut project_mut(plan, id)?.details,
            TextField::SubthemeName(id) => &mut subtheme_mut(plan, id)?.name,
            TextField::SubthemeIntro(id) => &mut subtheme_mut(plan, id)?.intro,
            TextField::ThemeName(id) => &mut theme_mut(plan, id)?.name,
            TextField::ThemeIntro(id) => &mut theme_mut(plan, id)?.intro,
            TextField::PlanFund => &mut plan.fund,
            TextField::PlanTitle => &mut plan.title,
        })
    }
}

/// The item a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Project(&'a str),
    Subtheme(&'a str),
    Theme(&'a str),
    Plan,
}

impl<'a> Target<'a> {
    /// The item `id` of `kind`.
    pub fn of(kind: Kind, id: &'a str) -> Target<'a> {
        match kind {
            Kind::Project => Target::Project(id),
            Kind::Subtheme => Target::Subtheme(id),
            Kind::Theme => Target::Theme(id),
        }
    }

    /// The item's id; the plan has none.
    pub fn id(self) -> Option<&'a str> {
        match self {
            Target::Project(id) | Target::Subtheme(id) | Target::Theme(id) => Some(id),
            Target::Plan => None,
        }
    }

    /// Whether the item is in `plan`.
    pub fn exists_in(self, plan: &Plan) -> bool {
        match self {
            Target::Project(id) => project(plan, id).is_some(),
            Target::Subtheme(id) => subtheme(plan, id).is_some(),
            Target::Theme(id) => theme(plan, id).is_some(),
            Target::Plan => true,
        }
    }

    /// The item's title or name for messages, or its id when it is gone.
    pub fn title(self, plan: &Plan) -> String {
        let found = match self {
            Target::Project(id) => project(plan, id).map(|p| p.title.as_str()),
            Target::Subtheme(id) => subtheme(plan, id).map(|s| s.name.as_str()),
            Target::Theme(id) => theme(plan, id).map(|t| t.name.as_str()),
            Target::Plan => Some(plan.title.as_str()),
        };
        found.or(self.id()).unwrap_or_default().to_string()
    }
}

/// Which field a change sets: two edits conflict when they share it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Status {
        project: String,
        year: u16,
    },
    Text(TextField),
    /// A theme's focus flag.
    Focus {
        theme: String,
    },
    PlanYear,
    /// Where an item sits, and whether it is in the plan at all.
    Place {
        kind: Kind,
        id: String,
    },
    /// Whether the open conflict on a field is open.
    Conflict(Box<Field>),
}

impl Field {
    /// What the field belongs to.
    pub fn target(&self) -> Target<'_> {
        match self {
            Field::Status { project, .. } => Target::Project(project),
            Field::Text(field) => field.target(),
            Field::Focus { theme } => Target::Theme(theme),
            Field::PlanYear => Target::Plan,
            Field::Place { kind, id } => Target::of(*kind, id),
            Field::Conflict(on) => on.target(),
        }
    }
}

// Items are found live or archived: a change to an item someone archived
// meanwhile is kept on the archived item.

pub(super) fn project<'p>(plan: &'p Plan, id: &str) -> Option<&'p Project> {
    plan.all_projects().find(|p| p.id == id)
}

pub(super) fn project_mut<'p>(plan: &'p mut Plan, id: &str) -> Option<&'p mut Project> {
    plan.any_project_mut(id)
}

pub(super) fn theme<'p>(plan: &'p Plan, id: &str) -> Option<&'p Theme> {
    plan.all_themes().find(|t| t.id == id)
}

pub(super) fn theme_mut<'p>(plan: &'p mut Plan, id: &str) -> Option<&'p mut Theme> {
    plan.any_theme_mut(id)
}

fn subtheme<'p>(plan: &'p Plan, id: &str) -> Option<&'p Subtheme> {
    plan.all_subthemes().find(|s| s.id == id)
}

fn subtheme_mut<'p>(plan: &'p mut Plan, id: &str) -> Option<&'p mut Subtheme> {
    plan.any_subtheme_mut(id)
}
