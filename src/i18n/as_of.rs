//! The words of the plan as of a date (`report --as-of`, `show --as-of`),
//! of two dates compared (`report --compare`) and of the counts through the
//! year (`report --by`).

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

use super::Lang;
use crate::timestamp::Timestamp;

/// The fixed words of one language.
pub struct AsOfTexts {
    /// The heading of the column with the date of a report as of a date.
    pub as_of: &'static str,
    pub difference: &'static str,
    /// A project added (or restored) between the two dates.
    pub new: &'static str,
    /// A project archived (or removed) between the two dates.
    pub gone: &'static str,
    pub changed: &'static str,
    pub no_changes: &'static str,
    pub month: &'static str,
    pub quarter: &'static str,
    pub per_month: &'static str,
    pub per_quarter: &'static str,
    /// The last moment of a period.
    pub end: &'static str,
    /// A period that has not ended yet.
    pub not_yet: &'static str,
    pub all_themes: &'static str,
    pub focus_themes: &'static str,
    /// The kind of a row of the comparison's CSV: counts or a project.
    pub count_row: &'static str,
    pub project_row: &'static str,
    /// The heading of the projects whose status changed between two dates.
    pub changed_projects: &'static str,
    /// The column that says whether a project is new or gone.
    pub remark: &'static str,
    /// Headings of the comparison's CSV.
    pub row: &'static str,
    pub theme_id: &'static str,
    pub name: &'static str,
}

static NL: AsOfTexts = AsOfTexts {
    as_of: "Stand per",
    difference: "Verschil",
    new: "nieuw",
    gone: "verdwenen",
    changed: "gewijzigd",
    no_changes: "Geen project is van status veranderd.",
    month: "Maand",
    quarter: "Kwartaal",
    per_month: "per maand",
    per_quarter: "per kwartaal",
    end: "Einde",
    not_yet: "nog niet",
    all_themes: "alle thema’s",
    focus_themes: "focusthema’s",
    count_row: "aantal",
    project_row: "project",
    changed_projects: "Projecten met een andere status",
    remark: "Opmerking",
    row: "Regel",
    theme_id: "Thema-id",
    name: "Naam",
};

static EN: AsOfTexts = AsOfTexts {
    as_of: "As of",
    difference: "Difference",
    new: "new",
    gone: "gone",
    changed: "changed",
    no_changes: "No project changed status.",
    month: "Month",
    quarter: "Quarter",
    per_month: "per month",
    per_quarter: "per quarter",
    end: "End",
    not_yet: "not yet",
    all_themes: "all themes",
    focus_themes: "focus themes",
    count_row: "count",
    project_row: "project",
    changed_projects: "Projects whose status changed",
    remark: "Remark",
    row: "Row",
    theme_id: "Theme id",
    name: "Name",
};

impl Lang {
    pub fn as_of(self) -> &'static AsOfTexts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// A moment as people read it in `zone`: "30-06-2026" / "30 Jun 2026",
    /// with the local time and the zone's abbreviation unless it is the last
    /// second of its day, which a date alone stands for.
    pub fn moment(self, at: Timestamp, zone: &TimeZone) -> String {
        match self.day_and_time(at, zone) {
            (date, None) => date,
            (date, Some(t)) => format!("{date} {}", t.strftime("%H:%M:%S %Z")),
        }
    }

    /// The day of `at` in `zone`, "30-06-2026" / "30 Jun 2026", and the
    /// local time unless `at` is its day's last second.
    pub(super) fn day_and_time(
        self,
        at: Timestamp,
        zone: &TimeZone,
    ) -> (String, Option<ZonedDateTime>) {
        let t = at.to_jiff().to_zoned_datetime(zone.clone());
        let (y, m, d) = (t.year(), t.month(), t.day());
        let date = match self {
            Lang::Nl => format!("{d:02}-{m:02}-{y:04}"),
            Lang::En => format!("{d} {} {y:04}", self.month_abbr(m)),
        };
        (date, (!crate::dates::is_day_end(at, zone)).then_some(t))
    }

    /// The line that says which moment a report shows.
    pub fn as_of_header(self, at: Timestamp, zone: &TimeZone) -> String {
        let at = self.moment(at, zone);
        match self {
            Lang::Nl => format!("Stand per {at}"),
            Lang::En => format!("As of {at}"),
        }
    }

    /// Two moments compared.
    pub fn compared_header(self, a: Timestamp, b: Timestamp, zone: &TimeZone) -> String {
        let (a, b) = (self.moment(a, zone), self.moment(b, zone));
        match self {
            Lang::Nl => format!("Vergeleken: {a} → {b}"),
            Lang::En => format!("Compared: {a} → {b}"),
        }
    }

    /// The moment `at` is before the first record (`first`, or none at all):
    /// the plan shown is the one the records begin with.
    pub fn before_records_note(
        self,
        at: Timestamp,
        first: Option<Timestamp>,
        zone: &TimeZone,
    ) -> String {
        let at = self.moment(at, zone);
        match (self, first.map(|f| self.moment(f, zone))) {
            (Lang::Nl, Some(first)) => format!(
                "Let op: de vastgelegde wijzigingen beginnen op {first}. Wat daarvoor veranderde \
                 is niet vastgelegd: dit is het plan zoals het toen was, en dat kan afwijken van \
                 het plan op {at}."
            ),
            (Lang::Nl, None) => format!(
                "Let op: het plan heeft geen vastgelegde wijzigingen: dit is het plan zoals het nu \
                 is, en dat kan afwijken van het plan op {at}."
            ),
            (Lang::En, Some(first)) => format!(
                "Note: the records of changes begin on {first}. What changed before then is not \
                 recorded: this is the plan as it was then, which may differ from the plan on {at}."
            ),
            (Lang::En, None) => format!(
                "Note: the plan records no changes: this is the plan as it is now, which may \
                 differ from the plan on {at}."
            ),
        }
    }

    /// Periods end before the first record (`first`, or none at all).
    pub fn periods_before_records_note(self, first: Option<Timestamp>, zone: &TimeZone) -> String {
        match (self, first.map(|f| self.moment(f, zone))) {
            (Lang::Nl, Some(first)) => format!(
                "Let op: de vastgelegde wijzigingen beginnen op {first}. Perioden die eerder \
                 eindigen tonen het plan zoals het toen was."
            ),
            (Lang::Nl, None) => "Let op: het plan heeft geen vastgelegde wijzigingen: elke \
                                 periode toont het plan zoals het nu is."
                .to_string(),
            (Lang::En, Some(first)) => format!(
                "Note: the records of changes begin on {first}. Periods that end before then \
                 show the plan as it was on that date."
            ),
            (Lang::En, None) => "Note: the plan records no changes: every period shows the \
                                 plan as it is now."
                .to_string(),
        }
    }

    /// Items that were in the plan at `at`, removed since with no record of
    /// their content, and left out.
    pub fn unknown_note(self, at: Timestamp, ids: &[String], zone: &TimeZone) -> String {
        let at = self.moment(at, zone);
        let ids = ids.join(", ");
        match self {
            Lang::Nl => format!(
                "Let op: op {at} stonden hier ook onderdelen die later zijn verwijderd en waarvan \
                 de inhoud niet is vastgelegd; ze zijn weggelaten: {ids}."
            ),
            Lang::En => format!(
                "Note: on {at} the plan also held items that were removed later and whose content \
                 is not recorded; they are left out: {ids}."
            ),
        }
    }

    /// `show --as-of` of an item that was not in the plan at `at`.
    pub fn not_there_then(self, id: &str, at: Timestamp, zone: &TimeZone) -> String {
        let at = self.moment(at, zone);
        match self {
            Lang::Nl => format!("{id:?} stond op {at} niet in het plan"),
            Lang::En => format!("{id:?} was not in the plan on {at}"),
        }
    }

    /// `show --as-of` of an item whose content at `at` is not recorded.
    pub fn unknown_then(self, id: &str, at: Timestamp, zone: &TimeZone) -> String {
        let at = self.moment(at, zone);
        match self {
            Lang::Nl => format!(
                "{id:?} stond op {at} in het plan, maar is later verwijderd en de inhoud ervan is \
                 niet vastgelegd"
            ),
            Lang::En => format!(
                "{id:?} was in the plan on {at}, but was removed later and its content is not \
                 recorded"
            ),
        }
    }

    /// `--format html` with `--as-of` or `--by`, which the board pack does not take.
    pub fn board_pack_only_now_or_compare(self) -> String {
        match self {
            Lang::Nl => "--format html maakt het bestuurspakket van vandaag, eventueel met \
                         --compare DATUM1 DATUM2; --as-of en --by gaan samen met text, markdown, \
                         csv en json"
                .into(),
            Lang::En => "--format html makes the board pack of today, optionally with \
                         --compare DATE1 DATE2; --as-of and --by go with text, markdown, csv \
                         and json"
                .into(),
        }
    }

    /// A date argument that is not a date: the flag, and why (with the forms
    /// that are, from [`Lang::date_error`]).
    pub fn bad_date(self, flag: &str, why: &str) -> String {
        format!("{flag} {why}")
    }

    /// A month or quarter of a year: "jun 2026" / "Jun 2026", "K2 2026" / "Q2 2026".
    pub fn period_label(self, per_year: u8, index: u8, year: u16) -> String {
        let month = i8::try_from(index.clamp(1, 12)).unwrap_or(1);
        match (self, per_year) {
            (_, 12) => format!("{} {year}", self.month_abbr(month)),
            (Lang::Nl, _) => format!("K{index} {year}"),
            (Lang::En, _) => format!("Q{index} {year}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).unwrap()
    }

    #[test]
    fn a_day_shows_as_a_date_and_another_moment_with_its_time() {
        let utc = TimeZone::UTC;
        let day = at("2026-06-30T23:59:59Z");
        assert_eq!(Lang::Nl.as_of_header(day, &utc), "Stand per 30-06-2026");
        assert_eq!(Lang::En.as_of_header(day, &utc), "As of 30 Jun 2026");
        let time = at("2026-03-01T09:05:00Z");
        assert_eq!(Lang::Nl.moment(time, &utc), "01-03-2026 09:05:00 UTC");
        assert_eq!(Lang::En.moment(time, &utc), "1 Mar 2026 09:05:00 UTC");
    }

    #[test]
    fn moments_are_shown_in_the_local_zone() {
        let amsterdam = TimeZone::get("Europe/Amsterdam").expect("Amsterdam");
        // The end of 30 June in Amsterdam (CEST, UTC+2) is a date alone.
        let day = at("2026-06-30T21:59:59Z");
        assert_eq!(
            Lang::Nl.as_of_header(day, &amsterdam),
            "Stand per 30-06-2026"
        );
        let winter = at("2026-03-01T09:05:00Z");
        assert_eq!(
            Lang::Nl.moment(winter, &amsterdam),
            "01-03-2026 10:05:00 CET"
        );
        let summer = at("2026-06-01T09:05:00Z");
        assert_eq!(
            Lang::En.moment(summer, &amsterdam),
            "1 Jun 2026 11:05:00 CEST"
        );
    }

    #[test]
    fn periods_are_named_in_each_language() {
        assert_eq!(Lang::Nl.period_label(12, 3, 2026), "mrt 2026");
        assert_eq!(Lang::En.period_label(12, 12, 2026), "Dec 2026");
        assert_eq!(Lang::Nl.period_label(4, 2, 2026), "K2 2026");
        assert_eq!(Lang::En.period_label(4, 4, 2026), "Q4 2026");
    }

    #[test]
    fn a_bad_date_names_the_flag_and_shows_examples() {
        let error = crate::dates::DateError::Unreadable("volgende eeuw".into());
        let m = Lang::Nl.bad_date("--as-of", &Lang::Nl.date_error(&error));
        assert!(
            m.starts_with("--as-of \"volgende eeuw\" is geen datum"),
            "{m}"
        );
        assert!(m.contains("vorige week"), "{m}");
        let m = Lang::En.bad_date("--compare", &Lang::En.date_error(&error));
        assert!(
            m.starts_with("--compare \"volgende eeuw\" is not a date"),
            "{m}"
        );
        assert!(m.contains("last week"), "{m}");
    }
}
