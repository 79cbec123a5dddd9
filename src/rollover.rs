//! Moving a plan on to a new plan year.
//!
//! Rolling over to YEAR gives every project that is still open in the current plan
//! year (Planned, In progress, On hold) the same status in YEAR, and makes YEAR the
//! plan year. Done and cancelled projects, and projects without a status in the
//! plan year, get no status in YEAR. A project that already has a status in YEAR
//! keeps it.
//!
//! No history entries are recorded: no status changes, the new year's status is a
//! carry-over of the old one, and the history already tells how that came about.

use std::io::Write;

use crate::commands::{Context, Done, Failure, Outcome};
use crate::i18n::Lang;
use crate::plan::{Plan, Status, YEARS};
use crate::storage::Store;
use crate::terminal_safe::line;

/// What happened to one project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Open in the old year: the status now holds in the new year too.
    Carried,
    /// Already had a status in the new year, which was kept.
    Kept(Status),
    /// Done, cancelled or without a status: nothing in the new year.
    Left,
}

/// One project in a rollover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// The status in the old plan year.
    pub before: Option<Status>,
    pub fate: Fate,
}

/// What a rollover did, project by project in plan order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rollover {
    pub from_year: u16,
    pub to_year: u16,
    pub steps: Vec<Step>,
}

/// Checks that `text` is a plan year in range.
pub fn parse_year(text: &str) -> Result<u16, String> {
    let year: u16 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a year like 2027"))?;
    if !YEARS.contains(&year) {
        return Err(format!("year {year} is outside 2000–2100"));
    }
    Ok(year)
}

/// Rolls `plan` over to `year`. `Ok(None)` when `year` is the plan year already,
/// so running it twice changes nothing; an earlier year is an error.
pub fn roll_over(plan: &mut Plan, year: u16) -> Result<Option<Rollover>, String> {
    let from_year = plan.year;
    if year == from_year {
        return Ok(None);
    }
    if year < from_year {
        return Err(format!(
            "year {year} is before the plan year {from_year}; rollover only goes forward"
        ));
    }
    let mut steps = Vec::new();
    for theme in &mut plan.themes {
        for sub in &mut theme.subthemes {
            for project in &mut sub.projects {
                let before = project.status_in(from_year);
                let fate = match (project.status_in(year), before) {
                    (Some(existing), _) => Fate::Kept(existing),
                    (None, Some(open)) if open.is_open() => {
                        project.status.0.insert(year, open);
                        Fate::Carried
                    }
                    (None, _) => Fate::Left,
                };
                steps.push(Step {
                    id: project.id.clone(),
                    title: project.title.clone(),
                    before,
                    fate,
                });
            }
        }
    }
    plan.year = year;
    Ok(Some(Rollover {
        from_year,
        to_year: year,
        steps,
    }))
}

/// How often a save is retried when another process keeps saving in between.
const ATTEMPTS: usize = 5;

/// `aoplan rollover YEAR [--dry-run]`.
pub fn run(ctx: &Context, year: &str, dry_run: bool, out: &mut dyn Write) -> Result<Done, Failure> {
    let year = parse_year(year).map_err(Failure)?;
    let (mut store, mut plan) = ctx.open()?;
    let rolled = if dry_run {
        roll_over(&mut plan, year).map_err(Failure)?
    } else {
        save(&mut store, &mut plan, year)?
    };
    let Some(rolled) = rolled else {
        return nothing_to_do(year, out).map(|()| Done::Nothing);
    };
    let described = describe(&rolled, &plan, ctx.lang, dry_run, out);
    if dry_run {
        return described.map(|()| Done::Nothing);
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
pub fn save(store: &mut Store, plan: &mut Plan, year: u16) -> Result<Option<Rollover>, Failure> {
    for _ in 0..ATTEMPTS {
        let Some(rolled) = roll_over(plan, year).map_err(Failure)? else {
            return Ok(None);
        };
        // With no pending edits, a sync that finds a newer file hands back that
        // version unchanged; roll that one over in the next round.
        if !store.sync(plan, &[])?.merged {
            return Ok(Some(rolled));
        }
    }
    Err(Failure(format!(
        "not saved: {} kept changing while rolling over; try again",
        store.path.display()
    )))
}

fn nothing_to_do(year: u16, out: &mut dyn Write) -> Outcome {
    writeln!(out, "The plan year is already {year}; nothing to do.")?;
    Ok(())
}

fn describe(r: &Rollover, plan: &Plan, lang: Lang, dry_run: bool, out: &mut dyn Write) -> Outcome {
    let note = if dry_run {
        " (dry run: nothing saved)"
    } else {
        ""
    };
    writeln!(out, "Rollover {} → {}{note}", r.from_year, r.to_year)?;
    let kept = format!("Already set for {}, kept", r.to_year);
    section(r, "Carried over", |f| f == Fate::Carried, lang, out)?;
    section(r, &kept, |f| matches!(f, Fate::Kept(_)), lang, out)?;
    section(r, "Not carried over", |f| f == Fate::Left, lang, out)?;
    let verb = if dry_run { "would become" } else { "is now" };
    writeln!(out, "The plan year {verb} {}.", r.to_year)?;
    // Titles often name the year ("Activiteitenplan 2026"); renaming is left to people.
    if plan.title.contains(&r.from_year.to_string()) {
        writeln!(
            out,
            "The title is still {}.",
            line(&format!("{:?}", plan.title))
        )?;
    }
    Ok(())
}

/// The projects whose fate is `wanted`, under a heading; nothing when there are none.
fn section(
    r: &Rollover,
    heading: &str,
    wanted: impl Fn(Fate) -> bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Outcome {
    let steps: Vec<&Step> = r.steps.iter().filter(|s| wanted(s.fate)).collect();
    if steps.is_empty() {
        return Ok(());
    }
    writeln!(out, "{heading} ({}):", steps.len())?;
    for step in steps {
        writeln!(out, "  {}", step_line(r, step, lang))?;
    }
    Ok(())
}

/// "id — Title: 2026 Planned → 2027 Planned".
fn step_line(r: &Rollover, step: &Step, lang: Lang) -> String {
    let after = match step.fate {
        Fate::Carried => step.before,
        Fate::Kept(status) => Some(status),
        Fate::Left => None,
    };
    format!(
        "{} — {}: {} {} → {} {}",
        line(&step.id),
        line(&step.title),
        r.from_year,
        lang.status_or_none(step.before),
        r.to_year,
        lang.status_or_none(after)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_with(statuses: &[(Option<Status>, Option<Status>)]) -> Plan {
        let mut plan = crate::format::parse(crate::storage::BUNDLED_PLAN).unwrap();
        let sub = &mut plan.themes[0].subthemes[0];
        let template = sub.projects[0].clone();
        sub.projects = statuses
            .iter()
            .enumerate()
            .map(|(i, (now, next))| {
                let mut p = template.clone();
                p.id = format!("p{i}");
                p.status.0.clear();
                p.status.0.extend(now.map(|s| (2026, s)));
                p.status.0.extend(next.map(|s| (2027, s)));
                p
            })
            .collect();
        plan
    }

    #[test]
    fn open_statuses_carry_over_and_closed_ones_do_not() {
        use Status::*;
        let mut plan = plan_with(&[
            (Some(Planned), None),
            (Some(InProgress), None),
            (Some(OnHold), None),
            (Some(Done), None),
            (Some(Cancelled), None),
            (None, None),
            (Some(Planned), Some(Done)),
        ]);
        let rolled = roll_over(&mut plan, 2027).unwrap().unwrap();
        let fates: Vec<Fate> = rolled.steps[..7].iter().map(|s| s.fate).collect();
        use Fate::*;
        assert_eq!(
            fates,
            [Carried, Carried, Carried, Left, Left, Left, Kept(Done)]
        );
        let sub = &plan.themes[0].subthemes[0];
        let next: Vec<Option<Status>> = sub.projects.iter().map(|p| p.status_in(2027)).collect();
        assert_eq!(
            next,
            [
                Some(Planned),
                Some(InProgress),
                Some(OnHold),
                None,
                None,
                None,
                Some(Done)
            ]
        );
        assert_eq!(plan.year, 2027);
        assert!(sub.projects.iter().all(|p| p.history.is_empty()));
    }

    #[test]
    fn a_second_rollover_is_a_no_op() {
        let mut plan = plan_with(&[(Some(Status::Planned), None)]);
        roll_over(&mut plan, 2027).unwrap();
        let once = plan.clone();
        assert_eq!(roll_over(&mut plan, 2027), Ok(None));
        assert_eq!(plan, once);
    }

    #[test]
    fn years_must_go_forward_and_stay_in_range() {
        let mut plan = plan_with(&[]);
        assert!(roll_over(&mut plan, 2025).unwrap_err().contains("before"));
        assert!(parse_year("2101").is_err());
        assert!(parse_year("1999").is_err());
        assert!(parse_year("next").is_err());
        assert_eq!(parse_year("2027"), Ok(2027));
    }
}
