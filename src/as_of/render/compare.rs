//! Two dates compared, written out: per theme the counts at both and the
//! difference, then every project whose status changed.

use std::io::{self, Write};

use jiff::tz::TimeZone;
use unicode_width::UnicodeWidthStr;

use super::{Measure, iso, notes, signed};
use crate::as_of::{Comparison, Presence, StatusChange};
use crate::i18n::Lang;
use crate::plan::{Plan, Progress, Status};
use crate::report::markdown::{Align, cell, row, separator};
use crate::report::{Csv, Format, spreadsheet};
use crate::terminal_safe::line;

/// Writes `c`, a comparison of `plan`, in `format`.
pub fn write_comparison(
    plan: &Plan,
    c: &Comparison,
    format: Format,
    (lang, style, zone): (Lang, Csv, &TimeZone),
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text(plan, c, (lang, zone), out),
        Format::Markdown => markdown(plan, c, (lang, zone), out),
        Format::Csv => Ok(csv(c, (lang, style, zone), out)?),
        Format::Json => super::compare_json::write(plan, c, out),
    }
}

/// The lines under the title: the dates, the plan year, and the notes.
fn header(c: &Comparison, (lang, zone): (Lang, &TimeZone)) -> Vec<String> {
    let t = lang.report();
    let mut lines = vec![
        lang.compared_header(c.a, c.b, zone),
        format!("{} {} · {}", t.plan_year, c.year, t.focus_legend),
    ];
    lines.extend(notes((lang, zone), c.a, &c.reach_a));
    lines.extend(notes((lang, zone), c.b, &c.reach_b));
    lines
}

/// "6 → 7 (+1)".
fn from_to(a: i64, b: i64) -> String {
    format!("{a} → {b} ({})", signed(b - a))
}

/// One theme's (or the total's) line of text: every count that is not zero
/// at both dates.
fn summary(a: &Progress, b: &Progress, lang: Lang) -> String {
    let t = lang.report();
    let count = |m: Measure| from_to(m.of(a), m.of(b));
    // "10 → 11 projects (+1)", "20 → 45 % done (+25)".
    let with_unit = |m: Measure, unit: String| {
        let (x, y) = (m.of(a), m.of(b));
        format!("{x} → {y} {unit} ({})", signed(y - x))
    };
    let mut parts = vec![
        with_unit(Measure::Projects, t.project_many.to_string()),
        with_unit(Measure::PercentDone, format!("% {}", lang.tr().done_word)),
    ];
    for m in Measure::ALL[1..7].iter().copied() {
        if m.of(a) != 0 || m.of(b) != 0 {
            parts.push(format!("{} {}", m.label(lang), count(m)));
        }
    }
    parts.join(" · ")
}

fn status_or_dash(lang: Lang, s: Option<Status>) -> &'static str {
    lang.status_or_none(s)
}

/// "new", "gone" or nothing.
fn remark(lang: Lang, presence: Presence) -> &'static str {
    match presence {
        Presence::Both => "",
        Presence::New => lang.as_of().new,
        Presence::Gone => lang.as_of().gone,
    }
}

/// The changed projects by theme, in order: the theme's name and its projects.
fn by_theme(c: &Comparison) -> Vec<(&str, bool, Vec<&StatusChange>)> {
    let mut groups: Vec<(&str, bool, Vec<&StatusChange>)> = Vec::new();
    for change in &c.changed {
        match groups.last_mut() {
            Some((_, _, list)) if list[0].theme == change.theme => list.push(change),
            _ => {
                let focus = c.themes.iter().any(|t| t.id == change.theme && t.focus);
                groups.push((&change.theme_name, focus, vec![change]));
            }
        }
    }
    groups
}

fn text(
    plan: &Plan,
    c: &Comparison,
    (lang, zone): (Lang, &TimeZone),
    out: &mut dyn Write,
) -> io::Result<()> {
    let t = lang.report();
    writeln!(out, "{} — {}", line(&plan.fund), line(&plan.title))?;
    for extra in header(c, (lang, zone)) {
        writeln!(out, "{}", line(&extra))?;
    }
    writeln!(out)?;
    let (a, b) = c.totals();
    writeln!(out, "{}: {}", t.total, summary(&a, &b, lang))?;
    for theme in &c.themes {
        let mark = if theme.focus { "★ " } else { "" };
        let name = line(&theme.name);
        writeln!(out, "{mark}{name}: {}", summary(&theme.a, &theme.b, lang))?;
    }
    writeln!(out)?;
    let words = lang.as_of();
    if c.changed.is_empty() {
        return writeln!(out, "{}", words.no_changes);
    }
    writeln!(out, "{} ({})", words.changed_projects, c.changed.len())?;
    let shown = |s: &StatusChange| {
        let fromto = format!(
            "{} → {}",
            status_or_dash(lang, s.from),
            status_or_dash(lang, s.to)
        );
        match remark(lang, s.presence) {
            "" => fromto,
            r => format!("{fromto} ({r})"),
        }
    };
    let width = (c.changed.iter())
        .map(|s| shown(s).width())
        .max()
        .unwrap_or(0);
    for (theme, focus, list) in by_theme(c) {
        let mark = if focus { "★ " } else { "" };
        writeln!(out, "  {mark}{}", line(theme))?;
        for s in list {
            let what = shown(s);
            let pad = " ".repeat(width - what.width());
            writeln!(out, "    {what}{pad}  {} [{}]", line(&s.title), line(&s.id))?;
        }
    }
    Ok(())
}

fn markdown(
    plan: &Plan,
    c: &Comparison,
    (lang, zone): (Lang, &TimeZone),
    out: &mut dyn Write,
) -> io::Result<()> {
    let t = lang.report();
    writeln!(out, "# {} — {}", cell(&plan.fund), cell(&plan.title))?;
    writeln!(out)?;
    for extra in header(c, (lang, zone)) {
        writeln!(out, "{}", cell(&extra))?;
        writeln!(out)?;
    }
    let mut headings = vec![lang.tr().theme.to_string()];
    headings.extend(Measure::ALL.iter().map(|m| m.label(lang)));
    row(&headings, out)?;
    let mut aligns = vec![Align::Left];
    aligns.resize(headings.len(), Align::Right);
    separator(&aligns, out)?;
    let counts = |name: String, a: &Progress, b: &Progress, out: &mut dyn Write| {
        let mut cells = vec![name];
        cells.extend(Measure::ALL.iter().map(|m| from_to(m.of(a), m.of(b))));
        row(&cells, out)
    };
    for theme in &c.themes {
        let mark = if theme.focus { "★ " } else { "" };
        counts(
            format!("{mark}{}", cell(&theme.name)),
            &theme.a,
            &theme.b,
            out,
        )?;
    }
    let (a, b) = c.totals();
    counts(format!("**{}**", t.total), &a, &b, out)?;
    writeln!(out)?;
    let words = lang.as_of();
    writeln!(out, "## {}", words.changed_projects)?;
    writeln!(out)?;
    if c.changed.is_empty() {
        return writeln!(out, "{}", words.no_changes);
    }
    let headings = [
        lang.tr().theme.to_string(),
        t.project.to_string(),
        t.id.to_string(),
        lang.moment(c.a, zone),
        lang.moment(c.b, zone),
        words.remark.to_string(),
    ];
    row(&headings, out)?;
    separator(&[Align::Left; 6], out)?;
    for s in &c.changed {
        let cells = [
            cell(&s.theme_name),
            cell(&s.title),
            format!("`{}`", line(&s.id)),
            s.from.map_or("", |st| lang.status(st)).to_string(),
            s.to.map_or("", |st| lang.status(st)).to_string(),
            remark(lang, s.presence).to_string(),
        ];
        row(&cells, out)?;
    }
    Ok(())
}

/// One table: a row per theme (and the total) and count, then a row per
/// changed project. Numbers are written as they are; text goes through the
/// spreadsheet's safe cell.
fn csv(
    c: &Comparison,
    (lang, style, zone): (Lang, Csv, &TimeZone),
    out: &mut dyn Write,
) -> csv::Result<()> {
    let words = lang.as_of();
    let mut w = spreadsheet::writer(style, out)?;
    let headings = [
        words.row.to_string(),
        words.theme_id.to_string(),
        lang.tr().theme.to_string(),
        lang.report().id.to_string(),
        words.name.to_string(),
        iso(c.a, zone),
        iso(c.b, zone),
        words.difference.to_string(),
    ];
    spreadsheet::record(&mut w, headings.iter().map(String::as_str))?;
    let text = |s: &str| spreadsheet::cell(s).into_owned();
    let (total_a, total_b) = c.totals();
    let total = lang.report().total;
    let rows = (c.themes.iter())
        .map(|t| (t.id.as_str(), t.name.as_str(), &t.a, &t.b))
        .chain([("", total, &total_a, &total_b)]);
    for (id, name, a, b) in rows {
        for m in Measure::ALL {
            let difference = match m {
                Measure::PercentDone => style.tenths(super::tenths_done(b) - super::tenths_done(a)),
                m => (m.of(b) - m.of(a)).to_string(),
            };
            w.write_record([
                text(words.count_row),
                text(id),
                text(name),
                text(m.key()),
                text(&m.label(lang)),
                m.cell(a, style),
                m.cell(b, style),
                difference,
            ])?;
        }
    }
    for s in &c.changed {
        let status = |st: Option<Status>| st.map_or("", |st| lang.status(st));
        let what = match s.presence {
            Presence::Both => words.changed,
            Presence::New => words.new,
            Presence::Gone => words.gone,
        };
        w.write_record([
            text(words.project_row),
            text(&s.theme),
            text(&s.theme_name),
            text(&s.id),
            text(&s.title),
            text(status(s.from)),
            text(status(s.to)),
            text(what),
        ])?;
    }
    w.flush()?;
    Ok(())
}
