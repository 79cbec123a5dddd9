//! The plan file format: parsing with precise error positions, and the canonical writer.
//!
//! The writer is hand-made rather than ron's pretty printer so that the output is a
//! stable contract: the same plan always gives the same bytes, optional empty fields
//! are left out, and one status change touches one line.

mod comments;
mod read;
mod write;

pub use comments::first_comment;
pub use write::{quote, quote_into, to_ron};

use unicode_width::UnicodeWidthChar;

use crate::plan::Plan;

/// A syntax or type error at a position in the text (1-based line and column, in chars).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub col: usize,
    pub message: String,
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
            message: format!(
                "invalid UTF-8 (byte 0x{:02X}); the plan must be UTF-8 text",
                bytes[e.valid_up_to()]
            ),
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
            message: "the file is empty; expected a plan: (fund: \"…\", title: \"…\", year: 2026, themes: [ … ])".into(),
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
    ron::Options::default().from_str::<Plan>(text).map_err(|e| {
        let ron::error::Position { line, col } = e.span.start;
        SyntaxError {
            line: line.max(1),
            col: col.max(1),
            message: describe(&e.code),
        }
    })
}

/// Turns ron's error into a message that says what was expected, in the plan's terms.
fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    let name = |outer: &Option<String>| match outer.as_deref() {
        Some("Plan") | None => "the plan".to_string(),
        Some("Theme") => "a theme".to_string(),
        Some("Subtheme") => "a sub-theme".to_string(),
        Some("Project") => "a project".to_string(),
        Some("HistoryEntry") => "a history entry".to_string(),
        Some("Archived") => "an archived item".to_string(),
        Some("LogEntry") => "a log entry".to_string(),
        Some("Place") => "a place (parent and position)".to_string(),
        Some("OpenConflict") => "an open conflict".to_string(),
        Some(other) => format!("`{other}`"),
    };
    match code {
        E::Eof => "unexpected end of file: the plan is cut off (expected more text, like a closing `)` or `]`)".into(),
        E::ExpectedComma => {
            "expected `,`: a comma, or a closing `\"` of a text, is missing before this point"
                .into()
        }
        E::ExpectedStringEnd => "this text is not closed: its closing `\"` is missing".into(),
        E::ExpectedIdentifier => {
            "expected a name here: a field (like `title`) or a status (like `Done`)".into()
        }
        E::InvalidEscape(what) => {
            format!("{}; a backslash in text is written `\\\\`", lower_first(what))
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{}` in {}; expected one of: {}",
            clip(found),
            name(outer),
            list(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("missing field `{field}` in {}", name(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("field `{field}` is given twice in {}", name(outer))
        }
        E::NoSuchEnumVariant { expected, found, .. } => {
            format!(
                "unknown status `{}`; expected one of: {}",
                clip(found),
                list(expected)
            )
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}(` or `(`, found `{}(`", clip(found))
        }
        E::InvalidValueForType { expected, found } => {
            format!("expected {}, found {}", clip(expected), clip(found))
        }
        E::TrailingCharacters => "unexpected text after the end of the plan".into(),
        E::ExceededRecursionLimit => "brackets are nested too deeply to be a plan".into(),
        E::IntegerOutOfBounds => "number out of range (years are 2000–2100)".into(),
        other => lower_first(&clip(&other.to_string())),
    }
}

/// `Unknown escape` → `unknown escape`, to continue a sentence.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Text from the file shortened for a message: a name can be megabytes long.
fn clip(s: &str) -> String {
    const MAX: usize = 80;
    match s.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}

fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
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
        assert!(e.message.contains("0xFF"), "{}", e.message);
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
        assert!(e.message.starts_with("unknown field `aaa"), "{}", e.message);
        assert!(e.message.contains("a…`") && e.message.len() < 400);
    }
}
