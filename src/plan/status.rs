//! A project's status per plan year, and the names it goes by.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// A project's status for one plan year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Status {
    Planned,
    InProgress,
    Done,
    OnHold,
    Cancelled,
}

impl Status {
    /// All statuses in picker order (1–5).
    pub const ALL: [Status; 5] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::OnHold,
        Status::Cancelled,
    ];

    /// The name used in plan files.
    pub fn file_name(self) -> &'static str {
        match self {
            Status::Planned => "Planned",
            Status::InProgress => "InProgress",
            Status::Done => "Done",
            Status::OnHold => "OnHold",
            Status::Cancelled => "Cancelled",
        }
    }

    /// Open work carries over to the next plan year.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress | Status::OnHold)
    }

    /// Parses the file name or a Dutch or English label, ignoring case, spaces, `-` and `_`.
    pub fn parse(input: &str) -> Option<Status> {
        let key = normalize_status(input);
        Status::ALL.into_iter().find(|s| {
            status_names(*s)
                .iter()
                .any(|name| normalize_status(name) == key)
        })
    }

    /// Every name this status goes by (file name, Dutch and English labels).
    pub fn names(self) -> &'static [&'static str] {
        status_names(self)
    }

    /// The status name closest to a mistyped one, for "did you mean" hints;
    /// none when no name is close (a third of its letters wrong at most).
    pub fn suggest(input: &str) -> Option<&'static str> {
        let key = normalize_status(input);
        let (distance, name) = Status::ALL
            .iter()
            .flat_map(|s| status_names(*s).iter().copied())
            .map(|name| {
                (
                    crate::text::edit_distance(&normalize_status(name), &key),
                    name,
                )
            })
            .min_by_key(|(distance, _)| *distance)?;
        (distance <= (key.chars().count() / 3).max(1)).then_some(name)
    }
}

fn status_names(s: Status) -> &'static [&'static str] {
    match s {
        Status::Planned => &["Planned", "Gepland"],
        Status::InProgress => &["InProgress", "In progress", "Lopend"],
        Status::Done => &["Done", "Afgerond"],
        Status::OnHold => &["OnHold", "On hold", "Uitgesteld"],
        Status::Cancelled => &["Cancelled", "Canceled", "Vervallen"],
    }
}

fn normalize_status(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file_name())
    }
}

/// Statuses per plan year. Deserializing rejects a year given twice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct YearStatus(pub BTreeMap<u16, Status>);

impl<'de> Deserialize<'de> for YearStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = YearStatus;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of plan years to statuses, like {2026: Planned}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YearStatus, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((year, status)) = map.next_entry::<u16, Status>()? {
                    if out.insert(year, status).is_some() {
                        return Err(de::Error::custom(format!(
                            "year {year} is given twice in `status`"
                        )));
                    }
                }
                Ok(YearStatus(out))
            }
        }
        deserializer.deserialize_map(V)
    }
}
