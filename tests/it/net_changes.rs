//! Net changes and CSV that follows the language, through the real binary:
//! `changes` folds undone and repeated changes unless `--all`, says how many it
//! folded (in words and in JSON), and CSV is `;` with a decimal comma in
//! Dutch, `,` with a point in English, unless `--delimiter` says otherwise.

use aoplan::plan::{HistoryEntry, LogEntry, Logged, Plan, Status, TextKind};
use aoplan::timestamp::Timestamp;

use crate::support::plan_dir::PlanDir;

const WINDOW: [&str; 4] = ["--since", "2026-03-01", "--until", "2026-03-31"];

fn at(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).expect("a time")
}

fn status(plan: &mut Plan, id: &str, when: &str, by: &str, from: Status, to: Status) {
    let loc = plan.locate(id).expect("a project");
    let p = plan.project_mut(loc).expect("located");
    p.status.0.insert(2026, to);
    p.history.push(HistoryEntry {
        at: at(when),
        by: by.into(),
        year: 2026,
        from: Some(from),
        to: Some(to),
    });
}

fn owner(plan: &mut Plan, id: &str, when: &str, from: &str, to: &str) {
    plan.log.push(LogEntry {
        at: at(when),
        by: "anna".into(),
        change: Logged::Text {
            id: id.into(),
            field: TextKind::Owner,
            from: from.into(),
            to: to.into(),
        },
    });
}

/// In March: ingrid's mistake undone two minutes later; bram's change that
/// ingrid set back; anna's owner changed twice; one werkplezier project done.
fn plan() -> Plan {
    use Status::*;
    let mut plan = aoplan::codec::parse(aoplan::storage::BUNDLED_PLAN).expect("bundled plan");
    let (k, l) = ("kwalen-kwartet", "programma-loyale-tegenspraak");
    status(
        &mut plan,
        k,
        "2026-03-02T10:00:00Z",
        "ingrid",
        InProgress,
        Cancelled,
    );
    status(
        &mut plan,
        k,
        "2026-03-02T10:02:00Z",
        "ingrid",
        Cancelled,
        InProgress,
    );
    status(
        &mut plan,
        l,
        "2026-03-03T10:00:00Z",
        "bram",
        InProgress,
        OnHold,
    );
    status(
        &mut plan,
        l,
        "2026-03-04T10:00:00Z",
        "ingrid",
        OnHold,
        InProgress,
    );
    owner(&mut plan, k, "2026-03-05T09:00:00Z", "", "Zoë");
    owner(&mut plan, k, "2026-03-05T09:05:00Z", "Zoë", "Zoë en Bram");
    let w = "inspiratiesessies-werkplezier";
    status(&mut plan, w, "2026-03-06T09:00:00Z", "anna", Planned, Done);
    plan
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("JSON")
}

/// Every change in the JSON as (by, steps).
fn rows(doc: &serde_json::Value) -> Vec<(String, u64)> {
    let themes = doc["themes"].as_array().expect("themes");
    let mut rows: Vec<(String, u64)> = (themes.iter())
        .flat_map(|t| t["changes"].as_array().expect("changes"))
        .map(|c| {
            (
                c["by"].as_str().unwrap().into(),
                c["steps"].as_u64().unwrap(),
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn changes_are_net_by_default_and_all_shows_every_one() {
    let f = PlanDir::new(&plan());
    let net = json(&f.stdout(&[&["changes", "--format", "json"][..], &WINDOW].concat()));
    assert_eq!(net["net"], true);
    assert_eq!(net["folded"], 3, "the undo and its mistake, one owner step");
    assert_eq!(
        rows(&net),
        [
            ("anna".into(), 1),
            ("anna".into(), 2),
            ("bram".into(), 1),
            ("ingrid".into(), 1)
        ]
    );
    let all = json(&f.stdout(&[&["changes", "--all", "--format", "json"][..], &WINDOW].concat()));
    assert_eq!((&all["net"], &all["folded"]), (&false.into(), &0.into()));
    assert_eq!(rows(&all).len(), 7);
    assert!(rows(&all).iter().all(|(_, steps)| *steps == 1));
    // The owner's line runs from the first old value to the last new one.
    let owner = (net["themes"].as_array().unwrap().iter())
        .flat_map(|t| t["changes"].as_array().unwrap())
        .find(|c| c["what"] == "owner")
        .expect("the owner's line");
    assert_eq!(
        (&owner["from"], &owner["to"]),
        (&"".into(), &"Zoë en Bram".into())
    );
}

#[test]
fn the_text_says_how_many_changes_a_line_stands_for_and_how_many_were_folded() {
    let f = PlanDir::new(&plan());
    let nl = f.stdout(&[&["changes", "--lang", "nl"][..], &WINDOW].concat());
    assert!(
        nl.contains("“Zoë en Bram”") && nl.contains("(2 wijzigingen)"),
        "{nl}"
    );
    assert!(
        nl.ends_with("\n3 wijzigingen zijn teruggedraaid of samengevoegd; --all toont alles.\n"),
        "{nl}"
    );
    assert!(
        !nl.contains("Vervallen"),
        "ingrid's mistake is folded away: {nl}"
    );
    let en = f.stdout(&[&["changes", "--all", "--lang", "en"][..], &WINDOW].concat());
    assert!(
        en.contains("In progress → Cancelled") && !en.contains("undone"),
        "{en}"
    );
}

/// Reads CSV with `delimiter`, after its byte order mark.
fn read(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes());
    (reader.records())
        .map(|r| r.expect("a record").iter().map(String::from).collect())
        .collect()
}

#[test]
fn dutch_csv_is_read_back_with_semicolons_and_decimal_commas() {
    let f = PlanDir::new(&plan());
    let args = [
        "report",
        "--by",
        "quarter",
        "--theme",
        "werkplezier",
        "--format",
        "csv",
    ];
    let nl = f.stdout(&[&args[..], &["--lang", "nl"]].concat());
    let table = read(&nl, b';');
    assert_eq!(table[0][0], "Kwartaal");
    assert_eq!(table[0].last().map(String::as_str), Some("% afgerond"));
    // One of werkplezier's 8 projects done by the end of March.
    assert_eq!(table[1][..3], ["K1 2026", "2026-03-31", "8"]);
    assert_eq!(table[1].last().map(String::as_str), Some("12,5"));
    assert!(!nl.contains('"'), "nothing needs quoting: {nl}");
    let en = read(&f.stdout(&[&args[..], &["--lang", "en"]].concat()), b',');
    assert_eq!(en[1].last().map(String::as_str), Some("12.5"));
    // A comma as delimiter in Dutch: the decimal comma is quoted.
    let comma = f.stdout(&[&args[..], &["--lang", "nl", "--delimiter", ","]].concat());
    assert!(comma.contains(",\"12,5\"\r\n"), "{comma}");
    assert_eq!(
        read(&comma, b',')[1].last().map(String::as_str),
        Some("12,5")
    );
    let tab = f.stdout(&[&args[..], &["--lang", "en", "--delimiter", "tab"]].concat());
    assert_eq!(
        read(&tab, b'\t')[1].last().map(String::as_str),
        Some("12.5")
    );
}

#[test]
fn every_csv_follows_the_language() {
    let f = PlanDir::new(&plan());
    let report = read(
        &f.stdout(&["report", "--format", "csv", "--lang", "nl"]),
        b';',
    );
    assert_eq!(report[0][..3], ["Thema", "Focus", "Subthema"]);
    assert!(report.iter().skip(1).all(|r| r.len() == report[0].len()));
    let changes =
        f.stdout(&[&["changes", "--format", "csv", "--lang", "nl"][..], &WINDOW].concat());
    let changes = read(&changes, b';');
    let steps = changes[0]
        .iter()
        .position(|h| h == "Stappen")
        .expect("a steps column");
    let owner = (changes.iter()).find(|r| r.contains(&"Zoë en Bram".to_string()));
    assert_eq!(owner.map(|r| r[steps].as_str()), Some("2"));
    let compare = [
        "report",
        "--compare",
        "2026-03-01",
        "2026-03-31",
        "--format",
        "csv",
    ];
    let compare = read(&f.stdout(&[&compare[..], &["--lang", "nl"]].concat()), b';');
    let total = (compare.iter()).find(|r| r[3] == "percent_done" && r[1].is_empty());
    assert!(
        total.is_some_and(|r| r[5].contains(',') && r[6].contains(',')),
        "{compare:?}"
    );
    let en = f.stdout(&[
        "report",
        "--format",
        "csv",
        "--lang",
        "en",
        "--delimiter",
        ";",
    ]);
    assert_eq!(read(&en, b';')[0][..2], ["Theme", "Focus"]);
}

#[test]
fn a_narrow_terminal_gets_short_headings_and_their_legend() {
    let f = PlanDir::new(&plan());
    let wide = f.stdout(&["report", "--by", "quarter", "--lang", "nl"]);
    assert!(wide.contains("Gepland  Lopend  Afgerond  Uitgesteld  Vervallen  Geen status"));
    assert!(!wide.contains("Gepl "), "{wide}");
    let out = assert_cmd::cargo::cargo_bin_cmd!("aoplan")
        .args(["report", "--by", "quarter", "--lang", "nl"])
        .env("AOPLAN_FILE", &f.plan)
        .env("AOPLAN_CONFIG", f.dir.path().join("none.ron"))
        .env("HOME", f.dir.path())
        .env("TZ", "UTC")
        .env("COLUMNS", "80")
        .output()
        .expect("aoplan runs");
    let narrow = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(narrow.contains("Kwartaal  Proj "), "{narrow}");
    assert!(
        narrow.contains("  Gepl  Lop  Afg  Uitg  Verv  Geen    %\n"),
        "{narrow}"
    );
    assert!(
        narrow.contains("\nProj = Projecten · Gepl = Gepland"),
        "{narrow}"
    );
    assert!(narrow.lines().all(|l| l.chars().count() <= 80), "{narrow}");
}

mod ui {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use aoplan::app::{App, AppOptions};
    use aoplan::i18n::Lang;
    use aoplan::ui::Palette;

    use crate::ui_support::{Session, screen};

    const SIZE: (u16, u16) = (120, 40);

    fn session(lang: Lang) -> Session {
        let options = AppOptions {
            lang,
            year: None,
            read_only: None,
            user: "tester".into(),
            mouse: true,
        };
        Session::new(App::new(super::plan(), options), Palette::Plain, SIZE)
    }

    fn keys(s: &mut Session, input: &str) {
        for c in input.chars() {
            s.press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    #[test]
    fn the_changes_view_is_net_until_n_shows_every_change() {
        let mut s = session(Lang::Nl);
        keys(&mut s, "c");
        let net = screen(&mut s, SIZE);
        assert!(net.contains("Wijzigingen · netto"), "{net}");
        assert!(
            net.contains("(2 wijzigingen)") && !net.contains("Vervallen"),
            "{net}"
        );
        assert!(net.contains("n netto/alles"), "the hint: {net}");
        keys(&mut s, "n");
        let all = screen(&mut s, SIZE);
        assert!(all.contains("Wijzigingen · alle wijzigingen"), "{all}");
        assert!(
            all.contains("Lopend → Vervallen") && !all.contains("(2 wijzigingen)"),
            "{all}"
        );
        keys(&mut s, "n");
        assert!(screen(&mut s, SIZE).contains("Wijzigingen · netto"));
    }

    #[test]
    fn f_in_the_progress_view_shows_the_focus_themes_only_and_charts_them() {
        let mut s = session(Lang::En);
        keys(&mut s, "pG");
        let all = screen(&mut s, SIZE);
        assert!(
            all.contains("Progress 2026 ") && all.contains("Werkplezier"),
            "{all}"
        );
        assert!(all.contains("Month by month 2026 · "), "{all}");
        keys(&mut s, "f");
        let focus = screen(&mut s, SIZE);
        assert!(focus.contains("Progress 2026 · focus themes"), "{focus}");
        assert!(!focus.contains("Werkplezier") && focus.contains("★ Organisatiecultuur"));
        assert!(
            focus.contains("Month by month 2026 · focus themes"),
            "{focus}"
        );
        keys(&mut s, "f");
        assert!(screen(&mut s, SIZE).contains("Werkplezier"));
    }
}
