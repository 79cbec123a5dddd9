//! The filter view (`F`, `M`): the filter line, what it found, then every
//! project that passes in two lines: status, title and owner; then where it
//! is, "theme › sub-theme", and its id. Only the rows on screen are built.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, ListItem, ListState, Widget};

use crate::app::{App, ListingState};
use crate::plan::Status;
use crate::search::Listed;

use super::fit::{truncate, width};
use super::layout::{Areas, inner};
use super::palette::Styles;
use super::scroll::{follow, render_list, view_frame};
use super::view_area;

const LINES_PER_ROW: u16 = 2;
const GAP: usize = 2;
const PROMPT: &str = "› ";
/// Rows above the projects: the filter and what it found.
const HEAD_ROWS: u16 = 2;

/// How many projects fit on screen.
fn rows_shown(areas: &Areas) -> usize {
    usize::from(inner(view_area(areas)).height.saturating_sub(HEAD_ROWS) / LINES_PER_ROW)
}

fn input_area(areas: &Areas) -> Rect {
    let inner = inner(view_area(areas));
    let prompt = u16::try_from(width(PROMPT)).unwrap_or(2);
    Rect::new(
        inner.x + prompt,
        inner.y,
        inner.width.saturating_sub(prompt),
        1,
    )
}

/// Where the terminal cursor goes: in the filter line.
pub fn cursor(state: &ListingState, areas: &Areas) -> Position {
    let input = input_area(areas);
    let view = state.input.viewport(input.width);
    Position::new(input.x + view.cursor_x, input.y)
}

pub fn render(
    (app, styles): (&App, &Styles),
    listing: &ListingState,
    areas: &Areas,
    buf: &mut Buffer,
    state: &mut ListState,
) {
    let lang = app.lang();
    let texts = lang.listing();
    let area = view_area(areas);
    let (selected, len, shown) = (listing.selected, listing.rows.len(), rows_shown(areas));
    Clear.render(area, buf);
    let title = if listing.mine {
        texts.mine_title
    } else {
        texts.view_title
    };
    view_frame(
        format!(" {title} "),
        (len > 0).then_some((selected, len)),
        styles,
    )
    .render(area, buf);
    let inner = inner(area);
    buf.set_string(inner.x, inner.y, PROMPT, styles.key);
    let input = input_area(areas);
    let view = listing.input.viewport(input.width);
    buf.set_string(input.x, input.y, view.text, styles.text);
    let room = usize::from(inner.width);
    let (said, style) = match (&listing.problem, len) {
        (Some(problem), _) => (problem.clone(), styles.warning),
        (None, 0) => (texts.nothing.to_string(), styles.dim),
        (None, _) if listing.input.text().trim().is_empty() => {
            let all = lang.listed_count(len, app.plan().project_count());
            (format!("{all} — {}", texts.placeholder), styles.dim)
        }
        (None, _) => (
            lang.listed_count(len, app.plan().project_count()),
            styles.dim,
        ),
    };
    buf.set_string(inner.x, inner.y + 1, truncate(&said, room), style);
    let list = Rect::new(
        inner.x,
        inner.y + HEAD_ROWS,
        inner.width,
        inner.height.saturating_sub(HEAD_ROWS),
    );
    let rows = follow(state, (len > 0).then_some(selected), len, shown);
    if len == 0 {
        return;
    }
    let status_width = (Status::ALL.iter())
        .map(|s| width(lang.status(*s)))
        .max()
        .unwrap_or(0);
    let items: Vec<ListItem> = listing.rows[rows.clone()]
        .iter()
        .map(|row| item(app, row, (status_width, room), styles))
        .collect();
    render_list(
        items,
        (area, list),
        (len, LINES_PER_ROW),
        (state, &rows),
        styles,
        buf,
    );
}

/// "Lopend      Ontwikkeling van het kwalen-kwartet          Zoë de Vries"
/// "            Open over de Overgang › De Overgang – wat is het? · kwalen-kwartet"
fn item(
    app: &App,
    row: &Listed,
    (status_width, room): (usize, usize),
    styles: &Styles,
) -> ListItem<'static> {
    let plan = app.plan();
    let Some(p) = plan.project(row.loc) else {
        return ListItem::new("");
    };
    let theme = &plan.themes[row.loc.theme];
    let sub = &theme.subthemes[row.loc.subtheme];
    let status = app.listed_status(row.loc);
    let status_text = app.lang().status_or_none(status);
    let indent = status_width + GAP;
    let owner = truncate(&p.owner, (room / 3).max(8));
    let title_room = room.saturating_sub(indent + GAP + width(&owner));
    let title = truncate(&p.title, title_room);
    let gap = room.saturating_sub(indent + width(&title) + width(&owner));
    let first = Line::from(vec![
        Span::styled(status_text.to_string(), styles.status(status)),
        Span::raw(" ".repeat(indent - width(status_text))),
        Span::styled(title, styles.bold),
        Span::raw(" ".repeat(gap)),
        Span::styled(owner, styles.dim),
    ]);
    let star = if theme.focus { "★ " } else { "" };
    let place = format!("{star}{} › {} · {}", theme.name, sub.name, p.id);
    let second = Line::from(vec![
        Span::raw(" ".repeat(indent)),
        Span::styled(truncate(&place, room.saturating_sub(indent)), styles.dim),
    ]);
    ListItem::new(Text::from(vec![first, second]))
}
