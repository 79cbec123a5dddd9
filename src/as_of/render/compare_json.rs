//! Two dates compared, as JSON: the counts at both dates and their
//! difference, per theme and in total, and every changed project.

use std::io::{self, Write};

use serde::Serialize;

use super::{Measure, Moment};
use crate::as_of::{Comparison, Presence};
use crate::plan::{Plan, Progress, Status};
use crate::report::json;

#[derive(Serialize)]
struct Document<'a> {
    fund: &'a str,
    title: &'a str,
    year: u16,
    a: Moment,
    b: Moment,
    totals: Counts,
    themes: Vec<ThemeJson<'a>>,
    changed: Vec<ChangedJson<'a>>,
}

#[derive(Serialize)]
struct Counts {
    a: json::Totals,
    b: json::Totals,
    difference: Difference,
}

/// `b` minus `a`, keyed like [`json::Totals`].
#[derive(Serialize)]
struct Difference {
    projects: i64,
    done: i64,
    percent_done: i64,
    by_status: ByStatus,
    no_status: i64,
}

/// Differences keyed by the statuses' file names, in picker order.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ByStatus {
    planned: i64,
    in_progress: i64,
    done: i64,
    on_hold: i64,
    cancelled: i64,
}

#[derive(Serialize)]
struct ThemeJson<'a> {
    id: &'a str,
    name: &'a str,
    focus: bool,
    in_a: bool,
    in_b: bool,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct ChangedJson<'a> {
    id: &'a str,
    title: &'a str,
    theme: IdName<'a>,
    from: Option<&'static str>,
    to: Option<&'static str>,
    /// `both`, `new` (added or restored since `a`) or `gone` (archived or removed).
    presence: &'static str,
}

#[derive(Serialize)]
struct IdName<'a> {
    id: &'a str,
    name: &'a str,
}

fn counts(a: &Progress, b: &Progress) -> Counts {
    let d = |m: Measure| m.of(b) - m.of(a);
    Counts {
        a: json::totals(a),
        b: json::totals(b),
        difference: Difference {
            projects: d(Measure::Projects),
            done: d(Measure::Status(Status::Done)),
            percent_done: d(Measure::PercentDone),
            by_status: ByStatus {
                planned: d(Measure::Status(Status::Planned)),
                in_progress: d(Measure::Status(Status::InProgress)),
                done: d(Measure::Status(Status::Done)),
                on_hold: d(Measure::Status(Status::OnHold)),
                cancelled: d(Measure::Status(Status::Cancelled)),
            },
            no_status: d(Measure::NoStatus),
        },
    }
}

/// `c`, a comparison of `plan`, as one JSON document.
pub(super) fn write(plan: &Plan, c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let (a, b) = c.totals();
    let doc = Document {
        fund: &plan.fund,
        title: &plan.title,
        year: c.year,
        a: Moment::new(c.a, &c.reach_a),
        b: Moment::new(c.b, &c.reach_b),
        totals: counts(&a, &b),
        themes: (c.themes.iter())
            .map(|t| ThemeJson {
                id: &t.id,
                name: &t.name,
                focus: t.focus,
                in_a: t.in_a,
                in_b: t.in_b,
                counts: counts(&t.a, &t.b),
            })
            .collect(),
        changed: (c.changed.iter())
            .map(|s| ChangedJson {
                id: &s.id,
                title: &s.title,
                theme: IdName {
                    id: &s.theme,
                    name: &s.theme_name,
                },
                from: s.from.map(Status::file_name),
                to: s.to.map(Status::file_name),
                presence: match s.presence {
                    Presence::Both => "both",
                    Presence::New => "new",
                    Presence::Gone => "gone",
                },
            })
            .collect(),
    };
    crate::terminal_safe::json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
