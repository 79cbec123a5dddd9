//! The terminal UI's state machine: every key, mouse and storage event goes
//! through [`App::handle`], which changes the state and says what the runtime
//! must do ([`Effect`]), each effect carrying the data it needs. No terminal, no
//! files, no threads, no clock (a key brings its time): the UI draws from it.

mod archive_view;
mod arrange;
mod browse;
mod chart;
mod conflict;
mod conflicts_view;
mod edits;
mod event;
mod form;
mod listing;
mod mode;
mod mouse;
mod nav;
mod overviews;
mod presence;
mod search;
mod steps;
mod sync;
#[cfg(test)]
mod tests;
mod together;
mod travel;

use crossterm::event::KeyEvent;
use jiff::tz::TimeZone;

use std::sync::Arc;

use crate::edit::{Edit, TextField, Unsaved};
use crate::i18n::{FileFault, Holder, Lang, ReadOnlyWhy};
use crate::keymap;

use crate::plan::{Plan, Progress};
use crate::search::SearchIndex;
use crate::timestamp::Timestamp;
use crate::view::Viewport;

pub use crate::view::{Filter, Pane, Selection, View};
pub use archive_view::{ArchiveRow, ArchiveState};
pub use arrange::{ArchiveConfirm, Destination, MoveState};
pub use chart::ProgressChart;
pub use conflict::{ConflictChoice, ConflictOrigin};
pub use conflicts_view::ConflictsState;
pub use edits::{Editing, Picker};
pub use event::{Effect, EffectKind, Event, SaveJob};
pub use form::{
    Form, FormError, FormField, FormProblem, FormTarget, StatusInput, TextInput, new_id,
};
pub use listing::ListingState;
pub use mode::{Mode, Notice, NoticeKind, SaveState};
pub use overviews::{ChangeRef, ChangesState, NetLine, SummaryState};
pub use presence::{Activity, Peer};
pub use search::{SearchJob, SearchState};
pub use travel::{DateProblem, DatePrompt, Travel};

/// How the app is started.
pub struct AppOptions {
    pub lang: Lang,
    /// The plan year to show and edit; the plan's own year when `None`.
    pub year: Option<u16>,
    /// Why the plan cannot be saved; edits are refused and a banner says why.
    pub read_only: Option<ReadOnlyWhy>,
    /// The login name recorded in history entries.
    pub user: String,
    pub mouse: bool,
}

pub struct App {
    /// Shared with a save running off the input path; edits copy it on write.
    plan: Arc<Plan>,
    /// Shared with a search running off the input path.
    index: Arc<SearchIndex>,
    /// Items moved or were renamed: the index is built again when a search opens.
    index_stale: bool,
    /// Counts search requests, so only the newest one's results are shown.
    search_generation: u64,
    /// Progress of the whole plan for the year shown, kept up to date by
    /// [`App::plan_changed`] so the header does not recount every frame.
    totals: Progress,
    year: u16,
    lang: Lang,
    user: String,
    /// Whose projects "my projects" lists ([`App::with_me`]).
    me: String,
    read_only: Option<ReadOnlyWhy>,
    mouse: bool,
    mode: Mode,
    view: View,
    /// The first line of the details shown, as asked for; the renderer keeps
    /// it within the text.
    details_scroll: u16,
    /// What the last frame showed.
    viewport: Viewport,
    /// Edits in the plan that are not saved yet, oldest first.
    pending: Vec<Edit>,
    /// While a save runs: how many pending edits it covers.
    in_flight: Option<usize>,
    /// Another save was asked for while one ran.
    save_again: bool,
    /// How many plans from disk the app has taken; see [`SaveJob::base`].
    disk_version: u64,
    /// Who holds the lock a running save waits for.
    waiting_for: Option<Holder>,
    /// What this user's journal holds, as far as the app asked for it.
    journaled: Unsaved,
    /// A half-typed edit recovered from the journal, kept there until it is
    /// committed or thrown away.
    recovered_input: Option<(TextField, String)>,
    /// The time of the key being handled, the time of the edits it makes: the
    /// app reads no clock.
    event_time: Timestamp,
    undo: steps::Steps,
    redo: steps::Steps,
    save_state: SaveState,
    notices: Vec<Notice>,
    disk_error: Option<FileFault>,
    /// The other UIs open on the plan, as last reported.
    peers: Vec<Peer>,
    /// The time zone times are shown in; UTC unless [`App::with_zone`] says.
    zone: TimeZone,
    /// While the plan is shown as it was at a moment: that moment, and the
    /// live plan set aside (`plan` is then the rebuilt one).
    travel: Option<travel::Travel>,
}

impl App {
    pub fn new(plan: Plan, options: AppOptions) -> App {
        let year = options.year.unwrap_or(plan.year);
        let mut app = App {
            index: Arc::new(SearchIndex::build(&plan)),
            index_stale: false,
            search_generation: 0,
            totals: plan.progress(year),
            plan: Arc::new(plan),
            year,
            lang: options.lang,
            me: options.user.clone(),
            user: options.user,
            read_only: options.read_only,
            mouse: options.mouse,
            mode: Mode::Browse,
            view: View::default(),
            details_scroll: 0,
            viewport: Viewport::default(),
            pending: Vec::new(),
            in_flight: None,
            save_again: false,
            disk_version: 0,
            waiting_for: None,
            journaled: Unsaved::default(),
            recovered_input: None,
            event_time: Timestamp(0),
            undo: steps::Steps::default(),
            redo: steps::Steps::default(),
            save_state: SaveState::Idle,
            notices: Vec::new(),
            disk_error: None,
            peers: Vec::new(),
            zone: TimeZone::UTC,
            travel: None,
        };
        app.normalize();
        app
    }

    /// The app showing times in `zone` (the runtime looks it up once).
    pub fn with_zone(mut self, zone: TimeZone) -> App {
        self.zone = zone;
        self
    }

    /// The app listing `name`'s projects as "my projects" (the login name
    /// unless the config names the user).
    pub fn with_me(mut self, name: &str) -> App {
        self.me = name.to_string();
        self
    }

    /// The time zone times are shown in.
    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// The time of the key handled last (the app reads no clock): "today"
    /// in the views opened by a key is the day of that key.
    pub fn key_time(&self) -> Timestamp {
        self.event_time
    }

    /// Applies one event; pure: no I/O, no terminal.
    pub fn handle(&mut self, event: Event) -> Vec<Effect> {
        let before = (self.view.selection, self.view.focus);
        let plan_changed = matches!(event, Event::Saved { .. } | Event::Reloaded(_));
        let effects = match event {
            Event::Key(key, _) if key.is_release() => Vec::new(),
            Event::Key(key, at) => {
                self.event_time = at;
                self.notices.clear();
                self.on_key(&key)
            }
            Event::Pointer(pointer) if self.mouse => self.on_pointer(pointer),
            Event::Pointer(_) => Vec::new(),
            Event::Layout(viewport) => {
                self.viewport = viewport;
                Vec::new()
            }
            Event::Saved {
                result,
                merged,
                clock,
            } => self.on_live(|app| app.on_saved(result, merged, clock)),
            Event::SaveStale => self.on_save_stale(),
            Event::Waiting { holder } => {
                self.waiting_for = Some(holder);
                Vec::new()
            }
            Event::Reloaded(plan) => self.on_live(|app| app.on_reloaded(plan)),
            Event::ReadOnly(reason) => self.on_read_only(reason),
            Event::SearchDone {
                generation,
                query,
                hits,
            } => self.on_search_done(generation, query, hits),
            Event::DiskBroken(message) => {
                self.disk_error = Some(message);
                Vec::new()
            }
            Event::Presence(peers) => self.on_presence(peers),
        };
        let mut effects = effects;
        effects.extend(self.journal_effect());
        if plan_changed {
            self.refresh_view();
        }
        if before != (self.view.selection, self.view.focus) {
            self.details_scroll = 0;
        }
        self.clamp_scrolls();
        self.follow_chart();
        effects
    }

    fn on_key(&mut self, key: &KeyEvent) -> Vec<Effect> {
        let action = keymap::lookup(self.context(), key);
        if action.is_some_and(keymap::Action::edits_plan) && self.refuse_in_travel() {
            return Vec::new();
        }
        match self.mode {
            Mode::Browse => action.map_or_else(Vec::new, |a| self.browse(a)),
            Mode::Search(_) => self.search_key(action, key),
            Mode::Picker(_) => self.picker_key(action),
            Mode::Editing(_) => self.editing_key(action, key),
            Mode::Form(_) => self.form_key(action, key),
            Mode::Summary(_) | Mode::Changes(_) => {
                self.view_key(action);
                Vec::new()
            }
            Mode::Help { .. } => {
                self.help_key(action);
                Vec::new()
            }
            Mode::Quitting | Mode::ConfirmQuit { .. } => self.confirm_key(action),
            Mode::Conflict(_) => self.conflict_key(action),
            Mode::Move(_) => self.move_key(action, key),
            Mode::ConfirmArchive(_) => self.confirm_archive_key(action),
            Mode::Archive(_) => self.archive_key(action),
            Mode::OpenConflicts(_) => self.conflicts_view_key(action),
            Mode::Listing(_) => self.listing_key(action, key),
            Mode::DatePrompt(_) => {
                self.date_prompt_key(action, key);
                Vec::new()
            }
        }
    }

    /// The plan shown: while travelling, the plan as it was then.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Progress of the whole plan for the year shown.
    pub fn totals(&self) -> Progress {
        self.totals
    }

    /// Recomputes what is derived from the whole plan; call after every change to
    /// the plan or the year shown.
    pub(crate) fn plan_changed(&mut self) {
        self.totals = self.plan.progress(self.year);
    }

    pub fn has_unsaved(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Whether a save is running.
    pub fn is_saving(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Who holds the lock the running save waits for.
    pub fn waiting_for(&self) -> Option<&Holder> {
        self.waiting_for.as_ref()
    }

    /// Everything not on disk yet: the pending edits and a half-typed edit.
    pub fn unsaved(&self) -> Unsaved {
        Unsaved {
            edits: self.pending.clone(),
            input: self.unsaved_input(),
        }
    }

    /// A half-typed inline edit (the field, full text with its line breaks),
    /// also while its conflict dialog is open; kept in the journal on hang-up.
    pub fn unsaved_input(&self) -> Option<(TextField, String)> {
        match &self.mode {
            Mode::Editing(e)
            | Mode::Conflict(ConflictChoice {
                origin: ConflictOrigin::Editor(e),
                ..
            }) => Some((e.field.clone(), e.editor.text())),
            _ => None,
        }
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// The first line of the details to show, as asked for (the renderer keeps
    /// it within the text).
    pub fn details_scroll(&self) -> u16 {
        self.details_scroll
    }

    /// What the last frame showed, as the app last heard of it.
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// The plan year shown and edited.
    pub fn year(&self) -> u16 {
        self.year
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn read_only(&self) -> Option<&ReadOnlyWhy> {
        self.read_only.as_ref()
    }

    pub fn disk_error(&self) -> Option<&FileFault> {
        self.disk_error.as_ref()
    }

    pub fn save_state(&self) -> &SaveState {
        &self.save_state
    }

    pub fn pending(&self) -> &[Edit] {
        &self.pending
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    fn notify(&mut self, kind: NoticeKind, text: String) {
        self.notices.push(Notice { kind, text });
    }

    /// Keeps the open view's selection in its list, and the details and help
    /// within what the last frame could show of them.
    fn clamp_scrolls(&mut self) {
        self.follow_view();
        self.details_scroll = self.details_scroll.min(self.viewport.details_max);
        if let Mode::Help { scroll } = &mut self.mode {
            *scroll = (*scroll).min(self.viewport.help_max);
        }
    }
}
