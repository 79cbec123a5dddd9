//! A one-line text editor for the search input (notes and owners use
//! [`crate::text_editor`]).
//!
//! The cursor moves by grapheme clusters, so `ë` written as `e` + combining
//! diaeresis, emoji sequences and CJK characters each count as one step, and the
//! display column follows the characters' terminal width.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// An editing operation; the keymap binds keys to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOp {
    Left,
    Right,
    Home,
    End,
    Backspace,
    Delete,
    /// Delete everything before the cursor (`Ctrl-u`).
    DeleteToStart,
    /// Delete the word before the cursor (`Ctrl-w`).
    DeleteWordBefore,
}

/// The text and a cursor that always sits on a grapheme boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// Byte offset into `text`.
    cursor: usize,
}

/// What fits in a field of a given width: the visible text and the cursor's column in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewport {
    pub text: String,
    pub cursor_x: u16,
}

impl LineEditor {
    /// An editor holding `text` (line breaks become spaces), cursor at the end.
    pub fn new(text: &str) -> LineEditor {
        let text = text.replace(['\n', '\r'], " ");
        let cursor = text.len();
        LineEditor { text, cursor }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset into [`text`](Self::text).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Inserts a character at the cursor; control characters are ignored.
    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        // A combining mark joins the grapheme before it; keep the cursor on a boundary.
        self.cursor = self.next_boundary(self.cursor.saturating_sub(c.len_utf8()));
    }

    pub fn apply(&mut self, op: EditOp) {
        match op {
            EditOp::Left => self.cursor = self.prev_boundary(self.cursor),
            EditOp::Right => self.cursor = self.next_boundary(self.cursor),
            EditOp::Home => self.cursor = 0,
            EditOp::End => self.cursor = self.text.len(),
            EditOp::Backspace => {
                let start = self.prev_boundary(self.cursor);
                self.remove(start, self.cursor);
            }
            EditOp::Delete => {
                let end = self.next_boundary(self.cursor);
                self.remove(self.cursor, end);
            }
            EditOp::DeleteToStart => self.remove(0, self.cursor),
            EditOp::DeleteWordBefore => {
                let start = self.word_start_before(self.cursor);
                self.remove(start, self.cursor);
            }
        }
    }

    /// The display column of the cursor: the width of the text before it.
    pub fn cursor_column(&self) -> usize {
        self.text[..self.cursor].width()
    }

    /// The part of the text shown in a field `width` columns wide, scrolled so the
    /// cursor (which needs one column of its own at the end) stays visible.
    pub fn viewport(&self, width: u16) -> Viewport {
        let width = usize::from(width.max(1));
        let cursor_col = self.cursor_column();
        let wanted_start = (cursor_col + 1).saturating_sub(width);
        let mut col = 0;
        let mut start_col = None;
        let mut text = String::new();
        for g in self.text.graphemes(true) {
            let w = g.width();
            if start_col.is_none() && col >= wanted_start {
                start_col = Some(col);
            }
            if let Some(start) = start_col {
                if col + w - start > width {
                    break;
                }
                text.push_str(g);
            }
            col += w;
        }
        let start = start_col.unwrap_or(col);
        let cursor_x = cursor_col.saturating_sub(start).min(width - 1);
        Viewport {
            text,
            cursor_x: u16::try_from(cursor_x).unwrap_or(u16::MAX),
        }
    }

    fn remove(&mut self, start: usize, end: usize) {
        if start < end {
            self.text.replace_range(start..end, "");
        }
        self.cursor = start;
    }

    fn prev_boundary(&self, at: usize) -> usize {
        self.text[..at]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self, at: usize) -> usize {
        self.text[at..]
            .graphemes(true)
            .next()
            .map_or(self.text.len(), |g| at + g.len())
    }

    /// Where the word before `at` starts: skip whitespace backwards, then non-whitespace.
    fn word_start_before(&self, at: usize) -> usize {
        let before = &self.text[..at];
        let trimmed = before.trim_end();
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineEditor {
        let mut e = LineEditor::default();
        s.chars().for_each(|c| e.insert(c));
        e
    }

    #[test]
    fn typing_multibyte_text_keeps_the_cursor_at_the_end() {
        let e = typed("ideeën ’s 🙂 漢字");
        assert_eq!(e.text(), "ideeën ’s 🙂 漢字");
        assert_eq!(e.cursor(), e.text().len());
        // i d e e ë n ␠ ’ s ␠ = 10, 🙂 = 2, ␠ = 1, 漢字 = 4
        assert_eq!(e.cursor_column(), 17);
    }

    #[test]
    fn left_and_right_step_over_whole_graphemes() {
        let mut e = LineEditor::new("a🙂漢e\u{308}b");
        let mut columns = vec![e.cursor_column()];
        for _ in 0..6 {
            e.apply(EditOp::Left);
            columns.push(e.cursor_column());
        }
        // b, ë (e + combining mark, one column), 漢, 🙂, a, then stays at 0.
        assert_eq!(columns, vec![7, 6, 5, 3, 1, 0, 0]);
        e.apply(EditOp::Right);
        e.apply(EditOp::Right);
        assert_eq!(&e.text()[..e.cursor()], "a🙂");
    }

    #[test]
    fn combining_mark_typed_after_a_letter_joins_it() {
        let mut e = typed("e\u{308}");
        assert_eq!(e.cursor_column(), 1);
        e.apply(EditOp::Backspace);
        assert_eq!(e.text(), "");
    }

    #[test]
    fn backspace_and_delete_remove_one_grapheme() {
        let mut e = LineEditor::new("zo’n 👩‍💻 klus");
        e.apply(EditOp::Home);
        e.apply(EditOp::Right);
        e.apply(EditOp::Right);
        e.apply(EditOp::Delete);
        assert_eq!(e.text(), "zon 👩‍💻 klus");
        e.apply(EditOp::Right);
        e.apply(EditOp::Right);
        e.apply(EditOp::Right);
        e.apply(EditOp::Backspace);
        assert_eq!(e.text(), "zon  klus");
        assert_eq!(e.cursor_column(), 4);
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor() {
        let mut e = LineEditor::new("overleg met Zoë  ");
        e.apply(EditOp::DeleteWordBefore);
        assert_eq!(e.text(), "overleg met ");
        e.apply(EditOp::DeleteWordBefore);
        assert_eq!(e.text(), "overleg ");
        e.apply(EditOp::DeleteWordBefore);
        e.apply(EditOp::DeleteWordBefore);
        assert_eq!(e.text(), "");
    }

    #[test]
    fn ctrl_u_deletes_everything_before_the_cursor() {
        let mut e = LineEditor::new("漢字 en meer");
        e.apply(EditOp::Left);
        e.apply(EditOp::Left);
        e.apply(EditOp::Left);
        e.apply(EditOp::Left);
        e.apply(EditOp::DeleteToStart);
        assert_eq!(e.text(), "meer");
        assert_eq!(e.cursor(), 0);
    }

    #[test]
    fn insert_in_the_middle() {
        let mut e = LineEditor::new("Zo");
        e.apply(EditOp::Left);
        e.insert('ë');
        assert_eq!(e.text(), "Zëo");
        assert_eq!(e.cursor_column(), 2);
    }

    #[test]
    fn line_breaks_become_spaces_and_controls_are_ignored() {
        let mut e = LineEditor::new("a\nb");
        e.insert('\t');
        assert_eq!(e.text(), "a b");
    }

    #[test]
    fn viewport_scrolls_to_keep_the_cursor_visible() {
        let e = LineEditor::new("abcdefghij");
        let v = e.viewport(5);
        assert_eq!(v.text, "ghij");
        assert_eq!(v.cursor_x, 4);
        let mut e = e;
        e.apply(EditOp::Home);
        let v = e.viewport(5);
        assert_eq!(v.text, "abcde");
        assert_eq!(v.cursor_x, 0);
    }

    #[test]
    fn viewport_never_splits_a_wide_character() {
        let e = LineEditor::new("漢字漢字");
        // 8 columns of text plus the cursor in a 6-column field: 漢字 fit, with the cursor after.
        let v = e.viewport(6);
        assert_eq!(v.text, "漢字");
        assert_eq!(v.cursor_x, 4);
    }
}
