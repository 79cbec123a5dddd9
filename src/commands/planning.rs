//! What the planning commands share: finding items by id with clear messages,
//! checking texts and new ids, and saving changes the way `set` saves them —
//! applied to the plan as loaded, then [`Store::sync`]: under the lock, merged
//! field by field with whatever other writers saved meanwhile, atomic and durable.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Failure, Invocation, Outcome};
use crate::edit::{self, Change, Edit};
use crate::i18n::{Lang, Planning};
use crate::plan::{Item, Kind, Place, Plan, Status, is_valid_id};
use crate::storage::{Store, SyncReport};
use crate::terminal_safe::{self, line};
use crate::text::similar;
use crate::timestamp::Timestamp;

/// A failure with a planning message in the user's language.
pub(super) fn fail(lang: Lang, m: Planning) -> Failure {
    Failure(lang.planning(&m))
}

/// The kind of the item `id`, live or archived.
pub(super) fn kind_of(plan: &Plan, id: &str) -> Option<Kind> {
    plan.kind_of(id)
}

/// The title or name of the item `id` of `kind`, live or archived; the id when
/// there is none.
pub(super) fn title_of<'p>(plan: &'p Plan, kind: Kind, id: &'p str) -> &'p str {
    plan.title_of(kind, id).unwrap_or(id)
}

/// The ids of the live items of `kind`.
fn live_ids(plan: &Plan, kind: Kind) -> Vec<&str> {
    match kind {
        Kind::Project => plan.projects().map(|(_, p)| p.id.as_str()).collect(),
        Kind::Subtheme => (plan.themes.iter().flat_map(|t| &t.subthemes))
            .map(|s| s.id.as_str())
            .collect(),
        Kind::Theme => plan.themes.iter().map(|t| t.id.as_str()).collect(),
    }
}

/// Every id in the plan, live or archived.
fn all_ids(plan: &Plan) -> Vec<&str> {
    let projects = plan.all_projects().map(|p| p.id.as_str());
    let subthemes = plan.all_subthemes().map(|s| s.id.as_str());
    let themes = plan.all_themes().map(|t| t.id.as_str());
    projects.chain(subthemes).chain(themes).collect()
}

/// The failure for an id nothing has, with the ids that resemble it.
pub(super) fn unknown(plan: &Plan, lang: Lang, id: &str) -> Failure {
    let close = similar(all_ids(plan), id);
    fail(lang, Planning::UnknownId { id, close })
}

/// The archived item that holds `id` (itself, or an archived parent).
pub(super) fn archived_holder<'p>(plan: &'p Plan, id: &str) -> Option<&'p Item> {
    (plan.archive.iter())
        .find(|a| a.item.ids().contains(&id))
        .map(|a| &a.item)
}

/// The kind of the live item `id`; a clear failure when it is archived or unknown.
pub(super) fn live_kind(plan: &Plan, lang: Lang, id: &str) -> Result<Kind, Failure> {
    match (kind_of(plan, id), archived_holder(plan, id)) {
        (Some(kind), Some(holder)) => Err(fail(
            lang,
            Planning::Archived {
                id,
                kind,
                restore: holder.id(),
            },
        )),
        (Some(kind), None) => Ok(kind),
        (None, _) => Err(unknown(plan, lang, id)),
    }
}

/// Checks that `id`, given as `option`, names the live parent an item of
/// `child`'s kind goes into.
pub(super) fn check_parent(
    plan: &Plan,
    lang: Lang,
    option: &str,
    id: &str,
    child: Kind,
) -> Result<(), Failure> {
    let wanted = child.parent().unwrap_or(Kind::Theme);
    match kind_of(plan, id) {
        Some(is) if is != wanted => Err(fail(
            lang,
            Planning::WrongParent {
                option,
                id,
                is,
                child,
            },
        )),
        Some(kind) if plan.is_archived(id) => {
            Err(fail(lang, Planning::ParentArchived { option, id, kind }))
        }
        Some(_) => Ok(()),
        None => {
            let close = similar(live_ids(plan, wanted), id);
            Err(fail(
                lang,
                Planning::NoSuchParent {
                    option,
                    id,
                    wanted,
                    close,
                },
            ))
        }
    }
}

/// Checks a text given as `option`: not blank when `required`, one line when `one_line`.
pub(super) fn check_text(
    lang: Lang,
    option: &str,
    value: &str,
    required: bool,
    one_line: bool,
) -> Result<(), Failure> {
    if required && value.trim().is_empty() {
        return Err(fail(lang, Planning::EmptyText { option }));
    }
    if one_line && value.contains(['\n', '\r']) {
        return Err(fail(lang, Planning::OneLine { option }));
    }
    Ok(())
}

/// Checks an `--id` for a new item: well formed and unused, live or archived.
pub(super) fn check_new_id(plan: &Plan, lang: Lang, id: &str) -> Result<(), Failure> {
    if !is_valid_id(id) {
        let slug = plan.new_id(id, "");
        return Err(fail(lang, Planning::BadId { id, slug }));
    }
    if let Some(kind) = kind_of(plan, id) {
        let taken = Planning::IdTaken {
            id,
            kind,
            archived: plan.is_archived(id),
            free: plan.new_id(id, "item"),
        };
        return Err(fail(lang, taken));
    }
    Ok(())
}

/// A status as `set` and `add` take it: a status name, or `none`/`geen` for none.
pub(super) fn parse_status(input: &str) -> Option<Option<Status>> {
    let key: String = (input.chars())
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "none" | "geen" | "-" | "—" => Some(None),
        _ => Status::parse(input).map(Some),
    }
}

/// Applies `changes` to `plan` and, unless `dry_run`, saves them: the same path
/// as `aoplan set`. Afterwards `plan` is what the file holds (merged with other
/// writers' saves). The sync report, or `None` in a dry run. Notes about other
/// writers go to stderr. When another writer archived or removed what the
/// changes need meanwhile, nothing is changed and the failure names `needs`
/// (the parent of an addition), or else the item that went.
pub(super) fn commit(
    ctx: &Invocation,
    store: &mut Store,
    plan: &mut Plan,
    changes: Vec<Change>,
    dry_run: bool,
    needs: Option<&str>,
) -> Result<Option<SyncReport>, Failure> {
    let lang = ctx.lang;
    if !dry_run && let Some(why) = store.read_only_reason() {
        let why = lang.read_only_why(&why.why());
        return Err(fail(lang, Planning::NotSaved { why }));
    }
    // The command layer reads the clock: an edit takes the time it is given.
    let (at, by) = (Timestamp::now(), crate::platform::login_name());
    let edits: Vec<Edit> = (changes.into_iter())
        .map(|c| Edit::new(c, at, &by))
        .collect();
    for e in &edits {
        edit::apply(plan, e);
    }
    if dry_run {
        return Ok(None);
    }
    let report = ctx
        .sync(store, plan, &edits)
        .map_err(|e| ctx.not_saved(e))?;
    ctx.note_dropped_comments(store, &report);
    if let Some(id) = report.merge.missing.first() {
        let id = needs.unwrap_or(id);
        return Err(fail(lang, Planning::GoneMeanwhile { id }));
    }
    notes(plan, lang, &report);
    Ok(Some(report))
}

/// What other writers did that the user should know, on stderr.
fn notes(plan: &Plan, lang: Lang, report: &SyncReport) {
    let mut said = Vec::new();
    for c in &report.merge.conflicts {
        said.push(Planning::Overridden {
            id: c.change.target().id().unwrap_or("plan"),
            theirs: c.change.from().describe(),
            ours: c.change.to().describe(),
        });
    }
    for id in &report.merge.on_archived {
        said.push(Planning::OnArchived { id });
    }
    for (was, now) in &report.merge.renumbered {
        let kind = kind_of(plan, now).unwrap_or(Kind::Project);
        said.push(Planning::Renumbered { was, now, kind });
    }
    for m in said {
        note(&lang.planning(&m));
    }
}

/// Writes "aoplan: MESSAGE" to stderr, made safe for a terminal.
pub(super) fn note(message: &str) {
    let _ = writeln!(io::stderr(), "aoplan: {}", line(message));
}

/// Where an item sits, as the planning commands show it: `parent #n`,
/// counting from 1 (`plan #n` for a theme).
pub(super) fn place_text(place: &Place) -> String {
    let parent = if place.parent.is_empty() {
        "plan"
    } else {
        &place.parent
    };
    format!("{} #{}", line(parent), place.position.saturating_add(1))
}

/// A place in JSON: the parent's id (empty for a theme) and the position from 1.
pub(super) fn place_json(place: &Place) -> Value {
    json!({"parent": place.parent, "position": place.position.saturating_add(1)})
}

/// Writes a JSON document and a line break.
pub(super) fn write_json(out: &mut dyn Write, value: &Value) -> Outcome {
    terminal_safe::json::to_writer_pretty(&mut *out, value).map_err(|e| Failure(e.to_string()))?;
    writeln!(out)?;
    Ok(())
}

/// A value for a one-line confirmation: quoted, on one line, at most 60 characters.
pub(super) fn short(value: &str) -> String {
    const MAX: usize = 60;
    let one: String = line(value).chars().take(MAX + 1).collect();
    if one.chars().count() > MAX {
        let cut: String = one.chars().take(MAX - 1).collect();
        format!("“{cut}…”")
    } else {
        format!("“{one}”")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_and_geen_clear_a_status_and_names_still_parse() {
        assert_eq!(parse_status("none"), Some(None));
        assert_eq!(parse_status(" Geen "), Some(None));
        assert_eq!(parse_status("lopend"), Some(Some(Status::InProgress)));
        assert_eq!(parse_status("nothing"), None);
    }

    #[test]
    fn short_values_are_quoted_on_one_line_and_cut() {
        assert_eq!(short("a\nb"), "“a␊b”");
        let long = "x".repeat(100);
        let shown = short(&long);
        assert_eq!(shown.chars().count(), 62, "{shown}");
        assert!(shown.ends_with("…”"));
    }

    #[test]
    fn places_count_from_one() {
        let p = Place {
            parent: "sub".into(),
            position: 0,
        };
        assert_eq!(place_text(&p), "sub #1");
        let t = Place {
            parent: String::new(),
            position: 2,
        };
        assert_eq!(place_text(&t), "plan #3");
        assert_eq!(place_json(&t), json!({"parent": "", "position": 3}));
    }
}
