//! The archive view (`A`): every archived item, newest first, in two lines:
//! its kind, title and how many projects went with it; then when and by whom
//! it was archived and where it was.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, ListItem, ListState, Widget};

use crate::app::{App, ArchiveRow, ArchiveState};
use crate::plan::Kind;

use super::changes::{rows_shown, when};
use super::fit::{truncate, width};
use super::layout::{Areas, inner};
use super::palette::Styles;
use super::scroll::{follow, render_list, view_frame};
use super::view_area;

const LINES_PER_ITEM: u16 = 2;
const GAP: usize = 2;
/// Every kind, for the width of the kind column.
const KINDS: [Kind; 3] = [Kind::Project, Kind::Subtheme, Kind::Theme];

/// Draws the archived items on screen as a list of two-line items; `state`
/// keeps the list's offset between frames.
pub fn render(
    (app, styles): (&App, &Styles),
    archive: &ArchiveState,
    areas: &Areas,
    buf: &mut Buffer,
    state: &mut ListState,
) {
    let area = view_area(areas);
    let (selected, len, shown) = (archive.selected, archive.rows.len(), rows_shown(areas));
    Clear.render(area, buf);
    let title = format!(" {} ", app.lang().arrange().archive_title);
    view_frame(title, (len > 0).then_some((selected, len)), styles).render(area, buf);
    let inner = inner(area);
    let rows = follow(state, (len > 0).then_some(selected), len, shown);
    if len == 0 {
        let empty = truncate(app.lang().arrange().archive_empty, usize::from(inner.width));
        buf.set_string(inner.x, inner.y, empty, styles.dim);
        return;
    }
    let room = usize::from(inner.width);
    let kind_width = (KINDS.iter())
        .map(|k| width(app.lang().kind_name(*k)))
        .max()
        .unwrap_or(0);
    let items: Vec<ListItem> = archive.rows[rows.clone()]
        .iter()
        .map(|row| {
            ListItem::new(Text::from(vec![
                first_line(app, row, (kind_width, room), styles),
                second_line(app, row, kind_width + GAP, room, styles),
            ]))
        })
        .collect();
    let frame = (area, inner);
    render_list(
        items,
        frame,
        (len, LINES_PER_ITEM),
        (state, &rows),
        styles,
        buf,
    );
}

/// "Subthema  Loyale Tegenspraak                      2 projecten".
fn first_line(
    app: &App,
    row: &ArchiveRow,
    (kind_width, room): (usize, usize),
    styles: &Styles,
) -> Line<'static> {
    let lang = app.lang();
    let kind = lang.kind_name(row.kind);
    let count = lang.project_count(row.projects);
    let used = kind_width + GAP;
    let title_room = room.saturating_sub(used + GAP + width(&count));
    let title = truncate(&row.title, title_room);
    let gap = room.saturating_sub(used + width(&title) + width(&count));
    Line::from(vec![
        Span::styled(kind.to_string(), styles.dim),
        Span::raw(" ".repeat(kind_width - width(kind) + GAP)),
        Span::styled(title, styles.bold),
        Span::raw(" ".repeat(gap)),
        Span::styled(count, styles.dim),
    ])
}

/// "gearchiveerd 14 mrt 2026 10:21 door ingrid · uit Thema › Subthema".
fn second_line(
    app: &App,
    row: &ArchiveRow,
    indent: usize,
    room: usize,
    styles: &Styles,
) -> Line<'static> {
    let lang = app.lang();
    // When and by whom first: a narrow screen cuts the end of the place.
    let mut parts = Vec::new();
    if let Some((at, by)) = &row.archived {
        parts.push(lang.archived_when(&when(app, *at), by));
    }
    if !row.from.is_empty() {
        parts.push(lang.archived_from(&row.from));
    }
    let text = truncate(&parts.join(" · "), room.saturating_sub(indent));
    Line::from(vec![
        Span::raw(" ".repeat(indent)),
        Span::styled(text, styles.text),
    ])
}
