//! `aoplan export --format outline`: the plan in another format, on stdout.

use std::io::Write;

use super::{Invocation, Outcome};
use crate::cli::ExportFormat;
use crate::outline;
use crate::terminal_safe;

/// Writes the plan in `format`. The outline has the statuses of the plan year
/// (or `--year`), which `aoplan import` with the same `--year` reads back.
pub(super) fn export(ctx: &Invocation, format: ExportFormat, out: &mut dyn Write) -> Outcome {
    let (_, plan) = ctx.open()?;
    let year = ctx.year(&plan);
    let text = match format {
        ExportFormat::Outline => outline::to_outline(&plan.themes, year),
    };
    // The outline writes every control character as `&#x…;`, so the
    // sanitiser, which every text output goes through, leaves it as it is:
    // piped or redirected, the outline stays exact.
    out.write_all(terminal_safe::text(&text).as_bytes())?;
    Ok(())
}
