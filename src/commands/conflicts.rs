//! `aoplan conflicts`: the open conflicts a git merge left in the plan,
//! listed as text or JSON, and settled: `keep` closes them, `take` sets the
//! other value as an ordinary change and closes them, both saved the way
//! `aoplan set` saves (see [`super::planning::commit`]).

use std::io::Write;

use serde_json::{Value, json};

use super::add::kind_json;
use super::planning::{commit, place_json, short, write_json};
use super::{Done, Failure, Invocation, Outcome};
use crate::cli::{ConflictsArgs, Settle, Which};
use crate::edit::{Change, Shown, Taking, shown, take};
use crate::i18n::Lang;
use crate::plan::{ConflictField, OpenConflict, Plan};
use crate::terminal_safe::line;
use crate::text::similar;

pub(super) fn run(
    ctx: &Invocation,
    args: &ConflictsArgs,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    match &args.settle {
        None => list(ctx, args.json, out).map(|()| Done::Nothing),
        Some(Settle::Keep(which)) => settle(ctx, which, false, out),
        Some(Settle::Take(which)) => settle(ctx, which, true, out),
    }
}

fn list(ctx: &Invocation, as_json: bool, out: &mut dyn Write) -> Outcome {
    let (_, plan) = ctx.open()?;
    let lang = ctx.lang;
    if as_json {
        let items = (plan.conflicts.iter().enumerate())
            .map(|(i, c)| conflict_json(&plan, i + 1, c))
            .collect();
        return write_json(out, &Value::Array(items));
    }
    let t = lang.conflicts();
    if plan.conflicts.is_empty() {
        writeln!(out, "{}", t.none)?;
        return Ok(());
    }
    writeln!(out, "{}:", lang.open_conflicts(plan.conflicts.len()))?;
    let labels = [t.kept, t.other, t.key];
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
    for (i, c) in plan.conflicts.iter().enumerate() {
        let (kept, other) = shown(&c.field);
        let path = line(&lang.conflict_path(&plan, c)).into_owned();
        let field = lang.conflict_field_name(&plan, c);
        let by = lang.conflict_by(&line(&c.by), &lang.date_time(c.at, &ctx.zone));
        writeln!(out, "{}. {path} — {field}", i + 1)?;
        let rows = [
            (t.kept, value(lang, kept)),
            (t.other, format!("{} ({by})", value(lang, other))),
            (t.key, line(&c.key()).into_owned()),
        ];
        for (label, text) in rows {
            writeln!(out, "   {:<width$} {text}", format!("{label}:"))?;
        }
    }
    Ok(())
}

/// `keep` (`taking` false) or `take`: the chosen conflicts settled in one save.
fn settle(
    ctx: &Invocation,
    which: &Which,
    taking: bool,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let (mut store, mut plan) = ctx.open()?;
    let lang = ctx.lang;
    let chosen = pick(&plan, lang, which)?;
    let mut changes = Vec::new();
    let (mut lines, mut rows) = (Vec::new(), Vec::new());
    for (number, c) in chosen {
        let key = line(&c.key()).into_owned();
        let (_, other) = shown(&c.field);
        let other_text = value(lang, other);
        let now = now_text(lang, &plan, &c);
        if taking {
            match take(&plan, &c) {
                Taking::Change(change) => changes.push(change),
                Taking::Already => {}
                Taking::Impossible => return Err(Failure(lang.conflict_cannot_take(&key))),
            }
        }
        let settled = Change::settle(&plan, &c)
            .ok_or_else(|| Failure(format!("{key}: {}", lang.conflicts().item_gone)))?;
        changes.push(settled);
        lines.push(if taking {
            lang.conflict_taken(&key, &now, &other_text)
        } else {
            lang.conflict_kept(&key, &now, &other_text)
        });
        rows.push(conflict_json(&plan, number, &c));
    }
    let dry_run = which.mode.dry_run;
    let action = if taking { "take" } else { "keep" };
    if changes.is_empty() {
        if which.mode.json {
            let doc = json!({"action": action, "conflicts": [], "saved": false});
            return write_json(out, &doc).map(|()| Done::Nothing);
        }
        writeln!(out, "{}", lang.conflicts().none)?;
        return Ok(Done::Nothing);
    }
    commit(ctx, &mut store, &mut plan, changes, dry_run, None)?;
    let written = if which.mode.json {
        let doc = json!({"action": action, "conflicts": rows, "saved": !dry_run});
        write_json(out, &doc)
    } else {
        let suffix = lang.saved_suffix(dry_run);
        (lines.iter())
            .try_for_each(|l| writeln!(out, "{l}{suffix}"))
            .map_err(Failure::from)
    };
    if dry_run {
        return written.map(|()| Done::Nothing);
    }
    Ok(Done::Saved(lines.join("; ")))
}

/// The value the conflict's field holds in the plan now, in words.
fn now_text(lang: Lang, plan: &Plan, c: &OpenConflict) -> String {
    let (kept, other) = shown(&c.field);
    match take(plan, c) {
        Taking::Change(change) => value(lang, change.from()),
        Taking::Already => value(lang, other),
        Taking::Impossible => value(lang, kept),
    }
}

/// The conflicts `which` names, each once, in the order given (all of them,
/// in list order, for `--all`), with their numbers in the list.
fn pick(plan: &Plan, lang: Lang, which: &Which) -> Result<Vec<(usize, OpenConflict)>, Failure> {
    let all = plan
        .conflicts
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, c)| (i + 1, c));
    if which.all {
        return Ok(all.collect());
    }
    let count = plan.conflicts.len();
    let mut out: Vec<(usize, OpenConflict)> = Vec::new();
    for arg in &which.conflicts {
        let found = match arg.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => n,
            Ok(_) => return Err(Failure(lang.no_conflict_number(&line(arg), count))),
            Err(_) => match plan.conflicts.iter().position(|c| c.key() == *arg) {
                Some(i) => i + 1,
                None => {
                    let keys: Vec<String> = plan.conflicts.iter().map(OpenConflict::key).collect();
                    let close = similar(keys.iter().map(String::as_str), arg);
                    let close: Vec<String> = close.iter().map(|k| line(k).into_owned()).collect();
                    let close: Vec<&str> = close.iter().map(String::as_str).collect();
                    return Err(Failure(lang.no_conflict_key(&line(arg), &close)));
                }
            },
        };
        if !out.iter().any(|(n, _)| *n == found) {
            out.push((found, plan.conflicts[found - 1].clone()));
        }
    }
    Ok(out)
}

/// A value for a line of output: texts quoted, on one line and shortened.
fn value(lang: Lang, v: Shown) -> String {
    match v {
        Shown::Text(t) if !t.is_empty() => short(t),
        other => line(&lang.value_text(other)).into_owned(),
    }
}

fn value_json(v: Shown) -> Value {
    match v {
        Shown::Status(s) => json!(s.map(|s| s.file_name())),
        Shown::Text(t) => json!(t),
        Shown::Flag(b) => json!(b),
        Shown::Year(y) => json!(y),
        Shown::Place(p) => p.map_or(Value::Null, place_json),
    }
}

/// The field's name in JSON: `status`, `title`, `notes`, `name`, `focus`, …
fn field_json(field: &ConflictField) -> String {
    match field {
        ConflictField::Status { .. } => "status".into(),
        ConflictField::Text { field, .. } => format!("{field:?}").to_ascii_lowercase(),
        ConflictField::Focus { .. } => "focus".into(),
        ConflictField::Year { .. } => "year".into(),
        ConflictField::Place { .. } => "place".into(),
    }
}

/// One open conflict in JSON, with its number in the list.
fn conflict_json(plan: &Plan, number: usize, c: &OpenConflict) -> Value {
    let (kept, other) = shown(&c.field);
    let id = c.field.id();
    let kind = (plan.kind_of(id).filter(|_| !id.is_empty())).map_or("plan", kind_json);
    let path = if id.is_empty() {
        Vec::new()
    } else {
        plan.kind_of(id)
            .map_or_else(Vec::new, |k| plan.path_of(k, id))
    };
    let mut doc = json!({
        "number": number,
        "key": c.key(),
        "kind": kind,
        "id": id,
        "path": path,
        "field": field_json(&c.field),
        "kept": value_json(kept),
        "other": value_json(other),
        "at": c.at.to_string(),
        "by": c.by,
    });
    if let ConflictField::Status { year, .. } = &c.field {
        doc["year"] = json!(year);
    }
    doc
}
