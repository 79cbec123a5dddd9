//! The canonical writer: the same plan always gives the same bytes, optional
//! empty fields (and an empty archive, log or list of open conflicts) are left out, and one change
//! touches as few lines as it can.

use std::fmt::{self, Write};

use crate::plan::{
    Archived, ConflictField, HistoryEntry, Item, LogEntry, Logged, OpenConflict, Place, Plan,
    Project, Subtheme, Theme,
};

/// The canonical text of a plan.
pub fn to_ron(plan: &Plan) -> String {
    let mut w = Writer {
        out: String::with_capacity(plan.project_count() * 600 + 4096),
    };
    w.plan(plan);
    w.out
}

struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, depth: usize, args: fmt::Arguments) {
        for _ in 0..depth {
            self.out.push_str("    ");
        }
        let _ = self.out.write_fmt(args);
        self.out.push('\n');
    }

    fn string(&mut self, depth: usize, key: &str, value: &str) {
        for _ in 0..depth {
            self.out.push_str("    ");
        }
        self.out.push_str(key);
        self.out.push_str(": ");
        quote_into(&mut self.out, value);
        self.out.push_str(",\n");
    }

    fn optional(&mut self, depth: usize, key: &str, value: &str) {
        if !value.is_empty() {
            self.string(depth, key, value);
        }
    }

    fn plan(&mut self, plan: &Plan) {
        self.line(0, format_args!("("));
        self.string(1, "fund", &plan.fund);
        self.string(1, "title", &plan.title);
        self.line(1, format_args!("year: {},", plan.year));
        self.list(1, "themes", &plan.themes, Self::theme);
        if !plan.archive.is_empty() {
            self.list(1, "archive", &plan.archive, Self::archived);
        }
        if !plan.log.is_empty() {
            self.line(1, format_args!("log: ["));
            for e in &plan.log {
                self.line(2, format_args!("{},", log_entry(e)));
            }
            self.line(1, format_args!("],"));
        }
        if !plan.conflicts.is_empty() {
            self.line(1, format_args!("conflicts: ["));
            for c in &plan.conflicts {
                self.line(2, format_args!("{},", open_conflict(c)));
            }
            self.line(1, format_args!("],"));
        }
        self.line(0, format_args!(")"));
    }

    fn list<T>(&mut self, depth: usize, key: &str, items: &[T], each: fn(&mut Self, usize, &T)) {
        if items.is_empty() {
            self.line(depth, format_args!("{key}: [],"));
            return;
        }
        self.line(depth, format_args!("{key}: ["));
        for item in items {
            self.line(depth + 1, format_args!("("));
            each(self, depth + 2, item);
            self.line(depth + 1, format_args!("),"));
        }
        self.line(depth, format_args!("],"));
    }

    fn theme(&mut self, d: usize, theme: &Theme) {
        self.string(d, "id", &theme.id);
        self.string(d, "name", &theme.name);
        if theme.focus {
            self.line(d, format_args!("focus: true,"));
        }
        self.optional(d, "intro", &theme.intro);
        self.list(d, "subthemes", &theme.subthemes, Self::subtheme);
    }

    fn archived(&mut self, d: usize, a: &Archived) {
        self.string(d, "parent", &a.parent);
        self.line(d, format_args!("position: {},", a.position));
        let variant = match a.item.kind() {
            crate::plan::Kind::Project => "Project",
            crate::plan::Kind::Subtheme => "Subtheme",
            crate::plan::Kind::Theme => "Theme",
        };
        self.line(d, format_args!("item: {variant}(("));
        match &a.item {
            Item::Project(p) => self.project(d + 1, p),
            Item::Subtheme(s) => self.subtheme(d + 1, s),
            Item::Theme(t) => self.theme(d + 1, t),
        }
        self.line(d, format_args!(")),"));
    }

    fn subtheme(&mut self, d: usize, sub: &Subtheme) {
        self.string(d, "id", &sub.id);
        self.string(d, "name", &sub.name);
        self.optional(d, "intro", &sub.intro);
        self.list(d, "projects", &sub.projects, Self::project);
    }

    fn project(&mut self, d: usize, p: &Project) {
        self.string(d, "id", &p.id);
        self.string(d, "title", &p.title);
        self.optional(d, "details", &p.details);
        self.string(d, "owner", &p.owner);
        self.string(d, "notes", &p.notes);
        let status = p
            .status
            .0
            .iter()
            .map(|(year, s)| format!("{year}: {s}"))
            .collect::<Vec<_>>()
            .join(", ");
        self.line(d, format_args!("status: {{{status}}},"));
        if !p.history.is_empty() {
            self.line(d, format_args!("history: ["));
            for h in &p.history {
                self.line(d + 1, format_args!("{},", history_entry(h)));
            }
            self.line(d, format_args!("],"));
        }
    }
}

fn history_entry(h: &HistoryEntry) -> String {
    let name = |s: Option<crate::plan::Status>| s.map_or("None", |s| s.file_name());
    format!(
        "(at: {}, by: {}, year: {}, from: {}, to: {})",
        quote(&h.at.to_string()),
        quote(&h.by),
        h.year,
        name(h.from),
        name(h.to)
    )
}

/// A RON string literal: quotes, backslashes and control characters escaped,
/// everything else (accents, ’, emoji, right-to-left text) written as is.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    quote_into(&mut out, s);
    out
}

/// Appends [`quote`]`(s)` to `out`. Text with nothing to escape — nearly all of a
/// plan — is copied in one piece.
pub fn quote_into(out: &mut String, s: &str) {
    out.push('"');
    // Bytes below 0x20, DEL, `"`, `\` and 0xC2 (which starts the C1 controls) need a look.
    let plain = s
        .bytes()
        .all(|b| b >= 0x20 && !matches!(b, b'"' | b'\\' | 0x7F | 0xC2));
    if plain {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn place(p: &Place) -> String {
    format!("(parent: {}, position: {})", quote(&p.parent), p.position)
}

fn log_entry(e: &LogEntry) -> String {
    let change = match &e.change {
        Logged::Text {
            id,
            field,
            from,
            to,
        } => format!(
            "Text(id: {}, field: {field:?}, from: {}, to: {})",
            quote(id),
            quote(from),
            quote(to)
        ),
        Logged::Focus { id, from, to } => {
            format!("Focus(id: {}, from: {from}, to: {to})", quote(id))
        }
        Logged::Year { from, to } => format!("Year(from: {from}, to: {to})"),
        Logged::Added { kind, id, to } => {
            format!(
                "Added(kind: {kind:?}, id: {}, to: {})",
                quote(id),
                place(to)
            )
        }
        Logged::Removed { kind, id, from } => {
            format!(
                "Removed(kind: {kind:?}, id: {}, from: {})",
                quote(id),
                place(from)
            )
        }
        Logged::Moved { kind, id, from, to } => format!(
            "Moved(kind: {kind:?}, id: {}, from: {}, to: {})",
            quote(id),
            place(from),
            place(to)
        ),
        Logged::Archived { kind, id, from } => {
            format!(
                "Archived(kind: {kind:?}, id: {}, from: {})",
                quote(id),
                place(from)
            )
        }
        Logged::Restored { kind, id, to } => {
            format!(
                "Restored(kind: {kind:?}, id: {}, to: {})",
                quote(id),
                place(to)
            )
        }
    };
    format!(
        "(at: {}, by: {}, change: {change})",
        quote(&e.at.to_string()),
        quote(&e.by)
    )
}

fn maybe_place(p: Option<&Place>) -> String {
    p.map_or_else(|| "None".to_string(), |p| format!("Some({})", place(p)))
}

fn open_conflict(c: &OpenConflict) -> String {
    let status = |s: Option<crate::plan::Status>| s.map_or("None", |s| s.file_name());
    let field = match &c.field {
        ConflictField::Status {
            id,
            year,
            kept,
            other,
        } => format!(
            "Status(id: {}, year: {year}, kept: {}, other: {})",
            quote(id),
            status(*kept),
            status(*other)
        ),
        ConflictField::Text {
            id,
            field,
            kept,
            other,
        } => format!(
            "Text(id: {}, field: {field:?}, kept: {}, other: {})",
            quote(id),
            quote(kept),
            quote(other)
        ),
        ConflictField::Focus { id, kept, other } => {
            format!("Focus(id: {}, kept: {kept}, other: {other})", quote(id))
        }
        ConflictField::Year { kept, other } => format!("Year(kept: {kept}, other: {other})"),
        ConflictField::Place {
            kind,
            id,
            kept,
            other,
        } => format!(
            "Place(kind: {kind:?}, id: {}, kept: {}, other: {})",
            quote(id),
            maybe_place(kept.as_ref()),
            maybe_place(other.as_ref())
        ),
    };
    format!(
        "(at: {}, by: {}, field: {field})",
        quote(&c.at.to_string()),
        quote(&c.by)
    )
}
