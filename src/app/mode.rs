//! What the app is doing: the mode the keyboard talks to, the outcome of the
//! last save, and the one-off notices in the footer.

use crate::i18n::SaveFailure;
use crate::keymap::Context;

use super::{
    ArchiveConfirm, ArchiveState, ChangesState, ConflictChoice, ConflictsState, DatePrompt,
    Editing, Form, ListingState, MoveState, Picker, SearchState, SummaryState,
};

/// What the keyboard is talking to; each mode carries its own data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Search(SearchState),
    Picker(Picker),
    Editing(Editing),
    /// The add and edit form.
    Form(Form),
    /// The progress view, over the panes.
    Summary(SummaryState),
    /// The recent-changes view, over the panes.
    Changes(ChangesState),
    Help {
        scroll: u16,
    },
    /// Quit was asked with unsaved edits: waiting for their save.
    Quitting,
    /// Saving before quitting failed.
    ConfirmQuit {
        error: SaveFailure,
    },
    /// Someone else changed the field an undo, redo or inline edit would set.
    Conflict(ConflictChoice),
    /// Choosing where to move a project or sub-theme.
    Move(MoveState),
    /// Asking before archiving an item.
    ConfirmArchive(ArchiveConfirm),
    /// The archive view, over the panes.
    Archive(ArchiveState),
    /// The open conflicts a git merge left, over the panes.
    OpenConflicts(ConflictsState),
    /// Asking for the date to show the plan at.
    DatePrompt(DatePrompt),
    /// The projects of the whole plan that pass a filter, over the panes.
    Listing(ListingState),
}

impl Mode {
    /// Which bindings of the keymap apply.
    pub fn context(&self) -> Context {
        match self {
            Mode::Browse => Context::Browse,
            Mode::Search(_) => Context::Search,
            Mode::Picker(_) => Context::Picker,
            Mode::Editing(editing) if editing.asking => Context::Discard,
            Mode::Editing(_) => Context::Editing,
            Mode::Form(form) => form.context(),
            Mode::Summary(_) => Context::Summary,
            Mode::Changes(_) => Context::Changes,
            Mode::Help { .. } => Context::Help,
            Mode::Quitting | Mode::ConfirmQuit { .. } => Context::ConfirmQuit,
            Mode::Conflict(_) => Context::Conflict,
            Mode::Move(_) => Context::Move,
            Mode::ConfirmArchive(_) => Context::ConfirmArchive,
            Mode::Archive(_) => Context::Archive,
            Mode::OpenConflicts(_) => Context::OpenConflicts,
            Mode::DatePrompt(_) => Context::DatePrompt,
            Mode::Listing(_) => Context::Listing,
        }
    }
}

/// The outcome of the last save, for the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing saved yet this session.
    Idle,
    /// Saved at this local time ("14:02").
    Saved(String),
    Failed(SaveFailure),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
}

/// A one-off message in the footer, cleared by the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}
