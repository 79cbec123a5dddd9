//! The words of time travel (the plan as it was on a date) and of the progress
//! view's chart month by month.

use jiff::tz::TimeZone;

use crate::timestamp::Timestamp;

use super::Lang;

/// The fixed texts of time travel and the chart in one language.
pub struct TravelTexts {
    /// The date prompt's title, and its keys' heading in the help.
    pub ctx_prompt: &'static str,
    /// The heading of the keys that apply while travelling.
    pub ctx_travel: &'static str,
    pub key_travel: &'static str,
    pub hint_travel: &'static str,
    pub key_show: &'static str,
    pub hint_show: &'static str,
    pub key_today: &'static str,
    pub hint_today: &'static str,
    /// What the prompt reads, under the input.
    pub forms: &'static str,
    pub no_date: &'static str,
    pub read_only: &'static str,
    pub back_today: &'static str,
    pub no_records: &'static str,
    pub whole_plan: &'static str,
}

static NL: TravelTexts = TravelTexts {
    ctx_prompt: "Stand per datum",
    ctx_travel: "Terug in de tijd (alleen lezen)",
    key_travel: "Het plan zoals het was op een datum, alleen lezen",
    hint_travel: "stand per",
    key_show: "Toon het plan zoals het toen was",
    hint_show: "tonen",
    key_today: "Terug naar vandaag",
    hint_today: "vandaag",
    forms: "Een dag als 30-06-2026, 2026-06-30, 30 jun 2026, gisteren, -7d of vorige week (tot en met die dag of week), of een tijd als 2026-06-30T17:00:00+02:00",
    no_date: "Typ een datum",
    read_only: "alleen lezen",
    back_today: "Terug naar vandaag",
    no_records: "Dit plan legt geen wijzigingen vast: hoe het toen was, is niet bekend; je ziet het plan van nu",
    whole_plan: "hele plan",
};

static EN: TravelTexts = TravelTexts {
    ctx_prompt: "As of a date",
    ctx_travel: "Back in time (read-only)",
    key_travel: "The plan as it was on a date, read-only",
    hint_travel: "as of",
    key_show: "Show the plan as it was then",
    hint_show: "show",
    key_today: "Back to today",
    hint_today: "today",
    forms: "A day like 30-06-2026, 2026-06-30, 30 Jun 2026, yesterday, -7d or last week (through that day or week), or a time like 2026-06-30T17:00:00+02:00",
    no_date: "Type a date",
    read_only: "read-only",
    back_today: "Back to today",
    no_records: "This plan records no changes: how it was then is not known; shown is the plan as it is now",
    whole_plan: "whole plan",
};

impl Lang {
    pub fn travel(self) -> &'static TravelTexts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// A moment as time travel shows it, in `zone`: its day, "30-06-2026"
    /// or "30 Jun 2026", and the time of day unless it is the day's last
    /// second, which a date alone stands for.
    pub fn as_of_date(self, at: Timestamp, zone: &TimeZone) -> String {
        match self.day_and_time(at, zone) {
            (date, None) => date,
            (date, Some(t)) => format!("{date} {}", t.strftime("%H:%M")),
        }
    }

    /// The header's words while travelling: "stand per 30-06-2026".
    pub fn travel_header(self, at: Timestamp, zone: &TimeZone) -> String {
        match self {
            Lang::Nl => format!("stand per {}", self.as_of_date(at, zone)),
            Lang::En => format!("as of {}", self.as_of_date(at, zone)),
        }
    }

    /// An edit key pressed while travelling; `keys` are the ways back.
    pub fn travel_refused(self, at: Timestamp, zone: &TimeZone, keys: &str) -> String {
        let date = self.as_of_date(at, zone);
        match self {
            Lang::Nl => {
                format!(
                    "Stand per {date}: alleen lezen, wijzigen kan niet — {keys}: terug naar vandaag"
                )
            }
            Lang::En => {
                format!("As of {date}: read-only, nothing can be changed — {keys}: back to today")
            }
        }
    }

    /// The prompt's text is no date.
    pub fn not_a_date(self, text: &str) -> String {
        match self {
            Lang::Nl => format!("‘{text}’ is geen datum"),
            Lang::En => format!("‘{text}’ is not a date"),
        }
    }

    /// The prompt's date is after today.
    pub fn future_date(self, text: &str) -> String {
        match self {
            Lang::Nl => format!("‘{text}’ ligt in de toekomst: die stand is er nog niet"),
            Lang::En => format!("‘{text}’ is in the future: there is no such state yet"),
        }
    }

    /// The moment is before the plan's first record, made at `first`.
    pub fn before_records(self, first: Timestamp, zone: &TimeZone) -> String {
        let date = self.as_of_date(first, zone);
        match self {
            Lang::Nl => format!(
                "De vastgelegde wijzigingen beginnen op {date}: wat daarvoor veranderde, is niet bekend; je ziet het plan zoals de vastlegging begint"
            ),
            Lang::En => format!(
                "The records begin on {date}: what changed before is not known; shown is the plan as the records begin"
            ),
        }
    }

    /// Items that were in the plan at the moment but are not recorded.
    pub fn unknown_items(self, ids: &[String]) -> String {
        let n = ids.len();
        let list = ids.join(", ");
        match (self, n) {
            (Lang::Nl, 1) => format!(
                "1 item van toen is later ongedaan gemaakt en niet vastgelegd; het ontbreekt hier: {list}"
            ),
            (Lang::Nl, _) => format!(
                "{n} items van toen zijn later ongedaan gemaakt en niet vastgelegd; ze ontbreken hier: {list}"
            ),
            (Lang::En, 1) => format!(
                "1 item of then was undone later and is not recorded; it is left out: {list}"
            ),
            (Lang::En, _) => format!(
                "{n} items of then were undone later and are not recorded; they are left out: {list}"
            ),
        }
    }

    /// The chart's title: "Per maand 2026 · Werkplezier".
    pub fn chart_title(self, year: u16, scope: &str) -> String {
        match self {
            Lang::Nl => format!("Per maand {year} · {scope}"),
            Lang::En => format!("Month by month {year} · {scope}"),
        }
    }

    /// The chart's last month drawn: "eind okt", "end of Oct"; when it has
    /// not ended, "okt tot nu", "Oct so far".
    pub fn month_end(self, month: u8, ended: bool) -> String {
        let name = self.month_short(month);
        match (self, ended) {
            (Lang::Nl, true) => format!("eind {name}"),
            (Lang::Nl, false) => format!("{name} tot nu"),
            (Lang::En, true) => format!("end of {name}"),
            (Lang::En, false) => format!("{name} so far"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse_rfc3339(text).expect("a time")
    }

    #[test]
    fn a_day_shows_as_its_local_date_and_a_time_with_its_local_time() {
        let utc = TimeZone::UTC;
        let end = at("2026-06-30T23:59:59Z");
        assert_eq!(Lang::Nl.travel_header(end, &utc), "stand per 30-06-2026");
        assert_eq!(Lang::En.travel_header(end, &utc), "as of 30 Jun 2026");
        let amsterdam = TimeZone::get("Europe/Amsterdam").expect("Amsterdam");
        let local_end = at("2026-06-30T21:59:59Z");
        assert_eq!(
            Lang::Nl.travel_header(local_end, &amsterdam),
            "stand per 30-06-2026"
        );
        let noon = at("2026-03-01T12:05:00Z");
        assert_eq!(Lang::Nl.as_of_date(noon, &amsterdam), "01-03-2026 13:05");
        assert_eq!(Lang::En.as_of_date(noon, &utc), "1 Mar 2026 12:05");
    }

    #[test]
    fn months_in_both_languages() {
        assert_eq!(Lang::Nl.month_short(3), "mrt");
        assert_eq!(Lang::En.month_short(3), "Mar");
        assert_eq!(Lang::Nl.month_short(12), "dec");
        assert_eq!(Lang::En.month_end(10, true), "end of Oct");
        assert_eq!(Lang::Nl.month_end(9, false), "sep tot nu");
    }
}
