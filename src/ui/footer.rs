//! The footer: messages (notices, save errors) above a line of key hints and
//! the save state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::{App, Mode, NoticeKind, SaveState};
use crate::keymap::{self, Action};

use super::fit::{truncate, width, wrap};
use super::palette::Styles;

/// Message lines at most; older notices give way.
const MAX_MESSAGE_LINES: usize = 3;

/// Rows the footer takes at a screen width: the messages and the hints.
pub fn height(app: &App, screen_width: u16) -> u16 {
    let messages = message_lines(app, screen_width).len();
    u16::try_from(messages + 1).unwrap_or(2)
}

pub fn render(app: &App, styles: &Styles, area: Rect, buf: &mut Buffer) {
    let mut lines: Vec<Line> = message_lines(app, area.width)
        .into_iter()
        .map(|(text, tone)| Line::styled(text, tone.style(styles)))
        .collect();
    let rows = usize::from(area.height).saturating_sub(1);
    if lines.len() > rows {
        lines.drain(..lines.len() - rows);
    }
    lines.resize(rows, Line::raw(""));
    lines.push(keys_line(app, area.width, styles));
    Paragraph::new(lines).render(area, buf);
}

/// How a message line is drawn.
#[derive(Debug, Clone, Copy)]
enum Tone {
    Info,
    Warning,
    Error,
    Dim,
}

impl Tone {
    fn style(self, styles: &Styles) -> Style {
        match self {
            Tone::Info => styles.info,
            Tone::Warning => styles.warning,
            Tone::Error => styles.error,
            Tone::Dim => styles.dim,
        }
    }
}

/// The messages, wrapped: what the app is waiting for, the notices, and the
/// last save error while it stands; when there are none, where the user is.
fn message_lines(app: &App, screen_width: u16) -> Vec<(String, Tone)> {
    let ui = app.lang().ui();
    let mut messages: Vec<(&str, Tone)> = Vec::new();
    if matches!(app.mode(), Mode::Quitting) {
        messages.push((ui.saving_before_quit, Tone::Info));
    }
    let waiting = app
        .waiting_for()
        .map(|holder| app.lang().waiting_for(holder, app.zone()));
    if let Some(waiting) = &waiting {
        messages.push((waiting, Tone::Info));
    }
    for notice in app.notices() {
        let style = match notice.kind {
            NoticeKind::Info => Tone::Info,
            NoticeKind::Warning => Tone::Warning,
        };
        messages.push((&notice.text, style));
    }
    let failed = match app.save_state() {
        SaveState::Failed(failure) => Some(app.lang().not_saved(failure, app.zone())),
        _ => None,
    };
    if let Some(error) = &failed {
        // The first line says what happened; details (like a file excerpt) stay out
        // of the footer.
        messages.push((error.lines().next().unwrap_or_default(), Tone::Error));
    }
    let mut lines: Vec<(String, Tone)> = messages
        .into_iter()
        .flat_map(|(text, style)| {
            wrap(text, screen_width)
                .into_iter()
                .map(move |l| (l, style))
        })
        .collect();
    lines.truncate(MAX_MESSAGE_LINES);
    if lines.is_empty() {
        lines.push((
            truncate(&breadcrumb(app), usize::from(screen_width)),
            Tone::Dim,
        ));
    }
    lines
}

/// "Theme › Sub-theme › Project" of the selection, in full: the panes cut long names.
fn breadcrumb(app: &App) -> String {
    let names = [
        app.theme().map(|t| t.name.as_str()),
        app.subtheme().map(|s| s.name.as_str()),
        app.selected_project().map(|(_, p)| p.title.as_str()),
    ];
    names.into_iter().flatten().collect::<Vec<_>>().join(" › ")
}

/// A key hint: the keys as shown and a short label.
struct Hint {
    keys: &'static str,
    label: &'static str,
}

impl Hint {
    fn width(&self) -> usize {
        width(self.keys) + 1 + width(self.label) + 2
    }
}

/// Key hints of the current mode on the left, the save state on the right.
/// Hints that do not fit are left out, except the help and quit hints: help
/// lists everything, and the way out is always in sight.
fn keys_line(app: &App, screen_width: u16, styles: &Styles) -> Line<'static> {
    let (state, state_style) = save_state(app, styles);
    let total = usize::from(screen_width);
    // Open conflicts come first, in their own style: "2 open conflicts (C) · Saved 14:02".
    let mut badge = super::open_conflicts::badge(app).unwrap_or_default();
    if !badge.is_empty() && !state.is_empty() {
        badge.push_str(" · ");
    }
    let state = truncate(&format!("{badge}{state}"), total / 2);
    let (help, others): (Vec<_>, Vec<_>) = (keymap::hints(app.context()).into_iter())
        .filter_map(|b| {
            let (keys, label) = b.hint?;
            Some((
                matches!(b.action, Action::Help | Action::Quit),
                Hint {
                    keys,
                    label: label(app.lang()),
                },
            ))
        })
        .partition(|(is_help, _)| *is_help);
    let help_width: usize = help.iter().map(|(_, h)| h.width()).sum();
    let mut room = total.saturating_sub(width(&state) + 1 + help_width);
    let mut shown = Vec::new();
    for (_, hint) in others {
        if hint.width() <= room {
            room -= hint.width();
            shown.push(hint);
        }
    }
    shown.extend(help.into_iter().map(|(_, h)| h));
    let used: usize = shown.iter().map(Hint::width).sum();
    let mut spans = Vec::new();
    for hint in shown {
        spans.push(Span::styled(hint.keys, styles.key));
        spans.push(Span::styled(format!(" {}  ", hint.label), styles.dim));
    }
    let gap = total.saturating_sub(used + width(&state));
    spans.push(Span::raw(" ".repeat(gap)));
    let (badge, state) = match state.strip_prefix(&badge) {
        Some(rest) => (badge.as_str(), rest),
        None => (state.as_str(), ""),
    };
    if !badge.is_empty() {
        spans.push(Span::styled(badge.to_string(), styles.warning));
    }
    spans.push(Span::styled(state.to_string(), state_style));
    Line::from(spans)
}

/// "Opgeslagen 14:02", "2 wijzigingen niet opgeslagen", or nothing.
fn save_state(app: &App, styles: &Styles) -> (String, Style) {
    let lang = app.lang();
    let pending = app.pending().len();
    match app.save_state() {
        SaveState::Failed(_) if pending > 0 => (lang.unsaved_count(pending), styles.error),
        _ if pending > 0 => (lang.unsaved_count(pending), styles.warning),
        SaveState::Saved(clock) => (format!("{} {clock}", lang.ui().saved), styles.saved),
        _ => (String::new(), styles.text),
    }
}
