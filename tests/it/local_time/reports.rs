//! Reports through the year and between two dates count at the end of local
//! months and days, and name their dates as local dates.

use super::{AMSTERDAM, stdout_in, with_history};
use crate::support::plan_dir::PlanDir;

/// A change half an hour into 1 April in Amsterdam: still 31 March in UTC.
fn april_in_amsterdam() -> PlanDir {
    PlanDir::new(&with_history(&[(
        "programma-loyale-tegenspraak",
        "2026-03-31T22:30:00Z",
        "anna",
    )]))
}

/// The `Lopend` count and the end date of the row of `label` in a Dutch CSV.
fn row(csv: &str, label: &str) -> (String, String) {
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().expect("a header").split(';').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let cells: Vec<&str> = lines
        .map(|l| l.split(';').collect::<Vec<_>>())
        .find(|cells| cells[0] == label)
        .unwrap_or_else(|| panic!("no row {label} in\n{csv}"));
    (
        cells[column("Einde")].to_string(),
        cells[column("Lopend")].to_string(),
    )
}

#[test]
fn by_month_counts_at_the_end_of_the_local_month() {
    let f = april_in_amsterdam();
    let args = ["--lang", "nl", "report", "--by", "month", "--format", "csv"];
    let utc = stdout_in(&f, "UTC", &args);
    let local = stdout_in(&f, AMSTERDAM, &args);
    let (utc_end, utc_march) = row(&utc, "mrt 2026");
    let (local_end, local_march) = row(&local, "mrt 2026");
    assert_eq!(
        (utc_end.as_str(), local_end.as_str()),
        ("2026-03-31", "2026-03-31")
    );
    let n = |s: &str| s.parse::<i64>().expect("a count");
    assert_eq!(n(&utc_march), n(&local_march) + 1, "in March in UTC only");
    let (_, local_april) = row(&local, "apr 2026");
    assert_eq!(n(&local_april), n(&utc_march), "in April in Amsterdam");
}

#[test]
fn a_comparison_names_local_dates_in_csv_and_in_the_board_pack() {
    let f = april_in_amsterdam();
    let csv = stdout_in(
        &f,
        AMSTERDAM,
        &[
            "--lang",
            "nl",
            "report",
            "--compare",
            "2026-03-31",
            "2026-09-30",
            "--format",
            "csv",
        ],
    );
    let header = csv.lines().next().expect("a header");
    assert!(
        header.ends_with(";2026-03-31;2026-09-30;Verschil"),
        "{header}"
    );
    let csv = stdout_in(
        &f,
        AMSTERDAM,
        &[
            "report",
            "--as-of",
            "2026-06-30T14:00:00+02:00",
            "--format",
            "csv",
        ],
    );
    let second = csv.lines().nth(1).expect("a row");
    assert!(second.starts_with("2026-06-30T14:00:00+02:00,"), "{second}");
    let html = stdout_in(
        &f,
        AMSTERDAM,
        &[
            "--lang",
            "nl",
            "report",
            "--compare",
            "2026-03-31",
            "2026-09-30",
            "--format",
            "html",
        ],
    );
    assert!(
        html.contains("Stand per 31 maart 2026 en per 30 september 2026"),
        "the heading names the two local days"
    );
    let html = stdout_in(
        &f,
        AMSTERDAM,
        &[
            "--lang",
            "en",
            "report",
            "--compare",
            "2026-03-31T12:00:00Z",
            "2026-09-30",
            "--format",
            "html",
        ],
    );
    assert!(
        html.contains("As of 31 March 2026 14:00 CEST and as of 30 September 2026"),
        "a moment other than a day's end has its local time and zone"
    );
}
