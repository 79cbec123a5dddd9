//! Every change a plan remembers, of any kind, in one list: the status changes
//! in the projects' histories (live and archived projects) and the plan's log
//! of everything else. Items are named as the plan has them now, found by id
//! live or in the archive, so renames and moves never orphan a change.

use std::cmp::Reverse;

use super::{HistoryEntry, Item, Kind, LogEntry, Logged, Plan, Project, TextKind};
use crate::timestamp::Timestamp;

/// What sort of change, for filtering lists of changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A project's status in a year, set or cleared.
    Status,
    /// A text, a theme's focus flag or the plan's year.
    Text,
    /// An item added, moved or reordered, archived, restored or removed.
    Structure,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 3] = [ChangeKind::Status, ChangeKind::Text, ChangeKind::Structure];
}

impl Logged {
    /// Which sort of change this is.
    pub fn change_kind(&self) -> ChangeKind {
        match self {
            Logged::Text { .. } | Logged::Focus { .. } | Logged::Year { .. } => ChangeKind::Text,
            _ => ChangeKind::Structure,
        }
    }
}

/// One recorded change, borrowed from the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded<'a> {
    /// A status change: the project and the entry's index in its history.
    Status {
        project: &'a Project,
        index: usize,
        entry: &'a HistoryEntry,
    },
    /// Any other change: the entry's index in the plan's log.
    Logged { index: usize, entry: &'a LogEntry },
}

/// Where a recorded change is kept, to find it again in a later version of the
/// plan: an entry of a project's history, or of the plan's log.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RecordKey {
    History { project: String, entry: usize },
    Log(usize),
}

impl<'a> Recorded<'a> {
    pub fn at(&self) -> Timestamp {
        match self {
            Recorded::Status { entry, .. } => entry.at,
            Recorded::Logged { entry, .. } => entry.at,
        }
    }

    /// Who made the change (a login name).
    pub fn by(&self) -> &'a str {
        match self {
            Recorded::Status { entry, .. } => &entry.by,
            Recorded::Logged { entry, .. } => &entry.by,
        }
    }

    pub fn kind(&self) -> ChangeKind {
        match self {
            Recorded::Status { .. } => ChangeKind::Status,
            Recorded::Logged { entry, .. } => entry.change.change_kind(),
        }
    }

    /// The id of the item the change is about; empty for the plan's own fields.
    pub fn id(&self) -> &'a str {
        match self {
            Recorded::Status { project, .. } => &project.id,
            Recorded::Logged { entry, .. } => entry.change.id(),
        }
    }

    pub fn key(&self) -> RecordKey {
        match self {
            Recorded::Status { project, index, .. } => RecordKey::History {
                project: project.id.clone(),
                entry: *index,
            },
            Recorded::Logged { index, .. } => RecordKey::Log(*index),
        }
    }
}

impl Plan {
    /// Every recorded change, newest first. Of changes made in the same second,
    /// the one later in the file comes first (the log after the histories).
    pub fn recorded(&self) -> Vec<Recorded<'_>> {
        let history = self.all_projects().flat_map(|project| {
            (project.history.iter().enumerate()).map(move |(index, entry)| Recorded::Status {
                project,
                index,
                entry,
            })
        });
        let log =
            (self.log.iter().enumerate()).map(|(index, entry)| Recorded::Logged { index, entry });
        let mut all: Vec<Recorded> = history.chain(log).collect();
        all.reverse();
        all.sort_by_key(|r| Reverse(r.at()));
        all
    }

    /// The recorded change kept at `key`, if it is still there.
    pub fn record(&self, key: &RecordKey) -> Option<Recorded<'_>> {
        match key {
            RecordKey::History { project, entry } => {
                let project = self.all_projects().find(|p| p.id == *project)?;
                Some(Recorded::Status {
                    project,
                    index: *entry,
                    entry: project.history.get(*entry)?,
                })
            }
            RecordKey::Log(index) => Some(Recorded::Logged {
                index: *index,
                entry: self.log.get(*index)?,
            }),
        }
    }

    /// The kind of the item `id`, live or archived.
    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        if self.all_projects().any(|p| p.id == id) {
            Some(Kind::Project)
        } else if self.all_subthemes().any(|s| s.id == id) {
            Some(Kind::Subtheme)
        } else if self.all_themes().any(|t| t.id == id) {
            Some(Kind::Theme)
        } else {
            None
        }
    }

    /// The title (a project's) or name (a sub-theme's or theme's) of the item
    /// `id` of `kind`, live or archived.
    pub fn title_of(&self, kind: Kind, id: &str) -> Option<&str> {
        match kind {
            Kind::Project => self.all_projects().find(|p| p.id == id).map(|p| &*p.title),
            Kind::Subtheme => self.all_subthemes().find(|s| s.id == id).map(|s| &*s.name),
            Kind::Theme => self.all_themes().find(|t| t.id == id).map(|t| &*t.name),
        }
    }

    /// The names from the theme down to the item `id` of `kind` itself: where it
    /// sits, or for an archived item where it was. Empty when there is no such item.
    pub fn path_of(&self, kind: Kind, id: &str) -> Vec<&str> {
        for theme in &self.themes {
            if let Some(path) = path_in_theme(theme, kind, id) {
                return path;
            }
        }
        for archived in &self.archive {
            let (path, top) = match &archived.item {
                Item::Theme(theme) => (path_in_theme(theme, kind, id), None),
                Item::Subtheme(sub) => (path_in_subtheme(sub, kind, id), Some(Kind::Theme)),
                Item::Project(p) => (
                    (kind == Kind::Project && p.id == id).then(|| vec![&*p.title]),
                    Some(Kind::Subtheme),
                ),
            };
            if let Some(path) = path {
                // An item archived on its own: its parent's path first.
                let mut full = top.map_or_else(Vec::new, |k| self.path_of(k, &archived.parent));
                full.extend(path);
                return full;
            }
        }
        Vec::new()
    }
}

fn path_in_theme<'a>(theme: &'a super::Theme, kind: Kind, id: &str) -> Option<Vec<&'a str>> {
    if kind == Kind::Theme {
        return (theme.id == id).then(|| vec![&*theme.name]);
    }
    theme.subthemes.iter().find_map(|sub| {
        let mut path = path_in_subtheme(sub, kind, id)?;
        path.insert(0, &theme.name);
        Some(path)
    })
}

fn path_in_subtheme<'a>(sub: &'a super::Subtheme, kind: Kind, id: &str) -> Option<Vec<&'a str>> {
    match kind {
        Kind::Subtheme => (sub.id == id).then(|| vec![&*sub.name]),
        Kind::Project => {
            let p = sub.projects.iter().find(|p| p.id == id)?;
            Some(vec![&*sub.name, &*p.title])
        }
        Kind::Theme => None,
    }
}

/// Which item a text field of the log belongs to, by the field and what `id` names.
pub fn text_owner(plan: &Plan, id: &str, field: TextKind) -> Option<Kind> {
    match field {
        _ if id.is_empty() => None,
        TextKind::Title | TextKind::Details | TextKind::Owner | TextKind::Notes => {
            Some(Kind::Project)
        }
        TextKind::Name | TextKind::Intro | TextKind::Fund => plan.kind_of(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Archived, Status};

    fn plan() -> Plan {
        crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("the bundled plan parses")
    }

    fn at(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).expect("a time")
    }

    fn log(plan: &mut Plan, when: &str, change: Logged) {
        plan.log.push(LogEntry {
            at: at(when),
            by: "ingrid".into(),
            change,
        });
    }

    #[test]
    fn statuses_and_log_entries_come_newest_first_and_a_tie_goes_to_the_later_one() {
        let mut plan = plan();
        let loc = plan.locate("kwalen-kwartet").unwrap();
        plan.project_mut(loc).unwrap().history.push(HistoryEntry {
            at: at("2026-03-01T10:00:00Z"),
            by: "bram".into(),
            year: 2026,
            from: None,
            to: Some(Status::Done),
        });
        let focus = Logged::Focus {
            id: "arbeidsmarkt".into(),
            from: false,
            to: true,
        };
        log(&mut plan, "2026-03-01T10:00:00Z", focus.clone());
        log(
            &mut plan,
            "2026-02-01T10:00:00Z",
            Logged::Year {
                from: 2026,
                to: 2027,
            },
        );
        let all = plan.recorded();
        let before = plan.projects().map(|(_, p)| p.history.len()).sum::<usize>();
        assert_eq!(all.len(), before + 2);
        assert!(
            matches!(all[0], Recorded::Logged { index: 0, .. }),
            "{:?}",
            all[0]
        );
        assert_eq!(all[0].kind(), ChangeKind::Text);
        assert_eq!(all[1].id(), "kwalen-kwartet");
        assert_eq!(all[1].kind(), ChangeKind::Status);
        assert!(all.windows(2).all(|w| w[0].at() >= w[1].at()));
        for r in &all {
            assert_eq!(plan.record(&r.key()), Some(*r));
        }
    }

    #[test]
    fn archived_items_keep_their_history_their_names_and_where_they_were() {
        let mut plan = plan();
        let (item, place) = plan.take(Kind::Subtheme, "loyale-tegenspraak").unwrap();
        plan.archive.push(Archived {
            parent: place.parent.clone(),
            position: place.position,
            item,
        });
        let project = "programma-loyale-tegenspraak";
        assert_eq!(plan.kind_of(project), Some(Kind::Project));
        assert_eq!(plan.kind_of("loyale-tegenspraak"), Some(Kind::Subtheme));
        assert_eq!(plan.kind_of("nergens"), None);
        assert_eq!(
            plan.path_of(Kind::Project, project),
            [
                "Ambtelijk vakmanschap",
                "Loyale Tegenspraak",
                "Programma rondom Loyale Tegenspraak"
            ]
        );
        assert_eq!(
            plan.title_of(Kind::Subtheme, "loyale-tegenspraak"),
            Some("Loyale Tegenspraak")
        );
        assert!(
            plan.path_of(Kind::Theme, "loyale-tegenspraak").is_empty(),
            "kinds are told apart"
        );
        let history = plan
            .all_projects()
            .find(|p| p.id == project)
            .unwrap()
            .history
            .len();
        let of_project = plan
            .recorded()
            .into_iter()
            .filter(|r| r.id() == project)
            .count();
        assert_eq!(of_project, history);
    }

    #[test]
    fn a_text_field_names_its_kind_of_item() {
        let plan = plan();
        assert_eq!(text_owner(&plan, "", TextKind::Title), None);
        assert_eq!(
            text_owner(&plan, "kwalen-kwartet", TextKind::Notes),
            Some(Kind::Project)
        );
        assert_eq!(
            text_owner(&plan, "arbeidsmarkt", TextKind::Name),
            Some(Kind::Theme)
        );
        assert_eq!(
            text_owner(&plan, "loyale-tegenspraak", TextKind::Intro),
            Some(Kind::Subtheme)
        );
    }
}
