//! Small overlays: the status picker, the inline editor, the quit confirmation
//! and the "terminal too small" notice. The conflict dialog is in `conflict.rs`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget,
};

use crate::app::{App, Editing, Picker};
use crate::i18n::SaveFailure;
use crate::keymap::{self, Binding, Context};
use crate::plan::Status;

use super::fit::{truncate, width, wrap};
use super::layout::{Areas, centered, inner};
use super::palette::Styles;

/// The picker: a border, the project's title, a blank row and the five statuses.
const PICKER_WIDTH: u16 = 44;
const PICKER_HEIGHT: u16 = 9;

pub(super) fn dialog<'a>(title: String, styles: &Styles) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(styles.border_focused)
        .title(Line::styled(format!(" {title} "), styles.title_focused))
}

/// A dialog's key lines, "Enter  Ja, archiveren", "Esc  Annuleren": the
/// bindings of `context` from the keymap, each described by `describe`, cut
/// to `columns`.
pub(super) fn key_lines(
    context: Context,
    columns: u16,
    styles: &Styles,
    describe: impl Fn(&Binding) -> &'static str,
) -> Vec<Line<'static>> {
    let bindings: Vec<_> = keymap::bindings(context).collect();
    let keys_width = (bindings.iter())
        .map(|b| width(&b.keys_label()))
        .max()
        .unwrap_or(0);
    bindings
        .into_iter()
        .map(|b| {
            let keys = b.keys_label();
            let pad = " ".repeat(keys_width.saturating_sub(width(&keys)) + 2);
            let room = usize::from(columns).saturating_sub(keys_width + 2);
            Line::from(vec![
                Span::styled(keys, styles.key),
                Span::raw(pad),
                Span::styled(truncate(describe(b), room), styles.text),
            ])
        })
        .collect()
}

/// A dialog that asks before something is lost or overwritten: `lines` in a
/// box `width` columns wide, as tall as they need, centred on `screen`, with a
/// warning-coloured border and `title` cut to fit.
pub(super) fn render_warning(
    title: &str,
    lines: Vec<Line>,
    (screen, width): (Rect, u16),
    styles: &Styles,
    buf: &mut Buffer,
) {
    render_asking(title, lines, (screen, width), styles.warning, styles, buf);
}

/// [`render_warning`] with a border in `border`.
fn render_asking(
    title: &str,
    lines: Vec<Line>,
    (screen, width): (Rect, u16),
    border: Style,
    styles: &Styles,
    buf: &mut Buffer,
) {
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let area = centered(screen, width, height);
    Clear.render(area, buf);
    let title = truncate(title, usize::from(width.saturating_sub(4)));
    dialog(title.to_string(), styles)
        .border_style(border)
        .render(area, buf);
    Paragraph::new(lines).render(inner(area), buf);
}

pub(super) fn project_title(app: &App, id: &str) -> String {
    let plan = app.plan();
    plan.locate(id)
        .and_then(|loc| plan.project(loc))
        .map_or_else(|| id.to_string(), |p| p.title.clone())
}

pub fn render_picker(app: &App, styles: &Styles, picker: &Picker, screen: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let area = centered(screen, PICKER_WIDTH, PICKER_HEIGHT);
    Clear.render(area, buf);
    dialog(lang.picker_title(picker.year), styles).render(area, buf);
    let inner = inner(area);
    let title = truncate(
        &project_title(app, &picker.project),
        usize::from(inner.width),
    );
    buf.set_string(inner.x, inner.y, title, styles.bold);
    let items: Vec<ListItem> = Status::ALL
        .into_iter()
        .zip(1..)
        .map(|(status, i)| {
            let current = if picker.current == Some(status) {
                format!("  ● {}", lang.ui().current)
            } else {
                String::new()
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!(" {i} "), styles.key),
                Span::styled(lang.status(status), styles.status(Some(status))),
                Span::styled(current, styles.dim),
            ]))
        })
        .collect();
    let list = List::new(items).highlight_style(styles.row_highlight(styles.selected));
    let rows = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let mut state = ListState::default().with_selected(Some(picker.chosen));
    StatefulWidget::render(list, rows, buf, &mut state);
}

/// The editor's box: over the top of the details pane, as tall as its text
/// (at least one row) and at most the pane.
fn editor_area(editing: &Editing, areas: &Areas) -> Rect {
    let details = areas.details;
    let rows = editing.editor.rows(inner(details).width).max(1);
    let height = rows.saturating_add(2).min(details.height);
    Rect::new(details.x, details.y, details.width, height)
}

/// Where the terminal cursor goes; call after [`render_editor`].
pub(crate) fn editor_cursor(editing: &Editing, areas: &Areas) -> Position {
    editing
        .editor
        .cursor_position(inner(editor_area(editing, areas)))
}

pub fn render_editor(
    app: &App,
    styles: &Styles,
    editing: &Editing,
    areas: &Areas,
    buf: &mut Buffer,
) {
    let area = editor_area(editing, areas);
    Clear.render(area, buf);
    let title = format!(
        "{} — {}",
        app.lang().edit_title(&editing.field),
        editing.field.target().title(app.plan())
    );
    let room = usize::from(area.width.saturating_sub(4));
    let mut block = dialog(truncate(&title, room), styles);
    if editing.asking {
        // Typed text is never lost silently: Esc or Ctrl-c on changed text asks.
        let question = format!(" {} ", truncate(app.lang().form().discard_question, room));
        block = (block.border_style(styles.warning))
            .title_bottom(Line::styled(question, styles.warning).centered());
    }
    block.render(area, buf);
    editing.editor.render(inner(area), buf);
}

pub fn render_confirm_quit(
    app: &App,
    styles: &Styles,
    error: &SaveFailure,
    screen: Rect,
    buf: &mut Buffer,
) {
    let width = screen.width.saturating_sub(4).min(64);
    let lang = app.lang();
    let question = lang.confirm_quit(&lang.save_failure(error, app.zone()));
    let text_width = width.saturating_sub(2);
    let mut lines: Vec<Line> = (wrap(&question, text_width).into_iter())
        .map(|l| Line::styled(l, styles.bold))
        .collect();
    lines.push(Line::raw(""));
    let keys = key_lines(Context::ConfirmQuit, text_width, styles, |b| {
        (b.describe)(lang)
    });
    lines.extend(keys);
    let title = lang.ui().confirm_title;
    render_asking(title, lines, (screen, width), styles.error, styles, buf);
}

/// "terminal too small (need 60×16)", centred.
pub(crate) fn render_too_small(app: &App, styles: &Styles, screen: Rect, buf: &mut Buffer) {
    let message = app.lang().too_small(super::MIN_WIDTH, super::MIN_HEIGHT);
    let lines = wrap(&message, screen.width);
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let area = centered(screen, screen.width, height);
    for (row, line) in area.rows().zip(lines) {
        let line_width = u16::try_from(width(&line)).unwrap_or(row.width);
        let x = row.x + row.width.saturating_sub(line_width) / 2;
        buf.set_string(x, row.y, line, styles.bold);
    }
}
