//! An open plan file: which version this process knows, noticing other writers'
//! saves, and saving with the lock held, merging edit by edit.

use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::Workspace;
use super::error::{LoadError, SaveError};
use super::lock::Lock;
use super::meta::Source;
use super::names::{lock_of, remove_leftovers};
use super::read::{
    Fingerprint, content_hash, hash_file, open_plan, parse_plan, parse_plan_text, read_all,
    read_bytes,
};
use super::readonly::{self, ReadOnlyReason};
use super::save::{self, Base, Job, disk_error};
use crate::codec;
use crate::edit::{Edit, MergeReport, replay};
use crate::plan::Plan;

/// What a sync did besides writing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Another process had saved; our edits were replayed onto its version.
    pub merged: bool,
    /// What that replay met (nothing when there was no merge).
    pub merge: MergeReport,
    /// Whether anything was written.
    pub wrote: bool,
}

impl SyncReport {
    /// The report of a merge of `pending` onto another writer's `theirs`.
    pub(super) fn merged(theirs: &mut Plan, pending: &[Edit]) -> SyncReport {
        SyncReport {
            merged: true,
            merge: replay(theirs, pending),
            wrote: false,
        }
    }
}

/// An open plan file: where it is and which version of it this process knows.
#[derive(Debug)]
pub struct Store {
    /// The path as the user gave it (may be a symlink).
    pub path: PathBuf,
    known: Option<Fingerprint>,
    /// The version on disk that last failed to load, so it is not parsed again
    /// every time the file is checked.
    broken: Option<Fingerprint>,
    forced_read_only: bool,
    /// The private directory beside the plan that saves write in, kept between
    /// saves (see [`super::atomic`]).
    workspace: Option<Workspace>,
    /// Where the file as opened had its first comment, which the next save
    /// drops (the writer keeps only the plan).
    comment: Option<(usize, usize)>,
}

impl Store {
    /// Opens and loads a plan file.
    pub fn open(path: &Path) -> Result<(Store, Plan), LoadError> {
        let (bytes, meta) = read_bytes(path)?;
        let (plan, text) = parse_plan_text(path, &bytes)?;
        let comment = codec::first_comment(text);
        let store = Store {
            path: path.to_path_buf(),
            known: Some(Fingerprint::new(&meta, content_hash(&bytes))),
            broken: None,
            forced_read_only: false,
            workspace: None,
            comment,
        };
        Ok((store, plan))
    }

    /// The line and column of the first comment in the file as opened: the
    /// next save drops it.
    pub fn first_comment(&self) -> Option<(usize, usize)> {
        self.comment
    }

    /// Refuses every save from now on (`--read-only`).
    pub(crate) fn force_read_only(&mut self) {
        self.forced_read_only = true;
    }

    /// The file that is really written: the symlink's final target.
    pub fn target(&self) -> PathBuf {
        fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone())
    }

    /// The target, or why there is none: the file is gone or a link loop.
    fn resolve(&self) -> Result<PathBuf, SaveError> {
        fs::canonicalize(&self.path).map_err(|e| match (e.kind(), e.raw_os_error()) {
            (io::ErrorKind::NotFound, _) => SaveError::Deleted(self.path.clone()),
            (_, Some(libc::ELOOP)) => {
                SaveError::NotAFile(LoadError::SymlinkLoop(self.path.clone()))
            }
            _ => SaveError::Io {
                path: self.path.clone(),
                error: e,
            },
        })
    }

    /// Why saving is impossible right now, if it is. Worked out afresh on each call;
    /// a save checks again with the lock held.
    pub fn read_only_reason(&self) -> Option<ReadOnlyReason> {
        if self.forced_read_only {
            return Some(ReadOnlyReason::Forced);
        }
        let target = self.target();
        // A plan that cannot be opened has no reason here; saving says what is wrong.
        let (file, meta) = open_plan(&target, false).ok()?;
        let source = Source::read(&file).ok();
        readonly::reason(&target, &meta, source.as_ref())
    }

    /// Whether the file on disk is no longer the version this process knows.
    pub(crate) fn changed_on_disk(&self) -> bool {
        let Ok(meta) = fs::metadata(&self.path) else {
            return true;
        };
        match self.broken.or(self.known) {
            Some(k) => !k.same_stat(&meta),
            None => true,
        }
    }

    /// Re-reads the file if it changed on disk. `Ok(None)` when it did not change (or
    /// only its metadata did); a file that no longer loads is an error and keeps
    /// nothing. Once a broken file loads again, its plan is returned even when it is
    /// the version this process knew, so that callers leave their error state.
    pub(crate) fn reload_if_changed(&mut self) -> Result<Option<Plan>, LoadError> {
        if !self.changed_on_disk() {
            return Ok(None);
        }
        let (bytes, meta) = read_bytes(&self.path).map_err(|e| match e {
            LoadError::NotFound(p) => LoadError::Deleted(p),
            other => other,
        })?;
        let fp = Fingerprint::new(&meta, content_hash(&bytes));
        if self.broken.is_none() && self.known.map(|k| k.hash) == Some(fp.hash) {
            self.known = Some(fp);
            return Ok(None);
        }
        match parse_plan(&self.path, &bytes) {
            Ok(plan) => {
                self.known = Some(fp);
                self.broken = None;
                Ok(Some(plan))
            }
            Err(e) => {
                self.broken = Some(fp);
                Err(e)
            }
        }
    }

    /// Saves `plan`, whose not-yet-saved `pending` edits are in it already.
    ///
    /// Under the lock: if another process saved since we last loaded or saved, its
    /// version is re-read and `pending` replayed onto it, field by field, and `plan`
    /// becomes the merged result. Then the file is replaced atomically and durably.
    pub fn sync(&mut self, plan: &mut Plan, pending: &[Edit]) -> Result<SyncReport, SaveError> {
        self.sync_observed(plan, pending, &mut |_| {})
    }

    /// [`Store::sync`], telling `on_wait` who holds the lock when it is found taken,
    /// and again whenever the holder changes, while the save waits for it.
    pub(crate) fn sync_observed(
        &mut self,
        plan: &mut Plan,
        pending: &[Edit],
        on_wait: &mut dyn FnMut(&crate::i18n::Holder),
    ) -> Result<SyncReport, SaveError> {
        let mut shared = Cow::Borrowed(&*plan);
        let result = self.sync_shared(&mut shared, pending, on_wait);
        if let Cow::Owned(merged) = shared {
            *plan = merged;
        }
        result
    }

    /// [`Store::sync_observed`] for a plan shared with others (the UI's snapshot):
    /// it is only read, and when another writer's version is merged in, `plan`
    /// becomes that merged plan, owned, so the snapshot is never copied.
    pub(crate) fn sync_shared(
        &mut self,
        plan: &mut Cow<'_, Plan>,
        pending: &[Edit],
        on_wait: &mut dyn FnMut(&crate::i18n::Holder),
    ) -> Result<SyncReport, SaveError> {
        if self.forced_read_only {
            return Err(SaveError::ReadOnly(ReadOnlyReason::Forced));
        }
        let target = self.resolve()?;
        let seen =
            fs::symlink_metadata(&target).map_err(|_| SaveError::Deleted(self.path.clone()))?;
        let _lock =
            Lock::acquire(&lock_of(&target), &self.path, &seen, on_wait).map_err(|e| match e {
                // Where the lock cannot even be made (a directory we may not write),
                // the reason the plan is read-only says it better.
                SaveError::Io { .. } => self.read_only_reason().map_or(e, SaveError::ReadOnly),
                other => other,
            })?;
        // With the lock held no other aoplan is saving: what depends on other
        // writers is decided now, and what dead writers left is cleared away.
        remove_leftovers(&target);
        let (mut file, meta) = open_plan(&target, false).map_err(disk_error)?;
        let source = Source::read(&file).map_err(|error| SaveError::Metadata {
            path: target.clone(),
            error,
        })?;
        if let Some(why) = readonly::reason(&target, &meta, Some(&source)) {
            return Err(SaveError::ReadOnly(why));
        }
        let seen = Fingerprint::new(&meta, hash_file(&mut file, &target).map_err(disk_error)?);
        let mut report = SyncReport::default();
        if self.known.map(|k| k.hash) != Some(seen.hash) {
            // Someone else saved: read their version in full and merge onto it.
            let bytes = read_all(&mut file, &target).map_err(disk_error)?;
            let mut theirs = parse_plan(&self.path, &bytes).map_err(SaveError::DiskBroken)?;
            report = SyncReport::merged(&mut theirs, pending);
            *plan = Cow::Owned(theirs);
        }
        let bytes = codec::to_ron(plan);
        if content_hash(bytes.as_bytes()) == seen.hash && bytes.len() as u64 == seen.len {
            self.known = Some(seen);
            return Ok(report);
        }
        let base = Base { file, seen };
        let job = Job {
            target: &target,
            shown: &self.path,
            source: &source,
            pending,
        };
        let saved = save::commit(job, &mut self.workspace, base, plan, &mut report, bytes)?;
        self.known = Some(saved);
        self.broken = None;
        report.wrote = true;
        Ok(report)
    }
}
