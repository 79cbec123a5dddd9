//! The details pane under the projects: the selected project in full, or the
//! intro of the theme or sub-theme the user is looking at.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::plan::{HistoryEntry, Progress, Project, Status};
use crate::view::Pane;

use super::fit::wrap;
use super::layout::inner;
use super::lists::{pane_block, subtheme_letter};
use super::palette::Styles;

/// History entries shown, newest first.
const HISTORY_SHOWN: usize = 5;

/// Draws the details scrolled as far as the app asked, within the text; returns
/// how far they can scroll.
pub fn render(app: &App, styles: &Styles, area: Rect, buf: &mut Buffer) -> u16 {
    let inner = inner(area);
    let lines = lines(app, styles, inner.width);
    let max = max_scroll_for(lines.len(), inner.height);
    let scroll = app.details_scroll().min(max);
    let arrows = match (scroll > 0, scroll < max) {
        (false, false) => "",
        (true, false) => " ▲ ",
        (false, true) => " ▼ ",
        (true, true) => " ▲▼ ",
    };
    pane_block(app.lang().tr().details, false, styles)
        .title_bottom(Line::styled(arrows, styles.dim).right_aligned())
        .render(area, buf);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(inner.height))
        .collect();
    Paragraph::new(shown).render(inner, buf);
    max
}

fn max_scroll_for(lines: usize, height: u16) -> u16 {
    u16::try_from(lines.saturating_sub(usize::from(height))).unwrap_or(u16::MAX)
}

/// The pane's content, wrapped to `width`: who else is editing the item
/// shown, then the item.
fn lines(app: &App, styles: &Styles, width: u16) -> Vec<Line<'static>> {
    let mut lines = super::presence::editors_lines(app, styles, width);
    lines.extend(item_lines(app, styles, width));
    lines
}

fn item_lines(app: &App, styles: &Styles, width: u16) -> Vec<Line<'static>> {
    let year = app.year();
    match app.view().focus {
        Pane::Projects => match app.selected_project() {
            Some((_, project)) => project_lines(app, project, width, styles),
            None => subtheme_lines(app, width, styles),
        },
        Pane::Subthemes => subtheme_lines(app, width, styles),
        Pane::Themes => match app.theme() {
            Some(theme) => {
                let mark = if theme.focus { " ★" } else { "" };
                let title = format!("{}{mark}", theme.name);
                intro_lines(
                    app,
                    &title,
                    &theme.intro,
                    theme.progress(year),
                    width,
                    styles,
                )
            }
            None => Vec::new(),
        },
    }
}

fn subtheme_lines(app: &App, width: u16, styles: &Styles) -> Vec<Line<'static>> {
    let Some(sub) = app.subtheme() else {
        return Vec::new();
    };
    let title = format!(
        "{} {}",
        subtheme_letter(app.view().selection.subtheme),
        sub.name
    );
    intro_lines(
        app,
        &title,
        &sub.intro,
        sub.progress(app.year()),
        width,
        styles,
    )
}

/// A title, an intro text and the status counts.
fn intro_lines(
    app: &App,
    title: &str,
    intro: &str,
    progress: Progress,
    width: u16,
    styles: &Styles,
) -> Vec<Line<'static>> {
    let mut lines = styled_wrap(title, width, styles.bold);
    lines.push(Line::raw(""));
    let intro = if intro.is_empty() {
        app.lang().ui().no_text
    } else {
        intro
    };
    lines.extend(styled_wrap(intro, width, styles.text));
    lines.push(Line::raw(""));
    let lang = app.lang();
    let counts = Status::ALL
        .into_iter()
        .filter(|s| progress.count(*s) > 0)
        .map(|s| {
            let text = format!("{} {}", lang.status(s), progress.count(s));
            Span::styled(text, styles.status(Some(s)))
        });
    let unset = (progress.unset > 0).then(|| {
        Span::styled(
            format!("{} {}", lang.tr().no_status, progress.unset),
            styles.dim,
        )
    });
    let separator = Span::styled(" · ", styles.dim);
    lines.extend(flow(Span::raw(""), counts.chain(unset), separator, width));
    lines
}

fn project_lines(app: &App, project: &Project, width: u16, styles: &Styles) -> Vec<Line<'static>> {
    let (t, ui) = (app.lang().tr(), app.lang().ui());
    let or_dash = |s: &str| {
        if s.is_empty() {
            ui.no_text.to_string()
        } else {
            s.to_string()
        }
    };
    let mut lines = styled_wrap(&project.title, width, styles.bold);
    lines.extend(labelled(t.owner, &or_dash(&project.owner), width, styles));
    lines.extend(labelled(t.notes, &or_dash(&project.notes), width, styles));
    lines.extend(status_lines(app, project, width, styles));
    if !project.details.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(styled_wrap(&project.details, width, styles.text));
    }
    if !project.history.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(t.history, styles.bold));
        for entry in project.history.iter().rev().take(HISTORY_SHOWN) {
            lines.extend(styled_wrap(&history_text(app, entry), width, styles.dim));
        }
    }
    lines
}

/// "Status: 2025 Afgerond · 2026 Lopend", the year shown in bold, wrapped
/// between years.
fn status_lines(app: &App, project: &Project, width: u16, styles: &Styles) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut years: Vec<(u16, Option<Status>)> = project
        .status
        .0
        .iter()
        .map(|(y, s)| (*y, Some(*s)))
        .collect();
    if !years.iter().any(|(y, _)| *y == app.year()) {
        years.push((app.year(), None));
        years.sort_by_key(|(y, _)| *y);
    }
    let items = years.into_iter().map(|(year, status)| {
        let style = styles.status(status);
        let style = if year == app.year() {
            style.patch(styles.bold)
        } else {
            style
        };
        Span::styled(format!("{year} {}", lang.status_or_none(status)), style)
    });
    let label = Span::styled(format!("{}: ", lang.tr().status), styles.bold);
    flow(label, items, Span::styled(" · ", styles.dim), width)
}

/// Lays spans out in lines of at most `width` columns, `first` leading, `separator`
/// between items on the same line.
fn flow(
    first: Span<'static>,
    items: impl Iterator<Item = Span<'static>>,
    separator: Span<'static>,
    width: u16,
) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut used = first.width();
    let mut line = vec![first];
    let mut lines = Vec::new();
    let mut fresh = true;
    for item in items {
        let needed = item.width() + if fresh { 0 } else { separator.width() };
        if !fresh && used + needed > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
            fresh = true;
        }
        if !fresh {
            line.push(separator.clone());
            used += separator.width();
        }
        used += item.width();
        line.push(item);
        fresh = false;
    }
    lines.push(Line::from(line));
    lines
}

/// "14 mrt 2026 10:21 jan: 2026 Gepland → Lopend", in local time.
fn history_text(app: &App, entry: &HistoryEntry) -> String {
    let lang = app.lang();
    let when = lang.date_time(entry.at, app.zone());
    format!(
        "{when} {}: {} {} → {}",
        entry.by,
        entry.year,
        lang.status_or_none(entry.from),
        lang.status_or_none(entry.to)
    )
}

/// "Label: value", wrapped, with the label in bold.
fn labelled(label: &str, value: &str, width: u16, styles: &Styles) -> Vec<Line<'static>> {
    let prefix = format!("{label}: ");
    wrap(&format!("{prefix}{value}"), width)
        .into_iter()
        .enumerate()
        .map(|(i, line)| match line.strip_prefix(&prefix) {
            Some(rest) if i == 0 => Line::from(vec![
                Span::styled(prefix.clone(), styles.bold),
                Span::styled(rest.to_string(), styles.text),
            ]),
            _ => Line::styled(line, styles.text),
        })
        .collect()
}

fn styled_wrap(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}
