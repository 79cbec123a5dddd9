//! Searches of large plans, off the input path.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

use crate::app::SearchJob;

use super::Msg;

/// Runs searches on their own thread so typing never waits for them. There is one
/// slot: a request that arrives while another runs replaces any waiting one, so
/// the worker always moves on to the newest query.
pub(super) struct SearchWorker {
    slot: Arc<(Mutex<Option<SearchJob>>, Condvar)>,
}

impl SearchWorker {
    pub(super) fn spawn(tx: Sender<Msg>) -> SearchWorker {
        let slot = Arc::new((Mutex::new(None::<SearchJob>), Condvar::new()));
        let shared = Arc::clone(&slot);
        thread::spawn(move || {
            lower_priority();
            let (lock, ready) = &*shared;
            loop {
                let job = {
                    let mut waiting = lock.lock().unwrap_or_else(|e| e.into_inner());
                    loop {
                        match waiting.take() {
                            Some(job) => break job,
                            None => {
                                waiting = ready.wait(waiting).unwrap_or_else(|e| e.into_inner())
                            }
                        }
                    }
                };
                let (generation, query, hits) = job.run();
                if tx.send(Msg::SearchDone(generation, query, hits)).is_err() {
                    return;
                }
            }
        });
        SearchWorker { slot }
    }

    pub(super) fn submit(&self, job: SearchJob) {
        let (lock, ready) = &*self.slot;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = Some(job);
        ready.notify_one();
    }
}

/// Lowers this thread's scheduling priority (and that of the threads it starts), so
/// that a long search never takes the CPU from drawing the letters being typed.
fn lower_priority() {
    // SAFETY: setpriority on the calling thread's id; failure only leaves the priority as is.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}
