use super::*;

fn at(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).expect("a time")
}

fn amsterdam() -> TimeZone {
    TimeZone::get("Europe/Amsterdam").expect("the zone is known")
}

/// `text` read at `now` in `zone`, as its first and last second in UTC.
fn read(text: &str, now: &str, zone: &TimeZone) -> (String, String) {
    let m = parse_moment(text, at(now), zone).unwrap_or_else(|e| panic!("{text}: {e}"));
    (m.start().to_string(), m.end().to_string())
}

fn both(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn every_form_names_the_same_day() {
    let now = "2026-12-02T10:00:00Z";
    let day = both("2026-11-28T23:00:00Z", "2026-11-29T22:59:59Z");
    for text in [
        "2026-11-29",
        "29-11-2026",
        "29/11/2026",
        "29 nov 2026",
        "29 Nov 2026",
        "29 november 2026",
        "29 NOV. 2026",
        "-3d",
        "3 dagen geleden",
        "3 days ago",
        "  3   Days  AGO ",
    ] {
        assert_eq!(read(text, now, &amsterdam()), day, "{text}");
    }
}

#[test]
fn a_date_without_its_year_is_the_latest_such_day_up_to_today() {
    let now = "2026-11-29T12:00:00Z";
    let utc = &TimeZone::UTC;
    let june = both("2026-06-30T00:00:00Z", "2026-06-30T23:59:59Z");
    for text in ["30 juni", "30 jun", "30 June", "30-6", "30/06", "30-06"] {
        assert_eq!(read(text, now, utc), june, "{text}");
    }
    // Today is this year's; a day still to come this year is last year's.
    assert_eq!(read("29 nov", now, utc).0, "2026-11-29T00:00:00Z");
    assert_eq!(read("15 december", now, utc).0, "2025-12-15T00:00:00Z");
    assert_eq!(read("29 feb", now, utc).0, "2024-02-29T00:00:00Z");
    for no_day in ["31 feb", "1-13", "0/5", "32 mei"] {
        assert!(
            matches!(
                parse_moment(no_day, at(now), utc),
                Err(DateError::NoSuchDay(_))
            ),
            "{no_day}"
        );
    }
    for not_a_date in ["30 juni 26", "30-", "-6", "30 foo"] {
        assert!(
            matches!(
                parse_moment(not_a_date, at(now), utc),
                Err(DateError::Unreadable(_))
            ),
            "{not_a_date}"
        );
    }
}

#[test]
fn the_hour_that_comes_twice_names_its_zone() {
    let zone = amsterdam();
    // 25 October 2026: 02:30 CEST, an hour later 02:30 CET.
    assert_eq!(clock(at("2026-10-25T00:30:00Z"), &zone), "02:30 CEST");
    assert_eq!(clock(at("2026-10-25T01:30:00Z"), &zone), "02:30 CET");
    assert_eq!(clock(at("2026-10-25T02:30:00Z"), &zone), "03:30");
    assert_eq!(clock(at("2026-03-29T01:30:00Z"), &zone), "03:30");
}

#[test]
fn today_yesterday_and_days_ago_in_both_languages() {
    let now = "2026-11-29T12:00:00Z";
    let utc = &TimeZone::UTC;
    let today = both("2026-11-29T00:00:00Z", "2026-11-29T23:59:59Z");
    let yesterday = both("2026-11-28T00:00:00Z", "2026-11-28T23:59:59Z");
    for text in [
        "vandaag",
        "today",
        "Vandaag",
        "TODAY",
        "-0d",
        "0 dagen geleden",
    ] {
        assert_eq!(read(text, now, utc), today, "{text}");
    }
    for text in ["gisteren", "yesterday", "-1d", "1 dag geleden", "1 day ago"] {
        assert_eq!(read(text, now, utc), yesterday, "{text}");
    }
    let week_ago = both("2026-11-22T00:00:00Z", "2026-11-22T23:59:59Z");
    for text in ["-7d", "7 dagen geleden", "7 days ago"] {
        assert_eq!(read(text, now, utc), week_ago, "{text}");
    }
}

#[test]
fn today_is_the_local_day() {
    // 00:30 on 30 November in Amsterdam, still the 29th in UTC.
    let now = "2026-11-29T23:30:00Z";
    assert_eq!(
        read("vandaag", now, &amsterdam()),
        both("2026-11-29T23:00:00Z", "2026-11-30T22:59:59Z")
    );
    assert_eq!(
        read("today", now, &TimeZone::UTC),
        both("2026-11-29T00:00:00Z", "2026-11-29T23:59:59Z")
    );
}

#[test]
fn weeks_run_monday_to_sunday() {
    // Sunday 29 November 2026: this week began on Monday the 23rd.
    let now = "2026-11-29T12:00:00Z";
    let this = both("2026-11-22T23:00:00Z", "2026-11-29T22:59:59Z");
    let last = both("2026-11-15T23:00:00Z", "2026-11-22T22:59:59Z");
    for text in ["deze week", "this week", "Deze  Week"] {
        assert_eq!(read(text, now, &amsterdam()), this, "{text}");
    }
    for text in ["vorige week", "last week", "Last Week"] {
        assert_eq!(read(text, now, &amsterdam()), last, "{text}");
    }
    // On a Monday, last week is the seven days before today.
    assert_eq!(
        read("last week", "2026-11-30T08:00:00Z", &amsterdam()),
        this
    );
    let m = parse_moment("vorige week", at(now), &amsterdam()).unwrap();
    assert_eq!(m.kind(), MomentKind::Week);
}

#[test]
fn year_ends() {
    let utc = &TimeZone::UTC;
    // Friday 1 January 2027.
    let new_year = "2027-01-01T08:00:00Z";
    assert_eq!(
        read("gisteren", new_year, utc),
        both("2026-12-31T00:00:00Z", "2026-12-31T23:59:59Z")
    );
    assert_eq!(
        read("deze week", new_year, utc),
        both("2026-12-28T00:00:00Z", "2027-01-03T23:59:59Z")
    );
    assert_eq!(
        read("vorige week", new_year, utc),
        both("2026-12-21T00:00:00Z", "2026-12-27T23:59:59Z")
    );
    assert_eq!(
        read("31-12-2026", new_year, &amsterdam()),
        both("2026-12-30T23:00:00Z", "2026-12-31T22:59:59Z")
    );
    // New Year's Eve at 23:30 in Amsterdam is 22:30 UTC: still "today".
    assert_eq!(
        read("vandaag", "2026-12-31T22:30:00Z", &amsterdam()),
        both("2026-12-30T23:00:00Z", "2026-12-31T22:59:59Z")
    );
    // And half an hour later the new year has begun there.
    assert_eq!(
        read("vandaag", "2026-12-31T23:30:00Z", &amsterdam()),
        both("2026-12-31T23:00:00Z", "2027-01-01T22:59:59Z")
    );
}

#[test]
fn leap_days() {
    let utc = &TimeZone::UTC;
    let leap = both("2028-02-29T00:00:00Z", "2028-02-29T23:59:59Z");
    for text in ["2028-02-29", "29-02-2028", "29/2/2028", "29 feb 2028"] {
        assert_eq!(read(text, "2028-06-01T00:00:00Z", utc), leap, "{text}");
    }
    assert_eq!(read("gisteren", "2028-03-01T09:00:00Z", utc), leap);
    assert_eq!(read("-1d", "2028-03-01T09:00:00Z", utc), leap);
    for text in ["2027-02-29", "29-02-2027", "29 feb 2027", "2100-02-29"] {
        assert_eq!(
            parse_moment(text, at("2028-06-01T00:00:00Z"), utc),
            Err(DateError::NoSuchDay(text.to_string())),
            "{text}"
        );
    }
}

#[test]
fn rfc3339_times_are_that_second() {
    let m = parse_moment("2026-11-29T15:02:09+01:00", Timestamp(0), &amsterdam()).unwrap();
    assert_eq!(m, Moment::at(at("2026-11-29T14:02:09Z")));
    assert_eq!(
        (m.start(), m.end(), m.kind()),
        (m.end(), m.start(), MomentKind::Time)
    );
    assert!(m.contains(at("2026-11-29T14:02:09Z")));
    assert!(!m.contains(at("2026-11-29T14:02:10Z")));
}

#[test]
fn bad_input_is_a_typed_error() {
    let now = at("2026-11-29T12:00:00Z");
    let utc = &TimeZone::UTC;
    for text in [
        "",
        "   ",
        "morgen",
        "tomorrow",
        "2026-3-1",
        "29-11-26",
        "2026/11/29",
        "29.11.2026",
        "29-11/2026",
        "-7",
        "-d",
        "-7w",
        "+7d",
        "7 dagen",
        "zeven dagen geleden",
        "-７d",
        "29 foo 2026",
        "vorige maand",
        "2026-11-29T15:02:00",
        "2026-11-29 15:02",
    ] {
        assert_eq!(
            parse_moment(text, now, utc),
            Err(DateError::Unreadable(text.trim().to_string())),
            "{text:?}"
        );
    }
    for text in [
        "30-02-2026",
        "31/04/2026",
        "2026-13-01",
        "11/29/2026",
        "0-1-2026",
        "32 jan 2026",
    ] {
        assert_eq!(
            parse_moment(text, now, utc),
            Err(DateError::NoSuchDay(text.to_string())),
            "{text}"
        );
    }
    for text in ["-99999999d", "99999999999999999999 days ago", "31-12-9999"] {
        assert_eq!(
            parse_moment(text, now, utc),
            Err(DateError::OutOfRange(text.to_string())),
            "{text}"
        );
    }
}

#[test]
fn daylight_saving_time_in_amsterdam() {
    let zone = amsterdam();
    // Sunday 29 March 2026: at 02:00 the clocks go to 03:00.
    assert_eq!(clock(at("2026-03-29T00:30:00Z"), &zone), "01:30");
    assert_eq!(clock(at("2026-03-29T01:30:00Z"), &zone), "03:30");
    let spring = parse_moment("vandaag", at("2026-03-29T12:00:00Z"), &zone).unwrap();
    assert_eq!(spring.start(), at("2026-03-28T23:00:00Z"));
    assert_eq!(spring.end(), at("2026-03-29T21:59:59Z"));
    assert_eq!(spring.end().0 + 1 - spring.start().0, 23 * 3600);
    // Sunday 25 October 2026: at 03:00 the clocks go back to 02:00, so 02:30
    // comes twice, each time with its zone.
    assert_eq!(clock(at("2026-10-25T00:30:00Z"), &zone), "02:30 CEST");
    assert_eq!(clock(at("2026-10-25T01:30:00Z"), &zone), "02:30 CET");
    let autumn = parse_moment("25-10-2026", at("2026-11-01T12:00:00Z"), &zone).unwrap();
    assert_eq!(autumn.start(), at("2026-10-24T22:00:00Z"));
    assert_eq!(autumn.end(), at("2026-10-25T22:59:59Z"));
    assert_eq!(autumn.end().0 + 1 - autumn.start().0, 25 * 3600);
    // A week over the change is a day's hours short.
    let week = parse_moment("deze week", at("2026-03-29T12:00:00Z"), &zone).unwrap();
    assert_eq!(week.end().0 + 1 - week.start().0, 7 * 24 * 3600 - 3600);
}

#[test]
fn today_and_yesterday_are_local_days_too() {
    let zone = amsterdam();
    let now = at("2026-03-29T12:00:00Z");
    assert_eq!(
        nearby(at("2026-03-28T23:00:00Z"), now, &zone),
        Nearby::Today
    );
    assert_eq!(
        nearby(at("2026-03-28T22:59:59Z"), now, &zone),
        Nearby::Yesterday
    );
    assert_eq!(
        nearby(at("2026-03-27T22:59:59Z"), now, &zone),
        Nearby::Other
    );
    assert_eq!(
        nearby(at("2026-03-29T22:00:00Z"), now, &zone),
        Nearby::Other
    );
    assert_eq!(
        nearby(at("2026-03-28T22:59:59Z"), now, &TimeZone::UTC),
        Nearby::Yesterday
    );
    assert_eq!(
        nearby(at("2026-03-28T23:00:00Z"), now, &TimeZone::UTC),
        Nearby::Yesterday
    );
}
