//! Time travel (`t`): the plan as it was at a moment, read-only.
//!
//! A date typed in a prompt is read by [`read_date`]; the plan is then rebuilt
//! as it was at the end of that day ([`crate::as_of::as_of`]) and shown in
//! place of the live one: the panes, the details and history up to that
//! moment, the progress view, the changes and the archive. Every edit is
//! refused with a notice naming the mode; `t` or `Esc` goes back to today, on
//! the same items where they exist.
//!
//! While travelling, [`App::plan`](super::App) is the rebuilt plan and the
//! live one waits in [`Travel`]: edits go to the live plan only, saves write
//! it ([`App::live_plan`]), and a save's merged plan or a plan reloaded from
//! disk is taken as the new live plan ([`App::on_live`]), after which the view
//! is rebuilt from it at the same moment. Nothing of another session is lost
//! or mixed into the past.

use std::sync::Arc;

use crossterm::event::KeyEvent;

use crate::as_of::{Reach, as_of};
use crate::keymap::{self, Action, Context};
use crate::line_editor::LineEditor;
use crate::plan::Plan;
use crate::timestamp::Timestamp;

use super::edits::typed_char;
use super::nav::Anchor;
use super::{App, Effect, Mode, NoticeKind};

const SECONDS_PER_DAY: i64 = 86_400;

/// The moment shown and the live plan set aside.
#[derive(Debug, Clone)]
pub struct Travel {
    /// The moment the plan is shown at: the last second of the day asked for,
    /// or the time given.
    pub at: Timestamp,
    /// How far the plan's records reach back from `at`.
    pub reach: Reach,
    /// The plan as it is: what edits would go to and saves write.
    live: Arc<Plan>,
}

/// The date prompt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatePrompt {
    pub input: LineEditor,
    /// Why the last date given was not taken; cleared by typing.
    pub problem: Option<DateProblem>,
}

/// Why a date typed in the prompt shows nothing. Each holds the text typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    Empty,
    Unreadable(String),
    /// A day after today.
    Future(String),
}

/// The one reader of the dates the UI asks for: a day (`2026-06-30`, a UTC
/// day) stands for its last second, an RFC 3339 time for itself. A moment
/// that starts after `now` is refused. The same forms as `changes --since`.
pub(crate) fn read_date(text: &str, now: Timestamp) -> Result<Timestamp, DateProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateProblem::Empty);
    }
    let (start, end) = match Timestamp::parse_date(text) {
        Some(day) => (day, Timestamp(day.0 + SECONDS_PER_DAY - 1)),
        None => match Timestamp::parse_rfc3339(text) {
            Some(at) => (at, at),
            None => return Err(DateProblem::Unreadable(text.to_string())),
        },
    };
    if start > now {
        return Err(DateProblem::Future(text.to_string()));
    }
    Ok(end)
}

impl App {
    /// The moment shown and how far the records reach, while travelling.
    pub fn travel(&self) -> Option<&Travel> {
        self.travel.as_ref()
    }

    /// The keymap context of the keyboard now: the mode's, or time travel's
    /// in the panes while travelling.
    pub fn context(&self) -> Context {
        match (&self.mode, &self.travel) {
            (Mode::Browse, Some(_)) => Context::Travel,
            (mode, _) => mode.context(),
        }
    }

    /// The plan edits go to and saves write: the live plan, also while the
    /// panes show the past.
    pub(crate) fn live_plan(&self) -> &Arc<Plan> {
        self.travel.as_ref().map_or(&self.plan, |t| &t.live)
    }

    pub(super) fn open_date_prompt(&mut self) {
        self.mode = Mode::DatePrompt(DatePrompt::default());
    }

    pub(super) fn date_prompt_key(&mut self, action: Option<Action>, key: &KeyEvent) {
        let Mode::DatePrompt(prompt) = &mut self.mode else {
            return;
        };
        match action {
            Some(Action::Confirm) => match read_date(prompt.input.text(), self.event_time) {
                Ok(at) => {
                    self.mode = Mode::Browse;
                    self.travel_to(at);
                }
                Err(problem) => prompt.problem = Some(problem),
            },
            Some(Action::Cancel) => self.mode = Mode::Browse,
            _ => match (keymap::editor_op(key), typed_char(key)) {
                (Some(op), _) => {
                    prompt.input.apply(op);
                    prompt.problem = None;
                }
                (None, Some(c)) => {
                    prompt.input.insert(c);
                    prompt.problem = None;
                }
                (None, None) => {}
            },
        }
    }

    /// Shows the plan as it was at `at`, rebuilt from the live plan; the
    /// selection stays on the same items where they existed then.
    pub(super) fn travel_to(&mut self, at: Timestamp) {
        let anchor = self.anchor();
        let live = match self.travel.take() {
            Some(travel) => travel.live,
            None => Arc::clone(&self.plan),
        };
        let then = as_of(&live, at);
        self.plan = Arc::new(then.plan);
        self.travel = Some(Travel {
            at,
            reach: then.reach,
            live,
        });
        self.plan_swapped(&anchor);
    }

    /// Back to the plan as it is, on the same items where they exist.
    pub(super) fn back_to_today(&mut self) {
        let Some(travel) = self.travel.take() else {
            return;
        };
        let anchor = self.anchor();
        self.plan = travel.live;
        self.plan_swapped(&anchor);
        self.notify(NoticeKind::Info, self.lang.travel().back_today.into());
    }

    /// After the plan shown changed between the past and today: the counts,
    /// the selection and the views follow; the search index is built again
    /// when a search opens (at once if one is open).
    fn plan_swapped(&mut self, anchor: &Anchor) {
        self.plan_changed();
        self.restore(anchor);
        self.index_stale = true;
        if matches!(self.mode, Mode::Search(_)) {
            self.index_stale = false;
            self.index = Arc::new(crate::search::SearchIndex::build(&self.plan));
            self.rerun_search();
        }
        self.refresh_view();
    }

    /// Runs `f` on the live plan: for what saves and reloads do, which take a
    /// plan from disk or write one. While travelling the live plan is put
    /// back for `f`, and if `f` changed it, the view is rebuilt from the new
    /// live plan at the same moment; the selection stays on the same items.
    pub(super) fn on_live(&mut self, f: impl FnOnce(&mut App) -> Vec<Effect>) -> Vec<Effect> {
        let Some(travel) = self.travel.take() else {
            return f(self);
        };
        let anchor = self.anchor();
        let (view, index, stale) = (self.view, Arc::clone(&self.index), self.index_stale);
        let shown = std::mem::replace(&mut self.plan, Arc::clone(&travel.live));
        let effects = f(self);
        if Arc::ptr_eq(&self.plan, &travel.live) {
            // Nothing came from disk: the past shown stays as it was.
            self.plan = shown;
            (self.view, self.index, self.index_stale) = (view, index, stale);
            self.travel = Some(travel);
            self.plan_changed();
            return effects;
        }
        self.view = view;
        let live = Arc::clone(&self.plan);
        let then = as_of(&live, travel.at);
        self.plan = Arc::new(then.plan);
        self.travel = Some(Travel {
            at: travel.at,
            reach: then.reach,
            live,
        });
        self.plan_swapped(&anchor);
        effects
    }

    /// Refuses an edit while travelling, naming the mode and the way back.
    /// True when it did.
    pub(super) fn refuse_in_travel(&mut self) -> bool {
        let Some(travel) = &self.travel else {
            return false;
        };
        let keys: Vec<String> = keymap::bindings(Context::Travel)
            .filter(|b| b.action == Action::Today)
            .flat_map(|b| b.keys.iter().map(keymap::Key::label))
            .collect();
        let text = self.lang.travel_refused(travel.at, &keys.join("/"));
        self.notify(NoticeKind::Warning, text);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse_rfc3339(text).expect("a time")
    }

    #[test]
    fn a_day_is_read_as_its_last_second_and_a_time_as_itself() {
        let now = at("2026-11-02T10:30:00Z");
        let day = read_date(" 2026-06-30 ", now).unwrap();
        assert_eq!(day.to_string(), "2026-06-30T23:59:59Z");
        let time = read_date("2026-06-30T17:00:00+02:00", now).unwrap();
        assert_eq!(time.to_string(), "2026-06-30T15:00:00Z");
        assert_eq!(
            read_date("2026-11-02", now).unwrap().to_string(),
            "2026-11-02T23:59:59Z",
            "today is today, though it has not ended"
        );
    }

    #[test]
    fn nonsense_nothing_and_the_future_are_problems() {
        let now = at("2026-11-02T10:30:00Z");
        assert_eq!(read_date("  ", now), Err(DateProblem::Empty));
        assert_eq!(
            read_date("30 juni", now),
            Err(DateProblem::Unreadable("30 juni".into()))
        );
        assert_eq!(
            read_date("2026-02-30", now),
            Err(DateProblem::Unreadable("2026-02-30".into()))
        );
        assert_eq!(
            read_date("2026-11-03", now),
            Err(DateProblem::Future("2026-11-03".into()))
        );
    }
}
