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
pub fn run(ctx: &Context, command: &Command, out: &mut dyn Write) -> Outcome {
    match command {
        Command::Check => check(&ctx.path, out),
        Command::Path => {
            writeln!(out, "{}", ctx.path.display())?;
            Ok(())
        }
        Command::Find { query, json, limit } => find(ctx, &query.join(" "), *json, *limit, out),
        Command::Show { id, json } => show(ctx, id, *json, out),
        Command::Set { id, status } => set(ctx, id, status, out),
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
        Command::Rollover { new_year, dry_run } => rollover::run(ctx, new_year, *dry_run, out),
        Command::Completions { shell } => {
            cli::completions(*shell, out);
            Ok(())
        }
        Command::Man => Ok(cli::man_page(out)?),
    }
}

fn check(path: &Path, out: &mut dyn Write) -> Outcome {
    let plan = storage::load(path)?;
    writeln!(
        out,
        "{}: {} themes, {} sub-themes, {} projects",
        path.display(),
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
        serde_json::to_writer_pretty(&mut *out, &items).map_err(|e| Failure(e.to_string()))?;
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
            "{status:<width$}  {theme} › {subtheme} › {}  [{}]",
            p.title, p.id
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
        serde_json::to_writer_pretty(&mut *out, &value).map_err(|e| Failure(e.to_string()))?;
        writeln!(out)?;
        return Ok(());
    }
    let t = ctx.lang.tr();
    let lang = ctx.lang;
    let mut s = String::new();
    writeln!(s, "{}", p.title).ok();
    writeln!(s, "  id:      {}", p.id).ok();
    writeln!(
        s,
        "  {}:   {} › {}",
        t.theme.to_lowercase(),
        theme.name,
        sub.name
    )
    .ok();
    let dash = |v: &str| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.to_string()
        }
    };
    writeln!(
        s,
        "  {:<8} {}",
        format!("{}:", t.owner.to_lowercase()),
        dash(&p.owner)
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
        for line in p.details.lines() {
            writeln!(s, "    {line}").ok();
        }
    }
    if !p.history.is_empty() {
        writeln!(s, "\n  {}:", t.history.to_lowercase()).ok();
        for h in &p.history {
            writeln!(
                s,
                "    {}  {}  {}: {} → {}",
                h.at,
                h.by,
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

fn set(ctx: &Context, id: &str, status: &str, out: &mut dyn Write) -> Outcome {
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
        return Ok(());
    }
    edit::apply(&mut plan, &edit);
    let report = store.sync(&mut plan, std::slice::from_ref(&edit))?;
    let from = match &edit.before {
        Value::Status(s) => lang.status_or_none(*s),
        Value::Text(_) => unreachable!("status edit"),
    };
    writeln!(
        out,
        "{project_id}: {year} {from} → {} (saved)",
        lang.status(status)
    )?;
    for c in &report.conflicts {
        writeln!(
            io::stderr(),
            "aoplan: note: {} had been changed meanwhile to {}; set to {} anyway",
            c.project,
            c.theirs.describe(),
            c.ours.describe()
        )?;
    }
    if !report.missing.is_empty() {
        return Err(Failure(format!(
            "{project_id} was removed from the file by someone else meanwhile; nothing was changed"
        )));
    }
    Ok(())
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
        plan.fund,
        plan.title,
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
            theme.name,
            tp.done(),
            tp.total(),
            lang.tr().done_word
        )?;
    }
    Ok(())
}
