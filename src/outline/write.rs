//! Writing themes as an outline that reads back the same.

use super::text::{escape, render};
use crate::plan::{Status, Theme, YearStatus};

/// The outline of `themes`, with each project's status in `year`.
///
/// Every theme, sub-theme and project gets its `{#id}`; a project whose
/// status in `year` is not Planned gets `status=…` (`status=none` when it has
/// none). [`super::parse`] with the same `year` gives back [`carried`].
pub fn to_outline(themes: &[Theme], year: u16) -> String {
    let mut out = String::with_capacity(4096);
    for theme in themes {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str("# ");
        title(&mut out, &theme.name);
        if theme.focus {
            out.push_str(" *");
        }
        attributes(&mut out, &theme.id, None);
        body(&mut out, &theme.intro, "");
        for sub in &theme.subthemes {
            out.push_str("\n## ");
            title(&mut out, &sub.name);
            attributes(&mut out, &sub.id, None);
            body(&mut out, &sub.intro, "");
            for project in &sub.projects {
                out.push_str("\n- ");
                title(&mut out, &project.title);
                let status = match project.status_in(year) {
                    Some(Status::Planned) => None,
                    Some(s) => Some(s.file_name()),
                    None => Some("none"),
                };
                attributes(&mut out, &project.id, status);
                body(&mut out, &project.details, "  ");
            }
        }
    }
    out
}

/// What an outline keeps of `themes`: everything but the projects' owner,
/// notes and history, and their status in years other than `year`.
pub fn carried(themes: &[Theme], year: u16) -> Vec<Theme> {
    let mut themes = themes.to_vec();
    for project in themes
        .iter_mut()
        .flat_map(|t| &mut t.subthemes)
        .flat_map(|s| &mut s.projects)
    {
        project.owner.clear();
        project.notes.clear();
        project.history.clear();
        let kept = project.status_in(year);
        project.status = YearStatus::default();
        if let Some(s) = kept {
            project.status.0.insert(year, s);
        }
    }
    themes
}

fn title(out: &mut String, text: &str) {
    render(&escape(text, true), out);
}

/// ` {#id}` or ` {#id status=…}`, and the end of the line.
fn attributes(out: &mut String, id: &str, status: Option<&str>) {
    out.push_str(" {#");
    out.push_str(id);
    if let Some(s) = status {
        out.push_str(" status=");
        out.push_str(s);
    }
    out.push_str("}\n");
}

/// A blank line and `text`, each line after `indent`. Blank lines inside the
/// text are written as blank lines; line breaks at either end, which reading
/// would drop, are written `&#xA;` on the first or last line.
fn body(out: &mut String, text: &str, indent: &str) {
    if text.is_empty() {
        return;
    }
    out.push('\n');
    let inner = text.trim_matches('\n');
    let lead = text.len() - text.trim_start_matches('\n').len();
    let lines: Vec<String> = if inner.is_empty() {
        vec![text.to_string()]
    } else {
        let trail = text.len() - lead - inner.len();
        let mut lines: Vec<String> = inner.split('\n').map(str::to_string).collect();
        lines[0].insert_str(0, &"\n".repeat(lead));
        lines
            .last_mut()
            .expect("one line")
            .push_str(&"\n".repeat(trail));
        lines
    };
    for line in lines {
        if !line.is_empty() {
            out.push_str(indent);
            render(&escape(&line, false), out);
        }
        out.push('\n');
    }
}
