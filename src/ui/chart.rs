//! The progress view's chart: for each month of the year shown, a bar of the
//! share of projects done (`█`) with the share in progress (`▒`) on top of
//! it, as at the end of the month. Months after the moment shown get no bar.
//! The two symbols and the legend tell done from in progress without colour.
//!
//! ratatui's [`BarChart`] draws bars of one symbol, so the chart is two of
//! them over the same columns: done and in progress together in `▒` with the
//! month names, then done alone in `█` over it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::bar;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Clear, Widget};

use crate::app::{App, ProgressChart};
use crate::plan::{Progress, Status};

use super::fit::truncate;
use super::layout::inner;
use super::palette::Styles;

const DONE: &str = "█";
const IN_PROGRESS: &str = "▒";
/// The share axis on the left: "100 %" and a space.
const AXIS: u16 = 6;
/// Bars are scaled out of this, a share in tenths of a percent.
const WHOLE: u64 = 1000;
/// Bar cells at most.
const BAR_MAX: u16 = 7;

/// Bars of one symbol: a cell at least half filled is drawn whole, so each
/// bar's height is its share rounded to whole cells.
const fn solid(symbol: &'static str) -> bar::Set<'static> {
    bar::Set {
        full: symbol,
        seven_eighths: symbol,
        three_quarters: symbol,
        five_eighths: symbol,
        half: symbol,
        three_eighths: " ",
        one_quarter: " ",
        one_eighth: " ",
        empty: " ",
    }
}

/// A share of `progress`'s projects, out of [`WHOLE`].
fn share(count: usize, progress: &Progress) -> u64 {
    let total = progress.total() as u64;
    (count as u64 * WHOLE).checked_div(total).unwrap_or(0)
}

/// A whole percent, rounded down like the table's.
fn percent(count: usize, progress: &Progress) -> u64 {
    share(count, progress) / 10
}

/// Draws the chart of `chart` in `area`, framed, with its title and legend.
pub fn render((app, styles): (&App, &Styles), chart: &ProgressChart, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let scope = match chart.theme.and_then(|t| app.plan().themes.get(t)) {
        Some(theme) => theme.name.as_str(),
        None if chart.focus_only => lang.tables().focus_only,
        None => lang.travel().whole_plan,
    };
    let room = usize::from(area.width.saturating_sub(4));
    let title = truncate(&lang.chart_title(chart.year, scope), room);
    Clear.render(area, buf);
    Block::bordered()
        .border_style(styles.border)
        .title(Line::styled(format!(" {title} "), styles.bold))
        .title_bottom(legend(app, chart, styles, room))
        .render(area, buf);
    let inner = inner(area);
    if inner.height < 2 || inner.width <= AXIS {
        return;
    }
    buf.set_string(inner.x, inner.y, "100 %", styles.dim);
    buf.set_string(inner.x + 2, inner.bottom() - 1, "0 %", styles.dim);
    let bars = Rect {
        x: inner.x + AXIS,
        width: inner.width - AXIS,
        ..inner
    };
    render_bars(app, chart, styles, bars, buf);
}

/// The bars and the month names under them.
fn render_bars(app: &App, chart: &ProgressChart, styles: &Styles, area: Rect, buf: &mut Buffer) {
    let months = chart.months.len().max(1) as u16;
    let gap = if area.width < 60 { 1 } else { 2 };
    let width = ((area.width + gap) / months)
        .saturating_sub(gap)
        .clamp(1, BAR_MAX);
    let done_style = styles.status(Some(Status::Done));
    let busy_style = styles.status(Some(Status::InProgress));
    let bar = |value: u64| Bar::default().value(value).text_value(String::new());
    let (mut both, mut done) = (Vec::new(), Vec::new());
    for (i, month) in chart.months.iter().enumerate() {
        let p = &month.progress;
        let drawn = chart.is_drawn(i);
        let (d, b) = match drawn {
            true => (share(p.done(), p), share(p.count(Status::InProgress), p)),
            false => (0, 0),
        };
        let name = app.lang().month_short(month.label_index);
        let label = match drawn {
            true => Line::styled(name, styles.text),
            false => Line::styled(name, styles.dim),
        };
        both.push(bar(d + b).label(label));
        done.push(bar(d));
    }
    let chart = |bars: Vec<Bar<'static>>, symbol, style| {
        BarChart::default()
            .data(BarGroup::new(bars))
            .max(WHOLE)
            .bar_width(width)
            .bar_gap(gap)
            .bar_set(solid(symbol))
            .bar_style(style)
    };
    chart(both, IN_PROGRESS, busy_style).render(area, buf);
    // Done over it, in the same columns above the names.
    let above = Rect {
        height: area.height - 1,
        ..area
    };
    let mut over = Buffer::empty(above);
    chart(done, DONE, done_style).render(above, &mut over);
    for y in above.top()..above.bottom() {
        for x in above.left()..above.right() {
            let cell = &over[(x, y)];
            if cell.symbol() != " " {
                buf[(x, y)] = cell.clone();
            }
        }
    }
}

/// "█ Afgerond 33 %  ▒ Lopend 50 %  (eind okt)": the symbols, and the shares
/// of the last month drawn.
fn legend(app: &App, chart: &ProgressChart, styles: &Styles, room: usize) -> Line<'static> {
    let lang = app.lang();
    let (done, busy) = (lang.status(Status::Done), lang.status(Status::InProgress));
    let (done, busy, when) = match chart.latest() {
        Some(m) => {
            let p = &m.progress;
            (
                format!("{done} {} %", percent(p.done(), p)),
                format!("{busy} {} %", percent(p.count(Status::InProgress), p)),
                format!("  ({})", lang.month_end(m.label_index, !m.future)),
            )
        }
        None => (done.to_string(), busy.to_string(), String::new()),
    };
    let text = format!(" {DONE} {done}  {IN_PROGRESS} {busy}{when} ");
    if text.chars().count() > room {
        return Line::raw(truncate(&text, room));
    }
    let styled = |symbol: &'static str, style: Style| Span::styled(symbol, style);
    Line::from(vec![
        Span::raw(" "),
        styled(DONE, styles.status(Some(Status::Done))),
        Span::styled(format!(" {done}  "), styles.text),
        styled(IN_PROGRESS, styles.status(Some(Status::InProgress))),
        Span::styled(format!(" {busy}{when} "), styles.text),
    ])
}
