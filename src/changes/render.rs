//! Change lists as text, Markdown, CSV and JSON.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{Change, Group, Window};
use crate::i18n::Lang;
use crate::plan::Status;
use crate::report::Format;
use crate::report::markdown::{self, Align};
use crate::report::spreadsheet::record;
use crate::terminal_safe::line;

/// Writes the changes of `groups` in `format`.
pub fn write(
    groups: &[Group],
    window: &Window,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text(groups, window, lang, out),
        Format::Markdown => markdown(groups, window, lang, out),
        Format::Csv => Ok(csv(groups, lang, out)?),
        Format::Json => json(groups, window, out),
    }
}

/// "since 2026-03-01" or "from 2026-03-01 through 2026-03-31", as the user wrote the bounds.
fn period(window: &Window, lang: Lang) -> String {
    let t = lang.report();
    match &window.until_text {
        None => format!("{} {}", t.since, line(&window.since_text)),
        Some(until) => format!(
            "{} {} {} {}",
            t.period_from,
            line(&window.since_text),
            t.period_through,
            line(until)
        ),
    }
}

fn transition(change: &Change, lang: Lang) -> String {
    let e = change.entry;
    format!(
        "{} → {}",
        lang.status_or_none(e.from),
        lang.status_or_none(e.to)
    )
}

fn text(groups: &[Group], window: &Window, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let t = lang.report();
    if groups.is_empty() {
        return writeln!(out, "{} {}.", t.no_changes, period(window, lang));
    }
    writeln!(out, "{} {}", t.changes_title, period(window, lang))?;
    let all = || groups.iter().flat_map(|g| &g.changes);
    let who_width = all().map(|c| line(&c.entry.by).width()).max().unwrap_or(0);
    let move_width = all()
        .map(|c| transition(c, lang).width())
        .max()
        .unwrap_or(0);
    for group in groups {
        writeln!(out)?;
        writeln!(out, "{}", line(&group.theme.name))?;
        for c in &group.changes {
            let who = line(&c.entry.by);
            let step = transition(c, lang);
            writeln!(
                out,
                "  {}  {who}{}  {}  {step}{}  {} [{}]",
                c.at,
                " ".repeat(who_width - who.width()),
                c.entry.year,
                " ".repeat(move_width - step.width()),
                line(&c.project.title),
                line(&c.project.id)
            )?;
        }
    }
    Ok(())
}

fn markdown(groups: &[Group], window: &Window, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let t = lang.report();
    writeln!(out, "# {} {}", t.changes_title, period(window, lang))?;
    if groups.is_empty() {
        writeln!(out)?;
        return writeln!(out, "{} {}.", t.no_changes, period(window, lang));
    }
    let headings = [
        t.when, t.who, t.subtheme, t.project, t.id, t.year, t.from, t.to,
    ];
    for group in groups {
        writeln!(out)?;
        writeln!(out, "## {}", markdown::cell(&group.theme.name))?;
        writeln!(out)?;
        markdown::row(&headings.map(String::from), out)?;
        markdown::separator(&[Align::Left; 8], out)?;
        for c in &group.changes {
            let cells = [
                c.at.to_string(),
                markdown::cell(&c.entry.by),
                markdown::cell(&c.subtheme.name),
                markdown::cell(&c.project.title),
                format!("`{}`", crate::terminal_safe::line(&c.project.id)),
                c.entry.year.to_string(),
                lang.status_or_none(c.entry.from).to_string(),
                lang.status_or_none(c.entry.to).to_string(),
            ];
            markdown::row(&cells, out)?;
        }
    }
    Ok(())
}

fn csv(groups: &[Group], lang: Lang, out: &mut dyn Write) -> csv::Result<()> {
    let t = lang.report();
    let tr = lang.tr();
    let mut w = crate::report::spreadsheet::writer(out)?;
    record(
        &mut w,
        [
            t.when, t.who, tr.theme, t.subtheme, t.id, t.project, t.year, t.from, t.to,
        ],
    )?;
    let label = |s: Option<Status>| s.map_or("", |s| lang.status(s));
    for group in groups {
        for c in &group.changes {
            record(
                &mut w,
                [
                    c.at.to_string().as_str(),
                    &c.entry.by,
                    &group.theme.name,
                    &c.subtheme.name,
                    &c.project.id,
                    &c.project.title,
                    &c.entry.year.to_string(),
                    label(c.entry.from),
                    label(c.entry.to),
                ],
            )?;
        }
    }
    w.flush()?;
    Ok(())
}

/// The JSON document: the window's bounds in UTC (`before` is exclusive, `null`
/// when open-ended), then the changes per theme.
#[derive(Serialize)]
struct Document<'a> {
    since: String,
    before: Option<String>,
    themes: Vec<GroupJson<'a>>,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    id: &'a str,
    name: &'a str,
    changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    at: String,
    by: &'a str,
    subtheme: Named<'a>,
    project: ProjectRef<'a>,
    year: u16,
    from: Option<&'static str>,
    to: Option<&'static str>,
}

#[derive(Serialize)]
struct Named<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct ProjectRef<'a> {
    id: &'a str,
    title: &'a str,
}

fn json(groups: &[Group], window: &Window, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        since: window.start.to_string(),
        before: window.end.map(|t| t.to_string()),
        themes: groups.iter().map(group_json).collect(),
    };
    crate::terminal_safe::json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn group_json<'a>(g: &Group<'a>) -> GroupJson<'a> {
    GroupJson {
        id: &g.theme.id,
        name: &g.theme.name,
        changes: g.changes.iter().map(change_json).collect(),
    }
}

fn change_json<'a>(c: &Change<'a>) -> ChangeJson<'a> {
    ChangeJson {
        at: c.at.to_string(),
        by: &c.entry.by,
        subtheme: Named {
            id: &c.subtheme.id,
            name: &c.subtheme.name,
        },
        project: ProjectRef {
            id: &c.project.id,
            title: &c.project.title,
        },
        year: c.entry.year,
        from: c.entry.from.map(Status::file_name),
        to: c.entry.to.map(Status::file_name),
    }
}
