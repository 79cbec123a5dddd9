//! The shared presence directory, handled through descriptors only.
//!
//! The directory is opened relative to the plan's directory without following a
//! symbolic link, and every later step goes through its descriptor (`openat`,
//! `renameat`, `unlinkat`, `fdopendir`): a colleague who renames or replaces it
//! meanwhile cannot redirect a write or a read elsewhere. Nothing that is there
//! is ever opened for writing: a file is written as a new temporary file
//! (`O_CREAT|O_EXCL|O_NOFOLLOW`) and renamed into place, which replaces a name
//! and never follows it.

use std::ffi::{CStr, OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::fd::{AsRawFd, IntoRawFd};
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::aux_file::{self, AuxReadError};
use crate::storage::{check, cstr, open_at, random_part};
use crate::timestamp::Timestamp;

/// Who may do what in the directory and its files, after the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Modes {
    /// The directory's mode: the group may add files; sticky, so that nobody
    /// but its owner (and the directory's) removes or replaces a file; setgid,
    /// so new files get the directory's group.
    pub dir: u32,
    pub file: u32,
    /// The plan's group.
    pub gid: u32,
}

impl Modes {
    /// The group may read and add, like the plan's group may read and write it;
    /// others may read when they may read the plan, and add when they may write it.
    pub fn like(plan: &fs::Metadata) -> Modes {
        let (mut dir, mut file) = (0o3770, 0o640);
        if plan.mode() & 0o004 != 0 {
            dir |= 0o005;
            file |= 0o004;
        }
        if plan.mode() & 0o002 != 0 {
            dir |= 0o002;
        }
        Modes {
            dir,
            file,
            gid: plan.gid(),
        }
    }
}

fn my_uid() -> u32 {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() }
}

/// The plan's directory, opened to work in (`mkdirat`, `openat`, `unlinkat`)
/// without reading it: on Linux with `O_PATH`, which needs no read permission
/// and, unlike a plain open, wakes no colleague's watch on that directory.
pub(super) fn open_parent(path: &Path) -> io::Result<File> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let flags = libc::O_PATH | libc::O_DIRECTORY;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let flags = libc::O_DIRECTORY;
    OpenOptions::new().read(true).custom_flags(flags).open(path)
}

/// What a directory's metadata says about its entries: it changes when a
/// name is added, removed or renamed in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    id: (u64, u64),
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Stamp {
    /// Whether the directory last changed at least two seconds before `now`:
    /// only then does an unchanged stamp mean an unchanged directory, on file
    /// systems that keep times to the second.
    pub fn settled(&self, now: Timestamp) -> bool {
        self.mtime.0.max(self.ctime.0) <= now.0.saturating_sub(2)
    }
}

/// An open presence directory.
#[derive(Debug)]
pub(super) struct SharedDir {
    fd: File,
}

impl SharedDir {
    /// Opens `name` in `parent`; fails on anything but a directory, and on a
    /// symbolic link.
    pub fn open(parent: &File, name: &OsStr) -> io::Result<SharedDir> {
        let flags = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NONBLOCK;
        let fd = open_at(parent, name, flags, 0)?;
        Ok(SharedDir { fd })
    }

    /// Opens `name` in `parent`, creating it with `modes` first if it is not
    /// there. A directory of ours whose mode or group drifted is repaired; one
    /// of a colleague is used as it is.
    pub fn open_or_create(parent: &File, name: &OsStr, modes: Modes) -> io::Result<SharedDir> {
        let c = cstr(name)?;
        // SAFETY: a valid directory descriptor and NUL-terminated name. A
        // private mode first: the group and mode are set on the descriptor.
        let made = check(unsafe { libc::mkdirat(parent.as_raw_fd(), c.as_ptr(), 0o700) });
        match made {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        let dir = SharedDir::open(parent, name)?;
        dir.repair(modes);
        Ok(dir)
    }

    /// Gives a directory of ours the group and mode of `modes` if they drifted
    /// (the plan's changed, or an older version made it); best effort. One of
    /// a colleague is left as it is.
    pub fn repair(&self, modes: Modes) {
        let Ok(meta) = self.fd.metadata() else {
            return;
        };
        if meta.uid() != my_uid() {
            return;
        }
        if meta.gid() != modes.gid {
            let _ = std::os::unix::fs::fchown(&self.fd, None, Some(modes.gid));
        }
        // The setgid bit may be refused (not in the group): not a drift.
        if meta.mode() & 0o1777 != modes.dir & 0o1777 {
            let _ = self
                .fd
                .set_permissions(fs::Permissions::from_mode(modes.dir));
        }
    }

    /// Whether `other` is this same directory.
    pub fn same_as(&self, other: &SharedDir) -> bool {
        match (self.stamp(), other.stamp()) {
            (Ok(a), Ok(b)) => a.id == b.id,
            _ => false,
        }
    }

    /// Whether `meta` (of a path, not followed) is this directory.
    pub fn is(&self, meta: &fs::Metadata) -> bool {
        self.stamp()
            .is_ok_and(|s| s.id == (meta.dev(), meta.ino()) && meta.is_dir())
    }

    pub fn stamp(&self) -> io::Result<Stamp> {
        let m = self.fd.metadata()?;
        Ok(Stamp {
            id: (m.dev(), m.ino()),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        })
    }

    pub fn try_clone(&self) -> io::Result<SharedDir> {
        Ok(SharedDir {
            fd: self.fd.try_clone()?,
        })
    }

    /// The names in the directory (not `.` and `..`), at most `limit` of them.
    pub fn names(&self, limit: usize) -> io::Result<Vec<OsString>> {
        // A new open file description, so each listing starts at the top.
        let fd = open_at(
            &self.fd,
            OsStr::new("."),
            libc::O_RDONLY | libc::O_DIRECTORY,
            0,
        )?;
        let raw = fd.into_raw_fd();
        // SAFETY: `raw` is a directory descriptor we own; fdopendir takes it over.
        let stream = unsafe { libc::fdopendir(raw) };
        if stream.is_null() {
            let e = io::Error::last_os_error();
            // SAFETY: fdopendir failed, so `raw` is still ours to close.
            unsafe { libc::close(raw) };
            return Err(e);
        }
        let mut names = Vec::new();
        while names.len() < limit {
            // SAFETY: a valid stream; the entry is copied before the next call.
            let entry = unsafe { libc::readdir(stream) };
            if entry.is_null() {
                break;
            }
            // SAFETY: d_name is NUL-terminated within the entry.
            let name = unsafe { CStr::from_ptr((*entry).d_name.as_ptr()) }.to_bytes();
            if name != b"." && name != b".." {
                names.push(OsString::from_vec(name.to_vec()));
            }
        }
        // SAFETY: a valid stream, closed once (it closes `raw`).
        unsafe { libc::closedir(stream) };
        Ok(names)
    }

    /// Reads the regular file `name`, at most `max` bytes, with its metadata.
    pub fn read(&self, name: &OsStr, max: u64) -> Result<(Vec<u8>, fs::Metadata), AuxReadError> {
        aux_file::read_limited_at(&self.fd, name, max)
    }

    /// What `name` is, without following a symlink.
    pub fn meta(&self, name: &OsStr) -> io::Result<fs::Metadata> {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        let flags = libc::O_PATH;
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        let flags = libc::O_RDONLY | libc::O_NONBLOCK;
        open_at(&self.fd, name, flags, 0)?.metadata()
    }

    /// Replaces `name` with a file holding `bytes`: a new temporary file
    /// (`temp(random)` gives its name), given `modes` and the modification time
    /// `mtime`, written and renamed over `name`. Returns the file, still open.
    /// Nothing is left behind on failure.
    pub fn write_atomic(
        &self,
        name: &str,
        temp: impl Fn(&str) -> String,
        bytes: &[u8],
        (modes, mtime): (Modes, Timestamp),
    ) -> io::Result<File> {
        let mut created = None;
        for _ in 0..4 {
            let tmp = temp(&random_part());
            let flags = libc::O_RDWR | libc::O_CREAT | libc::O_EXCL;
            match open_at(&self.fd, OsStr::new(&tmp), flags, 0o600) {
                Ok(file) => {
                    created = Some((tmp, file));
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        let (tmp, mut file) = created.ok_or(io::ErrorKind::AlreadyExists)?;
        let written = (|| {
            let _ = std::os::unix::fs::fchown(&file, None, Some(modes.gid));
            file.set_permissions(fs::Permissions::from_mode(modes.file))?;
            file.write_all(bytes)?;
            touch(&file, mtime)?;
            self.rename(&tmp, name)
        })();
        if written.is_err() {
            let _ = self.remove(OsStr::new(&tmp));
        }
        written.map(|()| file)
    }

    fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        let (from, to) = (cstr(OsStr::new(from))?, cstr(OsStr::new(to))?);
        let fd = self.fd.as_raw_fd();
        // SAFETY: a valid descriptor and NUL-terminated names; a rename
        // replaces the name `to`, never following it.
        check(unsafe { libc::renameat(fd, from.as_ptr(), fd, to.as_ptr()) })
    }

    /// Removes the name `name` (not a directory); never follows it.
    pub fn remove(&self, name: &OsStr) -> io::Result<()> {
        let c = cstr(name)?;
        // SAFETY: a valid descriptor and NUL-terminated name.
        check(unsafe { libc::unlinkat(self.fd.as_raw_fd(), c.as_ptr(), 0) })
    }
}

/// Sets a file's access and modification times to `at` (a heartbeat).
pub(super) fn touch(file: &File, at: Timestamp) -> io::Result<()> {
    let time = libc::timespec {
        tv_sec: libc::time_t::try_from(at.0).map_err(|_| io::ErrorKind::InvalidInput)?,
        tv_nsec: 0,
    };
    let times = [time, time];
    // SAFETY: a valid descriptor and an array of two timespecs.
    check(unsafe { libc::futimens(file.as_raw_fd(), times.as_ptr()) })
}

/// Removes the directory `name` in `parent` if it is empty (`rmdir`): the last
/// UI to leave tidies up. Anything else there stays.
pub(super) fn remove_if_empty(parent: &File, name: &OsStr) {
    if let Ok(c) = cstr(name) {
        // SAFETY: a valid descriptor and NUL-terminated name; only an empty
        // directory is removed, and a symlink is not followed.
        unsafe { libc::unlinkat(parent.as_raw_fd(), c.as_ptr(), libc::AT_REMOVEDIR) };
    }
}
