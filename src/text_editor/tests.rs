use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::*;

fn typed(s: &str) -> TextEditor {
    let mut e = TextEditor::new("", true);
    s.chars().for_each(|c| e.insert(c));
    e
}

#[test]
fn text_comes_back_byte_for_byte() {
    for text in [
        "",
        "één regel",
        "regel een\nregel twee",
        "met lege regels\n\n\nen een slot\n",
        "\nbegint met een regel-einde",
        "windows\r\nregels\r\n",
        "tab\there 🙂 漢字 e\u{308}",
    ] {
        assert_eq!(TextEditor::new(text, true).text(), text, "{text:?}");
        assert_eq!(TextEditor::new(text, false).text(), text, "{text:?}");
    }
}

#[test]
fn the_cursor_starts_at_the_end() {
    let e = TextEditor::new("a\nbc", true);
    assert_eq!(e.cursor(), (1, 2));
}

#[test]
fn typing_multibyte_text_and_line_breaks() {
    let mut e = typed("ideeën ’s 🙂");
    assert!(e.newline());
    "漢字".chars().for_each(|c| e.insert(c));
    assert_eq!(e.text(), "ideeën ’s 🙂\n漢字");
    assert_eq!(e.cursor(), (1, 2));
}

#[test]
fn a_one_line_editor_refuses_line_breaks_and_controls_are_ignored() {
    let mut e = TextEditor::new("Zoë", false);
    assert!(!e.newline());
    e.insert('\n');
    e.insert('\t');
    e.insert('\u{1b}');
    assert_eq!(e.text(), "Zoë");
}

#[test]
fn left_and_right_step_over_whole_graphemes() {
    let mut e = TextEditor::new("a👩\u{200d}💻漢e\u{308}b", true);
    let mut seen = vec![e.cursor().1];
    for _ in 0..6 {
        e.apply(EditOp::Left);
        seen.push(e.cursor().1);
    }
    // b, ë (two chars), 漢, 👩‍💻 (three chars), a, then stays at 0.
    assert_eq!(seen, vec![8, 7, 5, 4, 1, 0, 0]);
    e.apply(EditOp::Right);
    e.apply(EditOp::Right);
    assert_eq!(e.cursor(), (0, 4));
}

#[test]
fn left_and_right_cross_line_breaks() {
    let mut e = TextEditor::new("ab\ncd", true);
    e.apply(EditOp::Home);
    e.apply(EditOp::Left);
    assert_eq!(e.cursor(), (0, 2));
    e.apply(EditOp::Right);
    assert_eq!(e.cursor(), (1, 0));
    e.apply(EditOp::End);
    e.apply(EditOp::Right);
    assert_eq!(e.cursor(), (1, 2), "the end of the text stops the cursor");
}

#[test]
fn a_combining_mark_typed_after_a_letter_joins_it() {
    let mut e = typed("e\u{308}");
    assert_eq!(e.cursor(), (0, 2));
    e.apply(EditOp::Backspace);
    assert_eq!(e.text(), "");
}

#[test]
fn backspace_and_delete_remove_one_grapheme_or_the_line_break() {
    let mut e = TextEditor::new("zo’n 👩\u{200d}💻\nklus", true);
    e.apply(EditOp::Home);
    e.apply(EditOp::Backspace);
    assert_eq!(e.text(), "zo’n 👩\u{200d}💻klus");
    e.apply(EditOp::Backspace);
    assert_eq!(e.text(), "zo’n klus");
    e.apply(EditOp::Delete);
    assert_eq!(e.text(), "zo’n lus");
    let mut e = TextEditor::new("a\nb", true);
    e.apply(EditOp::Left);
    e.apply(EditOp::Left);
    e.apply(EditOp::Delete);
    assert_eq!(e.text(), "ab");
}

#[test]
fn ctrl_u_and_ctrl_w_work_within_the_line() {
    let mut e = TextEditor::new("eerste regel\noverleg met Zoë", true);
    e.apply(EditOp::DeleteWordBefore);
    assert_eq!(e.text(), "eerste regel\noverleg met ");
    e.apply(EditOp::DeleteToStart);
    assert_eq!(e.text(), "eerste regel\n");
}

#[test]
fn up_and_down_move_between_lines() {
    let mut e = TextEditor::new("abc\nde", true);
    e.vertical(true);
    assert_eq!(e.cursor(), (0, 2));
    e.vertical(false);
    assert_eq!(e.cursor(), (1, 2));
}

#[test]
fn long_lines_wrap_and_wide_characters_count_double() {
    let e = TextEditor::new("een twee drie\nvier", true);
    assert_eq!(e.rows(40), 2);
    assert_eq!(e.rows(8), 3);
    let e = TextEditor::new("漢字漢字漢", true);
    assert_eq!(e.rows(4), 3);
}

#[test]
fn the_terminal_cursor_follows_wide_characters_and_lines() {
    let mut e = TextEditor::new("漢字ë\nx", true);
    let area = Rect::new(10, 5, 20, 4);
    let mut buf = Buffer::empty(Rect::new(0, 0, 40, 12));
    e.render(area, &mut buf);
    assert_eq!(e.cursor_position(area), Position::new(11, 6));
    e.vertical(true);
    e.apply(EditOp::End);
    e.render(area, &mut buf);
    assert_eq!(e.cursor_position(area), Position::new(15, 5));
}

#[test]
fn a_long_text_scrolls_to_keep_the_cursor_in_view() {
    let text = (1..=10).map(|i| format!("regel {i}")).collect::<Vec<_>>();
    let e = TextEditor::new(&text.join("\n"), true);
    let area = Rect::new(0, 0, 20, 3);
    let mut buf = Buffer::empty(area);
    e.render(area, &mut buf);
    assert_eq!(e.cursor_position(area), Position::new(8, 2));
    let shown: String = (0..20).map(|x| buf[(x, 2)].symbol().to_string()).collect();
    assert_eq!(shown.trim_end(), "regel 10");
}

#[test]
fn a_cursor_after_a_full_row_goes_to_the_next_row() {
    let e = TextEditor::new("abcd", true);
    assert_eq!(e.rows(4), 2, "room for the cursor");
    let area = Rect::new(0, 0, 4, 3);
    let mut buf = Buffer::empty(area);
    e.render(area, &mut buf);
    assert_eq!(e.cursor_position(area), Position::new(0, 1));
    let one_row = Rect::new(0, 0, 4, 1);
    e.render(one_row, &mut buf);
    assert_eq!(e.cursor_position(one_row), Position::new(3, 0));
}
