//! Replacing a file atomically and durably, keeping its mode and owner.

use std::fs::{self, File};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use super::parent;

/// Replaces `path` with `bytes`: a temporary file in the same directory with the old
/// file's mode and owner, written, optionally fsynced, renamed over `path`, and the
/// directory fsynced. On any error the temporary file is removed and `path` untouched.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    like: &fs::Metadata,
    durable: bool,
) -> io::Result<fs::Metadata> {
    let dir = parent(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let file = tmp.as_file_mut();
    file.set_permissions(fs::Permissions::from_mode(like.mode() & 0o7777))?;
    keep_owner(file, like);
    file.write_all(bytes)?;
    if durable {
        file.sync_all()?;
    }
    let file = tmp.persist(path).map_err(|e| e.error)?;
    if durable {
        File::open(dir)?.sync_all()?;
    }
    file.metadata()
}

/// Gives the new file the old one's owner and group where we may: root keeps a
/// user's file theirs, and a colleague keeps the shared group (only the owner
/// change is refused for them). Errors are ignored: the save goes on either way.
fn keep_owner(file: &File, like: &fs::Metadata) {
    use std::os::unix::fs::fchown;
    if fchown(file, Some(like.uid()), Some(like.gid())).is_err() {
        let _ = fchown(file, None, Some(like.gid()));
    }
}
