//! Dates and times given on the command line (`--as-of`, `--compare`,
//! `changes --since`/`--until`), read in one place so that every command
//! takes the same forms: a calendar day `2026-06-30` (a UTC day for now), or
//! an RFC 3339 time `2026-06-30T17:00:00+02:00`.

use std::fmt;

use crate::timestamp::Timestamp;

const SECONDS_PER_DAY: i64 = 86_400;

/// Which moment of its day a date without a time stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayEdge {
    /// Its first second (midnight): "since 30 June" includes 30 June.
    Start,
    /// Its last second: "as of 30 June" includes the changes made on 30 June.
    End,
}

/// A date argument that is not one of the forms [`parse`] reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate {
    /// The argument as given.
    pub text: String,
}

/// Examples of the forms [`parse`] reads, for messages.
pub const EXAMPLES: [&str; 3] = [
    "2026-06-30",
    "2026-06-30T17:00:00Z",
    "2026-06-30T17:00:00+02:00",
];

impl fmt::Display for BadDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a date like {} or a time like {}",
            self.text, EXAMPLES[0], EXAMPLES[2]
        )
    }
}

impl std::error::Error for BadDate {}

/// Reads a date or time given on the command line. A day alone stands for
/// the moment `edge` says; a time for itself.
pub fn parse(text: &str, edge: DayEdge) -> Result<Timestamp, BadDate> {
    if let Some(day) = Timestamp::parse_date(text) {
        return Ok(match edge {
            DayEdge::Start => day,
            DayEdge::End => Timestamp(day.0 + SECONDS_PER_DAY - 1),
        });
    }
    Timestamp::parse_rfc3339(text).ok_or_else(|| BadDate {
        text: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_its_first_or_last_second_and_a_time_itself() {
        let start = parse("2026-06-30", DayEdge::Start).unwrap();
        let end = parse("2026-06-30", DayEdge::End).unwrap();
        assert_eq!(start.to_string(), "2026-06-30T00:00:00Z");
        assert_eq!(end.to_string(), "2026-06-30T23:59:59Z");
        for edge in [DayEdge::Start, DayEdge::End] {
            let t = parse("2026-06-30T17:00:00+02:00", edge).unwrap();
            assert_eq!(t.to_string(), "2026-06-30T15:00:00Z");
        }
    }

    #[test]
    fn every_example_is_read_and_nonsense_is_not() {
        for example in EXAMPLES {
            assert!(parse(example, DayEdge::End).is_ok(), "{example}");
        }
        for bad in [
            "",
            "30-06-2026",
            "2026-02-30",
            "gisteren",
            "2026-06-30T25:00:00Z",
        ] {
            let err = parse(bad, DayEdge::End).unwrap_err();
            assert_eq!(err.text, bad);
            assert!(
                err.to_string().contains("2026-06-30T17:00:00+02:00"),
                "{err}"
            );
        }
    }
}
