//! Reading the small files aoplan keeps beside or apart from the plan (config,
//! journal, presence) without trusting whoever put them there.
//!
//! A colleague who can write a directory can plant a symlink, a FIFO or a device
//! under a name we read. Every read here is therefore:
//! - without following a final symlink (`O_NOFOLLOW`),
//! - non-blocking at open (`O_NONBLOCK`), so a FIFO never waits for a writer,
//! - of a regular file only (checked on the opened descriptor, not the path),
//! - bounded: never more than `max` bytes are taken into memory.

use std::ffi::{CString, OsStr};
use std::fmt;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Never a final symlink, never waiting on a FIFO, never a controlling terminal.
const OPEN_FLAGS: libc::c_int = libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY;

/// Why a small auxiliary file could not be read.
#[derive(Debug)]
pub enum AuxReadError {
    NotFound,
    /// The name is a symbolic link; it is never followed.
    Symlink,
    /// A directory, FIFO, socket or device.
    NotRegular,
    /// Larger than the limit; holds the size seen.
    TooLarge(u64),
    Io(io::Error),
}

impl fmt::Display for AuxReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuxReadError::NotFound => write!(f, "no such file"),
            AuxReadError::Symlink => write!(f, "is a symbolic link, which is not followed"),
            AuxReadError::NotRegular => {
                write!(f, "is not a regular file (a directory, FIFO or device)")
            }
            AuxReadError::TooLarge(n) => write!(f, "is too large ({n} bytes)"),
            AuxReadError::Io(e) => write!(f, "cannot be read: {}", crate::platform::io_reason(e)),
        }
    }
}

impl std::error::Error for AuxReadError {}

/// Reads at most `max` bytes of the regular file at `path`, refusing symlinks,
/// FIFOs, devices and larger files.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, AuxReadError> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(OPEN_FLAGS)
        .open(path)
        .map_err(open_error)?;
    read_opened(file, max).map(|(bytes, _)| bytes)
}

/// Like [`read_limited`] for the file `name` in the directory `dir`, opened
/// relative to that descriptor (`openat`), so a directory renamed or replaced
/// meanwhile cannot redirect the read. Returns the file's metadata too, taken
/// from the opened descriptor (its owner, for instance). `name` must be a
/// single name, without `/`.
pub fn read_limited_at(
    dir: &File,
    name: &OsStr,
    max: u64,
) -> Result<(Vec<u8>, Metadata), AuxReadError> {
    if name.as_bytes().contains(&b'/') || name.is_empty() {
        return Err(AuxReadError::Io(io::ErrorKind::InvalidInput.into()));
    }
    let c = CString::new(name.as_bytes())
        .map_err(|_| AuxReadError::Io(io::ErrorKind::InvalidInput.into()))?;
    let flags = libc::O_RDONLY | OPEN_FLAGS | libc::O_CLOEXEC;
    // SAFETY: a valid directory descriptor and NUL-terminated name.
    let fd = unsafe { libc::openat(dir.as_raw_fd(), c.as_ptr(), flags) };
    if fd < 0 {
        return Err(open_error(io::Error::last_os_error()));
    }
    // SAFETY: `fd` is a new descriptor that nothing else owns.
    read_opened(unsafe { File::from_raw_fd(fd) }, max)
}

/// Why an open failed, in the terms of [`AuxReadError`].
fn open_error(e: io::Error) -> AuxReadError {
    match (e.kind(), e.raw_os_error()) {
        (io::ErrorKind::NotFound, _) => AuxReadError::NotFound,
        (_, Some(libc::ELOOP)) => AuxReadError::Symlink,
        // A FIFO opened for reading does not block with O_NONBLOCK, but a
        // device may refuse the open: either way it is not a regular file.
        (_, Some(libc::ENXIO | libc::ENODEV)) => AuxReadError::NotRegular,
        _ => AuxReadError::Io(e),
    }
}

/// Reads an opened file: a regular file only, at most `max` bytes.
fn read_opened(file: File, max: u64) -> Result<(Vec<u8>, Metadata), AuxReadError> {
    let meta = file.metadata().map_err(AuxReadError::Io)?;
    if !meta.is_file() {
        return Err(AuxReadError::NotRegular);
    }
    if meta.len() > max {
        return Err(AuxReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(AuxReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(AuxReadError::TooLarge(bytes.len() as u64));
    }
    Ok((bytes, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_and_refuses_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, b"hello").unwrap();
        assert_eq!(read_limited(&file, 10).unwrap(), b"hello");
        assert!(matches!(
            read_limited(&file, 3),
            Err(AuxReadError::TooLarge(5))
        ));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert!(matches!(
            read_limited(&link, 10),
            Err(AuxReadError::Symlink)
        ));
        assert!(matches!(
            read_limited(dir.path(), 10),
            Err(AuxReadError::NotRegular)
        ));
        assert!(matches!(
            read_limited(&dir.path().join("none"), 10),
            Err(AuxReadError::NotFound)
        ));
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(
            read_limited(&fifo, 10),
            Err(AuxReadError::NotRegular)
        ));
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(
            read_limited(&zero, 10),
            Err(AuxReadError::Symlink)
        ));
        assert!(matches!(
            read_limited(Path::new("/dev/zero"), 10),
            Err(AuxReadError::NotRegular)
        ));
    }

    #[test]
    fn reads_relative_to_a_directory_descriptor() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("f"), b"hello").unwrap();
        let fd = File::open(dir.path()).unwrap();
        let (bytes, meta) = read_limited_at(&fd, OsStr::new("f"), 10).unwrap();
        assert_eq!((bytes.as_slice(), meta.len()), (&b"hello"[..], 5));
        // The directory is renamed away and replaced: the read stays in the one opened.
        let moved = dir.path().with_extension("moved");
        std::fs::rename(dir.path(), &moved).unwrap();
        std::fs::create_dir(dir.path()).unwrap();
        std::fs::write(dir.path().join("f"), b"planted").unwrap();
        let (bytes, _) = read_limited_at(&fd, OsStr::new("f"), 10).unwrap();
        assert_eq!(bytes, b"hello");
        std::os::unix::fs::symlink("/dev/zero", moved.join("z")).unwrap();
        assert!(matches!(
            read_limited_at(&fd, OsStr::new("z"), 10),
            Err(AuxReadError::Symlink)
        ));
        for bad in ["", "../f", "a/b"] {
            assert!(matches!(
                read_limited_at(&fd, OsStr::new(bad), 10),
                Err(AuxReadError::Io(_))
            ));
        }
        std::fs::remove_dir_all(&moved).unwrap();
    }
}
