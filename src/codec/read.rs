//! A fast reader for plan text: the part of RON that plan files use, read
//! straight from the bytes into the model's own serde derives.
//!
//! It either gives exactly the plan ron gives for the same text, or gives up
//! (`None`), and the caller then reads the text with ron, whose errors and
//! positions are what the user sees. So it never has a message of its own,
//! and everything it is not sure to read the way ron does makes it give up:
//! document attributes (`#![enable(…)]`), whitespace other than space, tab,
//! CR and LF (ron also skips a few Unicode spaces), identifiers that are not
//! plain ASCII, raw identifiers, numbers with a sign, base, `_` or suffix,
//! byte escapes above `\x7F`, and every error.
//!
//! What it reads as ron does: struct names (`Plan(…)` or `(…)`), fields in
//! any order, missing defaulted fields, trailing commas, `[…]`, `{…}`, unit,
//! newtype and struct variants, `Some(…)`/`None`, `true`/`false`, unsigned
//! decimal integers, strings with every escape ron knows (`\"`, `\\`, `\'`,
//! `\n`, `\r`, `\t`, `\0`, `\xNN`, `\u{…}`, a backslash before a line break),
//! raw strings (`r#"…"#`), and `//` and nested `/* */` comments.

mod de;
#[cfg(test)]
mod tests;

use std::fmt;

use memchr::{memchr, memchr2};
use serde::Deserialize;

use crate::plan::Plan;

/// The plan in `text`, or `None` when ron must read it (see the module docs).
pub(super) fn parse(text: &str) -> Option<Plan> {
    let mut reader = Reader { text, pos: 0 };
    let plan = Plan::deserialize(&mut reader).ok()?;
    reader.ws().ok()?;
    (reader.pos == text.len()).then_some(plan)
}

/// Why the fast reader gave up. It carries nothing: ron says what is wrong.
#[derive(Debug)]
pub(super) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not read by the fast reader")
    }
}

impl std::error::Error for GiveUp {}

impl serde::de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Read<T> = Result<T, GiveUp>;

/// A byte in an identifier.
const IDENT: u8 = 1;
/// A byte after which ron would read an identifier differently: a non-ASCII
/// byte (a letter, maybe), `.`, `+` or `-` (a raw identifier's), `#`, `"` or
/// `'` (a raw identifier, a raw or byte string).
const LONGER: u8 = 2;

/// The class of each byte, for identifiers.
static BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() || c == b'_' {
            IDENT
        } else if !c.is_ascii() || matches!(c, b'.' | b'+' | b'-' | b'#' | b'"' | b'\'') {
            LONGER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// A string's text: a slice of the input when it has no escapes.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

/// A cursor over the text. `pos` is always at a char boundary: it only moves
/// past ASCII bytes one by one, or to just after an ASCII delimiter.
pub(super) struct Reader<'de> {
    text: &'de str,
    pos: usize,
}

impl<'de> Reader<'de> {
    fn rest(&self) -> &'de [u8] {
        &self.text.as_bytes()[self.pos..]
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Past `byte`, which must come next.
    fn expect(&mut self, byte: u8) -> Read<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// Past whitespace and comments. Between most tokens there is none.
    #[inline]
    fn ws(&mut self) -> Read<()> {
        match self.peek() {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'/') => self.skip_ws(),
            _ => Ok(()),
        }
    }

    fn skip_ws(&mut self) -> Read<()> {
        const SPACES: u64 = u64::from_ne_bytes(*b"        ");
        let bytes = self.text.as_bytes();
        let mut pos = self.pos;
        loop {
            match bytes.get(pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => {
                    pos += 1;
                    // Indentation, most of a plan's whitespace, eight at a time.
                    while let Some(&chunk) = bytes.get(pos..).and_then(|rest| rest.first_chunk()) {
                        if u64::from_ne_bytes(chunk) != SPACES {
                            break;
                        }
                        pos += 8;
                    }
                }
                Some(b'/') => {
                    self.pos = pos;
                    self.comment()?;
                    pos = self.pos;
                }
                _ => break,
            }
        }
        self.pos = pos;
        Ok(())
    }

    /// Past `// …` (up to the line break) or `/* … */`, which nest in ron.
    #[cold]
    fn comment(&mut self) -> Read<()> {
        match self.rest().get(1) {
            Some(b'/') => {
                self.pos = memchr(b'\n', self.rest()).map_or(self.text.len(), |i| self.pos + i);
                Ok(())
            }
            Some(b'*') => {
                self.pos += 2;
                let mut depth = 1usize;
                while depth > 0 {
                    self.pos += memchr2(b'/', b'*', self.rest()).ok_or(GiveUp)?;
                    let rest = self.rest();
                    if rest.starts_with(b"/*") {
                        depth += 1;
                        self.pos += 2;
                    } else if rest.starts_with(b"*/") {
                        depth -= 1;
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                    }
                }
                Ok(())
            }
            _ => Err(GiveUp),
        }
    }

    /// Whitespace, then an optional comma and whitespace: whether there was one.
    fn comma(&mut self) -> Read<bool> {
        self.ws()?;
        let comma = self.peek() == Some(b',');
        if comma {
            self.pos += 1;
            self.ws()?;
        }
        Ok(comma)
    }

    /// An ASCII identifier. Gives up where ron could read a longer one (a
    /// non-ASCII letter, `.`, `+` or `-` next), or a raw identifier or string.
    fn ident(&mut self) -> Read<&'de str> {
        let rest = self.rest();
        if !rest
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
        {
            return Err(GiveUp);
        }
        let len = rest
            .iter()
            .position(|&b| BYTE[usize::from(b)] != IDENT)
            .unwrap_or(rest.len());
        if rest
            .get(len)
            .is_some_and(|&b| BYTE[usize::from(b)] == LONGER)
        {
            return Err(GiveUp);
        }
        let ident = &self.text[self.pos..self.pos + len];
        self.pos += len;
        Ok(ident)
    }

    /// An unsigned decimal integer with nothing ron would read as part of it next.
    fn unsigned(&mut self) -> Read<u64> {
        let rest = self.rest();
        let len = rest
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(rest.len());
        if len == 0
            || rest
                .get(len)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
        {
            return Err(GiveUp);
        }
        let mut n: u64 = 0;
        for &b in &rest[..len] {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(b - b'0')))
                .ok_or(GiveUp)?;
        }
        self.pos += len;
        Ok(n)
    }

    /// A quoted or raw string.
    fn string(&mut self) -> Read<Text<'de>> {
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                self.quoted()
            }
            Some(b'r') => {
                self.pos += 1;
                self.raw()
            }
            _ => Err(GiveUp),
        }
    }

    /// The rest of a quoted string, after its opening `"`.
    fn quoted(&mut self) -> Read<Text<'de>> {
        let start = self.pos;
        let at = memchr2(b'"', b'\\', self.rest()).ok_or(GiveUp)?;
        self.pos += at;
        if self.peek() == Some(b'"') {
            self.pos += 1;
            return Ok(Text::Borrowed(&self.text[start..start + at]));
        }
        let mut out = String::with_capacity(at + 16);
        out.push_str(&self.text[start..self.pos]);
        loop {
            // At a backslash.
            self.pos += 1;
            self.escape(&mut out)?;
            let from = self.pos;
            self.pos += memchr2(b'"', b'\\', self.rest()).ok_or(GiveUp)?;
            out.push_str(&self.text[from..self.pos]);
            if self.peek() == Some(b'"') {
                self.pos += 1;
                return Ok(Text::Owned(out));
            }
        }
    }

    /// One escape, after its backslash.
    fn escape(&mut self, out: &mut String) -> Read<()> {
        let Some(c) = self.peek() else {
            return Err(GiveUp);
        };
        self.pos += 1;
        match c {
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'0' => out.push('\0'),
            b'x' => {
                let byte = self.hex_digits(2, 2)?;
                // Above 0x7F ron joins byte escapes into one character: not here.
                out.push(char::from(
                    u8::try_from(byte).ok().filter(u8::is_ascii).ok_or(GiveUp)?,
                ));
            }
            b'u' => {
                self.expect(b'{')?;
                let code = self.hex_digits(1, 6)?;
                self.expect(b'}')?;
                out.push(char::from_u32(code).ok_or(GiveUp)?);
            }
            // A backslash at the end of a line: the line break and the
            // indentation after it are not part of the text.
            b'\n' | b'\r' => {
                if c == b'\r' {
                    self.expect(b'\n')?;
                }
                let rest = self.rest();
                let skip = rest
                    .iter()
                    .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                    .unwrap_or(rest.len());
                self.pos += skip;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    }

    /// `min` to `max` hex digits (fewer when something else comes first).
    fn hex_digits(&mut self, min: usize, max: usize) -> Read<u32> {
        let mut value = 0u32;
        let mut count = 0;
        while count < max {
            let Some(digit) = self.peek().and_then(|b| char::from(b).to_digit(16)) else {
                break;
            };
            value = (value << 4) | digit;
            count += 1;
            self.pos += 1;
        }
        if count < min { Err(GiveUp) } else { Ok(value) }
    }

    /// The rest of a raw string `r#"…"#`, after its `r`.
    fn raw(&mut self) -> Read<Text<'de>> {
        let rest = self.rest();
        let hashes = rest.iter().take_while(|&&b| b == b'#').count();
        self.pos += hashes;
        self.expect(b'"')?;
        let start = self.pos;
        let close = format!("\"{}", "#".repeat(hashes));
        let len = self.text[start..].find(&close).ok_or(GiveUp)?;
        self.pos = start + len + close.len();
        Ok(Text::Borrowed(&self.text[start..start + len]))
    }
}
