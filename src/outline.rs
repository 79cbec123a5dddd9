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
        suggestion: Option<&'static str>,
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
