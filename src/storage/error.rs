//! Why a plan file could not be loaded or saved: typed, with the data that
//! `i18n` puts into words (`LoadError::fault`, `SaveError::failure`).

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::MAX_PLAN_BYTES;
use super::lock::lock_timeout;
use super::meta::MetaError;
use super::readonly::ReadOnlyReason;
use crate::codec::SyntaxError;
use crate::i18n::{FileFault, Holder, IoWhy, Lang, SaveFailure};
use crate::plan::Problem;

/// Why a plan file could not be used.
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    /// The plan was open and its file is gone: deleted or moved away since.
    Deleted(PathBuf),
    IsDirectory(PathBuf),
    /// A named pipe, which would block a reader until someone writes to it.
    Fifo(PathBuf),
    /// A socket or a device.
    NotRegular(PathBuf),
    /// Symbolic links that lead back to themselves (`ELOOP`).
    SymlinkLoop(PathBuf),
    /// Larger than [`MAX_PLAN_BYTES`]; holds the size seen.
    TooLarge(PathBuf, u64),
    Io(PathBuf, io::Error),
    Syntax {
        path: PathBuf,
        error: Box<SyntaxError>,
        excerpt: String,
    },
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

impl fmt::Display for LoadError {
    /// The English words; `Lang::file_fault(&e.fault())` says it in either language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.file_fault(&self.fault()))
    }
}

impl std::error::Error for LoadError {}

/// What is wrong with the lock file beside the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockProblem {
    /// A symbolic link, which is never followed.
    Symlink,
    /// A directory, FIFO, socket or device.
    NotRegular,
}

/// Why a save did not happen. The plan file on disk is unchanged in every case.
#[derive(Debug)]
pub enum SaveError {
    ReadOnly(ReadOnlyReason),
    Locked {
        /// The plan, as the user gave it.
        plan: PathBuf,
        lock: PathBuf,
        holder: Holder,
    },
    BadLock {
        lock: PathBuf,
        problem: LockProblem,
    },
    /// The file on disk changed and no longer loads; we refuse to overwrite it.
    DiskBroken(LoadError),
    /// A directory, FIFO, socket, device or symlink loop is where the plan was.
    NotAFile(LoadError),
    /// The plan file is gone: deleted or moved away while it was open.
    Deleted(PathBuf),
    /// The new file could not be given the plan's group, mode, ACL or attributes.
    Metadata {
        path: PathBuf,
        error: MetaError,
    },
    /// Another program kept replacing the file while we saved, without the lock.
    Unstable(PathBuf),
    /// Another process replaced aoplan's temporary file, or the plan, at the moment
    /// of saving; what was replaced is kept as the backup.
    Interfered(PathBuf),
    Io {
        path: PathBuf,
        error: io::Error,
    },
}

impl fmt::Display for SaveError {
    /// The English words; `Lang::not_saved(&e.failure())` says it in either language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.not_saved(&self.failure(), &jiff::tz::TimeZone::UTC))
    }
}

impl std::error::Error for SaveError {}

impl LoadError {
    /// What went wrong, as data that `i18n` words in either language.
    pub fn fault(&self) -> FileFault {
        match self {
            LoadError::NotFound(p) => FileFault::NotFound(p.clone()),
            LoadError::Deleted(p) => FileFault::Deleted(p.clone()),
            LoadError::IsDirectory(p) => FileFault::IsDirectory(p.clone()),
            LoadError::Fifo(p) => FileFault::Fifo(p.clone()),
            LoadError::NotRegular(p) => FileFault::NotRegular(p.clone()),
            LoadError::SymlinkLoop(p) => FileFault::SymlinkLoop(p.clone()),
            LoadError::TooLarge(path, size) => FileFault::TooLarge {
                path: path.clone(),
                size: *size,
                limit: MAX_PLAN_BYTES,
            },
            LoadError::Io(path, e) => FileFault::Unreadable {
                path: path.clone(),
                why: IoWhy::of(e),
            },
            LoadError::Syntax {
                path,
                error,
                excerpt,
            } => FileFault::Syntax {
                path: path.clone(),
                line: error.line,
                col: error.col,
                message: error.message.clone(),
                excerpt: excerpt.clone(),
            },
            LoadError::Invalid { path, problems } => FileFault::Invalid {
                path: path.clone(),
                problems: problems.clone(),
            },
        }
    }
}

impl SaveError {
    /// The failure as data that `i18n` words in either language, for the UI
    /// and the commands alike.
    pub fn failure(&self) -> SaveFailure {
        match self {
            SaveError::ReadOnly(why) => SaveFailure::ReadOnly(why.why()),
            SaveError::Locked { plan, lock, holder } => SaveFailure::Locked {
                plan: plan.clone(),
                lock: lock.clone(),
                holder: holder.clone(),
                waited: lock_timeout(),
            },
            SaveError::BadLock { lock, problem } => SaveFailure::BadLock {
                lock: lock.clone(),
                symlink: *problem == LockProblem::Symlink,
            },
            SaveError::DiskBroken(e) => SaveFailure::DiskBroken(Box::new(e.fault())),
            SaveError::NotAFile(e) => SaveFailure::NotAFile(Box::new(e.fault())),
            SaveError::Deleted(path) => SaveFailure::Deleted(path.clone()),
            SaveError::Metadata { path, error } => SaveFailure::Metadata {
                path: path.clone(),
                why: error.why(),
            },
            SaveError::Unstable(p) => SaveFailure::Unstable(p.clone()),
            SaveError::Interfered(p) => SaveFailure::Interfered(p.clone()),
            SaveError::Io { path, error } => SaveFailure::Io {
                path: path.clone(),
                why: IoWhy::of(error),
            },
        }
    }
}
