//! Time travel on screen: the date prompt, and the banner lines that say how
//! far the plan's records reach back (the header's "stand per" is in
//! `header.rs`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::{App, DateProblem, DatePrompt};
use crate::dates::DateError;
use crate::keymap::Context;

use super::dialogs::{dialog, key_lines};
use super::fit::wrap;
use super::layout::{centered, inner};
use super::palette::Styles;

const PROMPT: &str = "> ";
const PROMPT_WIDTH: u16 = 2;
const WIDTH: u16 = 70;

/// The prompt's lines under the input: the problem with the date given, if
/// any, then the forms it reads, wrapped to `columns`.
fn message_lines(app: &App, prompt: &DatePrompt, columns: u16) -> Vec<(String, bool)> {
    let lang = app.lang();
    let problem = prompt.problem.as_ref().map(|p| match p {
        DateProblem::Empty => lang.travel().no_date.to_string(),
        DateProblem::Date(DateError::Unreadable(text)) => lang.not_a_date(text),
        DateProblem::Date(error) => lang.date_error(error),
        DateProblem::Future(text) => lang.future_date(text),
    });
    let problem = problem
        .iter()
        .flat_map(|p| wrap(p, columns))
        .map(|l| (l, true));
    let forms = wrap(lang.travel().forms, columns).into_iter();
    problem.chain(forms.map(|l| (l, false))).collect()
}

/// The prompt's box on a screen: the input, the messages, a blank row and
/// the keys.
fn area(app: &App, prompt: &DatePrompt, screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(WIDTH);
    let messages = message_lines(app, prompt, width.saturating_sub(2)).len();
    let keys = crate::keymap::bindings(Context::DatePrompt).count();
    let height = u16::try_from(1 + messages + 1 + keys + 2).unwrap_or(u16::MAX);
    centered(screen, width, height)
}

fn input_area(app: &App, prompt: &DatePrompt, screen: Rect) -> Rect {
    let inner = inner(area(app, prompt, screen));
    Rect::new(
        inner.x + PROMPT_WIDTH,
        inner.y,
        inner.width.saturating_sub(PROMPT_WIDTH),
        1,
    )
}

/// Where the terminal cursor goes: in the date typed.
pub fn prompt_cursor(app: &App, prompt: &DatePrompt, screen: Rect) -> Position {
    let input = input_area(app, prompt, screen);
    let view = prompt.input.viewport(input.width);
    Position::new(input.x + view.cursor_x, input.y)
}

pub fn render_prompt(
    app: &App,
    styles: &Styles,
    prompt: &DatePrompt,
    screen: Rect,
    buf: &mut Buffer,
) {
    let lang = app.lang();
    let area = area(app, prompt, screen);
    Clear.render(area, buf);
    dialog(lang.travel().ctx_prompt.to_string(), styles).render(area, buf);
    let inner = inner(area);
    buf.set_string(inner.x, inner.y, PROMPT, styles.key);
    let input = input_area(app, prompt, screen);
    let view = prompt.input.viewport(input.width);
    buf.set_string(input.x, input.y, view.text, styles.text);
    let mut lines: Vec<Line> = message_lines(app, prompt, inner.width)
        .into_iter()
        .map(|(text, problem)| match problem {
            true => Line::styled(text, styles.warning),
            false => Line::styled(text, styles.dim),
        })
        .collect();
    lines.push(Line::raw(""));
    lines.extend(key_lines(Context::DatePrompt, inner.width, styles, |b| {
        (b.describe)(lang)
    }));
    let below = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    Paragraph::new(lines).render(below, buf);
}

/// What the header's banner says while travelling: that the records do not
/// reach back to the moment, and which items of then are not recorded.
pub(super) fn reach_lines(app: &App, screen_width: u16) -> Vec<String> {
    let Some(travel) = app.travel() else {
        return Vec::new();
    };
    let lang = app.lang();
    let reach = &travel.reach;
    let mut lines = Vec::new();
    if reach.before_records {
        lines.push(match reach.first_record {
            Some(first) => lang.before_records(first, app.zone()),
            None => lang.travel().no_records.to_string(),
        });
    }
    if !reach.unknown.is_empty() {
        lines.push(lang.unknown_items(&reach.unknown));
    }
    lines.iter().flat_map(|l| wrap(l, screen_width)).collect()
}
