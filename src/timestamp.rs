//! UTC timestamps: whole seconds since the Unix epoch, read and written as
//! RFC 3339 through `jiff`.
//!
//! History entries store `YYYY-MM-DDTHH:MM:SSZ`. How people read a time (their
//! time zone, month names) and how they write dates is [`crate::dates`]'s.

use std::fmt;

/// Seconds since the Unix epoch, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The current time, truncated to whole seconds.
    pub fn now() -> Self {
        Self::from_jiff(jiff::Timestamp::now())
    }

    /// The whole second a jiff timestamp falls in.
    pub fn from_jiff(t: jiff::Timestamp) -> Self {
        let second = t.as_second();
        // `as_second` truncates towards zero; before 1970 that is a second late.
        Timestamp(if t.subsec_nanosecond() < 0 {
            second - 1
        } else {
            second
        })
    }

    /// As a jiff timestamp. Seconds beyond the years -9999 to 9999, which no
    /// calendar shows, are taken as the nearest second within them.
    pub fn to_jiff(self) -> jiff::Timestamp {
        let first = jiff::Timestamp::MIN.as_second();
        let last = jiff::Timestamp::MAX.as_second();
        jiff::Timestamp::from_second(self.0.clamp(first, last))
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    /// This time `seconds` later (earlier when negative), saturating.
    pub fn plus(self, seconds: i64) -> Self {
        Timestamp(self.0.saturating_add(seconds))
    }

    /// Parses RFC 3339 (`2026-03-14T09:21:05Z`, `…+01:00`, a fraction of a
    /// second allowed and dropped): exactly RFC 3339's shape, the values checked
    /// by jiff. `None` for anything else.
    pub fn parse_rfc3339(s: &str) -> Option<Self> {
        if !rfc3339_shape(s.as_bytes()) {
            return None;
        }
        s.parse::<jiff::Timestamp>().ok().map(Self::from_jiff)
    }

    /// Parses a calendar date `YYYY-MM-DD` as midnight UTC. Dates that people
    /// type are read by [`crate::dates::parse_moment`], in their time zone.
    pub fn parse_date(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && digits(&b[..4])
            && b[4] == b'-'
            && digits(&b[5..7])
            && b[7] == b'-'
            && digits(&b[8..]);
        if !shape {
            return None;
        }
        let date: jiff::civil::Date = s.parse().ok()?;
        let start = date.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok()?;
        Some(Self::from_jiff(start.timestamp()))
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC: `2026-03-14T09:21:05Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.to_jiff(), f)
    }
}

fn digits(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

/// `YYYY-MM-DD(T|t| )HH:MM:SS(.D+)?(Z|z|±HH:MM)`, with an offset of at most
/// 23:59: RFC 3339's grammar, which jiff's parser (made for the wider
/// Temporal format) does not hold to by itself.
fn rfc3339_shape(b: &[u8]) -> bool {
    let date_time = b.len() >= 20
        && digits(&b[..4])
        && b[4] == b'-'
        && digits(&b[5..7])
        && b[7] == b'-'
        && digits(&b[8..10])
        && matches!(b[10], b'T' | b't' | b' ')
        && digits(&b[11..13])
        && b[13] == b':'
        && digits(&b[14..16])
        && b[16] == b':'
        && digits(&b[17..19]);
    if !date_time {
        return false;
    }
    let mut rest = &b[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest {
        b"Z" | b"z" => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            digits(&[*h1, *h2, *m1, *m2]) && (*h1, *h2) <= (b'2', b'3') && *m1 <= b'5'
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        let t = Timestamp::parse_rfc3339("2026-03-14T09:21:05Z").unwrap();
        assert_eq!(t, Timestamp(1_773_480_065));
        assert_eq!(t.to_string(), "2026-03-14T09:21:05Z");
        assert_eq!(Timestamp(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp(951_782_400).to_string(), "2000-02-29T00:00:00Z");
        assert_eq!(Timestamp(-1).to_string(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn offsets_fractions_and_separators() {
        let a = Timestamp::parse_rfc3339("2026-03-14T10:21:05+01:00").unwrap();
        let b = Timestamp::parse_rfc3339("2026-03-14T09:21:05.123Z").unwrap();
        let c = Timestamp::parse_rfc3339("2026-03-14 09:21:05z").unwrap();
        let d = Timestamp::parse_rfc3339("2026-03-14t04:21:05.999999999-05:00").unwrap();
        assert!(a == b && b == c && c == d, "{a} {b} {c} {d}");
        let before_1970 = Timestamp::parse_rfc3339("1969-12-31T23:59:59.5Z").unwrap();
        assert_eq!(before_1970, Timestamp(-1));
    }

    #[test]
    fn rejects_nonsense() {
        for s in [
            "",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-1-1T00:00:00Z",
            "2026-03-14T25:00:00Z",
            "2026-03-14T09:21:05",
            "2026-03-14T09:21:05.Z",
            "2026-03-14T09:21:05+0100",
            "2026-03-14T09:21:05+01",
            "2026-03-14T09:21:05+24:00",
            "2026-03-14T09:21:05+01:60",
            "20260314T092105Z",
            "2026-03-14T09:21:05Z[Europe/Amsterdam]",
            "2026-03-14T09:21:05Z ",
            "2026-03-14T09:21:0éZ",
            "+002026-03-14T09:21:05Z",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(s), None, "{s}");
        }
    }

    #[test]
    fn dates_are_midnight_utc() {
        let t = Timestamp::parse_date("2026-11-24").unwrap();
        assert_eq!(t.to_string(), "2026-11-24T00:00:00Z");
        assert_eq!(
            Timestamp::parse_date("2028-02-29"),
            Timestamp::parse_rfc3339("2028-02-29T00:00:00Z")
        );
        for s in [
            "2026-02-29",
            "2026-1-01",
            "24-11-2026",
            "2026-11-24T00:00:00Z",
        ] {
            assert_eq!(Timestamp::parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn times_beyond_the_calendar_are_clamped_not_a_panic() {
        // jiff keeps a day's margin for offsets at both ends of its calendar.
        assert_eq!(Timestamp(i64::MAX).to_string(), "9999-12-30T22:00:00Z");
        assert!(Timestamp(i64::MIN).to_string().starts_with("-009999-01-0"));
        assert_eq!(Timestamp(i64::MAX).plus(1), Timestamp(i64::MAX));
    }
}

/// Serde for a [`Timestamp`] stored as RFC 3339 text (a history entry's `at`):
/// any RFC 3339 time is read, and the canonical UTC form is written, so a
/// canonical file round-trips byte for byte.
pub(crate) mod rfc3339 {
    use std::fmt;

    use super::Timestamp;
    use serde::de::{Error, Unexpected, Visitor};
    use serde::{Deserializer, Serializer};

    /// Read as a `String` is, with the same messages, but parsed from the
    /// text as it stands in the input: a plan has a time in every history
    /// entry, and a copy of each was a tenth of loading a large plan.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        d.deserialize_string(Rfc3339)
    }

    struct Rfc3339;

    impl Visitor<'_> for Rfc3339 {
        type Value = Timestamp;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<Timestamp, E> {
            Timestamp::parse_rfc3339(text).ok_or_else(|| {
                // The example first: a long wrong value is cut off in messages.
                E::custom(format!(
                    "`at` is not a time like 2026-03-14T09:21:05Z (UTC): `{text}`"
                ))
            })
        }

        fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Timestamp, E> {
            match std::str::from_utf8(bytes) {
                Ok(text) => self.visit_str(text),
                Err(_) => Err(E::invalid_value(Unexpected::Bytes(bytes), &self)),
            }
        }
    }

    pub fn serialize<S: Serializer>(at: &Timestamp, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_str(at)
    }
}
