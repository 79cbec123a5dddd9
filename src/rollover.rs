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

use std::io::{self, Write};

use crate::i18n::{Lang, RolloverWord};
use crate::plan::{Plan, Status, YEARS};
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

pub use crate::i18n::YearError;

/// Checks that `text` is a plan year in range.
pub fn parse_year(text: &str) -> Result<u16, YearError> {
    let year: u16 = (text.trim().parse()).map_err(|_| YearError::NotAYear(text.to_string()))?;
    if !YEARS.contains(&year) {
        return Err(YearError::OutOfRange(year));
    }
    Ok(year)
}

/// Rolls `plan` over to `year`. `Ok(None)` when `year` is the plan year already,
/// so running it twice changes nothing; an earlier year is an error.
pub fn roll_over(plan: &mut Plan, year: u16) -> Result<Option<Rollover>, YearError> {
    let from_year = plan.year;
    if year == from_year {
        return Ok(None);
    }
    if year < from_year {
        return Err(YearError::Backwards {
            year,
            plan_year: from_year,
        });
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

/// Writes what `r` did to `plan` (the rolled-over plan) as text; a dry run
/// says that nothing was saved.
pub fn write_text(
    r: &Rollover,
    plan: &Plan,
    lang: Lang,
    dry_run: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let heading = lang.rollover_heading(r.from_year, r.to_year, dry_run);
    writeln!(out, "{heading}")?;
    let kept = lang.rollover_kept(r.to_year);
    let (carried, left) = (RolloverWord::Carried, RolloverWord::NotCarried);
    let carried = lang.rollover_section(carried);
    section(r, carried, |f| f == Fate::Carried, lang, out)?;
    section(r, &kept, |f| matches!(f, Fate::Kept(_)), lang, out)?;
    section(
        r,
        lang.rollover_section(left),
        |f| f == Fate::Left,
        lang,
        out,
    )?;
    writeln!(out, "{}", lang.rollover_year_now(r.to_year, dry_run))?;
    // Titles often name the year ("Activiteitenplan 2026"); renaming is left to people.
    if plan.title.contains(&r.from_year.to_string()) {
        let title = format!("{:?}", plan.title);
        let title = line(&title);
        writeln!(out, "{}", lang.rollover_title_still(&title))?;
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
) -> io::Result<()> {
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
        let mut plan = crate::codec::parse(crate::storage::BUNDLED_PLAN).unwrap();
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
        let err = roll_over(&mut plan, 2025).unwrap_err();
        assert!(err.to_string().contains("before"), "{err}");
        assert!(parse_year("2101").is_err());
        assert!(parse_year("1999").is_err());
        assert!(parse_year("next").is_err());
        assert_eq!(parse_year("2027"), Ok(2027));
    }
}
