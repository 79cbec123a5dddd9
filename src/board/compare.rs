//! The comparison of two dates: per theme the counts at both and the
//! difference, and every project whose status changed between them.

use std::fmt::Write as _;

use super::{escape, status_word, svg};
use crate::as_of::{Comparison, Presence, Reach};
use jiff::tz::TimeZone;

use crate::i18n::Lang;
use crate::plan::{Progress, Status};
use crate::timestamp::Timestamp;

/// The comparison's section; it starts a new page.
pub(super) fn section(
    out: &mut String,
    c: &Comparison,
    first: Option<Timestamp>,
    (lang, zone): (Lang, &TimeZone),
) {
    let b = lang.board();
    let _ = write!(
        out,
        "<section class=\"compare\">\n<h2>{}</h2>\n<p class=\"sub\">{}</p>\n",
        b.comparison,
        lang.compare_heading(c.a, c.b, zone)
    );
    for (at, reach) in [(c.a, &c.reach_a), (c.b, &c.reach_b)] {
        reach_notes(out, (at, reach), first, (lang, zone));
    }
    counts(out, c, (lang, zone));
    changes(out, c, lang);
    out.push_str("</section>\n");
}

/// What the records do not tell about a moment, said instead of guessed.
fn reach_notes(
    out: &mut String,
    (at, reach): (Timestamp, &Reach),
    first: Option<Timestamp>,
    (lang, zone): (Lang, &TimeZone),
) {
    if reach.before_records {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            lang.compare_before_records((at, first), zone)
        );
    }
    if !reach.unknown.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            lang.compare_unknown(at, reach.unknown.len(), zone)
        );
    }
}

/// The measures compared per theme.
const MEASURES: [fn(&Progress) -> i64; 4] = [
    |p| p.total() as i64,
    |p| p.done() as i64,
    |p| p.count(Status::InProgress) as i64,
    |p| p.percent_done() as i64,
];

fn counts(out: &mut String, c: &Comparison, (lang, zone): (Lang, &TimeZone)) {
    let (b, t) = (lang.board(), lang.report());
    let headings = [
        lang.tr().projects.to_string(),
        lang.status(Status::Done).to_string(),
        lang.status(Status::InProgress).to_string(),
        crate::report::percent_heading(lang),
    ];
    let (date_a, date_b) = short_dates(c.a, c.b, (lang, zone));
    let _ = write!(
        out,
        "<table class=\"cmp\">\n<thead><tr><th rowspan=\"2\" class=\"name\">{}</th>",
        lang.tr().theme
    );
    for heading in &headings {
        let _ = write!(out, "<th colspan=\"3\" class=\"group\">{heading}</th>");
    }
    out.push_str("</tr>\n<tr>");
    for _ in &headings {
        let _ = write!(
            out,
            "<th class=\"num start\">{date_a}</th><th class=\"num\">{date_b}</th><th class=\"num\" title=\"{}\">±</th>",
            b.difference
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut total = (Progress::default(), Progress::default());
    for theme in &c.themes {
        count_row(out, &escape::line(&theme.name), &theme.a, &theme.b, "");
        for (sum, part) in [(&mut total.0, &theme.a), (&mut total.1, &theme.b)] {
            for (s, n) in sum.by_status.iter_mut().zip(part.by_status) {
                *s += n;
            }
            sum.unset += part.unset;
        }
    }
    count_row(out, t.total, &total.0, &total.1, " class=\"total\"");
    out.push_str("</tbody>\n</table>\n");
}

fn count_row(out: &mut String, name: &str, a: &Progress, b: &Progress, class: &str) {
    let _ = write!(
        out,
        "<tr{class}><th scope=\"row\" class=\"name\">{name}</th>"
    );
    for measure in MEASURES {
        let (x, y) = (measure(a), measure(b));
        let diff = if x == y { "num" } else { "num diff" };
        let _ = write!(
            out,
            "<td class=\"num start\">{x}</td><td class=\"num\">{y}</td><td class=\"{diff}\">{}</td>",
            signed(y - x)
        );
    }
    out.push_str("</tr>\n");
}

/// Every project whose status changed, under its theme's name.
fn changes(out: &mut String, c: &Comparison, lang: Lang) {
    let b = lang.board();
    let _ = writeln!(out, "<h3>{}</h3>", b.changed_projects);
    if c.changed.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", b.no_changes);
        return;
    }
    let report = lang.report();
    let _ = writeln!(
        out,
        "<table class=\"changed\">\n<colgroup><col class=\"c-title\"><col class=\"c-status\"><col class=\"c-status\"><col class=\"c-remark\"></colgroup>\n\
         <thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        report.project, report.from, report.to, b.remark
    );
    let mut theme: Option<&str> = None;
    for change in &c.changed {
        if theme != Some(change.theme.as_str()) {
            theme = Some(&change.theme);
            let _ = writeln!(
                out,
                "<tr class=\"group\"><th colspan=\"4\" scope=\"colgroup\">{}</th></tr>",
                escape::line(&change.theme_name)
            );
        }
        let remark = match change.presence {
            Presence::Both => "",
            Presence::New => b.new,
            Presence::Gone => b.gone,
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"title\">{}</td><td class=\"status\">{} {}</td><td class=\"status\">{} {}</td><td>{remark}</td></tr>",
            escape::line(&change.title),
            svg::swatch(change.from),
            status_word(change.from, lang),
            svg::swatch(change.to),
            status_word(change.to, lang),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The two moments as column headings: "31 mrt" in one year, else with the
/// year; the same day twice gets its time too.
fn short_dates(a: Timestamp, b: Timestamp, (lang, zone): (Lang, &TimeZone)) -> (String, String) {
    let day = |t: Timestamp| {
        let t = crate::dates::wall_clock(t, zone);
        (t.year(), t.month(), t.day())
    };
    let ((ya, ma, da), (yb, mb, db)) = (day(a), day(b));
    let short = |y: i16, m: i8, d: i8| -> String {
        let month = lang.month_short(u8::try_from(m).unwrap_or(1));
        if ya == yb {
            format!("{d} {month}")
        } else {
            format!("{d} {month} {y}")
        }
    };
    if (ya, ma, da) == (yb, mb, db) {
        return (lang.long_moment(a, zone), lang.long_moment(b, zone));
    }
    (short(ya, ma, da), short(yb, mb, db))
}

/// A difference with its sign: "+3", "−2" (a minus sign), "0".
fn signed(n: i64) -> String {
    match n {
        0 => "0".into(),
        n if n > 0 => format!("+{n}"),
        n => format!("−{}", n.unsigned_abs()),
    }
}
