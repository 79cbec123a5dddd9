//! A theme's pages: its name and progress, then per sub-theme (a heading with
//! its letter) every project with its status, owner and notes.

use std::fmt::Write as _;

use super::{counts_phrase, escape, status_word, svg};
use crate::i18n::Lang;
use crate::plan::{Project, Theme, subtheme_letter};

/// The section of the `index`th theme in scope; it starts a new page.
pub(super) fn section(out: &mut String, index: usize, theme: &Theme, year: u16, lang: Lang) {
    let (b, tr) = (lang.board(), lang.tr());
    let name = escape::line(&theme.name);
    let mark = if theme.focus { "★ " } else { "" };
    let progress = theme.progress(year);
    let phrase = counts_phrase(&progress, lang);
    let _ = write!(
        out,
        "<section class=\"theme\" id=\"theme-{}\">\n<h2>{mark}{name}</h2>\n<p class=\"progress\">{} <span>{phrase}</span></p>\n",
        index + 1,
        svg::bar(&progress, &format!("{name}: {phrase}")),
    );
    if theme.subthemes.is_empty() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", b.no_projects);
    }
    for (i, sub) in theme.subthemes.iter().enumerate() {
        let _ = writeln!(
            out,
            "<h3><span class=\"letter\">{}</span> {} <span class=\"small\">· {}</span></h3>",
            subtheme_letter(i),
            escape::line(&sub.name),
            counts_phrase(&sub.progress(year), lang),
        );
        if sub.projects.is_empty() {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", b.no_projects);
            continue;
        }
        let _ = writeln!(
            out,
            "<table class=\"projects\">\n<colgroup><col class=\"c-title\"><col class=\"c-status\"><col class=\"c-owner\"><col class=\"c-notes\"></colgroup>\n\
             <thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            lang.report().project,
            tr.status,
            tr.owner,
            tr.notes,
        );
        for project in &sub.projects {
            row(out, project, year, lang);
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn row(out: &mut String, project: &Project, year: u16, lang: Lang) {
    let status = project.status_in(year);
    let _ = writeln!(
        out,
        "<tr><td class=\"title\">{}</td><td class=\"status\">{} {}</td><td>{}</td><td class=\"notes\">{}</td></tr>",
        escape::line(&project.title),
        svg::swatch(status),
        status_word(status, lang),
        escape::line(&project.owner),
        escape::text(&project.notes),
    );
}
