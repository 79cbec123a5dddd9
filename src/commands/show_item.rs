//! `aoplan show ID` for any item (a project, a sub-theme with its projects, a
//! theme with its sub-themes, an archived item) and `aoplan show --archived`.

use std::fmt::Write as _;
use std::io::Write;

use serde_json::{Value, json};

use super::add::kind_json;
use super::planning::{archived_holder, kind_of, place_json, place_text, unknown, write_json};
use super::{Failure, Invocation, Outcome, project};
use crate::i18n::Lang;
use crate::plan::json::ProjectJson;
use crate::plan::{Archived, Item, Kind, LogEntry, Logged, Plan, Status, Subtheme, Theme};
use crate::terminal_safe::{self, line};

pub(super) fn run(
    ctx: &Invocation,
    id: Option<&str>,
    as_json: bool,
    as_of: Option<&str>,
    out: &mut dyn Write,
) -> Outcome {
    let (_, plan) = ctx.open()?;
    let Some(date) = as_of else {
        return show(ctx, &plan, id, as_json, out);
    };
    let at = super::reports::moment(ctx, "--as-of", date)?;
    let then = crate::as_of::as_of(&plan, at);
    if let Some(id) = id
        && kind_of(&then.plan, id).is_none()
    {
        if then.reach.unknown.iter().any(|u| u == id) {
            return Err(Failure(ctx.lang.unknown_then(id, at, &ctx.zone)));
        }
        if kind_of(&plan, id).is_some() {
            return Err(Failure(ctx.lang.not_there_then(id, at, &ctx.zone)));
        }
    }
    let notes = crate::as_of::notes((ctx.lang, &ctx.zone), at, &then.reach);
    if !as_json {
        writeln!(out, "{}", line(&ctx.lang.as_of_header(at, &ctx.zone)))?;
        for note in &notes {
            writeln!(out, "{}", line(note))?;
        }
        writeln!(out)?;
        return show(ctx, &then.plan, id, as_json, out);
    }
    // The same document, with where the records reach in `as_of`.
    let mut shown = Vec::new();
    show(ctx, &then.plan, id, as_json, &mut shown)?;
    let mut doc: Value = serde_json::from_slice(&shown).map_err(|e| Failure(e.to_string()))?;
    if let Value::Object(fields) = &mut doc {
        fields.insert("as_of".into(), crate::as_of::moment_json(at, &then.reach));
    }
    write_json(out, &doc)
}

/// `aoplan show` of the item `id` (the archive when `None`) in `plan`.
fn show(
    ctx: &Invocation,
    plan: &Plan,
    id: Option<&str>,
    as_json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let Some(id) = id else {
        return archive(ctx, plan, as_json, out);
    };
    let Some(kind) = kind_of(plan, id) else {
        return Err(unknown(plan, ctx.lang, id));
    };
    if let Some(holder) = archived_holder(plan, id) {
        return archived_item(ctx, plan, id, kind, holder, as_json, out);
    }
    match kind {
        Kind::Project => project::show(ctx, plan, id, as_json, out),
        Kind::Subtheme => subtheme(ctx, plan, id, as_json, out),
        Kind::Theme => theme(ctx, plan, id, as_json, out),
    }
}

/// `A.`, `B.`, … `Z.`, then numbers: a sub-theme's letter from its place.
pub(super) fn letter(index: usize) -> String {
    match u8::try_from(index) {
        Ok(i) if i < 26 => format!("{}.", char::from(b'A' + i)),
        _ => format!("{}.", index + 1),
    }
}

/// An indented paragraph under a label, or nothing when the text is empty.
fn paragraph(s: &mut String, label: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    writeln!(s, "\n  {label}:").ok();
    for l in terminal_safe::text(text).lines() {
        writeln!(s, "    {l}").ok();
    }
}

fn subtheme(
    ctx: &Invocation,
    plan: &Plan,
    id: &str,
    as_json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let (lang, year) = (ctx.lang, ctx.year(plan));
    let (theme, index, sub) = (plan.themes.iter())
        .find_map(|t| {
            let i = t.subthemes.iter().position(|s| s.id == id)?;
            Some((t, i, &t.subthemes[i]))
        })
        .ok_or_else(|| unknown(plan, lang, id))?;
    if as_json {
        let doc = json!({
            "kind": "subtheme",
            "id": sub.id,
            "name": sub.name,
            "letter": letter(index).trim_end_matches('.'),
            "intro": sub.intro,
            "theme": {"id": theme.id, "name": theme.name},
            "year": year,
            "projects": projects_json(theme, sub, year),
        });
        return write_json(out, &doc);
    }
    let (t, tr) = (lang.planning_words(), lang.tr());
    let mut s = String::new();
    writeln!(s, "{} {}", letter(index), line(&sub.name)).ok();
    writeln!(s, "  {:<11} {}", "id:", line(&sub.id)).ok();
    let theme_label = format!("{}:", tr.theme.to_lowercase());
    writeln!(
        s,
        "  {theme_label:<11} {} [{}]",
        line(&theme.name),
        line(&theme.id)
    )
    .ok();
    paragraph(&mut s, t.intro, &sub.intro);
    writeln!(s, "\n  {} ({year}):", tr.projects.to_lowercase()).ok();
    if sub.projects.is_empty() {
        writeln!(s, "    —").ok();
    }
    let width = status_width(lang);
    for p in &sub.projects {
        let status = lang.status_or_none(p.status_in(year));
        writeln!(
            s,
            "    {status:<width$}  {} [{}]",
            line(&p.title),
            line(&p.id)
        )
        .ok();
    }
    out.write_all(s.as_bytes())?;
    Ok(())
}

fn projects_json(theme: &Theme, sub: &Subtheme, year: u16) -> Vec<Value> {
    (sub.projects.iter())
        .map(|p| json!(ProjectJson::of(theme, sub, p, year)))
        .collect()
}

fn status_width(lang: Lang) -> usize {
    (Status::ALL.iter())
        .map(|s| lang.status(*s).chars().count())
        .max()
        .unwrap_or(10)
}

fn theme(ctx: &Invocation, plan: &Plan, id: &str, as_json: bool, out: &mut dyn Write) -> Outcome {
    let (lang, year) = (ctx.lang, ctx.year(plan));
    let theme: &Theme =
        (plan.themes.iter().find(|t| t.id == id)).ok_or_else(|| unknown(plan, lang, id))?;
    let progress = theme.progress(year);
    if as_json {
        let subs: Vec<Value> = (theme.subthemes.iter().enumerate())
            .map(|(i, s)| {
                json!({
                    "id": s.id,
                    "name": s.name,
                    "letter": letter(i).trim_end_matches('.'),
                    "projects": s.projects.len(),
                })
            })
            .collect();
        let doc = json!({
            "kind": "theme",
            "id": theme.id,
            "name": theme.name,
            "focus": theme.focus,
            "intro": theme.intro,
            "year": year,
            "projects": progress.total(),
            "done": progress.done(),
            "subthemes": subs,
        });
        return write_json(out, &doc);
    }
    let (t, tr) = (lang.planning_words(), lang.tr());
    let mut s = String::new();
    let star = if theme.focus { "★ " } else { "" };
    writeln!(s, "{star}{}", line(&theme.name)).ok();
    writeln!(s, "  {:<14} {}", "id:", line(&theme.id)).ok();
    let yes_no = if theme.focus { t.yes } else { t.no };
    writeln!(s, "  {:<14} {yes_no}", format!("{}:", t.focus_theme)).ok();
    let size = format!(
        "{} {}, {}; {year}: {}/{} {}",
        theme.subthemes.len(),
        tr.subthemes.to_lowercase(),
        lang.projects_count(progress.total()),
        progress.done(),
        progress.total(),
        tr.done_word
    );
    writeln!(s, "  {:<14} {size}", format!("{}:", t.counts)).ok();
    paragraph(&mut s, t.intro, &theme.intro);
    writeln!(s, "\n  {}:", tr.subthemes.to_lowercase()).ok();
    if theme.subthemes.is_empty() {
        writeln!(s, "    —").ok();
    }
    for (i, sub) in theme.subthemes.iter().enumerate() {
        let count = lang.projects_count(sub.projects.len());
        writeln!(
            s,
            "    {} {} [{}]: {count}",
            letter(i),
            line(&sub.name),
            line(&sub.id)
        )
        .ok();
    }
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// The log entry that archived the item `id` last, if the log has it.
fn archived_by<'p>(plan: &'p Plan, id: &str) -> Option<&'p LogEntry> {
    (plan.log.iter().rev()).find(|e| matches!(&e.change, Logged::Archived { id: a, .. } if a == id))
}

/// An item in the archive, or inside an archived item (`holder`).
fn archived_item(
    ctx: &Invocation,
    plan: &Plan,
    id: &str,
    kind: Kind,
    holder: &Item,
    as_json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let entry: Option<&Archived> = plan.archive.iter().find(|a| a.item.id() == holder.id());
    let from = entry.map(Archived::place).unwrap_or_default();
    let title = super::planning::title_of(plan, kind, id);
    let log = archived_by(plan, holder.id());
    let lang = ctx.lang;
    if as_json {
        let mut doc = json!({
            "kind": kind_json(kind),
            "id": id,
            "title": title,
            "archived": true,
            "inside": (holder.id() != id).then(|| holder.id()),
            "from": place_json(&from),
            "at": log.map(|e| e.at.to_string()),
            "by": log.map(|e| e.by.clone()),
        });
        if holder.id() == id {
            doc["item"] =
                serde_json::to_value(holder).map_err(|e| super::Failure(e.to_string()))?;
        }
        return write_json(out, &doc);
    }
    let t = lang.planning_words();
    let mut s = String::new();
    writeln!(s, "{} ({})", line(title), t.archived).ok();
    writeln!(s, "  {:<18} {}", "id:", line(id)).ok();
    writeln!(
        s,
        "  {:<18} {}",
        format!("{}:", t.kind.to_lowercase()),
        lang.kind_word(kind)
    )
    .ok();
    let mut whence = place_text(&from);
    if holder.id() != id {
        whence = format!("{} ({whence})", line(holder.id()));
    }
    if let Some(e) = log {
        let when = lang.date_time(e.at, &ctx.zone);
        whence = format!("{whence} — {when} {}", line(&e.by));
    }
    writeln!(s, "  {:<18} {whence}", format!("{}:", t.archived_from)).ok();
    writeln!(s, "  `aoplan restore {}`", line(holder.id())).ok();
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// `aoplan show --archived`: every archived item, oldest first.
fn archive(ctx: &Invocation, plan: &Plan, as_json: bool, out: &mut dyn Write) -> Outcome {
    let lang = ctx.lang;
    if as_json {
        let items: Vec<Value> = (plan.archive.iter())
            .map(|a| {
                let log = archived_by(plan, a.item.id());
                json!({
                    "kind": kind_json(a.item.kind()),
                    "id": a.item.id(),
                    "title": a.item.title(),
                    "projects": a.item.project_count(),
                    "from": place_json(&a.place()),
                    "at": log.map(|e| e.at.to_string()),
                    "by": log.map(|e| e.by.clone()),
                })
            })
            .collect();
        return write_json(out, &Value::Array(items));
    }
    let t = lang.planning_words();
    if plan.archive.is_empty() {
        writeln!(out, "{}", t.archive_empty)?;
        return Ok(());
    }
    writeln!(out, "{}", t.archive_title)?;
    let width = ([Kind::Project, Kind::Subtheme, Kind::Theme].iter())
        .map(|k| lang.kind_word(*k).chars().count())
        .max()
        .unwrap_or(9);
    for a in &plan.archive {
        let kind = a.item.kind();
        let count = match kind {
            Kind::Project => String::new(),
            _ => format!(", {}", lang.projects_count(a.item.project_count())),
        };
        let when = archived_by(plan, a.item.id())
            .map(|e| format!(" — {} {}", lang.date_time(e.at, &ctx.zone), line(&e.by)))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<width$}  {} [{}]{count} — {} {}{when}",
            lang.kind_word(kind),
            line(a.item.title()),
            line(a.item.id()),
            t.archived_from,
            place_text(&a.place()),
        )?;
    }
    Ok(())
}
