//! Recorded changes in words, for the changes view and change lists: what
//! changed, naming items and places as the plan has them now (live or
//! archived), and the id of an item that is gone altogether.

use super::Lang;
use crate::plan::{HistoryEntry, Kind, Logged, Place, Plan, Recorded, TextKind, text_owner};

/// The names of the item `id` of `kind` from its theme down, joined by ` › `;
/// the id when the plan has no such item.
pub fn path_or_id(plan: &Plan, kind: Kind, id: &str) -> String {
    let path = plan.path_of(kind, id);
    if path.is_empty() {
        id.to_string()
    } else {
        path.join(" › ")
    }
}

impl Lang {
    /// Where an item of `kind` at `place` sits: its parent's path ("Thema ›
    /// Subthema" for a project); empty for a theme, which the plan holds.
    pub fn place_path(self, plan: &Plan, kind: Kind, place: &Place) -> String {
        match kind.parent() {
            Some(parent) => path_or_id(plan, parent, &place.parent),
            None => String::new(),
        }
    }

    /// What a recorded change is about: the kind of item (`None` for the plan
    /// itself) and its title or name as the plan has it now.
    pub fn recorded_subject(self, plan: &Plan, change: &Recorded) -> (Option<Kind>, String) {
        let (kind, id) = match change {
            Recorded::Status { project, .. } => {
                return (Some(Kind::Project), project.title.clone());
            }
            Recorded::Logged { entry, .. } => match &entry.change {
                Logged::Year { .. } => (None, ""),
                Logged::Text { id, field, .. } => (text_owner(plan, id, *field), id.as_str()),
                Logged::Focus { id, .. } => (Some(Kind::Theme), id.as_str()),
                Logged::Added { kind, id, .. }
                | Logged::Removed { kind, id, .. }
                | Logged::Moved { kind, id, .. }
                | Logged::Archived { kind, id, .. }
                | Logged::Restored { kind, id, .. } => (Some(*kind), id.as_str()),
            },
        };
        let title = match kind {
            None if id.is_empty() => plan.title.clone(),
            None => id.to_string(),
            Some(kind) => plan.title_of(kind, id).unwrap_or(id).to_string(),
        };
        (kind, title)
    }

    /// What a recorded change did, in a short phrase.
    pub fn describe_recorded(self, plan: &Plan, change: &Recorded) -> String {
        match change {
            Recorded::Status { entry, .. } => self.describe_status(entry),
            Recorded::Logged { entry, .. } => self.describe_logged(plan, &entry.change),
        }
    }

    /// "2026: Gepland → Lopend".
    pub fn describe_status(self, entry: &HistoryEntry) -> String {
        format!(
            "{}: {} → {}",
            entry.year,
            self.status_or_none(entry.from),
            self.status_or_none(entry.to)
        )
    }

    /// "titel: “Oud” → “Nieuw”", "verplaatst van X naar Y", "gearchiveerd uit X".
    pub fn describe_logged(self, plan: &Plan, change: &Logged) -> String {
        let nl = self == Lang::Nl;
        let pick = |nl_text: String, en_text: String| if nl { nl_text } else { en_text };
        let text = |t: &str| {
            if t.is_empty() {
                self.ui().empty_text.to_string()
            } else {
                format!("“{}”", t.replace(['\n', '\r'], " "))
            }
        };
        let place = |kind: Kind, p: &Place| self.place_path(plan, kind, p);
        match change {
            Logged::Text {
                field, from, to, ..
            } => {
                format!("{}: {} → {}", self.text_kind(*field), text(from), text(to))
            }
            Logged::Focus { from, to, .. } => {
                let flag = |on: bool| self.value_text(crate::edit::Shown::Flag(on));
                format!("focus: {} → {}", flag(*from), flag(*to))
            }
            Logged::Year { from, to } => pick(
                format!("planjaar: {from} → {to}"),
                format!("plan year: {from} → {to}"),
            ),
            Logged::Added {
                kind: Kind::Theme, ..
            } => pick("toegevoegd".into(), "added".into()),
            Logged::Added { kind, to, .. } => pick(
                format!("toegevoegd in {}", place(*kind, to)),
                format!("added to {}", place(*kind, to)),
            ),
            Logged::Removed { .. } => pick(
                "verwijderd (toevoegen ongedaan gemaakt)".into(),
                "removed (its addition undone)".into(),
            ),
            Logged::Moved { from, to, .. } if from.parent == to.parent => {
                let (a, b) = (from.position + 1, to.position + 1);
                pick(
                    format!("verschoven van plaats {a} naar {b}"),
                    format!("moved from place {a} to {b}"),
                )
            }
            // Where it went first: a narrow screen cuts the end.
            Logged::Moved { kind, from, to, .. } => pick(
                format!(
                    "verplaatst naar {}, van {}",
                    place(*kind, to),
                    place(*kind, from)
                ),
                format!("moved to {}, from {}", place(*kind, to), place(*kind, from)),
            ),
            Logged::Archived {
                kind: Kind::Theme, ..
            } => pick("gearchiveerd".into(), "archived".into()),
            Logged::Archived { kind, from, .. } => pick(
                format!("gearchiveerd uit {}", place(*kind, from)),
                format!("archived from {}", place(*kind, from)),
            ),
            Logged::Restored {
                kind: Kind::Theme, ..
            } => pick("teruggezet".into(), "restored".into()),
            Logged::Restored { kind, to, .. } => pick(
                format!("teruggezet in {}", place(*kind, to)),
                format!("restored to {}", place(*kind, to)),
            ),
        }
    }

    /// A text field of the log in running text: "titel", "inleiding".
    pub fn text_kind(self, field: TextKind) -> &'static str {
        let [nl, en] = match field {
            TextKind::Title => ["titel", "title"],
            TextKind::Details => ["omschrijving", "details"],
            TextKind::Owner => ["eigenaar", "owner"],
            TextKind::Notes => ["notities", "notes"],
            TextKind::Name => ["naam", "name"],
            TextKind::Intro => ["inleiding", "intro"],
            TextKind::Fund => ["fonds", "fund"],
        };
        if self == Lang::Nl { nl } else { en }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{LogEntry, Status};
    use crate::timestamp::Timestamp;

    fn plan() -> Plan {
        crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("the bundled plan parses")
    }

    fn place(parent: &str, position: usize) -> Place {
        Place {
            parent: parent.into(),
            position,
        }
    }

    fn described(plan: &Plan, lang: Lang, change: Logged) -> (String, String) {
        let entry = LogEntry {
            at: Timestamp(0),
            by: "ingrid".into(),
            change,
        };
        let recorded = Recorded::Logged {
            index: 0,
            entry: &entry,
        };
        let (_, title) = lang.recorded_subject(plan, &recorded);
        (title, lang.describe_recorded(plan, &recorded))
    }

    #[test]
    fn moves_name_the_places_as_they_are_now() {
        let plan = plan();
        let moved = Logged::Moved {
            kind: Kind::Project,
            id: "kwalen-kwartet".into(),
            from: place("de-overgang-wat-is-het", 0),
            to: place("loyale-tegenspraak", 1),
        };
        let (title, text) = described(&plan, Lang::Nl, moved.clone());
        assert_eq!(title, "Ontwikkeling van het kwalen-kwartet");
        assert!(
            text.starts_with("verplaatst naar Ambtelijk vakmanschap › Loyale Tegenspraak, van")
                && text.ends_with("van Open over de Overgang › De Overgang – wat is het?"),
            "{text}"
        );
        let reorder = Logged::Moved {
            kind: Kind::Theme,
            id: "arbeidsmarkt".into(),
            from: place("", 1),
            to: place("", 0),
        };
        let (title, text) = described(&plan, Lang::En, reorder);
        assert_eq!(
            (title.as_str(), text.as_str()),
            ("Arbeidsmarkt", "moved from place 2 to 1")
        );
    }

    #[test]
    fn texts_focus_year_and_items_that_are_gone() {
        let plan = plan();
        let rename = Logged::Text {
            id: "loyale-tegenspraak".into(),
            field: TextKind::Name,
            from: "Oud".into(),
            to: "Loyale\nTegenspraak".into(),
        };
        let (title, text) = described(&plan, Lang::En, rename);
        assert_eq!(title, "Loyale Tegenspraak");
        assert_eq!(text, "name: “Oud” → “Loyale Tegenspraak”");
        let focus = Logged::Focus {
            id: "arbeidsmarkt".into(),
            from: false,
            to: true,
        };
        assert_eq!(described(&plan, Lang::Nl, focus).1, "focus: uit → aan");
        let year = Logged::Year {
            from: 2026,
            to: 2027,
        };
        assert_eq!(
            described(&plan, Lang::Nl, year),
            (plan.title.clone(), "planjaar: 2026 → 2027".to_string())
        );
        let removed = Logged::Removed {
            kind: Kind::Project,
            id: "weg".into(),
            from: place("loyale-tegenspraak", 0),
        };
        let (title, text) = described(&plan, Lang::En, removed);
        assert_eq!(
            (title.as_str(), text.as_str()),
            ("weg", "removed (its addition undone)")
        );
        let status = HistoryEntry {
            at: Timestamp(0),
            by: "bram".into(),
            year: 2026,
            from: None,
            to: Some(Status::Done),
        };
        assert_eq!(Lang::Nl.describe_status(&status), "2026: — → Afgerond");
    }
}
