//! Edits that are not on disk yet: what the journal keeps of them, and why a
//! save of them failed. Plain data, made and read by the app, stored by the
//! journal and filled in by the runtime, so the app knows neither.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

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

/// Why a save did not happen, as the app shows it; the plan file is unchanged.
/// The runtime makes it from the storage's error and `i18n` puts it into words
/// (`Lang::not_saved`). What only the storage can describe (why a file is
/// read-only, why it no longer loads, an odd lock file) comes in its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailure {
    /// Saving is refused: why.
    ReadOnly(String),
    /// Another aoplan held the lock longer than the save waited.
    Locked {
        lock: PathBuf,
        holder: String,
        waited: Duration,
    },
    /// The file on disk changed and no longer loads: why not.
    DiskBroken(String),
    /// The plan file was deleted or moved away while it was open.
    Deleted(PathBuf),
    /// Reading or writing a file failed: which, the kind of error, and the
    /// system's words for it.
    Io {
        path: PathBuf,
        kind: io::ErrorKind,
        reason: String,
    },
    /// Anything else, as the storage describes it.
    Other(String),
}
