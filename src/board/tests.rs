//! The board pack rendered from the bundled plan, from a plan with a year of
//! history, from empty plans and from hostile text.

use super::svg::Slot;
use super::year::slots;
use super::*;
use crate::as_of::{Period, compare, through_year};
use crate::plan::{HistoryEntry, Subtheme, Theme};
use crate::report::Scope;

const YEAR: u16 = 2026;

fn bundled() -> Plan {
    crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("the bundled plan parses")
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).expect("a time")
}

/// The pack of `plan` for all themes, made at `now`, in `lang`.
fn pack_of(plan: &Plan, lang: Lang, now: Timestamp, comparison: Option<&Comparison>) -> String {
    let report = Report::new(plan, YEAR, Scope::All).expect("all themes");
    let months = through_year(
        plan,
        YEAR,
        Period::Month,
        &Scope::All,
        (now, &jiff::tz::TimeZone::UTC),
    );
    render(&Pack {
        report: &report,
        lang,
        months: &months,
        comparison,
        generated: now,
        zone: &jiff::tz::TimeZone::fixed(jiff::tz::offset(1)),
    })
}

/// Records a status change the way `aoplan set` does.
fn set(plan: &mut Plan, id: &str, to: Status, when: &str) {
    let loc = plan.locate(id).expect("project exists");
    let p = plan.project_mut(loc).expect("located");
    let from = p.status_in(YEAR);
    p.status.0.insert(YEAR, to);
    p.history.push(HistoryEntry {
        at: at(when),
        by: "anna".into(),
        year: YEAR,
        from,
        to: Some(to),
    });
}

/// The bundled plan with some work done from February on.
fn worked() -> Plan {
    let mut plan = bundled();
    set(
        &mut plan,
        "programma-loyale-tegenspraak",
        Status::InProgress,
        "2026-02-03T10:00:00Z",
    );
    set(
        &mut plan,
        "programma-loyale-tegenspraak",
        Status::Done,
        "2026-05-20T09:00:00Z",
    );
    set(
        &mut plan,
        "maatwerk-e-learning-integriteit",
        Status::OnHold,
        "2026-04-01T12:00:00Z",
    );
    plan
}

/// Checks that every element opened is closed in order (void elements and
/// `/>` aside): what a stray `<` or `"` from plan text would break.
fn assert_balanced(html: &str) {
    const VOID: [&str; 5] = ["meta", "br", "col", "hr", "!DOCTYPE"];
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let tag = &rest[start + 1..];
        let end = tag.find('>').expect("every tag ends");
        let inner = &tag[..end];
        let name_end = inner
            .find(|c: char| c.is_whitespace() || c == '/' && !inner.starts_with('/'))
            .unwrap_or(inner.len());
        if let Some(closing) = inner.strip_prefix('/') {
            assert_eq!(open.pop(), Some(closing), "closing </{closing}>");
        } else if !inner.ends_with('/') && !VOID.contains(&&inner[..name_end]) {
            open.push(&inner[..name_end]);
        }
        if inner[..name_end] == *"style" {
            let close = tag.find("</style>").expect("style closes");
            rest = &tag[close..];
        } else {
            rest = &tag[end + 1..];
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn the_bundled_plan_makes_a_whole_self_contained_pack() {
    let plan = bundled();
    let now = at("2026-11-30T10:00:00Z");
    let html = pack_of(&plan, Lang::Nl, now, None);
    assert_balanced(&html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    assert_eq!(count(&html, "<section class=\"theme\""), plan.themes.len());
    for theme in &plan.themes {
        assert!(html.contains(&escape::line(&theme.name)), "{}", theme.name);
    }
    for (_, project) in plan.projects() {
        assert!(
            html.contains(&escape::line(&project.title)),
            "{}",
            project.title
        );
    }
    assert!(html.contains("<title>A&amp;O-fonds Provincies — Activiteitenplan 2026"));
    assert!(html.contains("Planjaar 2026 · stand per 30 november 2026, 11:00 uur"));
    assert!(html.contains("Voortgang per thema") && html.contains("Voortgang door het jaar"));
    assert!(html.contains("<h3><span class=\"letter\">A.</span> Loyale Tegenspraak"));
    // Nothing from elsewhere: no scripts, links out, images, fonts or imports.
    let lower = html.to_lowercase();
    for banned in [
        "<script", "src=", "http:", "https:", "@import", "url(h", "<img", "<link",
    ] {
        assert!(!lower.contains(banned), "{banned}");
    }
    assert!(html.contains("@page {\n  size: A4;"));
    assert!(html.contains(".theme, .compare { break-before: page; }"));
}

#[test]
fn english_uses_english_words() {
    let html = pack_of(&bundled(), Lang::En, at("2026-03-14T09:21:05Z"), None);
    assert_balanced(&html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("Plan year 2026 · as of 14 March 2026, 10:21"));
    for words in [
        "Progress per theme",
        "Progress through the year",
        "In progress",
        "Owner",
    ] {
        assert!(html.contains(words), "{words}");
    }
    assert!(!html.contains("Voortgang"));
}

#[test]
fn every_status_is_a_word_and_a_pattern() {
    let html = pack_of(&worked(), Lang::En, at("2026-11-30T10:00:00Z"), None);
    for status in Status::ALL {
        let pattern = format!("id=\"p-{}\"", svg::key(Some(status)));
        assert_eq!(count(&html, &pattern), 1, "{status}");
    }
    let row = "<td class=\"status\"><svg class=\"sw\"";
    assert_eq!(count(&html, row), bundled().project_count());
    assert!(
        html.contains("fill=\"url(#p-done)\" stroke=\"#111\" stroke-width=\"1\"/></svg> Done</td>")
    );
    assert!(
        html.contains("url(#p-hold)\" stroke=\"#111\" stroke-width=\"1\"/></svg> On hold</td>")
    );
}

#[test]
fn months_to_come_and_before_the_records_are_not_drawn() {
    let months = |now: &str| {
        through_year(
            &worked(),
            YEAR,
            Period::Month,
            &Scope::All,
            (at(now), &jiff::tz::TimeZone::UTC),
        )
    };
    let first = first_record(&worked());
    assert_eq!(first, Some(at("2026-02-03T10:00:00Z")));
    let now = at("2026-06-10T00:00:00Z");
    let slots = slots(&months("2026-06-10T00:00:00Z"), YEAR, now, first);
    assert_eq!(
        slots[0],
        Slot::Empty,
        "January ended before the first record"
    );
    assert!(matches!(slots[1], Slot::Ended(_)));
    assert!(matches!(slots[4], Slot::Ended(p) if p.done() == 1));
    assert!(matches!(slots[5], Slot::ToDate(p) if p.done() == 1));
    assert!(slots[6..].iter().all(|s| *s == Slot::Empty));
    // A plan year that has not begun draws nothing; one without records only now.
    let before = at("2025-12-01T00:00:00Z");
    let early = through_year(
        &worked(),
        YEAR,
        Period::Month,
        &Scope::All,
        (before, &jiff::tz::TimeZone::UTC),
    );
    assert!(
        self::slots(&early, YEAR, before, first)
            .iter()
            .all(|s| *s == Slot::Empty)
    );
    let plain = bundled();
    let html = pack_of(&plain, Lang::Nl, now, None);
    assert!(html.contains(Lang::Nl.board().no_history));
    let none = self::slots(&months("2026-06-10T00:00:00Z"), YEAR, now, None);
    assert_eq!(none.iter().filter(|s| **s != Slot::Empty).count(), 1);
    let html = pack_of(&worked(), Lang::En, now, None);
    assert!(html.contains("The history starts on 3 February 2026"));
    assert!(html.contains("<th class=\"num\">Jun<br><span class=\"small\">to date</span></th>"));
}

#[test]
fn a_comparison_shows_both_dates_the_difference_and_each_change() {
    let plan = worked();
    // The ends of two local days: the pack is read at UTC+1.
    let (a, b) = (at("2026-03-31T22:59:59Z"), at("2026-06-30T22:59:59Z"));
    let comparison = compare(&plan, YEAR, a, b);
    let html = pack_of(
        &plan,
        Lang::Nl,
        at("2026-07-01T08:00:00Z"),
        Some(&comparison),
    );
    assert_balanced(&html);
    assert_eq!(count(&html, "<section class=\"compare\">"), 1);
    assert!(html.contains("Stand per 31 maart 2026 en per 30 juni 2026"));
    assert!(html.contains("<th class=\"num start\">31 mrt</th><th class=\"num\">30 jun</th>"));
    assert!(html.contains("Programma rondom Loyale Tegenspraak</td><td class=\"status\">"));
    assert!(html.contains("</svg> Lopend</td><td class=\"status\"><svg"));
    assert!(html.contains("Maatwerk e-learning Integriteit</td>"));
    assert!(html.contains("<td class=\"num diff\">+1</td>"));
    assert_eq!(
        count(&html, "<tr class=\"group\">"),
        1,
        "both changes are in one theme"
    );
    // Nothing changed between two dates after the last record.
    let quiet = compare(
        &plan,
        YEAR,
        at("2026-07-01T00:00:00Z"),
        at("2026-08-01T00:00:00Z"),
    );
    let html = pack_of(&plan, Lang::En, at("2026-09-01T00:00:00Z"), Some(&quiet));
    assert!(html.contains("No project changed status."));
    // Before the records: said, not guessed.
    let early = compare(&bundled(), YEAR, a, b);
    let html = pack_of(&bundled(), Lang::En, b, Some(&early));
    assert!(html.contains("The plan records no changes yet; the counts as of 31 March 2026"));
}

#[test]
fn empty_plans_render_without_panic() {
    let now = at("2026-05-05T05:05:05Z");
    let mut plan = Plan::new("F".into(), "T".into(), YEAR, Vec::new());
    let html = pack_of(&plan, Lang::Nl, now, None);
    assert_balanced(&html);
    assert!(html.contains(Lang::Nl.board().no_themes));
    assert_eq!(count(&html, "<section class=\"theme\""), 0);
    plan.themes.push(Theme {
        id: "leeg".into(),
        name: "Leeg".into(),
        focus: false,
        intro: String::new(),
        subthemes: vec![Subtheme {
            id: "niets".into(),
            name: "Niets".into(),
            intro: String::new(),
            projects: Vec::new(),
        }],
    });
    let comparison = compare(&plan, YEAR, now, now);
    let html = pack_of(&plan, Lang::En, now, Some(&comparison));
    assert_balanced(&html);
    assert!(html.contains("No projects."));
    assert!(html.contains("<td class=\"num\">0 %</td>"));
    // No months at all: no chart.
    let report = Report::new(&plan, YEAR, Scope::All).unwrap();
    let pack = Pack {
        report: &report,
        lang: Lang::En,
        months: &[],
        comparison: None,
        generated: now,
        zone: &jiff::tz::TimeZone::UTC,
    };
    let html = render(&pack);
    assert_balanced(&html);
    assert!(!html.contains("<svg class=\"chart\""));
}

/// Text that would run a script, end the style, break out of an attribute or
/// a CDATA section, hide text with bidi overrides, or sprawl.
const HOSTILE: &str = "</style><script>alert(1)</script>\"onload=alert(2) x='y' ]]> \
    <svg onload=alert(3)>&amp;\u{1b}[2J\u{7}\u{0}\u{202e}evil\u{202c}\u{2066}";

#[test]
fn hostile_plan_text_stays_text() {
    let mut plan = worked();
    let long = "W".repeat(10_000);
    plan.fund = HOSTILE.into();
    plan.title = format!("{long}{HOSTILE}");
    for theme in &mut plan.themes {
        theme.name = format!("Thema {HOSTILE}");
        for sub in &mut theme.subthemes {
            sub.name = format!("Sub {HOSTILE}");
            for p in &mut sub.projects {
                p.title = format!("Titel {HOSTILE}");
                p.owner = HOSTILE.into();
                p.notes = format!("{HOSTILE}\nregel twee");
            }
        }
    }
    let (a, b) = (at("2026-01-31T23:59:59Z"), at("2026-06-30T23:59:59Z"));
    let comparison = compare(&plan, YEAR, a, b);
    for lang in [Lang::Nl, Lang::En] {
        let html = pack_of(&plan, lang, at("2026-07-01T00:00:00Z"), Some(&comparison));
        assert_balanced(&html);
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "a script element");
        assert!(!lower.contains("<svg onload"), "an SVG from plan text");
        assert!(!html.contains("\"onload"), "an attribute broken out of");
        assert_eq!(count(&html, "</style>"), 1);
        assert_eq!(count(&html, "<section"), count(&html, "</section>"));
        assert!(
            !html
                .chars()
                .any(|c| c != '\n' && crate::terminal_safe::is_unsafe(c))
        );
        let escaped = "&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=alert(2) \
            x=&#39;y&#39; ]]&gt; &lt;svg onload=alert(3)&gt;&amp;amp;␛[2J␇␀&lt;U+202E&gt;evil";
        // Title, fund, every theme, sub-theme, project, owner and note, the
        // bars' labels and the comparison's rows.
        assert!(count(&html, escaped) > 4 * plan.project_count(), "{lang:?}");
        assert!(html.contains(&format!("<h1>{long}")));
    }
}

#[test]
#[should_panic(expected = "closing </p>")]
fn the_balance_check_sees_a_misnested_tag() {
    assert_balanced("<section><p><b>x</p></b></section>");
}
