//! Comments in a plan file. RON allows `// line` and `/* block */` comments,
//! and a hand-edited plan may have them; the canonical writer does not keep
//! them, so the next save drops them. Finding the first one lets `check` and
//! the UI warn before that happens.

/// The position (1-based line and column, in chars) of the first comment in
/// `text` outside strings and characters, if there is one.
pub fn first_comment(text: &str) -> Option<(usize, usize)> {
    // Most plans have none, and few slashes: one pass over the bytes for a
    // slash that starts a comment is far cheaper than the scan.
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(b'/', bytes).any(|i| matches!(bytes.get(i + 1), Some(b'/' | b'*'))) {
        return None;
    }
    let mut chars = text.char_indices().peekable();
    let mut previous = ' ';
    while let Some((at, c)) = chars.next() {
        match c {
            '/' if matches!(chars.peek(), Some((_, '/' | '*'))) => {
                return Some(super::position_after(&text[..at]));
            }
            '"' => skip_quoted(&mut chars, '"'),
            '\'' => skip_quoted(&mut chars, '\''),
            'r' if !is_ident(previous) => skip_raw(text, at, &mut chars),
            _ => {}
        }
        previous = c;
    }
    None
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Past the closing `quote`, minding backslash escapes.
fn skip_quoted(chars: &mut Chars, quote: char) {
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            c if c == quote => return,
            _ => {}
        }
    }
}

/// Past a raw string `r#"…"#` that starts at `at` (the `r`), if it is one.
fn skip_raw(text: &str, at: usize, chars: &mut Chars) {
    let rest = &text[at + 1..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if !rest[hashes..].starts_with('"') {
        return;
    }
    let body = &rest[hashes + 1..];
    let close = format!("\"{}", "#".repeat(hashes));
    let end = body
        .find(&close)
        .map_or(text.len(), |i| at + 1 + hashes + 1 + i + close.len());
    while chars.peek().is_some_and(|(i, _)| *i < end) {
        chars.next();
    }
}

#[cfg(test)]
mod tests {
    use super::first_comment;

    #[test]
    fn finds_line_and_block_comments_outside_strings() {
        assert_eq!(first_comment("(fund: \"a\")"), None);
        assert_eq!(first_comment("// top\n(fund: \"a\")"), Some((1, 1)));
        assert_eq!(
            first_comment("(\n  fund: \"a\", /* why */\n)"),
            Some((2, 14))
        );
        assert_eq!(first_comment("(title: \"http://x /* not */\")"), None);
        assert_eq!(first_comment("(t: \"esc \\\" // still in\")"), None);
        assert_eq!(first_comment("(t: r#\"raw \" // in\"#)"), None);
        assert_eq!(first_comment("(t: r#\"raw\"#) // after"), Some((1, 15)));
        assert_eq!(first_comment("(c: '/', d: 1)"), None);
        assert_eq!(first_comment("(owner: \"Zoë\") // één"), Some((1, 16)));
        // An identifier ending in r is not a raw string.
        assert_eq!(first_comment("(year: 2026) //x"), Some((1, 14)));
    }

    #[test]
    fn the_bundled_plan_has_none() {
        let bundled = include_str!("../../data/activiteitenplan-2026.ron");
        assert_eq!(first_comment(bundled), None);
    }
}
