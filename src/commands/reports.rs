//! `aoplan report`: open the plan, compute, write. (`aoplan changes` is
//! [`super::changes`].)

use std::io::Write;

use super::{Invocation, Outcome};
use crate::as_of::{self, Comparison, Period};
use crate::board::{self, Pack};
use crate::report::{Report, ReportFormat, Scope};
use crate::timestamp::Timestamp;

/// `aoplan report`: progress bars only when stdout is a terminal; the board
/// pack for `--format html`.
pub(super) fn report(
    ctx: &Invocation,
    format: ReportFormat,
    scope: Scope,
    out: &mut dyn Write,
) -> Outcome {
    let (_, plan) = ctx.open()?;
    let year = ctx.year(&plan);
    let report = Report::new(&plan, year, scope)?;
    let Some(format) = format.plain() else {
        return board_pack(ctx, &report, scope, None, out);
    };
    let bars = crate::platform::stdout_is_terminal();
    Ok(report.write(format, ctx.lang, bars, out)?)
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
    let months = as_of::through_year(report.plan, report.year, Period::Month, &scope, now);
    let pack = Pack {
        report,
        lang: ctx.lang,
        months: &months,
        comparison,
        generated: now,
        utc_offset: crate::platform::local_utc_offset(now.0).unwrap_or(0),
    };
    Ok(board::write(&pack, out)?)
}
