//! The fixed words of the planning commands' output: field names, kinds of
//! change, and the headings of `show`, `plan` and `changes`.

use super::Lang;
use crate::plan::TextKind;

/// Labels of the planning commands in one language.
pub struct PlanningTexts {
    pub title: &'static str,
    pub details: &'static str,
    pub owner: &'static str,
    pub notes: &'static str,
    pub name: &'static str,
    pub intro: &'static str,
    pub fund: &'static str,
    pub focus: &'static str,
    pub year: &'static str,
    pub status: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub moved: &'static str,
    pub archived: &'static str,
    pub restored: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// Heading of an archived item: where it was.
    pub archived_from: &'static str,
    pub archive_title: &'static str,
    pub archive_empty: &'static str,
    pub focus_theme: &'static str,
    /// `changes` over every kind: its title and what it says when empty.
    pub changes_title: &'static str,
    pub no_changes: &'static str,
    /// The group of changes not inside a theme.
    pub plan_group: &'static str,
    /// Column headings of `changes` in Markdown and CSV.
    pub what: &'static str,
    pub kind: &'static str,
    pub counts: &'static str,
}

pub static NL_PLANNING: PlanningTexts = PlanningTexts {
    title: "titel",
    details: "omschrijving",
    owner: "eigenaar",
    notes: "notities",
    name: "naam",
    intro: "inleiding",
    fund: "fonds",
    focus: "focus",
    year: "planjaar",
    status: "status",
    added: "toegevoegd",
    removed: "verwijderd",
    moved: "verplaatst",
    archived: "gearchiveerd",
    restored: "teruggezet",
    yes: "ja",
    no: "nee",
    archived_from: "gearchiveerd uit",
    archive_title: "Archief",
    archive_empty: "Het archief is leeg.",
    focus_theme: "focusthema",
    changes_title: "Wijzigingen",
    no_changes: "Geen wijzigingen",
    plan_group: "Plan en archief",
    what: "Wat",
    kind: "Soort",
    counts: "omvang",
};

pub static EN_PLANNING: PlanningTexts = PlanningTexts {
    title: "title",
    details: "details",
    owner: "owner",
    notes: "notes",
    name: "name",
    intro: "intro",
    fund: "fund",
    focus: "focus",
    year: "plan year",
    status: "status",
    added: "added",
    removed: "removed",
    moved: "moved",
    archived: "archived",
    restored: "restored",
    yes: "yes",
    no: "no",
    archived_from: "archived from",
    archive_title: "Archive",
    archive_empty: "The archive is empty.",
    focus_theme: "focus theme",
    changes_title: "Changes",
    no_changes: "No changes",
    plan_group: "Plan and archive",
    what: "What",
    kind: "Kind",
    counts: "size",
};

impl Lang {
    /// The planning commands' labels in this language.
    pub fn planning_words(self) -> &'static PlanningTexts {
        match self {
            Lang::Nl => &NL_PLANNING,
            Lang::En => &EN_PLANNING,
        }
    }

    /// The name of a text field, as the planning commands show it.
    pub fn text_field(self, field: TextKind) -> &'static str {
        let t = self.planning_words();
        match field {
            TextKind::Title => t.title,
            TextKind::Details => t.details,
            TextKind::Owner => t.owner,
            TextKind::Notes => t.notes,
            TextKind::Name => t.name,
            TextKind::Intro => t.intro,
            TextKind::Fund => t.fund,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::planning::Planning;
    use crate::plan::Kind;

    #[test]
    fn every_message_is_said_in_both_languages_and_differs() {
        let samples = [
            Planning::UnknownId {
                id: "x",
                close: vec![],
            },
            Planning::UnknownId {
                id: "x",
                close: vec!["y", "z"],
            },
            Planning::WrongParent {
                option: "--in",
                id: "t",
                is: Kind::Theme,
                child: Kind::Project,
            },
            Planning::PositionPastEnd {
                position: 9,
                last: 4,
                parent: "",
                kind: Kind::Theme,
            },
            Planning::Archiving {
                id: "s",
                kind: Kind::Subtheme,
                title: "S",
                projects: 3,
            },
        ];
        for m in &samples {
            let (nl, en) = (Lang::Nl.planning(m), Lang::En.planning(m));
            assert_ne!(nl, en, "{m:?}");
            assert!(!nl.is_empty() && !en.is_empty());
        }
        assert_eq!(
            Lang::En.planning(&samples[1]),
            "unknown id \"x\"; did you mean `y` or `z`?"
        );
        assert_eq!(
            Lang::Nl.planning(&samples[1]),
            "onbekend id \"x\"; bedoelde je `y` of `z`?"
        );
        assert_eq!(
            Lang::En.planning(&samples[4]),
            "s: archived the sub-theme “S”, with 3 projects"
        );
        assert_eq!(
            Lang::Nl.planning(&samples[4]),
            "s: subthema “S” gearchiveerd, met 3 projecten"
        );
    }

    #[test]
    fn field_names_differ_by_language() {
        for f in [TextKind::Title, TextKind::Details, TextKind::Intro] {
            assert_ne!(Lang::Nl.text_field(f), Lang::En.text_field(f));
        }
    }
}
