//! The header line (fund, plan, year, progress), the line of colleagues who
//! have the plan open too, and the banners under them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
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
        lang.progress(progress.done(), progress.counted(), progress.percent_done())
    );
    let tag = travel_tag(app, usize::from(area.width).saturating_sub(width(&right)));
    let room = usize::from(area.width).saturating_sub(width(&right) + width(&tag) + 2);
    let left = fund_and_title(&plan.fund, &plan.title, room);
    let gap = usize::from(area.width).saturating_sub(width(&tag) + width(&left) + width(&right));
    // While travelling the whole line stands out, also without colour.
    let (line_style, left_style, right_style) = match app.travel() {
        Some(_) => (styles.banner, styles.banner, styles.banner),
        None => (Style::new(), styles.header, styles.bold),
    };
    let line = Line::from(vec![
        Span::styled(tag, styles.banner.patch(styles.bold)),
        Span::styled(left, left_style),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, right_style),
    ]);
    Paragraph::new(line.style(line_style)).render(area, buf);
}

/// While travelling, what starts the header: " stand per 30-06-2026 · alleen
/// lezen ", without the read-only words when the plan's title would not fit.
fn travel_tag(app: &App, room: usize) -> String {
    /// The title gets at least this much room beside the tag.
    const TITLE_MIN: usize = 26;
    let Some(travel) = app.travel() else {
        return String::new();
    };
    let lang = app.lang();
    let when = lang.travel_header(travel.at, app.zone());
    let long = format!(" {when} · {} · ", lang.travel().read_only);
    if width(&long) + TITLE_MIN <= room {
        long
    } else {
        format!(" {when} · ")
    }
}

/// "A&O-fonds Provincies · Activiteitenplan 2026" in `room` columns: the
/// fund is cut before the title, so that the plan's year stays in view.
fn fund_and_title(fund: &str, title: &str, room: usize) -> String {
    /// The fund is shown when at least this much of it fits.
    const FUND_MIN: usize = 6;
    let both = format!("{fund} · {title}");
    let title_room = width(title) + width(" · ");
    if width(&both) <= room {
        both
    } else if room >= title_room + FUND_MIN {
        format!("{} · {title}", truncate(fund, room - title_room))
    } else {
        truncate(title, room)
    }
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
    let mut lines: Vec<BannerLine> = (super::travel::reach_lines(app, screen_width).into_iter())
        .map(|text| BannerLine { text, error: false })
        .collect();
    if let Some(reason) = app.read_only() {
        let text = format!("{} — {}", lang.ui().read_only, lang.read_only_why(reason));
        let text = truncate(&text, usize::from(screen_width));
        lines.push(BannerLine { text, error: false });
    }
    if let Some(fault) = app.disk_error() {
        let message = lang.file_fault(fault);
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

#[cfg(test)]
mod tests {
    use super::{fund_and_title, width};

    #[test]
    fn the_fund_is_cut_before_the_title_and_its_year() {
        let (fund, title) = ("A&O-fonds Provincies", "Activiteitenplan 2026");
        assert_eq!(
            fund_and_title(fund, title, 80),
            "A&O-fonds Provincies · Activiteitenplan 2026"
        );
        let cut = fund_and_title(fund, title, 40);
        assert!(cut.ends_with(" · Activiteitenplan 2026"), "{cut}");
        assert!(cut.starts_with("A&O-fon"), "{cut}");
        assert!(width(&cut) <= 40);
        assert_eq!(fund_and_title(fund, title, 26), "Activiteitenplan 2026");
        let tiny = fund_and_title(fund, title, 10);
        assert!(width(&tiny) <= 10, "{tiny}");
    }
}
