//! Colleagues on the same plan: the "also open" line under the header, and the
//! mark on an item someone else has an editor open on. Names and ids come from
//! files colleagues write, so they are drawn through the fitting helpers, which
//! show control characters as placeholders.

use ratatui::text::{Line, Span};

use crate::app::{App, Peer};

use super::fit::{truncate, width, wrap};
use super::palette::Styles;

/// The mark of an item someone else has an editor open on: a glyph, so that it
/// shows without colour too.
pub const EDIT_MARK: &str = "✎";

/// The most cells of one name, and of one item id, in the line.
const MAX_NAME: usize = 20;
const MAX_ITEM: usize = 32;

/// How much of each colleague the line shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// "anna (✎ kwalen-kwartet)"
    Item,
    /// "anna ✎"
    Name,
}

/// The line under the header while other UIs are open on the plan, e.g.
/// "ook open: anna (✎ kwalen-kwartet), bert (werkplezier)", fitted to
/// `cells`: the items of those who only look go first, then those of the
/// editors (who keep their ✎), then the names that do not fit become "+N".
pub fn line(app: &App, styles: &Styles, cells: u16) -> Option<Line<'static>> {
    let peers = app.peers();
    if peers.is_empty() {
        return None;
    }
    let cells = usize::from(cells);
    let label = Span::styled(format!("{}: ", app.lang().also_open()), styles.bold);
    let room = cells.saturating_sub(width(&label.content));
    // Every item first; then the items of those who only look, from the last
    // one, then those of the editors, as long as the line is too wide.
    let mut details = vec![Detail::Item; peers.len()];
    let order = (0..peers.len())
        .rev()
        .filter(|&i| !peers[i].editing)
        .chain((0..peers.len()).rev().filter(|&i| peers[i].editing));
    for drop in std::iter::once(None).chain(order.map(Some)) {
        if let Some(i) = drop {
            details[i] = Detail::Name;
        }
        let entries: Vec<Vec<Span<'static>>> = peers
            .iter()
            .zip(&details)
            .map(|(p, &d)| entry(p, d, styles))
            .collect();
        let total: usize =
            entries.iter().map(|e| spans_width(e)).sum::<usize>() + 2 * (entries.len() - 1);
        if total <= room {
            return Some(joined(label, entries, None, styles));
        }
    }
    // Names only, as many as fit with "+N" for the rest.
    let entries: Vec<Vec<Span<'static>>> = peers
        .iter()
        .map(|p| entry(p, Detail::Name, styles))
        .collect();
    let mut used = 0;
    let mut shown = 0;
    for (i, e) in entries.iter().enumerate() {
        let rest = entries.len() - i - 1;
        let suffix = if rest > 0 {
            rest.to_string().len() + 2
        } else {
            0
        };
        let sep = if i > 0 { 2 } else { 0 };
        if used + sep + spans_width(e) + suffix > room {
            break;
        }
        used += sep + spans_width(e);
        shown += 1;
    }
    let hidden = entries.len() - shown;
    if shown == 0 {
        // Not even one name: cut the first.
        let suffix = if hidden > 1 {
            format!(" +{}", hidden - 1)
        } else {
            String::new()
        };
        let name = truncate(&peers[0].user, room.saturating_sub(width(&suffix)));
        let first = vec![Span::styled(name, styles.info)];
        return Some(joined(label, vec![first], Some(hidden - 1), styles));
    }
    let kept = entries.into_iter().take(shown).collect();
    Some(joined(label, kept, Some(hidden), styles))
}

/// One colleague as spans.
fn entry(peer: &Peer, detail: Detail, styles: &Styles) -> Vec<Span<'static>> {
    let mut spans = vec![Span::styled(truncate(&peer.user, MAX_NAME), styles.info)];
    match (detail, &peer.item) {
        (Detail::Item, Some(item)) => {
            spans.push(Span::styled(" (", styles.dim));
            if peer.editing {
                spans.push(Span::styled(format!("{EDIT_MARK} "), styles.warning));
            }
            spans.push(Span::styled(truncate(item, MAX_ITEM), styles.dim));
            spans.push(Span::styled(")", styles.dim));
        }
        (Detail::Name, Some(_)) if peer.editing => {
            spans.push(Span::styled(format!(" {EDIT_MARK}"), styles.warning));
        }
        _ => {}
    }
    spans
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// The label, the entries separated by commas, and "+N" when some are left out.
fn joined(
    label: Span<'static>,
    entries: Vec<Vec<Span<'static>>>,
    hidden: Option<usize>,
    styles: &Styles,
) -> Line<'static> {
    let mut spans = vec![label];
    for (i, entry) in entries.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(", "));
        }
        spans.extend(entry);
    }
    if let Some(n) = hidden.filter(|&n| n > 0) {
        spans.push(Span::styled(format!(" +{n}"), styles.dim));
    }
    Line::from(spans)
}

/// The mark before a row's right-hand column when someone else has an editor
/// open on the row's item; empty otherwise.
pub fn row_mark(app: &App, id: &str, styles: &Styles) -> Option<Span<'static>> {
    app.editors_of(id)
        .next()
        .map(|_| Span::styled(format!("{EDIT_MARK} "), styles.warning))
}

/// The lines above the details of an item others have an editor open on:
/// "✎ anna is editing this", wrapped to `cells`.
pub fn editors_lines(app: &App, styles: &Styles, cells: u16) -> Vec<Line<'static>> {
    let Some(id) = app.shown_item() else {
        return Vec::new();
    };
    let names: Vec<String> = app
        .editors_of(id)
        .map(|name| truncate(name, MAX_NAME))
        .collect();
    if names.is_empty() {
        return Vec::new();
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let text = format!("{EDIT_MARK} {}", app.lang().being_edited_by(&names));
    wrap(&text, cells)
        .into_iter()
        .map(|l| Line::styled(l, styles.warning))
        .collect()
}
