//! The advisory lock that serialises writers of one plan file.
//!
//! It is a `flock` on `.<name>.lock` beside the plan: the kernel releases it when
//! the holder closes the file or dies, so a killed writer never leaves a stale lock.
//! The file's text only names the holder for the message of a writer that gives up.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use super::SaveError;

/// How long a save waits for another writer's lock before giving up, unless the
/// environment variable `AOPLAN_LOCK_TIMEOUT_MS` says otherwise (see [`lock_timeout`]).
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a save waits for the lock: `AOPLAN_LOCK_TIMEOUT_MS` milliseconds when
/// that is set to a number, else [`LOCK_TIMEOUT`].
pub fn lock_timeout() -> Duration {
    std::env::var("AOPLAN_LOCK_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map_or(LOCK_TIMEOUT, Duration::from_millis)
}

/// A held lock, released on drop.
pub(super) struct Lock {
    _file: File,
}

impl Lock {
    /// Waits up to [`lock_timeout`] for the lock at `path`, creating the file if needed.
    pub(super) fn acquire(path: &Path) -> Result<Lock, SaveError> {
        let io_err = |error| SaveError::Io {
            path: path.to_path_buf(),
            error,
        };
        let (mut file, writable) = open_lock_file(path).map_err(io_err)?;
        let deadline = Instant::now() + lock_timeout();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(SaveError::Locked {
                        lock: path.to_path_buf(),
                        holder: read_holder(&mut file),
                    });
                }
                Err(fs::TryLockError::Error(e)) => return Err(io_err(e)),
            }
        }
        if writable {
            record_holder(&mut file);
        }
        Ok(Lock { _file: file })
    }
}

/// Opens the lock file, creating it if needed. A symlink planted in its place is
/// refused rather than followed (saving would truncate whatever it points at). A lock
/// file created by a colleague that we may not write is still lockable read-only;
/// the boolean says whether we can write it.
fn open_lock_file(path: &Path) -> io::Result<(File, bool)> {
    let mut options = OpenOptions::new();
    options
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    let opened = match options
        .clone()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
    {
        Ok(file) => Ok((file, true)),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            options.open(path).map(|file| (file, false))
        }
        Err(e) => Err(e),
    };
    let (file, writable) = opened.map_err(|e| match e.raw_os_error() {
        Some(libc::ELOOP) => io::Error::other("the lock file is a symbolic link; remove it"),
        _ => e,
    })?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(
            "the lock file is not a regular file; remove it",
        ));
    }
    Ok((file, writable))
}

/// Who holds the lock, as its holder recorded it; control characters are blanked.
fn read_holder(file: &mut File) -> String {
    let mut bytes = Vec::new();
    let _ = Read::take(&mut *file, 200).read_to_end(&mut bytes);
    let text: String = String::from_utf8_lossy(&bytes)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match text.trim() {
        "" => "an unknown process".into(),
        holder => holder.to_string(),
    }
}

/// Writes who we are into the lock file; best effort, it only serves messages.
fn record_holder(file: &mut File) {
    let who = format!(
        "{} (pid {}) since {}",
        crate::edit::login_name(),
        std::process::id(),
        crate::timestamp::Timestamp::now()
    );
    let _ = file
        .set_len(0)
        .and_then(|()| file.write_all(who.as_bytes()));
}
