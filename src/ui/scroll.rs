//! Lists that scroll: the renderer keeps each list's offset in its `ListState`
//! or `TableState`, moves it as little as possible to keep the selection on
//! screen, and draws a scrollbar on the frame where a list overflows.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::line;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, BorderType, List, ListItem, ListState, Scrollbar, ScrollbarOrientation, ScrollbarState,
    StatefulWidget,
};

use super::palette::Styles;

/// The first row to show so that `selected` is visible in `height` rows, moving
/// as little as possible from `offset`; a list that shrank never leaves empty
/// rows at the bottom.
pub(crate) fn scroll_offset(
    selected: Option<usize>,
    offset: usize,
    height: usize,
    len: usize,
) -> usize {
    if height == 0 {
        return 0;
    }
    let mut offset = offset.min(len.saturating_sub(height));
    if let Some(selected) = selected {
        if selected < offset {
            offset = selected;
        } else if selected >= offset + height {
            offset = selected + 1 - height;
        }
    }
    offset
}

/// Selects `selected` in a list of `len` rows of which `shown` fit, scrolls to
/// it, and returns the rows on screen: only those are built.
pub(crate) fn follow(
    state: &mut ListState,
    selected: Option<usize>,
    len: usize,
    shown: usize,
) -> Range<usize> {
    state.select(selected);
    let offset = scroll_offset(selected, state.offset(), shown, len);
    *state.offset_mut() = offset;
    offset..len.min(offset + shown)
}

/// The state for rendering only the rows on screen (`rows`, as [`follow`]
/// returned them) of a list whose whole state is `state`.
pub fn window(state: &ListState, rows: &Range<usize>) -> ListState {
    ListState::default().with_selected(state.selected().map(|s| s - rows.start))
}

/// The frame of a full-screen list view: `title` on a thick focused border,
/// and "3/17" at the bottom right when `position` (selected, rows) is given.
pub(crate) fn view_frame<'a>(
    title: String,
    position: Option<(usize, usize)>,
    styles: &Styles,
) -> Block<'a> {
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(styles.border_focused)
        .title(Line::styled(title, styles.title_focused));
    match position {
        Some((selected, rows)) => {
            let position = format!(" {}/{rows} ", selected + 1);
            block.title_bottom(Line::styled(position, styles.dim).right_aligned())
        }
        None => block,
    }
}

/// Draws the `items` on screen (the `rows` [`follow`] returned) of a list of
/// `len` items, each `lines_per_item` rows tall, inside the `frame` area, with
/// a scrollbar on the frame where the list overflows.
pub(crate) fn render_list(
    items: Vec<ListItem>,
    (frame, inner): (Rect, Rect),
    (len, lines_per_item): (usize, u16),
    (state, rows): (&ListState, &Range<usize>),
    styles: &Styles,
    buf: &mut Buffer,
) {
    let shown = usize::from(inner.height / lines_per_item.max(1));
    let list = List::new(items).highlight_style(styles.row_highlight(styles.selected));
    StatefulWidget::render(list, inner, buf, &mut window(state, rows));
    let lines = Rect {
        height: u16::try_from(shown).map_or(inner.height, |n| n * lines_per_item),
        ..inner
    };
    let track = Track::beside(frame, lines, styles.border_focused, true);
    scrollbar(track, len, shown, state.offset(), buf);
}

/// Where a list's scrollbar goes: `track`, a column on the frame's right
/// border beside the rows that scroll, drawn in the border's style.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Track {
    pub track: Rect,
    pub style: Style,
    pub thick: bool,
}

impl Track {
    /// The right border of a frame, beside the rows of `rows` (its inside, or
    /// the part of it that scrolls).
    pub fn beside(frame: Rect, rows: Rect, style: Style, thick: bool) -> Track {
        let track = Rect::new(frame.right().saturating_sub(1), rows.y, 1, rows.height);
        Track {
            track: track.intersection(frame),
            style,
            thick,
        }
    }
}

/// Draws a scrollbar on a frame's border when a list's `len` rows do not fit
/// in the `shown` rows from `offset`; the border is its track.
pub(crate) fn scrollbar(track: Track, len: usize, shown: usize, offset: usize, buf: &mut Buffer) {
    if len <= shown || shown == 0 {
        return;
    }
    let symbol = if track.thick {
        line::THICK_VERTICAL
    } else {
        line::VERTICAL
    };
    let mut state = ScrollbarState::new(len - shown + 1)
        .viewport_content_length(shown)
        .position(offset);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some(symbol))
        .thumb_symbol("█")
        .style(track.style)
        .render(track.track, buf, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_keeps_the_selection_visible_and_moves_little() {
        assert_eq!(scroll_offset(Some(0), 0, 5, 20), 0);
        assert_eq!(scroll_offset(Some(4), 0, 5, 20), 0);
        assert_eq!(scroll_offset(Some(5), 0, 5, 20), 1);
        assert_eq!(scroll_offset(Some(7), 6, 5, 20), 6);
        assert_eq!(scroll_offset(Some(2), 6, 5, 20), 2);
        assert_eq!(scroll_offset(Some(19), 0, 5, 20), 15);
        // A shrunken list never leaves empty rows at the bottom.
        assert_eq!(scroll_offset(Some(1), 10, 5, 3), 0);
        assert_eq!(scroll_offset(None, 3, 0, 20), 0);
    }

    #[test]
    fn follow_keeps_the_offset_in_the_state_and_returns_the_rows_on_screen() {
        let mut state = ListState::default();
        assert_eq!(follow(&mut state, Some(7), 20, 5), 3..8);
        assert_eq!(state.offset(), 3);
        assert_eq!(follow(&mut state, Some(5), 20, 5), 3..8, "no move needed");
        assert_eq!(window(&state, &(3..8)).selected(), Some(2));
        assert_eq!(follow(&mut state, None, 2, 5), 0..2);
    }

    #[test]
    fn the_scrollbar_shows_only_when_the_list_overflows() {
        let area = Rect::new(0, 0, 4, 7);
        let inner = area.inner(ratatui::layout::Margin::new(1, 1));
        let track = Track::beside(area, inner, Style::new(), false);
        let mut buf = Buffer::empty(area);
        scrollbar(track, 5, 5, 0, &mut buf);
        assert_eq!(buf, Buffer::empty(area));
        scrollbar(track, 10, 5, 5, &mut buf);
        let column: String = (0..7).map(|y| buf[(3, y)].symbol().to_string()).collect();
        // Rows 1 to 5 are the track; the thumb is 5 of 10 rows, at the end.
        assert_eq!(column, " ││███ ");
    }
}
