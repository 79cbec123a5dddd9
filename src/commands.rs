//! The non-interactive commands: check, path, find, show and set here; report,
//! changes and rollover in their own modules.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::cli::{self, Command};
use crate::edit::{self, Edit, Field, Value};
use crate::i18n::Lang;
use crate::plan::{Plan, Status};
use crate::report::{self, Scope};
use crate::search::{SearchIndex, Target};
use crate::storage::{self, Store};
use crate::terminal_safe::{self, line};
use crate::{changes, rollover};

/// A command's failure: the message for stderr. Exit status 1.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::error::Error> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

pub type Outcome = Result<(), Failure>;

/// What a command left on disk, so that a failed output after a save is not
/// taken for a failed save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// Nothing was saved.
    Nothing,
    /// A change was saved: what it was, in the words of the command's output.
    Saved(String),
}

/// What every command needs to know.
pub struct Context {
    pub path: PathBuf,
    pub lang: Lang,
    pub year: Option<u16>,
    pub read_only: bool,
}

impl Context {
    pub(crate) fn open(&self) -> Result<(Store, Plan), Failure> {
        let (mut store, plan) = Store::open(&self.path)?;
        if self.read_only {
            store.force_read_only();
        }
        Ok((store, plan))
    }

    pub(crate) fn year(&self, plan: &Plan) -> u16 {
        self.year.unwrap_or(plan.year)
    }
}

/// Runs one subcommand, writing its normal output to `out`.
///
/// Once a command has saved, a failed write to `out` no longer makes it fail:
/// the change is on disk and [`Done::Saved`] says so. The caller's writer must
/// notice the failed write, as [`crate::output::Tracked`] does.
pub fn run(ctx: &Context, command: &Command, out: &mut dyn Write) -> Result<Done, Failure> {
    let outcome = match command {
        Command::Check => check(&ctx.path, out),
        Command::Path => {
            writeln!(out, "{}", line(&ctx.path.display().to_string())).map_err(Failure::from)
        }
        Command::Find { query, json, limit } => find(ctx, &query.join(" "), *json, *limit, out),
        Command::Show { id, json } => show(ctx, id, *json, out),
        Command::Set { id, status } => return set(ctx, id, status, out),
        Command::Report {
            format,
            theme,
            focus,
        } => report::run(ctx, *format, Scope::new(theme.as_deref(), *focus), out),
        Command::Changes {
            since,
            until,
            format,
        } => changes::run(ctx, since, until.as_deref(), *format, out),
        Command::Rollover { new_year, dry_run } => {
            return rollover::run(ctx, new_year, *dry_run, out);
        }
        Command::Completions { shell } => cli::completions(*shell, out).map_err(Failure::from),
        Command::Man => cli::man_page(out).map_err(Failure::from),
    };
    outcome.map(|()| Done::Nothing)
}

fn check(path: &Path, out: &mut dyn Write) -> Outcome {
    let plan = storage::load(path)?;
    writeln!(
        out,
        "{}: {} themes, {} sub-themes, {} projects",
        line(&path.display().to_string()),
        plan.themes.len(),
        plan.subtheme_count(),
        plan.project_count()
    )?;
    Ok(())
}

/// "Theme › Sub-theme" of a project.
fn breadcrumb(plan: &Plan, loc: crate::plan::Loc) -> (String, String) {
    let theme = &plan.themes[loc.theme];
    (
        theme.name.clone(),
        theme.subthemes[loc.subtheme].name.clone(),
    )
}

fn find(ctx: &Context, query: &str, as_json: bool, limit: usize, out: &mut dyn Write) -> Outcome {
    let (_, plan) = ctx.open()?;
    let year = ctx.year(&plan);
    let index = SearchIndex::build(&plan);
    let hits: Vec<_> = index
        .search(query)
        .into_iter()
        .filter_map(|h| match h.target {
            Target::Project(loc) => Some((loc, h.score)),
            _ => None,
        })
        .take(limit)
        .collect();
    if as_json {
        let items: Vec<_> = hits
            .iter()
            .map(|&(loc, score)| {
                let p = plan.project(loc).expect("hit points at a project");
                let (theme, subtheme) = breadcrumb(&plan, loc);
                json!({
                    "id": p.id,
                    "title": p.title,
                    "theme": theme,
                    "subtheme": subtheme,
                    "status": p.status_in(year).map(Status::file_name),
                    "year": year,
                    "owner": p.owner,
                    "score": score,
                })
            })
            .collect();
        terminal_safe::json::to_writer_pretty(&mut *out, &items)
            .map_err(|e| Failure(e.to_string()))?;
        writeln!(out)?;
        return Ok(());
    }
    if hits.is_empty() {
        return Err(Failure(format!("no project matches {query:?}")));
    }
    let width = Status::ALL
        .iter()
        .map(|s| ctx.lang.status(*s).chars().count())
        .max()
        .unwrap_or(10);
    for (loc, _) in hits {
        let p = plan.project(loc).expect("hit points at a project");
        let (theme, subtheme) = breadcrumb(&plan, loc);
        let status = ctx.lang.status_or_none(p.status_in(year));
        writeln!(
            out,
            "{status:<width$}  {} › {} › {}  [{}]",
            line(&theme),
            line(&subtheme),
            line(&p.title),
            line(&p.id)
        )?;
    }
    Ok(())
}

/// Finds a project by id, or explains what the id is instead and suggests close ones.
fn locate(plan: &Plan, id: &str) -> Result<crate::plan::Loc, Failure> {
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
        [] => "; `aoplan find WORDS` lists project ids".to_string(),
        ids => format!(
            "; did you mean {}?",
            ids.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    };
    Err(Failure(format!("unknown project id {id:?}{hint}")))
}

fn show(ctx: &Context, id: &str, as_json: bool, out: &mut dyn Write) -> Outcome {
    let (_, plan) = ctx.open()?;
    let loc = locate(&plan, id)?;
    let p = plan.project(loc).expect("located");
    let theme = &plan.themes[loc.theme];
    let sub = &theme.subthemes[loc.subtheme];
    let year = ctx.year(&plan);
    if as_json {
        let value = json!({
            "id": p.id,
            "title": p.title,
            "details": p.details,
            "owner": p.owner,
            "notes": p.notes,
            "theme": {"id": theme.id, "name": theme.name},
            "subtheme": {"id": sub.id, "name": sub.name},
            "year": year,
            "status": p.status.0.iter().map(|(y, s)| (y.to_string(), json!(s.file_name()))).collect::<serde_json::Map<_, _>>(),
            "history": p.history,
        });
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
        for h in &p.history {
            writeln!(
                s,
                "    {}  {}  {}: {} → {}",
                line(&h.at),
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

fn set(ctx: &Context, id: &str, status: &str, out: &mut dyn Write) -> Result<Done, Failure> {
    let (mut store, mut plan) = ctx.open()?;
    let loc = locate(&plan, id)?;
    let Some(status) = Status::parse(status) else {
        return Err(Failure(format!(
            "unknown status {status:?}; did you mean `{}`? Statuses: Planned (Gepland), InProgress (Lopend), Done (Afgerond), OnHold (Uitgesteld), Cancelled (Vervallen)",
            Status::suggest(status)
        )));
    };
    if let Some(why) = store.read_only_reason() {
        return Err(Failure(format!("not saved: {why}")));
    }
    let year = ctx.year(&plan);
    let project_id = plan.project(loc).expect("located").id.clone();
    let edit = Edit::new(
        &plan,
        &project_id,
        Field::Status(year),
        Value::Status(Some(status)),
        &edit::login_name(),
    )
    .expect("located project");
    let lang = ctx.lang;
    if edit.is_noop() {
        writeln!(
            out,
            "{project_id}: {year} is already {}; nothing to save",
            lang.status(status)
        )?;
        return Ok(Done::Nothing);
    }
    edit::apply(&mut plan, &edit);
    let report = store.sync(&mut plan, std::slice::from_ref(&edit))?;
    if !report.missing.is_empty() {
        return Err(Failure(format!(
            "{project_id} was removed from the file by someone else meanwhile; nothing was changed"
        )));
    }
    let from = match &edit.before {
        Value::Status(s) => lang.status_or_none(*s),
        Value::Text(_) => unreachable!("status edit"),
    };
    let what = format!("{project_id}: {year} {from} → {}", lang.status(status));
    // The change is saved: from here on a failed write is the output's failure
    // (noticed by the caller's writer), never the command's.
    writeln!(out, "{what} (saved)").ok();
    for c in &report.conflicts {
        let note = format!(
            "aoplan: note: {} had been changed meanwhile to {}; set to {} anyway",
            c.project,
            c.theirs.describe(),
            c.ours.describe()
        );
        writeln!(io::stderr(), "{}", line(&note)).ok();
    }
    Ok(Done::Saved(what))
}

/// A plain summary of the plan: what `aoplan` prints when stdout is not a terminal.
pub fn summary(ctx: &Context, out: &mut dyn Write) -> Outcome {
    let (_, plan) = ctx.open()?;
    let year = ctx.year(&plan);
    let lang = ctx.lang;
    let p = plan.progress(year);
    writeln!(
        out,
        "{} — {} ({year}): {}/{} {} · {} %",
        line(&plan.fund),
        line(&plan.title),
        p.done(),
        p.total(),
        lang.tr().done_word,
        p.percent_done()
    )?;
    for theme in &plan.themes {
        let tp = theme.progress(year);
        let focus = if theme.focus { " ★" } else { "" };
        writeln!(
            out,
            "  {}{focus}: {}/{} {}",
            line(&theme.name),
            tp.done(),
            tp.total(),
            lang.tr().done_word
        )?;
    }
    Ok(())
}
