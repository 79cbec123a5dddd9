//! `aoplan edit ID …` (texts and the focus flag of one item) and `aoplan plan`
//! (the plan's fund, title and year: shown, or set).

use std::io::Write;

use serde_json::{Value, json};

use super::add::kind_json;
use super::planning::{check_text, commit, fail, live_kind, short, write_json};
use super::{Done, Failure, Invocation, Outcome};
use crate::cli::{EditArgs, Mode, PlanArgs};
use crate::edit::{Change, TextField};
use crate::i18n::{Lang, Planning};
use crate::plan::{Kind, Plan};
use crate::terminal_safe::line;

/// One requested change, before it is made against the plan.
enum Wanted<'a> {
    Text(TextField, &'a str),
    Focus(bool),
}

pub(super) fn edit(
    ctx: &Invocation,
    args: &EditArgs,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let (mut store, mut plan) = ctx.open()?;
    let lang = ctx.lang;
    let id = args.id.as_str();
    let kind = live_kind(&plan, lang, id)?;
    let mut changes = Vec::new();
    for wanted in requested(args, kind, lang)? {
        let change = match wanted {
            Wanted::Text(field, to) => Change::text(&plan, field, to.to_string()),
            Wanted::Focus(to) => Change::focus(&plan, id, to),
        };
        // The item is live: every change finds it.
        changes.extend(change.filter(|c| !c.is_noop()));
    }
    save(
        ctx,
        &mut store,
        &mut plan,
        changes,
        args.mode,
        id,
        kind_json(kind),
        out,
    )
}

/// The changes `args` asks for, checked against the item's kind.
fn requested(args: &EditArgs, kind: Kind, lang: Lang) -> Result<Vec<Wanted<'_>>, Failure> {
    let id = &args.id;
    let texts = [
        ("--title", &args.title),
        ("--details", &args.details),
        ("--owner", &args.owner),
        ("--notes", &args.notes),
        ("--name", &args.name),
        ("--intro", &args.intro),
    ];
    let mut wanted = Vec::new();
    for (option, value) in texts {
        let Some(value) = value else { continue };
        let field = text_field(option, kind, id)
            .ok_or_else(|| fail(lang, Planning::NotFor { option, id, kind }))?;
        let required = matches!(option, "--title" | "--name");
        check_text(lang, option, value, required, !field.is_multiline())?;
        wanted.push(Wanted::Text(field, value));
    }
    for (option, on) in [("--focus", args.focus), ("--no-focus", args.no_focus)] {
        if !on {
            continue;
        }
        if kind != Kind::Theme {
            return Err(fail(lang, Planning::NotFor { option, id, kind }));
        }
        wanted.push(Wanted::Focus(option == "--focus"));
    }
    Ok(wanted)
}

/// The field `option` sets on an item of `kind`, if it has one.
fn text_field(option: &str, kind: Kind, id: &str) -> Option<TextField> {
    let id = id.to_string();
    Some(match (kind, option) {
        (Kind::Project, "--title") => TextField::Title(id),
        (Kind::Project, "--details") => TextField::Details(id),
        (Kind::Project, "--owner") => TextField::Owner(id),
        (Kind::Project, "--notes") => TextField::Notes(id),
        (Kind::Subtheme, "--name") => TextField::SubthemeName(id),
        (Kind::Subtheme, "--intro") => TextField::SubthemeIntro(id),
        (Kind::Theme, "--name") => TextField::ThemeName(id),
        (Kind::Theme, "--intro") => TextField::ThemeIntro(id),
        _ => return None,
    })
}

pub(super) fn plan(
    ctx: &Invocation,
    args: &PlanArgs,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let (mut store, mut plan) = ctx.open()?;
    let lang = ctx.lang;
    if args.fund.is_none() && args.title.is_none() && ctx.year.is_none() {
        return show(&plan, lang, args.mode.json, out).map(|()| Done::Nothing);
    }
    let mut changes = Vec::new();
    for (option, value, field) in [
        ("--fund", &args.fund, TextField::PlanFund),
        ("--title", &args.title, TextField::PlanTitle),
    ] {
        if let Some(value) = value {
            check_text(lang, option, value, true, true)?;
            changes.extend(Change::text(&plan, field, value.clone()));
        }
    }
    if let Some(year) = ctx.year {
        changes.push(Change::plan_year(&plan, year));
    }
    changes.retain(|c| !c.is_noop());
    save(
        ctx, &mut store, &mut plan, changes, args.mode, "plan", "plan", out,
    )
}

/// Saves the field changes of one item and says what changed, one line each.
#[allow(clippy::too_many_arguments, reason = "one call per command, all named")]
fn save(
    ctx: &Invocation,
    store: &mut crate::storage::Store,
    plan: &mut Plan,
    changes: Vec<Change>,
    mode: Mode,
    id: &str,
    kind: &str,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let lang = ctx.lang;
    if changes.is_empty() {
        if mode.json {
            let doc = json!({"id": id, "kind": kind, "changes": [], "saved": false});
            return write_json(out, &doc).map(|()| Done::Nothing);
        }
        writeln!(
            out,
            "{}",
            lang.planning(&Planning::Unchanged { id: &line(id) })
        )?;
        return Ok(Done::Nothing);
    }
    let rows: Vec<(&str, Value, Value)> = changes.iter().map(|c| row(lang, c)).collect();
    let what: Vec<String> = (rows.iter())
        .map(|(label, from, to)| {
            format!(
                "{}: {label} {} → {}",
                line(id),
                shown(lang, from),
                shown(lang, to)
            )
        })
        .collect();
    let json_rows: Vec<Value> = (changes.iter().zip(&rows))
        .map(|(c, (_, from, to))| json!({"field": field_json(c), "from": from, "to": to}))
        .collect();
    commit(ctx, store, plan, changes, mode.dry_run, None)?;
    let written = if mode.json {
        let doc = json!({"id": id, "kind": kind, "changes": json_rows, "saved": !mode.dry_run});
        write_json(out, &doc)
    } else {
        let suffix = lang.saved_suffix(mode.dry_run);
        (what.iter())
            .try_for_each(|w| writeln!(out, "{w}{suffix}"))
            .map_err(Failure::from)
    };
    if mode.dry_run {
        return written.map(|()| Done::Nothing);
    }
    Ok(Done::Saved(what.join("; ")))
}

/// A change's field label and its values before and after, as JSON values.
fn row(lang: Lang, change: &Change) -> (&'static str, Value, Value) {
    let t = lang.planning_words();
    match change {
        Change::Text { field, from, to } => (label(lang, field), json!(from), json!(to)),
        Change::Focus { from, to, .. } => (t.focus, json!(from), json!(to)),
        Change::PlanYear { from, to } => (t.year, json!(from), json!(to)),
        _ => ("", Value::Null, Value::Null),
    }
}

/// A value in a confirmation line: texts quoted and shortened, a flag as yes
/// or no, a year as it is.
fn shown(lang: Lang, value: &Value) -> String {
    let t = lang.planning_words();
    match value {
        Value::String(s) => short(s),
        Value::Bool(b) => (if *b { t.yes } else { t.no }).to_string(),
        other => other.to_string(),
    }
}

fn label(lang: Lang, field: &TextField) -> &'static str {
    let t = lang.planning_words();
    match field {
        TextField::Title(_) | TextField::PlanTitle => t.title,
        TextField::Details(_) => t.details,
        TextField::Owner(_) => t.owner,
        TextField::Notes(_) => t.notes,
        TextField::SubthemeName(_) | TextField::ThemeName(_) => t.name,
        TextField::SubthemeIntro(_) | TextField::ThemeIntro(_) => t.intro,
        TextField::PlanFund => t.fund,
    }
}

/// The field's name in JSON: the option's name without dashes.
fn field_json(change: &Change) -> &'static str {
    match change {
        Change::Text { field, .. } => match field {
            TextField::Title(_) | TextField::PlanTitle => "title",
            TextField::Details(_) => "details",
            TextField::Owner(_) => "owner",
            TextField::Notes(_) => "notes",
            TextField::SubthemeName(_) | TextField::ThemeName(_) => "name",
            TextField::SubthemeIntro(_) | TextField::ThemeIntro(_) => "intro",
            TextField::PlanFund => "fund",
        },
        Change::Focus { .. } => "focus",
        _ => "year",
    }
}

/// `aoplan plan` without options: the plan's own fields and its size.
fn show(plan: &Plan, lang: Lang, as_json: bool, out: &mut dyn Write) -> Outcome {
    let archived = plan.archive.len();
    if as_json {
        let doc = json!({
            "fund": plan.fund,
            "title": plan.title,
            "year": plan.year,
            "years": plan.years(),
            "themes": plan.themes.len(),
            "subthemes": plan.subtheme_count(),
            "projects": plan.project_count(),
            "archived": archived,
        });
        return write_json(out, &doc);
    }
    let (t, tr) = (lang.planning_words(), lang.tr());
    let rows = [
        (t.fund, line(&plan.fund).into_owned()),
        (t.title, line(&plan.title).into_owned()),
        (t.year, plan.year.to_string()),
        (
            t.counts,
            format!(
                "{} {}, {} {}, {}; {archived} {}",
                plan.themes.len(),
                tr.themes.to_lowercase(),
                plan.subtheme_count(),
                tr.subthemes.to_lowercase(),
                lang.projects_count(plan.project_count()),
                t.archived
            ),
        ),
    ];
    writeln!(out, "{} — {}", line(&plan.fund), line(&plan.title))?;
    for (label, value) in rows {
        writeln!(out, "  {:<10} {value}", format!("{label}:"))?;
    }
    Ok(())
}
