//! `aoplan list`: every project that passes the filters, in plan order, over
//! [`crate::search`]'s listing: the same filters as `find`'s `status:`,
//! `eigenaar:`, `jaar:` and `focus`, and a theme and a date besides.
//!
//! Text: under each "theme › sub-theme" its projects, two lines each (status
//! and title; id and owner), so that it reads at 80 columns. JSON: an array of
//! projects in the shape of `docs/json.md`. Nothing found is exit status 1 in
//! both forms.

use std::io::Write;

use serde::Serialize;

use super::{Failure, Invocation, Outcome};
use crate::cli::ListArgs;
use crate::dates;
use crate::plan::json::ProjectJson;
use crate::plan::{Plan, Status};
use crate::report::Scope as ReportScope;
use crate::search::{Listed, Query, Scope, SearchIndex};
use crate::terminal_safe::{self, line};
use crate::timestamp::Timestamp;

/// A listed project in JSON: its shape, and when it last changed.
#[derive(Serialize)]
struct ListedJson<'a> {
    #[serde(flatten)]
    project: ProjectJson<'a>,
    /// UTC, RFC 3339; `null` when no change is recorded.
    changed: Option<String>,
}

pub(super) fn run(ctx: &Invocation, args: &ListArgs, out: &mut dyn Write) -> Outcome {
    let (_, plan) = ctx.open()?;
    let year = ctx.year(&plan);
    let mut query = Query::parse("", year);
    for status in &args.status {
        query.add_filter("status", status);
    }
    if let Some(owner) = &args.owner {
        query.add_filter("owner", owner);
    }
    if args.focus {
        query.add_filter("focus", "");
    }
    if !query.problems().is_empty() {
        let problems: Vec<String> = (query.problems().iter())
            .map(|p| p.text(ctx.lang))
            .collect();
        return Err(Failure(problems.join("; ")));
    }
    let scope = Scope {
        theme: args
            .theme
            .as_deref()
            .map(|id| theme_index(ctx, &plan, year, id))
            .transpose()?,
        changed_since: (args.changed_since.as_deref())
            .map(|text| since(ctx, text))
            .transpose()?,
    };
    let mut listed = SearchIndex::build(&plan).list(&plan, &query, &scope);
    let found = listed.len();
    if args.limit > 0 {
        listed.truncate(args.limit);
    }
    if args.json {
        let items: Vec<ListedJson> = (listed.iter())
            .filter_map(|l| {
                Some(ListedJson {
                    project: ProjectJson::at(&plan, l.loc, year)?,
                    changed: l.changed.map(|at| at.to_string()),
                })
            })
            .collect();
        terminal_safe::json::to_writer_pretty(&mut *out, &items)
            .map_err(|e| Failure(e.to_string()))?;
        writeln!(out)?;
    } else if !listed.is_empty() {
        text(ctx, (&plan, year), (&listed, found), out)?;
    }
    if listed.is_empty() {
        return Err(Failure(ctx.lang.nothing_listed().to_string()));
    }
    Ok(())
}

/// The index of the theme `id`; an unknown id is an error with close ones.
fn theme_index(ctx: &Invocation, plan: &Plan, year: u16, id: &str) -> Result<usize, Failure> {
    super::reports::report_of(ctx, plan, year, ReportScope::new(Some(id), false))?;
    Ok((plan.themes.iter().position(|t| t.id == id)).expect("the report found it"))
}

/// The start of `--changed-since`, read as `changes --since` reads it.
fn since(ctx: &Invocation, text: &str) -> Result<Timestamp, Failure> {
    dates::parse_moment(text, Timestamp::now(), &ctx.zone)
        .map(|moment| moment.start())
        .map_err(|e| {
            Failure(
                ctx.lang
                    .bad_date("--changed-since", &ctx.lang.date_error(&e)),
            )
        })
}

/// The listed projects under their theme and sub-theme, and how many of
/// those `found`.
fn text(
    ctx: &Invocation,
    (plan, year): (&Plan, u16),
    (listed, found): (&[Listed], usize),
    out: &mut dyn Write,
) -> Outcome {
    let lang = ctx.lang;
    let width = (Status::ALL.iter())
        .map(|s| lang.status(*s).chars().count())
        .max()
        .unwrap_or(10);
    let mut group = None;
    for l in listed {
        let Some(p) = plan.project(l.loc) else {
            continue;
        };
        let theme = &plan.themes[l.loc.theme];
        let sub = &theme.subthemes[l.loc.subtheme];
        if group != Some((l.loc.theme, l.loc.subtheme)) {
            if group.is_some() {
                writeln!(out)?;
            }
            group = Some((l.loc.theme, l.loc.subtheme));
            let star = if theme.focus { " ★" } else { "" };
            writeln!(out, "{}{star} › {}", line(&theme.name), line(&sub.name))?;
        }
        let status = lang.status_or_none(p.status_in(year));
        writeln!(out, "  {status:<width$}  {}", line(&p.title))?;
        let mut second = line(&p.id).into_owned();
        if !p.owner.is_empty() {
            second = format!("{second} · {}", line(&p.owner));
        }
        writeln!(out, "  {:width$}  {second}", "")?;
    }
    writeln!(out, "\n{}", lang.listed_total(listed.len(), found))?;
    Ok(())
}
