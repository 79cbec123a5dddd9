//! Plan files on disk: finding, loading with clear errors, and safe saving among
//! colleagues who share the plan's directory.
//!
//! Saving is atomic and durable (exclusive temporary file, fsync, swap or rename,
//! fsync of the directory), keeps the file's group, mode, ACL, extended attributes
//! and symlinks (and its owner where the saver may), keeps the previous version as
//! `<name>.bak`, and runs under an advisory lock on `.<name>.lock` so that
//! concurrent writers merge instead of overwriting each other. Nothing is ever
//! written through a name someone else could have planted. `docs/security.md`
//! says what a colleague can and cannot do.
//!
//! - [`read`]: opening, reading and parsing, with typed errors ([`error`])
//! - [`store`]: [`Store`], the open plan, and [`Store::sync`]
//! - [`lock`]: the lock; [`save`]: the replace step; [`atomic`]: temporary files
//! - [`meta`] and [`access`]: carrying metadata over, and the owner rule
//! - [`names`]: aoplan's own names beside the plan, and leftovers
//! - [`readonly`]: why a plan cannot be saved

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

mod access;
mod atomic;
mod error;
mod lock;
mod meta;
mod names;
mod read;
mod readonly;
mod save;
mod store;
#[cfg(test)]
mod tests;

pub use access::{Affected, OwnerChange, Perms};
pub(crate) use atomic::{check, cstr, open_at, random_part};
pub use error::{LoadError, LockProblem, SaveError};
pub(crate) use lock::lock_timeout;
pub use meta::MetaError;
pub use read::{load, parse_plan};
pub use readonly::ReadOnlyReason;
pub use store::{Store, SyncReport};

/// The bundled Activiteitenplan 2026, written to the data directory on first use.
pub const BUNDLED_PLAN: &str = include_str!("../../data/activiteitenplan-2026.ron");

/// The largest plan file we read. The real plan is about 60 KB; this bound keeps a
/// wrong path (a disk image, a log) from eating all memory.
pub const MAX_PLAN_BYTES: u64 = 128 * 1024 * 1024;

/// Where the plan file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env,
    Config,
    Default,
}

/// The plan path: `--file` > `AOPLAN_FILE` > the config file's `file` > the user's
/// data directory.
pub fn resolve(
    flag: Option<&Path>,
    configured: Option<&Path>,
) -> Result<(PathBuf, Origin), NoHome> {
    if let Some(p) = flag {
        return Ok((p.to_path_buf(), Origin::Flag));
    }
    if let Some(p) = std::env::var_os("AOPLAN_FILE").filter(|p| !p.is_empty()) {
        return Ok((PathBuf::from(p), Origin::Env));
    }
    if let Some(p) = configured {
        return Ok((p.to_path_buf(), Origin::Config));
    }
    default_path().map(|p| (p, Origin::Default)).ok_or(NoHome)
}

/// No home directory to find the default plan file in (`Lang::no_home` says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoHome;

/// `plan.ron` in the user's data directory (e.g. `~/.local/share/aoplan/plan.ron`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "aoplan").map(|d| d.data_dir().join("plan.ron"))
}

/// Writes the bundled plan to `path` if nothing is there. Returns whether it did.
pub fn install_bundled(path: &Path) -> io::Result<bool> {
    fs::create_dir_all(names::parent(path))?;
    match create_new(path, BUNDLED_PLAN.as_bytes()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

/// Creates the file `path` holding `bytes`, durably, and only if nothing is
/// there: anything at `path` (even a dangling symlink, or a file a colleague
/// creates meanwhile) is an [`io::ErrorKind::AlreadyExists`] error and stays
/// as it is. The directory must exist.
///
/// The file is written whole and fsynced in a private workspace first and then
/// linked into place, which fails rather than replaces if something appeared
/// at `path` meanwhile: a reader never sees a partly written file. The mode is
/// 0666 less the umask.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    let ws = atomic::Workspace::create(path)?;
    let mut file = ws.create_file(atomic::NEW, 0o666)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    let name = path.file_name().ok_or(io::ErrorKind::InvalidInput)?;
    match ws.link_out(atomic::NEW, name) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
        // No hard links on this file system: create the file in place,
        // exclusively (O_EXCL), and write it there.
        Err(_) => {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .custom_flags(libc::O_NOFOLLOW)
                .open(path)?;
            file.write_all(bytes)?;
            file.sync_all()?;
        }
    }
    ws.sync_parent()
}
