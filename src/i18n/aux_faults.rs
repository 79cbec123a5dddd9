//! What went wrong with aoplan's own small files (the config, the journal) and
//! who holds a plan's lock, as plain data that `i18n` puts into words
//! ([`super::aux_words`]). The config, the journal and the storage make these;
//! the commands and the UI only show them.

use std::path::PathBuf;

use super::faults::IoWhy;
use crate::aux_file::AuxReadError;
use crate::codec::SyntaxMessage;
use crate::timestamp::Timestamp;

/// Why a small file of aoplan's own could not be read ([`AuxReadError`] as data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuxWhy {
    NotFound,
    /// A symbolic link, which is not followed.
    Symlink,
    /// A directory, FIFO, socket or device.
    NotRegular,
    /// Larger than the limit: the size seen and the limit, in bytes.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(IoWhy),
}

impl AuxWhy {
    /// The data of a read error; `limit` is the largest size the read allowed.
    pub fn of(e: &AuxReadError, limit: u64) -> AuxWhy {
        match e {
            AuxReadError::NotFound => AuxWhy::NotFound,
            AuxReadError::Symlink => AuxWhy::Symlink,
            AuxReadError::NotRegular => AuxWhy::NotRegular,
            AuxReadError::TooLarge(size) => AuxWhy::TooLarge { size: *size, limit },
            AuxReadError::Io(e) => AuxWhy::Io(IoWhy::of(e)),
        }
    }
}

/// Why this user's journal of unsaved edits could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalFault {
    Read {
        path: PathBuf,
        why: AuxWhy,
    },
    /// Not owned by this user, or readable by others: never trusted.
    Foreign(PathBuf),
    Damaged {
        path: PathBuf,
        damage: JournalDamage,
    },
}

/// What is wrong inside a journal file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalDamage {
    /// Not readable as a journal: at a position, what the parser found.
    Syntax {
        line: usize,
        col: usize,
        message: SyntaxMessage,
    },
    /// Written by a newer aoplan, in a version this one does not know.
    UnknownVersion(u32),
    /// A version 1 edit of this project mixes a status and a text.
    MixedKinds { project: String },
}

/// Why the config file is ignored (its defaults are used instead).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    pub path: PathBuf,
    pub problem: ConfigProblem,
}

/// What is wrong with the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// It could not be read; `links_to` is the file a symbolic link names.
    Unreadable {
        why: AuxWhy,
        links_to: Option<PathBuf>,
    },
    /// It does not read as settings: at a line and column, with that line
    /// and a caret under the column (may be empty).
    Syntax {
        line: usize,
        col: usize,
        message: ConfigMessage,
        excerpt: String,
    },
}

/// What is wrong at a position in the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigMessage {
    UnknownSetting {
        found: String,
        expected: Vec<String>,
    },
    UnknownValue {
        found: String,
        expected: Vec<String>,
    },
    DuplicateSetting(String),
    /// Anything else, in the terms of the plan file's reader.
    Syntax(SyntaxMessage),
}

/// Who holds a plan's lock, as the lock file says. The file is shared and
/// anyone who may write the plan may write it: every text here is made safe
/// to show, and none is trusted to be what it claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// What aoplan records: `NAME (pid N) since TIME`, the time optional.
    Known {
        name: String,
        pid: u32,
        since: Option<Timestamp>,
    },
    /// Text in another shape, as it is (control characters left out).
    Other(String),
    /// The lock file says nothing.
    Unknown,
    /// The lock file kept being replaced while we waited.
    KeepsChanging,
    /// Another process holds the lock on the plan's directory.
    Directory(PathBuf),
}
