//! What a plan remembers of its changes: each project's status history, and
//! the plan's log of every other change.

use serde::{Deserialize, Serialize};

use super::{Kind, Place, Status};
use crate::timestamp::Timestamp;

/// One status change, as recorded in a project's history.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// When; in the file UTC, RFC 3339.
    #[serde(with = "crate::timestamp::rfc3339")]
    pub at: Timestamp,
    /// Who: the login name of the user who saved the change.
    pub by: String,
    /// The plan year whose status changed.
    pub year: u16,
    /// The status before; `None` when the year had none.
    #[serde(with = "maybe_status")]
    pub from: Option<Status>,
    /// The status after; `None` when the year's status was removed (an undone first status).
    #[serde(with = "maybe_status")]
    pub to: Option<Status>,
}

/// `from`/`to` are written `None` or a bare status name, never `Some(…)`.
pub(super) mod maybe_status {
    use super::Status;
    use serde::{Deserialize, Deserializer, Serializer};

    #[derive(Deserialize)]
    enum Maybe {
        Planned,
        InProgress,
        Done,
        OnHold,
        Cancelled,
        None,
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Status>, D::Error> {
        Ok(match Maybe::deserialize(d)? {
            Maybe::Planned => Some(Status::Planned),
            Maybe::InProgress => Some(Status::InProgress),
            Maybe::Done => Some(Status::Done),
            Maybe::OnHold => Some(Status::OnHold),
            Maybe::Cancelled => Some(Status::Cancelled),
            Maybe::None => None,
        })
    }

    /// A bare name (a unit variant, which RON writes as `Done` and JSON as
    /// `"Done"`), or none (`None` in RON, `null` in JSON): what `deserialize`
    /// reads back.
    pub fn serialize<S: Serializer>(s: &Option<Status>, ser: S) -> Result<S::Ok, S::Error> {
        let (index, name) = match s {
            Some(Status::Planned) => (0, "Planned"),
            Some(Status::InProgress) => (1, "InProgress"),
            Some(Status::Done) => (2, "Done"),
            Some(Status::OnHold) => (3, "OnHold"),
            Some(Status::Cancelled) => (4, "Cancelled"),
            None => return ser.serialize_none(),
        };
        ser.serialize_unit_variant("Maybe", index, name)
    }
}

/// One change other than a status, as recorded in the plan's log: who, when,
/// and what, naming items by id so that renames and moves never orphan it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    #[serde(with = "crate::timestamp::rfc3339")]
    pub at: Timestamp,
    pub by: String,
    pub change: Logged,
}

/// Which text of an item a [`Logged::Text`] change set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum TextKind {
    /// A project's or the plan's title.
    Title,
    /// A project's description.
    Details,
    Owner,
    Notes,
    /// A sub-theme's or theme's name.
    Name,
    /// A sub-theme's or theme's introduction.
    Intro,
    /// The plan's fund.
    Fund,
}

/// A recorded change. `id` is empty for the plan's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum Logged {
    Text {
        id: String,
        field: TextKind,
        from: String,
        to: String,
    },
    Focus {
        id: String,
        from: bool,
        to: bool,
    },
    Year {
        from: u16,
        to: u16,
    },
    Added {
        kind: Kind,
        id: String,
        to: Place,
    },
    /// An addition undone: the item is gone, not archived.
    Removed {
        kind: Kind,
        id: String,
        from: Place,
    },
    Moved {
        kind: Kind,
        id: String,
        from: Place,
        to: Place,
    },
    Archived {
        kind: Kind,
        id: String,
        from: Place,
    },
    Restored {
        kind: Kind,
        id: String,
        to: Place,
    },
}

impl Logged {
    /// The id of the item the change is about; empty for the plan.
    pub fn id(&self) -> &str {
        match self {
            Logged::Text { id, .. }
            | Logged::Focus { id, .. }
            | Logged::Added { id, .. }
            | Logged::Removed { id, .. }
            | Logged::Moved { id, .. }
            | Logged::Archived { id, .. }
            | Logged::Restored { id, .. } => id,
            Logged::Year { .. } => "",
        }
    }
}
