//! The event loop: feeds what happens to the pure [`App`], carries out the
//! effects it asks for, and draws once per batch of events.

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event as ct;

use crate::app::{App, Effect, Event};
use crate::edit::Unsaved;
use crate::journal::Journal;
use crate::storage::lock_timeout;
use crate::timestamp::Timestamp;
use crate::ui::{Styles, ViewState};

use super::disk::{DiskJob, DiskWorker};
use super::presence::PresenceWorker;
use super::search_worker::SearchWorker;
use super::terminal::Term;
use super::{Ended, Exit, Msg};

pub(super) struct Runtime {
    pub(super) terminal: Term,
    pub(super) app: App,
    /// The renderer's state: the lists' offsets and the last frame's layout.
    pub(super) view: ViewState,
    pub(super) styles: Styles,
    pub(super) searcher: SearchWorker,
    pub(super) disk: DiskWorker,
    /// Announces what the app looks at and reads who else has the plan open.
    pub(super) presence: PresenceWorker,
    pub(super) journal: Option<Journal>,
    /// Why the journal could not be written last time, if it could not.
    pub(super) journal_error: Option<String>,
}

impl Runtime {
    pub(super) fn run(mut self, rx: &Receiver<Msg>, initial: Vec<Effect>) -> io::Result<Ended> {
        self.carry_out(initial);
        self.presence.update(&self.app);
        self.draw()?;
        loop {
            let Ok(msg) = rx.recv() else {
                return Ok(self.finish(rx, Exit::HangUp));
            };
            // Handle everything that queued up before drawing once.
            let mut next = Some(msg);
            while let Some(msg) = next.take() {
                if let Some(exit) = self.on_msg(msg) {
                    return Ok(self.finish(rx, exit));
                }
                next = rx.try_recv().ok();
            }
            self.presence.update(&self.app);
            // A terminal that can no longer be written to has gone away.
            if self.draw().is_err() {
                return Ok(self.finish(rx, Exit::HangUp));
            }
        }
    }

    fn on_msg(&mut self, msg: Msg) -> Option<Exit> {
        match msg {
            Msg::Term(event) => self.on_terminal_event(event),
            Msg::HangUp => Some(Exit::HangUp),
            Msg::Stop(sig) => Some(Exit::Signal(sig)),
            Msg::SearchDone(generation, query, hits) => {
                let event = Event::SearchDone {
                    generation,
                    query,
                    hits,
                };
                self.dispatch(event).then_some(Exit::Quit)
            }
            Msg::Disk(event) => self.dispatch(*event).then_some(Exit::Quit),
            Msg::Presence(peers) => self.dispatch(Event::Presence(peers)).then_some(Exit::Quit),
        }
    }

    /// Draws a frame, then tells the app what it showed when that changed (rows
    /// per list for paging, how far texts scroll). Only the frame's numbers
    /// change the app, never what it draws, so one frame is enough.
    fn draw(&mut self) -> io::Result<()> {
        let (app, view, styles) = (&self.app, &mut self.view, &self.styles);
        self.terminal
            .draw(|frame| crate::ui::draw(frame, app, view, styles))?;
        let viewport = self.view.viewport();
        if viewport != self.app.viewport() {
            self.dispatch(Event::Layout(viewport));
        }
        Ok(())
    }

    fn on_terminal_event(&mut self, event: ct::Event) -> Option<Exit> {
        let event = match event {
            ct::Event::Key(_) => Event::Key(event.as_key_press_event()?, Timestamp::now()),
            ct::Event::Mouse(m) => Event::Pointer(self.view.pointer(&m)?),
            ct::Event::Resize(w, h) => {
                // Repaint everything: some terminals garble the old frame on resize.
                // (`Terminal::clear` would ask the terminal where its cursor is and
                // wait up to 2 s for the answer, which the input thread takes.)
                let _ = self.terminal.resize(ratatui::layout::Rect::new(0, 0, w, h));
                return None;
            }
            _ => return None,
        };
        self.dispatch(event).then_some(Exit::Quit)
    }

    /// Feeds an event to the app and carries out its effects; true when it quits.
    fn dispatch(&mut self, event: Event) -> bool {
        let effects = self.app.handle(event);
        self.carry_out(effects)
    }

    /// Carries out effects; true when one of them is to quit.
    fn carry_out(&mut self, effects: Vec<Effect>) -> bool {
        let mut effects: VecDeque<Effect> = effects.into();
        while let Some(effect) = effects.pop_front() {
            match effect {
                Effect::Quit => return true,
                Effect::Search(job) => self.searcher.submit(job),
                Effect::Save(job) => self.disk.submit(DiskJob::Save(job)),
                Effect::Journal(entry) => self.write_journal(&entry),
            }
        }
        false
    }

    fn write_journal(&mut self, entry: &Unsaved) {
        let Some(journal) = &self.journal else {
            return;
        };
        self.journal_error = journal.write(entry).err().map(|e| e.to_string());
    }

    /// Leaves without losing anything: waits for a running save, saves what is
    /// still pending once more, and keeps in the journal whatever could not be
    /// saved, a half-typed edit included. The user is told where it is.
    fn finish(mut self, rx: &Receiver<Msg>, exit: Exit) -> Ended {
        // Colleagues see us leave at once, whatever the save below takes.
        self.presence.stop();
        let deadline = Instant::now() + lock_timeout() + Duration::from_secs(2);
        let mut tried = false;
        loop {
            if !self.app.is_saving() {
                if !self.app.has_unsaved() || tried {
                    break;
                }
                tried = true;
                let effects = self.app.save_now();
                self.carry_out(effects);
                if !self.app.is_saving() {
                    break;
                }
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(Msg::Disk(event)) => {
                    self.dispatch(*event);
                }
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        let entry = self.app.unsaved();
        let note = self.keep(&entry);
        // The process ends soon after: the store's workspace beside the plan
        // must be gone first.
        self.disk.stop();
        Ended { exit, note }
    }

    /// Writes what is not saved to the journal; the sentence to tell the user.
    fn keep(&mut self, entry: &Unsaved) -> Option<String> {
        if entry.is_empty() {
            return None;
        }
        let lang = self.app.lang();
        let Some(journal) = &self.journal else {
            return Some(lang.journal_failed(entry.edits.len(), lang.no_state_dir()));
        };
        match journal.write(entry) {
            Ok(()) => Some(lang.journal_written(
                entry.edits.len(),
                entry.input.is_some(),
                &journal.path().display().to_string(),
            )),
            Err(e) => Some(lang.journal_failed(entry.edits.len(), &lang.io_reason(&e))),
        }
    }
}
