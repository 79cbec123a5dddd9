//! The words of open conflicts: `aoplan conflicts` and its `keep` and `take`,
//! and the UI's badge and conflicts view.

use super::{Lang, path_or_id};
use crate::edit::{Field, conflict_field};
use crate::plan::{OpenConflict, Plan};

/// Fixed words about open conflicts in one language.
pub struct ConflictTexts {
    pub none: &'static str,
    /// Labels of a listed conflict.
    pub kept: &'static str,
    pub other: &'static str,
    pub key: &'static str,
    /// The UI view: its title, the key that opens it, its keys and hints.
    pub view_title: &'static str,
    pub key_open: &'static str,
    pub hint_open: &'static str,
    pub key_keep: &'static str,
    pub hint_keep: &'static str,
    pub key_take: &'static str,
    pub hint_take: &'static str,
    /// A conflict whose item is no longer in the plan.
    pub item_gone: &'static str,
    /// The view's key to the conflict's item, and its hint.
    pub key_go: &'static str,
}

static NL: ConflictTexts = ConflictTexts {
    none: "geen open conflicten",
    kept: "behouden",
    other: "andere",
    key: "sleutel",
    view_title: "Open conflicten",
    key_open: "Open conflicten na een git-merge: houden of overnemen",
    hint_open: "conflicten",
    key_keep: "Waarde in het plan houden (u opent het conflict weer)",
    hint_keep: "behouden",
    key_take: "Andere waarde overnemen (u maakt het ongedaan)",
    hint_take: "overnemen",
    item_gone: "dit conflict gaat over iets dat niet meer in het plan staat",
    key_go: "Naar het item van het gekozen conflict",
};

static EN: ConflictTexts = ConflictTexts {
    none: "no open conflicts",
    kept: "kept",
    other: "other",
    key: "key",
    view_title: "Open conflicts",
    key_open: "Open conflicts after a git merge: keep or take",
    hint_open: "conflicts",
    key_keep: "Keep the plan's value (u opens the conflict again)",
    hint_keep: "keep",
    key_take: "Take the other value (u undoes it)",
    hint_take: "take",
    item_gone: "this conflict is about something no longer in the plan",
    key_go: "Go to the item of the selected conflict",
};

impl Lang {
    pub fn conflicts(self) -> &'static ConflictTexts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// Where an open conflict is: the names of its item from the theme
    /// down, or the plan's title for the plan's own fields.
    pub fn conflict_path(self, plan: &Plan, c: &OpenConflict) -> String {
        let id = c.field.id();
        match plan.kind_of(id) {
            Some(kind) if !id.is_empty() => path_or_id(plan, kind, id),
            _ => plan.title.clone(),
        }
    }

    /// An open conflict's field in words ("status 2026", "naam van het
    /// subthema"); its key when its item is gone.
    pub fn conflict_field_name(self, plan: &Plan, c: &OpenConflict) -> String {
        conflict_field(plan, c).map_or_else(|| c.key(), |f| self.field_name(&f))
    }

    /// "2 open conflicten" / "2 open conflicts".
    pub fn open_conflicts(self, n: usize) -> String {
        match (self, n) {
            (_, 1) => "1 open conflict".into(),
            (Lang::Nl, n) => format!("{n} open conflicten"),
            (Lang::En, n) => format!("{n} open conflicts"),
        }
    }

    /// A field in a conflict's name: "conflict over status 2026".
    pub(crate) fn conflict_over(self, on: &Field) -> String {
        format!("conflict over {}", self.field_name(on))
    }

    /// After settling a conflict or opening it again (undo, redo).
    pub(crate) fn conflict_state(self, title: &str, on: &Field, open: bool) -> String {
        let field = self.field_name(on);
        match (self, open) {
            (Lang::Nl, true) => format!("het conflict over {field} van “{title}” staat weer open"),
            (Lang::Nl, false) => format!("het conflict over {field} van “{title}” is beslist"),
            (Lang::En, true) => format!("the conflict over {field} of “{title}” is open again"),
            (Lang::En, false) => format!("the conflict over {field} of “{title}” is settled"),
        }
    }

    /// "bert, 2026-03-14 09:21 UTC": who set the other value, and when.
    pub fn conflict_by(self, by: &str, when: &str) -> String {
        match (self, by.is_empty()) {
            (_, true) => when.to_string(),
            (Lang::Nl, false) => format!("door {by}, {when}"),
            (Lang::En, false) => format!("by {by}, {when}"),
        }
    }

    /// `keep`: the plan keeps its value.
    pub fn conflict_kept(self, what: &str, kept: &str, other: &str) -> String {
        match self {
            Lang::Nl => format!("{what}: {kept} behouden, niet {other}"),
            Lang::En => format!("{what}: kept {kept}, not {other}"),
        }
    }

    /// `take`: the other value replaces the plan's.
    pub fn conflict_taken(self, what: &str, kept: &str, other: &str) -> String {
        match self {
            Lang::Nl => format!("{what}: {kept} → {other} overgenomen"),
            Lang::En => format!("{what}: {kept} → {other} taken"),
        }
    }

    /// In the UI, after `k` in the conflicts view.
    pub(crate) fn ui_conflict_kept(self, title: &str, on: &Field, value: &str) -> String {
        let field = self.field_name(on);
        match self {
            Lang::Nl => {
                format!("Behouden: {field} van {title} blijft {value} — u opent het conflict weer")
            }
            Lang::En => {
                format!("Kept: {field} of {title} stays {value} — u opens the conflict again")
            }
        }
    }

    /// In the UI, after `t` in the conflicts view.
    pub(crate) fn ui_conflict_taken(self, title: &str, on: &Field, value: &str) -> String {
        let field = self.field_name(on);
        match self {
            Lang::Nl => {
                format!("Overgenomen: {field} van {title} is nu {value} — u maakt het ongedaan")
            }
            Lang::En => format!("Taken: {field} of {title} is {value} now — u undoes it"),
        }
    }

    /// `keep N` or `take N` past the end of the list.
    pub fn no_conflict_number(self, n: &str, count: usize) -> String {
        match (self, count) {
            (Lang::Nl, 0) => format!("geen open conflict {n}: er zijn geen open conflicten"),
            (Lang::En, 0) => format!("no open conflict {n}: there are no open conflicts"),
            (Lang::Nl, c) => format!(
                "geen open conflict {n}: er zijn er {c}, genummerd 1–{c} (`aoplan conflicts` toont ze)"
            ),
            (Lang::En, c) => format!(
                "no open conflict {n}: there are {c}, numbered 1–{c} (`aoplan conflicts` lists them)"
            ),
        }
    }

    /// `keep KEY` or `take KEY` with a key no open conflict has.
    pub fn no_conflict_key(self, key: &str, close: &[&str]) -> String {
        let hint = match (self, close.first()) {
            (_, None) => String::new(),
            (Lang::Nl, Some(c)) => format!("; bedoel je {c}?"),
            (Lang::En, Some(c)) => format!("; did you mean {c}?"),
        };
        match self {
            Lang::Nl => format!(
                "geen open conflict met sleutel {key:?}{hint} (`aoplan conflicts` toont de sleutels)"
            ),
            Lang::En => {
                format!(
                    "no open conflict has the key {key:?}{hint} (`aoplan conflicts` lists the keys)"
                )
            }
        }
    }

    /// `take` of a value that cannot be set any more.
    pub fn conflict_cannot_take(self, key: &str) -> String {
        match self {
            Lang::Nl => format!(
                "{key}: de andere waarde kan niet worden gezet: het item of de plek waar het heen zou gaan is weg; `aoplan conflicts keep` sluit het conflict"
            ),
            Lang::En => format!(
                "{key}: the other value cannot be set: the item, or where it would go, is gone; `aoplan conflicts keep` closes the conflict"
            ),
        }
    }
}
