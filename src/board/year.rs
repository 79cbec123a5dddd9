//! The chart through the year, and its numbers in a table under it.

use std::fmt::Write as _;

use super::svg::{self, Slot};
use super::{Pack, counts_phrase, first_record};
use crate::as_of::PeriodCounts;
use crate::i18n::Lang;
use crate::plan::{Progress, Status};
use crate::timestamp::Timestamp;

/// The chart through the year, with its numbers in a table under it.
pub(super) fn section(out: &mut String, pack: &Pack) {
    let lang = pack.lang;
    let b = lang.board();
    let year = pack.report.year;
    let first = first_record(pack.report.plan);
    let slots = slots(pack.months, year, pack.generated, first);
    let count = pack.months.len();
    let labelled: Vec<(Slot, &str, String)> = (slots.iter().zip(pack.months))
        .map(|(slot, c)| {
            let label = lang.period_short(count, c.label_index);
            let tip = match slot {
                Slot::Empty => format!("{label}: –"),
                Slot::Ended(p) | Slot::ToDate(p) => format!("{label}: {}", counts_phrase(p, lang)),
            };
            (*slot, label, tip)
        })
        .collect();
    let caption = lang.chart_caption(year);
    let _ = write!(
        out,
        "<section class=\"year\">\n<h2>{}</h2>\n<p class=\"caption\">{caption}</p>\n{}\n",
        b.through_year,
        svg::chart(&labelled, &caption)
    );
    let _ = writeln!(
        out,
        "<ul class=\"legend\"><li>{} {}</li><li>{} {}</li><li><span class=\"key todate\"></span> {}</li><li><span class=\"key empty\"></span> {} / {}</li></ul>",
        svg::swatch(Some(Status::Done)),
        lang.status(Status::Done),
        svg::swatch(Some(Status::InProgress)),
        lang.status(Status::InProgress),
        b.to_date,
        b.not_yet,
        b.not_recorded,
    );
    months_table(out, &labelled, lang);
    match first {
        None => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", b.no_history);
        }
        Some(first) if pack.months.first().is_some_and(|c| c.end < first) => {
            let _ = writeln!(
                out,
                "<p class=\"note\">{}</p>",
                lang.chart_before_records(first, pack.zone)
            );
        }
        Some(_) => {}
    }
    out.push_str("</section>\n");
}

/// One row's number of a month, in words.
type Cell = fn(&Progress) -> String;

/// The chart's numbers: per month done, in progress, projects and % done.
fn months_table(out: &mut String, slots: &[(Slot, &str, String)], lang: Lang) {
    let b = lang.board();
    let _ = write!(
        out,
        "<table class=\"months\">\n<thead><tr><th class=\"name\">{}</th>",
        b.month
    );
    for (slot, label, _) in slots {
        let note = match slot {
            Slot::ToDate(_) => format!("<br><span class=\"small\">{}</span>", b.to_date),
            _ => String::new(),
        };
        let _ = write!(out, "<th class=\"num\">{label}{note}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let rows: [(String, Cell); 4] = [
        (lang.status(Status::Done).to_string(), |p| {
            p.done().to_string()
        }),
        (lang.status(Status::InProgress).to_string(), |p| {
            p.count(Status::InProgress).to_string()
        }),
        (lang.tr().projects.to_string(), |p| p.total().to_string()),
        (crate::report::percent_heading(lang), |p| {
            format!("{} %", p.percent_done())
        }),
    ];
    for (name, value) in rows {
        let _ = write!(out, "<tr><th scope=\"row\" class=\"name\">{name}</th>");
        for (slot, ..) in slots {
            let cell = match slot {
                Slot::Ended(p) | Slot::ToDate(p) => value(p),
                Slot::Empty => "–".to_string(),
            };
            let _ = write!(out, "<td class=\"num\">{cell}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// What each period shows: a period that has not ended is drawn only when it
/// has begun (its counts are those of now); one that ended before the plan
/// recorded anything is not drawn, nor is any period of a plan without records
/// but the current one.
pub(super) fn slots(
    months: &[PeriodCounts],
    year: u16,
    now: Timestamp,
    first: Option<Timestamp>,
) -> Vec<Slot> {
    let year_start = Timestamp::parse_date(&format!("{year:04}-01-01"));
    let mut begun = year_start.is_some_and(|start| start <= now);
    months
        .iter()
        .map(|c| {
            let slot = if c.future {
                if begun {
                    Slot::ToDate(c.progress)
                } else {
                    Slot::Empty
                }
            } else if first.is_none_or(|first| c.end < first) {
                Slot::Empty
            } else {
                Slot::Ended(c.progress)
            };
            begun = !c.future;
            slot
        })
        .collect()
}
