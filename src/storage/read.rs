//! Reading plan files: opened without blocking, checked on the descriptor, bounded,
//! then parsed and validated.

use std::fs::{self, File, OpenOptions};
use std::hash::Hasher;
use std::io::{self, Read, Seek};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::Path;

use super::MAX_PLAN_BYTES;
use super::error::LoadError;
use crate::codec::{self, SyntaxError};
use crate::plan::Plan;

/// What identifies one version of a file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    pub dev: u64,
    pub ino: u64,
    pub len: u64,
    pub mtime_ns: i128,
    pub hash: u64,
}

impl Fingerprint {
    pub(super) fn new(meta: &fs::Metadata, hash: u64) -> Fingerprint {
        Fingerprint {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime_ns: mtime_ns(meta),
            hash,
        }
    }

    /// Whether `meta` is this version by inode, size and modification time.
    pub(super) fn same_stat(&self, meta: &fs::Metadata) -> bool {
        (self.dev, self.ino, self.len, self.mtime_ns)
            == (meta.dev(), meta.ino(), meta.len(), mtime_ns(meta))
    }
}

pub(super) fn content_hash(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: stable within one build, which is all we compare against.
    // Fed with `write` only, so hashing in pieces gives the same value.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// A file's modification time in nanoseconds.
pub(super) fn mtime_ns(meta: &fs::Metadata) -> i128 {
    i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec())
}

/// Opens a plan file for reading without blocking (a FIFO never waits for a
/// writer) and checks the opened file itself: a regular file within the size limit.
/// With `follow` false a symbolic link as the last component is refused (`ELOOP`).
pub(super) fn open_plan(path: &Path, follow: bool) -> Result<(File, fs::Metadata), LoadError> {
    let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC;
    if !follow {
        flags |= libc::O_NOFOLLOW;
    }
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
        .map_err(|e| open_error(path, e))?;
    let meta = file
        .metadata()
        .map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    check_regular(path, &meta)?;
    Ok((file, meta))
}

/// The error for a failed open, by its cause.
pub(super) fn open_error(path: &Path, e: io::Error) -> LoadError {
    let path = path.to_path_buf();
    match (e.kind(), e.raw_os_error()) {
        (io::ErrorKind::NotFound, _) => LoadError::NotFound(path),
        (_, Some(libc::ELOOP)) => LoadError::SymlinkLoop(path),
        (_, Some(libc::EISDIR)) => LoadError::IsDirectory(path),
        // A socket cannot be opened; a device may refuse the open.
        (_, Some(libc::ENXIO | libc::ENODEV)) => LoadError::NotRegular(path),
        _ => LoadError::Io(path, e),
    }
}

/// Refuses what is not a regular file: a directory, FIFO, socket or device.
pub(super) fn check_regular(path: &Path, meta: &fs::Metadata) -> Result<(), LoadError> {
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(LoadError::IsDirectory(path.to_path_buf()));
    }
    if kind.is_fifo() {
        return Err(LoadError::Fifo(path.to_path_buf()));
    }
    if !kind.is_file() {
        return Err(LoadError::NotRegular(path.to_path_buf()));
    }
    if meta.len() > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), meta.len()));
    }
    Ok(())
}

/// All bytes of an opened plan file from its start, never more than the limit (the
/// file may grow while we read it).
pub(super) fn read_all(file: &mut File, path: &Path) -> Result<Vec<u8>, LoadError> {
    let io_err = |e| LoadError::Io(path.to_path_buf(), e);
    file.rewind().map_err(io_err)?;
    let len = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(len.min(MAX_PLAN_BYTES) as usize);
    advise_huge_pages(&mut bytes);
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), bytes.len() as u64));
    }
    Ok(bytes)
}

/// Asks the kernel to back the empty buffer a large plan is read into with
/// huge pages: in 4 KiB pages, a 30 MB plan costs 8 000 page faults, a fifth
/// of loading it. Only advice: the buffer works the same without it.
fn advise_huge_pages(buffer: &mut Vec<u8>) {
    const HUGE: usize = 2 << 20;
    let start = buffer.as_mut_ptr() as usize;
    let first = start.next_multiple_of(HUGE);
    let end = (start + buffer.capacity()) / HUGE * HUGE;
    if end > first {
        // SAFETY: the range lies within the vector's own allocation, and
        // MADV_HUGEPAGE changes neither its contents nor its mapping's rights.
        unsafe {
            libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
        }
    }
}

/// The content hash of an opened file, read in pieces so that a large plan is never
/// held in memory twice while it is saved.
pub(super) fn hash_file(file: &mut File, path: &Path) -> Result<u64, LoadError> {
    let io_err = |e| LoadError::Io(path.to_path_buf(), e);
    file.rewind().map_err(io_err)?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut total = 0u64;
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                h.write(&buf[..n]);
                total += n as u64;
                if total > MAX_PLAN_BYTES {
                    return Err(LoadError::TooLarge(path.to_path_buf(), total));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_err(e)),
        }
    }
    Ok(h.finish())
}

/// Reads a plan file's bytes (following symlinks, as the user's path may be one).
pub(super) fn read_bytes(path: &Path) -> Result<(Vec<u8>, fs::Metadata), LoadError> {
    let (mut file, meta) = open_plan(path, true)?;
    let bytes = read_all(&mut file, path)?;
    Ok((bytes, meta))
}

/// Parses and validates plan bytes; `path` is only used in messages.
pub fn parse_plan(path: &Path, bytes: &[u8]) -> Result<Plan, LoadError> {
    parse_plan_text(path, bytes).map(|(plan, _)| plan)
}

/// [`parse_plan`], also giving the text the bytes decoded to.
pub(super) fn parse_plan_text<'a>(
    path: &Path,
    bytes: &'a [u8],
) -> Result<(Plan, &'a str), LoadError> {
    let syntax = |error: SyntaxError, text: &str| LoadError::Syntax {
        path: path.to_path_buf(),
        excerpt: codec::excerpt(text, error.line, error.col),
        error: Box::new(error),
    };
    let text = match codec::decode(bytes) {
        Ok(text) => text,
        Err(error) => {
            let lossy = String::from_utf8_lossy(bytes);
            return Err(syntax(error, &lossy));
        }
    };
    let plan = codec::parse(text).map_err(|e| syntax(e, text))?;
    let problems = plan.validate();
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    Ok((plan, text))
}

/// Loads and validates a plan file.
pub fn load(path: &Path) -> Result<Plan, LoadError> {
    let (bytes, _) = read_bytes(path)?;
    parse_plan(path, &bytes)
}
