//! The counts at the end of each month or quarter, written out: one row per
//! period. A period that has not ended yet shows no counts.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{Measure, iso};
use jiff::tz::TimeZone;

use crate::as_of::{Period, PeriodCounts, first_record};
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::report::markdown::{Align, cell, row, separator};
use crate::report::{Csv, Format, Scope, json, spreadsheet};
use crate::terminal_safe::line;

/// Writes `counts`, the counts of `plan` through `year` per `period` for
/// `scope`, in `format`. Text has its headings in words, or short with a
/// legend when the words would make it wider than `width`.
#[allow(clippy::too_many_arguments, reason = "one report, its parts named")]
pub fn write_periods(
    plan: &Plan,
    year: u16,
    period: Period,
    scope: &Scope,
    counts: &[PeriodCounts],
    format: Format,
    (lang, zone, csv, width): (Lang, &TimeZone, Csv, Option<usize>),
    out: &mut dyn Write,
) -> io::Result<()> {
    let table = Table::new(plan, (year, period, scope), counts, (lang, zone));
    match format {
        Format::Text => table.text(plan, width, out),
        Format::Markdown => table.markdown(plan, out),
        Format::Csv => Ok(table.csv(csv, out)?),
        Format::Json => json(plan, year, period, scope, counts, out),
    }
}

/// The rows as words: a heading line, and per period its label and counts.
struct Table<'c> {
    lang: Lang,
    zone: TimeZone,
    header: Vec<String>,
    headings: Vec<String>,
    rows: Vec<(String, &'c PeriodCounts)>,
}

impl<'c> Table<'c> {
    fn new(
        plan: &Plan,
        (year, period, scope): (u16, Period, &Scope),
        counts: &'c [PeriodCounts],
        (lang, zone): (Lang, &TimeZone),
    ) -> Table<'c> {
        let (t, words) = (lang.report(), lang.as_of());
        let (per, first_heading) = match period {
            Period::Month => (words.per_month, words.month),
            Period::Quarter => (words.per_quarter, words.quarter),
        };
        let scope = match scope {
            Scope::All => words.all_themes.to_string(),
            Scope::Focus => words.focus_themes.to_string(),
            Scope::Theme(id) => (plan.themes.iter().find(|th| th.id == *id))
                .map_or_else(|| id.to_string(), |th| th.name.clone()),
        };
        let mut header = vec![format!("{} {year} · {per} · {scope}", t.plan_year)];
        let first = first_record(plan);
        if counts
            .first()
            .is_some_and(|c| first.is_none_or(|f| c.end < f))
        {
            header.push(lang.periods_before_records_note(first, zone));
        }
        let mut headings = vec![first_heading.to_string()];
        headings.extend(Measure::ALL.iter().map(|m| m.label(lang)));
        let rows = (counts.iter())
            .map(|c| (lang.period_label(period.count(), c.label_index, year), c))
            .collect();
        Table {
            lang,
            zone: zone.clone(),
            header,
            headings,
            rows,
        }
    }

    /// A period's cells after its label: the counts, or "not yet" and blanks.
    fn cells(&self, c: &PeriodCounts, percent: bool) -> Vec<String> {
        Measure::ALL
            .iter()
            .enumerate()
            .map(|(i, m)| match (c.future, m) {
                (true, _) if i == 0 => self.lang.as_of().not_yet.to_string(),
                (true, _) => String::new(),
                (false, Measure::PercentDone) if percent => format!("{} %", m.of(&c.progress)),
                (false, m) => m.of(&c.progress).to_string(),
            })
            .collect()
    }

    fn text(&self, plan: &Plan, room: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{} — {}", line(&plan.fund), line(&plan.title))?;
        for extra in &self.header {
            writeln!(out, "{}", line(extra))?;
        }
        writeln!(out)?;
        let mut table = vec![self.headings.clone()];
        for (label, c) in &self.rows {
            let mut cells = vec![label.clone()];
            cells.extend(self.cells(c, true));
            table.push(cells);
        }
        let measure = |table: &[Vec<String>]| -> Vec<usize> {
            (0..self.headings.len())
                .map(|i| table.iter().map(|r| r[i].width()).max().unwrap_or(0))
                .collect()
        };
        let mut widths = measure(&table);
        let wide = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
        let short = room.is_some_and(|room| wide > room);
        if short {
            table[0].truncate(1);
            table[0].extend(Measure::ALL.iter().map(|m| m.short_label(self.lang)));
            widths = measure(&table);
        }
        for cells in &table {
            let mut text = String::new();
            for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
                let pad = " ".repeat(width - cell.width());
                match i {
                    0 => text.push_str(&format!("{cell}{pad}")),
                    // "not yet" reads from the left, under the first count.
                    1 if cell.parse::<usize>().is_err() && !cell.is_empty() => {
                        text.push_str(&format!("  {cell}{pad}"))
                    }
                    _ => text.push_str(&format!("  {pad}{cell}")),
                }
            }
            writeln!(out, "{}", text.trim_end())?;
        }
        if short {
            writeln!(out)?;
            let legend = self.lang.short_headings_legend();
            for text in crate::i18n::wrap_legend(&legend, room.unwrap_or(usize::MAX)) {
                writeln!(out, "{text}")?;
            }
        }
        Ok(())
    }

    fn markdown(&self, plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "# {} — {}", cell(&plan.fund), cell(&plan.title))?;
        writeln!(out)?;
        for extra in &self.header {
            writeln!(out, "{}", cell(extra))?;
            writeln!(out)?;
        }
        row(&self.headings, out)?;
        let mut aligns = vec![Align::Left];
        aligns.resize(self.headings.len(), Align::Right);
        separator(&aligns, out)?;
        for (label, c) in &self.rows {
            let mut cells = vec![cell(label)];
            cells.extend(self.cells(c, true));
            row(&cells, out)?;
        }
        Ok(())
    }

    /// A row per period: its label, its end, and the counts (blank for a
    /// period that has not ended).
    fn csv(&self, style: Csv, out: &mut dyn Write) -> csv::Result<()> {
        let mut w = spreadsheet::writer(style, out)?;
        let mut headings = vec![self.headings[0].clone(), self.lang.as_of().end.to_string()];
        headings.extend(self.headings[1..].iter().cloned());
        spreadsheet::record(&mut w, headings.iter().map(String::as_str))?;
        for (label, c) in &self.rows {
            let mut cells = vec![
                spreadsheet::cell(label).into_owned(),
                iso(c.end, &self.zone),
            ];
            cells.extend(Measure::ALL.iter().map(|m| match c.future {
                true => String::new(),
                false => m.cell(&c.progress, style),
            }));
            w.write_record(&cells)?;
        }
        w.flush()?;
        Ok(())
    }
}

#[derive(Serialize)]
struct Document<'a> {
    fund: &'a str,
    title: &'a str,
    year: u16,
    period: &'static str,
    /// The theme's id when the counts are of one theme.
    theme: Option<&'a str>,
    /// Whether the counts are of the focus themes.
    focus: bool,
    first_record: Option<String>,
    periods: Vec<PeriodJson>,
}

#[derive(Serialize)]
struct PeriodJson {
    /// The month (1–12) or quarter (1–4).
    index: u8,
    /// The last second of the period, RFC 3339, UTC.
    end: String,
    /// The period has not ended yet: no counts.
    future: bool,
    totals: Option<json::Totals>,
}

fn json(
    plan: &Plan,
    year: u16,
    period: Period,
    scope: &Scope,
    counts: &[PeriodCounts],
    out: &mut dyn Write,
) -> io::Result<()> {
    let doc = Document {
        fund: &plan.fund,
        title: &plan.title,
        year,
        period: match period {
            Period::Month => "month",
            Period::Quarter => "quarter",
        },
        theme: match scope {
            Scope::Theme(id) => Some(id),
            _ => None,
        },
        focus: *scope == Scope::Focus,
        first_record: first_record(plan).map(|t| t.to_string()),
        periods: (counts.iter())
            .map(|c| PeriodJson {
                index: c.label_index,
                end: c.end.to_string(),
                future: c.future,
                totals: (!c.future).then(|| json::totals(&c.progress)),
            })
            .collect(),
    };
    crate::terminal_safe::json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
