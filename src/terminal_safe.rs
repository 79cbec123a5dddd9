//! Text from the plan and from other people, made inert before it reaches a
//! terminal.
//!
//! Anyone who can write the plan can put any character in a title, a note, an
//! owner or a history entry's `by`, and a user name comes from the environment.
//! Written to a terminal unchanged, control characters are commands: ESC starts
//! sequences that set the window title (OSC 0), write the clipboard (OSC 52),
//! make links that say one thing and open another (OSC 8) or clear the screen
//! (CSI 2J); BEL rings; CR returns to the start of the line to overwrite what was
//! printed; and C1 characters (U+0080–U+009F, e.g. U+009B CSI and U+009D OSC) are
//! the same commands in one character for terminals that take them. Bidi
//! controls reorder text in terminals that implement bidi (VTE does by default),
//! so that a line can show something other than what it holds.
//!
//! [`sanitize`] is the one function every human-readable output goes through. It
//! replaces each such character by a visible, inert placeholder instead of
//! dropping it, so that nobody can hide text from a colleague either:
//!
//! - C0 controls (U+0000–U+001F) become their Unicode Control Pictures, U+2400
//!   plus the code (`␛` for ESC, `␇` for BEL, `␍` for CR), and DEL becomes `␡`:
//!   one cell wide, printable everywhere and recognisable.
//! - C1 controls and bidi controls have no pictures; they become their code point
//!   in angle brackets, `<U+009B>`, `<U+202E>`, the notation of the Unicode
//!   standard, which names exactly what is in the file.
//! - The bidi controls are the embeddings and overrides (U+202A–U+202E), the
//!   isolates (U+2066–U+2069) and the invisible marks LRM, RLM and ALM (U+200E,
//!   U+200F, U+061C). The marks cannot reverse a run of letters, but they move
//!   neutral characters such as brackets, arrows and digits, and they are
//!   invisible: the plan's Dutch and English text never needs them.
//!
//! Line breaks and tabs depend on the layout ([`Layout`]): running text keeps
//! them, a one-line field shows a line break as `␊` (so that a title cannot fake
//! a second line of output) and a tab as a space.
//!
//! Sanitising is for display only: the plan keeps its text exactly as written,
//! and JSON keeps exact values, escaped ([`json`]).

pub(crate) mod json;

use std::borrow::Cow;
use std::fmt::Write as _;

/// Where text is shown, which decides what happens to line breaks and tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One line of output (a title in a list, a name in a column): a line break
    /// becomes `␊`, a CR `␍`, a tab a space.
    Line,
    /// Running text over several lines (notes, details, messages): line breaks
    /// (LF, or CR LF, shown as LF) and tabs are kept; a lone CR becomes `␍`.
    Text,
    /// A spreadsheet cell: line breaks kept as in [`Layout::Text`]; a tab becomes
    /// `␉`.
    Cell,
}

/// Text with every control character replaced by a visible placeholder; text
/// that needs no change is returned as it is, without copying.
pub(crate) fn sanitize(text: &str, layout: Layout) -> Cow<'_, str> {
    let Some(first) = first_change(text, layout) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && layout != Layout::Line && chars.peek() == Some(&'\n') {
            continue; // CR LF is a line break; the LF follows.
        }
        push_shown(&mut out, c, layout);
    }
    Cow::Owned(out)
}

/// [`sanitize`] for one line of output.
pub fn line(text: &str) -> Cow<'_, str> {
    sanitize(text, Layout::Line)
}

/// [`sanitize`] for running text over several lines.
pub fn text(text: &str) -> Cow<'_, str> {
    sanitize(text, Layout::Text)
}

/// True for the characters that are never written to a terminal as they are:
/// C0 controls (including line break and tab, which layouts may keep), DEL, C1
/// controls and the bidi controls.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The bidi embeddings, overrides, isolates and marks.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Appends what `c` is shown as in `layout`: `c` itself when it is safe there.
/// A CR is shown as `␍` here; [`sanitize`] keeps CR LF as a line break.
pub(crate) fn push_shown(out: &mut String, c: char, layout: Layout) {
    match c {
        '\n' if layout != Layout::Line => out.push('\n'),
        '\t' if layout == Layout::Text => out.push('\t'),
        '\t' if layout == Layout::Line => out.push(' '),
        '\u{0}'..='\u{1f}' => out.push(control_picture(c)),
        '\u{7f}' => out.push('␡'),
        c if is_unsafe(c) => {
            write!(out, "<U+{:04X}>", u32::from(c)).expect("writing to a String");
        }
        c => out.push(c),
    }
}

/// The Control Picture of a C0 control: U+2400 plus its code.
fn control_picture(c: char) -> char {
    char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}')
}

/// The byte offset of the first character [`sanitize`] changes. Text is drawn
/// on every frame, so this looks only at the bytes that can start such a
/// character: ASCII controls and DEL, and the lead bytes of the C1 controls
/// (0xC2), of ALM (0xD8) and of the other bidi controls (0xE2).
fn first_change(text: &str, layout: Layout) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes[from..]
        .iter()
        .position(|&b| b < 0x20 || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2))
    {
        let at = from + offset;
        // An ASCII or lead byte always starts a character.
        let c = text[at..].chars().next().expect("a character starts here");
        if needs_change(c, layout) {
            return Some(at);
        }
        from = at + c.len_utf8();
    }
    None
}

/// Whether `c` is shown as something else in `layout`. A CR always is: as `␍`,
/// or as part of a CR LF line break shown as LF.
fn needs_change(c: char, layout: Layout) -> bool {
    match c {
        '\n' => layout == Layout::Line,
        '\t' => layout != Layout::Text,
        c => is_unsafe(c),
    }
}

/// The longest user name kept, in characters.
pub(crate) const MAX_USER_NAME: usize = 64;

/// A user name from the environment as it may be stored and shown: control,
/// bidi and other invisible format characters replaced by placeholders, spaces
/// around it trimmed, at most [`MAX_USER_NAME`] characters (a placeholder is
/// never cut in half). `None` when nothing is left.
pub(crate) fn user_name(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut count = 0;
    for c in raw.trim().chars() {
        let mut shown = String::new();
        if is_format(c) && !is_unsafe(c) {
            write!(shown, "<U+{:04X}>", u32::from(c)).expect("writing to a String");
        } else {
            push_shown(&mut shown, c, Layout::Line);
        }
        let len = shown.chars().count();
        if count + len > MAX_USER_NAME {
            break;
        }
        count += len;
        out.push_str(&shown);
    }
    let name = out.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The invisible format characters (Unicode general category Cf) besides the
/// bidi controls: soft hyphen, zero-width space and joiners, word joiner,
/// invisible operators, byte order mark, interlinear annotation, tags and the
/// like. Harmless in running text, but in a user name they only hide or disguise.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

#[cfg(test)]
mod tests;
