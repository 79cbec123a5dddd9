//! The conflict dialog: someone else changed the field this user's undo, redo
//! or inline edit would set. Both values are shown in full where they fit,
//! line breaks kept, with the keys that decide.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::{App, ConflictChoice, ConflictOrigin};
use crate::edit::Shown;
use crate::keymap::{self, Action, Context};

use super::dialogs::dialog;
use super::fit::{self, truncate, wrap};
use super::layout::{centered, inner};
use super::palette::Styles;

const MAX_WIDTH: u16 = 76;
/// Values are indented by this much under their label.
const INDENT: &str = "  ";

pub fn render(app: &App, styles: &Styles, choice: &ConflictChoice, screen: Rect, buf: &mut Buffer) {
    let width = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let max_height = screen.height.saturating_sub(2);
    let lines = lines(app, choice, width.saturating_sub(2), max_height, styles);
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let area = centered(screen, width, height);
    Clear.render(area, buf);
    let title = truncate(
        &app.lang().conflict_title(&choice.change.field()),
        usize::from(width.saturating_sub(4)),
    );
    dialog(title, styles)
        .border_style(styles.warning)
        .render(area, buf);
    Paragraph::new(lines).render(inner(area), buf);
}

/// The dialog's rows for a box `width` columns wide inside, at most
/// `max_height` rows tall with its border: the two values share what is left
/// after the fixed rows.
fn lines(
    app: &App,
    choice: &ConflictChoice,
    width: u16,
    max_height: u16,
    styles: &Styles,
) -> Vec<Line<'static>> {
    let (lang, ui) = (app.lang(), app.lang().ui());
    let intro = wrap(
        &lang.conflict_intro(
            &choice.change.target().title(app.plan()),
            &choice.change.field(),
        ),
        width,
    );
    let mine_label = match choice.origin {
        ConflictOrigin::Undo(_) => ui.conflict_mine_undo,
        ConflictOrigin::Redo(_) => ui.conflict_mine_redo,
        ConflictOrigin::Editor(_) => ui.conflict_mine_typed,
    };
    let keys = key_lines(app, choice, width, styles);
    // Intro, a blank row, two labels, a blank row after each value, the keys.
    let fixed = intro.len() + 5 + keys.len();
    let room = usize::from(max_height.saturating_sub(2)).saturating_sub(fixed);
    let per_value = (room / 2).max(1);

    let mut lines: Vec<Line> = intro
        .into_iter()
        .map(|l| Line::styled(l, styles.text))
        .collect();
    lines.push(Line::raw(""));
    for (label, value) in [
        (mine_label, choice.change.to()),
        (ui.conflict_theirs, choice.change.from()),
    ] {
        lines.push(Line::styled(
            truncate(label, usize::from(width)),
            styles.bold,
        ));
        lines.extend(value_lines(app, value, width, per_value, styles));
        lines.push(Line::raw(""));
    }
    lines.extend(keys);
    lines
}

/// A value, indented and wrapped, at most `max` rows; a cut ends in `…`.
fn value_lines(
    app: &App,
    value: Shown,
    width: u16,
    max: usize,
    styles: &Styles,
) -> Vec<Line<'static>> {
    let (content, style) = match value {
        Shown::Text("") => (app.lang().ui().empty_text.to_string(), styles.dim),
        Shown::Text(t) => (t.to_string(), styles.text),
        Shown::Status(s) => (app.lang().status_or_none(s).to_string(), styles.status(s)),
        other => (app.lang().value_text(other), styles.text),
    };
    let inner = width.saturating_sub(u16::try_from(fit::width(INDENT)).unwrap_or(0));
    let mut rows = wrap(&content, inner);
    if rows.len() > max {
        rows.truncate(max);
        if let Some(last) = rows.last_mut() {
            let cut = truncate(last, usize::from(inner).saturating_sub(1));
            *last = format!("{}…", cut.trim_end_matches('…'));
        }
    }
    rows.into_iter()
        .map(|r| Line::from(vec![Span::raw(INDENT), Span::styled(r, style)]))
        .collect()
}

/// "m  Keep mine (u brings theirs back)", "a  …", "Esc  Back to the editor".
fn key_lines(
    app: &App,
    choice: &ConflictChoice,
    width: u16,
    styles: &Styles,
) -> Vec<Line<'static>> {
    let lang = app.lang();
    let bindings: Vec<_> = keymap::bindings(Context::Conflict).collect();
    let keys_width = bindings
        .iter()
        .map(|b| fit::width(&b.keys_label()))
        .max()
        .unwrap_or(0);
    bindings
        .into_iter()
        .map(|b| {
            let description = match (b.action, &choice.origin) {
                (Action::Cancel, ConflictOrigin::Editor(_)) => lang.ui().conflict_back_editor,
                (Action::Cancel, _) => lang.ui().conflict_back_nothing,
                _ => (b.describe)(lang),
            };
            let keys = b.keys_label();
            let pad = " ".repeat(keys_width.saturating_sub(fit::width(&keys)) + 2);
            let room = usize::from(width).saturating_sub(keys_width + 2);
            Line::from(vec![
                Span::styled(keys, styles.key),
                Span::raw(pad),
                Span::styled(truncate(description, room), styles.text),
            ])
        })
        .collect()
}
