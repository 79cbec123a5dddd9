//! The report as readable text: one line per theme and sub-theme with its counts,
//! then the sub-theme's projects. Progress bars only when asked (on a terminal).

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::{Report, projects_phrase};
use crate::i18n::Lang;
use crate::plan::{Progress, Project, Status, Subtheme, Theme};
use crate::terminal_safe::{self, line as one_line};
use crate::text::filled_cells;

/// Cells of a progress bar.
const BAR_WIDTH: usize = 10;

pub(crate) fn write(
    report: &Report,
    lang: Lang,
    bars: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_with(report, lang, bars, &[], out)
}

/// The report with `lines` under its title: the date of a report as of a
/// date, and what the records do not tell.
pub(crate) fn write_with(
    report: &Report,
    lang: Lang,
    bars: bool,
    lines: &[String],
    out: &mut dyn Write,
) -> io::Result<()> {
    let t = lang.report();
    let plan = report.plan;
    writeln!(out, "{} — {}", one_line(&plan.fund), one_line(&plan.title))?;
    for extra in lines {
        writeln!(out, "{}", one_line(extra))?;
    }
    writeln!(out, "{} {} · {}", t.plan_year, report.year, t.focus_legend)?;
    writeln!(out)?;
    let total = report.total();
    writeln!(out, "{}: {}", t.total, summary(&total, lang, bars))?;
    let line = ProjectLine::new(lang);
    for theme in &report.themes {
        writeln!(out)?;
        write_theme(theme, report.year, &line, bars, out)?;
    }
    Ok(())
}

fn write_theme(
    theme: &Theme,
    year: u16,
    line: &ProjectLine,
    bars: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mark = if theme.focus { "★ " } else { "" };
    let progress = theme.progress(year);
    writeln!(
        out,
        "{mark}{}: {}",
        one_line(&theme.name),
        summary(&progress, line.lang, bars)
    )?;
    for sub in &theme.subthemes {
        write_subtheme(sub, year, line, bars, out)?;
    }
    Ok(())
}

fn write_subtheme(
    sub: &Subtheme,
    year: u16,
    line: &ProjectLine,
    bars: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let progress = sub.progress(year);
    writeln!(
        out,
        "  {}: {}",
        one_line(&sub.name),
        summary(&progress, line.lang, bars)
    )?;
    for project in &sub.projects {
        line.write(project, year, out)?;
    }
    Ok(())
}

/// "10 projects · 20 % done · Planned 6 · Done 2 · …", with a bar before the percentage.
fn summary(p: &Progress, lang: Lang, bars: bool) -> String {
    let done = lang.tr().done_word;
    let percent = p.percent_done();
    let mut parts = vec![projects_phrase(p.total(), lang)];
    if bars {
        parts.push(format!("{} {percent} % {done}", bar(percent)));
    } else {
        parts.push(format!("{percent} % {done}"));
    }
    parts.extend(counts(p, lang));
    parts.join(" · ")
}

/// The non-zero counts: "Planned 6", "Done 2", "no status 1".
fn counts(p: &Progress, lang: Lang) -> Vec<String> {
    let mut parts: Vec<String> = Status::ALL
        .iter()
        .filter(|s| p.count(**s) > 0)
        .map(|s| format!("{} {}", lang.status(*s), p.count(*s)))
        .collect();
    if p.unset > 0 {
        parts.push(format!("{} {}", lang.report().no_status, p.unset));
    }
    parts
}

/// A bar of [`BAR_WIDTH`] cells; full only at 100 %, never empty above 0 %.
fn bar(percent: usize) -> String {
    let filled = filled_cells(percent, BAR_WIDTH);
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled))
}

/// Writes project lines with the status in a column as wide as the longest label.
struct ProjectLine {
    lang: Lang,
    width: usize,
}

impl ProjectLine {
    fn new(lang: Lang) -> Self {
        let width = Status::ALL
            .iter()
            .map(|s| lang.status(*s))
            .chain([lang.tr().no_status])
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0);
        ProjectLine { lang, width }
    }

    fn write(&self, project: &Project, year: u16, out: &mut dyn Write) -> io::Result<()> {
        let status = self.lang.status_or_none(project.status_in(year));
        let pad = " ".repeat(self.width.saturating_sub(status.width()));
        writeln!(
            out,
            "    {status}{pad}  {} [{}]",
            one_line(&project.title),
            one_line(&project.id)
        )?;
        let indent = " ".repeat(4 + self.width + 2);
        let tr = self.lang.tr();
        for (label, value) in [(tr.owner, &project.owner), (tr.notes, &project.notes)] {
            if !value.is_empty() {
                write_field(&indent, label, value, out)?;
            }
        }
        Ok(())
    }
}

/// "Owner: …", continuation lines of multi-line text indented under the first.
fn write_field(indent: &str, label: &str, value: &str, out: &mut dyn Write) -> io::Result<()> {
    let value = terminal_safe::text(value);
    let mut lines = value.lines();
    writeln!(out, "{indent}{label}: {}", lines.next().unwrap_or(""))?;
    let hang = " ".repeat(label.width() + 2);
    for rest in lines {
        writeln!(out, "{indent}{hang}{rest}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_by_tens_and_are_full_only_when_done() {
        let filled = |p| bar(p).chars().filter(|c| *c == '█').count();
        assert_eq!(bar(0).chars().count(), BAR_WIDTH);
        assert_eq!(filled(0), 0);
        assert_eq!(filled(1), 1);
        assert_eq!(filled(45), 5);
        assert_eq!(filled(99), BAR_WIDTH - 1);
        assert_eq!(filled(100), BAR_WIDTH);
    }

    #[test]
    fn counts_skip_zeroes_and_name_missing_statuses() {
        let mut p = Progress::default();
        p.add(Some(Status::Done));
        p.add(Some(Status::Done));
        p.add(None);
        assert_eq!(counts(&p, Lang::En), ["Done 2", "no status 1"]);
        assert_eq!(counts(&p, Lang::Nl), ["Afgerond 2", "geen status 1"]);
    }
}
