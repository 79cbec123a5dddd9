//! `aoplan move`, `aoplan rm` (to the archive) and `aoplan restore`: where
//! items sit. Positions count from 1 in options and output.

use std::io::Write;

use serde_json::{Value, json};

use super::add::kind_json;
use super::planning::{
    archived_holder, check_parent, commit, fail, kind_of, live_kind, place_json, place_text,
    title_of, unknown, write_json,
};
use super::{Done, Failure, Invocation};
use crate::cli::{ItemArgs, Mode, MoveArgs};
use crate::edit::{self, Change};
use crate::i18n::Planning;
use crate::plan::{Kind, Place};
use crate::terminal_safe::line;

pub(super) fn move_item(
    ctx: &Invocation,
    args: &MoveArgs,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let (mut store, mut plan) = ctx.open()?;
    let (lang, id) = (ctx.lang, args.id.as_str());
    let kind = live_kind(&plan, lang, id)?;
    let Some(from) = plan.place_of(kind, id) else {
        return Err(unknown(&plan, lang, id));
    };
    let parent = match (&args.to, kind) {
        (Some(_), Kind::Theme) => return Err(fail(lang, Planning::ThemeHasNoParent { id })),
        (Some(to), _) => {
            check_parent(&plan, lang, "--to", to, kind)?;
            to.clone()
        }
        (None, _) => from.parent.clone(),
    };
    let len = edit::children(&plan, kind, &parent).unwrap_or(0);
    // The last place it can take: after the others, which it leaves when moving within.
    let last = if parent == from.parent { len } else { len + 1 };
    let position = match args.position {
        Some(n) if n as usize > last => {
            let past = Planning::PositionPastEnd {
                position: n,
                last,
                parent: &parent,
                kind: kind.parent().unwrap_or(Kind::Theme),
            };
            return Err(fail(lang, past));
        }
        n => n.map(|n| n as usize - 1),
    };
    let Some(change) = Change::move_to(&plan, kind, id, &parent, position) else {
        return Err(unknown(&plan, lang, &parent));
    };
    let to = match &change {
        Change::Move { to, .. } => to.clone(),
        _ => from.clone(),
    };
    if change.is_noop() {
        let said = lang.planning(&Planning::AlreadyThere { id: &line(id) });
        return report(
            out,
            args.mode,
            &said,
            moved_json(id, kind, &from, &to, false),
        )
        .map(|()| Done::Nothing);
    }
    // Gone meanwhile: most likely the new parent (the item itself, if archived, keeps the move).
    let needs = Some(parent.as_str()).filter(|p| *p != from.parent);
    let dry_run = args.mode.dry_run;
    commit(ctx, &mut store, &mut plan, vec![change], dry_run, needs)?;
    let to = plan.place_of(kind, id).unwrap_or(to);
    let (from_text, to_text) = (place_text(&from), place_text(&to));
    let said = lang.planning(&Planning::Moving {
        id: &line(id),
        from: from_text,
        to: to_text,
    });
    let doc = moved_json(id, kind, &from, &to, !args.mode.dry_run);
    finish(out, ctx, args.mode, said, doc)
}

fn moved_json(id: &str, kind: Kind, from: &Place, to: &Place, saved: bool) -> Value {
    json!({
        "id": id,
        "kind": kind_json(kind),
        "from": place_json(from),
        "to": place_json(to),
        "saved": saved,
    })
}

/// `aoplan rm ID`: archives the item with everything in it.
pub(super) fn remove(
    ctx: &Invocation,
    args: &ItemArgs,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let (mut store, mut plan) = ctx.open()?;
    let (lang, id) = (ctx.lang, args.id.as_str());
    if kind_of(&plan, id).is_some() && plan.is_archived(id) {
        return Err(fail(lang, Planning::AlreadyArchived { id }));
    }
    let kind = live_kind(&plan, lang, id)?;
    let (Some((item, from)), Some(change)) =
        (plan.live_item(kind, id), Change::archive(&plan, kind, id))
    else {
        return Err(unknown(&plan, lang, id));
    };
    let (title, projects) = (item.title().to_string(), item.project_count());
    commit(
        ctx,
        &mut store,
        &mut plan,
        vec![change],
        args.mode.dry_run,
        None,
    )?;
    let said = lang.planning(&Planning::Archiving {
        id: &line(id),
        kind,
        title: &line(&title),
        projects,
    });
    let doc = archive_json(id, kind, &title, projects, ("from", &from), args.mode);
    finish(out, ctx, args.mode, said, doc)
}

/// `aoplan restore ID`: an archived item back where it was.
pub(super) fn restore(
    ctx: &Invocation,
    args: &ItemArgs,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let (mut store, mut plan) = ctx.open()?;
    let (lang, id) = (ctx.lang, args.id.as_str());
    if kind_of(&plan, id).is_none() {
        return Err(unknown(&plan, lang, id));
    }
    let Some(index) = plan.archived_index(id) else {
        return Err(match archived_holder(&plan, id) {
            Some(holder) => fail(
                lang,
                Planning::InsideArchived {
                    id,
                    parent: holder.id(),
                },
            ),
            None => fail(lang, Planning::NotArchived { id }),
        });
    };
    let entry = &plan.archive[index];
    let (kind, was) = (entry.item.kind(), entry.place());
    let (title, projects) = (entry.item.title().to_string(), entry.item.project_count());
    if let Some(parent_kind) = kind.parent()
        && !plan.is_live(parent_kind, &was.parent)
    {
        let gone = Planning::ParentNotLive {
            id,
            parent: &was.parent,
            kind: parent_kind,
        };
        return Err(fail(lang, gone));
    }
    let Some(change) = Change::restore(&plan, id) else {
        return Err(unknown(&plan, lang, id));
    };
    let needs = Some(was.parent.as_str()).filter(|p| !p.is_empty());
    let dry_run = args.mode.dry_run;
    commit(ctx, &mut store, &mut plan, vec![change], dry_run, needs)?;
    let to = plan.place_of(kind, id).unwrap_or(was);
    let said = lang.planning(&Planning::Restoring {
        id: &line(id),
        kind,
        title: &line(title_of(&plan, kind, id)),
        projects,
        to: place_text(&to),
    });
    let doc = archive_json(id, kind, &title, projects, ("to", &to), args.mode);
    finish(out, ctx, args.mode, said, doc)
}

/// The JSON reply of `rm` and `restore`: the item, and where it was archived
/// from or restored to.
fn archive_json(
    id: &str,
    kind: Kind,
    title: &str,
    projects: usize,
    (key, place): (&str, &Place),
    mode: Mode,
) -> Value {
    let mut doc = json!({
        "id": id,
        "kind": kind_json(kind),
        "title": title,
        "projects": projects,
        "saved": !mode.dry_run,
    });
    doc[key] = place_json(place);
    doc
}

/// Writes the confirmation (text with its saved suffix, or the JSON document).
fn report(out: &mut dyn Write, mode: Mode, said: &str, doc: Value) -> Result<(), Failure> {
    if mode.json {
        write_json(out, &doc)
    } else {
        writeln!(out, "{said}").map_err(Failure::from)
    }
}

/// After a change: its confirmation; once saved, a failed write is the output's
/// failure (noticed by the caller's writer), never the command's.
fn finish(
    out: &mut dyn Write,
    ctx: &Invocation,
    mode: Mode,
    said: String,
    doc: Value,
) -> Result<Done, Failure> {
    let line = format!("{said}{}", ctx.lang.saved_suffix(mode.dry_run));
    let written = report(out, mode, &line, doc);
    if mode.dry_run {
        return written.map(|()| Done::Nothing);
    }
    Ok(Done::Saved(said))
}
