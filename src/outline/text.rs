//! Text in an outline, as tokens: a character written as itself, escaped with
//! `\`, or as a character reference `&#x…;`. Markers (a focus `*`, an attribute
//! block, a leading `#`) are recognised only on characters written as
//! themselves, so the writer can always say what it means.

use crate::terminal_safe;

/// One character of outline text and how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    /// As itself.
    Plain(char),
    /// `\c`, for an ASCII punctuation character.
    Escaped(char),
    /// `&#xHEX;` (or `&#DECIMAL;` on input).
    Ref(char),
}

impl Tok {
    pub(super) fn char(self) -> char {
        match self {
            Tok::Plain(c) | Tok::Escaped(c) | Tok::Ref(c) => c,
        }
    }

    /// Whether this is `c` written as itself.
    pub(super) fn is(self, c: char) -> bool {
        self == Tok::Plain(c)
    }

    pub(super) fn is_blank(self) -> bool {
        matches!(self, Tok::Plain(' ' | '\t'))
    }
}

/// A token and its column (1-based, in characters).
pub(super) type Spanned = (Tok, usize);

/// Reads `s`, whose first character is at column `col`, into tokens.
pub(super) fn tokenize(s: &str, col: usize) -> Vec<Spanned> {
    let mut out = Vec::with_capacity(s.len());
    let mut col = col;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let (tok, bytes, chars) = match c {
            '\\' => match rest[1..].chars().next() {
                Some(p) if p.is_ascii_punctuation() => (Tok::Escaped(p), 2, 2),
                _ => (Tok::Plain('\\'), 1, 1),
            },
            '&' => match reference(rest) {
                Some((ch, len)) => (Tok::Ref(ch), len, len),
                None => (Tok::Plain('&'), 1, 1),
            },
            c => (Tok::Plain(c), c.len_utf8(), 1),
        };
        out.push((tok, col));
        col += chars;
        rest = &rest[bytes..];
    }
    out
}

/// `&#x1F600;` or `&#128512;` at the start of `s`: the character and the
/// reference's length in bytes (all ASCII, so also in characters).
fn reference(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix("&#")?;
    let (radix, digits, skip) = match body.strip_prefix(['x', 'X']) {
        Some(hex) => (16, hex, 3),
        None => (10, body, 2),
    };
    let max = if radix == 16 { 6 } else { 7 };
    let len = digits
        .bytes()
        .take(max + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 || len > max || digits.as_bytes().get(len) != Some(&b';') {
        return None;
    }
    let n = u32::from_str_radix(&digits[..len], radix).ok()?;
    Some((char::from_u32(n)?, skip + len + 1))
}

/// The text the tokens stand for.
pub(super) fn decode(toks: &[Spanned]) -> String {
    toks.iter().map(|(t, _)| t.char()).collect()
}

/// Drops blanks written as themselves from both ends.
pub(super) fn trim(toks: &[Spanned]) -> &[Spanned] {
    let start = toks
        .iter()
        .position(|(t, _)| !t.is_blank())
        .unwrap_or(toks.len());
    let end = toks
        .iter()
        .rposition(|(t, _)| !t.is_blank())
        .map_or(start, |i| i + 1);
    &toks[start..end]
}

/// The tokens that write `text` so that it reads back exactly as one line of
/// body text, or, with `title`, as a heading's or project's text.
pub(super) fn escape(text: &str, title: bool) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks: Vec<Tok> = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            '\t' => Tok::Plain('\t'),
            c if terminal_safe::is_unsafe(c) => Tok::Ref(c),
            '\\' => Tok::Escaped('\\'),
            '&' if chars.get(i + 1) == Some(&'#') => Tok::Escaped('&'),
            c => Tok::Plain(c),
        })
        .collect();
    // Blanks at either end would be trimmed on reading.
    for i in [0, toks.len().saturating_sub(1)] {
        if let Some(t) = toks.get_mut(i)
            && t.is_blank()
        {
            *t = Tok::Ref(t.char());
        }
    }
    // A leading `#`, `-`, `*` or `+` could start a heading or a project.
    if let Some(t @ Tok::Plain('#' | '-' | '*' | '+')) = toks.first_mut() {
        *t = Tok::Escaped(t.char());
    }
    if title {
        // A trailing `*` or `(focus)` marks focus, a trailing `}` ends attributes.
        if let Some(t @ Tok::Plain('*' | '}' | '#')) = toks.last_mut() {
            *t = Tok::Escaped(t.char());
        }
        if let Some(at) = toks.len().checked_sub(FOCUS.len())
            && is_focus_word(&toks[at..])
        {
            toks[at] = Tok::Escaped('(');
        }
    }
    toks
}

/// The focus mark in words.
pub(super) const FOCUS: &str = "(focus)";

/// Whether the tokens are `(focus)` (any case), written as themselves.
pub(super) fn is_focus_word(toks: &[Tok]) -> bool {
    toks.len() == FOCUS.len()
        && toks
            .iter()
            .zip(FOCUS.chars())
            .all(|(t, c)| matches!(t, Tok::Plain(x) if x.eq_ignore_ascii_case(&c)))
}

/// Appends the outline text of the tokens.
pub(super) fn render(toks: &[Tok], out: &mut String) {
    use std::fmt::Write as _;
    for t in toks {
        match *t {
            Tok::Plain(c) => out.push(c),
            Tok::Escaped(c) => {
                out.push('\\');
                out.push(c);
            }
            Tok::Ref(c) => {
                write!(out, "&#x{:X};", u32::from(c)).expect("writing to a String");
            }
        }
    }
}
