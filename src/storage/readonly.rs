//! Why a plan cannot be saved at the moment. Worked out afresh on every call, from
//! the file as it is now, so a passing state never sticks.

use std::fmt;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::access::{OwnerChange, Subject};
use super::meta::{Source, group_name};
use super::names::{own_links, parent};
use crate::i18n::{Lang, ReadOnlyWhy};

/// Why saving is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// `--read-only`.
    Forced,
    /// The mode has no write bit at all. Refused even for root, who could write
    /// it: the bits say the file is meant to stay as it is (like vim's `readonly`).
    NoWriteBits { path: PathBuf, mode: u32 },
    /// This user may not write the file.
    NotWritable(PathBuf),
    /// This user may not create files in the directory, so the file cannot be
    /// replaced atomically.
    DirNotWritable(PathBuf),
    /// The file has other names; replacing it would split them. `links` counts
    /// the names that are not aoplan's own backup or temporary files.
    HardLinks { path: PathBuf, links: u64 },
    /// Saving would make this user the owner and change someone's permissions.
    OwnerChange(OwnerChange),
    /// The new version could not get the plan's group: this user is not in it.
    GroupNotKept { path: PathBuf, group: String },
}

impl ReadOnlyReason {
    /// As data that `i18n` words in either language.
    pub fn why(&self) -> ReadOnlyWhy {
        match self {
            ReadOnlyReason::Forced => ReadOnlyWhy::Forced,
            ReadOnlyReason::NoWriteBits { path, mode } => ReadOnlyWhy::NoWriteBits {
                path: path.clone(),
                mode: *mode,
            },
            ReadOnlyReason::NotWritable(p) => ReadOnlyWhy::NotWritable(p.clone()),
            ReadOnlyReason::DirNotWritable(p) => ReadOnlyWhy::DirNotWritable(p.clone()),
            ReadOnlyReason::HardLinks { path, links } => ReadOnlyWhy::HardLinks {
                path: path.clone(),
                links: *links,
            },
            ReadOnlyReason::OwnerChange(change) => change.why(),
            ReadOnlyReason::GroupNotKept { path, group } => ReadOnlyWhy::GroupNotKept {
                path: path.clone(),
                group: group.clone(),
            },
        }
    }
}

impl fmt::Display for ReadOnlyReason {
    /// The English words; `Lang::read_only_why(&r.why())` says it in either language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.read_only_why(&self.why()))
    }
}

/// Why the plan file `target`, with `meta` as just seen on an open descriptor,
/// cannot be saved by this process; `source` adds the ACL for the owner rule.
pub(super) fn reason(
    target: &Path,
    meta: &fs::Metadata,
    source: Option<&Source>,
) -> Option<ReadOnlyReason> {
    if meta.mode() & 0o222 == 0 {
        return Some(ReadOnlyReason::NoWriteBits {
            path: target.to_path_buf(),
            mode: meta.mode(),
        });
    }
    if !writable(target) {
        return Some(ReadOnlyReason::NotWritable(target.to_path_buf()));
    }
    let dir = parent(target);
    if !writable(dir) {
        return Some(ReadOnlyReason::DirNotWritable(dir.to_path_buf()));
    }
    if meta.nlink() > 1 {
        let links = meta.nlink() - own_links(target, meta);
        if links > 1 {
            return Some(ReadOnlyReason::HardLinks {
                path: target.to_path_buf(),
                links,
            });
        }
    }
    if !group_kept(dir, meta) {
        return Some(ReadOnlyReason::GroupNotKept {
            path: target.to_path_buf(),
            group: group_name(meta.gid()),
        });
    }
    source
        .and_then(|s| s.owner_change(target))
        .map(ReadOnlyReason::OwnerChange)
}

/// Whether a file this process creates in `dir` can have the plan's group: root
/// may give any group, members their groups, and a setgid directory gives its own.
fn group_kept(dir: &Path, plan: &fs::Metadata) -> bool {
    let me = Subject::me();
    if me.uid == 0 || me.groups.contains(&plan.gid()) {
        return true;
    }
    fs::metadata(dir).is_ok_and(|d| d.mode() & 0o2000 != 0 && d.gid() == plan.gid())
}

fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a valid NUL-terminated path; access(2) only reads it.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}
