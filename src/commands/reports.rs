//! `aoplan report`: open the plan, compute, write; and the plan as of a date,
//! two dates compared, and the counts through the year. (`aoplan changes` is
//! [`super::changes`].)

use std::io::{self, Write};

use super::{Failure, Invocation, Outcome};
use crate::as_of::{self, Comparison, Period};
use crate::board::{self, Pack};
use crate::dates;
use crate::plan::Plan;
use crate::report::{Csv, Format, Report, ReportFormat, Scope};
use crate::terminal_safe::line;
use crate::timestamp::Timestamp;

/// `aoplan report`: progress bars only when stdout is a terminal; the board
/// pack for `--format html`.
pub(super) fn report(
    ctx: &Invocation,
    (format, csv): (ReportFormat, Csv),
    scope: Scope,
    out: &mut dyn Write,
) -> Outcome {
    let (_, plan) = ctx.open()?;
    let year = ctx.year(&plan);
    let report = report_of(ctx, &plan, year, scope)?;
    let Some(format) = format.plain() else {
        return board_pack(ctx, &report, scope, None, out);
    };
    let bars = crate::platform::stdout_is_terminal();
    Ok(report.write(format, (ctx.lang, csv), bars, out)?)
}

/// A date argument: a day stands for its end, so that the changes made that
/// day count. The command line checks dates before this (exit status 2).
pub(super) fn moment(ctx: &Invocation, flag: &str, text: &str) -> Result<Timestamp, Failure> {
    let lang = ctx.lang;
    (dates::parse_moment(text, Timestamp::now(), &ctx.zone))
        .map(|m| m.end())
        .map_err(|e| Failure(lang.bad_date(flag, &lang.date_error(&e))))
}

/// `aoplan report --as-of DATE`: the report of the plan rebuilt as it was.
pub(super) fn as_of(
    ctx: &Invocation,
    (format, csv): (Format, Csv),
    scope: Scope,
    date: &str,
    out: &mut dyn Write,
) -> Outcome {
    let at = moment(ctx, "--as-of", date)?;
    let (_, plan) = ctx.open()?;
    let then = as_of::as_of(&plan, at);
    let year = ctx.year(&then.plan);
    let report = match Report::new(&then.plan, year, scope) {
        Ok(report) => report,
        // A theme of today that the plan did not have then: nothing to count.
        Err(_) if Report::new(&plan, year, scope).is_ok() => Report {
            plan: &then.plan,
            year,
            themes: Vec::new(),
        },
        Err(e) => {
            let e = Report::new(&plan, year, scope).err().unwrap_or(e);
            return Err(Failure(e.words(ctx.lang)));
        }
    };
    if format == Format::Csv {
        warn(&as_of::notes((ctx.lang, &ctx.zone), at, &then.reach));
    }
    let bars = crate::platform::stdout_is_terminal();
    Ok(as_of::write_report(
        &then,
        &report,
        format,
        (ctx.lang, csv, &ctx.zone),
        bars,
        out,
    )?)
}

/// `aoplan report --compare DATE1 DATE2`.
pub(super) fn compare(
    ctx: &Invocation,
    (format, csv): (ReportFormat, Csv),
    scope: Scope,
    dates: &[String],
    out: &mut dyn Write,
) -> Outcome {
    let [a, b] = dates else {
        return Err(Failure(ctx.lang.bad_date("--compare", &dates.join(" "))));
    };
    let (a, b) = (moment(ctx, "--compare", a)?, moment(ctx, "--compare", b)?);
    let (_, plan) = ctx.open()?;
    let year = ctx.year(&plan);
    report_of(ctx, &plan, year, scope)?;
    let mut comparison = as_of::compare(&plan, year, a, b);
    comparison.restrict(&scope);
    let Some(format) = format.plain() else {
        let report = report_of(ctx, &plan, year, scope)?;
        return board_pack(ctx, &report, scope, Some(&comparison), out);
    };
    if format == Format::Csv {
        let mut notes = as_of::notes((ctx.lang, &ctx.zone), a, &comparison.reach_a);
        notes.extend(as_of::notes((ctx.lang, &ctx.zone), b, &comparison.reach_b));
        warn(&notes);
    }
    Ok(as_of::write_comparison(
        &plan,
        &comparison,
        format,
        (ctx.lang, csv, &ctx.zone),
        out,
    )?)
}

/// `aoplan report --by month|quarter`.
pub(super) fn by(
    ctx: &Invocation,
    (format, csv): (Format, Csv),
    scope: Scope,
    period: Period,
    out: &mut dyn Write,
) -> Outcome {
    let (_, plan) = ctx.open()?;
    let year = ctx.year(&plan);
    report_of(ctx, &plan, year, scope)?;
    let now = (Timestamp::now(), &ctx.zone);
    let counts = as_of::through_year(&plan, year, period, &scope, now);
    Ok(as_of::write_periods(
        &plan,
        year,
        period,
        &scope,
        &counts,
        format,
        (ctx.lang, &ctx.zone, csv, text_width()),
        out,
    )?)
}

/// The width text may take: `COLUMNS` when set, else the terminal's when
/// standard output is one; none when it goes to a file or a pipe.
fn text_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok());
    columns.or_else(|| {
        let size = crate::platform::stdout_is_terminal().then(crossterm::terminal::size);
        size.and_then(Result::ok).map(|(w, _)| usize::from(w))
    })
}

/// What a CSV cannot hold, on stderr.
fn warn(notes: &[String]) {
    for note in notes {
        let _ = writeln!(io::stderr(), "aoplan: {}", line(note));
    }
}

/// The board pack of `report` (its plan, year and themes in `scope`) as it is
/// now, with the chart through the year and `comparison` (already restricted
/// to `scope`) when given.
pub(super) fn board_pack(
    ctx: &Invocation,
    report: &Report,
    scope: Scope,
    comparison: Option<&Comparison>,
    out: &mut dyn Write,
) -> Outcome {
    let now = Timestamp::now();
    let at = (now, &ctx.zone);
    let months = as_of::through_year(report.plan, report.year, Period::Month, &scope, at);
    let pack = Pack {
        report,
        lang: ctx.lang,
        months: &months,
        comparison,
        generated: now,
        zone: &ctx.zone,
    };
    Ok(board::write(&pack, out)?)
}

/// The report of `scope`; an unknown theme is a failure in the user's words.
pub(super) fn report_of<'a>(
    ctx: &Invocation,
    plan: &'a Plan,
    year: u16,
    scope: Scope,
) -> Result<Report<'a>, Failure> {
    Report::new(plan, year, scope).map_err(|e| Failure(e.words(ctx.lang)))
}
