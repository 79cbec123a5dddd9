//! The recent-changes view (`c`): every recorded change, newest first, in two
//! lines: when, who and the item it is about; then what changed (for a status
//! the plan year and the step from one status to the other) and where the item
//! is now. `f` shows one kind of change at a time; `n` every recorded change
//! or, as it opens, the net changes ([`crate::changes::net`]), where a line
//! that stands for several changes says how many.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, ListItem, ListState, Widget};

use crate::app::{App, ChangeRef, ChangesState, NetLine};
use crate::plan::{ChangeKind, Kind, Status};
use crate::timestamp::Timestamp;

use super::fit::{truncate, width};
use super::layout::{Areas, inner};
use super::palette::Styles;
use super::scroll::{follow, render_list, view_frame};
use super::view_area;

const LINES_PER_CHANGE: u16 = 2;
/// "29 nov 2026 15:02", the longest a time is usually shown in.
const WHEN_WIDTH: usize = 17;
/// "25 okt 2026 02:30 CEST": in the hour that comes twice, with its zone.
const WHEN_MAX: usize = 24;
const GAP: usize = 2;
/// Longer login names are cut, so the projects keep their room.
const WHO_MAX: usize = 16;

/// How many changes fit on screen (and archived items, in the archive view).
pub(crate) fn rows_shown(areas: &Areas) -> usize {
    usize::from(inner(view_area(areas)).height / LINES_PER_CHANGE)
}

/// Draws the changes on screen as a list of two-line items; `state` keeps the
/// list's offset between frames.
pub fn render(
    (app, styles): (&App, &Styles),
    changes: &ChangesState,
    areas: &Areas,
    buf: &mut Buffer,
    state: &mut ListState,
) {
    let area = view_area(areas);
    let (selected, len, shown) = (changes.selected, changes.changes.len(), rows_shown(areas));
    Clear.render(area, buf);
    frame(app, changes, styles).render(area, buf);
    let inner = inner(area);
    let rows = follow(state, (len > 0).then_some(selected), len, shown);
    if len == 0 {
        let texts = app.lang().arrange();
        let empty = match changes.filter {
            None => texts.no_changes,
            Some(_) => texts.no_changes_of_kind,
        };
        let empty = truncate(empty, usize::from(inner.width));
        buf.set_string(inner.x, inner.y, empty, styles.dim);
        return;
    }
    let visible: Vec<Change> = rows
        .clone()
        .filter_map(|i| Change::find(app, changes.changes.get(i)?))
        .collect();
    let who = visible
        .iter()
        .map(|c| width(c.by))
        .max()
        .unwrap_or(0)
        .min(WHO_MAX);
    let when = (visible.iter().map(|c| width(&c.when)))
        .max()
        .unwrap_or(0)
        .clamp(WHEN_WIDTH, WHEN_MAX);
    let room = usize::from(inner.width);
    let items: Vec<ListItem> = visible
        .iter()
        .map(|change| {
            ListItem::new(Text::from(vec![
                change.first_line((when, who), room, styles),
                change.second_line(app, (when, room), styles),
            ]))
        })
        .collect();
    let frame = (area, inner);
    render_list(
        items,
        frame,
        (len, LINES_PER_CHANGE),
        (state, &rows),
        styles,
        buf,
    );
}

fn frame<'a>(app: &App, changes: &ChangesState, styles: &Styles) -> Block<'a> {
    let (selected, len) = (changes.selected, changes.changes.len());
    let lang = app.lang();
    let shown = match changes.all {
        true => lang.tables().every_change,
        false => lang.tables().net_changes,
    };
    let title = format!(" {} · {shown} ", lang.changes_title(changes.filter));
    view_frame(title, (len > 0).then_some((selected, len)), styles)
}

/// "vandaag 15:02", "gisteren 15:02" or "29 nov 2026 15:02": the local time
/// to the minute, the day in words when it is today or yesterday.
pub(super) fn when(app: &App, at: Timestamp) -> String {
    app.lang().date_time_near(at, app.key_time(), app.zone())
}

/// Text cut to `cells` columns and padded to them.
fn padded(text: &str, cells: usize) -> String {
    let text = truncate(text, cells);
    let pad = " ".repeat(cells.saturating_sub(width(&text)));
    format!("{text}{pad}")
}

/// One change with the plan text it shows.
struct Change<'a> {
    /// When, as shown: see [`when`].
    when: String,
    by: &'a str,
    /// "Thema: " before a theme's name, nothing before a project's title.
    label: String,
    title: String,
    what: What,
    /// Where the item is now: "Thema › Subthema", or in the archive.
    crumb: String,
    /// How many recorded changes this one stands for.
    steps: usize,
}

/// What changed.
enum What {
    /// The year, and the statuses before and after.
    Status(u16, Option<Status>, Option<Status>),
    Other(String),
}

impl<'a> Change<'a> {
    fn find(app: &'a App, change: &ChangeRef) -> Option<Change<'a>> {
        let plan = app.plan();
        let lang = app.lang();
        let recorded = plan.record(&change.key)?;
        let line = NetLine {
            first: plan.record(&change.first).unwrap_or(recorded),
            last: recorded,
            steps: change.steps,
        };
        let (kind, title) = lang.recorded_subject(plan, &recorded);
        let label = match kind {
            Some(Kind::Project) => String::new(),
            Some(kind) => format!("{}: ", lang.kind_name(kind)),
            None => format!("{}: ", lang.arrange().plan),
        };
        let what = match (line.status(), line.logged()) {
            (Some((year, from, to)), _) => What::Status(year, from, to),
            (None, Some(logged)) => What::Other(lang.describe_logged(plan, &logged)),
            (None, None) => What::Other(lang.describe_recorded(plan, &recorded)),
        };
        // A structural change names its places itself.
        let crumb = match kind {
            Some(kind) if recorded.kind() != ChangeKind::Structure => {
                where_now(app, kind, recorded.id())
            }
            _ => String::new(),
        };
        Some(Change {
            when: when(app, change.at),
            by: recorded.by(),
            label,
            title,
            what,
            crumb,
            steps: change.steps,
        })
    }

    /// "     vandaag 15:02  ingrid  Project title", the times right-aligned.
    fn first_line(
        &self,
        (when_width, who): (usize, usize),
        room: usize,
        styles: &Styles,
    ) -> Line<'static> {
        let used = when_width + GAP + who + GAP;
        let label = truncate(&self.label, room.saturating_sub(used));
        let used = used + width(&label);
        let when = truncate(&self.when, when_width);
        Line::from(vec![
            Span::raw(" ".repeat(when_width.saturating_sub(width(&when)))),
            Span::styled(when, styles.text),
            Span::raw(" ".repeat(GAP)),
            Span::styled(padded(self.by, who), styles.text),
            Span::raw(" ".repeat(GAP)),
            Span::styled(label, styles.dim),
            Span::styled(
                truncate(&self.title, room.saturating_sub(used)),
                styles.bold,
            ),
        ])
    }

    /// "2026: Gepland → Lopend  Theme › Sub-theme" or "titel: “A” → “B”",
    /// under who made the change.
    fn second_line(
        &self,
        app: &App,
        (when_width, room): (usize, usize),
        styles: &Styles,
    ) -> Line<'static> {
        let indent = when_width + GAP;
        let lang = app.lang();
        let mut step = match &self.what {
            &What::Status(year, from, to) => {
                vec![
                    (format!("{year}: "), styles.text),
                    (lang.status_or_none(from).to_string(), styles.status(from)),
                    (" → ".to_string(), styles.text),
                    (lang.status_or_none(to).to_string(), styles.status(to)),
                ]
            }
            What::Other(text) => vec![(text.clone(), styles.text)],
        };
        if self.steps > 1 {
            step.push((format!(" ({})", lang.steps(self.steps)), styles.dim));
        }
        let mut spans = vec![Span::raw(" ".repeat(indent))];
        let mut used = indent;
        for (text, style) in step {
            let text = truncate(&text, room.saturating_sub(used));
            used += width(&text);
            spans.push(Span::styled(text, style));
        }
        let crumb = truncate(&self.crumb, room.saturating_sub(used + GAP));
        if !crumb.is_empty() {
            spans.push(Span::raw(" ".repeat(GAP)));
            spans.push(Span::styled(crumb, styles.dim));
        }
        Line::from(spans)
    }
}

/// Where the item `id` of `kind` is now: its parents' names, or "in the
/// archive" when it is archived.
fn where_now(app: &App, kind: Kind, id: &str) -> String {
    let plan = app.plan();
    if plan.is_archived(id) {
        return app.lang().arrange().in_archive.to_string();
    }
    let mut path = plan.path_of(kind, id);
    path.pop();
    path.join(" › ")
}
