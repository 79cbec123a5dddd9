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
use jiff::tz::TimeZone;

use crate::as_of::{Reach, as_of};
use crate::dates::{DateError, parse_moment};
use crate::keymap::{self, Action, Context};
use crate::line_editor::LineEditor;
use crate::plan::Plan;
use crate::timestamp::Timestamp;

use super::edits::typed_char;
use super::nav::Anchor;
use super::{App, Effect, Mode, NoticeKind};

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

/// Why a date typed in the prompt shows nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    Empty,
    /// Not a date in any form the CLI reads either; holds the text typed.
    Date(DateError),
    /// A moment that starts after now; holds the text typed.
    Future(String),
}

/// The one reader of the dates the UI asks for, the same as the CLI's
/// ([`parse_moment`]): a day or a week in `zone` stands for its last second,
/// a time for itself. A moment that starts after `now` is refused.
pub(crate) fn read_date(
    text: &str,
    now: Timestamp,
    zone: &TimeZone,
) -> Result<Timestamp, DateProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateProblem::Empty);
    }
    let moment = parse_moment(text, now, zone).map_err(DateProblem::Date)?;
    if moment.start() > now {
        return Err(DateProblem::Future(text.to_string()));
    }
    Ok(moment.end())
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
            Some(Action::Confirm) => {
                match read_date(prompt.input.text(), self.event_time, &self.zone) {
                    Ok(at) => {
                        self.mode = Mode::Browse;
                        self.travel_to(at);
                    }
                    Err(problem) => prompt.problem = Some(problem),
                }
            }
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
        let text = self
            .lang
            .travel_refused(travel.at, &self.zone, &keys.join("/"));
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

    fn amsterdam() -> TimeZone {
        TimeZone::get("Europe/Amsterdam").expect("the tz database has Amsterdam")
    }

    #[test]
    fn a_day_is_read_as_its_last_local_second_and_a_time_as_itself() {
        let now = at("2026-11-02T10:30:00Z");
        let utc = TimeZone::UTC;
        let day = read_date(" 2026-06-30 ", now, &utc).unwrap();
        assert_eq!(day.to_string(), "2026-06-30T23:59:59Z");
        let summer = read_date("30-06-2026", now, &amsterdam()).unwrap();
        assert_eq!(summer.to_string(), "2026-06-30T21:59:59Z", "CEST is UTC+2");
        let time = read_date("2026-06-30T17:00:00+02:00", now, &utc).unwrap();
        assert_eq!(time.to_string(), "2026-06-30T15:00:00Z");
        assert_eq!(
            read_date("2026-11-02", now, &utc).unwrap().to_string(),
            "2026-11-02T23:59:59Z",
            "today is today, though it has not ended"
        );
    }

    #[test]
    fn every_form_the_cli_reads_is_read_here() {
        let now = at("2026-11-04T10:30:00Z");
        let zone = amsterdam();
        for (text, end) in [
            ("vandaag", "2026-11-04T22:59:59Z"),
            ("gisteren", "2026-11-03T22:59:59Z"),
            ("-7d", "2026-10-28T22:59:59Z"),
            ("3 dagen geleden", "2026-11-01T22:59:59Z"),
            ("vorige week", "2026-11-01T22:59:59Z"),
            ("30 jun 2026", "2026-06-30T21:59:59Z"),
            ("30/06/2026", "2026-06-30T21:59:59Z"),
        ] {
            let got = read_date(text, now, &zone).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(got.to_string(), end, "{text}");
        }
    }

    #[test]
    fn nonsense_nothing_and_the_future_are_problems() {
        let now = at("2026-11-02T10:30:00Z");
        let utc = TimeZone::UTC;
        assert_eq!(read_date("  ", now, &utc), Err(DateProblem::Empty));
        assert_eq!(
            read_date("volgende eeuw", now, &utc),
            Err(DateProblem::Date(DateError::Unreadable(
                "volgende eeuw".into()
            )))
        );
        assert_eq!(
            read_date("2026-02-30", now, &utc),
            Err(DateProblem::Date(DateError::NoSuchDay("2026-02-30".into())))
        );
        assert_eq!(
            read_date("2026-11-03", now, &utc),
            Err(DateProblem::Future("2026-11-03".into()))
        );
        assert_eq!(
            read_date("deze week", now, &utc).unwrap().to_string(),
            "2026-11-08T23:59:59Z"
        );
    }
}
