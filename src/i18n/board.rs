//! The words of the board pack (`aoplan report --format html`), and dates as
//! a board reads them: "30 juni 2026", "30 June 2026".

use jiff::tz::TimeZone;

use super::Lang;
use crate::dates;
use crate::timestamp::Timestamp;

/// The fixed words of the board pack in one language.
pub struct BoardTexts {
    /// What the document is, beside the fund's name.
    pub kind: &'static str,
    pub progress_per_theme: &'static str,
    pub through_year: &'static str,
    pub month: &'static str,
    /// The month that has not ended: its counts are those of now.
    pub to_date: &'static str,
    /// A month that has not begun.
    pub not_yet: &'static str,
    /// A month that ended before the plan recorded anything.
    pub not_recorded: &'static str,
    pub comparison: &'static str,
    pub difference: &'static str,
    pub changed_projects: &'static str,
    pub no_changes: &'static str,
    /// A project added (or restored) between the two dates.
    pub new: &'static str,
    /// A project archived (or removed) between the two dates.
    pub gone: &'static str,
    pub remark: &'static str,
    pub no_themes: &'static str,
    pub no_projects: &'static str,
    /// The note under the chart of a plan that records no change yet.
    pub no_history: &'static str,
    /// The heading of the counts table under the chart.
    pub counts: &'static str,
    pub share_axis: &'static str,
}

static NL: BoardTexts = BoardTexts {
    kind: "Voortgangsrapportage",
    progress_per_theme: "Voortgang per thema",
    through_year: "Voortgang door het jaar",
    month: "Maand",
    to_date: "tot nu",
    not_yet: "nog niet",
    not_recorded: "niet vastgelegd",
    comparison: "Vergelijking",
    difference: "Verschil",
    changed_projects: "Projecten met een andere status",
    no_changes: "Geen project is van status veranderd.",
    new: "nieuw in het plan",
    gone: "uit het plan",
    remark: "Opmerking",
    no_themes: "Dit plan heeft nog geen thema’s.",
    no_projects: "Geen projecten.",
    no_history: "Het plan heeft nog geen geschiedenis: alleen de stand van nu is bekend.",
    counts: "Aantallen",
    share_axis: "aandeel projecten",
};

static EN: BoardTexts = BoardTexts {
    kind: "Progress report",
    progress_per_theme: "Progress per theme",
    through_year: "Progress through the year",
    month: "Month",
    to_date: "to date",
    not_yet: "not yet",
    not_recorded: "not recorded",
    comparison: "Comparison",
    difference: "Difference",
    changed_projects: "Projects whose status changed",
    no_changes: "No project changed status.",
    new: "new in the plan",
    gone: "left the plan",
    remark: "Remark",
    no_themes: "This plan has no themes yet.",
    no_projects: "No projects.",
    no_history: "The plan has no history yet: only the state of now is known.",
    counts: "Counts",
    share_axis: "share of projects",
};

const NL_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    pub fn board(self) -> &'static BoardTexts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// A month's short name, 1–12: "mrt", "Mar".
    pub fn month_short(self, month: u8) -> &'static str {
        self.month_abbr(i8::try_from(month.clamp(1, 12)).unwrap_or(1))
    }

    /// A period's short name: a month's (1–12) when the year has 12, else
    /// "K2" / "Q2" for quarters.
    pub fn period_short(self, periods: usize, index: u8) -> &'static str {
        const NL_Q: [&str; 4] = ["K1", "K2", "K3", "K4"];
        const EN_Q: [&str; 4] = ["Q1", "Q2", "Q3", "Q4"];
        let quarter = usize::from(index.clamp(1, 4)) - 1;
        match (periods, self) {
            (4, Lang::Nl) => NL_Q[quarter],
            (4, Lang::En) => EN_Q[quarter],
            _ => self.month_short(index),
        }
    }

    /// The local date of `at` in words: "30 juni 2026", "30 June 2026".
    pub fn long_date(self, at: Timestamp, zone: &TimeZone) -> String {
        let t = dates::wall_clock(at, zone);
        let (y, d) = (t.year(), t.day());
        let i = usize::try_from(t.month() - 1).unwrap_or(0);
        match self {
            Lang::Nl => format!("{d} {} {y}", NL_MONTHS[i]),
            Lang::En => format!("{d} {} {y}", EN_MONTHS[i]),
        }
    }

    /// A moment of a comparison: its local date, with the time and zone
    /// unless it is the last second of its day, which a date alone stands for.
    pub fn long_moment(self, at: Timestamp, zone: &TimeZone) -> String {
        if dates::is_day_end(at, zone) {
            return self.long_date(at, zone);
        }
        let t = at.to_jiff().to_zoned_datetime(zone.clone());
        format!("{} {}", self.long_date(at, zone), t.strftime("%H:%M %Z"))
    }

    /// The line under the title: the plan year, and the local date and time
    /// the counts are of (when the pack was made).
    pub fn board_subtitle(self, year: u16, at: Timestamp, zone: &TimeZone) -> String {
        let t = dates::wall_clock(at, zone);
        let (h, mi) = (t.hour(), t.minute());
        let date = self.long_date(at, zone);
        match self {
            Lang::Nl => format!("Planjaar {year} · stand per {date}, {h:02}:{mi:02} uur"),
            Lang::En => format!("Plan year {year} · as of {date}, {h:02}:{mi:02}"),
        }
    }

    /// What the chart shows.
    pub fn chart_caption(self, year: u16) -> String {
        match self {
            Lang::Nl => format!(
                "Aandeel van de projecten dat afgerond of lopend is aan het eind van elke maand van {year}."
            ),
            Lang::En => format!(
                "Share of the projects done or in progress at the end of each month of {year}."
            ),
        }
    }

    /// Months that ended before the first record are left empty.
    pub fn chart_before_records(self, first: Timestamp, zone: &TimeZone) -> String {
        let date = self.long_date(first, zone);
        match self {
            Lang::Nl => format!(
                "De geschiedenis begint op {date}; maanden die eerder eindigen zijn leeg gelaten."
            ),
            Lang::En => {
                format!("The history starts on {date}; months that end earlier are left empty.")
            }
        }
    }

    /// The heading of a comparison: the two moments.
    pub fn compare_heading(self, a: Timestamp, b: Timestamp, zone: &TimeZone) -> String {
        let (a, b) = (self.long_moment(a, zone), self.long_moment(b, zone));
        match self {
            Lang::Nl => format!("Stand per {a} en per {b}"),
            Lang::En => format!("As of {a} and as of {b}"),
        }
    }

    /// A moment of a comparison before the first record (`None`: the plan
    /// records nothing).
    pub fn compare_before_records(
        self,
        (at, first): (Timestamp, Option<Timestamp>),
        zone: &TimeZone,
    ) -> String {
        let at = self.long_moment(at, zone);
        match (self, first) {
            (Lang::Nl, Some(first)) => format!(
                "{at} ligt vóór de eerste vastlegging ({}); wat daarvoor veranderde is niet bekend.",
                self.long_date(first, zone)
            ),
            (Lang::En, Some(first)) => format!(
                "{at} is before the first record ({}); what changed before then is not known.",
                self.long_date(first, zone)
            ),
            (Lang::Nl, None) => {
                format!("Het plan legt nog geen wijzigingen vast; de stand per {at} is die van nu.")
            }
            (Lang::En, None) => {
                format!("The plan records no changes yet; the counts as of {at} are those of now.")
            }
        }
    }

    /// Items that were in the plan at `at` but whose content is not recorded.
    pub fn compare_unknown(self, at: Timestamp, n: usize, zone: &TimeZone) -> String {
        let at = self.long_moment(at, zone);
        match self {
            Lang::Nl => format!(
                "Per {at} bestonden {n} onderdelen waarvan de inhoud niet is vastgelegd; ze tellen niet mee."
            ),
            Lang::En => format!(
                "As of {at}, {n} items existed whose content is not recorded; they are not counted."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_words_in_local_time() {
        let utc = TimeZone::UTC;
        let end = Timestamp::parse_rfc3339("2026-06-30T23:59:59Z").unwrap();
        assert_eq!(Lang::Nl.long_moment(end, &utc), "30 juni 2026");
        assert_eq!(Lang::En.long_moment(end, &utc), "30 June 2026");
        let noon = Timestamp::parse_rfc3339("2026-03-01T12:05:00Z").unwrap();
        assert_eq!(Lang::Nl.long_moment(noon, &utc), "1 maart 2026 12:05 UTC");
        assert_eq!(Lang::En.month_short(3), "Mar");
        assert_eq!(Lang::Nl.month_short(10), "okt");
        assert_eq!(
            Lang::Nl.board_subtitle(2026, noon, &utc),
            "Planjaar 2026 · stand per 1 maart 2026, 12:05 uur"
        );
        let amsterdam = TimeZone::get("Europe/Amsterdam").unwrap();
        // The end of a local summer day is 21:59:59 UTC.
        let local_end = Timestamp::parse_rfc3339("2026-06-30T21:59:59Z").unwrap();
        assert_eq!(Lang::Nl.long_moment(local_end, &amsterdam), "30 juni 2026");
        assert_eq!(
            Lang::En.long_moment(end, &amsterdam),
            "1 July 2026 01:59 CEST"
        );
        assert_eq!(
            Lang::Nl.board_subtitle(2026, noon, &amsterdam),
            "Planjaar 2026 · stand per 1 maart 2026, 13:05 uur"
        );
    }
}
