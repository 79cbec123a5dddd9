//! The report as CSV for spreadsheets: one row per project.
//!
//! RFC 4180: a header row, CRLF line ends, fields quoted when they need it. The
//! text starts with a UTF-8 byte order mark so that spreadsheet programs that
//! otherwise assume a legacy code page read accents like `ë` correctly; CSV
//! readers (the `csv` crate, Python's `utf-8-sig`, LibreOffice) skip it.

use std::io::{self, Write};

use super::Report;
use crate::i18n::Lang;

const BOM: &str = "\u{feff}";

/// A CSV writer with the settings every CSV of this crate uses, after the BOM.
pub(crate) fn writer(out: &mut dyn Write) -> io::Result<csv::Writer<&mut dyn Write>> {
    out.write_all(BOM.as_bytes())?;
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

pub(crate) fn write(report: &Report, lang: Lang, out: &mut dyn Write) -> csv::Result<()> {
    let t = lang.report();
    let tr = lang.tr();
    let mut w = writer(out)?;
    w.write_record([
        tr.theme, t.focus, t.subtheme, t.id, t.project, t.year, tr.status, tr.owner, tr.notes,
    ])?;
    let year = report.year.to_string();
    for theme in &report.themes {
        let focus = if theme.focus { "★" } else { "" };
        for sub in &theme.subthemes {
            for p in &sub.projects {
                let status = p.status_in(report.year).map_or("", |s| lang.status(s));
                w.write_record([
                    theme.name.as_str(),
                    focus,
                    &sub.name,
                    &p.id,
                    &p.title,
                    &year,
                    status,
                    &p.owner,
                    &p.notes,
                ])?;
            }
        }
    }
    w.flush()?;
    Ok(())
}
