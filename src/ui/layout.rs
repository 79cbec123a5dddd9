//! Where everything goes on screen: pure functions of plain numbers. The
//! renderer keeps the areas it drew, and mouse hit-testing reads them back, so
//! the two always agree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::view::Pane;

/// The screen's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Areas {
    pub header: Rect,
    /// The line of colleagues who have the plan open too, and the read-only
    /// and broken-file banners; zero height when there are none.
    pub banner: Rect,
    pub themes: Rect,
    pub subthemes: Rect,
    pub projects: Rect,
    pub details: Rect,
    pub footer: Rect,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Themes => self.themes,
            Pane::Subthemes => self.subthemes,
            Pane::Projects => self.projects,
        }
    }
}

/// What the layout depends on besides the screen's size: lines of banners and
/// of footer, and rows in the projects pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Heights {
    pub banner: u16,
    pub footer: u16,
    pub projects: usize,
}

/// Lays the screen out: header, banner, three panes with the details below the
/// projects, footer.
pub(crate) fn areas(area: Rect, heights: Heights) -> Areas {
    let [header, banner, body, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(heights.banner),
        Constraint::Fill(1),
        Constraint::Length(heights.footer),
    ]));
    let (themes_width, subthemes_width) = column_widths(body.width);
    let [themes, subthemes, right] = body.layout(&Layout::horizontal([
        Constraint::Length(themes_width),
        Constraint::Length(subthemes_width),
        Constraint::Fill(1),
    ]));
    let projects_height = projects_height(heights.projects, right.height);
    let [projects, details] = right.layout(&Layout::vertical([
        Constraint::Length(projects_height),
        Constraint::Fill(1),
    ]));
    Areas {
        header,
        banner,
        themes,
        subthemes,
        projects,
        details,
        footer,
    }
}

/// Widths of the themes and sub-themes columns; the projects get the rest.
fn column_widths(width: u16) -> (u16, u16) {
    let share = |percent: u32, max: u16| {
        let w = u32::from(width) * percent / 100;
        u16::try_from(w).unwrap_or(max).clamp(16, max)
    };
    (share(26, 34), share(28, 38))
}

/// The projects pane fits its rows, up to half the column (the details get the rest).
fn projects_height(rows: usize, available: u16) -> u16 {
    let wanted = u16::try_from(rows.max(1))
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    wanted.min((available / 2).max(3))
}

/// The inside of a bordered pane.
pub(crate) fn inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

/// A box of at most `width`×`height` centred in `area`.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_widths_fit_small_and_large_screens() {
        for width in [60, 80, 120, 200] {
            let (t, s) = column_widths(width);
            assert!(width - t - s >= 28, "{width}: {t} {s}");
        }
        assert_eq!(column_widths(80), (20, 22));
    }

    #[test]
    fn projects_pane_fits_its_rows_up_to_half() {
        assert_eq!(projects_height(0, 30), 3);
        assert_eq!(projects_height(4, 30), 6);
        assert_eq!(projects_height(40, 30), 15);
    }
}
