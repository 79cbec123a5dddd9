//! Fitting text into columns: word wrapping and truncation by display width.
//!
//! Every piece of text the UI draws passes through these helpers, and they show
//! it the way [`crate::terminal_safe`] does: control and bidi characters as
//! visible placeholders (`␛`, `<U+202E>`). ratatui itself would drop them without
//! a trace, so that a colleague could hide text; widths are measured on what is
//! shown.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::terminal_safe::{self, Layout};

/// Wraps text to `width` columns at spaces; words wider than a line are split
/// between graphemes. Line breaks in the text start new lines.
pub(crate) fn wrap(text: &str, width: u16) -> Vec<String> {
    let text = terminal_safe::text(text);
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let needed = if line.is_empty() { 0 } else { line.width() + 1 };
            if needed + word.width() <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for piece in split_long(word, width) {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line = piece;
            }
        }
        lines.push(line);
    }
    lines
}

/// Splits a word into pieces of at most `width` columns (the last may be shorter).
fn split_long(word: &str, width: usize) -> Vec<String> {
    let mut pieces = vec![String::new()];
    for g in word.graphemes(true) {
        let last = pieces.last_mut().expect("never empty");
        if !last.is_empty() && last.width() + g.width() > width {
            pieces.push(g.to_string());
        } else {
            last.push_str(g);
        }
    }
    pieces
}

/// Cuts text to `width` columns, ending in `…` when something was cut; one line.
pub fn truncate(text: &str, width: usize) -> String {
    let text = terminal_safe::line(text);
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    for g in text.graphemes(true) {
        if out.width() + g.width() + 1 > width {
            break;
        }
        out.push_str(g);
    }
    out.push('…');
    out
}

/// Text as spans with the chars at `positions` (char indices) in `marked`
/// style, cut to `width` columns with `…`. A placeholder is marked when the
/// character it stands for is.
pub(crate) fn highlighted(
    text: &str,
    positions: &[usize],
    width: usize,
    base: Style,
    marked: Style,
) -> Vec<Span<'static>> {
    let (text, positions) = shown_positions(text, positions);
    let shown = truncate(&text, width);
    let cut = shown.ends_with('…') && !text.ends_with('…');
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    let body = if cut {
        shown.trim_end_matches('…')
    } else {
        &shown
    };
    for (i, c) in body.chars().enumerate() {
        let is_marked = positions.binary_search(&i).is_ok();
        if is_marked != run_marked && !run.is_empty() {
            let style = if run_marked { marked } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = is_marked;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { marked } else { base }));
    }
    if cut {
        spans.push(Span::styled("…", base));
    }
    spans
}

/// `text` as one line is shown, with `positions` (char indices into `text`)
/// moved to the chars that show them.
fn shown_positions(text: &str, positions: &[usize]) -> (String, Vec<usize>) {
    if matches!(terminal_safe::line(text), std::borrow::Cow::Borrowed(_)) {
        return (text.to_string(), positions.to_vec());
    }
    let mut shown = String::with_capacity(text.len() + 16);
    let mut moved = Vec::with_capacity(positions.len());
    let mut at = 0;
    for (i, c) in text.chars().enumerate() {
        let before = shown.len();
        terminal_safe::push_shown(&mut shown, c, Layout::Line);
        let count = shown[before..].chars().count();
        if positions.binary_search(&i).is_ok() {
            moved.extend(at..at + count);
        }
        at += count;
    }
    (shown, moved)
}

/// The display width of a string as one line is shown, for layout arithmetic.
/// The part of `name` that tells it apart, "… en werk" for "De overgang en
/// werk", when it starts with the same words as all its `siblings` (two or
/// more) or as its `parent`'s name; `None` when nothing is shared. Words are
/// compared without regard to case.
pub(crate) fn distinguishing(name: &str, siblings: &[&str], parent: &str) -> Option<String> {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let own = words(name);
    let shared_with = |other: &[String]| own.iter().zip(other).take_while(|(a, b)| a == b).count();
    let by_siblings = match siblings {
        [_, _, ..] => (siblings.iter())
            .map(|s| shared_with(&words(s)))
            .min()
            .unwrap_or(0),
        _ => 0,
    };
    let shared = by_siblings.max(shared_with(&words(parent)));
    // Something must be left to show.
    if shared == 0 || shared >= own.len() {
        return None;
    }
    let rest: Vec<&str> = name.split_whitespace().skip(shared).collect();
    Some(format!("… {}", rest.join(" ")))
}

pub fn width(text: &str) -> usize {
    terminal_safe::line(text).width()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_themes_that_start_alike_show_what_tells_them_apart() {
        let names = [
            "De Overgang – wat is het?",
            "De overgang en leefstijl",
            "De overgang en werk",
            "De overgang en je omgeving",
        ];
        let theme = "Open over de Overgang";
        assert_eq!(
            distinguishing(names[0], &names, theme).as_deref(),
            Some("… – wat is het?")
        );
        assert_eq!(
            distinguishing(names[2], &names, theme).as_deref(),
            Some("… en werk")
        );
        // Nothing in common with the siblings, or the theme: nothing to drop.
        let mixed = ["Gesprekken", "De overgang en werk"];
        assert_eq!(distinguishing(mixed[1], &mixed, theme), None);
        // The theme's own name at the start counts too.
        let one = ["Vitaliteit op het werk"];
        assert_eq!(
            distinguishing(one[0], &one, "Vitaliteit").as_deref(),
            Some("… op het werk")
        );
        // A name that is all shared prefix keeps itself.
        assert_eq!(distinguishing("Vitaliteit", &one, "Vitaliteit"), None);
    }

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        assert_eq!(wrap("een twee drie", 8), vec!["een twee", "drie"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        assert_eq!(wrap("漢字漢字漢", 4), vec!["漢字", "漢字", "漢"]);
    }

    #[test]
    fn every_wrapped_line_fits() {
        let text = "Ondersteuning van het Leernetwerk Werkplezier — ideeën, 🙂 en 漢字 door elkaar";
        for w in 1..30 {
            for line in wrap(text, w) {
                assert!(line.width() <= usize::from(w).max(2), "{w}: {line:?}");
            }
        }
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Werkplezier", 20), "Werkplezier");
        assert_eq!(truncate("Werkplezier", 6), "Werkp…");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
    }

    #[test]
    fn highlights_runs_of_matched_chars() {
        let base = Style::new();
        let marked = Style::new().bold();
        let spans = highlighted("Ideeën", &[0, 4], 20, base, marked);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, vec!["I", "dee", "ë", "n"]);
        assert_eq!(spans[2].style, marked);
    }

    #[test]
    fn control_characters_are_shown_not_dropped() {
        let hostile = "a\u{1b}]0;X\u{7}b\u{9b}c\u{202e}d\ne";
        assert_eq!(truncate(hostile, 80), "a␛]0;X␇b<U+009B>c<U+202E>d␊e");
        assert_eq!(width(hostile), 28);
        assert_eq!(truncate(hostile, 9), "a␛]0;X␇b…");
        assert_eq!(wrap(hostile, 80), vec!["a␛]0;X␇b<U+009B>c<U+202E>d", "e"]);
        let base = Style::new();
        let marked = Style::new().bold();
        // "b" (char 7) and the C1 control (char 8) are matched.
        let spans = highlighted(hostile, &[7, 8], 80, base, marked);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, vec!["a␛]0;X␇", "b<U+009B>", "c<U+202E>d␊e"]);
        assert_eq!(spans[1].style, marked);
    }
}
