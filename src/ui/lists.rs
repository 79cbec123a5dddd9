//! The three list panes: themes, sub-themes and projects. Only the rows that
//! fit are built and drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, List, ListItem, ListState, StatefulWidget, Widget};

use crate::app::App;
use crate::plan::Progress;
use crate::view::{Filter, Pane};

use super::fit::{distinguishing, truncate, width};
use super::layout::{Areas, inner};
use super::palette::Styles;
use super::presence::row_mark;
use super::scroll::{self, follow, window};

/// One row: text on the left, a short right-aligned column, and before that
/// column the mark of an item someone else is editing.
struct Row {
    marker: Span<'static>,
    text: String,
    /// What to show instead when `text` does not fit: its distinguishing part.
    short: Option<String>,
    right: Span<'static>,
    edited: Option<Span<'static>>,
}

pub fn render_panes(
    app: &App,
    styles: &Styles,
    areas: &Areas,
    buf: &mut Buffer,
    states: &mut [ListState; 3],
) {
    for (pane, state) in Pane::ALL.into_iter().zip(states) {
        render_pane(app, styles, (pane, areas.pane(pane)), buf, state);
    }
}

fn render_pane(
    app: &App,
    styles: &Styles,
    (pane, area): (Pane, Rect),
    buf: &mut Buffer,
    state: &mut ListState,
) {
    let focused = app.view().focus == pane;
    let inner = inner(area);
    let len = app.rows(pane);
    let selected = app.selected_row(pane);
    let shown = usize::from(inner.height);
    let mut block = pane_block(&pane_title(app, pane), focused, styles);
    if len > shown {
        // The list scrolls: say where the selection is.
        let position = format!(" {}/{len} ", selected.map_or(0, |s| s + 1));
        block = block.title_bottom(Line::styled(position, styles.dim).right_aligned());
    }
    block.render(area, buf);
    let rows = follow(state, selected, len, shown);
    if len == 0 {
        let empty = truncate(empty_text(app, pane), usize::from(inner.width));
        buf.set_string(inner.x, inner.y, empty, styles.dim);
        return;
    }
    let visible = app.visible_projects();
    let items: Vec<ListItem> = rows
        .clone()
        .map(|index| {
            let row = match pane {
                Pane::Themes => theme_row(app, index, styles),
                Pane::Subthemes => subtheme_row(app, index, styles),
                Pane::Projects => project_row(app, visible[index], styles),
            };
            ListItem::new(row_line(row, inner.width))
        })
        .collect();
    let highlight = styles.row_highlight(if focused {
        styles.selected
    } else {
        styles.selected_idle
    });
    let list = List::new(items).highlight_style(highlight);
    StatefulWidget::render(list, inner, buf, &mut window(state, &rows));
    let border = if focused {
        styles.border_focused
    } else {
        styles.border
    };
    let track = scroll::Track::beside(area, inner, border, focused);
    scroll::scrollbar(track, len, shown, state.offset(), buf);
}

/// A pane's frame; the focused one has a thick border and a `▶` before its title.
pub(crate) fn pane_block<'a>(title: &str, focused: bool, styles: &Styles) -> Block<'a> {
    let (marker, border, border_style, title_style) = if focused {
        (
            "▶ ",
            BorderType::Thick,
            styles.border_focused,
            styles.title_focused,
        )
    } else {
        ("", BorderType::Plain, styles.border, styles.title)
    };
    Block::bordered()
        .border_type(border)
        .border_style(border_style)
        .title(Line::styled(format!(" {marker}{title} "), title_style))
}

fn pane_title(app: &App, pane: Pane) -> String {
    let t = app.lang().tr();
    match pane {
        Pane::Themes => t.themes.to_string(),
        Pane::Subthemes => t.subthemes.to_string(),
        Pane::Projects => match app.view().filter {
            Filter::All => t.projects.to_string(),
            Filter::Open => format!("{} — {}", t.projects, app.lang().listing().only_open),
            Filter::Only(s) => format!("{} — {}", t.projects, app.lang().only_status(s)),
        },
    }
}

fn empty_text(app: &App, pane: Pane) -> &'static str {
    let ui = app.lang().ui();
    match pane {
        Pane::Themes => ui.no_themes,
        Pane::Subthemes => ui.no_subthemes,
        Pane::Projects
            if app.view().filter != Filter::All
                && app.subtheme().is_some_and(|s| !s.projects.is_empty()) =>
        {
            ui.no_projects_filtered
        }
        Pane::Projects => ui.no_projects,
    }
}

fn progress_span(progress: Progress) -> Span<'static> {
    Span::raw(format!("{}/{}", progress.done(), progress.counted()))
}

fn theme_row(app: &App, index: usize, styles: &Styles) -> Row {
    let theme = &app.plan().themes[index];
    let marker = if theme.focus {
        Span::styled("★ ", styles.focus_mark)
    } else {
        Span::raw("  ")
    };
    Row {
        marker,
        text: theme.name.clone(),
        short: None,
        right: progress_span(theme.progress(app.year())),
        edited: row_mark(app, &theme.id, styles),
    }
}

fn subtheme_row(app: &App, index: usize, styles: &Styles) -> Row {
    let theme = app.theme();
    let sub = theme.map(|t| &t.subthemes[index]);
    let short = theme.zip(sub).and_then(|(theme, sub)| {
        let siblings: Vec<&str> = theme.subthemes.iter().map(|s| s.name.as_str()).collect();
        distinguishing(&sub.name, &siblings, &theme.name)
    });
    Row {
        marker: Span::raw(format!("{} ", subtheme_letter(index))),
        text: sub.map(|s| s.name.clone()).unwrap_or_default(),
        short,
        right: sub.map_or(Span::raw(""), |s| progress_span(s.progress(app.year()))),
        edited: sub.and_then(|s| row_mark(app, &s.id, styles)),
    }
}

pub(crate) use crate::plan::subtheme_letter;

fn project_row(app: &App, index: usize, styles: &Styles) -> Row {
    let project = app.subtheme().map(|s| &s.projects[index]);
    let status = project.and_then(|p| p.status_in(app.year()));
    Row {
        marker: Span::raw(""),
        text: project.map(|p| p.title.clone()).unwrap_or_default(),
        short: None,
        right: Span::styled(app.lang().status_or_none(status), styles.status(status)),
        edited: project.and_then(|p| row_mark(app, &p.id, styles)),
    }
}

/// A row across the full width: the text is cut to leave room for the marker
/// and the right-hand column.
fn row_line(row: Row, cells: u16) -> Line<'static> {
    let total = usize::from(cells);
    let edited = row.edited.unwrap_or_default();
    let right_width = width(&row.right.content) + width(&edited.content);
    let marker_width = width(&row.marker.content);
    let room = total.saturating_sub(marker_width + right_width + 1);
    let text = match row.short {
        Some(short) if width(&row.text) > room => truncate(&short, room),
        _ => truncate(&row.text, room),
    };
    let gap = total.saturating_sub(marker_width + width(&text) + right_width);
    Line::from(vec![
        row.marker,
        Span::raw(text),
        Span::raw(" ".repeat(gap)),
        edited,
        row.right,
    ])
}
