//! Carrying a plan's group, mode, ACL and extended attributes over to the new file
//! that replaces it, by descriptor, and refusing when that is not possible.
//!
//! The POSIX ACL lives in the extended attribute `system.posix_acl_access`, so
//! copying every attribute copies it too. Attributes the saver cannot see (the
//! `trusted.*` namespace, for non-root users) cannot be carried.

use std::ffi::CString;
use std::fmt;
use std::fs::{self, File};
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use super::access::{self, ACL_XATTR, Acl, OwnerChange, Subject};
use crate::i18n::{IoWhy, Lang, MetaWhy};

/// Why the new file could not be made like the old one.
#[derive(Debug)]
pub enum MetaError {
    /// The plan's extended attributes (or ACL) could not be read.
    ReadAttributes(io::Error),
    /// The new file could not be given the plan's group.
    Group { group: String, error: io::Error },
    /// The new file could not be given the plan's mode bits.
    Mode { wanted: u32, got: u32 },
    /// An extended attribute (the ACL is one) could not be copied or removed.
    Attribute { name: String, error: io::Error },
}

impl MetaError {
    /// As data that `i18n` words in either language.
    pub fn why(&self) -> MetaWhy {
        match self {
            MetaError::ReadAttributes(e) => MetaWhy::ReadAttributes(IoWhy::of(e)),
            MetaError::Group { group, error } => MetaWhy::Group {
                group: group.clone(),
                why: IoWhy::of(error),
            },
            MetaError::Mode { wanted, got } => MetaWhy::Mode {
                wanted: *wanted,
                got: *got,
            },
            MetaError::Attribute { name, error } if name == ACL_XATTR => {
                MetaWhy::Acl(IoWhy::of(error))
            }
            MetaError::Attribute { name, error } => MetaWhy::Attribute {
                name: name.clone(),
                why: IoWhy::of(error),
            },
        }
    }
}

impl fmt::Display for MetaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.meta_why(&self.why()))
    }
}

impl std::error::Error for MetaError {}

/// Why the new file cannot replace the old one.
#[derive(Debug)]
pub(super) enum CarryError {
    Meta(MetaError),
    /// The owner cannot be kept, and that would change someone's permissions.
    Owner(OwnerChange),
}

/// What a new version must keep of the old file.
#[derive(Debug, Clone)]
pub(super) struct Source {
    pub meta: fs::Metadata,
    /// Extended attributes by name, the ACL among them.
    pub xattrs: Vec<(CString, Vec<u8>)>,
}

impl Source {
    /// Reads the metadata and extended attributes of the open old file.
    pub(super) fn read(file: &File) -> Result<Source, MetaError> {
        let meta = file.metadata().map_err(MetaError::ReadAttributes)?;
        let xattrs = xattr::list(file)
            .map_err(MetaError::ReadAttributes)?
            .into_iter()
            .map(|name| xattr::get(file, &name).map(|value| (name, value)))
            .filter_map(|r| match r {
                // Removed between listing and reading: not there any more.
                Ok((name, Some(value))) => Some(Ok((name, value))),
                Ok((_, None)) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<_, _>>()
            .map_err(MetaError::ReadAttributes)?;
        Ok(Source { meta, xattrs })
    }

    /// The file's access ACL, if it has one.
    pub(super) fn acl(&self) -> Option<Acl> {
        self.xattrs
            .iter()
            .find(|(n, _)| n.as_bytes() == ACL_XATTR.as_bytes())
            .and_then(|(_, v)| Acl::parse(v))
    }

    /// Whether a save by this process would change who may read or write the file
    /// because it cannot keep the owner. Root can keep it (checked again on save).
    pub(super) fn owner_change(&self, path: &std::path::Path) -> Option<OwnerChange> {
        let me = Subject::me();
        if me.uid == 0 {
            return None;
        }
        access::owner_change(path, &self.meta, self.acl().as_ref(), &me)
    }
}

/// Makes `new` (a file this process just created) like the old file: owner where we
/// may, group, mode, and exactly the old file's extended attributes. Checked on the
/// descriptor afterwards; any difference is an error, never a silent change.
pub(super) fn carry(src: &Source, new: &File, path: &std::path::Path) -> Result<(), CarryError> {
    use std::os::unix::fs::fchown;
    let meta_err = CarryError::Meta;
    let old = &src.meta;
    let now = new
        .metadata()
        .map_err(|e| meta_err(MetaError::ReadAttributes(e)))?;
    if now.uid() != old.uid() && fchown(new, Some(old.uid()), Some(old.gid())).is_err() {
        // We may not give the file away: we become its owner. Allowed only when
        // that changes nobody's permissions.
        let me = Subject::me();
        if let Some(change) = access::owner_change(path, old, src.acl().as_ref(), &me) {
            return Err(CarryError::Owner(change));
        }
    }
    let now = new
        .metadata()
        .map_err(|e| meta_err(MetaError::ReadAttributes(e)))?;
    if now.gid() != old.gid() {
        fchown(new, None, Some(old.gid())).map_err(|error| {
            meta_err(MetaError::Group {
                group: group_name(old.gid()),
                error,
            })
        })?;
    }
    // Attributes the new file got by itself (a directory's default ACL) go first.
    let attr_err = |name: &CString, error| {
        meta_err(MetaError::Attribute {
            name: name.to_string_lossy().into_owned(),
            error,
        })
    };
    let present = xattr::list(new).map_err(|e| meta_err(MetaError::ReadAttributes(e)))?;
    for name in &present {
        if !src.xattrs.iter().any(|(n, _)| n == name) {
            xattr::remove(new, name).map_err(|e| attr_err(name, e))?;
        }
    }
    let wanted = old.mode() & 0o7777;
    new.set_permissions(fs::Permissions::from_mode(wanted))
        .map_err(|_| {
            meta_err(MetaError::Mode {
                wanted,
                got: now.mode() & 0o7777,
            })
        })?;
    for (name, value) in &src.xattrs {
        let same = xattr::get(new, name).is_ok_and(|v| v.as_deref() == Some(value.as_slice()));
        if !same {
            xattr::set(new, name, value).map_err(|e| attr_err(name, e))?;
        }
    }
    let got = new
        .metadata()
        .map_err(|e| meta_err(MetaError::ReadAttributes(e)))?;
    if got.mode() & 0o7777 != wanted {
        return Err(meta_err(MetaError::Mode {
            wanted,
            got: got.mode() & 0o7777,
        }));
    }
    if got.gid() != old.gid() {
        return Err(meta_err(MetaError::Group {
            group: group_name(old.gid()),
            error: io::Error::from(io::ErrorKind::PermissionDenied),
        }));
    }
    Ok(())
}

/// A group's name for messages, or its number.
pub(super) fn group_name(gid: u32) -> String {
    let mut buf = vec![0 as libc::c_char; 16 * 1024];
    // SAFETY: an all-zero group is a valid out-parameter.
    let mut grp: libc::group = unsafe { std::mem::zeroed() };
    let mut found = std::ptr::null_mut();
    // SAFETY: every pointer is valid for the sizes given; gr_name points into `buf`.
    let rc = unsafe { libc::getgrgid_r(gid, &mut grp, buf.as_mut_ptr(), buf.len(), &mut found) };
    if rc != 0 || found.is_null() || grp.gr_name.is_null() {
        return gid.to_string();
    }
    // SAFETY: gr_name is a NUL-terminated string inside `buf`.
    unsafe { std::ffi::CStr::from_ptr(grp.gr_name) }
        .to_string_lossy()
        .into_owned()
}

/// Extended attributes by descriptor. Where the file system has none, a file has none.
#[cfg(target_os = "linux")]
mod xattr {
    use std::ffi::CString;
    use std::fs::File;
    use std::io;
    use std::os::fd::AsRawFd;

    fn unsupported(e: &io::Error) -> bool {
        e.raw_os_error() == Some(libc::ENOTSUP)
    }

    /// Calls `f(buf, len)` with a buffer large enough for the answer.
    fn sized(mut f: impl FnMut(*mut libc::c_void, usize) -> isize) -> io::Result<Vec<u8>> {
        loop {
            let n = f(std::ptr::null_mut(), 0);
            if n < 0 {
                return Err(io::Error::last_os_error());
            }
            let mut buf = vec![0u8; n as usize];
            let got = f(buf.as_mut_ptr().cast(), buf.len());
            if got >= 0 {
                buf.truncate(got as usize);
                return Ok(buf);
            }
            let e = io::Error::last_os_error();
            // Grown between the two calls: ask again.
            if e.raw_os_error() != Some(libc::ERANGE) {
                return Err(e);
            }
        }
    }

    pub fn list(file: &File) -> io::Result<Vec<CString>> {
        let fd = file.as_raw_fd();
        // SAFETY: the buffer pointer and length come from `sized` and match.
        let names = sized(|buf, len| unsafe { libc::flistxattr(fd, buf.cast(), len) });
        match names {
            Ok(bytes) => Ok(bytes
                .split(|&b| b == 0)
                .filter(|n| !n.is_empty())
                .filter_map(|n| CString::new(n).ok())
                .collect()),
            Err(e) if unsupported(&e) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }

    /// The value, or `None` when the attribute is not there.
    pub fn get(file: &File, name: &CString) -> io::Result<Option<Vec<u8>>> {
        let fd = file.as_raw_fd();
        // SAFETY: as above; `name` is NUL-terminated.
        match sized(|buf, len| unsafe { libc::fgetxattr(fd, name.as_ptr(), buf, len) }) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.raw_os_error() == Some(libc::ENODATA) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn set(file: &File, name: &CString, value: &[u8]) -> io::Result<()> {
        // SAFETY: the value pointer and length match; `name` is NUL-terminated.
        let rc = unsafe {
            libc::fsetxattr(
                file.as_raw_fd(),
                name.as_ptr(),
                value.as_ptr().cast(),
                value.len(),
                0,
            )
        };
        if rc == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    pub fn remove(file: &File, name: &CString) -> io::Result<()> {
        // SAFETY: `name` is NUL-terminated.
        let rc = unsafe { libc::fremovexattr(file.as_raw_fd(), name.as_ptr()) };
        if rc == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

/// Elsewhere only the group and mode are carried over.
#[cfg(not(target_os = "linux"))]
mod xattr {
    use std::ffi::CString;
    use std::fs::File;
    use std::io;

    pub fn list(_: &File) -> io::Result<Vec<CString>> {
        Ok(Vec::new())
    }
    pub fn get(_: &File, _: &CString) -> io::Result<Option<Vec<u8>>> {
        Ok(None)
    }
    pub fn set(_: &File, _: &CString, _: &[u8]) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }
    pub fn remove(_: &File, _: &CString) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }
}
