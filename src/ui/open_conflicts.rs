//! The open conflicts a git merge left: the footer's badge ("2 open
//! conflicten (C)") and the view (`C`), in two lines per conflict: where it is
//! and which field; then the value kept, the other value, and who set that
//! and when.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, BorderType, Clear, List, ListItem, ListState, StatefulWidget, Widget,
};

use crate::app::{App, ConflictsState};
use crate::edit::shown;
use crate::plan::OpenConflict;

use super::changes::{rows_shown, when};
use super::fit::{truncate, width};
use super::layout::{Areas, inner};
use super::palette::Styles;
use super::scroll::{self, follow, window};
use super::view_area;

const LINES_PER_ITEM: u16 = 2;
const INDENT: usize = 2;

/// The footer's badge while the plan has open conflicts, with the key that
/// lists them.
pub fn badge(app: &App) -> Option<String> {
    let n = app.plan().conflicts.len();
    (n > 0).then(|| format!("{} (C)", app.lang().open_conflicts(n)))
}

/// Draws the open conflicts as a list of two-line items; `state` keeps the
/// list's offset between frames.
pub fn render(
    (app, styles): (&App, &Styles),
    view: &ConflictsState,
    areas: &Areas,
    buf: &mut Buffer,
    state: &mut ListState,
) {
    let area = view_area(areas);
    let conflicts = &app.plan().conflicts;
    let len = conflicts.len();
    let selected = view.selected.min(len.saturating_sub(1));
    let shown_rows = rows_shown(areas);
    Clear.render(area, buf);
    frame(app, selected, len, styles).render(area, buf);
    let inner = inner(area);
    let rows = follow(state, (len > 0).then_some(selected), len, shown_rows);
    if len == 0 {
        let empty = truncate(app.lang().conflicts().none, usize::from(inner.width));
        buf.set_string(inner.x, inner.y, empty, styles.dim);
        return;
    }
    let room = usize::from(inner.width);
    let items: Vec<ListItem> = conflicts[rows.clone()]
        .iter()
        .map(|c| {
            ListItem::new(Text::from(vec![
                first_line(app, c, room, styles),
                second_line(app, c, room, styles),
            ]))
        })
        .collect();
    let list = List::new(items).highlight_style(styles.row_highlight(styles.selected));
    StatefulWidget::render(list, inner, buf, &mut window(state, &rows));
    let lines = Rect {
        height: u16::try_from(shown_rows).map_or(inner.height, |n| n * LINES_PER_ITEM),
        ..inner
    };
    let track = scroll::Track::beside(area, lines, styles.border_focused, true);
    scroll::scrollbar(track, len, shown_rows, state.offset(), buf);
}

fn frame<'a>(app: &App, selected: usize, len: usize, styles: &Styles) -> Block<'a> {
    let title = format!(" {} ", app.lang().conflicts().view_title);
    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(styles.border_focused)
        .title(Line::styled(title, styles.title_focused));
    if len > 0 {
        let position = format!(" {}/{len} ", selected + 1);
        block = block.title_bottom(Line::styled(position, styles.dim).right_aligned());
    }
    block
}

/// "Thema › Subthema › Project                              status 2026".
fn first_line(app: &App, c: &OpenConflict, room: usize, styles: &Styles) -> Line<'static> {
    let (lang, plan) = (app.lang(), app.plan());
    let field = truncate(&lang.conflict_field_name(plan, c), room / 2);
    let path_room = room.saturating_sub(width(&field) + 2);
    let path = truncate(&lang.conflict_path(plan, c), path_room);
    let gap = room.saturating_sub(width(&path) + width(&field));
    Line::from(vec![
        Span::styled(path, styles.bold),
        Span::raw(" ".repeat(gap)),
        Span::styled(field, styles.dim),
    ])
}

/// "  behouden: Vervallen · andere: Uitgesteld — door bert, 2026-03-14 09:21 UTC".
fn second_line(app: &App, c: &OpenConflict, room: usize, styles: &Styles) -> Line<'static> {
    let lang = app.lang();
    let t = lang.conflicts();
    let (kept, other) = shown(&c.field);
    let (kept, other) = (lang.value_text(kept), lang.value_text(other));
    let by = lang.conflict_by(&c.by, &when(app, c.at));
    // Who and when last: a narrow screen cuts them before the values.
    let text = format!("{}: {kept} · {}: {other} — {by}", t.kept, t.other);
    let text = truncate(&text, room.saturating_sub(INDENT));
    Line::from(vec![
        Span::raw(" ".repeat(INDENT)),
        Span::styled(text, styles.text),
    ])
}
