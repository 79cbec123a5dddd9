//! The inline editor of a project's notes and owner: `ratatui-textarea`, fed
//! by the app's own keymap (never by the widget's default bindings).
//!
//! The text is kept as lines split at `\n` and joined back with `\n`, so a
//! text that is opened and committed unchanged comes back byte for byte. The
//! widget counts its cursor in chars; the moves and deletions here step over
//! whole grapheme clusters, so `ë` written as `e` + combining diaeresis, emoji
//! sequences and CJK characters are each one step.

use std::fmt;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};
use unicode_segmentation::GraphemeCursor;

use crate::line_editor::EditOp;

/// The text being edited, soft-wrapped to the width it is drawn in.
#[derive(Clone)]
pub struct TextEditor {
    /// Boxed: the widget is large, and it rides in the app's mode.
    area: Box<TextArea<'static>>,
    /// Whether line breaks may be typed (notes); an owner is one line.
    multiline: bool,
}

impl TextEditor {
    /// An editor holding `text`, cursor at the end.
    pub fn new(text: &str, multiline: bool) -> TextEditor {
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        // The terminal's own cursor shows where typing goes (see `cursor`).
        area.set_cursor_style(Style::new());
        area.set_cursor_line_style(Style::new());
        // The app has its own undo; the widget keeps no history of keystrokes.
        area.set_max_histories(0);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextEditor {
            area: Box::new(area),
            multiline,
        }
    }

    /// The whole text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// The cursor as (line, char index in that line).
    pub fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, col) = self.area.cursor();
        (row, col)
    }

    /// Inserts a character at the cursor; control characters are ignored.
    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        self.area.insert_char(c);
        // A combining mark joins the grapheme before it; keep the cursor on a boundary.
        while !self.on_boundary() {
            self.area.move_cursor(CursorMove::Forward);
        }
    }

    /// Breaks the line at the cursor; false (and nothing changes) in a one-line editor.
    pub fn newline(&mut self) -> bool {
        if self.multiline {
            self.area.insert_newline();
        }
        self.multiline
    }

    pub fn apply(&mut self, op: EditOp) {
        match op {
            EditOp::Left => self.step(CursorMove::Back),
            EditOp::Right => self.step(CursorMove::Forward),
            EditOp::Home => self.area.move_cursor(CursorMove::Head),
            EditOp::End => self.area.move_cursor(CursorMove::End),
            EditOp::Backspace => {
                for _ in 0..self.chars_to_boundary(CursorMove::Back) {
                    self.area.delete_char();
                }
            }
            EditOp::Delete => {
                for _ in 0..self.chars_to_boundary(CursorMove::Forward) {
                    self.area.delete_next_char();
                }
            }
            EditOp::DeleteToStart => {
                self.area.delete_line_by_head();
            }
            EditOp::DeleteWordBefore => {
                self.area.delete_word();
            }
        }
    }

    /// Puts the cursor at the start of the text.
    pub fn cursor_to_start(&mut self) {
        self.area.move_cursor(CursorMove::Top);
        self.area.move_cursor(CursorMove::Head);
    }

    /// The first displayed row the last [`render`](Self::render) showed.
    pub fn scroll_top(&self) -> u16 {
        self.area.scroll_offset().0
    }

    /// Moves the cursor one displayed row up (`up`) or down, keeping its column.
    pub fn vertical(&mut self, up: bool) {
        let m = if up { CursorMove::Up } else { CursorMove::Down };
        self.area.move_cursor(m);
        while !self.on_boundary() {
            self.area.move_cursor(CursorMove::Back);
        }
    }

    /// How many rows the text takes when wrapped to `width` columns.
    pub fn rows(&self, width: u16) -> u16 {
        // The widget wraps while drawing; draw a copy one row high and ask it
        // where the end of the text landed.
        let mut probe = (*self.area).clone();
        let area = Rect::new(0, 0, width.max(1), 1);
        (&probe).render(area, &mut Buffer::empty(area));
        probe.move_cursor(CursorMove::Bottom);
        probe.move_cursor(CursorMove::End);
        let end = probe.screen_cursor();
        // A cursor after a full row is drawn at the start of the next one.
        let rows = end.row + 1 + usize::from(end.col >= usize::from(width.max(1)));
        u16::try_from(rows).unwrap_or(u16::MAX)
    }

    /// Draws the text into `area`, scrolled so the cursor is inside it.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        self.area.as_ref().render(area, buf);
    }

    /// Where the terminal cursor goes, after [`render`](Self::render) into `area`.
    pub fn cursor_position(&self, area: Rect) -> Position {
        let screen = self.area.screen_cursor();
        let (top_row, top_col) = self.area.scroll_offset();
        let mut row = screen.row.saturating_sub(usize::from(top_row));
        let mut col = screen.col.saturating_sub(usize::from(top_col));
        // After a full row: the start of the next row, when the area has one.
        if col >= usize::from(area.width) && row + 1 < usize::from(area.height) {
            (row, col) = (row + 1, 0);
        }
        let clamp = |v: usize, len: u16| u16::try_from(v).unwrap_or(u16::MAX).min(len.max(1) - 1);
        Position::new(
            area.x + clamp(col, area.width),
            area.y + clamp(row, area.height),
        )
    }

    /// One step left or right, over a whole grapheme (or the line break).
    fn step(&mut self, m: CursorMove) {
        for _ in 0..self.chars_to_boundary(m) {
            self.area.move_cursor(m);
        }
    }

    /// Chars from the cursor to the next grapheme boundary backwards or forwards;
    /// a line break counts as one; 0 at either end of the text.
    fn chars_to_boundary(&self, m: CursorMove) -> usize {
        let (row, col) = self.cursor();
        let line = &self.area.lines()[row];
        let byte = byte_at(line, col);
        let mut cursor = GraphemeCursor::new(byte, line.len(), true);
        let next = if m == CursorMove::Back {
            cursor.prev_boundary(line, 0)
        } else {
            cursor.next_boundary(line, 0)
        };
        match next {
            Ok(Some(to)) if to != byte => {
                let (a, b) = (to.min(byte), to.max(byte));
                line[a..b].chars().count()
            }
            // At the start or end of the line: the line break, if there is one.
            _ if m == CursorMove::Back => usize::from(row > 0),
            _ => usize::from(row + 1 < self.area.lines().len()),
        }
    }

    fn on_boundary(&self) -> bool {
        let (row, col) = self.cursor();
        let line = &self.area.lines()[row];
        let byte = byte_at(line, col);
        GraphemeCursor::new(byte, line.len(), true)
            .is_boundary(line, 0)
            .unwrap_or(true)
    }
}

/// The byte offset of the `col`-th char of `line` (its length past the end).
fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

impl PartialEq for TextEditor {
    fn eq(&self, other: &TextEditor) -> bool {
        self.multiline == other.multiline
            && self.area.lines() == other.area.lines()
            && self.area.cursor() == other.area.cursor()
    }
}

impl Eq for TextEditor {}

impl fmt::Debug for TextEditor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TextEditor")
            .field("text", &self.text())
            .field("cursor", &self.cursor())
            .field("multiline", &self.multiline)
            .finish()
    }
}

#[cfg(test)]
mod tests;
