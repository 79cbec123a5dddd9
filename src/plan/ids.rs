//! Ids for new items: made from the title, unique across the whole plan.
//!
//! An id is lowercase ASCII letters, digits and `-` ([`super::is_valid_id`]).
//! It is made once, when the item is added, and never changes on a rename or a
//! move, so scripts, history entries and links keep working.

use crate::text::fold_char;

/// Ids are cut at this many characters (at a word boundary where possible).
pub const MAX_SLUG: usize = 48;

/// The id a title suggests: accents folded (`Één` → `een`), lowercase, every run
/// of other characters one `-`, no `-` at either end, at most [`MAX_SLUG`]
/// characters. Empty when the title has no letter or digit at all.
pub fn slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        let folded = match c {
            'ß' => Some("ss"),
            'æ' | 'Æ' => Some("ae"),
            'ø' | 'Ø' => Some("o"),
            'ĳ' | 'Ĳ' => Some("ij"),
            _ => None,
        };
        if let Some(s) = folded {
            out.push_str(s);
            continue;
        }
        let f = fold_char(c);
        if f.is_ascii_alphanumeric() {
            out.push(f.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > MAX_SLUG {
        let cut = out[..=MAX_SLUG].rfind('-').filter(|&i| i >= MAX_SLUG / 2);
        out.truncate(cut.unwrap_or(MAX_SLUG));
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

/// `base` if it is free, else `base-2`, `base-3`, …: the first one `taken`
/// says is free. An empty base (a title without letters) becomes `fallback`.
pub fn unique(base: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = if base.is_empty() { fallback } else { base };
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unbounded range has a free suffix")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_folds_accents_and_joins_words_with_single_hyphens() {
        assert_eq!(
            slug("Programma rondom Loyale Tegenspraak"),
            "programma-rondom-loyale-tegenspraak"
        );
        assert_eq!(slug("  Één café — ‘Über’ & co.  "), "een-cafe-uber-co");
        assert_eq!(slug("Straße 2026!"), "strasse-2026");
        assert_eq!(slug("IJsselmeer / ĳs"), "ijsselmeer-ijs");
        assert_eq!(slug("***"), "");
        assert_eq!(slug("--a--b--"), "a-b");
    }

    #[test]
    fn a_long_title_is_cut_at_a_word_boundary() {
        let id = slug(
            "Voortzetting van huidig aanbod aan digitale leeroplossingen voor alle provincies",
        );
        assert!(id.len() <= MAX_SLUG, "{id}");
        assert_eq!(id, "voortzetting-van-huidig-aanbod-aan-digitale");
        let one_word = slug(&"a".repeat(100));
        assert_eq!(one_word.len(), MAX_SLUG);
    }

    #[test]
    fn every_slug_is_a_valid_id_or_empty() {
        for title in ["x", "Ä-Ö", "ü ", "漢字", "a\u{202e}b", "1 2 3", "Ωmega"] {
            let id = slug(title);
            assert!(
                id.is_empty() || super::super::is_valid_id(&id),
                "{title:?} → {id:?}"
            );
        }
    }

    #[test]
    fn unique_adds_the_first_free_suffix() {
        let taken = ["a", "a-2", "a-3"];
        assert_eq!(unique("a", "project", |id| taken.contains(&id)), "a-4");
        assert_eq!(unique("b", "project", |id| taken.contains(&id)), "b");
        assert_eq!(unique("", "project", |_| false), "project");
    }
}
