//! The conflict dialog: someone else changed the field this user's undo, redo
//! or inline edit would set. Both values are shown in full where they fit,
//! line breaks kept, with the keys that decide.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, ConflictChoice, ConflictOrigin};
use crate::edit::Shown;
use crate::keymap::{Action, Context};

use super::dialogs::{key_lines, render_warning};
use super::fit::{self, truncate, wrap};
use super::palette::Styles;

const MAX_WIDTH: u16 = 76;
/// Values are indented by this much under their label.
const INDENT: &str = "  ";

pub fn render(app: &App, styles: &Styles, choice: &ConflictChoice, screen: Rect, buf: &mut Buffer) {
    let width = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let max_height = screen.height.saturating_sub(2);
    let lines = lines(app, choice, width.saturating_sub(2), max_height, styles);
    let title = app.lang().conflict_title(&choice.change.field());
    render_warning(&title, lines, (screen, width), styles, buf);
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
    let keys = key_lines(Context::Conflict, width, styles, |b| {
        match (b.action, &choice.origin) {
            (Action::Cancel, ConflictOrigin::Editor(_)) => ui.conflict_back_editor,
            (Action::Cancel, _) => ui.conflict_back_nothing,
            _ => (b.describe)(lang),
        }
    });
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
