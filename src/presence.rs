//! Who else has the plan open: each running UI announces itself (who, and the
//! item it has selected or an editor open on) in a small file in a directory
//! beside the plan, and reads the others'.
//!
//! Beside `plan.ron` there is `.plan.ron.presence/`, a directory the plan's
//! group may add files to (sticky, so only a file's owner removes or replaces
//! it), with one file per running UI, `<uid>-<pid>-<token>@<host>`, written
//! anew when what it says changes, its modification time (the heartbeat)
//! renewed every [`HEARTBEAT`], and removed when the UI ends. A file whose
//! heartbeat is older than [`STALE_AFTER`], or whose process no longer runs on
//! this machine, counts as gone.
//!
//! Presence is a courtesy, never a lock: everything here is best effort and
//! degrades to "nobody else" in silence. It is also shared with colleagues who
//! may be hostile, so (`docs/security.md`):
//! - the directory is opened without following a link and used only through
//!   its descriptor; a file is only ever written as a new temporary file inside
//!   it, renamed into place ([`dir`]);
//! - a file is read without following a link, non-blocking, a regular file of
//!   at most [`MAX_FILE_BYTES`], and only when it belongs to the user id its
//!   name gives; its contents are checked line by line ([`wire`]);
//! - the name shown is the account name of the file's owner (a claim in the
//!   file is believed from root only), made safe to show; at most
//!   [`MAX_SCANNED`] names are looked at, [`MAX_PER_USER`] files per user and
//!   [`MAX_PEERS`] in all are read.

mod dir;
mod wire;

#[cfg(test)]
mod tests;

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::platform;
use crate::timestamp::Timestamp;

use dir::{Modes, SharedDir};
use wire::{Content, FileName};

/// How often a running UI renews its heartbeat.
pub const HEARTBEAT: Duration = Duration::from_secs(5);

/// How often a running UI looks at the others' files while there are others
/// (alone, at every [`HEARTBEAT`]).
pub const REFRESH: Duration = Duration::from_secs(2);

/// A file whose heartbeat is older than this (or this far in the future) is stale.
pub const STALE_AFTER: Duration = Duration::from_secs(30);

/// The largest presence file read; ours are under 200 bytes.
pub const MAX_FILE_BYTES: u64 = 4096;

/// The most names of the directory looked at in one scan.
pub const MAX_SCANNED: usize = 10_000;

/// The most files of one user read in one scan.
pub const MAX_PER_USER: usize = 4;

/// The most colleagues' UIs reported.
pub const MAX_PEERS: usize = 32;

/// What this UI says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Announcement {
    /// The id of the project, sub-theme or theme selected, or being edited.
    pub item: Option<String>,
    /// Whether an editor is open on `item`.
    pub editing: bool,
}

/// Another running UI on the same plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Peer {
    /// Who: a name safe to show (control characters as placeholders).
    pub user: String,
    /// The id of what they have selected or are editing.
    pub item: Option<String>,
    /// Whether they have an editor open on `item`.
    pub editing: bool,
    /// Their user id.
    pub uid: u32,
}

/// This UI's presence beside one plan.
#[derive(Debug)]
pub struct Presence {
    /// The plan that is really written (a symlink's target), for its metadata.
    plan: PathBuf,
    /// Its directory, and the presence directory's name in it.
    parent_path: PathBuf,
    name: OsString,
    /// The name our file has, and who we say we are.
    me: FileName,
    user: String,
    /// The plan's directory, opened once.
    parent: Option<File>,
    /// The presence directory as last opened.
    dir: Option<SharedDir>,
    /// Our file as last written: where, its descriptor (for heartbeats), what
    /// it says and with which modes.
    written: Option<(SharedDir, File, Announcement, Modes)>,
    /// The directory as it was when a full look found nobody else in it: while
    /// it is unchanged, there is still nobody to read.
    quiet: Option<dir::Stamp>,
}

impl Presence {
    /// The presence of `user` beside the plan file `target` (the file that is
    /// really written, so that everyone reaching it through a symlink meets
    /// there). Touches nothing on disk.
    pub fn for_plan(target: &Path, user: &str) -> Presence {
        let parent_path = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let file_name = target.file_name().unwrap_or(OsStr::new("plan.ron"));
        let mut name = OsString::from(".");
        name.push(file_name);
        name.push(".presence");
        Presence {
            plan: target.to_path_buf(),
            parent_path,
            name,
            me: FileName {
                uid: platform::current_uid(),
                pid: std::process::id(),
                token: wire::token(&crate::storage::random_part()),
                host: platform::host_name(),
            },
            user: user.to_string(),
            parent: None,
            dir: None,
            written: None,
            quiet: None,
        }
    }

    /// The presence directory's path, for messages and tests.
    pub fn dir(&self) -> PathBuf {
        self.parent_path.join(&self.name)
    }

    /// The name of this UI's file in the directory.
    pub fn file_name(&self) -> String {
        self.me.format()
    }

    /// The presence directory now at its name, opened (and with `create`,
    /// made) if it is not the one opened last. Opening is rare: it wakes every
    /// colleague's watch on the plan's directory.
    fn current_dir(&mut self, create: Option<Modes>) -> io::Result<&SharedDir> {
        let at_name = fs::symlink_metadata(self.dir());
        let same = match (&self.dir, &at_name) {
            (Some(dir), Ok(meta)) => dir.is(meta),
            _ => false,
        };
        if !same {
            self.dir = None;
            let parent = match self.parent.take() {
                Some(parent) => parent,
                None => dir::open_parent(&self.parent_path)?,
            };
            let opened = match create {
                Some(modes) => SharedDir::open_or_create(&parent, &self.name, modes),
                None => SharedDir::open(&parent, &self.name),
            };
            self.parent = Some(parent);
            self.dir = Some(opened?);
        }
        self.dir
            .as_ref()
            .ok_or_else(|| io::ErrorKind::NotFound.into())
    }

    /// Says `what` at time `now`: renews the heartbeat of our file if it still
    /// says that (with the modes the plan asks for now), else writes it anew,
    /// creating the directory if needed. When the directory was replaced
    /// since, our file in the old one is removed.
    pub fn announce(&mut self, what: &Announcement, now: Timestamp) -> io::Result<()> {
        let modes = Modes::like(&fs::metadata(&self.plan)?);
        let own = self.me.format();
        let dir = self.current_dir(Some(modes))?.try_clone()?;
        dir.repair(modes);
        if let Some((at, file, said, with)) = &self.written
            && at.same_as(&dir)
            && (said, *with) == (what, modes)
            && still_ours(&dir, &own, file)
        {
            return dir::touch(file, now);
        }
        let content = Content {
            user: self.user.clone(),
            item: what.item.clone(),
            editing: what.editing,
        };
        let me = self.me.clone();
        let written = dir.write_atomic(
            &own,
            |random| me.temp(random),
            wire::encode(&content).as_bytes(),
            (modes, now),
        );
        if let Some((old, ..)) = self.written.take()
            && (written.is_err() || !old.same_as(&dir))
        {
            let _ = old.remove(OsStr::new(&own));
        }
        self.written = Some((dir, written?, what.clone(), modes));
        Ok(())
    }

    /// Removes this UI's file, if it wrote one, and the directory if that
    /// leaves it empty.
    pub fn withdraw(&mut self) {
        if let Some((dir, ..)) = self.written.take() {
            let _ = dir.remove(OsStr::new(&self.me.format()));
            if let Some(parent) = &self.parent {
                dir::remove_if_empty(parent, &self.name);
            }
        }
    }

    /// The other running UIs at time `now`, sorted by name; empty when there is
    /// no presence directory or it cannot be read. Our own leftovers (files of
    /// our user whose process is gone from this machine, or stale) are removed.
    pub fn peers(&mut self, now: Timestamp) -> Vec<Peer> {
        let Ok(dir) = self.current_dir(None).and_then(SharedDir::try_clone) else {
            self.quiet = None;
            return Vec::new();
        };
        let stamp = dir.stamp().ok();
        if stamp.is_some() && stamp == self.quiet {
            return Vec::new();
        }
        let names = dir.names(MAX_SCANNED).unwrap_or_default();
        let mut candidates: Vec<(FileName, OsString)> = Vec::new();
        for raw in names {
            let Some(name) = FileName::parse(raw.as_bytes()) else {
                self.tidy_temp(&dir, &raw);
                continue;
            };
            if name != self.me {
                candidates.push((name, raw));
            }
        }
        let settled = stamp.is_some_and(|s| s.settled(now));
        self.quiet = if candidates.is_empty() && settled {
            stamp
        } else {
            None
        };
        // A user who plants many files only fills their own share.
        candidates.sort();
        let mut per_user: Option<(u32, usize)> = None;
        candidates.retain(|(name, _)| {
            let seen = match per_user {
                Some((uid, n)) if uid == name.uid => n + 1,
                _ => 1,
            };
            per_user = Some((name.uid, seen));
            seen <= MAX_PER_USER
        });
        let mut peers: Vec<Peer> = candidates
            .iter()
            .filter_map(|(name, raw)| self.read_peer(&dir, name, raw, now))
            .collect();
        peers.sort();
        peers.truncate(MAX_PEERS);
        peers
    }

    /// One file as a peer, if it is a live, well-formed file of the user its
    /// name gives.
    fn read_peer(
        &self,
        dir: &SharedDir,
        name: &FileName,
        raw: &OsStr,
        now: Timestamp,
    ) -> Option<Peer> {
        let (bytes, meta) = dir.read(raw, MAX_FILE_BYTES).ok()?;
        if meta.uid() != name.uid {
            return None;
        }
        let gone = name.host == self.me.host && !platform::process_alive(name.pid);
        let stale = !fresh(Timestamp(meta.mtime()), now);
        if gone || stale {
            if name.uid == self.me.uid {
                // A leftover of one of our own sessions that was killed.
                let _ = dir.remove(raw);
            }
            return None;
        }
        let content = wire::decode(&bytes)?;
        let user = if name.uid == 0 {
            content.user
        } else {
            platform::account_name_of(name.uid).unwrap_or_else(|| format!("uid-{}", name.uid))
        };
        Some(Peer {
            user,
            item: content.item,
            editing: content.editing,
            uid: name.uid,
        })
    }

    /// Removes a temporary file one of our own sessions left when it was killed.
    fn tidy_temp(&self, dir: &SharedDir, raw: &OsStr) {
        let Some(of) = FileName::of_temp(raw.as_bytes()) else {
            return;
        };
        let ours = of.uid == self.me.uid && of.host == self.me.host && of != self.me;
        if ours
            && !platform::process_alive(of.pid)
            && dir.meta(raw).is_ok_and(|m| m.uid() == self.me.uid)
        {
            let _ = dir.remove(raw);
        }
    }
}

/// Whether the name `own` in `dir` is still the file we hold.
fn still_ours(dir: &SharedDir, own: &str, file: &File) -> bool {
    match (dir.meta(OsStr::new(own)), file.metadata()) {
        (Ok(named), Ok(held)) => (named.dev(), named.ino()) == (held.dev(), held.ino()),
        _ => false,
    }
}

impl Drop for Presence {
    fn drop(&mut self) {
        self.withdraw();
    }
}

/// Whether a heartbeat (a file's modification time) at `at` is recent at
/// `now`, and not too far in the future either.
fn fresh(at: Timestamp, now: Timestamp) -> bool {
    let limit = i64::try_from(STALE_AFTER.as_secs()).unwrap_or(i64::MAX);
    now.0.saturating_sub(at.0).abs() <= limit
}
