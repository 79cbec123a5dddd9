//! The report as GitHub-flavoured Markdown: an overview table of the themes, then
//! per theme a table of its sub-themes and a table of its projects.

use std::io::{self, Write};

use super::{Report, percent_heading};
use crate::i18n::Lang;
use crate::plan::{Progress, Status, Theme};

pub(crate) fn write(report: &Report, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    write_with(report, lang, &[], out)
}

/// The report with `paragraphs` under its title: the date of a report as of
/// a date, and what the records do not tell.
pub(crate) fn write_with(
    report: &Report,
    lang: Lang,
    paragraphs: &[String],
    out: &mut dyn Write,
) -> io::Result<()> {
    let t = lang.report();
    let plan = report.plan;
    writeln!(out, "# {} — {}", cell(&plan.fund), cell(&plan.title))?;
    writeln!(out)?;
    for paragraph in paragraphs {
        writeln!(out, "{}", escape(paragraph))?;
        writeln!(out)?;
    }
    writeln!(out, "{} {} · {}", t.plan_year, report.year, t.focus_legend)?;
    writeln!(out)?;
    count_header(lang.tr().theme, lang, out)?;
    for theme in &report.themes {
        count_row(&theme_name(theme), &theme.progress(report.year), out)?;
    }
    count_row(&format!("**{}**", t.total), &report.total(), out)?;
    for theme in &report.themes {
        writeln!(out)?;
        write_theme(theme, report.year, lang, out)?;
    }
    Ok(())
}

fn write_theme(theme: &Theme, year: u16, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let t = lang.report();
    let tr = lang.tr();
    writeln!(out, "## {}", theme_name(theme))?;
    writeln!(out)?;
    count_header(t.subtheme, lang, out)?;
    for sub in &theme.subthemes {
        count_row(&cell(&sub.name), &sub.progress(year), out)?;
    }
    writeln!(out)?;
    let headings = [t.subtheme, t.project, t.id, tr.status, tr.owner, tr.notes];
    row(&headings.map(String::from), out)?;
    separator(&[Align::Left; 6], out)?;
    for sub in &theme.subthemes {
        for p in &sub.projects {
            let status = p.status_in(year).map_or("", |s| lang.status(s));
            let cells = [
                cell(&sub.name),
                cell(&p.title),
                format!("`{}`", crate::terminal_safe::line(&p.id)),
                status.to_string(),
                cell(&p.owner),
                cell(&p.notes),
            ];
            row(&cells, out)?;
        }
    }
    Ok(())
}

fn theme_name(theme: &Theme) -> String {
    let mark = if theme.focus { "★ " } else { "" };
    format!("{mark}{}", cell(&theme.name))
}

/// The header and separator of a table of counts whose first column is `first`.
fn count_header(first: &str, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let t = lang.report();
    let mut headings = vec![first.to_string(), capitalize(t.project_many)];
    headings.extend(Status::ALL.iter().map(|s| lang.status(*s).to_string()));
    headings.push(capitalize(t.no_status));
    headings.push(percent_heading(lang));
    row(&headings, out)?;
    let mut aligns = vec![Align::Left];
    aligns.resize(headings.len(), Align::Right);
    separator(&aligns, out)
}

fn count_row(name: &str, p: &Progress, out: &mut dyn Write) -> io::Result<()> {
    let mut cells = vec![name.to_string(), p.total().to_string()];
    cells.extend(Status::ALL.iter().map(|s| p.count(*s).to_string()));
    cells.push(p.unset.to_string());
    cells.push(format!("{} %", p.percent_done()));
    row(&cells, out)
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Align {
    Left,
    Right,
}

/// One table row of already escaped cells.
pub(crate) fn row(cells: &[String], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

/// The row under a table's header that makes it a table.
pub(crate) fn separator(aligns: &[Align], out: &mut dyn Write) -> io::Result<()> {
    let marks: Vec<&str> = aligns
        .iter()
        .map(|a| match a {
            Align::Left => "---",
            Align::Right => "--:",
        })
        .collect();
    row(
        &marks.iter().map(|m| m.to_string()).collect::<Vec<_>>(),
        out,
    )
}

/// Plan text as a table cell: escaped, line breaks as `<br>`.
pub(crate) fn cell(text: &str) -> String {
    escape(text.trim_end())
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// Escapes what Markdown would otherwise format, so plan text shows exactly as
/// written; control characters become placeholders first (see
/// [`crate::terminal_safe`]), line breaks are kept.
pub(crate) fn escape(text: &str) -> String {
    let text = crate::terminal_safe::text(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_formatting() {
        assert_eq!(cell("a | b"), r"a \| b");
        assert_eq!(cell("*x* _y_ <b>"), r"\*x\* \_y\_ \<b\>");
        assert_eq!(cell("one\ntwo\n"), "one<br>two");
        assert_eq!(cell("ideeën ’x’"), "ideeën ’x’");
    }

    #[test]
    fn control_characters_become_escaped_placeholders() {
        assert_eq!(cell("a\u{1b}]0;X\u{7}b"), "a␛\\]0;X␇b");
        assert_eq!(cell("x\u{9b}2J\u{202e}y"), r"x\<U+009B\>2J\<U+202E\>y");
        assert_eq!(cell("one\r\ntwo\rthree"), "one<br>two␍three");
    }

    #[test]
    fn separator_marks_alignment() {
        let mut out = Vec::new();
        separator(&[Align::Left, Align::Right], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "| --- | --: |\n");
    }
}
