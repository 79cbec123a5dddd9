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
use crate::text::did_you_mean;
use crate::timestamp::Timestamp;

/// Finds a project by id, or explains what the id is instead and suggests close ones.
fn locate(plan: &Plan, id: &str) -> Result<Loc, Failure> {
    if let Some(loc) = plan.locate(id) {
        return Ok(loc);
    }
    for theme in &plan.themes {
        if theme.id == id {
            return Err(Failure(format!("{id:?} is a theme, not a project")));
        }
        if theme.subthemes.iter().any(|s| s.id == id) {
            return Err(Failure(format!("{id:?} is a sub-theme, not a project")));
        }
    }
    let similar = plan.similar_ids(id);
    let hint = match similar.as_slice() {
        [] => "`aoplan find WORDS` lists project ids".to_string(),
        close => did_you_mean(close),
    };
    Err(Failure(format!("unknown project id {id:?}; {hint}")))
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
    let loc = locate(plan, id)?;
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
    writeln!(s, "  id:      {}", line(&p.id)).ok();
    writeln!(
        s,
        "  {}:   {} › {}",
        t.theme.to_lowercase(),
        line(&theme.name),
        line(&sub.name)
    )
    .ok();
    // Multi-line notes continue under their first line.
    let dash = |v: &str| match v {
        "" => "—".to_string(),
        v => (terminal_safe::text(v).lines())
            .collect::<Vec<_>>()
            .join("\n           "),
    };
    writeln!(
        s,
        "  {:<8} {}",
        format!("{}:", t.owner.to_lowercase()),
        dash(&line(&p.owner))
    )
    .ok();
    writeln!(
        s,
        "  {:<8} {}",
        format!("{}:", t.notes.to_lowercase()),
        dash(&p.notes)
    )
    .ok();
    let statuses: Vec<String> = p
        .status
        .0
        .iter()
        .map(|(y, st)| {
            let mark = if *y == year { "*" } else { "" };
            format!("{y}{mark} {}", lang.status(*st))
        })
        .collect();
    writeln!(
        s,
        "  status:  {}",
        if statuses.is_empty() {
            "—".into()
        } else {
            statuses.join(", ")
        }
    )
    .ok();
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
    let loc = locate(&plan, id)?;
    let Some(status) = super::planning::parse_status(status) else {
        return Err(Failure(format!(
            "unknown status {status:?}; {} Statuses: {}",
            did_you_mean(&[Status::suggest(status)]),
            status_names()
        )));
    };
    if let Some(why) = store.read_only_reason() {
        return Err(Failure(format!("not saved: {why}")));
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
    let lang = ctx.lang;
    if edit.is_noop() {
        writeln!(
            out,
            "{project_id}: {year} is already {}; nothing to save",
            lang.status_or_none(status)
        )?;
        return Ok(Done::Nothing);
    }
    edit::apply(&mut plan, &edit);
    let report = store.sync(&mut plan, std::slice::from_ref(&edit))?;
    ctx.note_dropped_comments(&store, &report);
    if !report.merge.missing.is_empty() {
        return Err(Failure(format!(
            "{project_id} was removed from the file by someone else meanwhile; nothing was changed"
        )));
    }
    let what = format!(
        "{project_id}: {year} {} → {}",
        lang.status_or_none(from),
        lang.status_or_none(status)
    );
    // The change is saved: from here on a failed write is the output's failure
    // (noticed by the caller's writer), never the command's.
    writeln!(out, "{what} (saved)").ok();
    for c in &report.merge.conflicts {
        let note = format!(
            "aoplan: note: {} had been changed meanwhile to {}; set to {} anyway",
            c.change.target().id().unwrap_or_default(),
            c.change.from().describe(),
            c.change.to().describe()
        );
        writeln!(io::stderr(), "{}", line(&note)).ok();
    }
    Ok(Done::Saved(what))
}

/// "Planned (Gepland), InProgress (Lopend), …": every status by the name the
/// file and the CLI use, with its Dutch name.
pub(super) fn status_names() -> String {
    let names: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("{} ({})", s.file_name(), Lang::Nl.status(*s)))
        .collect();
    names.join(", ")
}
