//! Putting a new version of the plan in place, with the lock held.
//!
//! The new version is written in a private workspace (see [`super::atomic`]), given
//! the plan's metadata, fsynced, and swapped with the plan in one step (`renameat2`
//! with `RENAME_EXCHANGE`). The swap leaves the version it replaced in the
//! workspace, where nobody else can touch it, and that is checked to be exactly the
//! version the new one was built on. If it is not, a program that ignores the lock
//! saved in between: its version is merged with ours and the swap done again, so
//! no edit is lost even then. The replaced version becomes the backup.
//!
//! Where the file system cannot swap, the plan is checked just before a plain
//! rename, and the backup is a hard link (or a fresh copy) made before it.
//!
//! In every order of steps the last good backup survives a failed save: the old
//! backup is only ever replaced by a rename, after the plan itself was replaced.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{Duration, Instant};

use super::atomic::{NEW, OLD, Workspace, exchange_unsupported};
use super::error::{LoadError, SaveError};
use super::meta::{CarryError, Source, carry};
use super::read::{Fingerprint, content_hash, open_plan, parse_plan, read_all};
use super::readonly::ReadOnlyReason;
use super::store::SyncReport;
use crate::codec;
use crate::edit::Edit;
use crate::plan::Plan;
use std::borrow::Cow;

/// The version a save builds on: open, as it was when read.
pub(super) struct Base {
    pub file: File,
    pub seen: Fingerprint,
}

/// What a save writes where.
pub(super) struct Job<'a> {
    /// The plan file really written.
    pub target: &'a Path,
    /// The path for messages, as the user gave it.
    pub shown: &'a Path,
    /// The metadata the new version must have.
    pub source: &'a Source,
    /// The edits in `plan` that are not saved yet.
    pub pending: &'a [Edit],
}

/// A test's stand-in for another program, run just before a version is put in place.
#[cfg(test)]
pub(super) type Hook = Box<dyn FnMut(&Path)>;

#[cfg(test)]
thread_local! {
    /// Runs between writing the new version and putting it in place.
    pub(super) static BEFORE_COMMIT: std::cell::RefCell<Option<Hook>> =
        std::cell::RefCell::new(None);
    /// Makes the save behave as on a file system that cannot swap two names.
    pub(super) static NO_EXCHANGE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
fn swap_disabled() -> bool {
    NO_EXCHANGE.get()
}

#[cfg(not(test))]
fn swap_disabled() -> bool {
    false
}

/// Writes `plan` (serialised as `first`) over the target, merging any version that
/// got in between. `ws` is the store's workspace, made (again) when needed and
/// empty afterwards. Returns the fingerprint of the version now on disk.
pub(super) fn commit(
    job: Job<'_>,
    ws: &mut Option<Workspace>,
    base: Base,
    plan: &mut Cow<'_, Plan>,
    report: &mut SyncReport,
    first: String,
) -> Result<Fingerprint, SaveError> {
    let ws = workspace(ws, job.target)?;
    // Versions of other writers that our swaps took out of place and that we
    // merged; they stay until a version holding them is in place.
    let mut merged = Vec::new();
    let result = attempts(&job, ws, base, plan, report, first, &mut merged);
    if result.is_err()
        && let Some(last) = merged.last()
    {
        // What is in place now may lack what they hold: keep the latest.
        let _ = ws.move_out(last, &backup_name(job.target));
    }
    for name in &merged {
        ws.remove(name);
    }
    ws.remove(NEW);
    ws.remove(OLD);
    result
}

/// The workspace for `target`: the one kept from an earlier save if it is for the
/// same directory and still exists, else a new one.
fn workspace<'a>(
    kept: &'a mut Option<Workspace>,
    target: &Path,
) -> Result<&'a Workspace, SaveError> {
    if kept.as_ref().is_some_and(|ws| !ws.serves(target)) {
        *kept = None;
    }
    if kept.is_none() {
        let ws = Workspace::create(target).map_err(|error| SaveError::Io {
            path: super::names::parent(target).to_path_buf(),
            error,
        })?;
        *kept = Some(ws);
    }
    Ok(kept.as_ref().expect("just made"))
}

fn attempts(
    job: &Job<'_>,
    ws: &Workspace,
    mut base: Base,
    plan: &mut Cow<'_, Plan>,
    report: &mut SyncReport,
    first: String,
    merged: &mut Vec<String>,
) -> Result<Fingerprint, SaveError> {
    let target = job.target;
    let io_err = |error| SaveError::Io {
        path: target.to_path_buf(),
        error,
    };
    let deadline = Instant::now() + super::lock::lock_timeout();
    let mut next = Some(first);
    for round in 0u32.. {
        if round > 0 {
            if Instant::now() >= deadline {
                break;
            }
            back_off(round);
        }
        let bytes = next.take().unwrap_or_else(|| codec::to_ron(plan));
        ws.remove(NEW);
        let mut file = ws.create_file(NEW, 0o600).map_err(io_err)?;
        write_new(&mut file, bytes.as_bytes(), job.source, target)?;
        #[cfg(test)]
        BEFORE_COMMIT.with_borrow_mut(|hook| {
            if let Some(hook) = hook.as_mut() {
                hook(target);
            }
        });
        let swapped = if swap_disabled() {
            Err(io::ErrorKind::Unsupported.into())
        } else {
            ws.exchange(NEW)
        };
        match swapped {
            Ok(()) => {
                // The workspace now holds the version we replaced.
                let ours = file.metadata().map_err(io_err)?;
                let replaced = ws.meta(NEW).ok();
                if replaced.is_some_and(|m| !base.seen.same_stat(&m)) {
                    *plan = Cow::Owned(take_back(ws, &file, job, report)?);
                    let name = format!("theirs-{round}");
                    ws.rename_within(NEW, &name).map_err(io_err)?;
                    merged.push(name);
                    base.seen = Fingerprint::new(&ours, 0);
                    continue;
                }
                keep_as_backup(ws, target);
                finish(ws, target)?;
                return Ok(Fingerprint::new(&ours, content_hash(bytes.as_bytes())));
            }
            Err(e) if exchange_unsupported(&e) => {
                if let Some(ours) = replace_plainly(ws, &file, target, &mut base, job.source)? {
                    finish(ws, target)?;
                    return Ok(Fingerprint::new(&ours, content_hash(bytes.as_bytes())));
                }
                // Changed since we read it: merge the new version.
                let (mut file, meta) = open_plan(target, false).map_err(disk_error)?;
                let bytes = read_all(&mut file, target).map_err(disk_error)?;
                let mut theirs = parse_plan(job.shown, &bytes).map_err(SaveError::DiskBroken)?;
                *report = SyncReport::merged(&mut theirs, job.pending);
                *plan = Cow::Owned(theirs);
                base = Base {
                    file,
                    seen: Fingerprint::new(&meta, content_hash(&bytes)),
                };
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(SaveError::Deleted(job.shown.to_path_buf()));
            }
            Err(e) => return Err(io_err(e)),
        }
    }
    Err(SaveError::Unstable(job.shown.to_path_buf()))
}

/// Makes the renames of a save durable.
fn finish(ws: &Workspace, target: &Path) -> Result<(), SaveError> {
    ws.sync_parent().map_err(|error| SaveError::Io {
        path: super::names::parent(target).to_path_buf(),
        error,
    })
}

/// A short pseudo-random pause before starting over, so that writers that keep
/// getting in each other's way fall out of step.
fn back_off(round: u32) {
    let most = 1u64 << round.min(6);
    let micros = (u64::from(std::process::id()) ^ u64::from(round).wrapping_mul(0x9e37_79b9))
        .wrapping_mul(2_654_435_761)
        % (most * 1000);
    std::thread::sleep(Duration::from_micros(micros));
}

/// An error met while reading the plan on disk, as a save error.
pub(super) fn disk_error(e: LoadError) -> SaveError {
    match e {
        LoadError::Io(path, error) => SaveError::Io { path, error },
        LoadError::NotFound(path) | LoadError::Deleted(path) => SaveError::Deleted(path),
        e @ (LoadError::IsDirectory(_)
        | LoadError::Fifo(_)
        | LoadError::NotRegular(_)
        | LoadError::SymlinkLoop(_)) => SaveError::NotAFile(e),
        other => SaveError::DiskBroken(other),
    }
}

/// Fills the new file: the bytes, then the plan's metadata, then fsync.
fn write_new(
    file: &mut File,
    bytes: &[u8],
    source: &Source,
    target: &Path,
) -> Result<(), SaveError> {
    let io_err = |error| SaveError::Io {
        path: target.to_path_buf(),
        error,
    };
    file.write_all(bytes).map_err(io_err)?;
    carry(source, file, target).map_err(|e| match e {
        CarryError::Meta(error) => SaveError::Metadata {
            path: target.to_path_buf(),
            error,
        },
        CarryError::Owner(change) => SaveError::ReadOnly(ReadOnlyReason::OwnerChange(change)),
    })?;
    file.sync_all().map_err(io_err)
}

/// The version a swap took out of place, which another program saved meanwhile,
/// with `pending` replayed onto it. One that does not load is swapped back into
/// place (ours comes out) and the save refused, as for any broken file.
fn take_back(
    ws: &Workspace,
    ours: &File,
    job: &Job<'_>,
    report: &mut SyncReport,
) -> Result<Plan, SaveError> {
    let theirs = ws
        .open(NEW)
        .map_err(|e| super::read::open_error(job.target, e))
        .and_then(|mut file| {
            let meta = file
                .metadata()
                .map_err(|e| LoadError::Io(job.target.to_path_buf(), e))?;
            super::read::check_regular(job.target, &meta)?;
            read_all(&mut file, job.target)
        })
        .and_then(|bytes| parse_plan(job.shown, &bytes));
    match theirs {
        Ok(mut theirs) => {
            *report = SyncReport::merged(&mut theirs, job.pending);
            Ok(theirs)
        }
        Err(e) => {
            if ws.exchange(NEW).is_ok() {
                // Normally ours comes back; if yet another program saved in the
                // meantime, its version is kept as the backup.
                let back = ws.meta(NEW).ok();
                let ours = ours.metadata().ok();
                let is_ours = back
                    .zip(ours)
                    .is_some_and(|(b, o)| (b.dev(), b.ino()) == (o.dev(), o.ino()));
                if !is_ours {
                    keep_as_backup(ws, job.target);
                }
            }
            Err(disk_error(e))
        }
    }
}

/// `<name>.bak`, as a name in the target's directory.
fn backup_name(target: &Path) -> OsString {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    name
}

/// Makes the replaced version (in the workspace) the backup. If that fails it goes
/// with the workspace, and the old backup stays.
fn keep_as_backup(ws: &Workspace, target: &Path) {
    let _ = ws.move_out(NEW, &backup_name(target));
}

/// Puts our file in place with a plain rename, after checking that the plan is
/// still `base` and keeping it as the backup. `None` when the plan changed.
fn replace_plainly(
    ws: &Workspace,
    ours: &File,
    target: &Path,
    base: &mut Base,
    source: &Source,
) -> Result<Option<fs::Metadata>, SaveError> {
    let io_err = |error| SaveError::Io {
        path: target.to_path_buf(),
        error,
    };
    if !fs::symlink_metadata(target).is_ok_and(|m| base.seen.same_stat(&m)) {
        return Ok(None);
    }
    let backup = match ws.link_target(OLD) {
        Ok(()) if ws.meta(OLD).is_ok_and(|m| base.seen.same_stat(&m)) => true,
        // Replaced between the check and the link.
        Ok(()) => return Ok(None),
        Err(_) => copy_backup(ws, &mut base.file, source, target),
    };
    ws.replace_target(NEW).map_err(io_err)?;
    if backup {
        // Renaming onto another name of the same file does nothing; then, as after
        // a failure, the link goes with the workspace.
        let _ = ws.move_out(OLD, &backup_name(target));
    }
    ours.metadata().map(Some).map_err(io_err)
}

/// Where hard links are impossible: a copy of the old version in the workspace,
/// with its metadata. False (no new backup) when that fails.
fn copy_backup(ws: &Workspace, old: &mut File, source: &Source, target: &Path) -> bool {
    use std::io::Seek;
    let copied = (|| {
        let mut copy = ws.create_file(OLD, 0o600).ok()?;
        old.rewind().ok()?;
        io::copy(old, &mut copy).ok()?;
        carry(source, &copy, target).ok()?;
        copy.sync_all().ok()
    })();
    if copied.is_none() {
        ws.remove(OLD);
    }
    copied.is_some()
}
