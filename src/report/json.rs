//! The report as a JSON document for scripts: totals, then themes → sub-themes →
//! projects, each level with its counts. Statuses use their file names
//! (`"InProgress"`), so the document does not depend on the language.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::plan::json::ProjectJson;
use crate::plan::{Progress, Status, Subtheme, Theme};

/// The report's document, for documents that hold it with more.
#[derive(Serialize)]
pub(crate) struct Document<'a> {
    fund: &'a str,
    title: &'a str,
    year: u16,
    totals: Totals,
    themes: Vec<ThemeJson<'a>>,
}

#[derive(Serialize)]
struct ThemeJson<'a> {
    id: &'a str,
    name: &'a str,
    focus: bool,
    totals: Totals,
    subthemes: Vec<SubthemeJson<'a>>,
}

#[derive(Serialize)]
struct SubthemeJson<'a> {
    id: &'a str,
    name: &'a str,
    totals: Totals,
    projects: Vec<ProjectJson<'a>>,
}

#[derive(Serialize)]
pub(crate) struct Totals {
    projects: usize,
    done: usize,
    percent_done: usize,
    by_status: ByStatus,
    no_status: usize,
}

/// Counts keyed by the statuses' file names, in picker order.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ByStatus {
    planned: usize,
    in_progress: usize,
    done: usize,
    on_hold: usize,
    cancelled: usize,
}

pub(crate) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    crate::terminal_safe::json::to_writer_pretty(&mut *out, &document(report))?;
    writeln!(out)
}

pub(crate) fn document<'a>(report: &Report<'a>) -> Document<'a> {
    let year = report.year;
    Document {
        fund: &report.plan.fund,
        title: &report.plan.title,
        year,
        totals: totals(&report.total()),
        themes: report.themes.iter().map(|t| theme(t, year)).collect(),
    }
}

fn theme(theme: &Theme, year: u16) -> ThemeJson<'_> {
    ThemeJson {
        id: &theme.id,
        name: &theme.name,
        focus: theme.focus,
        totals: totals(&theme.progress(year)),
        subthemes: (theme.subthemes.iter())
            .map(|s| subtheme(theme, s, year))
            .collect(),
    }
}

fn subtheme<'a>(theme: &'a Theme, sub: &'a Subtheme, year: u16) -> SubthemeJson<'a> {
    SubthemeJson {
        id: &sub.id,
        name: &sub.name,
        totals: totals(&sub.progress(year)),
        projects: (sub.projects.iter())
            .map(|p| ProjectJson::of(theme, sub, p, year))
            .collect(),
    }
}

pub(crate) fn totals(p: &Progress) -> Totals {
    Totals {
        projects: p.total(),
        done: p.done(),
        percent_done: p.percent_done(),
        by_status: ByStatus {
            planned: p.count(Status::Planned),
            in_progress: p.count(Status::InProgress),
            done: p.count(Status::Done),
            on_hold: p.count(Status::OnHold),
            cancelled: p.count(Status::Cancelled),
        },
        no_status: p.unset,
    }
}
