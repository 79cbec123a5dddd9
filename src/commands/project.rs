//! `aoplan show` of a project, and `set`: one project at a time.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::{Done, Failure, Invocation, Outcome};
use crate::edit::{self, Change, Edit};
use crate::i18n::Lang;
use crate::plan::json::ProjectJson;
use crate::plan::{HistoryEntry, Loc, Plan, Status};
use crate::terminal_safe::{self, line};
use crate::timestamp::Timestamp;

/// Finds a project by id, or explains what the id is instead and suggests close ones.
fn locate(plan: &Plan, id: &str, lang: Lang) -> Result<Loc, Failure> {
    if let Some(loc) = plan.locate(id) {
        return Ok(loc);
    }
    for theme in &plan.themes {
        if theme.id == id {
            return Err(Failure(lang.not_a_project(id, true)));
        }
        if theme.subthemes.iter().any(|s| s.id == id) {
            return Err(Failure(lang.not_a_project(id, false)));
        }
    }
    let similar = plan.similar_ids(id);
    Err(Failure(lang.unknown_project(id, &similar)))
}

/// `aoplan show ID --json` of a project: the project's shape, and all of it.
#[derive(Serialize)]
struct Shown<'a> {
    kind: &'static str,
    #[serde(flatten)]
    project: ProjectJson<'a>,
    details: &'a str,
    /// Every year's status, by year.
    statuses: std::collections::BTreeMap<String, &'static str>,
    history: &'a [HistoryEntry],
}

/// `aoplan show ID` of a live project in `plan`.
pub(super) fn show(
    ctx: &Invocation,
    plan: &Plan,
    id: &str,
    as_json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let loc = locate(plan, id, ctx.lang)?;
    let p = plan.project(loc).expect("located");
    let theme = &plan.themes[loc.theme];
    let sub = &theme.subthemes[loc.subtheme];
    let year = ctx.year(plan);
    if as_json {
        let value = Shown {
            kind: "project",
            project: ProjectJson::of(theme, sub, p, year),
            details: &p.details,
            statuses: (p.status.0.iter())
                .map(|(y, s)| (y.to_string(), s.file_name()))
                .collect(),
            history: &p.history,
        };
        terminal_safe::json::to_writer_pretty(&mut *out, &value)
            .map_err(|e| Failure(e.to_string()))?;
        writeln!(out)?;
        return Ok(());
    }
    let t = ctx.lang.tr();
    let lang = ctx.lang;
    let mut s = String::new();
    writeln!(s, "{}", line(&p.title)).ok();
    // The labels in a column as wide as the longest in this language.
    let labels = [
        "id".to_string(),
        t.theme.to_lowercase(),
        t.owner.to_lowercase(),
        t.notes.to_lowercase(),
        "status".to_string(),
    ];
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
    let label = |i: usize| format!("{}:", labels[i]);
    // Multi-line notes continue under their first line.
    let go_on = format!("\n{}", " ".repeat(2 + width + 1));
    let dash = |v: &str| match v {
        "" => "—".to_string(),
        v => (terminal_safe::text(v).lines())
            .collect::<Vec<_>>()
            .join(&go_on),
    };
    let statuses: Vec<String> = p
        .status
        .0
        .iter()
        .map(|(y, st)| {
            let mark = if *y == year { "*" } else { "" };
            format!("{y}{mark} {}", lang.status(*st))
        })
        .collect();
    let statuses = match statuses.is_empty() {
        true => "—".to_string(),
        false => statuses.join(", "),
    };
    let rows = [
        line(&p.id).into_owned(),
        format!("{} › {}", line(&theme.name), line(&sub.name)),
        dash(&line(&p.owner)),
        dash(&p.notes),
        statuses,
    ];
    for (i, value) in rows.iter().enumerate() {
        writeln!(s, "  {:<width$} {value}", label(i)).ok();
    }
    if !p.details.is_empty() {
        writeln!(s, "\n  {}:", t.details.to_lowercase()).ok();
        for text in terminal_safe::text(&p.details).lines() {
            writeln!(s, "    {text}").ok();
        }
    }
    if !p.history.is_empty() {
        writeln!(s, "\n  {}:", t.history.to_lowercase()).ok();
        let whens: Vec<String> = (p.history.iter())
            .map(|h| lang.date_time(h.at, &ctx.zone))
            .collect();
        let when_width = whens.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        for (h, when) in p.history.iter().zip(&whens) {
            writeln!(
                s,
                "    {when:>when_width$}  {}  {}: {} → {}",
                line(&h.by),
                h.year,
                lang.status_or_none(h.from),
                lang.status_or_none(h.to)
            )
            .ok();
        }
    }
    out.write_all(s.as_bytes())?;
    Ok(())
}

pub(super) fn set(
    ctx: &Invocation,
    id: &str,
    status: &str,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let (mut store, mut plan) = ctx.open()?;
    let lang = ctx.lang;
    let loc = locate(&plan, id, lang)?;
    let Some(status) = super::planning::parse_status(status) else {
        let close = Status::suggest(status);
        return Err(Failure(lang.unknown_status(status, close, false)));
    };
    if let Some(why) = store.read_only_reason() {
        let failure = crate::i18n::SaveFailure::ReadOnly(why.why());
        return Err(Failure(lang.not_saved(&failure, &ctx.zone)));
    }
    let year = ctx.year(&plan);
    let project = plan.project(loc).expect("located");
    let (project_id, from) = (project.id.clone(), project.status_in(year));
    let change = Change::Status {
        project: project_id.clone(),
        year,
        from,
        to: status,
    };
    // The command layer reads the clock: an edit takes the time it is given.
    let edit = Edit::new(change, Timestamp::now(), &crate::platform::login_name());
    if edit.is_noop() {
        let said = lang.set_already(&project_id, year, lang.status_or_none(status));
        writeln!(out, "{said}")?;
        return Ok(Done::Nothing);
    }
    edit::apply(&mut plan, &edit);
    let report = ctx
        .sync(&mut store, &mut plan, std::slice::from_ref(&edit))
        .map_err(|e| ctx.not_saved(e))?;
    ctx.note_dropped_comments(&store, &report);
    if !report.merge.missing.is_empty() {
        return Err(Failure(lang.removed_meanwhile(&project_id)));
    }
    let what = format!(
        "{project_id}: {year} {} → {}",
        lang.status_or_none(from),
        lang.status_or_none(status)
    );
    // The change is saved: from here on a failed write is the output's failure
    // (noticed by the caller's writer), never the command's.
    writeln!(out, "{what}{}", lang.saved_suffix(false)).ok();
    for c in &report.merge.conflicts {
        let note = lang.set_anyway(
            c.change.target().id().unwrap_or_default(),
            &c.change.from().describe(),
            &c.change.to().describe(),
        );
        let note = format!("aoplan: {note}");
        writeln!(io::stderr(), "{}", line(&note)).ok();
    }
    Ok(Done::Saved(what))
}
