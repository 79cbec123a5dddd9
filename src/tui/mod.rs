//! The runtime of the terminal UI: terminal set-up and restore, the event loop,
//! and carrying out the effects the pure [`App`] asks for.
//!
//! Input, signals, the hang-up watch, searches and the plan file each have a
//! thread that blocks until something happens and feeds one channel; the loop
//! sleeps on it, so an idle UI uses no CPU and wakes up for nothing. Saves run on
//! the disk thread, so the screen never waits for another writer's lock.
//!
//! The one timer is presence: its thread rewrites this UI's file every few
//! seconds and looks at the colleagues' (a colleague who is killed tells
//! nobody), waking the loop only when the list of colleagues changed. It polls
//! rather than watches, so that a colleague who floods the shared directory
//! cannot make it do more.

mod disk;
mod presence;
mod runtime;
mod search_worker;
mod signals;
mod terminal;

use std::io;
use std::sync::mpsc;

use crossterm::event as ct;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{App, Effect, Event};
use crate::journal::Journal;
use crate::search::Hit;
use crate::storage::Store;

use disk::DiskWorker;
use presence::PresenceWorker;
use runtime::Runtime;
use search_worker::SearchWorker;

/// What wakes the loop.
enum Msg {
    Term(ct::Event),
    /// The terminal went away: SIGHUP, a read error or a hang-up seen by polling.
    HangUp,
    /// SIGTERM, SIGINT or SIGQUIT.
    Stop(i32),
    /// A search finished on the search thread.
    SearchDone(u64, String, Vec<Hit>),
    /// Saves, reloads and other news from the disk thread.
    Disk(Box<Event>),
    /// The colleagues who have the plan open changed.
    Presence(Vec<crate::app::Peer>),
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    HangUp,
    Signal(i32),
}

/// How the session ended, and what to tell the user once the terminal is back
/// (where unsaved edits were kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    pub exit: Exit,
    pub note: Option<String>,
}

/// Runs the UI until the user quits or the terminal goes away.
fn run(store: Store, app: App, initial: Vec<Effect>, look: Look) -> io::Result<Ended> {
    let Look { mouse, palette } = look;
    let (tx, rx) = mpsc::channel();
    signals::spawn_signal_thread(tx.clone())?;
    terminal::enter(mouse)?;
    terminal::install_panic_hook(mouse);
    let journal = Journal::for_plan(&store.path);
    let read_only = app.read_only().cloned();
    let result =
        Terminal::new(CrosstermBackend::new(terminal::FrameWriter::new())).and_then(|term| {
            signals::spawn_input_thread(tx.clone());
            let searcher = SearchWorker::spawn(tx.clone());
            let presence = PresenceWorker::spawn(&store.target(), tx.clone());
            let disk = DiskWorker::spawn(store, tx.clone(), read_only, app.zone().clone());
            signals::spawn_hangup_watch(tx);
            Runtime {
                terminal: term,
                app,
                view: crate::ui::ViewState::new(),
                styles: palette.styles(),
                searcher,
                disk,
                presence,
                journal,
                journal_error: None,
            }
            .run(&rx, initial)
        });
    terminal::leave(mouse);
    result
}

/// How the UI looks and listens: with the mouse or not, and in which colours.
struct Look {
    mouse: bool,
    palette: crate::ui::Palette,
}

/// Everything the UI needs to start.
pub struct Launch {
    pub path: std::path::PathBuf,
    pub lang: crate::i18n::Lang,
    pub year: Option<u16>,
    pub read_only: bool,
    pub mouse: bool,
    pub palette: crate::ui::Palette,
    /// The time zone times are shown in ([`crate::platform::local_zone`]).
    pub zone: jiff::tz::TimeZone,
    /// Whose projects "my projects" lists: the configured name, else `None`
    /// for the login name.
    pub me: Option<String>,
    /// Why the config file was ignored, if it was: shown in the UI, where the
    /// user looks (stderr is hidden behind the UI's screen until it ends).
    pub config_warning: Option<crate::i18n::ConfigWarning>,
}

/// Opens the plan and runs the UI. Load errors are returned before the terminal is
/// touched, so they print like any command's. This user's journal of the plan,
/// if an earlier session left one, is replayed.
pub fn launch(l: Launch) -> Result<Ended, String> {
    let (mut store, plan) = Store::open(&l.path).map_err(|e| l.lang.file_fault(&e.fault()))?;
    if l.read_only {
        store.force_read_only();
    }
    let options = crate::app::AppOptions {
        lang: l.lang,
        year: l.year,
        read_only: store.read_only_reason().map(|r| r.why()),
        user: crate::platform::login_name(),
        mouse: l.mouse,
    };
    let me = l.me.unwrap_or_else(crate::platform::login_name);
    let mut app = App::new(plan, options).with_zone(l.zone).with_me(&me);
    if let Some(mut warning) = l.config_warning {
        // The footer has room for a few lines: the line and column say where,
        // so the excerpt with its caret is left out for the consequence to show.
        if let crate::i18n::ConfigProblem::Syntax { excerpt, .. } = &mut warning.problem {
            excerpt.clear();
        }
        app.warn(l.lang.config_warning(&warning));
    }
    if let Some(at) = store.first_comment() {
        let path = store.path.display().to_string();
        app.warn(l.lang.comments_dropped(&path, at));
    }
    let initial = match Journal::for_plan(&store.path) {
        Some(journal) => match journal.read() {
            Ok(Some(entry)) => app.recover(entry, &journal.path().display().to_string()),
            Ok(None) => Vec::new(),
            Err(e) => {
                app.warn(l.lang.journal_fault(&e.fault()));
                Vec::new()
            }
        },
        None => Vec::new(),
    };
    let look = Look {
        mouse: l.mouse,
        palette: l.palette,
    };
    let lang = l.lang;
    run(store, app, initial, look).map_err(|e| format!("terminal: {}", lang.io_reason(&e)))
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
