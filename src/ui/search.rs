//! The search overlay: the query line, the number of hits (or what is wrong
//! with the query) and the ranked hits, each with its matched characters, its
//! place in the plan and its status, and under it a snippet of the owner,
//! notes or description when that is where it matched.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, BorderType, Clear, List, ListItem, ListState, StatefulWidget, Widget,
};

use crate::app::{App, SearchState};
use crate::plan::Status;
use crate::search::{Field, Hit, Target, Why, snippet};

use super::fit::{highlighted, truncate, width};
use super::layout::{centered, inner};
use super::palette::Styles;

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
    let (count, count_style) = count_line(app, search);
    let count = truncate(&count, usize::from(inner.width));
    buf.set_string(inner.x, inner.y + 1, count, count_style(styles));
    let list = Rect::new(
        inner.x,
        inner.y + HEAD_ROWS,
        inner.width,
        inner.height.saturating_sub(HEAD_ROWS),
    );
    render_hits(app, search, list, buf, styles);
}

/// What the line under the query says, and in which style: a problem with
/// the query, "searching…", what can be typed, no results, or how many.
fn count_line(app: &App, search: &SearchState) -> (String, fn(&Styles) -> Style) {
    let lang = app.lang();
    let dim: fn(&Styles) -> Style = |s| s.dim;
    let typed = search.input.text();
    if search.query != typed && !typed.trim().is_empty() {
        // A large plan's search is still running off the input path.
        return (lang.ui().searching.to_string(), dim);
    }
    if let Some(problem) = search.parsed.problems().first() {
        return (problem.text(lang), |s| s.warning);
    }
    if search.query.trim().is_empty() {
        (lang.search().placeholder.to_string(), dim)
    } else if search.hits.is_empty() {
        let unknown = search.parsed.unknown_keys();
        if unknown.is_empty() {
            (lang.ui().no_results.to_string(), dim)
        } else {
            let hint = lang.not_filters(unknown);
            (format!("{} — {hint}", lang.ui().no_results), dim)
        }
    } else {
        (lang.result_count(search.hits.len()), dim)
    }
}

/// The hits on screen, the chosen one among them: each a row, and a second
/// row when it matched in a field the first does not show.
fn render_hits(app: &App, search: &SearchState, area: Rect, buf: &mut Buffer, styles: &Styles) {
    let height = usize::from(area.height);
    if search.hits.is_empty() || height == 0 {
        return;
    }
    let explainer = app.index().explain(app.plan(), &search.parsed);
    let chosen = search.chosen.min(search.hits.len() - 1);
    let mut items: std::collections::BTreeMap<usize, Text<'static>> = Default::default();
    let mut item = |i: usize| -> usize {
        items
            .entry(i)
            .or_insert_with(|| {
                let why = explainer.why(&search.hits[i]);
                hit_text(app, &search.hits[i], &why, area.width, styles)
            })
            .height()
    };
    // The chosen hit at the bottom when it is below the first screen.
    let mut offset = chosen;
    let mut used = item(chosen);
    while offset > 0 {
        let above = item(offset - 1);
        if used + above > height {
            break;
        }
        used += above;
        offset -= 1;
    }
    let mut end = chosen + 1;
    while end < search.hits.len() && used < height {
        used += item(end);
        end += 1;
    }
    let shown: Vec<ListItem> = (offset..end)
        .filter_map(|i| items.remove(&i))
        .map(ListItem::new)
        .collect();
    let mut state = ListState::default().with_selected(Some(chosen - offset));
    let list = List::new(shown).highlight_style(styles.selected);
    StatefulWidget::render(list, area, buf, &mut state);
}

/// Char positions of char ranges, for [`highlighted`].
fn positions(ranges: &[Range<usize>]) -> Vec<usize> {
    ranges.iter().flat_map(|r| r.clone()).collect()
}

/// One hit: "Title  Theme › Sub-theme        Status", the matched characters
/// marked; under it, a field the row does not show that matched, with a
/// snippet around the match.
fn hit_text(app: &App, hit: &Hit, why: &Why, row_width: u16, styles: &Styles) -> Text<'static> {
    let plan = app.plan();
    let lang = app.lang();
    let total = usize::from(row_width);
    let (title, crumb, status): (&str, Crumb, Option<Option<Status>>) = match hit.target {
        Target::Theme(t) => {
            let Some(theme) = plan.themes.get(t) else {
                return Text::default();
            };
            (&theme.name, Crumb::Word(lang.tr().theme), None)
        }
        Target::Subtheme(t, s) => {
            let Some(theme) = plan.themes.get(t) else {
                return Text::default();
            };
            let Some(sub) = theme.subthemes.get(s) else {
                return Text::default();
            };
            let theme = (theme.name.as_str(), positions(why.ranges(Field::Theme)));
            (&sub.name, Crumb::Names(None, theme), None)
        }
        Target::Project(loc) => {
            let Some(theme) = plan.themes.get(loc.theme) else {
                return Text::default();
            };
            let Some(sub) = theme.subthemes.get(loc.subtheme) else {
                return Text::default();
            };
            let Some(project) = sub.projects.get(loc.project) else {
                return Text::default();
            };
            let crumb = Crumb::Names(
                Some((theme.name.as_str(), positions(why.ranges(Field::Theme)))),
                (sub.name.as_str(), positions(why.ranges(Field::Subtheme))),
            );
            (&project.title, crumb, Some(project.status_in(app.year())))
        }
    };
    let status_text = status.map(|s| lang.status_or_none(s));
    let status_width = status_text.map_or(0, |s| width(s) + 1);
    let room = total.saturating_sub(status_width);
    let crumb_least = crumb.least().min(room * 2 / 5);
    let title_room = width(title)
        .min(room.saturating_sub(crumb_least + 2))
        .max(room.min(8));
    let title_marks = positions(why.ranges(Field::Title));
    let mut spans = highlighted(title, &title_marks, title_room, styles.text, styles.matched);
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let crumb_spans = crumb.fit(room.saturating_sub(used + 2), styles);
    let crumb_width: usize = crumb_spans.iter().map(|s| width(&s.content)).sum();
    if crumb_width > 0 {
        spans.push(Span::raw("  "));
        spans.extend(crumb_spans);
    }
    if let (Some(text), Some(status)) = (status_text, status) {
        let taken = used + if crumb_width > 0 { crumb_width + 2 } else { 0 };
        let gap = total.saturating_sub(taken + width(text));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(text, styles.status(status)));
    }
    let mut lines = vec![Line::from(spans)];
    if let Some(m) = why.fields.iter().find(|m| {
        matches!(
            m.field,
            Field::Owner | Field::Notes | Field::Id | Field::Details | Field::Intro
        )
    }) {
        let label = format!("{INDENT}{}: ", m.field.label(lang));
        let room = total.saturating_sub(width(&label));
        let cut = snippet(&m.text, &m.ranges, room);
        let mut second = vec![Span::styled(label, styles.dim)];
        second.extend(highlighted(
            &cut.text,
            &positions(&cut.ranges),
            room,
            styles.dim,
            styles.matched,
        ));
        lines.push(Line::from(second));
    }
    Text::from(lines)
}

/// Before a hit's second row.
const INDENT: &str = "    ";

/// Where a hit sits: a theme's sub-theme and name, or one word for a theme.
enum Crumb<'a> {
    Word(&'a str),
    /// The theme (for a project) and the sub-theme (or, for a sub-theme, its
    /// theme), each with its matched chars.
    Names(Option<(&'a str, Vec<usize>)>, (&'a str, Vec<usize>)),
}

impl Crumb<'_> {
    /// The columns the crumb needs at least to tell hits with the same title
    /// apart: the last name whole.
    fn least(&self) -> usize {
        match self {
            Crumb::Word(w) => width(w),
            Crumb::Names(_, (last, _)) => width(last),
        }
    }

    /// The crumb in `room` columns: "Theme › Sub-theme" when it fits, else
    /// the sub-theme whole after as much of the theme as fits ("Open o… ›
    /// De overgang en werk"), else the sub-theme cut.
    fn fit(&self, room: usize, styles: &Styles) -> Vec<Span<'static>> {
        const SEP: &str = " › ";
        let (first, (last, last_marks)) = match self {
            Crumb::Word(w) => return vec![Span::styled(truncate(w, room), styles.dim)],
            Crumb::Names(first, last) => (first, last),
        };
        let last_spans = |room| highlighted(last, last_marks, room, styles.dim, styles.matched);
        let Some((first, first_marks)) = first else {
            return last_spans(room);
        };
        let whole = width(first) + width(SEP) + width(last);
        let first_room = if whole <= room {
            width(first)
        } else {
            room.saturating_sub(width(SEP) + width(last))
        };
        if first_room < 3 {
            return last_spans(room);
        }
        let mut spans = highlighted(first, first_marks, first_room, styles.dim, styles.matched);
        spans.push(Span::styled(SEP, styles.dim));
        spans.extend(last_spans(room.saturating_sub(first_room + width(SEP))));
        spans
    }
}
