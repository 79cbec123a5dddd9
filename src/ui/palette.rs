//! Colours. Only the 16 ANSI colours, so 16-colour terminals stay readable;
//! `Plain` uses no colour at all (for `NO_COLOR`), only bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

use crate::plan::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// For dark terminal backgrounds.
    #[default]
    Dark,
    /// For light terminal backgrounds.
    Light,
    /// No colour: bold, reverse and underline only.
    Plain,
}

/// The styles the screens are drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Styles {
    pub text: Style,
    pub dim: Style,
    pub bold: Style,
    pub header: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    /// The selected row of the focused pane.
    pub selected: Style,
    /// The selected row of the other panes.
    pub selected_idle: Style,
    pub focus_mark: Style,
    /// Characters a search matched.
    pub matched: Style,
    pub key: Style,
    pub banner: Style,
    pub error: Style,
    pub warning: Style,
    pub info: Style,
    pub saved: Style,
    statuses: [Style; 5],
    unset: Style,
}

impl Styles {
    pub fn status(&self, status: Option<Status>) -> Style {
        match status {
            Some(s) => self.statuses[s as usize],
            None => self.unset,
        }
    }
}

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

const REVERSED: Style = Style::new().add_modifier(Modifier::REVERSED);
const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const UNDERLINED: Style = Style::new().add_modifier(Modifier::UNDERLINED);

impl Styles {
    /// A list's selected-row style: the whole row in `style`, so the colours of
    /// the row's own text do not show through where `style` sets none.
    pub(crate) fn row_highlight(&self, style: Style) -> Style {
        Style {
            fg: style.fg.or(Some(Color::Reset)),
            bg: style.bg.or(Some(Color::Reset)),
            ..style
        }
    }
}

impl Palette {
    pub fn styles(self) -> Styles {
        match self {
            Palette::Dark => colored(Color::Cyan, Color::Yellow, Color::DarkGray, Color::White),
            Palette::Light => colored(Color::Blue, Color::Magenta, Color::Gray, Color::Black),
            Palette::Plain => plain(),
        }
    }
}

/// A coloured palette from its accent, highlight, idle-selection background and text colour.
fn colored(accent: Color, highlight: Color, idle_bg: Color, idle_fg: Color) -> Styles {
    Styles {
        text: Style::new(),
        dim: fg(Color::DarkGray),
        bold: BOLD,
        header: fg(accent).add_modifier(Modifier::BOLD),
        border: fg(Color::DarkGray),
        border_focused: fg(accent).add_modifier(Modifier::BOLD),
        title: Style::new(),
        title_focused: fg(accent).add_modifier(Modifier::BOLD),
        selected: REVERSED.add_modifier(Modifier::BOLD),
        selected_idle: Style::new().fg(idle_fg).bg(idle_bg),
        focus_mark: fg(highlight),
        matched: fg(highlight).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        key: fg(accent).add_modifier(Modifier::BOLD),
        banner: Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
        error: fg(Color::Red).add_modifier(Modifier::BOLD),
        warning: fg(highlight),
        info: fg(accent),
        saved: fg(Color::Green),
        statuses: [
            fg(accent),
            fg(highlight),
            fg(Color::Green),
            fg(Color::DarkGray),
            fg(Color::Red),
        ],
        unset: fg(Color::DarkGray),
    }
}

fn plain() -> Styles {
    Styles {
        text: Style::new(),
        dim: Style::new(),
        bold: BOLD,
        header: BOLD,
        border: Style::new(),
        border_focused: BOLD,
        title: Style::new(),
        title_focused: BOLD.add_modifier(Modifier::UNDERLINED),
        selected: REVERSED.add_modifier(Modifier::BOLD),
        selected_idle: UNDERLINED,
        focus_mark: Style::new(),
        matched: UNDERLINED.add_modifier(Modifier::BOLD),
        key: BOLD,
        banner: REVERSED,
        error: BOLD.add_modifier(Modifier::REVERSED),
        warning: BOLD,
        info: Style::new(),
        saved: Style::new(),
        statuses: [Style::new(); 5],
        unset: Style::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &Styles) -> Vec<Style> {
        let mut v = vec![
            s.text,
            s.dim,
            s.bold,
            s.header,
            s.border,
            s.border_focused,
            s.title,
            s.title_focused,
            s.selected,
            s.selected_idle,
            s.focus_mark,
            s.matched,
            s.key,
            s.banner,
            s.error,
            s.warning,
            s.info,
            s.saved,
            s.unset,
        ];
        v.extend(s.statuses);
        v
    }

    #[test]
    fn plain_has_no_colour() {
        for style in all(&Palette::Plain.styles()) {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
    }

    #[test]
    fn colours_are_the_16_ansi_ones() {
        for palette in [Palette::Dark, Palette::Light] {
            for style in all(&palette.styles()) {
                for color in [style.fg, style.bg].into_iter().flatten() {
                    assert!(
                        !matches!(color, Color::Rgb(..) | Color::Indexed(_)),
                        "{palette:?}: {color:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn selection_stands_out_in_every_palette() {
        for palette in [Palette::Dark, Palette::Light, Palette::Plain] {
            let s = palette.styles();
            assert!(s.selected.add_modifier.contains(Modifier::REVERSED));
            assert_ne!(s.selected_idle, Style::new(), "{palette:?}");
        }
    }
}
