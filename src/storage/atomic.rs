//! A private workspace beside a plan for writing its new version, and the renames
//! that put it in place.
//!
//! Anyone who may write the plan's directory can rename, delete or replace any name
//! in it (unless it is sticky). So the new version is never created under a name
//! there: it is created in a fresh directory of our own, `.<name>.<pid>.<random>.tmp`,
//! mode 0700, and every step goes through descriptors of that directory and of the
//! plan's directory (`openat`, `renameat2`, `linkat`). A colleague may rename our
//! workspace away, but cannot change what is inside it, so what we swap into place
//! is exactly the file we wrote, and what comes out is exactly what was in place.

use std::ffi::{CString, OsStr, OsString};
use std::fs::{self, File};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::names::{TEMP_SUFFIX, parent, temp_prefix};

/// The name of the new version inside a workspace; after a swap, of the old one.
pub(super) const NEW: &str = "new";
/// The name of the second link to the old version (where swapping is impossible).
pub(super) const OLD: &str = "old";

/// A path component as C wants it; a NUL inside is invalid input.
pub(crate) fn cstr(name: &OsStr) -> io::Result<CString> {
    CString::new(name.as_bytes()).map_err(|_| io::ErrorKind::InvalidInput.into())
}

/// A libc return code as a result: 0 is success, anything else `errno`.
pub(crate) fn check(rc: libc::c_int) -> io::Result<()> {
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// `openat` relative to `dir`, never following a final symlink; the result is
/// owned by the returned [`File`].
pub(crate) fn open_at(
    dir: &File,
    name: &OsStr,
    flags: libc::c_int,
    mode: libc::mode_t,
) -> io::Result<File> {
    let c = cstr(name)?;
    let flags = flags | libc::O_NOFOLLOW | libc::O_CLOEXEC | libc::O_NOCTTY;
    // SAFETY: a valid directory descriptor and NUL-terminated name.
    let fd = unsafe { libc::openat(dir.as_raw_fd(), c.as_ptr(), flags, libc::c_uint::from(mode)) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` is a new descriptor that nothing else owns.
    Ok(unsafe { File::from_raw_fd(fd) })
}

/// A directory of our own beside a target, removed with what is left in it on drop.
/// A store keeps one between saves, so that a save costs no directory of its own.
#[derive(Debug)]
pub(super) struct Workspace {
    /// The target, for [`Workspace::serves`].
    for_target: std::path::PathBuf,
    /// The target's directory.
    parent: File,
    /// The target's name in it.
    target: OsString,
    /// Our directory, and its name in `parent`.
    dir: File,
    name: OsString,
}

impl Workspace {
    /// Creates `.<name>.<pid>.<random>.tmp` beside `target`: a new directory (so
    /// never one someone planted), checked on its descriptor to be ours and private.
    pub(super) fn create(target: &Path) -> io::Result<Workspace> {
        let parent = File::open(parent(target))?;
        let target_name = target
            .file_name()
            .ok_or(io::ErrorKind::InvalidInput)?
            .to_os_string();
        let prefix = temp_prefix(target);
        let mut name = OsString::new();
        for _ in 0..100 {
            let candidate = format!("{prefix}{}{TEMP_SUFFIX}", random_part());
            let c = cstr(OsStr::new(&candidate))?;
            // SAFETY: a valid directory descriptor and NUL-terminated name.
            match check(unsafe { libc::mkdirat(parent.as_raw_fd(), c.as_ptr(), 0o700) }) {
                Ok(()) => {
                    name = candidate.into();
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        if name.is_empty() {
            return Err(io::ErrorKind::AlreadyExists.into());
        }
        let dir = open_at(&parent, &name, libc::O_RDONLY | libc::O_DIRECTORY, 0)?;
        let ws = Workspace {
            for_target: target.to_path_buf(),
            parent,
            target: target_name,
            dir,
            name,
        };
        let meta = ws.dir.metadata()?;
        // SAFETY: geteuid has no preconditions.
        let me = unsafe { libc::geteuid() };
        if !meta.is_dir() || meta.uid() != me || meta.mode() & 0o077 != 0 {
            return Err(io::Error::other(
                "a new private directory is not the one just created",
            ));
        }
        Ok(ws)
    }

    /// Whether this workspace is for `target` and still there (nobody removed it).
    pub(super) fn serves(&self, target: &Path) -> bool {
        self.for_target == target && self.dir.metadata().is_ok_and(|m| m.nlink() > 0)
    }

    /// Renames `from` to `to` inside the workspace.
    pub(super) fn rename_within(&self, from: &str, to: &str) -> io::Result<()> {
        let (from, to) = (cstr(OsStr::new(from))?, cstr(OsStr::new(to))?);
        let dir = self.dir.as_raw_fd();
        // SAFETY: a valid descriptor and NUL-terminated names.
        check(unsafe { libc::renameat(dir, from.as_ptr(), dir, to.as_ptr()) })
    }

    /// Creates the file `name` in the workspace: new, with `mode` (the umask applies).
    pub(super) fn create_file(&self, name: &str, mode: u32) -> io::Result<File> {
        let flags = libc::O_RDWR | libc::O_CREAT | libc::O_EXCL;
        open_at(&self.dir, OsStr::new(name), flags, mode as libc::mode_t)
    }

    /// Opens `name` in the workspace for reading, without blocking on a FIFO.
    pub(super) fn open(&self, name: &str) -> io::Result<File> {
        open_at(
            &self.dir,
            OsStr::new(name),
            libc::O_RDONLY | libc::O_NONBLOCK,
            0,
        )
    }

    /// What `name` in the workspace is, without following a symlink.
    pub(super) fn meta(&self, name: &str) -> io::Result<fs::Metadata> {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        let flags = libc::O_PATH;
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        let flags = libc::O_RDONLY | libc::O_NONBLOCK;
        open_at(&self.dir, OsStr::new(name), flags, 0)?.metadata()
    }

    /// Swaps `name` in the workspace with the target in one step (`renameat2` with
    /// `RENAME_EXCHANGE`): the target is then our file, and `name` what it was.
    #[cfg(target_os = "linux")]
    pub(super) fn exchange(&self, name: &str) -> io::Result<()> {
        let (ours, target) = (cstr(OsStr::new(name))?, cstr(&self.target)?);
        // SAFETY: valid descriptors and NUL-terminated names.
        check(unsafe {
            libc::renameat2(
                self.dir.as_raw_fd(),
                ours.as_ptr(),
                self.parent.as_raw_fd(),
                target.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        })
    }

    #[cfg(not(target_os = "linux"))]
    pub(super) fn exchange(&self, _: &str) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }

    /// Renames `name` in the workspace to `to` beside the target, replacing it.
    pub(super) fn move_out(&self, name: &str, to: &OsStr) -> io::Result<()> {
        let (from, to) = (cstr(OsStr::new(name))?, cstr(to)?);
        // SAFETY: valid descriptors and NUL-terminated names.
        check(unsafe {
            libc::renameat(
                self.dir.as_raw_fd(),
                from.as_ptr(),
                self.parent.as_raw_fd(),
                to.as_ptr(),
            )
        })
    }

    /// Puts `name` in place of the target with a plain rename.
    pub(super) fn replace_target(&self, name: &str) -> io::Result<()> {
        self.move_out(name, &self.target.clone())
    }

    /// Links `to` beside the target to `name` in the workspace, where nothing is yet.
    pub(super) fn link_out(&self, name: &str, to: &OsStr) -> io::Result<()> {
        let (from, to) = (cstr(OsStr::new(name))?, cstr(to)?);
        // SAFETY: valid descriptors and NUL-terminated names; links are not followed.
        check(unsafe {
            libc::linkat(
                self.dir.as_raw_fd(),
                from.as_ptr(),
                self.parent.as_raw_fd(),
                to.as_ptr(),
                0,
            )
        })
    }

    /// Links `name` in the workspace to the target as it is now.
    pub(super) fn link_target(&self, name: &str) -> io::Result<()> {
        let (from, to) = (cstr(&self.target)?, cstr(OsStr::new(name))?);
        // SAFETY: as above.
        check(unsafe {
            libc::linkat(
                self.parent.as_raw_fd(),
                from.as_ptr(),
                self.dir.as_raw_fd(),
                to.as_ptr(),
                0,
            )
        })
    }

    /// Removes `name` from the workspace (never following it).
    pub(super) fn remove(&self, name: &str) {
        if let Ok(c) = cstr(OsStr::new(name)) {
            // SAFETY: a valid descriptor and NUL-terminated name.
            unsafe { libc::unlinkat(self.dir.as_raw_fd(), c.as_ptr(), 0) };
        }
    }

    /// Makes the renames in the target's directory durable.
    pub(super) fn sync_parent(&self) -> io::Result<()> {
        self.parent.sync_all()
    }
}

impl Workspace {
    /// Whether our directory's name in the plan's directory still names our
    /// directory (not one a colleague put there after renaming ours away).
    fn name_is_ours(&self) -> bool {
        let Ok(ours) = self.dir.metadata() else {
            return false;
        };
        let Ok(c) = cstr(&self.name) else {
            return false;
        };
        // SAFETY: a zeroed stat is a valid buffer for fstatat to fill.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: a valid directory descriptor, NUL-terminated name and buffer;
        // the name is not followed if it is a symlink.
        let rc = unsafe {
            libc::fstatat(
                self.parent.as_raw_fd(),
                c.as_ptr(),
                &mut st,
                libc::AT_SYMLINK_NOFOLLOW,
            )
        };
        rc == 0 && (st.st_dev as u64, st.st_ino as u64) == (ours.dev(), ours.ino())
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        // Inside our private directory only we can have put anything.
        self.remove(NEW);
        self.remove(OLD);
        if !self.name_is_ours() {
            // Renamed away or replaced: what has the name now is not ours to
            // remove. (Ours, renamed, is left to the leftover sweep.)
            return;
        }
        if let Ok(c) = cstr(&self.name) {
            // SAFETY: a valid descriptor and NUL-terminated name. Removes only an
            // empty directory, checked just above to be ours.
            unsafe { libc::unlinkat(self.parent.as_raw_fd(), c.as_ptr(), libc::AT_REMOVEDIR) };
        }
    }
}

/// Six random letters and digits. Unpredictable enough: the name is only taken if
/// nothing is there (`mkdirat`), and the directory is checked to be ours.
pub(crate) fn random_part() -> String {
    use std::hash::{BuildHasher, Hasher};
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    let mut n = h.finish();
    (0..6)
        .map(|_| {
            let c = CHARS[(n % CHARS.len() as u64) as usize];
            n /= CHARS.len() as u64;
            char::from(c)
        })
        .collect()
}

/// Whether a swap failed only because the system or file system cannot do it.
pub(super) fn exchange_unsupported(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Unsupported
        || matches!(
            e.raw_os_error(),
            Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP)
        )
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn a_workspace_is_new_private_and_gone_afterwards() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ron");
        fs::write(&target, "old").unwrap();
        let ws = Workspace::create(&target).unwrap();
        let name = ws.name.to_string_lossy().into_owned();
        let prefix = format!(".plan.ron.{}.", std::process::id());
        assert!(
            name.starts_with(&prefix) && name.ends_with(".tmp"),
            "{name}"
        );
        let meta = fs::symlink_metadata(dir.path().join(&name)).unwrap();
        assert!(meta.is_dir() && meta.mode() & 0o777 == 0o700);
        let mut new = ws.create_file(NEW, 0o600).unwrap();
        new.write_all(b"new").unwrap();
        assert!(
            ws.create_file(NEW, 0o600).is_err(),
            "never opens what is there"
        );
        match ws.exchange(NEW) {
            Ok(()) => {
                assert_eq!(fs::read_to_string(&target).unwrap(), "new");
                assert_eq!(ws.meta(NEW).unwrap().len(), 3);
            }
            Err(e) => assert!(exchange_unsupported(&e), "{e}"),
        }
        drop(ws);
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the plan is left");
    }

    #[test]
    fn a_renamed_workspace_still_swaps_our_own_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ron");
        fs::write(&target, "old").unwrap();
        let ws = Workspace::create(&target).unwrap();
        let mut new = ws.create_file(NEW, 0o600).unwrap();
        new.write_all(b"ours").unwrap();
        // A colleague moves our workspace away and plants a lookalike with a symlink.
        let planted = dir.path().join(&ws.name);
        fs::rename(&planted, dir.path().join("moved")).unwrap();
        fs::create_dir(&planted).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", planted.join(NEW)).unwrap();
        if ws.exchange(NEW).is_ok() {
            assert_eq!(fs::read_to_string(&target).unwrap(), "ours");
            assert!(fs::symlink_metadata(&target).unwrap().is_file());
        }
    }

    #[test]
    fn a_workspace_never_removes_a_lookalike_put_in_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ron");
        fs::write(&target, "old").unwrap();
        let ws = Workspace::create(&target).unwrap();
        // A colleague moves ours away and puts an empty directory of theirs
        // under its name: that one stays when ours is done.
        let name = dir.path().join(&ws.name);
        fs::rename(&name, dir.path().join("moved")).unwrap();
        fs::create_dir(&name).unwrap();
        drop(ws);
        assert!(fs::symlink_metadata(&name).unwrap().is_dir());
    }
}
