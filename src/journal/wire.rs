//! The journal's file format, versioned and independent of the in-memory edit
//! types. Version 2 (written) stores typed changes; version 1 (read only) stored
//! a project's field with untyped before and after values.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod conflict;

use crate::edit::{Change, Edit, TextField, Unsaved};
use crate::i18n::JournalDamage;
use crate::plan::{Item, Kind, OpenConflict, Place, Status};
use crate::timestamp::Timestamp;
use conflict::FieldV2;

/// The entry as the text of a version 2 file.
pub(super) fn encode(plan: &Path, entry: &Unsaved) -> Result<String, ron::Error> {
    let file = FileV2 {
        version: 2,
        plan: plan.to_path_buf(),
        edits: entry.edits.iter().map(EditV2::from).collect(),
        input: entry.input.as_ref().map(|(field, text)| InputV2 {
            field: TextFieldV2::from(field),
            text: text.clone(),
        }),
    };
    ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
}

/// The plan path and entry of a version 1 or 2 file.
pub(super) fn decode(text: &str) -> Result<(PathBuf, Unsaved), JournalDamage> {
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    let ron = |e: ron::error::SpannedError| super::damage_at(crate::codec::ron_error(&e));
    let Version { version } = ron::from_str(text).map_err(ron)?;
    match version {
        1 => {
            let file: FileV1 = ron::from_str(text).map_err(ron)?;
            Ok((file.plan.clone(), file.into_entry()?))
        }
        2 => {
            let file: FileV2 = ron::from_str(text).map_err(ron)?;
            let entry = Unsaved {
                edits: file.edits.into_iter().map(EditV2::into_edit).collect(),
                input: file.input.map(|i| (i.field.into_field(), i.text)),
            };
            Ok((file.plan, entry))
        }
        v => Err(JournalDamage::UnknownVersion(v)),
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileV2 {
    version: u32,
    plan: PathBuf,
    edits: Vec<EditV2>,
    input: Option<InputV2>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EditV2 {
    change: ChangeV2,
    at: i64,
    by: String,
}

#[derive(Debug, Serialize, Deserialize)]
enum ChangeV2 {
    Status {
        project: String,
        year: u16,
        from: Option<Status>,
        to: Option<Status>,
    },
    Text {
        field: TextFieldV2,
        from: String,
        to: String,
    },
    Focus {
        theme: String,
        from: bool,
        to: bool,
    },
    PlanYear {
        from: u16,
        to: u16,
    },
    // Structural changes; the items and places are the plan file's own types.
    Add {
        item: Item,
        to: Place,
    },
    Remove {
        item: Item,
        from: Place,
    },
    Move {
        kind: Kind,
        id: String,
        from: Place,
        to: Place,
    },
    Archive {
        kind: Kind,
        id: String,
        from: Place,
    },
    Restore {
        kind: Kind,
        id: String,
        to: Place,
    },
    /// An open conflict settled or opened again.
    Conflict {
        on: FieldV2,
        conflict: OpenConflict,
        from: bool,
        to: bool,
    },
}

#[derive(Debug, Serialize, Deserialize)]
enum TextFieldV2 {
    Owner(String),
    Notes(String),
    Title(String),
    Details(String),
    SubthemeName(String),
    SubthemeIntro(String),
    ThemeName(String),
    ThemeIntro(String),
    PlanFund,
    PlanTitle,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct InputV2 {
    field: TextFieldV2,
    text: String,
}

impl EditV2 {
    fn from(edit: &Edit) -> EditV2 {
        let change = match &edit.change {
            Change::Status {
                project,
                year,
                from,
                to,
            } => ChangeV2::Status {
                project: project.clone(),
                year: *year,
                from: *from,
                to: *to,
            },
            Change::Text { field, from, to } => ChangeV2::Text {
                field: TextFieldV2::from(field),
                from: from.clone(),
                to: to.clone(),
            },
            Change::Focus { theme, from, to } => ChangeV2::Focus {
                theme: theme.clone(),
                from: *from,
                to: *to,
            },
            Change::PlanYear { from, to } => ChangeV2::PlanYear {
                from: *from,
                to: *to,
            },
            Change::Add { item, to } => ChangeV2::Add {
                item: (**item).clone(),
                to: to.clone(),
            },
            Change::Remove { item, from } => ChangeV2::Remove {
                item: (**item).clone(),
                from: from.clone(),
            },
            Change::Move { kind, id, from, to } => ChangeV2::Move {
                kind: *kind,
                id: id.clone(),
                from: from.clone(),
                to: to.clone(),
            },
            Change::Archive { kind, id, from } => ChangeV2::Archive {
                kind: *kind,
                id: id.clone(),
                from: from.clone(),
            },
            Change::Restore { kind, id, to } => ChangeV2::Restore {
                kind: *kind,
                id: id.clone(),
                to: to.clone(),
            },
            Change::Conflict {
                on,
                conflict,
                from,
                to,
            } => ChangeV2::Conflict {
                on: FieldV2::from(on),
                conflict: (**conflict).clone(),
                from: *from,
                to: *to,
            },
        };
        EditV2 {
            change,
            at: edit.at.0,
            by: edit.by.clone(),
        }
    }

    fn into_edit(self) -> Edit {
        let change = match self.change {
            ChangeV2::Status {
                project,
                year,
                from,
                to,
            } => Change::Status {
                project,
                year,
                from,
                to,
            },
            ChangeV2::Text { field, from, to } => Change::Text {
                field: field.into_field(),
                from,
                to,
            },
            ChangeV2::Focus { theme, from, to } => Change::Focus { theme, from, to },
            ChangeV2::PlanYear { from, to } => Change::PlanYear { from, to },
            ChangeV2::Add { item, to } => Change::Add {
                item: Box::new(item),
                to,
            },
            ChangeV2::Remove { item, from } => Change::Remove {
                item: Box::new(item),
                from,
            },
            ChangeV2::Move { kind, id, from, to } => Change::Move { kind, id, from, to },
            ChangeV2::Archive { kind, id, from } => Change::Archive { kind, id, from },
            ChangeV2::Restore { kind, id, to } => Change::Restore { kind, id, to },
            ChangeV2::Conflict {
                on,
                conflict,
                from,
                to,
            } => Change::Conflict {
                on: on.into_field(),
                conflict: Box::new(conflict),
                from,
                to,
            },
        };
        Edit {
            change,
            at: Timestamp(self.at),
            by: self.by,
        }
    }
}

impl TextFieldV2 {
    fn from(field: &TextField) -> TextFieldV2 {
        match field.clone() {
            TextField::Owner(id) => TextFieldV2::Owner(id),
            TextField::Notes(id) => TextFieldV2::Notes(id),
            TextField::Title(id) => TextFieldV2::Title(id),
            TextField::Details(id) => TextFieldV2::Details(id),
            TextField::SubthemeName(id) => TextFieldV2::SubthemeName(id),
            TextField::SubthemeIntro(id) => TextFieldV2::SubthemeIntro(id),
            TextField::ThemeName(id) => TextFieldV2::ThemeName(id),
            TextField::ThemeIntro(id) => TextFieldV2::ThemeIntro(id),
            TextField::PlanFund => TextFieldV2::PlanFund,
            TextField::PlanTitle => TextFieldV2::PlanTitle,
        }
    }

    fn into_field(self) -> TextField {
        match self {
            TextFieldV2::Owner(id) => TextField::Owner(id),
            TextFieldV2::Notes(id) => TextField::Notes(id),
            TextFieldV2::Title(id) => TextField::Title(id),
            TextFieldV2::Details(id) => TextField::Details(id),
            TextFieldV2::SubthemeName(id) => TextField::SubthemeName(id),
            TextFieldV2::SubthemeIntro(id) => TextField::SubthemeIntro(id),
            TextFieldV2::ThemeName(id) => TextField::ThemeName(id),
            TextFieldV2::ThemeIntro(id) => TextField::ThemeIntro(id),
            TextFieldV2::PlanFund => TextField::PlanFund,
            TextFieldV2::PlanTitle => TextField::PlanTitle,
        }
    }
}

/// Version 1: a project's status, owner or notes, with untyped values.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileV1 {
    #[allow(dead_code)]
    version: u32,
    plan: PathBuf,
    edits: Vec<EditV1>,
    input: Option<InputV1>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EditV1 {
    project: String,
    field: FieldV1,
    before: ValueV1,
    after: ValueV1,
    at: i64,
    by: String,
}

#[derive(Debug, Deserialize)]
enum FieldV1 {
    Status(u16),
    Owner,
    Notes,
}

#[derive(Debug, Deserialize)]
enum ValueV1 {
    Status(Option<Status>),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InputV1 {
    project: String,
    field: FieldV1,
    text: String,
}

impl FieldV1 {
    /// The text field, or `None` for a status.
    fn text_field(self, project: String) -> Option<TextField> {
        match self {
            FieldV1::Status(_) => None,
            FieldV1::Owner => Some(TextField::Owner(project)),
            FieldV1::Notes => Some(TextField::Notes(project)),
        }
    }
}

impl FileV1 {
    fn into_entry(self) -> Result<Unsaved, JournalDamage> {
        let mut edits = Vec::with_capacity(self.edits.len());
        for e in self.edits {
            let change = match (e.field, e.before, e.after) {
                (FieldV1::Status(year), ValueV1::Status(from), ValueV1::Status(to)) => {
                    Change::Status {
                        project: e.project,
                        year,
                        from,
                        to,
                    }
                }
                (field, ValueV1::Text(from), ValueV1::Text(to)) => {
                    let mixed = JournalDamage::MixedKinds {
                        project: e.project.clone(),
                    };
                    let field = field.text_field(e.project).ok_or(mixed)?;
                    Change::Text { field, from, to }
                }
                _ => return Err(JournalDamage::MixedKinds { project: e.project }),
            };
            edits.push(Edit {
                change,
                at: Timestamp(e.at),
                by: e.by,
            });
        }
        // Typed text for a status was never written; were it there, it would be
        // nothing to offer back (as version 1 readers did), not a damaged journal.
        let input = self
            .input
            .and_then(|i| Some((i.field.text_field(i.project)?, i.text)));
        Ok(Unsaved { edits, input })
    }
}
