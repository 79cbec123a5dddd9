//! What the runtime tells the app (events, with the time and data they bring)
//! and what the app asks of it (effects, carrying their data).

use std::sync::Arc;

use crossterm::event::KeyEvent;

use super::{Peer, SearchJob};
use crate::edit::{Edit, MergeReport, Unsaved};
use crate::i18n::{FileFault, Holder, ReadOnlyWhy, SaveFailure};
use crate::plan::Plan;
use crate::timestamp::Timestamp;
use crate::view::{Pointer, Viewport};

/// What happened, as the runtime reports it.
pub enum Event {
    /// A key, with the time it was read: the time of any edit it makes.
    Key(KeyEvent, Timestamp),
    /// A mouse action, hit-tested against the last frame by the runtime.
    Pointer(Pointer),
    /// A frame was drawn: what it showed, for paging and scroll limits.
    Layout(Viewport),
    /// The result of a [`SaveJob`]. `merged` is the plan as written when another
    /// writer had saved meanwhile and the job's edits were replayed onto theirs,
    /// and the result says what that replay met; `clock` is the local time ("14:02").
    Saved {
        result: Result<MergeReport, SaveFailure>,
        merged: Option<Plan>,
        clock: String,
    },
    /// A [`SaveJob`] was not run because a newer plan from disk had reached the app
    /// after the job was made; the app saves again from that plan.
    SaveStale,
    /// A save waits for the lock another process holds (who, as recorded).
    Waiting { holder: Holder },
    /// The file changed on disk and was reloaded (the runtime already parsed it).
    Reloaded(Plan),
    /// The file on disk changed and no longer loads (message); keep the last good plan.
    DiskBroken(FileFault),
    /// Whether the plan can be saved changed (permissions, links, …): why not, if not.
    ReadOnly(Option<ReadOnlyWhy>),
    /// The other UIs open on the plan now (sorted by name), as the runtime
    /// reads them; sent when that changes.
    Presence(Vec<Peer>),
    /// The results of a [`SearchJob`].
    SearchDone {
        generation: u64,
        query: String,
        hits: Vec<crate::search::Hit>,
    },
}

/// What to save: the plan with the pending edits in it, and those edits, which
/// the saver replays onto another writer's version if there is one.
#[derive(Debug, Clone)]
pub struct SaveJob {
    pub snapshot: Arc<Plan>,
    pub edits: Vec<Edit>,
    /// How many plans from disk ([`Event::Reloaded`], merged saves) the app had
    /// taken when it made the job; a saver that has handed out more since must
    /// not write this snapshot (see [`Event::SaveStale`]).
    pub base: u64,
}

/// What the runtime must do after an event.
pub enum Effect {
    /// Run the save off the input path and report back with [`Event::Saved`].
    Save(SaveJob),
    /// Run the search off the input path and report back with
    /// [`Event::SearchDone`] (large plans only; small ones search at once).
    Search(SearchJob),
    /// Replace this user's journal of the plan with what is not saved (empty:
    /// remove it).
    Journal(Unsaved),
    Quit,
}

/// An effect without its data, for tests and logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffectKind {
    Save,
    Search,
    Journal,
    Quit,
}

impl Effect {
    pub fn kind(&self) -> EffectKind {
        match self {
            Effect::Save(_) => EffectKind::Save,
            Effect::Search(_) => EffectKind::Search,
            Effect::Journal(_) => EffectKind::Journal,
            Effect::Quit => EffectKind::Quit,
        }
    }
}
