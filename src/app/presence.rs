//! Together on one plan: the colleagues' UIs the runtime reports
//! ([`super::Event::Presence`]), and what this UI tells them it looks at
//! ([`App::activity`], which the runtime reads after every event and announces).

use super::{App, ConflictChoice, ConflictOrigin, Effect, Mode, Pane};

/// Another UI open on the same plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    /// Who, as the runtime could vouch for it (safe to show).
    pub user: String,
    /// The id of the project, sub-theme or theme they have selected or open.
    pub item: Option<String>,
    /// Whether they have an editor open on `item`.
    pub editing: bool,
}

/// What this UI has selected or open, for the others to see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Activity {
    /// The id of the item selected, or being edited.
    pub item: Option<String>,
    /// Whether an editor (an inline edit, the status picker) is open on `item`.
    pub editing: bool,
}

impl App {
    /// The other UIs open on the plan, as last reported, sorted by name.
    pub fn peers(&self) -> &[Peer] {
        &self.peers
    }

    /// Takes the new list; nothing for the runtime to do.
    pub(super) fn on_presence(&mut self, peers: Vec<Peer>) -> Vec<Effect> {
        self.peers = peers;
        Vec::new()
    }

    /// Who else has an editor open on the item `id`.
    pub fn editors_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.peers
            .iter()
            .filter(move |p| p.editing && p.item.as_deref() == Some(id))
            .map(|p| p.user.as_str())
    }

    /// The id of the item the user looks at: the selection of the focused pane
    /// (the item the details show), else the sub-theme or theme around it.
    pub fn shown_item(&self) -> Option<&str> {
        let theme = || self.theme().map(|t| t.id.as_str());
        let subtheme = || self.subtheme().map(|s| s.id.as_str());
        match self.view.focus {
            Pane::Projects => self
                .selected_project()
                .map(|(_, p)| p.id.as_str())
                .or_else(subtheme)
                .or_else(theme),
            Pane::Subthemes => subtheme().or_else(theme),
            Pane::Themes => theme(),
        }
    }

    /// What to tell the others: the item an editor is open on, else the item
    /// shown.
    pub fn activity(&self) -> Activity {
        let editing = match &self.mode {
            Mode::Editing(e)
            | Mode::Conflict(ConflictChoice {
                origin: ConflictOrigin::Editor(e),
                ..
            }) => Some(e.field.target().id().map(str::to_string)),
            Mode::Picker(picker) => Some(Some(picker.project.clone())),
            // An edit form is an editor on its item; an addition has no item yet.
            Mode::Form(form) => form.editing().map(|(_, id)| Some(id.to_string())),
            _ => None,
        };
        match editing {
            Some(item) => Activity {
                editing: item.is_some(),
                item,
            },
            None => Activity {
                item: self.shown_item().map(str::to_string),
                editing: false,
            },
        }
    }
}
