//! `aoplan new` and `aoplan import`: start a plan file, empty or from a
//! Markdown outline ([`crate::outline`]). Neither ever replaces a file: the
//! plan is created exclusively ([`storage::create_new`]), so a file a colleague
//! creates meanwhile is left alone too.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use serde_json::json;

use super::{Done, Failure, Invocation};
use crate::cli::StartArgs;
use crate::codec;
use crate::i18n::NewPlan;
use crate::outline::{self, ErrorKind, MAX_OUTLINE_BYTES, OutlineError};
use crate::plan::{Plan, Theme};
use crate::storage;
use crate::terminal_safe::{self, line};

/// `aoplan init`: the bundled plan at the plan path, unless a file is there.
pub(super) fn init(ctx: &Invocation, out: &mut dyn Write) -> Result<Done, Failure> {
    let path = ctx.path.display().to_string();
    if ctx.read_only {
        return Err(Failure(ctx.lang.read_only_creates_nothing().into()));
    }
    let created = storage::install_bundled(&ctx.path)
        .map_err(|e| Failure(format!("{path}: {}", ctx.lang.io_reason(&e))))?;
    let said = ctx.lang.bundled_installed(&path, created);
    writeln!(out, "{said}").map_err(Failure::from)?;
    Ok(if created {
        Done::Saved(said)
    } else {
        Done::Nothing
    })
}

/// `aoplan new`: an empty plan.
pub(super) fn new(
    ctx: &Invocation,
    start: &StartArgs,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let year = year(ctx)?;
    refuse_existing(ctx)?;
    create(ctx, start, plan(start, year, Vec::new()), out)
}

/// `aoplan import OUTLINE`: a plan from an outline (`-` reads standard input).
pub(super) fn import(
    ctx: &Invocation,
    source: &Path,
    start: &StartArgs,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let year = year(ctx)?;
    refuse_existing(ctx)?;
    let bytes = read_outline(ctx, source)?;
    let themes =
        outline::parse_bytes(&bytes, year).map_err(|e| bad_outline(ctx, source, &bytes, &e))?;
    create(ctx, start, plan(start, year, themes), out)
}

/// `OUTLINE:LINE:COL: message`, in the user's language.
fn outline_error(ctx: &Invocation, source: &Path, e: &OutlineError) -> String {
    let what = ctx.lang.outline_error(&e.kind);
    format!("{}:{}:{}: {what}", shown(ctx, source), e.line, e.col)
}

/// [`outline_error`] and the line with a caret under the column.
fn bad_outline(ctx: &Invocation, source: &Path, bytes: &[u8], e: &OutlineError) -> Failure {
    let message = outline_error(ctx, source, e);
    if matches!(e.kind, ErrorKind::TooLarge(_)) {
        return Failure(message);
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let excerpt = codec::excerpt(text, e.line, e.col);
    if excerpt.is_empty() {
        Failure(message)
    } else {
        Failure(format!("{message}\n{excerpt}"))
    }
}

fn plan(start: &StartArgs, year: u16, themes: Vec<Theme>) -> Plan {
    Plan::new(start.fund.clone(), start.title.clone(), year, themes)
}

/// The new plan's year: the global `--year`, which the command line requires.
fn year(ctx: &Invocation) -> Result<u16, Failure> {
    ctx.year
        .ok_or_else(|| Failure(ctx.lang.new_plan_needs_year().into()))
}

fn shown(ctx: &Invocation, path: &Path) -> String {
    if path == Path::new("-") {
        ctx.lang.standard_input().into()
    } else {
        path.display().to_string()
    }
}

/// Says so at once when the plan file is there (creating checks again).
fn refuse_existing(ctx: &Invocation) -> Result<(), Failure> {
    if std::fs::symlink_metadata(&ctx.path).is_ok() {
        return Err(Failure(ctx.lang.plan_exists(&shown(ctx, &ctx.path))));
    }
    Ok(())
}

/// Reads at most [`MAX_OUTLINE_BYTES`] and one byte more, so that a huge file
/// or an endless stream is refused rather than read.
fn read_outline(ctx: &Invocation, source: &Path) -> Result<Vec<u8>, Failure> {
    let fail = |e: io::Error| {
        Failure(format!(
            "{}: {}",
            shown(ctx, source),
            ctx.lang.io_reason(&e)
        ))
    };
    let limit = MAX_OUTLINE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if source == Path::new("-") {
        io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(fail)?;
        return Ok(bytes);
    }
    let file = File::open(source).map_err(fail)?;
    let meta = file.metadata().map_err(fail)?;
    if meta.is_dir() {
        return Err(Failure(ctx.lang.outline_is_directory(&shown(ctx, source))));
    }
    if meta.is_file() && meta.len() >= limit {
        let e = OutlineError {
            line: 1,
            col: 1,
            kind: ErrorKind::TooLarge(usize::try_from(meta.len()).unwrap_or(usize::MAX)),
        };
        return Err(Failure(outline_error(ctx, source, &e)));
    }
    file.take(limit).read_to_end(&mut bytes).map_err(fail)?;
    Ok(bytes)
}

/// Checks the plan, creates its file (unless a dry run) and says so.
fn create(
    ctx: &Invocation,
    start: &StartArgs,
    plan: Plan,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let problems = plan.validate();
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| ctx.lang.problem(p)).collect();
        return Err(Failure(ctx.lang.no_plan_created(&list.join("; "))));
    }
    if ctx.read_only && !start.dry_run {
        return Err(Failure(ctx.lang.read_only_creates_nothing().into()));
    }
    let path = shown(ctx, &ctx.path);
    if !start.dry_run {
        if storage::default_path().as_deref() == Some(ctx.path.as_path())
            && let Some(dir) = ctx.path.parent()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| Failure(ctx.lang.cannot_create(&path, &ctx.lang.io_reason(&e))))?;
        }
        storage::create_new(&ctx.path, codec::to_ron(&plan).as_bytes()).map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                Failure(ctx.lang.plan_exists(&path))
            } else {
                Failure(ctx.lang.cannot_create(&path, &ctx.lang.io_reason(&e)))
            }
        })?;
    }
    let summary = NewPlan {
        path: &line(&path),
        title: &line(&plan.title),
        fund: &line(&plan.fund),
        year: plan.year,
        themes: plan.themes.len(),
        subthemes: plan.subtheme_count(),
        projects: plan.project_count(),
    };
    let message = ctx.lang.plan_created(&summary, start.dry_run);
    let written = if start.json {
        let value = json!({
            "path": path,
            "created": !start.dry_run,
            "fund": plan.fund,
            "title": plan.title,
            "year": plan.year,
            "themes": summary.themes,
            "subthemes": summary.subthemes,
            "projects": summary.projects,
        });
        terminal_safe::json::to_writer_pretty(&mut *out, &value)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        writeln!(out, "{message}")
    };
    if start.dry_run {
        written.map_err(Failure::from)?;
        return Ok(Done::Nothing);
    }
    // Created: a failed write is the output's failure (noticed by the
    // caller's writer), never the command's.
    Ok(Done::Saved(message))
}
