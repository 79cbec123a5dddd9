//! Page 1's first half: the progress per theme, as a bar and the counts per
//! status of each theme and of them all.

use std::fmt::Write as _;

use super::{counts_phrase, escape, status_word, svg};
use crate::i18n::Lang;
use crate::plan::{Progress, Status};
use crate::report::Report;

/// The progress per theme: a bar and the counts per status, and the total.
pub(super) fn section(out: &mut String, report: &Report, lang: Lang) {
    let (b, t) = (lang.board(), lang.report());
    let _ = write!(
        out,
        "<section class=\"summary\">\n<h2>{}</h2>\n",
        b.progress_per_theme
    );
    legend(out, lang);
    if report.themes.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n</section>", b.no_themes);
        return;
    }
    let _ = write!(
        out,
        "<table class=\"counts\">\n<thead><tr><th class=\"name\">{}</th><th class=\"barcol\"></th><th class=\"num\">{}</th>",
        lang.tr().theme,
        lang.tr().projects,
    );
    let total = report.total();
    let shown = shown_statuses(&total);
    for status in &shown {
        let _ = write!(out, "<th class=\"num\">{}</th>", status_word(*status, lang));
    }
    let _ = writeln!(
        out,
        "<th class=\"num\">{}</th></tr></thead>\n<tbody>",
        crate::report::percent_heading(lang)
    );
    for (i, theme) in report.themes.iter().enumerate() {
        let mark = if theme.focus { "★ " } else { "" };
        let name = format!(
            "<a href=\"#theme-{}\">{mark}{}</a>",
            i + 1,
            escape::line(&theme.name)
        );
        let label = format!(
            "{}: {}",
            escape::line(&theme.name),
            counts_phrase(&theme.progress(report.year), lang)
        );
        count_row(out, &name, &label, &theme.progress(report.year), &shown, "");
    }
    let label = format!("{}: {}", t.total, counts_phrase(&total, lang));
    count_row(out, t.total, &label, &total, &shown, " class=\"total\"");
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p class=\"note\">{}</p>\n</section>",
        t.focus_legend
    );
}

/// The statuses the counts table has a column for: done and in progress
/// always, the others when any project in scope has them.
fn shown_statuses(total: &Progress) -> Vec<Option<Status>> {
    (svg::STACK.into_iter())
        .filter(|s| match s {
            Some(Status::Done | Status::InProgress) => true,
            Some(s) => total.count(*s) > 0,
            None => total.unset > 0,
        })
        .collect()
}

/// One row of the counts table: name, bar, total, per status, % done.
fn count_row(
    out: &mut String,
    name: &str,
    label: &str,
    p: &Progress,
    shown: &[Option<Status>],
    class: &str,
) {
    let _ = write!(
        out,
        "<tr{class}><th scope=\"row\" class=\"name\">{name}</th><td class=\"barcol\">{}</td><td class=\"num\">{}</td>",
        svg::bar(p, label),
        p.total()
    );
    for status in shown {
        let n = status.map_or(p.unset, |s| p.count(s));
        let _ = write!(out, "<td class=\"num\">{n}</td>");
    }
    let _ = writeln!(out, "<td class=\"num\">{} %</td></tr>", p.percent_done());
}

/// The key to the statuses' patterns.
pub(super) fn legend(out: &mut String, lang: Lang) {
    out.push_str("<ul class=\"legend\">");
    for status in svg::STACK {
        let _ = write!(
            out,
            "<li>{} {}</li>",
            svg::swatch(status),
            status_word(status, lang)
        );
    }
    out.push_str("</ul>\n");
}
