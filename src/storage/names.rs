//! The names aoplan gives its own files beside a plan, and the leftovers of writers
//! that died.
//!
//! Beside `plan.ron` there are `plan.ron.bak` (the previous version),
//! `.plan.ron.lock` (the lock) and, only while a save runs, a private workspace
//! directory `.plan.ron.<pid>.<random>.tmp`. Older versions left temporary files
//! `.plan.ron.bak.tmp` and `.plan.ron.<random>.tmp`; those match the same pattern.

use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A leftover whose writer may still run is removed anyway once it is this old: no
/// save takes that long (the lock is given up after seconds).
const STALE_AFTER: Duration = Duration::from_secs(600);

pub(super) fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan.ron".into())
}

pub(super) fn sibling(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    parent(path).join(format!("{prefix}{}{suffix}", file_name(path)))
}

/// `.<name>.lock` beside the plan file that is really written.
pub(super) fn lock_of(target: &Path) -> PathBuf {
    sibling(target, ".", ".lock")
}

/// The start of this process's temporary names: `.<name>.<pid>.`.
pub(super) fn temp_prefix(target: &Path) -> String {
    format!(".{}.{}.", file_name(target), std::process::id())
}

pub(super) const TEMP_SUFFIX: &str = ".tmp";

/// If `name` is one of aoplan's temporary names for the plan `plan_name`, the part
/// between `.<plan_name>.` and `.tmp`.
fn temp_middle<'a>(name: &'a [u8], plan_name: &[u8]) -> Option<&'a [u8]> {
    let rest = name.strip_prefix(b".")?.strip_prefix(plan_name)?;
    let middle = rest
        .strip_prefix(b".")?
        .strip_suffix(TEMP_SUFFIX.as_bytes())?;
    (!middle.is_empty()).then_some(middle)
}

/// Whether the process that made a temporary name may still run: the name starts
/// with a pid that exists. Names of older versions carry no pid.
fn writer_alive(middle: &[u8]) -> bool {
    let pid = middle.split(|&b| b == b'.').next().unwrap_or_default();
    let Some(pid) = std::str::from_utf8(pid)
        .ok()
        .filter(|p| !p.is_empty() && middle.contains(&b'.'))
        .and_then(|p| p.parse::<libc::pid_t>().ok())
        .filter(|&p| p > 0)
    else {
        return false;
    };
    // SAFETY: signal 0 only checks whether the process exists; nothing is sent.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// aoplan's names beside `target` other than the plan itself: the backup and
/// temporary files, with their metadata (symlinks not followed).
fn own_names(target: &Path) -> Vec<(PathBuf, Vec<u8>, fs::Metadata)> {
    let plan_name = file_name(target);
    let backup = format!("{plan_name}.bak");
    // (The backup counts: an older version linked it before replacing the plan.)
    let Ok(entries) = fs::read_dir(parent(target)) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().as_bytes().to_vec();
            let own =
                name == backup.as_bytes() || temp_middle(&name, plan_name.as_bytes()).is_some();
            let meta = own.then(|| fs::symlink_metadata(e.path()).ok()).flatten()?;
            Some((e.path(), name, meta))
        })
        .collect()
}

/// How many of the plan's hard links are aoplan's own names (a backup or temporary
/// file that a writer made or left): those never count as foreign links.
pub(super) fn own_links(target: &Path, plan: &fs::Metadata) -> u64 {
    own_names(target)
        .iter()
        .filter(|(_, _, m)| (m.dev(), m.ino()) == (plan.dev(), plan.ino()))
        .count() as u64
}

/// Removes the temporary files of writers that died. Call with the lock held: no
/// other aoplan is in the middle of a save then, so a name whose writer is gone (or
/// that is too old to be in use) is a leftover. Unlinking never follows a link.
pub(super) fn remove_leftovers(target: &Path) {
    let plan_name = file_name(target);
    let now = SystemTime::now();
    for (path, name, meta) in own_names(target) {
        let Some(middle) = temp_middle(&name, plan_name.as_bytes()) else {
            continue;
        };
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default();
        if !writer_alive(middle) || age > STALE_AFTER {
            // A workspace directory goes with what is in it; removal never
            // follows a symlink.
            let _ = if meta.is_dir() {
                fs::remove_dir_all(path)
            } else {
                fs::remove_file(path)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised() {
        let m = |n: &str| temp_middle(n.as_bytes(), b"plan.ron").map(|m| m.to_vec());
        assert_eq!(m(".plan.ron.123.aBcD12.tmp"), Some(b"123.aBcD12".to_vec()));
        assert_eq!(m(".plan.ron.bak.tmp"), Some(b"bak".to_vec()));
        assert_eq!(m(".plan.ron..tmp"), None);
        assert_eq!(m(".plan.ron.tmp"), None);
        assert_eq!(m(".other.ron.1.x.tmp"), None);
        assert_eq!(m("plan.ron.1.x.tmp"), None);
        // Our own pid runs; "bak" and a random part carry no pid.
        let me = format!("{}.xyz", std::process::id());
        assert!(writer_alive(me.as_bytes()));
        assert!(!writer_alive(b"bak"));
        assert!(!writer_alive(b"a1b2c3"));
    }

    #[test]
    fn leftovers_of_dead_writers_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        fs::write(&plan, "x").unwrap();
        let mine = dir
            .path()
            .join(format!(".plan.ron.{}.abc.tmp", std::process::id()));
        fs::write(&mine, "in use").unwrap();
        let legacy = dir.path().join(".plan.ron.bak.tmp");
        fs::hard_link(&plan, &legacy).unwrap();
        // A pid above the kernel's maximum never runs.
        let dead = dir.path().join(".plan.ron.99999999.abc.tmp");
        std::os::unix::fs::symlink("/etc/passwd", &dead).unwrap();
        let other = dir.path().join(".other.ron.1.abc.tmp");
        fs::write(&other, "not ours").unwrap();

        let meta = fs::metadata(&plan).unwrap();
        assert_eq!(meta.nlink(), 2);
        assert_eq!(own_links(&plan, &meta), 1);
        remove_leftovers(&plan);
        assert!(mine.exists() && other.exists());
        assert!(!legacy.exists() && fs::symlink_metadata(&dead).is_err());
        assert_eq!(fs::read_to_string(&plan).unwrap(), "x");
    }
}
