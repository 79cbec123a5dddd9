//! The plan file format: parsing with precise error positions, and the canonical writer.
//!
//! The writer is hand-made rather than ron's pretty printer so that the output is a
//! stable contract: the same plan always gives the same bytes, optional empty fields
//! are left out, and one status change touches one line.

mod comments;
mod read;
mod syntax;
mod write;

pub use comments::first_comment;
use syntax::describe;
pub use syntax::{Escape, SyntaxMessage, Token, Within};
pub use write::{quote, quote_into, to_ron};

use unicode_width::UnicodeWidthChar;

use crate::plan::Plan;

/// A syntax or type error at a position in the text (1-based line and column, in chars).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub col: usize,
    /// What is wrong, with its data; `i18n` words it in either language.
    pub message: SyntaxMessage,
}

/// Decodes file bytes to text: strips a UTF-8 byte order mark and rejects invalid UTF-8
/// with the position of the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<&str, SyntaxError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // SAFETY-free: the prefix up to valid_up_to is valid UTF-8 by definition.
        let text = std::str::from_utf8(good).unwrap_or("");
        let (line, col) = position_after(text);
        SyntaxError {
            line,
            col,
            message: SyntaxMessage::BadUtf8(bytes[e.valid_up_to()]),
        }
    })
}

fn position_after(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, col)
}

/// Parses plan text. Only the syntax and types are checked here; see [`Plan::validate`].
pub fn parse(text: &str) -> Result<Plan, SyntaxError> {
    if text.trim().is_empty() {
        return Err(SyntaxError {
            line: 1,
            col: 1,
            message: SyntaxMessage::Empty,
        });
    }
    if let Some(plan) = read::parse(text) {
        return Ok(plan);
    }
    parse_with_ron(text)
}

/// The fast reader alone: the plan, exactly as ron reads it, or `None` where
/// only ron can read the text (see `codec/read.rs`). For tests and fuzzing;
/// use [`parse`].
pub fn parse_fast(text: &str) -> Option<Plan> {
    read::parse(text)
}

/// Plan text read by ron alone: what [`parse`] falls back to, and where the
/// messages and positions of errors come from.
pub fn parse_with_ron(text: &str) -> Result<Plan, SyntaxError> {
    ron::Options::default()
        .from_str::<Plan>(text)
        .map_err(|e| ron_error(&e))
}

/// Ron's error at its position, in the plan file's terms; for the other files
/// aoplan reads with ron (the config, the journal).
pub fn ron_error(e: &ron::error::SpannedError) -> SyntaxError {
    let ron::error::Position { line, col } = e.span.start;
    SyntaxError {
        line: line.max(1),
        col: col.max(1),
        message: describe(&e.code),
    }
}

/// The source line of an error with a caret under the column, for messages:
///
/// ```text
///   12 |         nmae: "x",
///      |         ^
/// ```
pub fn excerpt(text: &str, line: usize, col: usize) -> String {
    let Some(source) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    const MAX: usize = 160;
    // Keep long lines readable (and a 60 MB line cheap): show a window around the column.
    let before = col.saturating_sub(1);
    let start = before.saturating_sub(MAX / 2);
    let window: Vec<char> = source.chars().skip(start).take(MAX).collect();
    let shown: String = window
        .iter()
        .map(|&c| match c {
            '\t' => ' ',
            c if c.is_control() => '�',
            c => c,
        })
        .collect();
    let pad: usize = window[..(before - start).min(window.len())]
        .iter()
        .map(|&c| if c == '\t' { 1 } else { c.width().unwrap_or(1) })
        .sum();
    let ell = if start > 0 { "…" } else { "" };
    let num = line.to_string();
    let gutter = " ".repeat(num.len());
    format!(
        "{num} | {ell}{shown}\n{gutter} | {}{}^",
        if start > 0 { " " } else { "" },
        " ".repeat(pad)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_what_ron_needs() {
        assert_eq!(quote("a\"b\\c\nd\u{1}"), r#""a\"b\\c\nd\u{1}""#);
        assert_eq!(quote("ideeën ’x’ – 🙂"), "\"ideeën ’x’ – 🙂\"");
    }

    #[test]
    fn decode_strips_bom_and_locates_bad_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBF(x)").unwrap(), "(x)");
        let e = decode(b"(\n  ab\xFFc").unwrap_err();
        assert_eq!((e.line, e.col), (2, 5));
        assert_eq!(e.message, SyntaxMessage::BadUtf8(0xFF));
    }

    #[test]
    fn excerpt_points_at_the_column() {
        let text = "(\n    nmae: \"x\",\n)";
        assert_eq!(excerpt(text, 2, 5), "2 |     nmae: \"x\",\n  |     ^");
    }

    #[test]
    fn excerpt_of_a_long_line_is_a_window_with_the_caret_on_the_column() {
        let line = format!("{}X{}", "a".repeat(1000), "b".repeat(1000));
        let shown = excerpt(&line, 1, 1001);
        let (source, caret) = shown.split_once('\n').unwrap();
        assert!(source.starts_with("1 | …") && source.chars().count() < 200);
        let caret_at = caret.chars().count() - 1;
        assert_eq!(source.chars().nth(caret_at), Some('X'), "{shown}");
    }

    #[test]
    fn names_from_the_file_are_clipped_in_messages() {
        let e = parse(&format!("({}: 1)", "a".repeat(10_000))).unwrap_err();
        let SyntaxMessage::UnknownField { found, .. } = &e.message else {
            panic!("{:?}", e.message)
        };
        assert!(found.starts_with("aaa") && found.ends_with("a…") && found.len() < 400);
    }
}
