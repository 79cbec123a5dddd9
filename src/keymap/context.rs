//! Where a key is pressed: the contexts of the key table.

use crate::i18n::Lang;

/// Where a key is pressed: each mode of the app has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Browse,
    Search,
    Picker,
    Editing,
    Summary,
    Changes,
    Help,
    ConfirmQuit,
    /// Someone else changed the field: keep mine or take theirs.
    Conflict,
    /// The add and edit form.
    Form,
    /// Esc in a form with typed text: discard it?
    Discard,
    /// The fuzzy picker of where to move a project or sub-theme.
    Move,
    /// Archive the selected item? Only Enter says yes.
    ConfirmArchive,
    /// The archive view.
    Archive,
    /// The open conflicts a git merge left: keep or take.
    OpenConflicts,
    /// The date prompt of time travel.
    DatePrompt,
    /// The filter view: all projects of the plan by a filter.
    Listing,
    /// The panes while they show the plan as it was: these keys first, then
    /// the browse keys (edits among them are refused).
    Travel,
}

impl Context {
    /// In the order the help overlay lists them.
    pub const ALL: [Context; 18] = [
        Context::Browse,
        Context::Search,
        Context::Picker,
        Context::Editing,
        Context::Form,
        Context::Discard,
        Context::Conflict,
        Context::Move,
        Context::ConfirmArchive,
        Context::Summary,
        Context::Changes,
        Context::Archive,
        Context::Listing,
        Context::OpenConflicts,
        Context::DatePrompt,
        Context::Travel,
        Context::Help,
        Context::ConfirmQuit,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        let t = lang.keys();
        match self {
            Context::Browse => t.ctx_browse,
            Context::Search => t.ctx_search,
            Context::Picker => t.ctx_picker,
            Context::Editing => t.ctx_editing,
            Context::Summary => t.ctx_summary,
            Context::Changes => t.ctx_changes,
            Context::Help => t.ctx_help,
            Context::ConfirmQuit => t.ctx_confirm,
            Context::Conflict => t.ctx_conflict,
            Context::Form => lang.form().ctx_form,
            Context::Discard => lang.form().ctx_discard,
            Context::Move => lang.arrange().ctx_move,
            Context::ConfirmArchive => lang.arrange().ctx_confirm_archive,
            Context::Archive => lang.arrange().ctx_archive,
            Context::OpenConflicts => lang.conflicts().view_title,
            Context::DatePrompt => lang.travel().ctx_prompt,
            Context::Listing => lang.listing().view_title,
            Context::Travel => lang.travel().ctx_travel,
        }
    }
}
