//! The progress view (`p`): every theme with a bar for the year shown, done of
//! total, the share done and its projects per status, then the plan's total.
//! Only the themes on screen are drawn; their counts come ready from the app.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::{App, SummaryState};
use crate::i18n::Lang;
use crate::plan::{Progress, Status};
use crate::report::text::filled_cells;

use super::layout::{Areas, inner, scroll_offset};
use super::palette::Styles;
use super::text::{truncate, width};
use super::view_area;

/// Rows inside the frame that are not themes: the headings, a rule and the total.
const FIXED_ROWS: u16 = 3;
/// The statuses with a count column; done projects are counted in the done column.
const COUNTED: [Status; 4] = [
    Status::Planned,
    Status::InProgress,
    Status::OnHold,
    Status::Cancelled,
];
/// The room before a name: `★ ` or two spaces.
const MARKER: usize = 2;
const GAP: usize = 2;
/// "100 %".
const PERCENT: usize = 5;
const BAR: usize = 10;
/// Cells a bar may grow by when the names leave room.
const BAR_GROWTH: usize = 10;
/// Full status headings are used when they leave this much room for names.
const NAME_WANTED: usize = 40;

/// How many themes fit on screen.
pub fn rows_shown(areas: &Areas) -> usize {
    usize::from(inner(view_area(areas)).height.saturating_sub(FIXED_ROWS))
}

pub fn render(app: &App, state: &SummaryState, areas: &Areas, buf: &mut Buffer) {
    let styles = app.palette().styles();
    let area = view_area(areas);
    let shown = rows_shown(areas);
    let len = state.themes.len();
    let offset = scroll_offset(Some(state.cursor.selected), state.cursor.offset, shown, len);
    Clear.render(area, buf);
    frame(app, (state.cursor.selected, len, shown), &styles).render(area, buf);
    let inner = inner(area);
    let columns = Columns::fit(app, state, usize::from(inner.width));
    let mut rows = inner.rows();
    if let Some(row) = rows.next() {
        let heading = emphasized(columns.heading(app.lang()), styles.bold);
        buf.set_line(row.x, row.y, &heading, row.width);
    }
    for (row, index) in rows.take(shown).zip(offset..len) {
        let line = theme_line(app, state, index, &columns, &styles);
        let selected = (index == state.cursor.selected).then_some(styles.selected);
        draw_row(line, row, selected, buf);
    }
    if len == 0 {
        let empty = truncate(app.lang().ui().no_themes, usize::from(inner.width));
        buf.set_string(inner.x, inner.y + 1, empty, styles.dim);
    }
    render_total(app, state, &columns, inner, &styles, buf);
}

/// The frame: the title with the year, the ★ legend, and where the selection
/// is when the list scrolls. `list` is (selected, rows, rows shown).
fn frame<'a>(app: &App, list: (usize, usize, usize), styles: &Styles) -> Block<'a> {
    let lang = app.lang();
    let title = format!(" {} {} ", lang.ui().summary_title, app.year());
    let legend = format!(" {} ", lang.report().focus_legend);
    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(styles.border_focused)
        .title(Line::styled(title, styles.title_focused))
        .title_bottom(Line::styled(legend, styles.dim));
    let (selected, rows, shown) = list;
    if rows > shown {
        let position = format!(" {}/{rows} ", selected + 1);
        block = block.title_bottom(Line::styled(position, styles.dim).right_aligned());
    }
    block
}

/// The rule and the plan's total on the frame's last two rows.
fn render_total(
    app: &App,
    state: &SummaryState,
    columns: &Columns,
    inner: Rect,
    styles: &Styles,
    buf: &mut Buffer,
) {
    if inner.height < FIXED_ROWS {
        return;
    }
    let bottom = inner.bottom() - 1;
    let rule = "─".repeat(usize::from(inner.width));
    buf.set_string(inner.x, bottom - 1, rule, styles.dim);
    let label = app.lang().report().total;
    let mut spans = vec![Span::raw(" ".repeat(MARKER)), columns.name_cell(label)];
    spans.extend(columns.cells(&state.total, styles));
    buf.set_line(
        inner.x,
        bottom,
        &emphasized(spans, styles.bold),
        inner.width,
    );
}

/// Spans as one line, each with `style` added to its own.
fn emphasized(spans: Vec<Span<'static>>, style: Style) -> Line<'static> {
    spans
        .into_iter()
        .map(|s| Span::styled(s.content, s.style.patch(style)))
        .collect()
}

fn theme_line(
    app: &App,
    state: &SummaryState,
    index: usize,
    columns: &Columns,
    styles: &Styles,
) -> Line<'static> {
    let (Some(theme), Some(progress)) = (app.plan().themes.get(index), state.themes.get(index))
    else {
        return Line::default();
    };
    let marker = if theme.focus {
        Span::styled("★ ", styles.focus_mark)
    } else {
        Span::raw(" ".repeat(MARKER))
    };
    let mut spans = vec![marker, columns.name_cell(&theme.name)];
    spans.extend(columns.cells(progress, styles));
    Line::from(spans)
}

/// Draws a row; a selected one all in the selection's style.
fn draw_row(line: Line<'static>, row: Rect, selected: Option<Style>, buf: &mut Buffer) {
    match selected {
        Some(style) => {
            buf.set_style(row, style);
            let plain: Line = line
                .iter()
                .map(|s| Span::styled(s.content.clone(), style))
                .collect();
            buf.set_line(row.x, row.y, &plain, row.width);
        }
        None => {
            buf.set_line(row.x, row.y, &line, row.width);
        }
    }
}

/// A column heading: the status's label, or its short form on narrow screens.
fn status_heading(lang: Lang, status: Status, full: bool) -> &'static str {
    if full {
        lang.status(status)
    } else {
        lang.status_short(status)
    }
}

/// Text right-aligned in `cells` columns.
fn right(text: String, cells: usize, style: Style) -> Span<'static> {
    let pad = " ".repeat(cells.saturating_sub(width(&text)));
    Span::styled(format!("{pad}{text}"), style)
}

/// Cells with one space between them.
fn spaced(cells: impl Iterator<Item = Span<'static>>) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        spans.push(cell);
    }
    spans
}

fn digits(n: usize) -> usize {
    n.to_string().len()
}

fn gap() -> Span<'static> {
    Span::raw(" ".repeat(GAP))
}

/// The table's column widths on one screen.
struct Columns {
    /// Full status headings, or their short forms.
    full: bool,
    name: usize,
    bar: usize,
    /// "done/total".
    done: usize,
    /// One per [`COUNTED`] status, then one for projects without a status.
    counts: [usize; 5],
}

impl Columns {
    /// Full headings when they leave the names enough room; a longer bar when the
    /// names leave room too.
    fn fit(app: &App, state: &SummaryState, room: usize) -> Columns {
        let lang = app.lang();
        let longest = app
            .plan()
            .themes
            .iter()
            .map(|t| width(&t.name))
            .chain([width(lang.tr().themes), width(lang.report().total)])
            .max()
            .unwrap_or(0);
        let wide = Columns::sized(lang, &state.total, true);
        let mut columns = if wide.fixed() + longest.min(NAME_WANTED) <= room {
            wide
        } else {
            Columns::sized(lang, &state.total, false)
        };
        let names = room.saturating_sub(columns.fixed());
        let growth = names.saturating_sub(longest).min(BAR_GROWTH);
        columns.bar += growth;
        columns.name = (names - growth).min(longest);
        columns
    }

    /// Widths that fit the headings and the plan's total, the largest numbers.
    fn sized(lang: Lang, total: &Progress, full: bool) -> Columns {
        let fraction = format!("{}/{}", total.done(), total.total());
        let done = width(&fraction).max(width(status_heading(lang, Status::Done, full)));
        let mut counts = [0; 5];
        for (cell, status) in counts.iter_mut().zip(COUNTED) {
            *cell = digits(total.count(status)).max(width(status_heading(lang, status, full)));
        }
        counts[4] = digits(total.unset).max(width(lang.tr().no_status));
        Columns {
            full,
            name: 0,
            bar: BAR,
            done,
            counts,
        }
    }

    /// Everything but the name: the marker, the bar, the numbers and the gaps.
    fn fixed(&self) -> usize {
        let counts: usize = self.counts.iter().sum::<usize>() + self.counts.len() - 1;
        MARKER + GAP + self.bar + GAP + self.done + GAP + PERCENT + GAP + counts
    }

    fn name_cell(&self, name: &str) -> Span<'static> {
        let text = truncate(name, self.name);
        let pad = " ".repeat(self.name.saturating_sub(width(&text)));
        Span::raw(format!("{text}{pad}"))
    }

    /// The bar, done of total, the share done and the counts.
    fn cells(&self, progress: &Progress, styles: &Styles) -> Vec<Span<'static>> {
        let percent = progress.percent_done();
        let filled = filled_cells(percent, self.bar);
        let fraction = format!("{}/{}", progress.done(), progress.total());
        let mut spans = vec![
            gap(),
            Span::styled("█".repeat(filled), styles.status(Some(Status::Done))),
            Span::styled("░".repeat(self.bar - filled), styles.dim),
            gap(),
            right(fraction, self.done, styles.text),
            gap(),
            right(format!("{percent} %"), PERCENT, styles.text),
            gap(),
        ];
        let counts = COUNTED
            .iter()
            .map(|s| (progress.count(*s), styles.status(Some(*s))))
            .chain([(progress.unset, styles.status(None))]);
        let counts = counts
            .zip(self.counts)
            .map(|((count, style), cells)| match count {
                0 => right("·".into(), cells, styles.dim),
                n => right(n.to_string(), cells, style),
            });
        spans.extend(spaced(counts));
        spans
    }

    /// The headings row, aligned with the cells.
    fn heading(&self, lang: Lang) -> Vec<Span<'static>> {
        let done = status_heading(lang, Status::Done, self.full);
        let mut spans = vec![
            Span::raw(" ".repeat(MARKER)),
            self.name_cell(lang.tr().themes),
            Span::raw(" ".repeat(GAP + self.bar + GAP)),
            right(done.into(), self.done, Style::new()),
            gap(),
            right("%".into(), PERCENT, Style::new()),
            gap(),
        ];
        let headings = COUNTED
            .iter()
            .map(|s| status_heading(lang, *s, self.full))
            .chain([lang.tr().no_status]);
        let headings = headings
            .zip(self.counts)
            .map(|(text, cells)| right(text.into(), cells, Style::new()));
        spans.extend(spaced(headings));
        spans
    }
}
