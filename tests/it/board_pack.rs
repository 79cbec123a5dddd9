//! `aoplan report --format html`, printed the way a board member gets it:
//! headless Chromium turns the pack into an A4 PDF and a PNG, and poppler
//! reads back the PDF's pages and text. Skipped with a printed reason where
//! Chromium or poppler is missing (`.ci/deps` installs them).

use std::fs;
use std::path::Path;

use aoplan::plan::{HistoryEntry, Plan, Status};
use aoplan::timestamp::Timestamp;

use crate::support::browser::Browser;
use crate::support::hostile_text;
use crate::support::plan_dir::PlanDir;

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

fn bundled() -> Plan {
    aoplan::codec::parse(BUNDLED).expect("the bundled plan parses")
}

fn browser() -> Option<Browser> {
    Browser::find().map_err(|why| eprintln!("{why}")).ok()
}

/// The bundled plan after a year of work: every project that has a status
/// moves on once or twice, on a fixed schedule from February to October.
fn year_of_work() -> Plan {
    let mut plan = bundled();
    let ids: Vec<String> = plan.projects().map(|(_, p)| p.id.clone()).collect();
    for (i, id) in ids.iter().enumerate() {
        let steps: &[(u32, Status)] = match i % 5 {
            0 => &[(2, Status::InProgress), (6, Status::Done)],
            1 => &[(3, Status::InProgress), (9, Status::Done)],
            2 => &[(4, Status::OnHold)],
            3 => &[(5, Status::InProgress)],
            _ => &[],
        };
        let loc = plan.locate(id).expect("listed");
        let project = plan.project_mut(loc).expect("located");
        for (month, to) in steps {
            let from = project.status_in(2026);
            if from == Some(*to) {
                continue;
            }
            let day = 1 + (i % 27) as u32;
            let at = format!("2026-{month:02}-{day:02}T10:00:00Z");
            project.history.push(HistoryEntry {
                at: Timestamp::parse_rfc3339(&at).expect("a time"),
                by: "anna".into(),
                year: 2026,
                from,
                to: Some(*to),
            });
            project.status.0.insert(2026, *to);
        }
        project.owner = ["Anna de Vries", "Bram Bakker", ""][i % 3].into();
        project.notes = if i % 4 == 0 {
            "Kick-off in april.\nDaarna maandelijks.".into()
        } else {
            String::new()
        };
    }
    plan
}

/// Writes the pack of `plan` (with `args` after `report --format html`) to
/// `dir`, prints it to a PDF, and returns the HTML and the PDF's path.
fn pack(dir: &Path, browser: &Browser, plan: &Plan, name: &str, args: &[&str]) -> String {
    let f = PlanDir::new(plan);
    let mut all = vec!["report", "--format", "html"];
    all.extend_from_slice(args);
    let html = f.stdout(&all);
    let file = dir.join(format!("{name}.html"));
    fs::write(&file, &html).expect("write the pack");
    browser.print_pdf(&file, &dir.join(format!("{name}.pdf")));
    html
}

/// Whitespace folded to single spaces, as text across line ends is compared.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text without any whitespace, for text that a table cell may wrap anywhere.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn the_bundled_plan_prints_on_a4_a_theme_a_page_in_dutch() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    let plan = bundled();
    pack(dir.path(), &browser, &plan, "nl", &["--lang", "nl"]);
    let pdf = dir.path().join("nl.pdf");
    let (pages, size) = browser.pages(&pdf);
    assert!(size.contains("(A4)"), "{size}");
    // Page 1 has the summary and the chart; each theme starts a page.
    assert!(
        pages > plan.themes.len(),
        "{pages} pages for {} themes",
        plan.themes.len()
    );
    let texts = browser.page_texts(&pdf);
    assert_eq!(texts.len(), pages);
    let first = folded(&texts[0]);
    for words in [
        "A&O-fonds Provincies",
        "Activiteitenplan 2026",
        "Voortgang per thema",
        "Voortgang door het jaar",
        "Planjaar 2026",
        "Lopend",
        "Gepland",
        "Totaal",
    ] {
        assert!(first.contains(words), "page 1 lacks {words:?}:\n{first}");
    }
    for theme in &plan.themes {
        let starts = texts.iter().any(|page| {
            let page = folded(page);
            page.starts_with(&theme.name) || page.starts_with(&format!("★ {}", theme.name))
        });
        assert!(starts, "no page starts with the theme {:?}", theme.name);
    }
    let all = folded(&texts.join(" "));
    for (_, project) in plan.projects() {
        assert!(all.contains(&folded(&project.title)), "{}", project.title);
    }
    for words in ["Eigenaar", "Notities", "A. Loyale Tegenspraak"] {
        assert!(all.contains(words), "{words}");
    }
    assert!(!all.contains("Progress per theme") && !all.contains("Owner"));
    // Page 1 as a picture, as the README shows it.
    if let Some(png) = browser.first_page_png(&pdf, 80, &dir.path().join("page-1")) {
        let bytes = fs::read(&png).expect("the PNG");
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 10_000);
    }
}

#[test]
fn a_year_of_history_prints_in_english_with_its_chart_and_a_screenshot() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    let plan = year_of_work();
    let html = pack(dir.path(), &browser, &plan, "en", &["--lang", "en"]);
    assert!(html.contains("<svg class=\"chart\""));
    let pdf = dir.path().join("en.pdf");
    let (pages, _) = browser.pages(&pdf);
    assert!(pages > plan.themes.len());
    let texts = browser.page_texts(&pdf);
    let first = folded(&texts[0]);
    for words in [
        "Progress per theme",
        "Progress through the year",
        "Done",
        "In progress",
        "On hold",
        "Jun",
        "Oct",
        "% done",
    ] {
        assert!(first.contains(words), "page 1 lacks {words:?}:\n{first}");
    }
    let all = folded(&texts.join(" "));
    for words in [
        "Owner",
        "Notes",
        "Anna de Vries",
        "Kick-off in april.",
        "Programma rondom Loyale Tegenspraak",
    ] {
        assert!(all.contains(words), "{words}");
    }
    assert!(!all.contains("Voortgang") && !all.contains("Eigenaar"));
    let png = dir.path().join("screen.png");
    browser.screenshot(&dir.path().join("en.html"), &png, 1000, 1400);
    let bytes = fs::read(&png).expect("the PNG");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 10_000);
}

#[test]
fn one_theme_prints_alone() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    let plan = year_of_work();
    let theme = &plan.themes[2];
    pack(
        dir.path(),
        &browser,
        &plan,
        "one",
        &["--lang", "nl", "--theme", &theme.id],
    );
    let texts = browser.page_texts(&dir.path().join("one.pdf"));
    assert!(texts.len() >= 2);
    let all = folded(&texts.join(" "));
    assert!(all.contains(&theme.name));
    assert!(!all.contains(&plan.themes[1].name), "another theme");
}

#[test]
fn hostile_plan_text_prints_as_text() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut plan = hostile_text::hostile_plan();
    let attack = "</style><script>document.title='x'</script>\"onload=alert(1) ]]>";
    plan.themes[0].subthemes[0].projects[0].title = format!("Aanval {attack}");
    let html = pack(dir.path(), &browser, &plan, "hostile", &["--lang", "nl"]);
    assert!(!html.to_lowercase().contains("<script"));
    let texts = browser.page_texts(&dir.path().join("hostile.pdf"));
    // The markup is on the page as letters (wherever a table cell wraps it),
    // and the document went on after it.
    let all = squeezed(&texts.join(""));
    assert!(
        all.contains(&squeezed(&format!("Aanval {attack}"))),
        "{all}"
    );
    assert!(
        all.contains("<U+202E>desrever"),
        "a bidi override shown, not obeyed"
    );
    assert!(all.contains(&squeezed(&plan.themes.last().expect("themes").name)));
}
