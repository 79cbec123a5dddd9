//! The board pack: one self-contained HTML document to print for the board
//! (`aoplan report --format html`).
//!
//! [`render`] turns data into the document, with no clock and no I/O: the
//! report (plan, year, themes in scope), the counts at each month end of the
//! year ([`crate::as_of::through_year`]), optionally two dates compared
//! ([`crate::as_of::compare`]), and the moment it is made. The document has
//! no scripts and no external resources (a Content-Security-Policy forbids
//! them too): CSS and SVG are inline. It prints on A4, each theme from a new
//! page, tables repeat their header on every page they run over, and every
//! status reads by word and by pattern, so a black-and-white print loses
//! nothing. All plan text goes through [`escape`].
//!
//! In order: the title (fund, plan, plan year, date), the progress per theme
//! as bars with the counts, the chart through the year with its numbers, the
//! comparison when given, then per theme its sub-themes and every project
//! with status, owner and notes.

mod compare;
mod escape;
mod summary;
mod svg;
#[cfg(test)]
mod tests;
mod themes;
mod year;

use std::fmt::Write as _;
use std::io::{self, Write};

use jiff::tz::TimeZone;

use crate::as_of::{Comparison, PeriodCounts};
use crate::i18n::Lang;
use crate::plan::{Plan, Progress, Status};
use crate::report::Report;
use crate::timestamp::Timestamp;

/// Everything a board pack shows.
#[derive(Debug, Clone, Copy)]
pub struct Pack<'a> {
    /// The plan, the plan year and the themes in scope.
    pub report: &'a Report<'a>,
    pub lang: Lang,
    /// The counts of the themes in scope at each month end of the year, from
    /// [`crate::as_of::through_year`] (`Period::Month`, the same scope and
    /// `now` = [`Pack::generated`]); empty for no chart.
    pub months: &'a [PeriodCounts],
    /// Two dates compared, already restricted to the scope.
    pub comparison: Option<&'a Comparison>,
    /// When the pack is made: the counts shown are of this moment.
    pub generated: Timestamp,
    /// The reader's time zone: dates and times are shown in it.
    pub zone: &'a TimeZone,
}

const CSS: &str = include_str!("board/board.css");

/// The board pack as one HTML document.
pub fn render(pack: &Pack) -> String {
    let report = pack.report;
    let plan = report.plan;
    let (lang, b) = (pack.lang, pack.lang.board());
    let mut out = String::with_capacity(4096 + 400 * plan.project_count());
    let (fund, title) = (escape::line(&plan.fund), escape::line(&plan.title));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{fund} — {title} — {} {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n{}",
        match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        },
        b.kind,
        report.year,
        svg::PATTERNS,
    );
    let _ = write!(
        out,
        "<header class=\"cover\">\n<p class=\"fund\">{fund} · {}</p>\n<h1>{title}</h1>\n<p class=\"sub\">{}</p>\n</header>\n",
        b.kind,
        lang.board_subtitle(report.year, pack.generated, pack.zone),
    );
    summary::section(&mut out, report, lang);
    if !pack.months.is_empty() {
        year::section(&mut out, pack);
    }
    if let Some(comparison) = pack.comparison {
        compare::section(&mut out, comparison, first_record(plan), (lang, pack.zone));
    }
    for (i, theme) in report.themes.iter().enumerate() {
        themes::section(&mut out, i, theme, report.year, lang);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// [`render`], written to `out`.
pub fn write(pack: &Pack, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(pack).as_bytes())
}

/// A status's word, or "no status".
pub(crate) fn status_word(status: Option<Status>, lang: Lang) -> &'static str {
    match status {
        Some(s) => lang.status(s),
        None => lang.report().no_status,
    }
}

/// "76 projects · 5 % done · Done 4 · In progress 43 · Planned 29": the
/// counts in words, the statuses that occur.
pub(crate) fn counts_phrase(p: &Progress, lang: Lang) -> String {
    let mut parts = vec![
        crate::report::projects_phrase(p.total(), lang),
        format!("{} % {}", p.percent_done(), lang.tr().done_word),
    ];
    for status in svg::STACK {
        let n = status.map_or(p.unset, |s| p.count(s));
        if n > 0 {
            parts.push(format!("{} {n}", status_word(status, lang)));
        }
    }
    parts.join(" · ")
}

/// The time of the plan's oldest record of any kind.
fn first_record(plan: &Plan) -> Option<Timestamp> {
    (plan.all_projects())
        .flat_map(|p| p.history.iter().map(|e| e.at))
        .chain(plan.log.iter().map(|e| e.at))
        .min()
}
