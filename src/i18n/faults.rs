//! Why a plan file could not be read, saved or locked, as plain data that
//! `i18n` puts into words ([`super::faults_words`]). The storage makes these
//! from its own errors (`LoadError::fault`, `SaveError::failure`,
//! `ReadOnlyReason::why`); the app, the UI and the commands only show them.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use super::aux_faults::Holder;
use crate::codec::SyntaxMessage;
use crate::plan::Problem;

/// A system error: its kind, and the system's own (English) words for it,
/// used where `i18n` has none of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoWhy {
    pub kind: io::ErrorKind,
    pub text: String,
}

impl IoWhy {
    pub fn of(e: &io::Error) -> IoWhy {
        IoWhy {
            kind: e.kind(),
            text: crate::platform::io_reason(e),
        }
    }
}

/// Why a plan file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFault {
    NotFound(PathBuf),
    /// Deleted or moved away while it was open.
    Deleted(PathBuf),
    IsDirectory(PathBuf),
    Fifo(PathBuf),
    /// A socket or a device.
    NotRegular(PathBuf),
    SymlinkLoop(PathBuf),
    /// Larger than the limit: its size and the limit, in bytes.
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    Unreadable {
        path: PathBuf,
        why: IoWhy,
    },
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: SyntaxMessage,
        /// The line with a caret under the column (may be empty).
        excerpt: String,
    },
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

/// Why saving is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyWhy {
    /// `--read-only`.
    Forced,
    NoWriteBits {
        path: PathBuf,
        mode: u32,
    },
    NotWritable(PathBuf),
    DirNotWritable(PathBuf),
    HardLinks {
        path: PathBuf,
        links: u64,
    },
    /// Saving would make this user the owner and change someone's permissions:
    /// `who` (`None`: the saver) would have `after` instead of `before`.
    OwnerChange {
        path: PathBuf,
        owner: String,
        who: Option<String>,
        before: String,
        after: String,
    },
    GroupNotKept {
        path: PathBuf,
        group: String,
    },
}

/// Why the new version could not get the plan's group, mode or attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaWhy {
    ReadAttributes(IoWhy),
    Group { group: String, why: IoWhy },
    Mode { wanted: u32, got: u32 },
    Acl(IoWhy),
    Attribute { name: String, why: IoWhy },
}

/// Why a save did not happen, as the app and the commands show it; the plan
/// file is unchanged in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailure {
    ReadOnly(ReadOnlyWhy),
    /// Another aoplan held the lock longer than the save waited.
    Locked {
        /// The plan, as the user gave it.
        plan: PathBuf,
        lock: PathBuf,
        holder: Holder,
        waited: Duration,
    },
    /// The lock file is a symbolic link (`true`) or not a regular file.
    BadLock {
        lock: PathBuf,
        symlink: bool,
    },
    /// The file on disk changed and no longer loads.
    DiskBroken(Box<FileFault>),
    /// Something other than a file is where the plan was.
    NotAFile(Box<FileFault>),
    /// The plan file was deleted or moved away while it was open.
    Deleted(PathBuf),
    Metadata {
        path: PathBuf,
        why: MetaWhy,
    },
    /// Another program kept replacing the file while we saved.
    Unstable(PathBuf),
    /// Another process replaced the temporary file or the plan while saving.
    Interfered(PathBuf),
    /// Reading or writing a file failed.
    Io {
        path: PathBuf,
        why: IoWhy,
    },
}
