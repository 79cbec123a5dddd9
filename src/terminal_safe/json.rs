//! JSON for scripts that is also safe to print: every string keeps its exact
//! value, and no control character appears raw.
//!
//! serde_json escapes C0 controls (`\u001b`, `\n`) but writes DEL, the C1
//! controls (U+0080–U+009F, such as U+009B CSI) and the bidi controls as they
//! are, so `aoplan show --json` in a terminal would still pass them on. This
//! formatter writes those as `\u` escapes as well; a JSON reader gets the same
//! string back.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use super::is_unsafe;

/// Writes `value` as pretty-printed JSON, like `serde_json::to_writer_pretty`,
/// with every character of [`is_unsafe`] escaped.
pub(crate) fn to_writer_pretty<W, T>(out: W, value: &T) -> serde_json::Result<()>
where
    W: Write,
    T: Serialize + ?Sized,
{
    let mut serializer = Serializer::with_formatter(out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// serde_json's pretty formatter with the extra escapes.
struct Escaping(PrettyFormatter<'static>);

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| is_unsafe(c)) {
            writer.write_all(&rest.as_bytes()[..i])?;
            // Every unsafe character is in the Basic Multilingual Plane: one escape.
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        to_writer_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn unsafe_characters_are_escaped_and_values_kept() {
        let hostile =
            "a\u{1b}]52;c;eA==\u{7}b\u{7f}c\u{9b}2Jd\u{9d}e\u{202e}f\u{2066}g\u{200f}h ë ’ 🙂";
        let value = serde_json::json!({ "title": hostile, "list": [hostile] });
        let text = encode(&value);
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text}");
        assert!(
            text.contains(
                r"\u001b]52;c;eA==\u0007b\u007fc\u009b2Jd\u009de\u202ef\u2066g\u200fh ë ’ 🙂"
            ),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn the_layout_is_serde_json_pretty() {
        let value = serde_json::json!({ "a": [1, {"b": "x"}], "c": {}, "d": [] });
        assert_eq!(
            encode(&value),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
