//! Writing the plan as of a date, two dates compared, and the counts through
//! the year, as text, Markdown, CSV or JSON. The report of the plan as of a
//! date is the ordinary report (`crate::report`) of the rebuilt plan, with
//! the date and what the records do not tell under its title (text,
//! Markdown), as its first column (CSV) or in an `as_of` object (JSON).

mod compare;
mod compare_json;
mod period;

use std::io::{self, Write};

use serde::Serialize;

pub use compare::write_comparison;
pub use period::write_periods;

use jiff::tz::TimeZone;

use super::{AsOf, Reach};
use crate::i18n::Lang;
use crate::plan::{Progress, Status};
use crate::report::{Csv, Format, Report, json, markdown, spreadsheet, text};
use crate::timestamp::Timestamp;

/// Writes `report`, a report of `then.plan`, in `format`, saying which moment
/// it shows and what the records do not tell.
pub fn write_report(
    then: &AsOf,
    report: &Report,
    format: Format,
    (lang, csv, zone): (Lang, Csv, &TimeZone),
    bars: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut lines = vec![lang.as_of_header(then.at, zone)];
    lines.extend(notes((lang, zone), then.at, &then.reach));
    match format {
        Format::Text => text::write_with(report, lang, bars, &lines, out),
        Format::Markdown => markdown::write_with(report, lang, &lines, out),
        Format::Csv => {
            let lead = [lang.as_of().as_of, &iso(then.at, zone)];
            Ok(spreadsheet::write_with(
                report,
                (lang, csv),
                Some(lead),
                out,
            )?)
        }
        Format::Json => {
            #[derive(Serialize)]
            struct Document<'a> {
                as_of: Moment,
                #[serde(flatten)]
                report: json::Document<'a>,
            }
            let doc = Document {
                as_of: Moment::new(then.at, &then.reach),
                report: json::document(report),
            };
            crate::terminal_safe::json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)
        }
    }
}

/// What the records do not tell about the plan at `at`, one sentence each;
/// none when they tell everything.
pub fn notes((lang, zone): (Lang, &TimeZone), at: Timestamp, reach: &Reach) -> Vec<String> {
    let mut notes = Vec::new();
    if reach.before_records {
        notes.push(lang.before_records_note(at, reach.first_record, zone));
    }
    if !reach.unknown.is_empty() {
        notes.push(lang.unknown_note(at, &reach.unknown, zone));
    }
    notes
}

/// A moment and how far the records reach back from it, as the JSON of
/// `report --as-of` has it (`as_of`), for other documents.
pub fn moment_json(at: Timestamp, reach: &Reach) -> serde_json::Value {
    serde_json::to_value(Moment::new(at, reach)).unwrap_or_default()
}

/// A moment and how far the records reach back from it, in JSON.
#[derive(Serialize)]
struct Moment {
    /// RFC 3339, UTC.
    at: String,
    first_record: Option<String>,
    before_records: bool,
    unknown: Vec<String>,
}

impl Moment {
    fn new(at: Timestamp, reach: &Reach) -> Moment {
        Moment {
            at: at.to_string(),
            first_record: reach.first_record.map(|t| t.to_string()),
            before_records: reach.before_records,
            unknown: reach.unknown.clone(),
        }
    }
}

/// A moment for a spreadsheet, in local time: the date alone for the last
/// second of a local day (what a date given alone stands for), else the time
/// with its offset (`2026-06-30T14:00:00+02:00`).
fn iso(at: Timestamp, zone: &TimeZone) -> String {
    if crate::dates::is_day_end(at, zone) {
        return crate::dates::wall_clock(at, zone).date().to_string();
    }
    let local = at.to_jiff().to_zoned_datetime(zone.clone());
    local.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// One count of a [`Progress`]: a key for scripts and its label.
#[derive(Debug, Clone, Copy)]
enum Measure {
    Projects,
    Status(Status),
    NoStatus,
    PercentDone,
}

impl Measure {
    const ALL: [Measure; 8] = [
        Measure::Projects,
        Measure::Status(Status::Planned),
        Measure::Status(Status::InProgress),
        Measure::Status(Status::Done),
        Measure::Status(Status::OnHold),
        Measure::Status(Status::Cancelled),
        Measure::NoStatus,
        Measure::PercentDone,
    ];

    fn of(self, p: &Progress) -> i64 {
        let n = match self {
            Measure::Projects => p.total(),
            Measure::Status(s) => p.count(s),
            Measure::NoStatus => p.unset,
            Measure::PercentDone => p.percent_done(),
        };
        i64::try_from(n).unwrap_or(i64::MAX)
    }

    /// The key in CSV and JSON: a status's file name, else a fixed word.
    fn key(self) -> &'static str {
        match self {
            Measure::Projects => "projects",
            Measure::Status(s) => s.file_name(),
            Measure::NoStatus => "no_status",
            Measure::PercentDone => "percent_done",
        }
    }

    /// The count in a spreadsheet: the share done in tenths of a percent
    /// (`33,3` or `33.3`), other counts whole.
    fn cell(self, p: &Progress, csv: Csv) -> String {
        match self {
            Measure::PercentDone => csv.tenths(tenths_done(p)),
            other => other.of(p).to_string(),
        }
    }

    /// The label in at most four letters, for narrow tables.
    fn short_label(self, lang: Lang) -> String {
        match self {
            Measure::Projects => lang.tables().projects_short.to_string(),
            Measure::Status(s) => lang.status_short(s).to_string(),
            Measure::NoStatus => lang.tables().no_status_short.to_string(),
            Measure::PercentDone => "%".to_string(),
        }
    }

    fn label(self, lang: Lang) -> String {
        match self {
            Measure::Projects => capitalize(lang.report().project_many),
            Measure::Status(s) => lang.status(s).to_string(),
            Measure::NoStatus => capitalize(lang.report().no_status),
            Measure::PercentDone => crate::report::percent_heading(lang),
        }
    }
}

/// The share done in tenths of a percent, rounded down like the whole one.
fn tenths_done(p: &Progress) -> i64 {
    let tenths = (p.done() * 1000).checked_div(p.counted()).unwrap_or(0);
    i64::try_from(tenths).unwrap_or(i64::MAX)
}

/// A difference with its sign: `+2`, `-1`, `0`.
fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
