//! A plan full of text a hostile colleague could write, and the check that
//! output bytes carry none of its control characters.

#![allow(dead_code)]

use aoplan::plan::{HistoryEntry, Plan, Status};

const BUNDLED: &str = include_str!("../../../data/activiteitenplan-2026.ron");
pub const PROJECT: &str = "programma-loyale-tegenspraak";

/// Clipboard write, window title, spoofed link, screen clear, bell, C1 CSI and
/// OSC, DEL, and bidi override, isolate and mark.
pub const HOSTILE: &str = "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}\u{1b}]0;pwned\u{7}\
    \u{1b}]8;;https://evil.example/\u{1b}\\klik\u{1b}]8;;\u{1b}\\\u{1b}[2J\u{1b}[H\u{7}\
    \u{9b}2J\u{9d}0;pwned\u{9c}\u{7f}\u{202e}desrever\u{202c}\u{2066}x\u{2069}\u{200f}";

pub fn hostile(label: &str) -> String {
    format!("{label} {HOSTILE} end")
}

/// The bundled plan with hostile text in every field people write, and one
/// project whose cells look like spreadsheet formulas.
pub fn hostile_plan() -> Plan {
    let mut plan: Plan = aoplan::codec::parse(BUNDLED).expect("bundled plan parses");
    plan.title = hostile("Activiteitenplan 2026");
    let theme = &mut plan.themes[0];
    theme.name = hostile("Thema");
    theme.intro = hostile("Intro\nregel twee");
    let sub = &mut theme.subthemes[0];
    sub.name = hostile("Subthema");
    sub.intro = hostile("Subintro");
    let p = &mut sub.projects[0];
    assert_eq!(p.id, PROJECT);
    p.title = hostile("Loyale");
    p.details = hostile("Details\r\nmet\tregels\rterug");
    p.owner = hostile("Eigenaar");
    p.notes = hostile("Notities\nregel twee");
    p.history.push(HistoryEntry {
        at: aoplan::timestamp::Timestamp::parse_rfc3339("2026-03-14T09:21:05Z").unwrap(),
        by: hostile("eve"),
        year: 2026,
        from: None,
        to: Some(Status::InProgress),
    });
    p.status.0.insert(2026, Status::InProgress);
    let q = &mut plan.themes[1].subthemes[0].projects[0];
    q.title = "=HYPERLINK(\"https://evil.example/\",\"klik\")".into();
    q.owner = "+31 6 1234 5678".into();
    q.notes = "@SUM(A1:A9)".into();
    q.details = "-2+3".into();
    plan
}

/// A character that must never appear raw in output for a terminal: C0 controls
/// other than line feed and tab, DEL, C1 controls and the bidi controls. A CR
/// is allowed only in CSV's CR LF line ends.
fn forbidden(c: char, next: Option<char>, csv: bool) -> bool {
    match c {
        '\n' | '\t' => false,
        '\r' => !(csv && next == Some('\n')),
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{61c}' | '\u{200e}' | '\u{200f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// Asserts that `bytes` are UTF-8 without a forbidden character.
pub fn assert_inert(what: &str, bytes: &[u8], csv: bool) {
    assert!(!bytes.contains(&0x1b), "{what}: a raw ESC byte");
    assert!(!bytes.contains(&0x07), "{what}: a raw BEL byte");
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        assert!(
            !forbidden(c, chars.get(i + 1).copied(), csv),
            "{what}: raw U+{:04X} at char {i} in:\n{text}",
            u32::from(c)
        );
    }
}
