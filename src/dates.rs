//! Dates as people write and read them, in their own time zone.
//!
//! [`parse_moment`] is the one reader of date arguments (`aoplan changes
//! --since`, and any other command that takes a date): it is pure, and takes the
//! current time and the time zone as arguments. The zone is looked up once, at
//! the edge ([`crate::platform::local_zone`]), and passed down as data.
//!
//! A day is a calendar day in that zone, from its midnight to the next (23 or
//! 25 hours long on the days daylight saving time starts or ends). A
//! [`Moment`] knows its first and its last second, so a command takes whichever
//! end it needs: `--since` the start of its day, `--until` the end of it.
//!
//! The words and month names of dates shown to people are in
//! [`crate::i18n`]; what is here is the arithmetic.

use std::fmt;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::timestamp::Timestamp;

#[cfg(test)]
mod tests;

/// A stretch of time a date argument names: one second, a day or a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    start: Timestamp,
    end: Timestamp,
    kind: MomentKind,
}

/// What a [`Moment`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MomentKind {
    /// A time to the second (RFC 3339): its start and end are that second.
    Time,
    /// A local calendar day.
    Day,
    /// A week, Monday to Sunday (ISO 8601).
    Week,
}

impl Moment {
    /// The first second.
    pub fn start(&self) -> Timestamp {
        self.start
    }

    /// The last second: for a day 23:59:59 local time, for a time the second
    /// itself. The first second after the moment is `end().plus(1)`.
    pub fn end(&self) -> Timestamp {
        self.end
    }

    pub fn kind(&self) -> MomentKind {
        self.kind
    }

    /// Whether `t` falls in the moment, both ends included.
    pub fn contains(&self, t: Timestamp) -> bool {
        self.start <= t && t <= self.end
    }

    /// The one second `at`.
    pub fn at(at: Timestamp) -> Moment {
        Moment {
            start: at,
            end: at,
            kind: MomentKind::Time,
        }
    }

    /// The local calendar day `date` in `zone`.
    pub fn day(date: Date, zone: &TimeZone) -> Result<Moment, Unreachable> {
        let next = date.tomorrow().map_err(|_| Unreachable)?;
        Ok(Moment {
            start: start_of(date, zone)?,
            end: start_of(next, zone)?.plus(-1),
            kind: MomentKind::Day,
        })
    }

    /// The ISO week (Monday to Sunday) that holds `date`, in `zone`.
    pub fn week(date: Date, zone: &TimeZone) -> Result<Moment, Unreachable> {
        let monday = add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))?;
        Ok(Moment {
            start: start_of(monday, zone)?,
            end: start_of(add_days(monday, 7)?, zone)?.plus(-1),
            kind: MomentKind::Week,
        })
    }
}

/// A day beyond the years -9999 to 9999, where the calendar stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreachable;

/// Why a date argument names no moment. Each holds the text as written;
/// [`crate::i18n`] says it in words, with the forms that are understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// None of the forms [`parse_moment`] reads.
    Unreadable(String),
    /// The form of a date, but no such day: `30-02-2026`, `2026-13-01`.
    NoSuchDay(String),
    /// A date so far from today that the calendar does not reach it.
    OutOfRange(String),
}

impl DateError {
    /// The text as it was written.
    pub fn text(&self) -> &str {
        match self {
            DateError::Unreadable(t) | DateError::NoSuchDay(t) | DateError::OutOfRange(t) => t,
        }
    }
}

/// A terse English form for logs and tests; people read
/// [`crate::i18n::Lang::date_error`], which lists the forms understood.
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self {
            DateError::Unreadable(_) => "not a date",
            DateError::NoSuchDay(_) => "no such day",
            DateError::OutOfRange(_) => "too far from today",
        };
        write!(f, "{:?}: {what}", self.text())
    }
}

impl std::error::Error for DateError {}

/// Reads a date argument, as a day or week in `zone` seen from `now`, or a time:
///
/// | form | example | means |
/// |---|---|---|
/// | ISO date | `2026-11-29` | that day |
/// | Dutch date | `29-11-2026`, `29/11/2026`, `1-3-2026` | that day (day first, always) |
/// | written date | `29 nov 2026`, `29 november 2026`, `1 Mar 2026` | that day (Dutch or English month) |
/// | without a year | `29 nov`, `29-11`, `29/11` | the latest such day that is not after today |
/// | `vandaag`, `today` | | today |
/// | `gisteren`, `yesterday` | | yesterday |
/// | days ago | `-7d`, `7 dagen geleden`, `7 days ago` | the day 7 days before today |
/// | `deze week`, `this week` | | Monday to Sunday of this week |
/// | `vorige week`, `last week` | | Monday to Sunday of the week before |
/// | RFC 3339 | `2026-11-29T15:02:00+01:00` | that second |
///
/// Words are read in either language whatever the user's, in any case, with
/// any spacing between them.
pub fn parse_moment(text: &str, now: Timestamp, zone: &TimeZone) -> Result<Moment, DateError> {
    let written = text.trim();
    let words: Vec<String> = written.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let today = wall_clock(now, zone).date();
    let far = |_: Unreachable| DateError::OutOfRange(written.to_string());
    let day =
        |date: Result<Date, Unreachable>| date.and_then(|d| Moment::day(d, zone)).map_err(far);
    match words[..] {
        ["vandaag" | "today"] => return day(Ok(today)),
        ["gisteren" | "yesterday"] => return day(add_days(today, -1)),
        ["deze" | "this", "week"] => return Moment::week(today, zone).map_err(far),
        ["vorige" | "last", "week"] => {
            return add_days(today, -7)
                .and_then(|d| Moment::week(d, zone))
                .map_err(far);
        }
        _ => {}
    }
    if let Some(n) = days_ago(&words) {
        let n = n.ok_or_else(|| DateError::OutOfRange(written.to_string()))?;
        return day(add_days(today, -n));
    }
    if let Some(at) = Timestamp::parse_rfc3339(written) {
        return Ok(Moment::at(at));
    }
    match calendar_date(&words, today) {
        Some(Some(date)) => day(Ok(date)),
        Some(None) => Err(DateError::NoSuchDay(written.to_string())),
        None => Err(DateError::Unreadable(written.to_string())),
    }
}

/// A time as the clock on the wall shows it in `zone`.
pub fn wall_clock(at: Timestamp, zone: &TimeZone) -> DateTime {
    zone.to_datetime(at.to_jiff())
}

/// The local time of day, `HH:MM`, as the footer shows when the plan was saved.
/// In the hour that the clocks go back, which comes twice, with its zone
/// (`02:30 CEST`, then `02:30 CET`).
pub fn clock(at: Timestamp, zone: &TimeZone) -> String {
    let t = wall_clock(at, zone);
    let hm = format!("{:02}:{:02}", t.hour(), t.minute());
    if zone.to_ambiguous_timestamp(t).is_ambiguous() {
        let abbreviation = at.to_jiff().to_zoned_datetime(zone.clone()).strftime("%Z");
        format!("{hm} {abbreviation}")
    } else {
        hm
    }
}

/// Which day `at` falls on, seen from `now` in `zone`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nearby {
    Today,
    Yesterday,
    /// Any other day, later ones included.
    Other,
}

pub fn nearby(at: Timestamp, now: Timestamp, zone: &TimeZone) -> Nearby {
    let (day, today) = (wall_clock(at, zone).date(), wall_clock(now, zone).date());
    if day == today {
        Nearby::Today
    } else if add_days(today, -1) == Ok(day) {
        Nearby::Yesterday
    } else {
        Nearby::Other
    }
}

/// Whether `at` is the last second of its day in `zone`, which a date given
/// alone stands for (a report "as of 30-06-2026").
pub fn is_day_end(at: Timestamp, zone: &TimeZone) -> bool {
    wall_clock(at, zone).time() == jiff::civil::time(23, 59, 59, 0)
}

/// The first second of `date` in `zone` (its midnight, or the first moment
/// after a midnight that daylight saving time skips).
pub fn start_of(date: Date, zone: &TimeZone) -> Result<Timestamp, Unreachable> {
    let start = date
        .to_zoned_datetime(zone.clone())
        .and_then(|z| z.start_of_day())
        .map_err(|_| Unreachable)?;
    Ok(Timestamp::from_jiff(start.timestamp()))
}

fn add_days(date: Date, days: i64) -> Result<Date, Unreachable> {
    let span = jiff::Span::new().try_days(days).map_err(|_| Unreachable)?;
    date.checked_add(span).map_err(|_| Unreachable)
}

/// `-7d`, `7 dagen geleden`, `1 dag geleden`, `7 days ago`, `1 day ago`: how
/// many days back; `Some(None)` for a count too large to be a number of days.
fn days_ago(words: &[&str]) -> Option<Option<i64>> {
    let count = match words {
        [short] => short.strip_prefix('-')?.strip_suffix('d')?,
        [n, "dagen" | "dag", "geleden"] | [n, "days" | "day", "ago"] => n,
        _ => return None,
    };
    if count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(count.parse().ok())
}

/// `2026-11-29`, `29-11-2026`, `29/11/2026` or `29 nov 2026`, or without its
/// year (`29-11`, `29/11`, `29 nov`) the latest such day up to `today`: `None`
/// when the words are none of these, `Some(None)` when they are but name no
/// day.
fn calendar_date(words: &[&str], today: Date) -> Option<Option<Date>> {
    let (year, month, day) = match words {
        [one] => match numeric_date(one) {
            Some(ymd) => ymd,
            None => return day_month(number_day_month(one)?, today),
        },
        [day, month] => return day_month((number(day, 1, 2)?, month_number(month)?), today),
        [day, month, year] => (
            number(year, 4, 4)?,
            month_number(month)?,
            number(day, 1, 2)?,
        ),
        _ => return None,
    };
    Some(date(year, month, day))
}

/// The latest `day` of `month` that is not after `today`: this year's, else
/// last year's (29 February: the latest leap day).
fn day_month((day, month): (u16, u16), today: Date) -> Option<Option<Date>> {
    let this_year = u16::try_from(today.year()).ok()?;
    let latest = (0..=8)
        .filter_map(|back| date(this_year.checked_sub(back)?, month, day))
        .find(|d| *d <= today);
    let exists = (1..=12).contains(&month) && (1..=31).contains(&day);
    Some(latest.filter(|_| exists))
}

/// `29-11` or `29/11`: day first, then month.
fn number_day_month(text: &str) -> Option<(u16, u16)> {
    let (day, month) = text.split_once('/').or_else(|| text.split_once('-'))?;
    Some((number(day, 1, 2)?, number(month, 1, 2)?))
}

fn date(year: u16, month: u16, day: u16) -> Option<Date> {
    let (year, month, day) = (
        year.try_into().ok()?,
        month.try_into().ok()?,
        day.try_into().ok()?,
    );
    Date::new(year, month, day).ok()
}

/// `2026-11-29` as (year, month, day), or day first: `29-11-2026`, `29/11/2026`.
fn numeric_date(text: &str) -> Option<(u16, u16, u16)> {
    let separator = if text.contains('/') { '/' } else { '-' };
    let parts: Vec<&str> = text.split(separator).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if separator == '-' && a.len() == 4 {
        return Some((number(a, 4, 4)?, number(b, 2, 2)?, number(c, 2, 2)?));
    }
    Some((number(c, 4, 4)?, number(b, 1, 2)?, number(a, 1, 2)?))
}

/// A number of `min` to `max` ASCII digits.
fn number(text: &str, min: usize, max: usize) -> Option<u16> {
    let digits = (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok()).flatten()
}

/// The month names and abbreviations read, Dutch and English, by number.
const MONTHS: [&[&str]; 12] = [
    &["jan", "januari", "january"],
    &["feb", "februari", "february"],
    &["mrt", "maart", "mar", "march"],
    &["apr", "april"],
    &["mei", "may"],
    &["jun", "juni", "june"],
    &["jul", "juli", "july"],
    &["aug", "augustus", "august"],
    &["sep", "sept", "september"],
    &["okt", "oktober", "oct", "october"],
    &["nov", "november"],
    &["dec", "december"],
];

/// A month by its name or abbreviation (lowercase, a trailing dot allowed).
fn month_number(word: &str) -> Option<u16> {
    let word = word.strip_suffix('.').unwrap_or(word);
    let i = MONTHS.iter().position(|names| names.contains(&word))?;
    u16::try_from(i + 1).ok()
}
