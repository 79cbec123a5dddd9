//! The header line (fund, plan, year, progress), the line of colleagues who
//! have the plan open too, and the banners under them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;

use super::fit::{truncate, width, wrap};
use super::palette::Styles;

/// Banner lines at most, so the panes keep their room.
const MAX_BANNER_LINES: usize = 3;

pub fn render_header(app: &App, styles: &Styles, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let plan = app.plan();
    let progress = app.totals();
    let right = format!(
        "{} {} · {}",
        lang.ui().plan_year,
        app.year(),
        lang.progress(progress.done(), progress.total(), progress.percent_done())
    );
    let room = usize::from(area.width).saturating_sub(width(&right) + 2);
    let left = truncate(&format!("{} · {}", plan.fund, plan.title), room);
    let gap = usize::from(area.width).saturating_sub(width(&left) + width(&right));
    let line = Line::from(vec![
        Span::styled(left, styles.header),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, styles.bold),
    ]);
    Paragraph::new(line).render(area, buf);
}

/// One line of the banner.
pub(crate) struct BannerLine {
    text: String,
    /// An error (the file on disk is broken) rather than a state (read-only).
    error: bool,
}

/// The banner's lines at a screen width: why the plan is read-only, and that
/// the file on disk no longer loads.
pub(crate) fn banner_lines(app: &App, screen_width: u16) -> Vec<BannerLine> {
    let lang = app.lang();
    let mut lines = Vec::new();
    if let Some(reason) = app.read_only() {
        let text = format!("{} — {reason}", lang.ui().read_only);
        let text = truncate(&text, usize::from(screen_width));
        lines.push(BannerLine { text, error: false });
    }
    if let Some(message) = app.disk_error() {
        let first_line = message.lines().next().unwrap_or_default();
        for text in wrap(&lang.disk_broken(first_line), screen_width) {
            lines.push(BannerLine { text, error: true });
        }
    }
    lines.truncate(MAX_BANNER_LINES);
    lines
}

/// Lines under the header: the colleagues' line, if any, and the banner.
pub fn lines_under(app: &App, screen_width: u16) -> usize {
    usize::from(!app.peers().is_empty()) + banner_lines(app, screen_width).len()
}

pub fn render_banner(app: &App, styles: &Styles, area: Rect, buf: &mut Buffer) {
    let presence = super::presence::line(app, styles, area.width);
    let lines: Vec<Line> = presence
        .into_iter()
        .chain(banner_lines(app, area.width).into_iter().map(|line| {
            let style = if line.error {
                styles.error
            } else {
                styles.banner
            };
            let pad = usize::from(area.width).saturating_sub(width(&line.text));
            Line::styled(format!("{}{}", line.text, " ".repeat(pad)), style)
        }))
        .collect();
    Paragraph::new(lines).render(area, buf);
}
