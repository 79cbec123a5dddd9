//! The overlays of shaping the plan: the move picker (a query line and the
//! destinations it matches, each "Thema › B. Subthema" with the matched
//! characters marked) and the dialog that asks before archiving an item.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, List, ListItem, ListState, StatefulWidget, Widget};

use crate::app::{App, ArchiveConfirm, MoveState};
use crate::keymap::Context;
use crate::plan::Kind;

use super::dialogs::{dialog, key_lines, render_warning};
use super::fit::{highlighted, truncate, wrap};
use super::layout::{centered, inner};
use super::palette::Styles;
use super::scroll::{follow, window};

const PROMPT: &str = "› ";
const PROMPT_WIDTH: u16 = 2;
/// Rows above the destinations: the query and the question.
const HEAD_ROWS: u16 = 2;
const ARCHIVE_WIDTH: u16 = 64;

/// The picker's box on a screen.
fn picker_area(screen: Rect) -> Rect {
    centered(
        screen,
        screen.width.saturating_sub(4).min(84),
        screen.height.saturating_sub(4).min(22),
    )
}

fn input_area(screen: Rect) -> Rect {
    let inner = inner(picker_area(screen));
    Rect::new(
        inner.x + PROMPT_WIDTH,
        inner.y,
        inner.width.saturating_sub(PROMPT_WIDTH),
        1,
    )
}

/// Where the terminal cursor goes: in the query line.
pub fn move_cursor(state: &MoveState, screen: Rect) -> Position {
    let input = input_area(screen);
    let view = state.input.viewport(input.width);
    Position::new(input.x + view.cursor_x, input.y)
}

pub fn render_move(app: &App, styles: &Styles, state: &MoveState, screen: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let popup = picker_area(screen);
    Clear.render(popup, buf);
    let title = truncate(
        &lang.move_title(&state.title),
        usize::from(popup.width.saturating_sub(4)),
    );
    dialog(title, styles).render(popup, buf);
    let inner = inner(popup);
    buf.set_string(inner.x, inner.y, PROMPT, styles.key);
    let input = input_area(screen);
    let view = state.input.viewport(input.width);
    buf.set_string(input.x, input.y, view.text, styles.text);
    let question = match state.kind {
        Kind::Project => lang.arrange().move_to_subtheme,
        _ => lang.arrange().move_to_theme,
    };
    let count = if state.matches.is_empty() {
        lang.ui().no_results.to_string()
    } else {
        lang.result_count(state.matches.len())
    };
    let head = truncate(&format!("{question} · {count}"), usize::from(inner.width));
    buf.set_string(inner.x, inner.y + 1, head, styles.dim);
    let list = Rect::new(
        inner.x,
        inner.y + HEAD_ROWS,
        inner.width,
        inner.height.saturating_sub(HEAD_ROWS),
    );
    let mut list_state = ListState::default();
    let len = state.matches.len();
    let rows = follow(
        &mut list_state,
        Some(state.chosen),
        len,
        usize::from(list.height),
    );
    let room = usize::from(list.width);
    let items: Vec<ListItem> = state.matches[rows.clone()]
        .iter()
        .filter_map(|m| {
            let d = state.destinations.get(m.destination)?;
            let spans = highlighted(&d.label, &m.positions, room, styles.text, styles.matched);
            Some(ListItem::new(Line::from(spans)))
        })
        .collect();
    let highlight = styles.row_highlight(styles.selected);
    StatefulWidget::render(
        List::new(items).highlight_style(highlight),
        list,
        buf,
        &mut window(&list_state, &rows),
    );
}

/// The dialog: what goes to the archive with how many projects, that it can
/// come back, and the only two keys that answer.
pub fn render_archive_confirm(
    app: &App,
    styles: &Styles,
    confirm: &ArchiveConfirm,
    screen: Rect,
    buf: &mut Buffer,
) {
    let lang = app.lang();
    let width = screen.width.saturating_sub(4).min(ARCHIVE_WIDTH);
    let text_width = width.saturating_sub(2);
    let question = lang.archive_question(confirm.kind, &confirm.title, confirm.projects);
    let mut lines: Vec<Line> = (wrap(&question, text_width).into_iter())
        .map(|l| Line::styled(l, styles.bold))
        .collect();
    lines.push(Line::raw(""));
    let note = wrap(lang.arrange().archive_note, text_width);
    lines.extend(note.into_iter().map(|l| Line::styled(l, styles.dim)));
    lines.push(Line::raw(""));
    lines.extend(key_lines(
        Context::ConfirmArchive,
        text_width,
        styles,
        |b| (b.describe)(lang),
    ));
    let title = lang.arrange().ctx_confirm_archive;
    render_warning(title, lines, (screen, width), styles, buf);
}
