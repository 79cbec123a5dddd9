//! `aoplan report`: open the plan, compute, write. (`aoplan changes` is
//! [`super::changes`].)

use std::io::Write;

use super::{Invocation, Outcome};
use crate::report::{Format, Report, Scope};

/// `aoplan report`: progress bars only when stdout is a terminal.
pub(super) fn report(
    ctx: &Invocation,
    format: Format,
    scope: Scope,
    out: &mut dyn Write,
) -> Outcome {
    let (_, plan) = ctx.open()?;
    let year = ctx.year(&plan);
    let report = Report::new(&plan, year, scope)?;
    let bars = crate::platform::stdout_is_terminal();
    Ok(report.write(format, ctx.lang, bars, out)?)
}
