//! The non-interactive commands: each parses nothing itself (that is
//! [`crate::cli`]), opens the plan, calls a pure core and prints the result.
//!
//! - [`find`]: `find`, over [`crate::search`]; [`listing`]: `list`, over the
//!   search's listing; [`project`]: `show` of a
//!   project, and `set`
//! - [`reports`]: `report`, over [`crate::report`], and its `--as-of`,
//!   `--compare` and `--by`, over [`crate::as_of`]
//! - [`rollover`]: `rollover`, over [`crate::rollover`]
//! - [`start`]: `new` and `import`; [`export`]: `export`, over [`crate::outline`]
//! - the planning commands, which shape the plan itself and save the way `set`
//!   does ([`planning`]): [`add`], [`plan_edit`] (`edit` and `plan`),
//!   [`arrange`] (`move`, `rm`, `restore`), [`show_item`] (`show` of sub-themes,
//!   themes and the archive) and [`changes`] (`changes` of every kind, rendered
//!   by [`changes_render`] and [`changes_json`])
//! - [`merge_driver`]: `merge-driver` and `git-setup`, over [`crate::edit::merge3`];
//!   [`conflicts`]: `conflicts`, the open conflicts a merge left, and their `keep` and `take`
//!
//! `check`, `path` and the plain summary are here.

mod add;
mod arrange;
mod changes;
mod changes_json;
mod changes_net;
mod changes_render;
mod conflicts;
mod export;
mod find;
mod listing;
mod merge_driver;
mod plan_edit;
mod planning;
mod project;
mod reports;
pub mod rollover;
mod show_item;
mod start;

use std::io::Write;
use std::path::PathBuf;

use crate::cli::{self, Command};
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::report::{Csv, Scope};
use crate::storage::{self, LoadError, Store};
use crate::terminal_safe::line;

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

/// What every command needs to know: the plan file and the global options.
pub struct Invocation {
    pub path: PathBuf,
    pub lang: Lang,
    pub year: Option<u16>,
    pub read_only: bool,
    /// The time zone times are shown in and dates are read in, looked up once
    /// ([`crate::platform::local_zone`]).
    pub zone: jiff::tz::TimeZone,
}

impl Invocation {
    pub(crate) fn open(&self) -> Result<(Store, Plan), Failure> {
        let (mut store, plan) = Store::open(&self.path).map_err(|e| self.load_failure(e))?;
        if self.read_only {
            store.force_read_only();
        }
        Ok((store, plan))
    }

    /// Why the plan did not load; a missing plan says how to point at one.
    fn load_failure(&self, e: LoadError) -> Failure {
        match e {
            LoadError::NotFound(path) => Failure(self.lang.no_plan(&path.display().to_string())),
            e => Failure(self.lang.file_fault(&e.fault())),
        }
    }

    /// Why a save did not happen, in this invocation's language.
    /// Saves like [`Store::sync`], saying on stderr as soon as the save has to
    /// wait for another writer's lock; see [`sync_telling`].
    pub(crate) fn sync(
        &self,
        store: &mut Store,
        plan: &mut Plan,
        edits: &[crate::edit::Edit],
    ) -> Result<storage::SyncReport, storage::SaveError> {
        sync_telling(store, plan, edits, self.lang, &self.zone)
    }

    pub(crate) fn not_saved(&self, e: storage::SaveError) -> Failure {
        Failure(self.lang.not_saved(&e.failure(), &self.zone))
    }

    /// Tells on stderr that a save dropped the comments the file had.
    pub(crate) fn note_dropped_comments(&self, store: &Store, report: &storage::SyncReport) {
        if let Some(at) = store.first_comment().filter(|_| report.wrote) {
            let note = self
                .lang
                .comments_were_dropped(&self.path.display().to_string(), at);
            let _ = writeln!(std::io::stderr(), "aoplan: {note}");
        }
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
pub fn run(ctx: &Invocation, command: &Command, out: &mut dyn Write) -> Result<Done, Failure> {
    let outcome = match command {
        Command::Check => check(ctx, out),
        Command::Init => return start::init(ctx, out),
        Command::Path => {
            writeln!(out, "{}", line(&ctx.path.display().to_string())).map_err(Failure::from)
        }
        Command::Find { query, json, limit } => {
            find::run(ctx, &query.join(" "), *json, *limit, out)
        }
        Command::List(args) => listing::run(ctx, args, out),
        Command::Show {
            id, json, as_of, ..
        } => show_item::run(ctx, id.as_deref(), *json, as_of.as_deref(), out),
        Command::Set { id, status } => return project::set(ctx, id, status, out),
        Command::Report {
            format,
            theme,
            focus,
            as_of,
            compare,
            by,
            delimiter,
        } => {
            let scope = Scope::new(theme.as_deref(), *focus);
            let csv = Csv::new(ctx.lang, *delimiter);
            match (as_of, compare, by, format.plain()) {
                (Some(date), _, _, Some(plain)) => {
                    reports::as_of(ctx, (plain, csv), scope, date, out)
                }
                (_, Some(dates), _, _) => reports::compare(ctx, (*format, csv), scope, dates, out),
                (_, _, Some(period), Some(plain)) => {
                    reports::by(ctx, (plain, csv), scope, *period, out)
                }
                (Some(_), _, _, None) | (_, _, Some(_), None) => {
                    Err(Failure(ctx.lang.board_pack_only_now_or_compare()))
                }
                _ => reports::report(ctx, (*format, csv), scope, out),
            }
        }
        Command::Changes {
            since,
            until,
            kind,
            all,
            delimiter,
            format,
        } => {
            let format = (*format, Csv::new(ctx.lang, *delimiter));
            changes::run(ctx, (since, until.as_deref()), kind, *all, format, out)
        }
        Command::Rollover { new_year, dry_run } => {
            return rollover::run(ctx, new_year, *dry_run, out);
        }
        Command::Add(what) => return add::run(ctx, what, out),
        Command::Edit(args) => return plan_edit::edit(ctx, args, out),
        Command::Move(args) => return arrange::move_item(ctx, args, out),
        Command::Rm(args) => return arrange::remove(ctx, args, out),
        Command::Restore(args) => return arrange::restore(ctx, args, out),
        Command::Plan(args) => return plan_edit::plan(ctx, args, out),
        Command::Completions { shell } => {
            cli::completions(*shell, ctx.lang, out).map_err(Failure::from)
        }
        Command::Man => cli::man_page(out).map_err(Failure::from),
        Command::New { start } => return start::new(ctx, start, out),
        Command::Import { outline, start } => {
            return start::import(ctx, outline, start, out);
        }
        Command::Export { format } => export::export(ctx, *format, out),
        Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        } => merge_driver::merge_driver(ctx, base, ours, theirs, path.as_deref(), out),
        Command::GitSetup => merge_driver::git_setup(ctx, out),
        Command::Conflicts(args) => return conflicts::run(ctx, args, out),
    };
    outcome.map(|()| Done::Nothing)
}

fn check(ctx: &Invocation, out: &mut dyn Write) -> Outcome {
    let path = &ctx.path;
    let (store, plan) = Store::open(path).map_err(|e| ctx.load_failure(e))?;
    if let Some(at) = store.first_comment() {
        // A warning, not a problem: the plan is good, and stdout stays the summary.
        let warning = ctx.lang.comments_dropped(&path.display().to_string(), at);
        let _ = writeln!(std::io::stderr(), "aoplan: {warning}");
    }
    let said = ctx.lang.check_summary(
        &path.display().to_string(),
        plan.themes.len(),
        plan.subtheme_count(),
        plan.project_count(),
    );
    writeln!(out, "{said}")?;
    Ok(())
}

/// A plain summary of the plan: what `aoplan` prints when stdout is not a terminal.
pub fn summary(ctx: &Invocation, out: &mut dyn Write) -> Outcome {
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

/// Saves like [`Store::sync`]; if another writer holds the lock, says so on
/// stderr at once, in one line naming the holder and the plan, so that a
/// command that waits is never silent. (A changed holder is not said again.)
pub(crate) fn sync_telling(
    store: &mut Store,
    plan: &mut Plan,
    edits: &[crate::edit::Edit],
    lang: Lang,
    zone: &jiff::tz::TimeZone,
) -> Result<storage::SyncReport, storage::SaveError> {
    let shown = store.path.display().to_string();
    let most = storage::lock_timeout();
    let mut told = false;
    store.sync_observed(plan, edits, &mut |holder| {
        if !std::mem::replace(&mut told, true) {
            let said = lang.waiting_to_save(holder, &shown, most, zone);
            let said = line(&said);
            let _ = writeln!(std::io::stderr(), "aoplan: {said}");
        }
    })
}
