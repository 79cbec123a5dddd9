//! The per-user journal: edits this user committed that are not on disk yet, and
//! a half-typed inline edit, kept where only this user can read them.
//!
//! The journal lives in the user's own state directory (`$XDG_STATE_HOME/aoplan`,
//! else `~/.local/state/aoplan`), in a `journal/` folder of mode 0700, one file of
//! mode 0600 per plan, named after a hash of the plan's real path. Nothing of it is
//! kept beside the shared plan, so a colleague can neither read a half-typed note
//! nor plant a file that we would follow or block on. It is written when a save
//! cannot happen (a hang-up, a signal, a lock time-out, a broken or vanished plan)
//! and read at the next start of the same plan by the same user, whose edits are
//! then replayed through the normal merge.

use std::fs::{self, DirBuilder, OpenOptions};
use std::hash::Hasher;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::aux_file::{self, AuxReadError};
use crate::codec;
use crate::edit::Unsaved;
use crate::i18n::{AuxWhy, JournalDamage, JournalFault};

/// A journal is small; anything larger was not written by us.
pub const MAX_JOURNAL_BYTES: u64 = 16 * 1024 * 1024;

/// Why the journal could not be read.
#[derive(Debug)]
pub enum JournalError {
    Read(PathBuf, AuxReadError),
    /// Not owned by this user, or readable by others: never trusted.
    Foreign(PathBuf),
    Damaged(PathBuf, JournalDamage),
}

impl JournalError {
    /// What went wrong, as data that `i18n` words in either language.
    pub fn fault(&self) -> JournalFault {
        match self {
            JournalError::Read(path, e) => JournalFault::Read {
                path: path.clone(),
                why: AuxWhy::of(e, MAX_JOURNAL_BYTES),
            },
            JournalError::Foreign(path) => JournalFault::Foreign(path.clone()),
            JournalError::Damaged(path, damage) => JournalFault::Damaged {
                path: path.clone(),
                damage: damage.clone(),
            },
        }
    }
}

impl std::fmt::Display for JournalError {
    /// The English words; `Lang::journal_fault(&e.fault())` says it in either language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.fault().fmt(f)
    }
}

impl std::error::Error for JournalError {}

/// The journal of one plan file for the current user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    path: PathBuf,
    /// The plan's real path, recorded in the file so a hash collision is noticed.
    plan: PathBuf,
}

impl Journal {
    /// The journal of `plan` in the user's state directory, if there is one.
    pub fn for_plan(plan: &Path) -> Option<Journal> {
        let dirs = directories::ProjectDirs::from("", "", "aoplan")?;
        let base = dirs
            .state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .join("journal");
        Some(Journal::in_dir(&base, plan))
    }

    /// The journal of `plan` kept in `dir`.
    pub fn in_dir(dir: &Path, plan: &Path) -> Journal {
        let real = fs::canonicalize(plan).unwrap_or_else(|_| absolute(plan));
        let mut h = std::collections::hash_map::DefaultHasher::new();
        h.write(real.as_os_str().as_encoded_bytes());
        let name: String = real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .take(40)
            .collect();
        Journal {
            path: dir.join(format!("{name}-{:016x}.ron", h.finish())),
            plan: real,
        }
    }

    /// Where the journal is kept, for messages.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the entry durably, replacing the previous one; an empty entry
    /// removes the journal.
    pub fn write(&self, entry: &Unsaved) -> io::Result<()> {
        if entry.is_empty() {
            return self.clear();
        }
        let text = wire::encode(&self.plan, entry).map_err(io::Error::other)?;
        let dir = private_dir(parent(&self.path))?;
        let tmp = dir.join(format!(
            ".{}.{}.tmp",
            self.path.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id()
        ));
        let _ = fs::remove_file(&tmp);
        let written = (|| {
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .custom_flags(libc::O_NOFOLLOW)
                .open(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            fs::rename(&tmp, &self.path)?;
            fs::File::open(&dir)?.sync_all()
        })();
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }

    /// Reads the journal; `Ok(None)` when there is none.
    pub fn read(&self) -> Result<Option<Unsaved>, JournalError> {
        let bytes = match aux_file::read_limited(&self.path, MAX_JOURNAL_BYTES) {
            Ok(bytes) => bytes,
            Err(AuxReadError::NotFound) => return Ok(None),
            Err(e) => return Err(JournalError::Read(self.path.clone(), e)),
        };
        let meta = fs::symlink_metadata(&self.path)
            .map_err(|e| JournalError::Read(self.path.clone(), AuxReadError::Io(e)))?;
        // SAFETY: geteuid has no preconditions.
        let me = unsafe { libc::geteuid() };
        if meta.uid() != me || meta.mode() & 0o077 != 0 {
            return Err(JournalError::Foreign(self.path.clone()));
        }
        let damaged = |why: JournalDamage| JournalError::Damaged(self.path.clone(), why);
        let text = codec::decode(&bytes).map_err(|e| damaged(damage_at(e)))?;
        let (plan, entry) = wire::decode(text).map_err(damaged)?;
        Ok((plan == self.plan).then_some(entry))
    }

    /// Removes the journal; a journal that is not there is fine.
    pub fn clear(&self) -> io::Result<()> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// Creates `dir` (mode 0700) if needed and checks it is ours and private.
fn private_dir(dir: &Path) -> io::Result<PathBuf> {
    match DirBuilder::new().recursive(true).mode(0o700).create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = fs::symlink_metadata(dir)?;
    // SAFETY: geteuid has no preconditions.
    let me = unsafe { libc::geteuid() };
    if !meta.is_dir() || meta.uid() != me {
        return Err(io::Error::other(format!(
            "{} is not a directory of yours",
            dir.display()
        )));
    }
    if meta.mode() & 0o077 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(dir.to_path_buf())
}

/// A syntax error of the journal's text as what is damaged.
fn damage_at(e: codec::SyntaxError) -> JournalDamage {
    JournalDamage::Syntax {
        line: e.line,
        col: e.col,
        message: e.message,
    }
}

fn parent(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

mod wire;

#[cfg(test)]
mod tests;
