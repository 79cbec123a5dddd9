//! The `?` help overlay, written from the keymap table itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use crate::i18n::Lang;
use crate::keymap::{self, Context};

use super::fit::width;
use super::layout::{centered, inner};
use super::palette::Styles;

/// The overlay's box on a screen.
fn area(screen: Rect) -> Rect {
    centered(
        screen,
        screen.width.saturating_sub(4).min(84),
        screen.height.saturating_sub(2),
    )
}

/// Every binding, grouped by context: a heading, then "keys  description" rows.
pub fn lines(lang: Lang, styles: &Styles) -> Vec<Line<'static>> {
    let keys_width = keymap::BINDINGS
        .iter()
        .map(|b| width(&b.keys_label()))
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for context in Context::ALL {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(context.title(lang), styles.bold));
        let typing = match context {
            Context::Search => Some(lang.keys().search_typing),
            Context::Move => Some(lang.arrange().move_typing),
            _ => None,
        };
        if let Some(typing) = typing {
            lines.push(Line::styled(format!("  {typing}"), styles.dim));
        }
        for binding in keymap::bindings(context) {
            let keys = binding.keys_label();
            let pad = " ".repeat(keys_width.saturating_sub(width(&keys)));
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, styles.key),
                Span::raw(format!("{pad}  ")),
                Span::styled((binding.describe)(lang), styles.text),
            ]));
        }
    }
    lines
}

/// Draws the help scrolled as far as asked, within the text; returns how far it
/// can scroll on this screen.
pub fn render(lang: Lang, styles: &Styles, scroll: u16, screen: Rect, buf: &mut Buffer) -> u16 {
    let area = area(screen);
    Clear.render(area, buf);
    let title = format!(" {} ", lang.ui().help_title);
    let footer = format!(" Esc: {} ", lang.keys().close);
    Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(styles.border_focused)
        .title(Line::styled(title, styles.title_focused))
        .title_bottom(Line::styled(footer, styles.dim))
        .render(area, buf);
    let lines = lines(lang, styles);
    let inner = inner(area);
    let max =
        u16::try_from(lines.len().saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    Paragraph::new(lines)
        .scroll((scroll.min(max), 0))
        .render(inner, buf);
    max
}
