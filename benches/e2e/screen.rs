//! Reading aoplan's screen: places are found by their box titles, not by fixed
//! coordinates, so the measurements keep working when the layout changes.

use aoplan::i18n::Lang;
use vt100::Screen;

/// The UI language the benchmark runs in (`LANG=en_US.UTF-8`).
pub const LANG: Lang = Lang::En;

/// `width` columns of `row`, starting at `col`, without trailing blanks.
pub fn text_at(screen: &Screen, row: u16, col: u16, width: u16) -> String {
    screen
        .rows(col, width)
        .nth(usize::from(row))
        .map(|t| t.trim_end().to_string())
        .unwrap_or_default()
}

/// The top-left corner of the box titled `title`.
fn boxed(screen: &Screen, title: &str) -> Option<(u16, u16)> {
    let label = format!(" {title} ");
    let width = u16::try_from(label.chars().count()).ok()?;
    let (rows, cols) = screen.size();
    (0..rows.get()).find_map(|row| {
        (0..cols.get()).find_map(|col| {
            let corner = screen.cell(row, col)?.contents();
            let found = matches!(corner, "┌" | "┏" | "╭")
                && text_at(screen, row, col + 1, width) == label.trim_end();
            found.then_some((row, col))
        })
    })
}

/// The inside of the box at `corner`: its first row and column and its width,
/// up to the top-right corner.
fn inside(screen: &Screen, (row, col): (u16, u16)) -> (u16, u16, u16) {
    let cols = screen.size().1.get();
    let right = (col + 1..cols)
        .find(|&c| {
            screen
                .cell(row, c)
                .is_some_and(|cell| matches!(cell.contents(), "┐" | "┓" | "╮"))
        })
        .unwrap_or(cols);
    (row + 1, col + 1, right - col - 1)
}

/// The first line of the details pane: the selected project's title.
pub fn details_title(screen: &Screen) -> Option<String> {
    let (row, col, width) = inside(screen, boxed(screen, LANG.tr().details)?);
    Some(text_at(screen, row, col, width))
}

/// The "Status: 2025 … · 2026 …" line of the details pane.
pub fn status_line(screen: &Screen) -> Option<String> {
    let (top, col, width) = inside(screen, boxed(screen, LANG.tr().details)?);
    let label = format!("{}: ", LANG.tr().status);
    (top..screen.size().0.get())
        .map(|row| text_at(screen, row, col, width))
        .find(|line| line.starts_with(&label))
}

/// The footer's last row, where the save state is.
pub fn footer(screen: &Screen) -> String {
    let (rows, cols) = screen.size();
    text_at(screen, rows.get() - 1, 0, cols.get())
}

/// Whether the footer says the last edit is on disk.
pub fn saved(screen: &Screen) -> bool {
    let footer = footer(screen);
    let state = footer.rsplit("  ").next().unwrap_or_default();
    state.trim_start().starts_with(LANG.ui().saved)
}

/// The search overlay: the query line, the count under it, the hits below.
#[derive(Debug, Clone, Copy)]
pub struct SearchBox {
    row: u16,
    col: u16,
    width: u16,
}

/// Columns of the prompt ("/ ") before the query.
const PROMPT: u16 = 2;

impl SearchBox {
    pub fn find(screen: &Screen) -> Option<SearchBox> {
        let (row, col, width) = inside(screen, boxed(screen, LANG.ui().search_title)?);
        Some(SearchBox { row, col, width })
    }

    /// The query as shown, with the cursor right after `typed`.
    pub fn shows_query(&self, screen: &Screen, typed: &str) -> bool {
        let query_col = self.col + PROMPT;
        let shown = text_at(screen, self.row, query_col, self.width - PROMPT);
        let end = u16::try_from(typed.chars().count()).unwrap_or(u16::MAX);
        shown == typed.trim_end() && screen.cursor_position() == (self.row, query_col + end)
    }

    /// The count line ("12 results", "No results").
    pub fn count(&self, screen: &Screen) -> String {
        text_at(screen, self.row + 1, self.col, self.width)
    }

    /// The first hit's line.
    pub fn first_hit(&self, screen: &Screen) -> String {
        text_at(screen, self.row + 2, self.col, self.width)
    }
}

/// Whether the status picker for `year` is open.
pub fn picker_open(screen: &Screen, year: u16) -> bool {
    boxed(screen, &LANG.picker_title(year)).is_some()
}

/// Whether row 0 is the header of `plan`.
pub fn header_shows(screen: &Screen, fund: &str, title: &str) -> bool {
    let header = text_at(screen, 0, 0, screen.size().1.get());
    header.starts_with(fund) && header.contains(title)
}
