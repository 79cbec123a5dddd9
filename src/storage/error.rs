//! Why a plan file could not be loaded or saved: typed, each with its message.

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::MAX_PLAN_BYTES;
use super::lock::lock_timeout;
use super::meta::MetaError;
use super::readonly::ReadOnlyReason;
use crate::codec::SyntaxError;
use crate::edit::SaveFailure;
use crate::plan::Problem;
use crate::platform::io_reason;

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
        error: SyntaxError,
        excerpt: String,
    },
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

/// How many problems a message lists; a generated file can have thousands.
const MAX_LISTED_PROBLEMS: usize = 100;

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(f, "{}: no such file", p.display()),
            LoadError::Deleted(p) => write!(
                f,
                "{}: the plan file was deleted or moved away while it was open",
                p.display()
            ),
            LoadError::IsDirectory(p) => {
                write!(f, "{}: is a directory, not a plan file", p.display())
            }
            LoadError::Fifo(p) => write!(
                f,
                "{}: is a FIFO (named pipe), not a regular file; give the path of a .ron plan file",
                p.display()
            ),
            LoadError::NotRegular(p) => write!(
                f,
                "{}: not a regular file (a socket or device); give the path of a .ron plan file",
                p.display()
            ),
            LoadError::SymlinkLoop(p) => write!(
                f,
                "{}: too many levels of symbolic links (a link that leads back to itself); fix the link",
                p.display()
            ),
            LoadError::TooLarge(p, len) => write!(
                f,
                "{}: {} MiB is too large for a plan file (the limit is {} MiB); is this the right file?",
                p.display(),
                len.div_ceil(1 << 20),
                MAX_PLAN_BYTES >> 20
            ),
            LoadError::Io(p, e) => write!(f, "{}: cannot read: {}", p.display(), io_reason(e)),
            LoadError::Syntax {
                path,
                error,
                excerpt,
            } => {
                write!(
                    f,
                    "{}:{}:{}: {}",
                    path.display(),
                    error.line,
                    error.col,
                    error.message
                )?;
                if !excerpt.is_empty() {
                    write!(f, "\n{excerpt}")?;
                }
                Ok(())
            }
            LoadError::Invalid { path, problems } => {
                let n = problems.len();
                write!(
                    f,
                    "{}: {n} problem{} in the plan:",
                    path.display(),
                    if n == 1 { "" } else { "s" }
                )?;
                for p in problems.iter().take(MAX_LISTED_PROBLEMS) {
                    write!(f, "\n  - {p}")?;
                }
                if n > MAX_LISTED_PROBLEMS {
                    write!(f, "\n  … and {} more", n - MAX_LISTED_PROBLEMS)?;
                }
                Ok(())
            }
        }
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
        lock: PathBuf,
        holder: String,
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not saved: {}", Reason(self))
    }
}

/// What went wrong, without the "not saved: " that [`SaveError`] starts with.
struct Reason<'a>(&'a SaveError);

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            SaveError::ReadOnly(why) => write!(f, "{why}"),
            SaveError::Locked { lock, holder } => write!(
                f,
                "another aoplan is saving {} and did not finish within {:.1} s (lock held by {holder})",
                lock.display(),
                lock_timeout().as_secs_f64()
            ),
            SaveError::BadLock { lock, problem } => {
                let what = match problem {
                    LockProblem::Symlink => "is a symbolic link",
                    LockProblem::NotRegular => "is not a regular file",
                };
                write!(f, "{}: the lock file {what}; remove it", lock.display())
            }
            SaveError::DiskBroken(e) => write!(
                f,
                "the file on disk was changed and no longer loads; fix it first.\n{e}"
            ),
            SaveError::NotAFile(e) => write!(f, "{e}"),
            SaveError::Deleted(p) => write!(
                f,
                "{} was deleted or moved away while it was open; put a plan file back at that path to save",
                p.display()
            ),
            SaveError::Metadata { path, error } => {
                write!(f, "{}: {error}; the file is unchanged", path.display())
            }
            SaveError::Unstable(p) => write!(
                f,
                "{} kept being replaced while saving (a program that ignores aoplan's lock?); try again",
                p.display()
            ),
            SaveError::Interfered(p) => write!(
                f,
                "another process replaced {} (or aoplan's temporary file beside it) at the moment of saving; \
                 the version before is kept as its .bak; check the file and save again",
                p.display()
            ),
            SaveError::Io { path, error } => {
                write!(f, "{}: {}", path.display(), io_reason(error))
            }
        }
    }
}

impl std::error::Error for SaveError {}

impl SaveError {
    /// The failure as the UI shows it, in either language.
    pub fn failure(&self) -> SaveFailure {
        match self {
            SaveError::ReadOnly(why) => SaveFailure::ReadOnly(why.to_string()),
            SaveError::Locked { lock, holder } => SaveFailure::Locked {
                lock: lock.clone(),
                holder: holder.clone(),
                waited: lock_timeout(),
            },
            SaveError::DiskBroken(e) => SaveFailure::DiskBroken(e.to_string()),
            SaveError::Deleted(path) => SaveFailure::Deleted(path.clone()),
            SaveError::Io { path, error } => SaveFailure::Io {
                path: path.clone(),
                kind: error.kind(),
                reason: io_reason(error),
            },
            _ => SaveFailure::Other(Reason(self).to_string()),
        }
    }
}
