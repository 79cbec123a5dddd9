//! Small text helpers shared by search, the CLI, the reports and the UI.

use unicode_normalization::char::decompose_canonical;

/// Folds one character for matching: lowercase, accents removed (`Ë` → `e`).
///
/// Always yields exactly one character, so positions in a folded string are the
/// positions in the original, which lets search highlight the original text.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
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

/// Folds a whole string with [`fold_char`]; the result has as many chars as the input.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
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

/// "did you mean `a` or `b`?", for the candidates [`similar`] found.
pub fn did_you_mean(close: &[&str]) -> String {
    let quoted: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
    format!("did you mean {}?", quoted.join(" or "))
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
    fn folds_accents_and_case_one_to_one() {
        assert_eq!(fold("Ideeën"), "ideeen");
        assert_eq!(fold("ÉÉN Café"), "een cafe");
        let s = "İstanbul ß ’ 🙂 漢字";
        assert_eq!(fold(s).chars().count(), s.chars().count());
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
