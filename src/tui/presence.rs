//! Presence off the input path: a thread that announces what this UI looks at
//! (at once when the selection or an editor changes, and a heartbeat every
//! [`HEARTBEAT`]) and reads who else has the plan open (every [`REFRESH`]
//! while there are others, at every heartbeat while alone). It tells the loop
//! only when the list of colleagues changed, so an idle UI draws nothing for it.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crate::app::{Activity, App, Peer};
use crate::presence::{self, Announcement, HEARTBEAT, Presence, REFRESH};
use crate::timestamp::Timestamp;

use super::Msg;

/// At most this often is our file rewritten while the selection moves (a held
/// arrow key); the last position is written once the gap has passed.
const MIN_GAP: Duration = Duration::from_millis(250);

/// How long leaving waits for our file to be removed.
const STOP_WAIT: Duration = Duration::from_secs(1);

enum Cmd {
    /// What the app looks at; `announce` is false while it may not write.
    Update {
        activity: Activity,
        announce: bool,
    },
    Stop,
}

/// The handle the runtime keeps.
pub(super) struct PresenceWorker {
    tx: Sender<Cmd>,
    done: Receiver<()>,
    /// What the thread was last told.
    last: Option<(Activity, bool)>,
    stopped: bool,
}

impl PresenceWorker {
    /// Starts the thread for the plan file `target` (a symlink's target).
    pub(super) fn spawn(target: &Path, out: Sender<Msg>) -> PresenceWorker {
        let (tx, rx) = mpsc::channel();
        let (done_tx, done) = mpsc::channel();
        let presence = Presence::for_plan(target, &crate::platform::login_name());
        thread::spawn(move || {
            let mut thread = PresenceThread {
                presence,
                wanted: None,
                written_at: None,
                sent: None,
                out,
            };
            thread.run(&rx);
            thread.presence.withdraw();
            let _ = done_tx.send(());
        });
        PresenceWorker {
            tx,
            done,
            last: None,
            stopped: false,
        }
    }

    /// Tells the thread what the app looks at now, if that changed. Read-only,
    /// the app is not announced (its colleagues are still shown).
    pub(super) fn update(&mut self, app: &App) {
        let now = (app.activity(), app.read_only().is_none());
        if self.last.as_ref() == Some(&now) {
            return;
        }
        let (activity, announce) = now.clone();
        self.last = Some(now);
        let _ = self.tx.send(Cmd::Update { activity, announce });
    }

    /// Removes our file and stops the thread, waiting for it a short while.
    pub(super) fn stop(&mut self) {
        if !std::mem::replace(&mut self.stopped, true) && self.tx.send(Cmd::Stop).is_ok() {
            let _ = self.done.recv_timeout(STOP_WAIT);
        }
    }
}

impl Drop for PresenceWorker {
    /// However the UI ends, its file goes.
    fn drop(&mut self) {
        self.stop();
    }
}

struct PresenceThread {
    presence: Presence,
    /// What to announce; `None` while the app may not write.
    wanted: Option<Announcement>,
    /// When our file was last written.
    written_at: Option<Instant>,
    /// The colleagues last sent to the loop.
    sent: Option<Vec<Peer>>,
    out: Sender<Msg>,
}

impl PresenceThread {
    fn run(&mut self, rx: &Receiver<Cmd>) {
        let mut dirty = false;
        loop {
            let wait = match (dirty, self.written_at) {
                (true, Some(at)) => MIN_GAP.saturating_sub(at.elapsed()),
                (true, None) => Duration::ZERO,
                (false, _) => self.until_next(),
            };
            match rx.recv_timeout(wait) {
                Ok(cmd) => {
                    if !self.take(cmd) {
                        return;
                    }
                    dirty = true;
                }
                Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => {}
            }
            // Act on the newest of what queued up.
            while let Ok(cmd) = rx.try_recv() {
                if !self.take(cmd) {
                    return;
                }
                dirty = true;
            }
            let gap_open = self.written_at.is_some_and(|at| at.elapsed() < MIN_GAP);
            if dirty && gap_open && self.wanted.is_some() {
                continue;
            }
            let beat_due = self.written_at.is_none_or(|at| at.elapsed() >= HEARTBEAT);
            if let Some(what) = &self.wanted
                && (dirty || beat_due)
            {
                // Best effort: a directory that cannot be written only means
                // the others do not see us.
                let _ = self.presence.announce(what, Timestamp::now());
                self.written_at = Some(Instant::now());
            }
            dirty = false;
            if !self.report() {
                return;
            }
        }
    }

    /// How long to sleep when nothing happens: until the next heartbeat is
    /// due, or the next look at the others (at every heartbeat while alone:
    /// a newcomer sees us at once and we see them at our next beat).
    fn until_next(&self) -> Duration {
        let alone = self.sent.as_ref().is_none_or(Vec::is_empty);
        let look = if alone { HEARTBEAT } else { REFRESH };
        match (&self.wanted, self.written_at) {
            (Some(_), Some(at)) => look.min(HEARTBEAT.saturating_sub(at.elapsed())),
            _ => look,
        }
    }

    /// Takes a command; false when it is to stop.
    fn take(&mut self, cmd: Cmd) -> bool {
        let Cmd::Update { activity, announce } = cmd else {
            return false;
        };
        self.wanted = announce.then_some(Announcement {
            item: activity.item,
            editing: activity.editing,
        });
        if self.wanted.is_none() {
            self.presence.withdraw();
            self.written_at = None;
        }
        true
    }

    /// Reads the others and tells the loop when that changed; false once the
    /// loop is gone.
    fn report(&mut self) -> bool {
        let peers = shown(self.presence.peers(Timestamp::now()));
        if self.sent.as_ref() == Some(&peers) {
            return true;
        }
        self.sent = Some(peers.clone());
        self.out.send(Msg::Presence(peers)).is_ok()
    }
}

/// The colleagues as the app takes them: one entry per name and item.
fn shown(peers: Vec<presence::Peer>) -> Vec<Peer> {
    let mut shown: Vec<Peer> = peers
        .into_iter()
        .map(|p| Peer {
            user: p.user,
            item: p.item,
            editing: p.editing,
        })
        .collect();
    shown.dedup();
    shown
}
