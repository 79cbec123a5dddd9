//! `aoplan report` and `aoplan changes`: open the plan, compute, write.

use std::io::Write;

use super::{Failure, Invocation, Outcome};
use crate::changes::{self, Window};
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

/// `aoplan changes`.
pub(super) fn changes(
    ctx: &Invocation,
    since: &str,
    until: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Outcome {
    let window = Window::parse(since, until).map_err(Failure::from)?;
    let (_, plan) = ctx.open()?;
    let groups = changes::collect(&plan, &window);
    Ok(changes::write(&groups, &window, format, ctx.lang, out)?)
}
