//! The progress view (`p`): every theme with a bar for the year shown, done of
//! total, the share done and its projects per status, then the plan's total;
//! under them the chart of the selected row through the year (`chart.rs`).
//! Only the themes on screen are drawn; their counts come ready from the app.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Row, StatefulWidget, Table, TableState, Widget};

use crate::app::{App, SummaryState};
use crate::i18n::Lang;
use crate::plan::{Progress, Status};
use crate::text::filled_cells;

use super::fit::{truncate, width};
use super::layout::{Areas, inner};
use super::palette::Styles;
use super::scroll::{self, scroll_offset, view_frame};
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

/// The least a table shows: its frame, the fixed rows and three themes.
const TABLE_MIN: u16 = 2 + FIXED_ROWS + 3;
/// The chart's room, frame included, at the least and at the most; it also
/// gets at least a third of the view. With less room the chart gives way.
const CHART_MIN: u16 = 8;
const CHART_MAX: u16 = 20;

/// The view's table and, when there is room, its chart below: the table gets
/// the rows its themes need, but gives way down to [`TABLE_MIN`] so that the
/// chart has its least; what is left goes to the chart, up to [`CHART_MAX`].
fn split(area: Rect, themes: usize) -> (Rect, Option<Rect>) {
    let chart_min = (area.height / 3).clamp(CHART_MIN, CHART_MAX);
    if area.height < TABLE_MIN + chart_min {
        return (area, None);
    }
    let wanted = u16::try_from(themes)
        .unwrap_or(u16::MAX)
        .saturating_add(2 + FIXED_ROWS);
    let chart = area
        .height
        .saturating_sub(wanted.max(TABLE_MIN))
        .clamp(chart_min, CHART_MAX);
    let table = Rect {
        height: area.height - chart,
        ..area
    };
    let chart = Rect {
        y: table.bottom(),
        height: chart,
        ..area
    };
    (table, Some(chart))
}

/// How many themes fit on screen.
pub(crate) fn rows_shown(app: &App, areas: &Areas) -> usize {
    let (table, _) = split(view_area(areas), app.plan().themes.len());
    let inner = inner(table);
    let legend = match app.mode() {
        crate::app::Mode::Summary(s) => {
            let columns = Columns::fit(app, s, usize::from(inner.width));
            legend_lines(app.lang(), &columns, usize::from(inner.width)).len()
        }
        _ => 0,
    };
    let legend = u16::try_from(legend).unwrap_or(u16::MAX);
    usize::from(inner.height.saturating_sub(FIXED_ROWS + legend))
}

/// The legend of the short headings under the total, wrapped to `room`; none
/// for full ones.
fn legend_lines(lang: Lang, columns: &Columns, room: usize) -> Vec<String> {
    if columns.full {
        return Vec::new();
    }
    let room = room.saturating_sub(MARKER);
    let lines = crate::i18n::wrap_legend(&lang.abbrev_legend(), room);
    lines.iter().map(|l| truncate(l, room)).collect()
}

/// Draws the view as a table of themes under a heading row, with the plan's
/// total below; `state` keeps the table's offset between frames.
pub fn render(
    (app, styles): (&App, &Styles),
    summary: &SummaryState,
    areas: &Areas,
    buf: &mut Buffer,
    state: &mut TableState,
) {
    let len = summary.themes.len();
    let (area, chart) = split(view_area(areas), app.plan().themes.len());
    let shown = rows_shown(app, areas);
    state.select(summary.selected_row());
    // On the total row, the last themes stay in view above it.
    let follow = summary.selected.min(len.saturating_sub(1));
    *state.offset_mut() = scroll_offset(Some(follow), state.offset(), shown, len);
    Clear.render(area, buf);
    frame(app, summary, (len, shown), styles).render(area, buf);
    if let Some(chart) = chart {
        super::chart::render((app, styles), &summary.chart, chart, buf);
    }
    let inner = inner(area);
    let columns = Columns::fit(app, summary, usize::from(inner.width));
    let legend = legend_lines(app.lang(), &columns, usize::from(inner.width));
    let legend_rows = u16::try_from(legend.len()).unwrap_or(0);
    let rows = (0..len).map(|index| theme_row(app, summary, index, &columns, styles));
    let table_area = Rect {
        height: inner.height.saturating_sub(FIXED_ROWS - 1 + legend_rows),
        ..inner
    };
    let table = columns
        .table(rows)
        .header(columns.heading(app.lang()).style(styles.bold))
        .row_highlight_style(styles.row_highlight(styles.selected));
    StatefulWidget::render(table, table_area, buf, state);
    if len == 0 {
        let empty = truncate(app.lang().ui().no_themes, usize::from(inner.width));
        buf.set_string(inner.x, inner.y + 1, empty, styles.dim);
    }
    let above_legend = Rect {
        height: inner.height.saturating_sub(legend_rows),
        ..inner
    };
    render_total(app, summary, &columns, above_legend, styles, buf);
    if above_legend.height >= FIXED_ROWS {
        for (y, line) in (above_legend.bottom()..inner.bottom()).zip(&legend) {
            buf.set_string(inner.x + MARKER as u16, y, line, styles.dim);
        }
    }
    // The themes scroll; the headings and the total stay.
    let themes = Rect {
        y: inner.y + 1,
        height: u16::try_from(shown).unwrap_or(0),
        ..inner
    };
    let track = scroll::Track::beside(area, themes, styles.border_focused, true);
    scroll::scrollbar(track, len, shown, state.offset(), buf);
}

/// The frame: the title with the year (and "focus themes" when only those
/// show), the ★ legend, and where the selection is when the list scrolls.
/// `list` is (rows, rows shown).
fn frame<'a>(
    app: &App,
    summary: &SummaryState,
    list: (usize, usize),
    styles: &Styles,
) -> Block<'a> {
    let lang = app.lang();
    let title = match summary.focus_only {
        false => format!(" {} {} ", lang.ui().summary_title, app.year()),
        true => format!(
            " {} {} · {} ",
            lang.ui().summary_title,
            app.year(),
            lang.tables().focus_only
        ),
    };
    let legend = format!(" {} ", lang.report().focus_legend);
    let selected = summary.selected;
    let (rows, shown) = list;
    let position = (rows > shown && selected < rows).then_some((selected, rows));
    view_frame(title, position, styles).title_bottom(Line::styled(legend, styles.dim))
}

/// The rule and the plan's total on the frame's last two rows, in the table's
/// columns.
fn render_total(
    app: &App,
    summary: &SummaryState,
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
    let style = match summary.selected_theme() {
        Some(_) => styles.bold,
        None => styles.row_highlight(styles.selected),
    };
    let total = columns
        .row(label, Span::raw(" ".repeat(MARKER)), &summary.total, styles)
        .style(style);
    let area = Rect {
        y: bottom,
        height: 1,
        ..inner
    };
    Widget::render(columns.table([total]), area, buf);
}

fn theme_row(
    app: &App,
    summary: &SummaryState,
    index: usize,
    columns: &Columns,
    styles: &Styles,
) -> Row<'static> {
    let theme = summary
        .rows
        .get(index)
        .and_then(|&t| app.plan().themes.get(t));
    let (Some(theme), Some(progress)) = (theme, summary.themes.get(index)) else {
        return Row::default();
    };
    let marker = if theme.focus {
        Span::styled("★ ", styles.focus_mark)
    } else {
        Span::raw(" ".repeat(MARKER))
    };
    columns.row(&theme.name, marker, progress, styles)
}

/// A column heading: the status's label, or its short form on narrow screens.
fn status_heading(lang: Lang, status: Status, full: bool) -> &'static str {
    if full {
        lang.status(status)
    } else {
        lang.status_short(status)
    }
}

/// The heading of the projects without a status, in words or short.
fn no_status_heading(lang: Lang, full: bool) -> &'static str {
    match full {
        true => lang.tables().no_status,
        false => lang.tables().no_status_short,
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
        let fraction = format!("{}/{}", total.done(), total.counted());
        let done = width(&fraction).max(width(status_heading(lang, Status::Done, full)));
        let mut counts = [0; 5];
        for (cell, status) in counts.iter_mut().zip(COUNTED) {
            *cell = digits(total.count(status)).max(width(status_heading(lang, status, full)));
        }
        counts[4] = digits(total.unset).max(width(no_status_heading(lang, full)));
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

    /// A table in these columns: the name (after the marker), the bar, done of
    /// total, the share done and the counts.
    fn table<'a>(&self, rows: impl IntoIterator<Item = Row<'a>>) -> Table<'a> {
        let counts = self.counts.iter().sum::<usize>() + self.counts.len() - 1;
        let widths = [MARKER + self.name, self.bar, self.done, PERCENT, counts]
            .map(|cells| Constraint::Length(u16::try_from(cells).unwrap_or(u16::MAX)));
        Table::new(rows, widths).column_spacing(u16::try_from(GAP).unwrap_or(1))
    }

    /// A row: the marker and name, the bar, done of total, the share done and the
    /// counts.
    fn row(
        &self,
        name: &str,
        marker: Span<'static>,
        progress: &Progress,
        styles: &Styles,
    ) -> Row<'static> {
        let percent = progress.percent_done();
        let filled = filled_cells(percent, self.bar);
        let fraction = format!("{}/{}", progress.done(), progress.counted());
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
        Row::new([
            Cell::from(Line::from(vec![marker, self.name_cell(name)])),
            Cell::from(Line::from(vec![
                Span::styled("█".repeat(filled), styles.status(Some(Status::Done))),
                Span::styled("░".repeat(self.bar - filled), styles.dim),
            ])),
            Cell::from(right(fraction, self.done, styles.text)),
            Cell::from(right(format!("{percent} %"), PERCENT, styles.text)),
            Cell::from(Line::from(spaced(counts))),
        ])
    }

    /// The headings row, in the table's columns.
    fn heading(&self, lang: Lang) -> Row<'static> {
        let done = status_heading(lang, Status::Done, self.full);
        let headings = COUNTED
            .iter()
            .map(|s| status_heading(lang, *s, self.full))
            .chain([no_status_heading(lang, self.full)]);
        let headings = headings
            .zip(self.counts)
            .map(|(text, cells)| right(text.into(), cells, Style::new()));
        Row::new([
            Cell::from(Line::from(vec![
                Span::raw(" ".repeat(MARKER)),
                self.name_cell(lang.tr().themes),
            ])),
            Cell::from(""),
            Cell::from(right(done.into(), self.done, Style::new())),
            Cell::from(right("%".into(), PERCENT, Style::new())),
            Cell::from(Line::from(spaced(headings))),
        ])
    }
}
