//! `aoplan rollover YEAR [--dry-run]`: roll the plan over and save it.

use std::io::Write;

use super::{Done, Failure, Invocation};
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::rollover::{Rollover, parse_year, roll_over, write_text};
use crate::storage::Store;

/// How often a save is retried when another process keeps saving in between.
const ATTEMPTS: usize = 5;

pub(super) fn run(
    ctx: &Invocation,
    year: &str,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let lang = ctx.lang;
    let year = parse_year(year).map_err(|e| Failure(lang.year_error(&e)))?;
    let (mut store, mut plan) = ctx.open()?;
    let rolled = if dry_run {
        roll_over(&mut plan, year).map_err(|e| Failure(lang.year_error(&e)))?
    } else {
        save(&mut store, &mut plan, year, lang)?
    };
    let Some(rolled) = rolled else {
        writeln!(out, "{}", lang.rollover_nothing_to_do(year))?;
        return Ok(Done::Nothing);
    };
    let described = write_text(&rolled, &plan, ctx.lang, dry_run, out);
    if dry_run {
        return described.map(|()| Done::Nothing).map_err(Failure::from);
    }
    // Saved: a failed write is the output's failure (noticed by the caller's
    // writer), never the command's.
    Ok(Done::Saved(format!(
        "rollover {} → {}",
        rolled.from_year, rolled.to_year
    )))
}

/// Rolls over and saves. `plan` is the version `store` loaded; when another process
/// saved since, its version is rolled over instead, so nothing it saved is lost.
/// Afterwards `plan` is what the file holds.
pub fn save(
    store: &mut Store,
    plan: &mut Plan,
    year: u16,
    lang: Lang,
) -> Result<Option<Rollover>, Failure> {
    for _ in 0..ATTEMPTS {
        let rolled = roll_over(plan, year).map_err(|e| Failure(lang.year_error(&e)))?;
        let Some(rolled) = rolled else {
            return Ok(None);
        };
        // With no pending edits, a sync that finds a newer file hands back that
        // version unchanged; roll that one over in the next round.
        let zone = crate::platform::local_zone();
        let report = super::sync_telling(store, plan, &[], lang, &zone);
        let report = report.map_err(|e| Failure(lang.not_saved(&e.failure(), &zone)))?;
        if !report.merged {
            return Ok(Some(rolled));
        }
    }
    let path = store.path.display().to_string();
    Err(Failure(lang.rollover_unstable(&path)))
}
