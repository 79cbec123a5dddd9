use std::borrow::Cow;

use proptest::prelude::*;

use super::*;

/// What may appear in the output of `layout`.
fn allowed(c: char, layout: Layout) -> bool {
    match c {
        '\n' => layout != Layout::Line,
        '\t' => layout == Layout::Text,
        c => !is_unsafe(c),
    }
}

const LAYOUTS: [Layout; 3] = [Layout::Line, Layout::Text, Layout::Cell];

#[test]
fn escape_sequences_become_visible_placeholders() {
    let osc52 = "\u{1b}]52;c;ZWNobyBoaQ==\u{7}";
    assert_eq!(line(osc52), "␛]52;c;ZWNobyBoaQ==␇");
    assert_eq!(line("\u{1b}[2J\u{1b}]0;X\u{1b}\\"), "␛[2J␛]0;X␛\\");
    assert_eq!(line("a\u{0}b\u{7f}c"), "a␀b␡c");
    assert_eq!(
        line("\u{9b}2J \u{9d}0;X\u{9c}"),
        "<U+009B>2J <U+009D>0;X<U+009C>"
    );
    assert_eq!(line("abc\u{202e}fed\u{202c}"), "abc<U+202E>fed<U+202C>");
    assert_eq!(
        line("\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{61c}"),
        "<U+2066><U+2067><U+2068><U+2069><U+200E><U+200F><U+061C>"
    );
}

#[test]
fn line_breaks_and_tabs_follow_the_layout() {
    let s = "one\ttwo\r\nthree\rfour\n";
    assert_eq!(line(s), "one two␍␊three␍four␊");
    assert_eq!(text(s), "one\ttwo\nthree␍four\n");
    assert_eq!(sanitize(s, Layout::Cell), "one␉two\nthree␍four\n");
    assert_eq!(text("\r"), "␍");
    assert_eq!(text("\r\r\n"), "␍\n");
}

#[test]
fn clean_text_is_borrowed() {
    for s in ["", "Ideeën ’s-Hertogenbosch — 🙂 漢字 › ★ → █", "a\nb\tc"] {
        assert!(matches!(text(s), Cow::Borrowed(t) if t == s));
    }
    assert!(matches!(line("Zoë van ’t Hof"), Cow::Borrowed(_)));
    // Joiners and accents that emoji and scripts need are kept.
    assert!(matches!(line("👩\u{200d}💻 e\u{301}"), Cow::Borrowed(_)));
}

#[test]
fn user_names_are_cleaned_trimmed_and_bounded() {
    assert_eq!(
        user_name("eve\u{1b}]0;X\u{7}").as_deref(),
        Some("eve␛]0;X␇")
    );
    assert_eq!(user_name("  jan\u{200b} ").as_deref(), Some("jan<U+200B>"));
    assert_eq!(
        user_name("a\u{202e}b\u{feff}").as_deref(),
        Some("a<U+202E>b<U+FEFF>")
    );
    assert_eq!(user_name("x\ny").as_deref(), Some("x␊y"));
    assert_eq!(user_name(" \t "), None);
    assert_eq!(user_name(""), None);
    let long = "é".repeat(100);
    assert_eq!(user_name(&long).unwrap().chars().count(), MAX_USER_NAME);
    // A placeholder is not cut in half.
    let name = user_name(&format!("{}\u{9b}", "a".repeat(60))).unwrap();
    assert_eq!(name, "a".repeat(60));
}

#[test]
fn control_pictures_are_one_cell_wide() {
    use unicode_width::UnicodeWidthStr;
    for c in (0u32..0x20).chain([0x7f]).filter_map(char::from_u32) {
        let shown = line(&c.to_string()).into_owned();
        assert_eq!(shown.width(), 1, "{c:?} → {shown}");
    }
}

proptest! {
    #[test]
    fn output_never_holds_a_forbidden_character(s in any::<String>()) {
        for layout in LAYOUTS {
            let shown = sanitize(&s, layout);
            prop_assert!(shown.chars().all(|c| allowed(c, layout)), "{layout:?}: {shown:?}");
            // Sanitising is idempotent: the placeholders are themselves safe.
            let again = sanitize(&shown, layout);
            prop_assert_eq!(again.as_ref(), shown.as_ref());
        }
    }

    #[test]
    fn every_unsafe_character_is_found_among_lookalike_bytes(
        chars in proptest::collection::vec(proptest::sample::select(vec![
            'a', '’', '—', '›', '…', '★', 'Ø', 'ؠ', '\u{a0}', '\u{2028}', '\u{200d}',
            '\u{0}', '\u{1b}', '\u{7}', '\r', '\n', '\t', '\u{7f}', '\u{80}', '\u{85}',
            '\u{9b}', '\u{9f}', '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}',
            '\u{2066}', '\u{2069}',
        ]), 0..12)
    ) {
        let s: String = chars.into_iter().collect();
        for layout in LAYOUTS {
            let shown = sanitize(&s, layout);
            prop_assert!(shown.chars().all(|c| allowed(c, layout)), "{layout:?}: {shown:?}");
            let clean = s.chars().all(|c| allowed(c, layout) && c != '\r');
            prop_assert_eq!(matches!(shown, Cow::Borrowed(_)), clean);
        }
    }

    #[test]
    fn hostile_text_never_survives(
        parts in proptest::collection::vec(prop_oneof![
            Just("\u{1b}]52;c;eA==\u{7}".to_string()),
            Just("\u{9b}2J".to_string()),
            Just("\u{202e}".to_string()),
            Just("\r".to_string()),
            "[a-zë’ 🙂]{0,5}",
        ], 0..8)
    ) {
        let s = parts.concat();
        for layout in LAYOUTS {
            let shown = sanitize(&s, layout);
            let hostile = ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\r'];
            prop_assert!(!shown.contains(hostile), "{:?}", shown);
        }
    }

    #[test]
    fn clean_text_is_unchanged(s in "[^\\p{Cc}\u{61c}\u{200e}\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}]*") {
        for layout in LAYOUTS {
            prop_assert!(matches!(sanitize(&s, layout), Cow::Borrowed(t) if t == s));
        }
    }

    #[test]
    fn user_names_hold_no_control_or_format_character(s in any::<String>()) {
        if let Some(name) = user_name(&s) {
            prop_assert!(name.chars().count() <= MAX_USER_NAME);
            prop_assert!(!name.chars().any(|c| is_unsafe(c) || is_format(c)), "{name:?}");
            prop_assert_eq!(name.trim(), name.as_str());
        }
    }
}
