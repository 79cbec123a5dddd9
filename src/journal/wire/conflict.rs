//! The journal's form of an open conflict settled or opened again: the field
//! it is on, named as edits name fields.

use serde::{Deserialize, Serialize};

use super::TextFieldV2;
use crate::edit::Field;
use crate::plan::Kind;

#[derive(Debug, Serialize, Deserialize)]
pub(super) enum FieldV2 {
    Status { project: String, year: u16 },
    Text(TextFieldV2),
    Focus { theme: String },
    PlanYear,
    Place { kind: Kind, id: String },
    Conflict(Box<FieldV2>),
}

impl FieldV2 {
    pub(super) fn from(field: &Field) -> FieldV2 {
        match field {
            Field::Status { project, year } => FieldV2::Status {
                project: project.clone(),
                year: *year,
            },
            Field::Text(field) => FieldV2::Text(TextFieldV2::from(field)),
            Field::Focus { theme } => FieldV2::Focus {
                theme: theme.clone(),
            },
            Field::PlanYear => FieldV2::PlanYear,
            Field::Place { kind, id } => FieldV2::Place {
                kind: *kind,
                id: id.clone(),
            },
            Field::Conflict(on) => FieldV2::Conflict(Box::new(FieldV2::from(on))),
        }
    }

    pub(super) fn into_field(self) -> Field {
        match self {
            FieldV2::Status { project, year } => Field::Status { project, year },
            FieldV2::Text(field) => Field::Text(field.into_field()),
            FieldV2::Focus { theme } => Field::Focus { theme },
            FieldV2::PlanYear => Field::PlanYear,
            FieldV2::Place { kind, id } => Field::Place { kind, id },
            FieldV2::Conflict(on) => Field::Conflict(Box::new(on.into_field())),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::{decode, encode};
    use crate::edit::{Change, Edit, Unsaved};
    use crate::plan::{ConflictField, OpenConflict, Status};
    use crate::timestamp::Timestamp;

    #[test]
    fn a_settled_conflict_survives_the_journal() {
        let plan = crate::codec::parse(crate::storage::BUNDLED_PLAN).unwrap();
        let mut plan = plan;
        let conflict = OpenConflict {
            at: Timestamp(1_790_000_000),
            by: "bert".into(),
            field: ConflictField::Status {
                id: "programma-loyale-tegenspraak".into(),
                year: 2026,
                kept: None,
                other: Some(Status::Planned),
            },
        };
        plan.conflicts.push(conflict.clone());
        let keep = Change::settle(&plan, &conflict).expect("the item exists");
        let entry = Unsaved {
            edits: vec![Edit::new(keep.clone(), Timestamp(1_790_000_100), "anna")],
            input: None,
        };
        let text = encode(Path::new("/srv/plan.ron"), &entry).unwrap();
        let (path, back) = decode(&text).unwrap_or_else(|e| panic!("{e:?}: {text}"));
        assert_eq!(path, Path::new("/srv/plan.ron"));
        assert_eq!(back, entry);
        assert_eq!(back.edits[0].change.inverse().inverse(), keep);
        // And the other way round: a status kept, none the other.
        let mut entry = entry;
        if let Change::Conflict { conflict, .. } = &mut entry.edits[0].change
            && let ConflictField::Status { kept, other, .. } = &mut conflict.field
        {
            std::mem::swap(kept, other);
        }
        let text = encode(Path::new("/srv/plan.ron"), &entry).unwrap();
        assert_eq!(decode(&text).unwrap().1, entry);
    }
}
