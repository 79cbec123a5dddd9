//! The add and edit form, over the panes: a label column, the fields with
//! their messages under them, and the details (or intro) in a box of its own
//! that takes the rows left and scrolls with the cursor. Esc with typed text
//! asks first, in a small box over the form.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::app::{App, Form, FormError, FormField, FormProblem, FormTarget};
use crate::edit::Target;
use crate::plan::Kind;

use super::dialogs::dialog;
use super::fit::{truncate, width, wrap};
use super::layout::{Areas, centered, inner};
use super::lists::subtheme_letter;
use super::palette::Styles;

const MAX_WIDTH: u16 = 88;
/// Rows of text the details box shows at least, and (growing with its text)
/// at most when the screen has room.
const DETAILS_MIN: u16 = 3;
const DETAILS_MAX: u16 = 12;
/// A message under a field takes at most this many rows.
const MESSAGE_ROWS: usize = 2;
/// Before the focused field's label.
const MARKER: &str = "▸ ";

/// Where each part of the form goes.
struct Placed {
    area: Rect,
    /// Each field: its label's row, where its value goes, and the message rows under it.
    fields: Vec<(FormField, Rect, Vec<String>)>,
    /// The form's error, at the bottom.
    error: Option<(Rect, String)>,
    label_width: u16,
}

fn label(app: &App, form: &Form, field: FormField) -> String {
    let (t, project) = (app.lang().form(), form.target.kind() == Kind::Project);
    match field {
        FormField::Title if project => t.title.into(),
        FormField::Title => t.name.into(),
        FormField::Details if project => t.details.into(),
        FormField::Details => t.intro.into(),
        FormField::Owner => t.owner.into(),
        FormField::Status => app
            .lang()
            .form_status(form.status.map_or(app.year(), |s| s.year)),
    }
}

/// The message under a field: what is wrong with it, or a new item's id.
fn message(app: &App, form: &Form, field: FormField) -> Option<(String, bool)> {
    let lang = app.lang();
    let problem = form.input(field).and_then(|t| t.problem.as_ref());
    match (problem, field) {
        (Some(FormProblem::Empty), _) if form.target.kind() == Kind::Project => {
            Some((lang.form().empty_title.into(), true))
        }
        (Some(FormProblem::Empty), _) => Some((lang.form().empty_name.into(), true)),
        (Some(FormProblem::ChangedMeanwhile(theirs)), _) => {
            Some((lang.form_changed_meanwhile(theirs), true))
        }
        (None, FormField::Title) => {
            let id = match &form.target {
                FormTarget::Add { kind, .. } => {
                    let (id, taken) =
                        crate::app::new_id(app.plan(), *kind, &form.text(FormField::Title));
                    lang.form_new_id(&id, taken.as_deref())
                }
                FormTarget::Edit { id, .. } => lang.form_new_id(id, None),
            };
            Some((id, false))
        }
        _ => None,
    }
}

/// The form's title: what it adds to, or what it edits.
fn title(app: &App, form: &Form) -> String {
    let plan = app.plan();
    match &form.target {
        FormTarget::Add { kind, parent } => {
            let name = match kind {
                Kind::Theme => String::new(),
                Kind::Subtheme => Target::Theme(parent).title(plan),
                // "B. Name", lettered as in the sub-themes pane.
                Kind::Project => {
                    let letter = plan
                        .themes
                        .iter()
                        .find_map(|t| t.subthemes.iter().position(|s| s.id == *parent))
                        .map(subtheme_letter);
                    let name = Target::Subtheme(parent).title(plan);
                    letter.map_or(name.clone(), |l| format!("{l} {name}"))
                }
            };
            app.lang().form_title(*kind, true, &name)
        }
        FormTarget::Edit { kind, id } => {
            app.lang()
                .form_title(*kind, false, &Target::of(*kind, id).title(plan))
        }
    }
}

/// Lays the form out in the area over the panes.
fn place(app: &App, form: &Form, areas: &Areas) -> Placed {
    let bound = super::view_area(areas);
    let box_width = bound.width.min(MAX_WIDTH);
    let fields = form.fields();
    let labels: Vec<String> = fields.iter().map(|f| label(app, form, *f)).collect();
    let label_width = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let label_width = u16::try_from(label_width + width(MARKER)).unwrap_or(u16::MAX);
    // Inside the border: a space, the labels, two spaces, the values, a space.
    let value_width = box_width.saturating_sub(2 + 1 + label_width + 2 + 1).max(8);
    let messages: Vec<Vec<String>> = fields
        .iter()
        .map(|f| {
            message(app, form, *f).map_or_else(Vec::new, |(text, error)| {
                if !error {
                    // The id: one row.
                    return vec![truncate(&text, usize::from(value_width))];
                }
                let mut rows = wrap(&text, value_width);
                if rows.len() > MESSAGE_ROWS {
                    rows.truncate(MESSAGE_ROWS);
                    let last = rows.pop().unwrap_or_default();
                    rows.push(truncate(&format!("{last}…"), usize::from(value_width)));
                }
                rows
            })
        })
        .collect();
    let error = form.error.map(|e| match e {
        FormError::ParentGone => app.lang().form().parent_gone,
        FormError::ItemGone => app.lang().form().item_gone,
    });
    let error_rows = error.map_or(Vec::new(), |e| wrap(e, value_width + label_width + 2));
    // Rows of each field's value: the details take what is left.
    let rows_of = |f: FormField| -> u16 {
        let editor = form.input(f).map(|t| &t.editor);
        match f {
            FormField::Status => 1,
            FormField::Details => 0,
            _ => editor.map_or(1, |e| e.rows(value_width).clamp(1, 3)),
        }
    };
    let fixed: u16 = fields
        .iter()
        .zip(&messages)
        .map(|(f, m)| rows_of(*f) + u16::try_from(m.len()).unwrap_or(0))
        .sum::<u16>()
        + u16::try_from(error_rows.len()).unwrap_or(0);
    let has_details = fields.contains(&FormField::Details);
    // The border, the details box's border, and a blank row between fields
    // when there is room for them.
    let frame = 2 + if has_details { 2 } else { 0 };
    let gaps = u16::try_from(fields.len().saturating_sub(1)).unwrap_or(0);
    let room = bound.height.saturating_sub(fixed + frame);
    let gaps = if room >= gaps + DETAILS_MIN { gaps } else { 0 };
    let details_rows = if has_details {
        let wanted = form.input(FormField::Details).map_or(DETAILS_MIN, |t| {
            t.editor
                .rows(value_width.saturating_sub(2))
                .clamp(DETAILS_MIN, DETAILS_MAX)
        });
        wanted.min(room.saturating_sub(gaps)).max(1)
    } else {
        0
    };
    let height = (fixed + frame + gaps + details_rows).min(bound.height);
    let area = centered(bound, box_width, height);
    // Near the top, so that the form does not wander as its details grow.
    let area = Rect {
        y: bound.y + (bound.height - area.height).min(1),
        ..area
    };
    let inside = inner(area);
    let value_x = inside.x + 1 + label_width + 2;
    let mut y = inside.y;
    let bottom = inside.bottom();
    let mut placed = Vec::new();
    for (i, (field, rows)) in fields.iter().zip(messages).enumerate() {
        if i > 0 && gaps > 0 {
            y += 1;
        }
        let value_rows = match field {
            FormField::Details => details_rows + 2,
            f => rows_of(*f),
        };
        let value = Rect::new(value_x, y, value_width, value_rows).intersection(inside);
        y = (y + value_rows).min(bottom);
        let rows_shown = usize::from(bottom - y).min(rows.len());
        y += u16::try_from(rows_shown).unwrap_or(0);
        placed.push((*field, value, rows.into_iter().take(rows_shown).collect()));
    }
    let error = error.map(|_| {
        let rows = u16::try_from(error_rows.len()).unwrap_or(0);
        let rect = Rect::new(inside.x + 1, y, inside.width.saturating_sub(2), rows);
        (rect.intersection(inside), error_rows.join("\n"))
    });
    Placed {
        area,
        fields: placed,
        error,
        label_width,
    }
}

/// Where a text field's editor draws: inside the details box, or the value itself.
fn editor_rect(field: FormField, value: Rect) -> Rect {
    match field {
        FormField::Details => inner(value),
        _ => value,
    }
}

/// The terminal cursor in the focused text field; hidden on the status and
/// while asking.
pub fn cursor(form: &Form, app: &App, areas: &Areas) -> Option<Position> {
    if form.asking {
        return None;
    }
    let focused = form.focused();
    let input = form.input(focused)?;
    let placed = place(app, form, areas);
    let (_, value, _) = placed.fields.iter().find(|(f, _, _)| *f == focused)?;
    Some(input.editor.cursor_position(editor_rect(focused, *value)))
}

pub fn render(app: &App, styles: &Styles, form: &Form, areas: &Areas, buf: &mut Buffer) {
    let placed = place(app, form, areas);
    Clear.render(placed.area, buf);
    let box_title = truncate(
        &title(app, form),
        usize::from(placed.area.width.saturating_sub(4)),
    );
    dialog(box_title, styles).render(placed.area, buf);
    let inside = inner(placed.area);
    let focused = form.focused();
    for (field, value, rows) in &placed.fields {
        let is_focused = *field == focused;
        let (marker, style) = if is_focused {
            (MARKER, styles.title_focused)
        } else {
            ("", styles.text)
        };
        let text = format!("{marker}{}", label(app, form, *field));
        let text = format!("{text:>width$}", width = usize::from(placed.label_width));
        let label_y = if *field == FormField::Details {
            value.y + 1
        } else {
            value.y
        };
        if label_y < inside.bottom() {
            buf.set_string(
                inside.x + 1,
                label_y,
                truncate(&text, usize::from(placed.label_width)),
                style,
            );
        }
        render_value(app, styles, form, *field, *value, buf);
        let error = message(app, form, *field).is_some_and(|(_, e)| e);
        let message_style = if error { styles.error } else { styles.dim };
        for (i, row) in rows.iter().enumerate() {
            let y = value.bottom() + u16::try_from(i).unwrap_or(0);
            buf.set_string(value.x, y, row, message_style);
        }
    }
    if let Some((rect, text)) = placed.error {
        let lines: Vec<Line> = text
            .lines()
            .map(|l| Line::styled(l.to_string(), styles.error))
            .collect();
        Paragraph::new(lines).render(rect, buf);
    }
    if form.asking {
        render_question(app, styles, placed.area, buf);
    }
}

fn render_value(
    app: &App,
    styles: &Styles,
    form: &Form,
    field: FormField,
    value: Rect,
    buf: &mut Buffer,
) {
    let focused = field == form.focused();
    if field == FormField::Status {
        let Some(status) = form.status else {
            return;
        };
        let lang = app.lang();
        let shown = Line::from(vec![
            Span::styled("‹ ", styles.key),
            Span::styled(
                lang.status_or_none(status.chosen),
                styles.status(status.chosen),
            ),
            Span::styled(" ›", styles.key),
            Span::styled(format!("   {}", lang.form().status_keys), styles.dim),
        ]);
        Paragraph::new(shown).render(value, buf);
        return;
    }
    let Some(input) = form.input(field) else {
        return;
    };
    if field == FormField::Details {
        let border = if focused {
            styles.border_focused
        } else {
            styles.border
        };
        Block::bordered().border_style(border).render(value, buf);
        let text = inner(value);
        input.editor.render(text, buf);
        // Arrows on the border say there is more above or below.
        let total = input.editor.rows(text.width);
        let top = input.editor.scroll_top();
        let x = value.right().saturating_sub(3);
        if top > 0 {
            buf.set_string(x, value.y, "▲", styles.dim);
        }
        if top.saturating_add(text.height) < total {
            buf.set_string(x, value.bottom().saturating_sub(1), "▼", styles.dim);
        }
        return;
    }
    input.editor.render(value, buf);
    // One-line fields are underlined, so an empty one shows where it is.
    buf.set_style(value, Style::new().add_modifier(Modifier::UNDERLINED));
}

/// "Discard what you typed? y/n", in a small box over the form.
fn render_question(app: &App, styles: &Styles, over: Rect, buf: &mut Buffer) {
    let t = app.lang().form();
    let width = over.width.saturating_sub(4).min(48);
    let lines = wrap(t.discard_question, width.saturating_sub(2));
    let height = u16::try_from(lines.len()).unwrap_or(1).saturating_add(2);
    let area = centered(over, width, height);
    Clear.render(area, buf);
    dialog(t.discard_title.to_string(), styles)
        .border_style(styles.warning)
        .render(area, buf);
    let lines: Vec<Line> = lines.into_iter().map(Line::raw).collect();
    Paragraph::new(lines).render(inner(area), buf);
}
