//! The plan file, off the input path: one thread owns the [`Store`], runs the
//! saves the app asks for and checks the file when it changes, so a save that
//! waits for another writer's lock never freezes the screen.
//!
//! Changes are seen through the kernel (`notify`: inotify on Linux) on the plan's
//! directory, so a colleague's save, which renames a new file into place, is
//! noticed at once and an idle UI wakes up for nothing. Where watching is not
//! possible the file is checked with a `stat` once a second instead.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::app::{Event, SaveJob};
use crate::i18n::{FileFault, ReadOnlyWhy};
use crate::storage::{Store, lock_timeout};
use crate::timestamp::Timestamp;

use super::Msg;

/// How often the plan is checked when the kernel cannot tell us about changes.
const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// How much longer than a lock's time-out leaving waits for the thread: a
/// save that holds the lock still has to write and rename.
const STOP_WAIT_EXTRA: Duration = Duration::from_secs(2);

/// What the disk thread is asked to do.
pub(super) enum DiskJob {
    Save(SaveJob),
    /// The plan's directory changed: look whether the plan did.
    Check,
    /// Leave: the thread ends and drops the store, and with it the store's
    /// workspace beside the plan.
    Stop,
}

/// How changes by others are noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Watch {
    Kernel,
    Poll(Duration),
    Off,
}

/// `AOPLAN_WATCH_MS`: unset watches through the kernel; a number of milliseconds
/// polls at that interval instead; 0 turns watching off.
fn watch_setting() -> Watch {
    match std::env::var("AOPLAN_WATCH_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        Some(0) => Watch::Off,
        Some(ms) => Watch::Poll(Duration::from_millis(ms)),
        None => Watch::Kernel,
    }
}

/// The handle the runtime keeps: where to send jobs, and the watcher (dropping
/// it stops watching). Dropping the handle stops the thread and waits for it,
/// so that what the store made beside the plan is gone before the process ends.
pub(super) struct DiskWorker {
    tx: Sender<DiskJob>,
    watcher: Option<RecommendedWatcher>,
    /// Told once the thread has dropped the store.
    done: Receiver<()>,
    stopped: bool,
}

impl DiskWorker {
    /// Starts the thread; `read_only` is what the app was started with, `zone`
    /// the time zone of the time a save reports.
    pub(super) fn spawn(
        store: Store,
        out: Sender<Msg>,
        read_only: Option<ReadOnlyWhy>,
        zone: jiff::tz::TimeZone,
    ) -> DiskWorker {
        let (tx, rx) = mpsc::channel();
        let mut watch = watch_setting();
        let watcher = match watch {
            Watch::Kernel => match kernel_watcher(&store, tx.clone()) {
                Ok(w) => Some(w),
                Err(_) => {
                    watch = Watch::Poll(POLL_INTERVAL);
                    None
                }
            },
            _ => None,
        };
        let poll = match watch {
            Watch::Poll(interval) => Some(interval),
            Watch::Kernel | Watch::Off => None,
        };
        let mut thread = DiskThread {
            store,
            out,
            version: 0,
            last_error: None,
            read_only,
            zone,
        };
        let (done_tx, done) = mpsc::channel();
        thread::spawn(move || {
            thread.run(&rx, poll);
            drop(thread);
            let _ = done_tx.send(());
        });
        DiskWorker {
            tx,
            watcher,
            done,
            stopped: false,
        }
    }

    pub(super) fn submit(&self, job: DiskJob) {
        let _ = self.tx.send(job);
    }

    /// Stops watching, lets the thread finish the jobs before this one and
    /// waits until it has dropped the store (removing the store's workspace).
    /// A save still waiting for a lock is bounded by the lock's time-out.
    pub(super) fn stop(&mut self) {
        if std::mem::replace(&mut self.stopped, true) {
            return;
        }
        self.watcher = None;
        if self.tx.send(DiskJob::Stop).is_ok() {
            let _ = self.done.recv_timeout(STOP_WAIT_EXTRA + lock_timeout());
        }
    }
}

impl Drop for DiskWorker {
    /// However the UI ends, nothing of the store's stays beside the plan.
    fn drop(&mut self) {
        self.stop();
    }
}

/// Watches the directories of the plan and, for a symlinked plan, of its target:
/// a save elsewhere replaces the file by rename, which a watch on the file itself
/// would lose track of.
fn kernel_watcher(store: &Store, tx: Sender<DiskJob>) -> notify::Result<RecommendedWatcher> {
    let target = store.target();
    let names: Vec<OsString> = [store.path.as_path(), target.as_path()]
        .iter()
        .filter_map(|p| p.file_name().map(OsString::from))
        .collect();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let relevant = match res {
            Ok(event) => {
                may_change_content(&event.kind)
                    && (event.paths.is_empty()
                        || event
                            .paths
                            .iter()
                            .any(|p| p.file_name().is_some_and(|n| names.iter().any(|m| m == n))))
            }
            // Events were lost (e.g. the queue overflowed): look anyway.
            Err(_) => true,
        };
        if relevant {
            let _ = tx.send(DiskJob::Check);
        }
    })?;
    let mut dirs: Vec<PathBuf> = vec![dir_of(&store.path), dir_of(&target)];
    dirs.dedup();
    for dir in dirs {
        watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    }
    Ok(watcher)
}

/// Whether an event can mean the plan changed. Opening, reading and closing
/// without writing cannot, and must not count: every look at the plan opens
/// it, so counting them would make each look cause the next.
fn may_change_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

struct DiskThread {
    store: Store,
    out: Sender<Msg>,
    /// How many plans this thread has handed to the app; see [`SaveJob::base`].
    version: u64,
    /// The last "no longer loads" message sent, so it is sent once.
    last_error: Option<FileFault>,
    /// The last read-only reason the app knows of.
    read_only: Option<ReadOnlyWhy>,
    /// The time zone of the clock a save reports ("saved 14:02").
    zone: jiff::tz::TimeZone,
}

impl DiskThread {
    fn run(&mut self, rx: &Receiver<DiskJob>, poll: Option<Duration>) {
        loop {
            let job = match poll {
                Some(interval) => match rx.recv_timeout(interval) {
                    Ok(job) => job,
                    Err(RecvTimeoutError::Timeout) => DiskJob::Check,
                    Err(RecvTimeoutError::Disconnected) => return,
                },
                None => match rx.recv() {
                    Ok(job) => job,
                    Err(_) => return,
                },
            };
            let alive = match job {
                DiskJob::Save(job) => self.save(job),
                DiskJob::Stop => false,
                DiskJob::Check => {
                    // A burst of events needs one look; a save or a stop queued
                    // behind it still counts.
                    let mut next = None;
                    while let Ok(job) = rx.try_recv() {
                        if !matches!(job, DiskJob::Check) {
                            next = Some(job);
                            break;
                        }
                    }
                    self.check()
                        && match next {
                            Some(DiskJob::Save(job)) => self.save(job),
                            Some(DiskJob::Stop) => false,
                            Some(DiskJob::Check) | None => true,
                        }
                }
            };
            if !alive {
                return;
            }
        }
    }

    /// Sends an event to the app; false once the app is gone.
    fn send(&self, event: Event) -> bool {
        self.out.send(Msg::Disk(Box::new(event))).is_ok()
    }

    fn check(&mut self) -> bool {
        let alive = match self.store.reload_if_changed() {
            Ok(None) => true,
            Ok(Some(plan)) => {
                self.last_error = None;
                self.version += 1;
                self.send(Event::Reloaded(plan))
            }
            Err(e) => {
                let fault = e.fault();
                if self.last_error.as_ref() == Some(&fault) {
                    true
                } else {
                    self.last_error = Some(fault.clone());
                    self.send(Event::DiskBroken(fault))
                }
            }
        };
        alive && self.report_read_only()
    }

    fn save(&mut self, job: SaveJob) -> bool {
        if job.base != self.version {
            return self.send(Event::SaveStale);
        }
        let SaveJob {
            snapshot, edits, ..
        } = job;
        // The snapshot is only read; a merge hands back the merged plan, owned.
        let mut plan = std::borrow::Cow::Borrowed(&*snapshot);
        let out = self.out.clone();
        let result = self.store.sync_shared(&mut plan, &edits, &mut |holder| {
            let _ = out.send(Msg::Disk(Box::new(Event::Waiting {
                holder: holder.clone(),
            })));
        });
        let merged = match (&result, plan) {
            (Ok(report), std::borrow::Cow::Owned(plan)) if report.merged => {
                self.version += 1;
                Some(plan)
            }
            _ => None,
        };
        if result.is_ok() {
            self.last_error = None;
        }
        let clock = crate::dates::clock(Timestamp::now(), &self.zone);
        self.send(Event::Saved {
            result: result.map(|report| report.merge).map_err(|e| e.failure()),
            merged,
            clock,
        }) && self.report_read_only()
    }

    /// Tells the app when whether the plan can be saved has changed.
    fn report_read_only(&mut self) -> bool {
        let now = self.store.read_only_reason().map(|r| r.why());
        if now == self.read_only {
            return true;
        }
        self.read_only = now.clone();
        self.send(Event::ReadOnly(now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind, RemoveKind, RenameMode};

    #[test]
    fn opening_and_reading_the_plan_is_no_change_but_writing_is() {
        let quiet = [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Access(AccessKind::Read),
        ];
        for kind in quiet {
            assert!(!may_change_content(&kind), "{kind:?}");
        }
        let changes = [
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Any),
            EventKind::Remove(RemoveKind::File),
            EventKind::Any,
            EventKind::Other,
        ];
        for kind in changes {
            assert!(may_change_content(&kind), "{kind:?}");
        }
    }
}
