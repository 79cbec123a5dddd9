//! How well a term matches a piece of folded text, fzf-style: a match at word
//! boundaries is worth more than one inside a word, a field people read first
//! more than a long description, and scattered letters least of all.
//!
//! Three kinds of match, from strong to weak:
//! - literal: the term stands in the text as typed (after folding) — a whole
//!   word, a word's start, a word's end or inside a word;
//! - near: the term is the starts of consecutive words (`lote` for "Loyale
//!   Tegenspraak"), or within one typo of a word of the plan;
//! - weak: the term's letters in order, close together.

use std::ops::Range;

use super::Field;

/// How strong a match is: the weakest term decides an entry's tier, and weak
/// entries are dropped when any entry does better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    Weak,
    Near,
    Literal,
}

/// Where a literal occurrence stands in its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Start,
    End,
    Inside,
}

impl Kind {
    fn bonus(self) -> i32 {
        match self {
            Kind::Word => 40,
            Kind::Start => 30,
            Kind::End => 12,
            Kind::Inside => 4,
        }
    }
}

/// The most a literal occurrence adds on top of its field's bonus.
pub(crate) const BEST_KIND: i32 = 40 + AT_FIELD_START;
/// Extra for an occurrence at the very start of its field.
const AT_FIELD_START: i32 = 6;
/// A near match's worth, on top of the field's bonus.
pub(crate) const INITIALS: i32 = 16;
/// What a typo costs, against the same word typed right.
pub(crate) const TYPO: i32 = 15;
/// What scattered letters cost, against the field's bonus.
pub(crate) const SCATTERED: i32 = 10;
/// Extra for a name that is exactly the query.
pub(crate) const WHOLE_NAME: i32 = 30;

impl Field {
    pub(crate) fn bonus(self) -> i32 {
        match self {
            Field::Title => 40,
            Field::Owner => 30,
            Field::Subtheme => 20,
            Field::Notes => 16,
            Field::Theme => 10,
            Field::Id => 8,
            Field::Details | Field::Intro => 0,
        }
    }
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Where the occurrence `text[at..at + len]` stands in its word.
pub(crate) fn kind_at(text: &str, at: usize, len: usize, term: &str) -> Kind {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    let term_starts_word = term.chars().next().is_some_and(is_word_char);
    let term_ends_word = term.chars().next_back().is_some_and(is_word_char);
    let start = !term_starts_word || before.is_none_or(|c| !is_word_char(c));
    let end = !term_ends_word || after.is_none_or(|c| !is_word_char(c));
    match (start, end) {
        (true, true) => Kind::Word,
        (true, false) => Kind::Start,
        (false, true) => Kind::End,
        (false, false) => Kind::Inside,
    }
}

/// The score of a literal occurrence at byte `at` of a field's text.
pub(crate) fn literal_score(field: Field, kind: Kind, at: usize) -> i32 {
    field.bonus() + kind.bonus() + if at == 0 { AT_FIELD_START } else { 0 }
}

/// The words of a text: byte ranges of maximal runs of letters and digits.
pub(crate) fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (start, is_word_char(c)) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    start = None;
                    return Some(s..i);
                }
                _ => {}
            }
        }
        None
    })
}

/// Whether `term` is the starts of two or more consecutive words of `text`
/// (`lote`: "LOyale TEgenspraak"); the byte ranges of those starts. Only for
/// terms of letters and digits.
pub(crate) fn initials(text: &str, term: &str) -> Option<Vec<Range<usize>>> {
    if term.len() < 2 || !term.chars().all(is_word_char) {
        return None;
    }
    let first = term.chars().next()?;
    let words: Vec<Range<usize>> = words(text).collect();
    (0..words.len())
        .filter(|&w| text[words[w].clone()].starts_with(first))
        .find_map(|w| {
            let mut chunks = Vec::new();
            chunk(text, &words[w..], term, &mut chunks).then_some(chunks)
        })
        .filter(|chunks| chunks.len() >= 2)
}

/// Splits `term` over the starts of `words`, in order, from the first word on.
fn chunk(text: &str, words: &[Range<usize>], term: &str, out: &mut Vec<Range<usize>>) -> bool {
    if term.is_empty() {
        return true;
    }
    let Some(word) = words.first() else {
        return false;
    };
    let shared: usize = text[word.clone()]
        .chars()
        .zip(term.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let mut take = shared;
    while take > 0 {
        out.push(word.start..word.start + take);
        if chunk(text, &words[1..], &term[take..], out) {
            return true;
        }
        out.pop();
        take = term[..take]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
    }
    false
}

/// Whether `term` is within one typo (a letter wrong, missing, extra, or two
/// letters swapped) of `word` or of a start of it.
pub(crate) fn one_typo_from_start(term: &[char], word: &[char]) -> bool {
    let i = term.iter().zip(word).take_while(|(a, b)| a == b).count();
    if i == term.len() {
        return true;
    }
    let starts = |t: &[char], w: &[char]| w.starts_with(t);
    let rest = |from: usize| word.get(from..).unwrap_or(&[]);
    (i < word.len() && starts(&term[i + 1..], rest(i + 1)))
        || starts(&term[i + 1..], rest(i))
        || (i < word.len() && starts(&term[i..], rest(i + 1)))
        || (i + 1 < term.len()
            && i + 1 < word.len()
            && term[i] == word[i + 1]
            && term[i + 1] == word[i]
            && starts(&term[i + 2..], rest(i + 2)))
}

/// Scattered letters count only when they stand close, in a term of three
/// letters or more: from the first to the last at most half as many again as
/// the term has (`dshbrd` in "dashboard"). Further apart they are noise
/// ("ideeen" over a whole title, "kwel" over "leernetwerk werkplezier").
pub(crate) fn close_enough(indices: &[usize], term_chars: usize) -> bool {
    match (indices.first(), indices.last()) {
        (Some(first), Some(last)) => term_chars >= 3 && last - first < term_chars + term_chars / 2,
        _ => false,
    }
}

/// Whether `term`'s characters all occur in `text` in order: a quick test
/// before the scattered matcher runs.
pub(crate) fn is_subsequence(text: &str, term: &str) -> bool {
    let mut rest = text.chars();
    term.chars().all(|t| rest.any(|c| c == t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn kinds_of_literal_occurrence() {
        let text = "organisatie van de overgangsdag";
        let at = |t: &str| text.find(t).unwrap();
        assert_eq!(kind_at(text, at("van"), 3, "van"), Kind::Word);
        assert_eq!(kind_at(text, at("overgang"), 8, "overgang"), Kind::Start);
        assert_eq!(kind_at(text, at("dag"), 3, "dag"), Kind::End);
        assert_eq!(kind_at(text, at("gang"), 4, "gang"), Kind::Inside);
        // A term that starts with an apostrophe starts where it stands.
        let text = "joost 't hooft";
        assert_eq!(kind_at(text, 6, 2, "'t"), Kind::Word);
    }

    #[test]
    fn initials_are_starts_of_consecutive_words() {
        let text = "programma rondom loyale tegenspraak";
        assert_eq!(initials(text, "lote"), Some(vec![17..19, 24..26]));
        assert_eq!(initials(text, "prl"), Some(vec![0..1, 10..11, 17..18]));
        assert!(initials(text, "plt").is_none(), "not consecutive");
        assert!(
            initials(text, "lo").is_none(),
            "one word is a literal match"
        );
        assert!(initials(text, "ideeen").is_none());
    }

    #[test]
    fn one_typo() {
        let ok = |t: &str, w: &str| one_typo_from_start(&chars(t), &chars(w));
        assert!(ok("kwaalen", "kwalen"), "a letter too many");
        assert!(ok("kwlen", "kwalen"), "a letter missing");
        assert!(ok("kwalne", "kwalen"), "two swapped");
        assert!(ok("kwelen", "kwalen"), "a wrong letter");
        assert!(ok("kwaale", "kwalen"), "while typing: a start of the word");
        assert!(!ok("kwaaalen", "kwalen"));
        assert!(!ok("ideeen", "identiteit"));
    }

    #[test]
    fn scattered_letters_must_stand_close() {
        assert!(close_enough(&[0, 1, 3, 4], 4));
        assert!(close_enough(&[0, 2, 3, 4, 7, 8], 6), "dshbrd: dashboard");
        assert!(!close_enough(&[0, 2, 3, 6], 4));
        assert!(!close_enough(&[0, 5, 9, 12], 4));
        assert!(!close_enough(&[0, 1], 2), "too short to scatter");
        assert!(is_subsequence("overgang", "ovgng"));
        assert!(!is_subsequence("overgang", "ovgx"));
    }
}
