//! What a plan remembers of its changes: each project's status history.

use serde::{Deserialize, Serialize};

use super::Status;
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
mod maybe_status {
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

    pub fn serialize<S: Serializer>(s: &Option<Status>, ser: S) -> Result<S::Ok, S::Error> {
        match s {
            Some(status) => ser.serialize_str(status.file_name()),
            None => ser.serialize_none(),
        }
    }
}
