//! The Markdown outline of a plan, both ways: `aoplan import` reads one into
//! themes, `aoplan export --format outline` writes one. `docs/format.md`
//! ("Outlines") is the contract; in short:
//!
//! ```text
//! # Theme name *              ← a theme; a trailing `*` or `(focus)` marks a focus theme
//!
//! The theme's intro, as many lines and paragraphs as it has.
//!
//! ## Sub-theme name           ← a sub-theme of the theme above
//!
//! The sub-theme's intro.
//!
//! - Project title {#id status=InProgress}   ← a project; `{…}` is optional
//!
//!   The project's details, indented by two spaces.
//! ```
//!
//! Text is kept exactly, line breaks included: `\` before an ASCII punctuation
//! character stands for that character (`\#`, `\*`, `\\`), and `&#xHEX;` or
//! `&#DECIMAL;` for any character (`&#xA;` a line break inside a title). The
//! writer uses both so that everything it writes reads back the same, and it
//! writes every control character (and bidi control) as `&#x…;`, so an outline
//! is safe to show on a terminal as it is.
//!
//! Pure: no files, no terminal. Errors carry the line and column (1-based,
//! in characters).

mod parse;
mod text;
mod write;

#[cfg(test)]
mod round_trip;
#[cfg(test)]
mod tests;

use std::fmt;

pub use parse::{parse, parse_bytes};
pub use write::{carried, to_outline};

/// The largest outline read: a plan of 10 000 projects is about 5 MiB.
pub const MAX_OUTLINE_BYTES: usize = 32 << 20;

/// The most themes, sub-themes and projects one outline may hold.
pub const MAX_ITEMS: usize = 100_000;

/// What a heading or list item makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Theme,
    Subtheme,
    Project,
}

impl Item {
    /// "theme name", "sub-theme name", "project title": the text a line gives.
    fn text_name(self) -> &'static str {
        match self {
            Item::Theme => "theme name",
            Item::Subtheme => "sub-theme name",
            Item::Project => "project title",
        }
    }

    fn marker(self) -> &'static str {
        match self {
            Item::Theme => "`#` theme",
            Item::Subtheme => "`##` sub-theme",
            Item::Project => "`-` project",
        }
    }
}

/// Why an outline could not be read, at [`OutlineError::line`] and
/// [`OutlineError::col`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// Larger than [`MAX_OUTLINE_BYTES`]; holds the size seen (at least).
    TooLarge(usize),
    /// Not UTF-8: the first bad byte.
    InvalidUtf8(u8),
    /// More than [`MAX_ITEMS`] items.
    TooManyItems,
    /// Text before the first `#` heading.
    TextBeforeTheme,
    /// A `##` before any `#`.
    SubthemeBeforeTheme,
    /// A `-` before any `##` of its theme.
    ProjectBeforeSubtheme,
    /// `###` or deeper: holds the level.
    DeepHeading(usize),
    /// `#text`: a `#` or `##` without the space after it.
    NoSpaceAfterHash,
    /// A heading or item without text.
    EmptyTitle(Item),
    /// A tab in a line's indentation.
    TabIndent,
    /// A project's details indented by one space.
    OddIndent,
    /// An indented `#` or `-` line where a heading or project could be meant.
    IndentedMarker,
    /// Unindented text after a project.
    TextAfterProject,
    /// A focus mark on a sub-theme or project.
    FocusNotOnTheme(Item),
    /// `{}` or `{ }`.
    EmptyAttributes,
    /// A `}` at the end of a line with no `{` before it.
    UnmatchedBrace,
    /// Something in `{…}` that is not `#id` or `status=…`.
    UnknownAttribute(String),
    /// `#id` or `status=` given twice in one `{…}`.
    AttributeTwice(&'static str),
    MalformedId(String),
    /// An id given twice; holds the line of the first.
    DuplicateId {
        id: String,
        first_line: usize,
    },
    /// `status=` on a heading.
    StatusNotOnProject(Item),
    /// An unknown status, with the closest known name.
    UnknownStatus {
        found: String,
        suggestion: &'static str,
    },
}

/// An outline error at a position (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineError {
    pub line: usize,
    pub col: usize,
    pub kind: ErrorKind,
}

impl fmt::Display for OutlineError {
    /// `LINE:COL: message`, to follow a file name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.kind)
    }
}

impl std::error::Error for OutlineError {}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind as E;
        match self {
            E::TooLarge(_) => write!(
                f,
                "the outline is larger than the limit of {} MiB; is this the right file?",
                MAX_OUTLINE_BYTES >> 20
            ),
            E::InvalidUtf8(b) => write!(
                f,
                "invalid UTF-8 (byte 0x{b:02X}); an outline must be UTF-8 text"
            ),
            E::TooManyItems => write!(
                f,
                "more than {MAX_ITEMS} themes, sub-themes and projects: too large for a plan"
            ),
            E::TextBeforeTheme => f.write_str(
                "text before the first theme: an outline starts with a `# Theme` heading",
            ),
            E::SubthemeBeforeTheme => f.write_str(
                "a `##` sub-theme before any theme: expected a `# Theme` heading above it",
            ),
            E::ProjectBeforeSubtheme => f.write_str(
                "a `-` project outside a sub-theme: expected a `## Sub-theme` heading above it, under its theme",
            ),
            E::DeepHeading(level) => write!(
                f,
                "a level-{level} heading: an outline has only `#` themes and `##` sub-themes \
                 (write `\\#` for text that starts with #)"
            ),
            E::NoSpaceAfterHash => f.write_str(
                "expected a space after `#` for a heading, or `\\#` for text that starts with #",
            ),
            E::EmptyTitle(item) => write!(f, "the {} is empty", item.text_name()),
            E::TabIndent => f.write_str(
                "a tab in the indentation: indent with spaces (two for a project's details)",
            ),
            E::OddIndent => f.write_str(
                "indented by one space: indent a project's details by two spaces",
            ),
            E::IndentedMarker => f.write_str(
                "an indented `#`, `-`, `*` or `+` here is ambiguous: start a heading or project \
                 in the first column, or write `\\#`, `\\-`, … for text",
            ),
            E::TextAfterProject => f.write_str(
                "unindented text after a project: indent a project's details by two spaces \
                 (an intro belongs directly under its `#` or `##` heading)",
            ),
            E::FocusNotOnTheme(item) => write!(
                f,
                "only a `#` theme can be marked focus (`*` or `(focus)`), not a {}; \
                 write `\\*` or `\\(focus)` for a {} that ends so",
                item.marker(),
                item.text_name()
            ),
            E::EmptyAttributes => f.write_str(
                "empty `{}`: expected `{#id}` or `{#id status=InProgress}`, or `\\}` for text that ends with }",
            ),
            E::UnmatchedBrace => f.write_str(
                "a `}` ends the line but no `{` opens attributes: write `\\}` for text that ends with }",
            ),
            E::UnknownAttribute(found) => write!(
                f,
                "unknown attribute `{}` in `{{…}}`: expected `#id` or `status=…` \
                 (write `\\}}` for text that ends with }})",
                clip(found)
            ),
            E::AttributeTwice(what) => write!(f, "`{what}` is given twice in one `{{…}}`"),
            E::MalformedId(id) => write!(
                f,
                "id `{}` is malformed: use lowercase letters a–z, digits and `-`",
                clip(id)
            ),
            E::DuplicateId { id, first_line } => write!(
                f,
                "id `{}` is already used on line {first_line}; ids are unique across the plan",
                clip(id)
            ),
            E::StatusNotOnProject(item) => {
                write!(f, "`status=` belongs on a `-` project, not a {}", item.marker())
            }
            E::UnknownStatus { found, suggestion } => write!(
                f,
                "unknown status `{}` (did you mean `{suggestion}`?); expected Planned, InProgress, \
                 Done, OnHold, Cancelled, their Dutch names, or none",
                clip(found)
            ),
        }
    }
}

/// Text from the outline shortened for a message.
fn clip(s: &str) -> String {
    const MAX: usize = 60;
    match s.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}
