//! The advisory lock that serialises writers of one plan file.
//!
//! It is a `flock` on `.<name>.lock` beside the plan: the kernel releases it when
//! the holder closes the file or dies, so a killed writer never leaves a stale lock.
//! After the lock is taken, the name must still lead to the locked file: a lock on
//! a file someone deleted or replaced meanwhile excludes nobody, so we start over.
//! The file's text only names the holder, for the messages of writers that wait.
//!
//! A colleague can still delete the lock file while a writer holds it, and the next
//! writer then locks a new file. So a writer also takes a `flock` on the plan's
//! directory, which nobody can delete or replace without write access to its parent.
//! Where a directory cannot be locked (no read permission, or a network file system
//! without `flock`), the lock file alone serialises writers.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

use super::error::{LockProblem, SaveError};
use crate::i18n::Holder;
use crate::timestamp::Timestamp;

/// How long a save waits for another writer's lock before giving up, unless the
/// environment variable `AOPLAN_LOCK_TIMEOUT_MS` says otherwise (see [`lock_timeout`]).
pub(crate) const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a save waits for the lock: `AOPLAN_LOCK_TIMEOUT_MS` milliseconds when
/// that is set to a number, else [`LOCK_TIMEOUT`].
pub(crate) fn lock_timeout() -> Duration {
    std::env::var("AOPLAN_LOCK_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map_or(LOCK_TIMEOUT, Duration::from_millis)
}

/// How often a waiting writer tries again, and re-reads who holds the lock.
const POLL: Duration = Duration::from_millis(5);
const HOLDER_POLL: Duration = Duration::from_millis(100);

/// The most of the lock file's text that is read for a message.
const MAX_HOLDER_BYTES: usize = 200;

/// A held lock, released on drop.
#[derive(Debug)]
pub(super) struct Lock {
    _file: File,
    _dir: Option<File>,
}

impl Lock {
    /// Waits up to [`lock_timeout`] for the lock at `path`, creating the file if
    /// needed with the group of `plan` (the plan file's metadata) and a mode that
    /// lets everyone who may write the plan take the lock. `on_wait` hears who
    /// holds it when we first find it taken, and again whenever that changes.
    /// `shown` is the plan as the user gave it, for the message of a time-out.
    pub(super) fn acquire(
        path: &Path,
        shown: &Path,
        plan: &fs::Metadata,
        on_wait: &mut dyn FnMut(&Holder),
    ) -> Result<Lock, SaveError> {
        let io_err = |error| SaveError::Io {
            path: path.to_path_buf(),
            error,
        };
        let deadline = Instant::now() + lock_timeout();
        let mut told: Option<Holder> = None;
        loop {
            let (file, writable) = open_lock_file(path, plan)?;
            let mut last_read = None::<Instant>;
            loop {
                match file.try_lock() {
                    Ok(()) => break,
                    Err(fs::TryLockError::WouldBlock) => {
                        if last_read.is_none_or(|t| t.elapsed() >= HOLDER_POLL) {
                            last_read = Some(Instant::now());
                            let holder = read_holder(&file);
                            if told.as_ref() != Some(&holder) {
                                on_wait(&holder);
                                told = Some(holder);
                            }
                        }
                        if Instant::now() >= deadline {
                            return Err(SaveError::Locked {
                                plan: shown.to_path_buf(),
                                lock: path.to_path_buf(),
                                holder: read_holder(&file),
                            });
                        }
                        std::thread::sleep(POLL);
                    }
                    Err(fs::TryLockError::Error(e)) => return Err(io_err(e)),
                }
            }
            // Still the file that the name leads to? If it was deleted or replaced
            // while we waited, our lock excludes nobody: take the new one.
            let ours = file.metadata().map_err(io_err)?;
            let named = fs::symlink_metadata(path).ok();
            if named.is_some_and(|n| (n.dev(), n.ino()) == (ours.dev(), ours.ino())) {
                if writable && ours.nlink() == 1 {
                    record_holder(&file);
                }
                let dir = lock_dir(path, shown, deadline, &mut told, on_wait)?;
                return Ok(Lock {
                    _file: file,
                    _dir: dir,
                });
            }
            if Instant::now() >= deadline {
                return Err(SaveError::Locked {
                    plan: shown.to_path_buf(),
                    lock: path.to_path_buf(),
                    holder: Holder::KeepsChanging,
                });
            }
        }
    }
}

/// Locks the directory of the lock file `path`, waiting until `deadline`; `None`
/// where directories cannot be locked.
fn lock_dir(
    path: &Path,
    shown: &Path,
    deadline: Instant,
    told: &mut Option<Holder>,
    on_wait: &mut dyn FnMut(&Holder),
) -> Result<Option<File>, SaveError> {
    let dir = super::names::parent(path);
    let Ok(file) = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOCTTY | libc::O_CLOEXEC)
        .open(dir)
    else {
        return Ok(None);
    };
    // We hold the lock file, so whoever holds the directory lost theirs: an aoplan
    // whose lock file was deleted under it, or another program.
    let holder = || Holder::Directory(dir.to_path_buf());
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) => {
                let h = holder();
                if told.as_ref() != Some(&h) {
                    on_wait(&h);
                    *told = Some(h);
                }
                if Instant::now() >= deadline {
                    return Err(SaveError::Locked {
                        plan: shown.to_path_buf(),
                        lock: path.to_path_buf(),
                        holder: holder(),
                    });
                }
                std::thread::sleep(POLL);
            }
            Err(fs::TryLockError::Error(_)) => return Ok(None),
        }
    }
}

/// The mode a lock file gets: read and write for owner and group, and for others
/// too when others may write the plan, whatever the creator's umask.
fn lock_mode(plan: &fs::Metadata) -> u32 {
    if plan.mode() & 0o002 != 0 {
        0o666
    } else {
        0o660
    }
}

/// Opens the lock file, creating it if needed. Never through a symlink; only a
/// regular file is used. A lock file created by a colleague that we may not write
/// is still lockable read-only (the boolean says whether we can write it); one we
/// may not even open (made under a strict umask by an older version) is replaced.
fn open_lock_file(path: &Path, plan: &fs::Metadata) -> Result<(File, bool), SaveError> {
    let io_err = |error| SaveError::Io {
        path: path.to_path_buf(),
        error,
    };
    let bad = |problem| SaveError::BadLock {
        lock: path.to_path_buf(),
        problem,
    };
    let flags = libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC;
    let mut replaced = false;
    let (file, writable) = loop {
        let created = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(flags)
            .open(path);
        match created {
            Ok(file) => {
                // The group and mode come from the plan, not from our umask.
                let _ = std::os::unix::fs::fchown(&file, None, Some(plan.gid()));
                let _ = file.set_permissions(fs::Permissions::from_mode(lock_mode(plan)));
                break (file, true);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io_err(e)),
        }
        let mut options = OpenOptions::new();
        options.read(true).custom_flags(flags);
        match options.clone().write(true).open(path) {
            Ok(file) => break (file, true),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
                return Err(bad(LockProblem::Symlink));
            }
            Err(e) => return Err(io_err(e)),
        }
        match options.open(path) {
            Ok(file) => break (file, false),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied && !replaced => {
                // Nobody but its owner can lock it: make a usable one in its place.
                replaced = true;
                fs::remove_file(path).or_else(|e| match e.kind() {
                    io::ErrorKind::NotFound => Ok(()),
                    _ => Err(io_err(e)),
                })?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_err(e)),
        }
    };
    let meta = file.metadata().map_err(io_err)?;
    if !meta.is_file() {
        return Err(bad(LockProblem::NotRegular));
    }
    // SAFETY: geteuid has no preconditions.
    if meta.uid() == unsafe { libc::geteuid() } {
        // Ours but too strict (an older version's, or made under a strict umask): repair.
        if meta.gid() != plan.gid() {
            let _ = std::os::unix::fs::fchown(&file, None, Some(plan.gid()));
        }
        if meta.mode() & 0o777 != lock_mode(plan) {
            let _ = file.set_permissions(fs::Permissions::from_mode(lock_mode(plan)));
        }
    }
    Ok((file, writable))
}

/// Who holds the lock, as its holder recorded it.
fn read_holder(file: &File) -> Holder {
    let mut buf = [0u8; MAX_HOLDER_BYTES];
    let n = file.read_at(&mut buf, 0).unwrap_or(0);
    parse_holder(&buf[..n])
}

/// What a lock file says about its holder. Anyone who may write the plan may
/// write the lock file, so any bytes are taken: at most [`MAX_HOLDER_BYTES`],
/// control characters left out, and text that is not in the shape aoplan
/// writes (`NAME (pid N) since TIME`, the time optional) kept as it is.
fn parse_holder(bytes: &[u8]) -> Holder {
    let bytes = &bytes[..bytes.len().min(MAX_HOLDER_BYTES)];
    let text: String = String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let text = text.trim();
    if text.is_empty() {
        return Holder::Unknown;
    }
    known_holder(text)
        .unwrap_or_else(|| Holder::Other(crate::terminal_safe::line(text).into_owned()))
}

/// `NAME (pid N) since TIME` or `NAME (pid N)`, exactly.
fn known_holder(text: &str) -> Option<Holder> {
    let (who, since) = match text.rsplit_once(") since ") {
        Some((who, at)) => (who, Some(Timestamp::parse_rfc3339(at)?)),
        None => (text.strip_suffix(')')?, None),
    };
    let (name, pid) = who.rsplit_once(" (pid ")?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Holder::Known {
        name: crate::terminal_safe::user_name(name)?,
        pid: pid.parse().ok()?,
        since,
    })
}

/// Writes who we are into the lock file; best effort, it only serves messages.
/// The text is the same in every language (`NAME (pid N) since TIME`, the time
/// in UTC), as colleagues with other languages and older versions read it.
fn record_holder(file: &File) {
    let who = format!(
        "{} (pid {}) since {}",
        crate::platform::login_name(),
        std::process::id(),
        Timestamp::now()
    );
    let _ = file
        .set_len(0)
        .and_then(|()| file.write_all_at(who.as_bytes(), 0));
}

#[cfg(test)]
#[path = "lock_tests.rs"]
mod tests;
