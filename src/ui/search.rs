//! The search overlay: the query line, the number of hits and the ranked hits,
//! each with its matched characters, its place in the plan and its status.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Clear, List, ListItem, ListState, StatefulWidget, Widget,
};

use crate::app::{App, SearchState};
use crate::plan::Status;
use crate::search::{Hit, Target};

use super::fit::{highlighted, truncate, width};
use super::layout::{centered, inner};
use super::palette::Styles;
use super::scroll::{follow, window};

const PROMPT: &str = "/ ";
const PROMPT_WIDTH: u16 = 2;
/// Rows above the hits: the query and the count.
const HEAD_ROWS: u16 = 2;

/// The overlay's box on a screen.
pub fn area(screen: Rect) -> Rect {
    centered(
        screen,
        screen.width.saturating_sub(4).min(100),
        screen.height.saturating_sub(4).min(26),
    )
}

/// Where the terminal cursor goes: in the query line.
pub fn cursor(search: &SearchState, screen: Rect) -> Position {
    let input = input_area(screen);
    let view = search.input.viewport(input.width);
    Position::new(input.x + view.cursor_x, input.y)
}

fn input_area(screen: Rect) -> Rect {
    let inner = inner(area(screen));
    Rect::new(
        inner.x + PROMPT_WIDTH,
        inner.y,
        inner.width.saturating_sub(PROMPT_WIDTH),
        1,
    )
}

pub fn render(app: &App, styles: &Styles, search: &SearchState, screen: Rect, buf: &mut Buffer) {
    let ui = app.lang().ui();
    let popup = area(screen);
    Clear.render(popup, buf);
    Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(styles.border_focused)
        .title(Line::styled(
            format!(" {} ", ui.search_title),
            styles.title_focused,
        ))
        .render(popup, buf);
    let inner = inner(popup);
    buf.set_string(inner.x, inner.y, PROMPT, styles.key);
    let input = input_area(screen);
    let view = search.input.viewport(input.width);
    buf.set_string(input.x, input.y, view.text, styles.text);
    let count = if search.query != search.input.text() && !search.input.text().trim().is_empty() {
        // A large plan's search is still running off the input path.
        ui.searching.to_string()
    } else if search.query.trim().is_empty() {
        ui.search_placeholder.to_string()
    } else if search.hits.is_empty() {
        ui.no_results.to_string()
    } else {
        app.lang().result_count(search.hits.len())
    };
    let count = truncate(&count, usize::from(inner.width));
    buf.set_string(inner.x, inner.y + 1, count, styles.dim);
    let list = Rect::new(
        inner.x,
        inner.y + HEAD_ROWS,
        inner.width,
        inner.height.saturating_sub(HEAD_ROWS),
    );
    render_hits(app, search, list, buf, styles);
}

fn render_hits(app: &App, search: &SearchState, area: Rect, buf: &mut Buffer, styles: &Styles) {
    let mut state = ListState::default();
    let len = search.hits.len();
    let rows = follow(
        &mut state,
        Some(search.chosen),
        len,
        usize::from(area.height),
    );
    let items: Vec<ListItem> = search.hits[rows.clone()]
        .iter()
        .map(|hit| ListItem::new(hit_line(app, hit, &search.query, area.width, styles)))
        .collect();
    let list = List::new(items).highlight_style(styles.selected);
    StatefulWidget::render(list, area, buf, &mut window(&state, &rows));
}

/// What a hit shows: the title, where it sits and, for a project, its status.
struct HitText<'a> {
    title: &'a str,
    crumb: String,
    status: Option<Option<Status>>,
}

fn hit_text<'a>(app: &'a App, target: Target) -> Option<HitText<'a>> {
    let plan = app.plan();
    Some(match target {
        Target::Theme(t) => HitText {
            title: &plan.themes.get(t)?.name,
            crumb: app.lang().tr().theme.to_string(),
            status: None,
        },
        Target::Subtheme(t, s) => {
            let theme = plan.themes.get(t)?;
            HitText {
                title: &theme.subthemes.get(s)?.name,
                crumb: theme.name.clone(),
                status: None,
            }
        }
        Target::Project(loc) => {
            let theme = plan.themes.get(loc.theme)?;
            let sub = theme.subthemes.get(loc.subtheme)?;
            let project = sub.projects.get(loc.project)?;
            HitText {
                title: &project.title,
                crumb: format!("{} › {}", theme.name, sub.name),
                status: Some(project.status_in(app.year())),
            }
        }
    })
}

/// "Title  Theme › Sub-theme        Status", the title's matched characters marked.
fn hit_line(app: &App, hit: &Hit, query: &str, row_width: u16, styles: &Styles) -> Line<'static> {
    let Some(HitText {
        title,
        crumb,
        status,
    }) = hit_text(app, hit.target)
    else {
        return Line::default();
    };
    let total = usize::from(row_width);
    let status_text = status.map(|s| app.lang().status_or_none(s));
    let status_width = status_text.map_or(0, |s| width(s) + 1);
    let room = total.saturating_sub(status_width);
    let title_room = room.min(width(title).max(room * 3 / 5));
    let positions = app.index().title_positions(hit.entry, query);
    let mut spans = highlighted(title, &positions, title_room, styles.text, styles.matched);
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let crumb = truncate(&crumb, room.saturating_sub(used + 2));
    let crumb_width = if crumb.is_empty() {
        0
    } else {
        width(&crumb) + 2
    };
    if !crumb.is_empty() {
        spans.push(Span::styled(format!("  {crumb}"), styles.dim));
    }
    if let (Some(text), Some(status)) = (status_text, status) {
        let gap = total.saturating_sub(used + crumb_width + width(text));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(text, styles.status(status)));
    }
    Line::from(spans)
}
