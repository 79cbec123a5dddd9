//! The report as CSV for spreadsheets: one row per project.
//!
//! RFC 4180: a header row, CRLF line ends, fields quoted when they need it.
//! The delimiter and the decimal mark follow the language ([`Csv`]): Dutch
//! spreadsheet programs expect `;` and `33,3`, English ones `,` and `33.3`. The
//! text starts with a UTF-8 byte order mark so that spreadsheet programs that
//! otherwise assume a legacy code page read accents like `ë` correctly; CSV
//! readers (the `csv` crate, Python's `utf-8-sig`, LibreOffice) skip it.
//!
//! Every cell goes through [`cell`]: a cell that a spreadsheet would take for a
//! formula is neutralised, and control characters are shown as placeholders,
//! since CSV is read in terminals too.

use std::borrow::Cow;
use std::io::{self, Write};

use super::Report;
use crate::i18n::Lang;
use crate::terminal_safe::{self, Layout};

const BOM: &str = "\u{feff}";

/// The field delimiter `--delimiter` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Delimiter {
    /// `;`, what Dutch spreadsheet programs expect
    #[value(name = ";", alias = "semicolon")]
    Semicolon,
    /// `,`, what English spreadsheet programs expect
    #[value(name = ",", alias = "comma")]
    Comma,
    /// A tab
    #[value(name = "tab")]
    Tab,
}

/// How CSV is written: the field delimiter and the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Csv {
    pub delimiter: u8,
    /// `33,3` rather than `33.3`.
    pub decimal_comma: bool,
}

impl Csv {
    /// The language's delimiter and decimal mark (Dutch `;` and a comma,
    /// English `,` and a point), with `delimiter` when given.
    pub fn new(lang: Lang, delimiter: Option<Delimiter>) -> Csv {
        let decimal_comma = lang == Lang::Nl;
        let delimiter = match delimiter {
            Some(Delimiter::Semicolon) => b';',
            Some(Delimiter::Comma) => b',',
            Some(Delimiter::Tab) => b'\t',
            None if decimal_comma => b';',
            None => b',',
        };
        Csv {
            delimiter,
            decimal_comma,
        }
    }

    /// A number of tenths with one decimal in this decimal mark: `33,3`.
    pub fn tenths(self, tenths: i64) -> String {
        let sign = if tenths < 0 { "-" } else { "" };
        let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
        let mark = if self.decimal_comma { ',' } else { '.' };
        format!("{sign}{whole}{mark}{tenth}")
    }
}

/// A CSV writer with the settings every CSV of this crate uses, after the BOM.
/// Write its rows with [`record`].
pub(crate) fn writer(csv: Csv, out: &mut dyn Write) -> io::Result<csv::Writer<&mut dyn Write>> {
    out.write_all(BOM.as_bytes())?;
    Ok(csv::WriterBuilder::new()
        .delimiter(csv.delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

/// Writes one row, every field through [`cell`].
pub(crate) fn record<'a>(
    w: &mut csv::Writer<&mut dyn Write>,
    fields: impl IntoIterator<Item = &'a str>,
) -> csv::Result<()> {
    w.write_record(fields.into_iter().map(|f| cell(f).into_owned()))
}

/// A field as a spreadsheet may safely show it. Following OWASP's rule against
/// CSV injection, a field that starts with `=`, `+`, `-`, `@`, a tab or a CR,
/// which spreadsheet programs may run as a formula, gets a `'` in front, so it
/// shows as text. Control characters other than line breaks become placeholders
/// (a tab `␉`), as in [`terminal_safe::sanitize`].
pub(crate) fn cell(field: &str) -> Cow<'_, str> {
    let shown = terminal_safe::sanitize(field, Layout::Cell);
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{shown}"))
    } else {
        shown
    }
}

pub(crate) fn write(
    report: &Report,
    lang: Lang,
    style: Csv,
    out: &mut dyn Write,
) -> csv::Result<()> {
    write_with(report, (lang, style), None, out)
}

/// The report's CSV, with `lead` (a heading and the value of every row) as
/// its first column when given: the date of a report as of a date.
pub(crate) fn write_with(
    report: &Report,
    (lang, style): (Lang, Csv),
    lead: Option<[&str; 2]>,
    out: &mut dyn Write,
) -> csv::Result<()> {
    let t = lang.report();
    let tr = lang.tr();
    let mut w = writer(style, out)?;
    let heading = lead.map(|[heading, _]| heading);
    let value = lead.map(|[_, value]| value);
    record(
        &mut w,
        heading.into_iter().chain([
            tr.theme, t.focus, t.subtheme, t.id, t.project, t.year, tr.status, tr.owner, tr.notes,
        ]),
    )?;
    let year = report.year.to_string();
    for theme in &report.themes {
        let focus = if theme.focus { "★" } else { "" };
        for sub in &theme.subthemes {
            for p in &sub.projects {
                let status = p.status_in(report.year).map_or("", |s| lang.status(s));
                record(
                    &mut w,
                    value.into_iter().chain([
                        theme.name.as_str(),
                        focus,
                        &sub.name,
                        &p.id,
                        &p.title,
                        &year,
                        status,
                        &p.owner,
                        &p.notes,
                    ]),
                )?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for formula in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+2",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\r=1",
        ] {
            let shown = cell(formula);
            assert!(shown.starts_with('\''), "{formula:?} → {shown:?}");
        }
        assert_eq!(cell("=1+2"), "'=1+2");
        assert_eq!(cell("\t=1"), "'␉=1");
        assert_eq!(cell("\r\n=1"), "'\n=1");
    }

    #[test]
    fn the_language_picks_the_delimiter_and_the_decimal_mark() {
        let nl = Csv::new(Lang::Nl, None);
        assert_eq!((nl.delimiter, nl.tenths(333)), (b';', "33,3".to_string()));
        let en = Csv::new(Lang::En, None);
        assert_eq!((en.delimiter, en.tenths(-5)), (b',', "-0.5".to_string()));
        assert_eq!(Csv::new(Lang::Nl, Some(Delimiter::Tab)).delimiter, b'\t');
        assert_eq!(
            Csv::new(Lang::En, Some(Delimiter::Semicolon)).delimiter,
            b';'
        );
        assert!(Csv::new(Lang::Nl, Some(Delimiter::Comma)).decimal_comma);
    }

    #[test]
    fn ordinary_cells_are_unchanged_and_controls_shown() {
        assert!(matches!(cell("Zoë van ’t Hof"), Cow::Borrowed(_)));
        assert!(matches!(cell("2026"), Cow::Borrowed(_)));
        assert!(matches!(cell("a = b - c"), Cow::Borrowed(_)));
        assert_eq!(cell("one\ntwo"), "one\ntwo");
        assert_eq!(cell("a\u{1b}]0;X\u{7}\tb\u{9b}"), "a␛]0;X␇␉b<U+009B>");
    }
}
