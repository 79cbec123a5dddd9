//! The runtime of the terminal UI: terminal set-up and restore, the event loop, and
//! carrying out the effects the pure [`App`] asks for (saving, quitting).
//!
//! Input, signals and the hang-up watch run on their own threads and feed one
//! channel; the loop sleeps on it, so an idle UI uses no CPU. The plan file is
//! checked for outside changes once a second (a `stat`, no busy loop).

use std::collections::VecDeque;
use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

use crossterm::event::{self as ct, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use crossterm::{cursor, execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{App, Effect, Event, SearchJob};
use crate::recovery::{self, Recovery};
use crate::storage::Store;
use crate::timestamp::{Timestamp, local_hh_mm};

/// How often the plan file is checked for changes made by others, unless
/// `AOPLAN_WATCH_MS` says otherwise (0 turns watching off).
const WATCH_INTERVAL: Duration = Duration::from_secs(1);

fn watch_interval() -> Option<Duration> {
    let ms = std::env::var("AOPLAN_WATCH_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok());
    match ms {
        Some(0) => None,
        Some(ms) => Some(Duration::from_millis(ms)),
        None => Some(WATCH_INTERVAL),
    }
}
/// How often the terminal is checked for a hang-up if `poll` cannot wait for it.
const HANGUP_POLL: Duration = Duration::from_millis(500);

/// What wakes the loop.
enum Msg {
    Term(ct::Event),
    /// The terminal went away: SIGHUP, a read error or a hang-up seen by polling.
    HangUp,
    /// SIGTERM, SIGINT or SIGQUIT.
    Stop(i32),
    /// A search finished on the worker thread.
    SearchDone(u64, String, Vec<crate::search::Hit>),
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    HangUp,
    Signal(i32),
}

/// Collects a frame and writes it to the terminal in one `write` when ratatui
/// flushes at the end of a draw, wrapped in synchronized-output markers so that
/// terminals which support them never show a half-drawn frame.
struct FrameWriter {
    buf: Vec<u8>,
    out: io::Stdout,
}

impl Write for FrameWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let mut frame = Vec::with_capacity(self.buf.len() + 16);
        queue!(frame, BeginSynchronizedUpdate)?;
        frame.append(&mut self.buf);
        queue!(frame, EndSynchronizedUpdate)?;
        let mut out = self.out.lock();
        out.write_all(&frame)?;
        out.flush()
    }
}

type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Runs the UI until the user quits or the terminal goes away.
pub fn run(store: Store, app: App, mouse: bool) -> io::Result<Exit> {
    let (tx, rx) = mpsc::channel();
    spawn_signal_thread(tx.clone())?;
    enter(mouse)?;
    install_panic_hook(mouse);
    let writer = FrameWriter {
        buf: Vec::with_capacity(64 * 1024),
        out: io::stdout(),
    };
    let result = Terminal::new(CrosstermBackend::new(writer)).and_then(|terminal| {
        spawn_input_thread(tx.clone());
        let searcher = SearchWorker::spawn(tx.clone());
        spawn_hangup_watch(tx);
        Runtime {
            terminal,
            store,
            app,
            searcher,
            last_disk_error: None,
        }
        .run(&rx)
    });
    leave(mouse);
    result
}

struct Runtime {
    terminal: Term,
    store: Store,
    app: App,
    searcher: SearchWorker,
    /// The last "file no longer loads" message shown, so it is reported once.
    last_disk_error: Option<String>,
}

impl Runtime {
    fn run(mut self, rx: &Receiver<Msg>) -> io::Result<Exit> {
        let (w, h) = terminal::size()?;
        self.dispatch(Event::Resize(w, h));
        self.draw()?;
        let watch = watch_interval();
        loop {
            let received = match watch {
                Some(interval) => rx.recv_timeout(interval),
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            let msg = match received {
                Ok(msg) => msg,
                Err(RecvTimeoutError::Timeout) => {
                    if self.watch_file() && self.draw().is_err() {
                        return Ok(self.hang_up(Exit::HangUp));
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(self.hang_up(Exit::HangUp)),
            };
            // Handle everything that queued up before drawing once.
            let mut next = Some(msg);
            while let Some(msg) = next.take() {
                match msg {
                    Msg::Term(event) => {
                        if let Some(exit) = self.on_terminal_event(event) {
                            return Ok(exit);
                        }
                    }
                    Msg::HangUp => return Ok(self.hang_up(Exit::HangUp)),
                    Msg::Stop(sig) => return Ok(self.hang_up(Exit::Signal(sig))),
                    Msg::SearchDone(generation, query, hits) => {
                        self.dispatch(Event::SearchDone {
                            generation,
                            query,
                            hits,
                        });
                    }
                }
                next = rx.try_recv().ok();
            }
            // A terminal that can no longer be written to has gone away.
            if self.draw().is_err() {
                return Ok(self.hang_up(Exit::HangUp));
            }
        }
    }

    fn draw(&mut self) -> io::Result<()> {
        let app = &self.app;
        self.terminal.draw(|frame| crate::ui::draw(frame, app))?;
        Ok(())
    }

    fn on_terminal_event(&mut self, event: ct::Event) -> Option<Exit> {
        let event = match event {
            ct::Event::Key(_) => Event::Key(event.as_key_press_event()?),
            ct::Event::Mouse(m) => Event::Mouse(m),
            ct::Event::Resize(w, h) => {
                // Repaint everything: some terminals garble the old frame on resize.
                let _ = self.terminal.clear();
                Event::Resize(w, h)
            }
            _ => return None,
        };
        self.dispatch(event).then_some(Exit::Quit)
    }

    /// Feeds an event to the app and carries out its effects; true when it quits.
    fn dispatch(&mut self, event: Event) -> bool {
        let mut effects: VecDeque<Effect> = self.app.handle(event).into();
        while let Some(effect) = effects.pop_front() {
            match effect {
                Effect::Quit => return true,
                Effect::Search => {
                    if let Some(job) = self.app.search_job() {
                        self.searcher.submit(job);
                    }
                }
                Effect::Save => {
                    // Show the edit first ("1 unsaved change"), then save: on a large
                    // plan the save takes a moment, and the screen should not wait.
                    let _ = self.draw();
                    let result = self.save();
                    let clock = local_hh_mm(Timestamp::now());
                    effects.extend(self.app.handle(Event::Saved { result, clock }));
                }
            }
        }
        false
    }

    fn save(&mut self) -> Result<crate::storage::SyncReport, String> {
        let (plan, pending) = self.app.save_parts();
        self.store.sync(plan, pending).map_err(|e| e.to_string())
    }

    /// Picks up changes other processes saved; true when the screen must be redrawn.
    fn watch_file(&mut self) -> bool {
        match self.store.reload_if_changed() {
            Ok(None) => false,
            Ok(Some(plan)) => {
                self.last_disk_error = None;
                // The app replays its unsaved edits onto the new version.
                self.dispatch(Event::Reloaded(plan));
                true
            }
            Err(e) => {
                let message = e.to_string();
                if self.last_disk_error.as_ref() == Some(&message) {
                    return false;
                }
                self.last_disk_error = Some(message.clone());
                self.dispatch(Event::DiskBroken(message));
                true
            }
        }
    }

    /// Leaves without losing anything: unsaved edits get one more save, a half-typed
    /// inline edit goes to the recovery file.
    fn hang_up(mut self, exit: Exit) -> Exit {
        if self.app.has_unsaved() {
            let _ = self.save();
        }
        let input = self.app.unsaved_input();
        if let Some(r) =
            input.and_then(|(project, field, text)| Recovery::new(project, field, text))
        {
            let _ = recovery::save(&self.store.path, &r);
        }
        exit
    }
}

/// Runs searches on their own thread so typing never waits for them. There is one
/// slot: a request that arrives while another runs replaces any waiting one, so
/// the worker always moves on to the newest query.
struct SearchWorker {
    slot: Arc<(Mutex<Option<SearchJob>>, Condvar)>,
}

impl SearchWorker {
    fn spawn(tx: Sender<Msg>) -> SearchWorker {
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

    fn submit(&self, job: SearchJob) {
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

fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Restores the terminal; errors are ignored, since the terminal may be gone.
fn leave(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
}

fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave(mouse);
        previous(info);
    }));
}

fn spawn_input_thread(tx: Sender<Msg>) {
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

fn spawn_signal_thread(tx: Sender<Msg>) -> io::Result<()> {
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
fn spawn_hangup_watch(tx: Sender<Msg>) {
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

/// Everything the UI needs to start.
pub struct Launch {
    pub path: std::path::PathBuf,
    pub lang: crate::i18n::Lang,
    pub year: Option<u16>,
    pub read_only: bool,
    pub mouse: bool,
    pub palette: crate::ui::Palette,
}

/// Opens the plan and runs the UI. Load errors are returned before the terminal is
/// touched, so they print like any command's.
pub fn launch(l: Launch) -> Result<Exit, String> {
    let (mut store, plan) = Store::open(&l.path).map_err(|e| e.to_string())?;
    if l.read_only {
        store.force_read_only();
    }
    let options = crate::app::AppOptions {
        lang: l.lang,
        year: l.year,
        read_only: store.read_only_reason().map(|r| r.to_string()),
        user: crate::edit::login_name(),
        palette: l.palette,
        mouse: l.mouse,
    };
    let mut app = App::new(plan, options);
    if let Some(r) = recovery::take(&store.path) {
        app.offer_recovery(&r.project, r.field(), r.text.clone());
    }
    run(store, app, l.mouse).map_err(|e| format!("terminal: {e}"))
}

/// The palette for the configured theme; none at all under `NO_COLOR`.
pub fn palette(theme: Option<crate::config::ColorTheme>) -> crate::ui::Palette {
    use crate::config::ColorTheme;
    use crate::ui::Palette;
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return Palette::Plain;
    }
    match theme {
        Some(ColorTheme::NoColor) => Palette::Plain,
        Some(ColorTheme::Light) => Palette::Light,
        Some(ColorTheme::Dark) | None => Palette::Dark,
    }
}
