//! Small text helpers shared by search, the CLI, the reports and the UI.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds one character for matching: lowercase, accents removed (`Ë` → `e`),
/// typographic quotes, apostrophes and dashes made plain (`’` → `'`, `“` →
/// `"`, `–` → `-`), every kind of space a plain space.
///
/// Always yields exactly one character (an ellipsis becomes `.`); [`fold`] is
/// the full folding that search uses, which may change the number of characters.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
    }
    if let Some(plain) = plain_punctuation(c) {
        return plain;
    }
    if c.is_whitespace() {
        return ' ';
    }
    let mut base = c;
    let mut first = true;
    decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    let mut lower = base.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => base,
    }
}

/// The plain ASCII form of a typographic quote, apostrophe, dash or ellipsis.
fn plain_punctuation(c: char) -> Option<char> {
    Some(match c {
        // ‘ ’ ‚ ‛ ′ ʼ ´ and the full-width apostrophe
        '\u{2018}'..='\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' | '\u{FF07}' => '\'',
        // “ ” „ ‟ ″ « » and the full-width quote
        '\u{201C}'..='\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' | '\u{FF02}' => '"',
        // the hyphens and dashes ‐ ‑ ‒ – — ―, the minus sign, small and full-width hyphen-minus
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2026}' => '.',
        _ => return None,
    })
}

/// Appends the folded form of `c` to `out`: [`fold_char`], except that an
/// ellipsis becomes `...`, the ligatures and letters that stand for two
/// (`ß`, `æ`, `œ`, `ĳ`) become both, and a combining accent of text written
/// decomposed (`e` + `◌̈`) is dropped.
#[inline]
pub fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
    } else {
        fold_wide_into(c, out);
    }
}

/// [`fold_into`] for a character outside ASCII.
fn fold_wide_into(c: char, out: &mut String) {
    let expanded = match c {
        '\u{2026}' => "...",
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ĳ' | 'Ĳ' => "ij",
        'ø' | 'Ø' => "o",
        c if is_combining_mark(c) => "",
        c => {
            out.push(fold_char(c));
            return;
        }
    };
    out.push_str(expanded);
}

/// Folds a string for matching: lowercase, accents removed, typographic
/// punctuation plain ([`fold_into`] for each character). The search index and
/// the query both go through here, so `’t Hooft`, `'t hooft` and `’T HOOFT` meet.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_into(c, &mut out);
    }
    out
}

/// [`fold_char`] over a string: as many characters as `s`, so that a position
/// in the result is one in `s` (for pickers that mark matched characters).
pub fn fold_chars(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// [`fold`] with a map back: for each byte of the folded text, the index of
/// the character of `s` it came from. A match found in folded text is
/// highlighted in the original through it.
pub fn fold_mapped(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        fold_into(c, &mut out);
        origin.resize(out.len(), i);
    }
    (out, origin)
}

/// The candidates that resemble `target`, best first (at most three), for "did
/// you mean" hints: within a few edits of it and of the best match, or containing it.
pub fn similar<'c>(candidates: impl IntoIterator<Item = &'c str>, target: &str) -> Vec<&'c str> {
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (edit_distance(c, target), c))
        .collect();
    scored.sort();
    let limit = (target.chars().count() / 3).max(2);
    let best = scored.first().map_or(0, |(d, _)| *d);
    scored
        .into_iter()
        .filter(|(d, c)| {
            (*d <= limit && *d <= best + 1) || (!target.is_empty() && c.contains(target))
        })
        .take(3)
        .map(|(_, c)| c)
        .collect()
}

/// Levenshtein distance over chars, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// How many of a bar's `cells` a percentage fills, rounded to the nearest cell:
/// all only at 100 %, none only at 0 % (when the bar has room for both).
pub fn filled_cells(percent: usize, cells: usize) -> usize {
    match percent {
        0 => 0,
        100.. => cells,
        p => ((p * cells + 50) / 100)
            .clamp(1, cells.saturating_sub(1).max(1))
            .min(cells),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Ideeën"), "ideeen");
        assert_eq!(fold("ÉÉN Café"), "een cafe");
        // Text written decomposed (e + combining diaeresis) folds the same.
        assert_eq!(fold("Ideee\u{0308}n"), "ideeen");
        let s = "İstanbul ’ 🙂 漢字";
        assert_eq!(fold(s).chars().count(), s.chars().count());
    }

    #[test]
    fn folds_quotes_dashes_ellipses_and_spaces() {
        assert_eq!(fold("’t Hooft"), "'t hooft");
        assert_eq!(fold("‘kwalen-kwartet’"), "'kwalen-kwartet'");
        assert_eq!(fold("“Overgangsdag”"), "\"overgangsdag\"");
        assert_eq!(
            fold("De Overgang – wat is het?"),
            "de overgang - wat is het?"
        );
        assert_eq!(fold("a—b−c"), "a-b-c");
        assert_eq!(fold("wacht…"), "wacht...");
        assert_eq!(fold("een\u{00A0}twee\nDrie"), "een twee drie");
        assert_eq!(fold("Straße Æon ĳs"), "strasse aeon ijs");
    }

    #[test]
    fn fold_char_stays_one_to_one() {
        for c in ['’', '“', '–', '…', 'ß', 'Ë', '\u{00A0}'] {
            let mut s = String::new();
            s.push(fold_char(c));
            assert_eq!(s.chars().count(), 1, "{c:?}");
        }
        assert_eq!(fold_char('…'), '.');
        assert_eq!(fold_char('’'), '\'');
    }

    #[test]
    fn the_map_leads_back_to_the_original_characters() {
        let (folded, origin) = fold_mapped("Zoë… ’t");
        assert_eq!(folded, "zoe... 't");
        assert_eq!(origin.len(), folded.len());
        // "..." all came from the ellipsis, character 3.
        assert_eq!(&origin[3..6], &[3, 3, 3]);
        assert_eq!(origin[7], 5); // the apostrophe
        let (folded, origin) = fold_mapped("e\u{0308}x");
        assert_eq!(folded, "ex");
        assert_eq!(origin, vec![0, 2]);
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("done", "done"), 0);
    }

    #[test]
    fn wider_bars_round_to_the_nearest_cell() {
        assert_eq!(filled_cells(33, 20), 7);
        assert_eq!(filled_cells(1, 20), 1);
        assert_eq!(filled_cells(99, 20), 19);
        assert_eq!(filled_cells(50, 19), 10);
    }
}
