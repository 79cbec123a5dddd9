//! The threads that wait for the outside world: terminal input, signals and a
//! terminal that hangs up. Each blocks until something happens, so an idle UI
//! wakes up for nothing.

use std::io;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::event as ct;

use super::Msg;

/// How often the terminal is checked for a hang-up if `poll` cannot wait for it.
const HANGUP_POLL: Duration = Duration::from_millis(500);

pub(super) fn spawn_input_thread(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match ct::read() {
                Ok(event) => Msg::Term(event),
                Err(_) => Msg::HangUp,
            };
            let stop = matches!(msg, Msg::HangUp);
            if tx.send(msg).is_err() || stop {
                return;
            }
        }
    });
}

pub(super) fn spawn_signal_thread(tx: Sender<Msg>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut wanted = vec![SIGTERM, SIGINT, SIGQUIT];
    // Under `nohup` SIGHUP stays ignored; the hang-up watch still notices a dead terminal.
    if !ignored(SIGHUP) {
        wanted.push(SIGHUP);
    }
    let mut signals = signal_hook::iterator::Signals::new(wanted)?;
    thread::spawn(move || {
        for sig in signals.forever() {
            let msg = if sig == SIGHUP {
                Msg::HangUp
            } else {
                Msg::Stop(sig)
            };
            if tx.send(msg).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Whether the signal's disposition is "ignore", as `nohup` leaves SIGHUP.
fn ignored(sig: i32) -> bool {
    // SAFETY: sigaction with a null new action only reads the current disposition.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

/// Watches the terminal for a hang-up that arrives without SIGHUP (e.g. under
/// `nohup`), in which case the input reader could otherwise spin on a dead terminal.
pub(super) fn spawn_hangup_watch(tx: Sender<Msg>) {
    // Decide now which descriptors are the terminal: after a hang-up they stop
    // looking like one, and a pipe's normal end of file must not count.
    let fds: Vec<i32> = [libc::STDIN_FILENO, libc::STDOUT_FILENO]
        .into_iter()
        // SAFETY: isatty only inspects the descriptor.
        .filter(|&fd| unsafe { libc::isatty(fd) } == 1)
        .collect();
    if fds.is_empty() {
        return;
    }
    thread::spawn(move || {
        wait_for_hang_up(&fds);
        let _ = tx.send(Msg::HangUp);
    });
}

/// Sleeps until one of the terminal descriptors hangs up. Asking `poll` for no
/// events at all still reports a hang-up or an error, so this wakes for nothing else.
fn wait_for_hang_up(fds: &[i32]) {
    let mut pfds: Vec<libc::pollfd> = fds
        .iter()
        .map(|&fd| libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        })
        .collect();
    loop {
        // SAFETY: a valid array of pollfd of the given length; no timeout.
        let n = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, -1) };
        let hung_up = pfds
            .iter()
            .any(|p| p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0);
        if n > 0 && hung_up {
            return;
        }
        if n < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            // poll itself failed: fall back to checking now and then.
            thread::sleep(HANGUP_POLL);
        }
    }
}
