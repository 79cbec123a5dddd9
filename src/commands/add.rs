//! `aoplan add project|subtheme|theme`: a new item, its id made from its title
//! (or `--id`, checked), saved the way `set` saves. Prints the id that was
//! saved: when another writer took it meanwhile, the merge gave the next free one.

use std::io::Write;

use serde_json::json;

use super::planning::{
    check_new_id, check_parent, check_text, commit, note, parse_status, place_json, place_text,
    write_json,
};
use super::{Done, Failure, Invocation};
use crate::cli::{AddCommand, Mode};
use crate::edit::Change;
use crate::i18n::{Lang, Planning};
use crate::plan::{Item, Kind, Place, Plan, Project, Subtheme, Theme, YearStatus};
use crate::terminal_safe::line;

pub(super) fn run(
    ctx: &Invocation,
    what: &AddCommand,
    out: &mut dyn Write,
) -> Result<Done, Failure> {
    let (mut store, mut plan) = ctx.open()?;
    let (item, parent, mode) = new_item(ctx, &plan, what)?;
    let (kind, asked) = (item.kind(), item.id().to_string());
    let Some(change) = Change::add(&plan, item, &parent, None) else {
        // The parent was checked above; a plan without it cannot get here.
        return Err(super::planning::unknown(&plan, ctx.lang, &parent));
    };
    let needs = Some(parent.as_str()).filter(|p| !p.is_empty());
    let report = commit(
        ctx,
        &mut store,
        &mut plan,
        vec![change],
        mode.dry_run,
        needs,
    )?;
    let renumbered =
        (report.iter().flat_map(|r| &r.merge.renumbered)).find(|(was, _)| *was == asked);
    let id = renumbered.map_or(asked.clone(), |(_, now)| now.clone());
    // Someone may have archived the parent meanwhile: the addition went into
    // the archive with it (and `commit` said so).
    let Some(place) = plan
        .place_of(kind, &id)
        .or_else(|| archived_place(&plan, kind, &parent, &id))
    else {
        return Err(super::planning::unknown(&plan, ctx.lang, &id));
    };
    let what = format!("{id} → {}", place_text(&place));
    if mode.dry_run {
        let to = place_text(&place);
        note(&ctx.lang.planning(&Planning::WouldAdd { id: &id, kind, to }));
    }
    let written = if mode.json {
        let doc = json!({
            "id": id,
            "kind": kind_json(kind),
            "title": super::planning::title_of(&plan, kind, &id),
            "place": place_json(&place),
            "asked_id": asked,
            "saved": !mode.dry_run,
        });
        write_json(out, &doc)
    } else {
        writeln!(out, "{}", line(&id)).map_err(Failure::from)
    };
    if mode.dry_run {
        return written.map(|()| Done::Nothing);
    }
    // Saved: a failed write is the output's failure (noticed by the caller's
    // writer), never the command's.
    Ok(Done::Saved(what))
}

/// Where an addition sits inside an archived parent.
fn archived_place(plan: &Plan, kind: Kind, parent: &str, id: &str) -> Option<Place> {
    let position = match kind {
        Kind::Project => (plan.all_subthemes().find(|s| s.id == parent))?
            .projects
            .iter()
            .position(|p| p.id == id)?,
        Kind::Subtheme => (plan.all_themes().find(|t| t.id == parent))?
            .subthemes
            .iter()
            .position(|s| s.id == id)?,
        Kind::Theme => return None,
    };
    Some(Place {
        parent: parent.to_string(),
        position,
    })
}

/// "project", "subtheme" or "theme", as JSON and `--kind` values spell them.
pub(super) fn kind_json(kind: Kind) -> &'static str {
    match kind {
        Kind::Project => "project",
        Kind::Subtheme => "subtheme",
        Kind::Theme => "theme",
    }
}

/// The item the command describes, checked against `plan`, with its parent's
/// id and the command's mode.
fn new_item(
    ctx: &Invocation,
    plan: &Plan,
    what: &AddCommand,
) -> Result<(Item, String, Mode), Failure> {
    let lang = ctx.lang;
    Ok(match what {
        AddCommand::Project {
            parent,
            title,
            details,
            owner,
            status,
            id,
            mode,
        } => {
            check_parent(plan, lang, "--in", parent, Kind::Project)?;
            check_text(lang, "--title", title, true, true)?;
            check_text(lang, "--owner", owner, false, true)?;
            let status = parse_status(status).ok_or_else(|| {
                Failure(lang.unknown_status(status, crate::plan::Status::suggest(status), true))
            })?;
            let mut project = Project {
                id: new_id(plan, lang, id.as_deref(), title, "project")?,
                title: title.clone(),
                details: details.clone(),
                owner: owner.clone(),
                notes: String::new(),
                status: YearStatus::default(),
                history: Vec::new(),
            };
            if let Some(status) = status {
                project.status.0.insert(ctx.year(plan), status);
            }
            (Item::Project(project), parent.clone(), *mode)
        }
        AddCommand::Subtheme {
            parent,
            name,
            intro,
            id,
            mode,
        } => {
            check_parent(plan, lang, "--in", parent, Kind::Subtheme)?;
            check_text(lang, "--name", name, true, true)?;
            let sub = Subtheme {
                id: new_id(plan, lang, id.as_deref(), name, "subtheme")?,
                name: name.clone(),
                intro: intro.clone(),
                projects: Vec::new(),
            };
            (Item::Subtheme(sub), parent.clone(), *mode)
        }
        AddCommand::Theme {
            name,
            intro,
            focus,
            id,
            mode,
        } => {
            check_text(lang, "--name", name, true, true)?;
            let theme = Theme {
                id: new_id(plan, lang, id.as_deref(), name, "theme")?,
                name: name.clone(),
                focus: *focus,
                intro: intro.clone(),
                subthemes: Vec::new(),
            };
            (Item::Theme(theme), String::new(), *mode)
        }
    })
}

/// The `--id` given, checked, or one made from the title.
fn new_id(
    plan: &Plan,
    lang: Lang,
    given: Option<&str>,
    title: &str,
    fallback: &str,
) -> Result<String, Failure> {
    match given {
        Some(id) => check_new_id(plan, lang, id).map(|()| id.to_string()),
        None => Ok(plan.new_id(title, fallback)),
    }
}
