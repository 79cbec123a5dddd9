//! `aoplan changes --format json`: the window, the changes per theme, then
//! those of no theme. A status change keeps the fields it always had.

use std::io::{self, Write};

use jiff::tz::TimeZone;

use serde::Serialize;
use serde_json::{Value, json};

use super::add::kind_json;
use super::changes::{Row, Val, What};
use super::changes_render::{Listing, kind_key, what_key};
use super::planning::place_json;
use crate::plan::Status;
use crate::timestamp::Timestamp;

/// The window in UTC (`before` exclusive, `null` when open), whether the list
/// is net and how many changes it folded, the changes per theme, then under
/// `plan` those of no theme. Each change has its time in UTC (`at`) and in
/// `zone` with its offset (`at_local`), and how many recorded changes it
/// stands for (`steps`).
pub(super) fn write(listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
    let (groups, window, zone) = (listing.groups, listing.window, listing.zone);
    let themes = (groups.iter())
        .filter_map(|g| {
            let t = g.theme?;
            let changes = g.rows.iter().map(|r| row_json(r, zone)).collect();
            Some(GroupJson {
                id: &t.id,
                name: &t.name,
                changes,
            })
        })
        .collect();
    let plan = (groups.iter())
        .filter(|g| g.theme.is_none())
        .flat_map(|g| g.rows.iter().map(|r| row_json(r, zone)))
        .collect();
    let doc = Document {
        since: window.start.to_string(),
        before: window.end.map(|t| t.to_string()),
        net: listing.folded.is_some(),
        folded: listing.folded.unwrap_or(0),
        themes,
        plan,
    };
    crate::terminal_safe::json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[derive(Serialize)]
struct Document<'a> {
    since: String,
    before: Option<String>,
    /// Net changes (the default), or every change (`--all`).
    net: bool,
    /// Recorded changes in the window that are no row of their own.
    folded: usize,
    themes: Vec<GroupJson<'a>>,
    plan: Vec<RowJson<'a>>,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    id: &'a str,
    name: &'a str,
    changes: Vec<RowJson<'a>>,
}

/// A status change as it always was, plus its kind; any other change with
/// what changed and the item it changed.
#[derive(Serialize)]
#[serde(untagged)]
enum RowJson<'a> {
    Status {
        at: String,
        at_local: String,
        by: &'a str,
        kind: &'static str,
        subtheme: Option<Named<'a>>,
        project: Titled<'a>,
        year: u16,
        from: Value,
        to: Value,
        steps: usize,
    },
    Other {
        at: String,
        at_local: String,
        by: &'a str,
        kind: &'static str,
        what: &'static str,
        item: ItemJson<'a>,
        subtheme: Option<Named<'a>>,
        from: Value,
        to: Value,
        steps: usize,
    },
}

#[derive(Serialize)]
struct Named<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Titled<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    kind: &'static str,
    id: &'a str,
    title: &'a str,
}

fn row_json<'a>(r: &Row<'a>, zone: &TimeZone) -> RowJson<'a> {
    let subtheme = r.subtheme.map(|(id, name)| Named { id, name });
    let at_local = local_rfc3339(r.at, zone);
    if let What::Status(year) = r.what {
        return RowJson::Status {
            at: r.at.to_string(),
            at_local,
            by: r.by,
            kind: "status",
            subtheme,
            project: Titled {
                id: r.item.id,
                title: r.item.title,
            },
            year,
            from: json_value(r.from),
            to: json_value(r.to),
            steps: r.steps,
        };
    }
    RowJson::Other {
        at: r.at.to_string(),
        at_local,
        by: r.by,
        kind: kind_key(r.what.kind()),
        what: what_key(r.what),
        item: ItemJson {
            kind: r.item.kind.map_or("plan", kind_json),
            id: r.item.id,
            title: r.item.title,
        },
        subtheme,
        from: json_value(r.from),
        to: json_value(r.to),
        steps: r.steps,
    }
}

/// RFC 3339 in `zone`, with its offset: `2026-03-14T10:21:05+01:00`.
fn local_rfc3339(at: Timestamp, zone: &TimeZone) -> String {
    let offset = zone.to_offset(at.to_jiff());
    at.to_jiff().display_with_offset(offset).to_string()
}

fn json_value(v: Val) -> Value {
    match v {
        Val::Status(s) => json!(s.map(Status::file_name)),
        Val::Text(t) => json!(t),
        Val::Flag(b) => json!(b),
        Val::Year(y) => json!(y),
        Val::Place(p) => place_json(p),
        Val::Archive => json!("archive"),
        Val::Nothing => Value::Null,
    }
}
