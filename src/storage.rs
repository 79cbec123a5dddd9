//! Plan files on disk: finding, loading with clear errors, and safe saving.
//!
//! Saving is atomic and durable (temporary file, fsync, rename, fsync of the
//! directory), keeps the file's mode, owner and symlinks, writes a backup of the
//! previous version to `<name>.bak`, and runs under an advisory lock on
//! `.<name>.lock` so that concurrent writers merge instead of overwriting each other.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::hash::Hasher;
use std::io::{self, Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::edit::{self, Applied, Edit, Value};
use crate::format::{self, SyntaxError};
use crate::plan::{Plan, Problem};

mod atomic;
mod lock;

pub use atomic::write_atomic;
use lock::Lock;
pub use lock::{LOCK_TIMEOUT, lock_timeout};

/// The bundled Activiteitenplan 2026, written to the data directory on first use.
pub const BUNDLED_PLAN: &str = include_str!("../data/activiteitenplan-2026.ron");

/// The largest plan file we read. The real plan is about 60 KB; this bound keeps a
/// wrong path (a disk image, a log) from eating all memory.
pub const MAX_PLAN_BYTES: u64 = 128 * 1024 * 1024;

/// Why a plan file could not be used.
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    IsDirectory(PathBuf),
    NotRegular(PathBuf),
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

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(f, "{}: no such file", p.display()),
            LoadError::IsDirectory(p) => {
                write!(f, "{}: is a directory, not a plan file", p.display())
            }
            LoadError::NotRegular(p) => write!(
                f,
                "{}: not a regular file (a FIFO, socket or device); give the path of a .ron plan file",
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

/// How many problems a message lists; a generated file can have thousands.
const MAX_LISTED_PROBLEMS: usize = 100;

impl std::error::Error for LoadError {}

/// An OS error in words, without Rust's "(os error N)" suffix.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::StorageFull => "no space left on the device".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        io::ErrorKind::QuotaExceeded => "disk quota exceeded".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// What identifies one version of a file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub dev: u64,
    pub ino: u64,
    pub len: u64,
    pub mtime_ns: i128,
    pub hash: u64,
}

fn content_hash(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: stable within one build, which is all we compare against.
    // Fed with `write` only, so hashing in pieces gives the same value.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// The content hash of a file, read in pieces so that a large plan is never held
/// in memory twice while it is saved.
fn hash_file(path: &Path) -> Result<(u64, fs::Metadata), LoadError> {
    let io_err = |e| LoadError::Io(path.to_path_buf(), e);
    let mut file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
            _ => io_err(e),
        })?;
    let meta = file.metadata().map_err(io_err)?;
    check_regular(path, &meta)?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => h.write(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_err(e)),
        }
    }
    Ok((h.finish(), meta))
}

fn fingerprint(meta: &fs::Metadata, bytes: &[u8]) -> Fingerprint {
    with_hash(meta, content_hash(bytes))
}

fn with_hash(meta: &fs::Metadata, hash: u64) -> Fingerprint {
    Fingerprint {
        dev: meta.dev(),
        ino: meta.ino(),
        len: meta.len(),
        mtime_ns: mtime_ns(meta),
        hash,
    }
}

/// Refuses what is not a regular file: a directory, FIFO, socket or device.
fn check_regular(path: &Path, meta: &fs::Metadata) -> Result<(), LoadError> {
    if meta.is_dir() {
        return Err(LoadError::IsDirectory(path.to_path_buf()));
    }
    if !meta.is_file() {
        return Err(LoadError::NotRegular(path.to_path_buf()));
    }
    if meta.len() > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), meta.len()));
    }
    Ok(())
}

/// Reads a plan file's bytes, refusing directories, FIFOs and devices before opening them.
///
/// The open is non-blocking and the opened file is checked again, so a FIFO swapped
/// in between the two checks cannot make us wait for a writer that never comes.
fn read_bytes(path: &Path) -> Result<(Vec<u8>, fs::Metadata), LoadError> {
    let io_err = |e| LoadError::Io(path.to_path_buf(), e);
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
        _ => io_err(e),
    })?;
    check_regular(path, &meta)?;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(io_err)?;
    let meta = file.metadata().map_err(io_err)?;
    check_regular(path, &meta)?;
    // The file may grow while we read it; never take more than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), bytes.len() as u64));
    }
    Ok((bytes, meta))
}

/// Parses and validates plan bytes; `path` is only used in messages.
pub fn parse_plan(path: &Path, bytes: &[u8]) -> Result<Plan, LoadError> {
    let syntax = |error: SyntaxError, text: &str| LoadError::Syntax {
        path: path.to_path_buf(),
        excerpt: format::excerpt(text, error.line, error.col),
        error,
    };
    let text = match format::decode(bytes) {
        Ok(text) => text,
        Err(error) => {
            let lossy = String::from_utf8_lossy(bytes);
            return Err(syntax(error, &lossy));
        }
    };
    let plan = format::parse(text).map_err(|e| syntax(e, text))?;
    let problems = plan.validate();
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    Ok(plan)
}

/// Loads and validates a plan file.
pub fn load(path: &Path) -> Result<Plan, LoadError> {
    let (bytes, _) = read_bytes(path)?;
    parse_plan(path, &bytes)
}

/// Why a save did not happen. The file on disk is unchanged in every case.
#[derive(Debug)]
pub enum SaveError {
    ReadOnly(String),
    Locked {
        lock: PathBuf,
        holder: String,
    },
    /// The file on disk changed and no longer loads; we refuse to overwrite it.
    DiskBroken(LoadError),
    Io {
        path: PathBuf,
        error: io::Error,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::ReadOnly(why) => write!(f, "not saved: {why}"),
            SaveError::Locked { lock, holder } => write!(
                f,
                "not saved: another aoplan is saving {} and did not finish within {:.1} s (lock held by {holder})",
                lock.display(),
                lock_timeout().as_secs_f64()
            ),
            SaveError::DiskBroken(e) => write!(
                f,
                "not saved: the file on disk was changed and no longer loads; fix it first.\n{e}"
            ),
            SaveError::Io { path, error } => {
                write!(f, "not saved: {}: {}", path.display(), io_reason(error))
            }
        }
    }
}

impl std::error::Error for SaveError {}

/// A field that two processes changed: ours won, theirs is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub project: String,
    pub field: edit::Field,
    pub theirs: Value,
    pub ours: Value,
}

/// What a sync did besides writing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Another process had saved; our edits were replayed onto its version.
    pub merged: bool,
    pub conflicts: Vec<Conflict>,
    /// Projects our edits named that were removed on disk; those edits were dropped.
    pub missing: Vec<String>,
    /// Whether anything was written.
    pub wrote: bool,
}

/// Replays edits onto another version of the plan, field by field: what merging
/// with another writer's save, or with a reload from disk, amounts to.
pub fn replay(plan: &mut Plan, edits: &[Edit]) -> SyncReport {
    let mut report = SyncReport {
        merged: true,
        ..SyncReport::default()
    };
    for e in edits {
        match edit::apply(plan, e) {
            Applied::Clean => {}
            Applied::Overrode(value) => report.conflicts.push(Conflict {
                project: e.project.clone(),
                field: e.field,
                theirs: value,
                ours: e.after.clone(),
            }),
            Applied::Missing => report.missing.push(e.project.clone()),
        }
    }
    report
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
}

impl Store {
    /// Opens and loads a plan file.
    pub fn open(path: &Path) -> Result<(Store, Plan), LoadError> {
        let (bytes, meta) = read_bytes(path)?;
        let plan = parse_plan(path, &bytes)?;
        let store = Store {
            path: path.to_path_buf(),
            known: Some(fingerprint(&meta, &bytes)),
            broken: None,
            forced_read_only: false,
        };
        Ok((store, plan))
    }

    /// Refuses every save from now on (`--read-only`).
    pub fn force_read_only(&mut self) {
        self.forced_read_only = true;
    }

    /// The file that is really written: the symlink's final target.
    pub fn target(&self) -> PathBuf {
        fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone())
    }

    /// The backup of the previous version: `<name>.bak` beside the target.
    pub fn backup_path(&self) -> PathBuf {
        backup_of(&self.target())
    }

    /// The lock file: `.<name>.lock` beside the target.
    pub fn lock_path(&self) -> PathBuf {
        sibling(&self.target(), ".", ".lock")
    }

    /// Keeps the version on disk as the backup. A hard link costs nothing whatever the
    /// plan's size: the rename that follows gives the plan a new inode and leaves the
    /// old one to the backup. Where links are not possible, the bytes are copied.
    fn keep_backup(target: &Path) {
        let backup = backup_of(target);
        let tmp = sibling(target, ".", ".bak.tmp");
        let _ = fs::remove_file(&tmp);
        let kept = (fs::hard_link(target, &tmp).is_ok() || fs::copy(target, &tmp).is_ok())
            && fs::rename(&tmp, &backup).is_ok();
        if !kept {
            // The backup is a convenience; failing to make it must not block the save.
            let _ = fs::remove_file(&tmp);
        }
    }

    /// Why saving is impossible, if it is: forced, file or directory not writable, hard links.
    pub fn read_only_reason(&self) -> Option<String> {
        self.read_only_reason_for(&self.target())
    }

    fn read_only_reason_for(&self, target: &Path) -> Option<String> {
        if self.forced_read_only {
            return Some("opened read-only (--read-only)".into());
        }
        let dir = parent(target);
        if !writable(target) {
            return Some(format!("{} is not writable", target.display()));
        }
        if !writable(dir) {
            return Some(format!(
                "the directory {} is not writable, so the file cannot be replaced safely",
                dir.display()
            ));
        }
        if let Ok(meta) = fs::metadata(target)
            && meta.nlink() > 1 + u64::from(backup_is_link_of(target, &meta))
        {
            return Some(format!(
                "{} has {} hard links; saving replaces the file and would split them (use a symlink instead)",
                target.display(),
                meta.nlink()
            ));
        }
        None
    }

    /// Whether the file on disk is no longer the version this process knows.
    pub fn changed_on_disk(&self) -> bool {
        let Ok(meta) = fs::metadata(&self.path) else {
            return true;
        };
        match self.broken.or(self.known) {
            Some(k) => {
                (k.dev, k.ino, k.len, k.mtime_ns)
                    != (meta.dev(), meta.ino(), meta.len(), mtime_ns(&meta))
            }
            None => true,
        }
    }

    /// Re-reads the file if it changed on disk. `Ok(None)` when it did not change (or
    /// only its metadata did); a file that no longer loads is an error and keeps
    /// nothing. Once a broken file loads again, its plan is returned even when it is
    /// the version this process knew, so that callers leave their error state.
    pub fn reload_if_changed(&mut self) -> Result<Option<Plan>, LoadError> {
        if !self.changed_on_disk() {
            return Ok(None);
        }
        let (bytes, meta) = read_bytes(&self.path)?;
        let fp = fingerprint(&meta, &bytes);
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
        let target = self.target();
        if let Some(why) = self.read_only_reason_for(&target) {
            return Err(SaveError::ReadOnly(why));
        }
        let _lock = Lock::acquire(&sibling(&target, ".", ".lock"))?;
        let disk_error = |e| match e {
            LoadError::Io(path, error) => SaveError::Io { path, error },
            other => SaveError::DiskBroken(other),
        };
        let (hash, meta) = hash_file(&target).map_err(disk_error)?;
        let mut report = SyncReport::default();
        let disk = with_hash(&meta, hash);
        if self.known.map(|k| k.hash) != Some(disk.hash) {
            // Someone else saved: read their version in full and merge onto it.
            let (old_bytes, _) = read_bytes(&target).map_err(disk_error)?;
            let mut theirs = parse_plan(&self.path, &old_bytes).map_err(SaveError::DiskBroken)?;
            report = replay(&mut theirs, pending);
            *plan = theirs;
        }
        let bytes = format::to_ron(plan);
        if content_hash(bytes.as_bytes()) == disk.hash && bytes.len() as u64 == disk.len {
            self.known = Some(disk);
            return Ok(report);
        }
        Self::keep_backup(&target);
        let new_meta = write_atomic(&target, bytes.as_bytes(), &meta, true).map_err(|error| {
            SaveError::Io {
                path: target.clone(),
                error,
            }
        })?;
        self.known = Some(fingerprint(&new_meta, bytes.as_bytes()));
        report.wrote = true;
        Ok(report)
    }
}

/// `<name>.bak` beside the plan file that is really written.
fn backup_of(target: &Path) -> PathBuf {
    sibling(target, "", ".bak")
}

/// Whether the backup is a second name of the plan itself: the hard link a save
/// makes just before it replaces the plan (and that a crash could leave behind).
fn backup_is_link_of(target: &Path, plan: &fs::Metadata) -> bool {
    fs::metadata(backup_of(target)).is_ok_and(|b| (b.dev(), b.ino()) == (plan.dev(), plan.ino()))
}

/// A file's modification time in nanoseconds.
fn mtime_ns(meta: &fs::Metadata) -> i128 {
    i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec())
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn sibling(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan.ron".into());
    parent(path).join(format!("{prefix}{name}{suffix}"))
}

fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a valid NUL-terminated path; access(2) only reads it.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

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
) -> Result<(PathBuf, Origin), String> {
    if let Some(p) = flag {
        return Ok((p.to_path_buf(), Origin::Flag));
    }
    if let Some(p) = std::env::var_os("AOPLAN_FILE").filter(|p| !p.is_empty()) {
        return Ok((PathBuf::from(p), Origin::Env));
    }
    if let Some(p) = configured {
        return Ok((p.to_path_buf(), Origin::Config));
    }
    default_path().map(|p| (p, Origin::Default)).ok_or_else(|| {
        "cannot find a home directory for the default plan file; use --file or AOPLAN_FILE"
            .to_string()
    })
}

/// `plan.ron` in the user's data directory (e.g. `~/.local/share/aoplan/plan.ron`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "aoplan").map(|d| d.data_dir().join("plan.ron"))
}

/// Writes the bundled plan to `path` if nothing is there. Returns whether it did.
pub fn install_bundled(path: &Path) -> io::Result<bool> {
    if fs::symlink_metadata(path).is_ok() {
        return Ok(false);
    }
    fs::create_dir_all(parent(path))?;
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(BUNDLED_PLAN.as_bytes())?;
    file.sync_all()?;
    Ok(true)
}
