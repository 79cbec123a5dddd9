//! Edits that are not on disk yet: what the journal keeps of them. Plain data,
//! made and read by the app and stored by the journal, so the app knows
//! neither. (Why a save failed is `i18n::SaveFailure`.)

use super::{Edit, TextField};

/// Everything not on disk yet: what this user's journal keeps for one plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unsaved {
    /// Committed edits that were not saved, oldest first.
    pub edits: Vec<Edit>,
    /// A half-typed inline edit: the field and its text.
    pub input: Option<(TextField, String)>,
}

impl Unsaved {
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty() && self.input.is_none()
    }
}
