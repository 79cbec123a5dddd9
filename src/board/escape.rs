//! Plan text made inert in HTML: the one way any plan text enters the pack.
//!
//! Control and bidi characters first become the same visible placeholders as
//! in every other output ([`crate::terminal_safe`]): a C0 control cannot break
//! the document and a bidi override cannot make a line read as something
//! else. Then the five characters that mean something in HTML text, in a
//! quoted attribute value or in inline SVG are written as character
//! references, so that plan text can never open or close an element, end an
//! attribute or a `<style>`.

use crate::terminal_safe::{Layout, sanitize};

/// Plan text shown on one line (a title, a name): a line break shows as `␊`.
pub(super) fn line(text: &str) -> String {
    html(&sanitize(text, Layout::Line))
}

/// Plan text shown as running text (notes): line breaks kept, for
/// `white-space: pre-line`.
pub(super) fn text(text: &str) -> String {
    html(&sanitize(text.trim_end(), Layout::Text))
}

/// `&`, `<`, `>`, `"` and `'` as character references; everything else as it is.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            line("</style><script>alert(1)</script>"),
            "&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            line("x\" onload='y' & ]]>"),
            "x&quot; onload=&#39;y&#39; &amp; ]]&gt;"
        );
        assert_eq!(line("ideeën — A&O"), "ideeën — A&amp;O");
    }

    #[test]
    fn controls_and_bidi_become_visible() {
        assert_eq!(line("a\u{1b}[2J\u{7}b"), "a␛[2J␇b");
        assert_eq!(line("x\u{202e}y\u{9b}"), "x&lt;U+202E&gt;y&lt;U+009B&gt;");
        assert_eq!(line("one\ntwo"), "one␊two");
        assert_eq!(text("one\r\ntwo\n\n"), "one\ntwo");
        assert_eq!(text("a\u{0}b"), "a␀b");
    }
}
