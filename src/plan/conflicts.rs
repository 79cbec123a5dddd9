//! Open conflicts: a field that two versions of the plan (two clones merged by
//! git) both changed, to different values. The plan keeps one value; the
//! other is remembered here until someone keeps the plan's value or takes the
//! other one.
//!
//! A conflict names its field the way the plan's log names a change: the
//! item by id (empty for the plan's own fields) and which of its fields, with
//! both values, so that taking the other value is an ordinary change.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::history::maybe_status;
use super::validate::{ConflictIssue, Issue};
use super::{Kind, Place, Plan, Problem, Status, TextKind, YEARS, text_owner};
use crate::timestamp::Timestamp;

/// A field both sides of a merge changed: the value the plan kept, and the
/// other one, with who set that and when.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OpenConflict {
    /// When the other value was set, as far as the history records it.
    #[serde(with = "crate::timestamp::rfc3339")]
    pub at: Timestamp,
    /// Who set the other value (their login name), when the history says.
    pub by: String,
    /// The field and its two values.
    pub field: ConflictField,
}

/// The field of an open conflict, and its two values: `kept` is what the
/// plan held when the conflict arose, `other` the value that lost.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum ConflictField {
    /// A project's status in one year.
    Status {
        id: String,
        year: u16,
        #[serde(with = "maybe_status")]
        kept: Option<Status>,
        #[serde(with = "maybe_status")]
        other: Option<Status>,
    },
    /// A text of an item (`id` empty for the plan's title and fund).
    Text {
        id: String,
        field: TextKind,
        kept: String,
        other: String,
    },
    /// A theme's focus flag.
    Focus { id: String, kept: bool, other: bool },
    /// The plan year.
    Year { kept: u16, other: u16 },
    /// Where an item sits; `None` when it is not in the live plan (archived).
    Place {
        kind: Kind,
        id: String,
        kept: Option<Place>,
        other: Option<Place>,
    },
}

impl ConflictField {
    /// The id of the item the field belongs to; empty for the plan.
    pub fn id(&self) -> &str {
        match self {
            ConflictField::Status { id, .. }
            | ConflictField::Text { id, .. }
            | ConflictField::Focus { id, .. }
            | ConflictField::Place { id, .. } => id,
            ConflictField::Year { .. } => "",
        }
    }

    /// The field's name in a key: `status:2026`, `title`, `focus`, `place`.
    fn name(&self) -> String {
        match self {
            ConflictField::Status { year, .. } => format!("status:{year}"),
            ConflictField::Text { field, .. } => format!("{field:?}").to_ascii_lowercase(),
            ConflictField::Focus { .. } => "focus".into(),
            ConflictField::Year { .. } => "year".into(),
            ConflictField::Place { .. } => "place".into(),
        }
    }
}

impl OpenConflict {
    /// The conflict's key, stable for scripts: the item's id and the field,
    /// `ID:status:YEAR`, `ID:title`, `ID:notes`, `ID:name`, `ID:focus`,
    /// `ID:place`, and `:title`, `:fund`, `:year` for the plan's own fields.
    /// A plan holds at most one open conflict per key.
    pub fn key(&self) -> String {
        format!("{}:{}", self.field.id(), self.field.name())
    }

    /// Whether `other` is the same conflict (the same field, the same other
    /// value, set at the same time by the same person), whatever value the
    /// plan kept.
    pub fn same(&self, other: &OpenConflict) -> bool {
        let mut a = self.clone();
        let mut b = other.clone();
        a.field.clear_kept();
        b.field.clear_kept();
        a == b
    }
}

impl ConflictField {
    fn clear_kept(&mut self) {
        match self {
            ConflictField::Status { kept, .. } => *kept = None,
            ConflictField::Text { kept, .. } => kept.clear(),
            ConflictField::Focus { kept, .. } => *kept = false,
            ConflictField::Year { kept, .. } => *kept = 0,
            ConflictField::Place { kept, .. } => *kept = None,
        }
    }
}

/// What is wrong with the plan's open conflicts: an unknown or malformed
/// item, a field the item does not have, a year out of range, a key given twice.
pub(super) fn problems(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, c) in plan.conflicts.iter().enumerate() {
        let n = i + 1;
        let key = c.key();
        let mut push = |why: ConflictIssue| {
            out.push(Problem {
                path: format!("conflicts › {n}"),
                issue: Issue::Conflict {
                    key: key.clone(),
                    why,
                },
            });
        };
        if let Some(first) = seen.insert(key.clone(), n) {
            push(ConflictIssue::SameFieldAs(first));
        }
        if let Some(message) = field_problem(plan, &c.field) {
            push(message);
        }
    }
    out
}

/// Why the field names nothing the plan has, if it does not.
fn field_problem(plan: &Plan, field: &ConflictField) -> Option<ConflictIssue> {
    let id = field.id();
    let wanted: &[Kind] = match field {
        ConflictField::Status { year, .. } if !YEARS.contains(year) => {
            return Some(ConflictIssue::YearOutside(*year));
        }
        ConflictField::Year { kept, other } => {
            return [kept, other]
                .into_iter()
                .find(|y| !YEARS.contains(y))
                .map(|y| ConflictIssue::YearOutside(*y));
        }
        ConflictField::Text {
            field: TextKind::Title,
            ..
        } if id.is_empty() => return None,
        ConflictField::Text {
            field: TextKind::Fund,
            ..
        } => {
            return (!id.is_empty()).then_some(ConflictIssue::FundHasId);
        }
        ConflictField::Status { .. } => &[Kind::Project],
        ConflictField::Text { field, .. } => match text_owner(plan, id, *field) {
            Some(Kind::Project) => &[Kind::Project],
            _ => &[Kind::Subtheme, Kind::Theme],
        },
        ConflictField::Focus { .. } => &[Kind::Theme],
        ConflictField::Place { kind, .. } => std::slice::from_ref(kind),
    };
    match plan.kind_of(id) {
        Some(kind) if wanted.contains(&kind) => None,
        Some(kind) => Some(ConflictIssue::WrongKind {
            id: id.to_string(),
            kind,
        }),
        None => Some(ConflictIssue::NoSuchItem(id.to_string())),
    }
}
