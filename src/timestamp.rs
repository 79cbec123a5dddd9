//! UTC timestamps in RFC 3339 form, without a date-time dependency.
//!
//! History entries store `YYYY-MM-DDTHH:MM:SSZ`; reports filter by calendar dates.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The current time, truncated to whole seconds.
    pub fn now() -> Self {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Timestamp(secs)
    }

    /// Parses RFC 3339 (`2026-03-14T09:21:05Z`, `…+01:00`, fractional seconds allowed).
    pub fn parse_rfc3339(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        // Every valid form is ASCII; checking first keeps the byte slicing below on
        // char boundaries whatever the input.
        if !s.is_ascii() || b.len() < 20 || b[10] != b'T' && b[10] != b't' && b[10] != b' ' {
            return None;
        }
        let days = parse_date(&s[..10])?;
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        let hour = num(&s[11..13])?;
        let min = num(&s[14..16])?;
        let sec = num(&s[17..19])?;
        if hour > 23 || min > 59 || sec > 60 {
            return None;
        }
        let mut rest = &s[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            rest = &frac[digits..];
        }
        let offset = match rest {
            "Z" | "z" => 0,
            _ if rest.len() == 6 && (rest.starts_with('+') || rest.starts_with('-')) => {
                if rest.as_bytes()[3] != b':' {
                    return None;
                }
                let h = num(&rest[1..3])?;
                let m = num(&rest[4..6])?;
                if h > 23 || m > 59 {
                    return None;
                }
                let o = h * 3600 + m * 60;
                if rest.starts_with('-') { -o } else { o }
            }
            _ => return None,
        };
        Some(Timestamp(
            days * 86_400 + hour * 3600 + min * 60 + sec - offset,
        ))
    }

    /// Parses a calendar date `YYYY-MM-DD` as midnight UTC.
    pub fn parse_date(s: &str) -> Option<Self> {
        parse_date(s).map(|days| Timestamp(days * 86_400))
    }

    /// The calendar date and time of day in UTC.
    pub(crate) fn civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400) as u32;
        let (y, m, d) = civil_from_days(days);
        (y, m, d, secs / 3600, secs / 60 % 60, secs % 60)
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC: `2026-03-14T09:21:05Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = self.civil();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

fn num(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = num(&s[..4])?;
    let m = num(&s[5..7])? as u32;
    let d = num(&s[8..10])? as u32;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The local wall-clock time of day as `HH:MM`, for status lines; UTC when the
/// local time cannot be told.
pub(crate) fn local_hh_mm(t: Timestamp) -> String {
    let (h, m) = crate::platform::local_hour_minute(t.0).unwrap_or_else(|| {
        let (_, _, _, h, m, _) = t.civil();
        (h as u8, m as u8)
    });
    format!("{h:02}:{m:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        let t = Timestamp::parse_rfc3339("2026-03-14T09:21:05Z").unwrap();
        assert_eq!(t.to_string(), "2026-03-14T09:21:05Z");
        assert_eq!(Timestamp(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp(951_782_400).to_string(), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn offsets_and_fractions() {
        let a = Timestamp::parse_rfc3339("2026-03-14T10:21:05+01:00").unwrap();
        let b = Timestamp::parse_rfc3339("2026-03-14T09:21:05.123Z").unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn rejects_nonsense() {
        for s in [
            "",
            "2026-13-01T00:00:00Z",
            "2026-02-30",
            "2026-1-1",
            "2026-03-14T25:00:00Z",
            "2026-03-14T09:21:05",
        ] {
            let parsed = Timestamp::parse_date(s).or_else(|| Timestamp::parse_rfc3339(s));
            assert!(parsed.is_none(), "{s}");
        }
    }

    #[test]
    fn dates_are_midnight() {
        let t = Timestamp::parse_date("2026-11-24").unwrap();
        assert_eq!(t.to_string(), "2026-11-24T00:00:00Z");
    }
}

/// Serde for a [`Timestamp`] stored as RFC 3339 text (a history entry's `at`):
/// any RFC 3339 time is read, and the canonical UTC form is written, so a
/// canonical file round-trips byte for byte.
pub(crate) mod rfc3339 {
    use super::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse_rfc3339(&text).ok_or_else(|| {
            // The example first: a long wrong value is cut off in messages.
            D::Error::custom(format!(
                "`at` is not a time like 2026-03-14T09:21:05Z (UTC): `{text}`"
            ))
        })
    }

    pub fn serialize<S: Serializer>(at: &Timestamp, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_str(at)
    }
}
