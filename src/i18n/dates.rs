//! Times as people read them: in their own time zone, with Dutch or English
//! month names ("29 nov 2026 15:02", "29 Nov 2026 15:02"), and "vandaag 15:02"
//! where a list of recent changes is easier to read that way. Also why a date
//! argument was not understood, with the forms that are.

use jiff::tz::TimeZone;

use super::Lang;
use crate::dates::{self, DateError, Moment, MomentKind, Nearby};
use crate::timestamp::Timestamp;

const NL_MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Lang {
    /// A month's short name, `month` from 1 to 12: "mrt", "Mar".
    pub fn month_abbr(self, month: i8) -> &'static str {
        let names = match self {
            Lang::Nl => &NL_MONTHS,
            Lang::En => &EN_MONTHS,
        };
        let i = usize::try_from(month - 1).unwrap_or(0).min(11);
        names[i]
    }

    /// The local day of `at`: "29 nov 2026", "29 Nov 2026".
    pub fn date(self, at: Timestamp, zone: &TimeZone) -> String {
        let t = dates::wall_clock(at, zone);
        format!("{} {} {}", t.day(), self.month_abbr(t.month()), t.year())
    }

    /// The local time of `at` to the minute: "29 nov 2026 15:02".
    pub fn date_time(self, at: Timestamp, zone: &TimeZone) -> String {
        format!("{} {}", self.date(at, zone), dates::clock(at, zone))
    }

    /// Like [`date_time`](Self::date_time), but "vandaag 15:02" ("today
    /// 15:02") and "gisteren 15:02" ("yesterday 15:02") seen from `now`.
    pub fn date_time_near(self, at: Timestamp, now: Timestamp, zone: &TimeZone) -> String {
        let day = match (dates::nearby(at, now, zone), self) {
            (Nearby::Today, Lang::Nl) => "vandaag",
            (Nearby::Today, Lang::En) => "today",
            (Nearby::Yesterday, Lang::Nl) => "gisteren",
            (Nearby::Yesterday, Lang::En) => "yesterday",
            (Nearby::Other, _) => return self.date_time(at, zone),
        };
        format!("{day} {}", dates::clock(at, zone))
    }

    /// Where a moment starts: a day or a week by its first day, a time to
    /// the minute.
    pub fn moment_start(self, moment: &Moment, zone: &TimeZone) -> String {
        match moment.kind() {
            MomentKind::Time => self.date_time(moment.start(), zone),
            MomentKind::Day | MomentKind::Week => self.date(moment.start(), zone),
        }
    }

    /// Where a moment ends: a day or a week by its last day, a time to the
    /// minute.
    pub fn moment_end(self, moment: &Moment, zone: &TimeZone) -> String {
        match moment.kind() {
            MomentKind::Time => self.date_time(moment.end(), zone),
            MomentKind::Day | MomentKind::Week => self.date(moment.end(), zone),
        }
    }

    /// Why a date argument names no moment, starting with the text as written
    /// (quoted); for text that is no date at all, with the forms understood.
    pub fn date_error(self, error: &DateError) -> String {
        let text = error.text();
        match (error, self) {
            (DateError::Unreadable(_), Lang::Nl) => format!(
                "{text:?} is geen datum. Schrijf bijvoorbeeld 2026-11-29, 29-11-2026, \
                 29/11/2026, 29 nov 2026, 29 nov, vandaag, gisteren, -7d, 7 dagen geleden, \
                 deze week, vorige week, of een tijd als 2026-11-29T15:02:00+01:00."
            ),
            (DateError::Unreadable(_), Lang::En) => format!(
                "{text:?} is not a date. Write for example 2026-11-29, 29-11-2026, \
                 29/11/2026, 29 Nov 2026, 29 Nov, today, yesterday, -7d, 7 days ago, \
                 this week, last week, or a time like 2026-11-29T15:02:00+01:00."
            ),
            (DateError::NoSuchDay(_), Lang::Nl) => {
                format!(
                    "{text:?}: die dag bestaat niet (29-11-2026 en 29/11/2026 beginnen met de dag)."
                )
            }
            (DateError::NoSuchDay(_), Lang::En) => {
                format!(
                    "{text:?}: there is no such day (29-11-2026 and 29/11/2026 start with the day)."
                )
            }
            (DateError::OutOfRange(_), Lang::Nl) => {
                format!("{text:?} ligt te ver van vandaag.")
            }
            (DateError::OutOfRange(_), Lang::En) => format!("{text:?} is too far from today."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_moment;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).expect("a time")
    }

    #[test]
    fn local_times_with_month_names() {
        let amsterdam = TimeZone::get("Europe/Amsterdam").expect("the zone");
        let t = at("2026-11-29T14:02:09Z");
        assert_eq!(Lang::Nl.date_time(t, &amsterdam), "29 nov 2026 15:02");
        assert_eq!(Lang::En.date_time(t, &amsterdam), "29 Nov 2026 15:02");
        assert_eq!(Lang::En.date_time(t, &TimeZone::UTC), "29 Nov 2026 14:02");
        // Midnight in Amsterdam is the day before in UTC.
        let t = at("2026-02-28T23:30:00Z");
        assert_eq!(Lang::Nl.date(t, &amsterdam), "1 mrt 2026");
        assert_eq!(Lang::Nl.date(t, &TimeZone::UTC), "28 feb 2026");
    }

    #[test]
    fn today_and_yesterday_in_words() {
        let zone = TimeZone::get("Europe/Amsterdam").expect("the zone");
        let now = at("2026-11-29T22:30:00Z"); // 23:30 local
        let cases = [
            ("2026-11-29T14:02:00Z", "vandaag 15:02", "today 15:02"),
            ("2026-11-28T23:00:00Z", "vandaag 00:00", "today 00:00"),
            ("2026-11-28T22:59:00Z", "gisteren 23:59", "yesterday 23:59"),
            (
                "2026-11-27T22:59:00Z",
                "27 nov 2026 23:59",
                "27 Nov 2026 23:59",
            ),
            (
                "2026-11-29T23:00:00Z",
                "30 nov 2026 00:00",
                "30 Nov 2026 00:00",
            ),
        ];
        for (t, nl, en) in cases {
            assert_eq!(Lang::Nl.date_time_near(at(t), now, &zone), nl, "{t}");
            assert_eq!(Lang::En.date_time_near(at(t), now, &zone), en, "{t}");
        }
    }

    #[test]
    fn every_date_shown_reads_back_as_its_day() {
        let zone = TimeZone::get("Europe/Amsterdam").expect("the zone");
        let now = at("2026-06-01T12:00:00Z");
        for month in 1..=12 {
            let t = at(&format!("2027-{month:02}-15T12:00:00Z"));
            for lang in [Lang::Nl, Lang::En] {
                let shown = lang.date(t, &zone);
                let day = parse_moment(&shown, now, &zone).expect(&shown);
                assert!(day.contains(t), "{shown}");
                assert_eq!(lang.moment_start(&day, &zone), shown);
                assert_eq!(lang.moment_end(&day, &zone), shown);
            }
        }
    }

    #[test]
    fn date_errors_name_the_text_and_the_forms() {
        let now = at("2026-06-01T12:00:00Z");
        let unreadable = parse_moment("morgen", now, &TimeZone::UTC).unwrap_err();
        let nl = Lang::Nl.date_error(&unreadable);
        assert!(nl.starts_with("\"morgen\" is geen datum."), "{nl}");
        for form in [
            "29-11-2026",
            "vandaag",
            "gisteren",
            "7 dagen geleden",
            "vorige week",
        ] {
            assert!(nl.contains(form), "{nl}");
        }
        let en = Lang::En.date_error(&unreadable);
        assert!(en.starts_with("\"morgen\" is not a date."), "{en}");
        for form in [
            "29/11/2026",
            "today",
            "yesterday",
            "-7d",
            "7 days ago",
            "last week",
        ] {
            assert!(en.contains(form), "{en}");
        }
        let no_day = parse_moment("30-02-2026", now, &TimeZone::UTC).unwrap_err();
        assert_eq!(
            Lang::Nl.date_error(&no_day),
            "\"30-02-2026\": die dag bestaat niet (29-11-2026 en 29/11/2026 beginnen met de dag)."
        );
        assert_eq!(
            Lang::En.date_error(&no_day),
            "\"30-02-2026\": there is no such day (29-11-2026 and 29/11/2026 start with the day)."
        );
        let far = parse_moment("-99999999d", now, &TimeZone::UTC).unwrap_err();
        assert_eq!(
            Lang::Nl.date_error(&far),
            "\"-99999999d\" ligt te ver van vandaag."
        );
        assert_eq!(
            Lang::En.date_error(&far),
            "\"-99999999d\" is too far from today."
        );
    }
}
