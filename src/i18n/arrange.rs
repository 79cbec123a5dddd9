//! The texts of shaping the plan in the UI: moving, archiving, restoring,
//! reordering and focus themes, with their keys, dialogs and notices.

use super::Lang;
use crate::edit::Change;
use crate::plan::{ChangeKind, Kind, Place, Plan};

/// Fixed texts of one language.
pub struct ArrangeTexts {
    pub ctx_move: &'static str,
    pub ctx_confirm_archive: &'static str,
    pub ctx_archive: &'static str,
    pub key_move: &'static str,
    pub key_archive: &'static str,
    pub key_focus: &'static str,
    pub key_reorder_up: &'static str,
    pub key_reorder_down: &'static str,
    pub key_archive_view: &'static str,
    pub key_dest_prev: &'static str,
    pub key_dest_next: &'static str,
    pub key_move_here: &'static str,
    pub key_confirm_archive: &'static str,
    pub key_restore: &'static str,
    pub key_changes_kind: &'static str,
    pub move_typing: &'static str,
    pub hint_move: &'static str,
    pub hint_archive: &'static str,
    pub hint_focus: &'static str,
    pub hint_reorder: &'static str,
    pub hint_archive_view: &'static str,
    pub hint_move_here: &'static str,
    pub hint_restore: &'static str,
    pub hint_kind: &'static str,
    pub archive_title: &'static str,
    pub archive_empty: &'static str,
    pub archive_note: &'static str,
    pub move_to_subtheme: &'static str,
    pub move_to_theme: &'static str,
    pub move_nowhere: &'static str,
    pub move_themes: &'static str,
    pub nothing_selected: &'static str,
    pub item_gone: &'static str,
    pub no_changes: &'static str,
    pub no_changes_of_kind: &'static str,
    pub plan: &'static str,
    pub in_archive: &'static str,
}

pub static NL_ARRANGE: ArrangeTexts = ArrangeTexts {
    ctx_move: "Verplaatsen naar",
    ctx_confirm_archive: "Archiveren bevestigen",
    ctx_archive: "Archief",
    key_move: "Project of subthema verplaatsen: kies de nieuwe plek",
    key_archive: "Gekozen project, subthema of thema archiveren (per paneel)",
    key_focus: "Thema als focusthema aan- of uitzetten",
    key_reorder_up: "Gekozen item een plaats omhoog in zijn paneel",
    key_reorder_down: "Gekozen item een plaats omlaag in zijn paneel",
    key_archive_view: "Archief: gearchiveerde items bekijken en terugzetten",
    key_dest_prev: "Vorige bestemming",
    key_dest_next: "Volgende bestemming",
    key_move_here: "Hierheen verplaatsen (achteraan)",
    key_confirm_archive: "Ja, archiveren",
    key_restore: "Terugzetten waar het was",
    key_changes_kind: "Soort wijziging: alle, status, teksten, indeling",
    move_typing: "Typ om de bestemmingen te filteren",
    hint_move: "verplaatsen",
    hint_archive: "archiveren",
    hint_focus: "focus",
    hint_reorder: "volgorde",
    hint_archive_view: "archief",
    hint_move_here: "verplaatsen",
    hint_restore: "terugzetten",
    hint_kind: "soort",
    archive_title: "Archief",
    archive_empty: "Het archief is leeg",
    archive_note: "Het blijft bewaard met zijn geschiedenis: A toont het archief, u zet het meteen terug.",
    move_to_subtheme: "Naar welk subthema?",
    move_to_theme: "Naar welk thema?",
    move_nowhere: "Er is geen andere plek",
    move_themes: "Thema’s verplaats je met Alt-↑/Alt-↓ of < en >",
    nothing_selected: "Kies eerst een item in het paneel",
    item_gone: "Dit item staat niet meer in het plan",
    no_changes: "Geen wijzigingen",
    no_changes_of_kind: "Geen wijzigingen van deze soort",
    plan: "Plan",
    in_archive: "in het archief",
};

pub static EN_ARRANGE: ArrangeTexts = ArrangeTexts {
    ctx_move: "Move to",
    ctx_confirm_archive: "Confirm archiving",
    ctx_archive: "Archive",
    key_move: "Move the project or sub-theme: choose where it goes",
    key_archive: "Archive the selected project, sub-theme or theme (per pane)",
    key_focus: "Mark or unmark the theme as a focus theme",
    key_reorder_up: "Move the selected item up one place in its pane",
    key_reorder_down: "Move the selected item down one place in its pane",
    key_archive_view: "Archive: see and restore archived items",
    key_dest_prev: "Previous destination",
    key_dest_next: "Next destination",
    key_move_here: "Move it here (at the end)",
    key_confirm_archive: "Yes, archive it",
    key_restore: "Restore it to where it was",
    key_changes_kind: "Kind of change: all, status, texts, structure",
    move_typing: "Type to filter the destinations",
    hint_move: "move to",
    hint_archive: "archive",
    hint_focus: "focus",
    hint_reorder: "reorder",
    hint_archive_view: "archive",
    hint_move_here: "move",
    hint_restore: "restore",
    hint_kind: "kind",
    archive_title: "Archive",
    archive_empty: "The archive is empty",
    archive_note: "It is kept with its history: A shows the archive, u brings it back at once.",
    move_to_subtheme: "To which sub-theme?",
    move_to_theme: "To which theme?",
    move_nowhere: "There is nowhere else to go",
    move_themes: "Themes are reordered with Alt-↑/Alt-↓ or < and >",
    nothing_selected: "Select an item in the pane first",
    item_gone: "This item is no longer in the plan",
    no_changes: "No changes",
    no_changes_of_kind: "No changes of this kind",
    plan: "Plan",
    in_archive: "in the archive",
};

/// Messages with values in them.
impl Lang {
    /// The fixed texts of shaping the plan.
    pub fn arrange(self) -> &'static ArrangeTexts {
        match self {
            Lang::Nl => &NL_ARRANGE,
            Lang::En => &EN_ARRANGE,
        }
    }

    /// "Project", "Subthema", "Thema".
    pub fn kind_name(self, kind: Kind) -> &'static str {
        match (self, kind) {
            (_, Kind::Project) => "Project",
            (Lang::Nl, Kind::Subtheme) => "Subthema",
            (Lang::En, Kind::Subtheme) => "Sub-theme",
            (Lang::Nl, Kind::Theme) => "Thema",
            (Lang::En, Kind::Theme) => "Theme",
        }
    }

    /// The kind in running text: "het subthema", "the sub-theme".
    fn the_kind(self, kind: Kind) -> String {
        let name = self.kind_name(kind).to_lowercase();
        match self {
            Lang::Nl => format!("het {name}"),
            Lang::En => format!("the {name}"),
        }
    }

    /// A filter of the changes view: "alle", "status", "teksten", "indeling".
    pub fn change_kind_name(self, kind: Option<ChangeKind>) -> &'static str {
        match (self, kind) {
            (Lang::Nl, None) => "alle",
            (Lang::En, None) => "all",
            (_, Some(ChangeKind::Status)) => "status",
            (Lang::Nl, Some(ChangeKind::Text)) => "teksten",
            (Lang::En, Some(ChangeKind::Text)) => "texts",
            (Lang::Nl, Some(ChangeKind::Structure)) => "indeling",
            (Lang::En, Some(ChangeKind::Structure)) => "structure",
        }
    }

    /// A kind of change by its `--kind` key (`text`), as a spreadsheet's
    /// reader says it: "tekst" in Dutch, the key itself in English.
    pub fn change_kind_word(self, key: &'static str) -> &'static str {
        match (self, key) {
            (Lang::Nl, "text") => "tekst",
            (Lang::Nl, "year") => "planjaar",
            (Lang::Nl, "structure") => "indeling",
            _ => key,
        }
    }

    /// "3 projecten", "1 project".
    pub fn project_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) | (Lang::En, 1) => "1 project".into(),
            (Lang::Nl, n) => format!("{n} projecten"),
            (Lang::En, n) => format!("{n} projects"),
        }
    }

    /// The move picker's title: "Verplaatsen: Titel".
    pub fn move_title(self, title: &str) -> String {
        match self {
            Lang::Nl => format!("Verplaatsen: {title}"),
            Lang::En => format!("Move: {title}"),
        }
    }

    pub fn moved(self, title: &str, to: &str) -> String {
        match self {
            Lang::Nl => format!("“{title}” verplaatst naar {to} — u maakt het ongedaan"),
            Lang::En => format!("Moved “{title}” to {to} — u undoes it"),
        }
    }

    /// The archive dialog's question: what goes, with how many projects.
    pub fn archive_question(self, kind: Kind, title: &str, projects: usize) -> String {
        let kind_name = self.kind_name(kind);
        let count = self.project_count(projects);
        match (self, kind, projects) {
            (Lang::Nl, Kind::Project, _) => {
                format!("Project “{title}” naar het archief verplaatsen?")
            }
            (Lang::En, Kind::Project, _) => format!("Move the project “{title}” to the archive?"),
            (Lang::Nl, _, 0) => {
                format!("{kind_name} “{title}” (zonder projecten) naar het archief verplaatsen?")
            }
            (Lang::En, _, 0) => format!(
                "Move the {} “{title}” (with no projects) to the archive?",
                kind_name.to_lowercase()
            ),
            (Lang::Nl, _, _) => {
                format!("{kind_name} “{title}” met {count} naar het archief verplaatsen?")
            }
            (Lang::En, _, _) => format!(
                "Move the {} “{title}” and its {count} to the archive?",
                kind_name.to_lowercase()
            ),
        }
    }

    pub fn archived(self, title: &str, projects: usize, kind: Kind) -> String {
        let with = match (self, kind) {
            (_, Kind::Project) => String::new(),
            (Lang::Nl, _) => format!(" (met {})", self.project_count(projects)),
            (Lang::En, _) => format!(" (with {})", self.project_count(projects)),
        };
        match self {
            Lang::Nl => {
                format!("“{title}”{with} gearchiveerd — u zet het terug, A toont het archief")
            }
            Lang::En => format!("Archived “{title}”{with} — u brings it back, A shows the archive"),
        }
    }

    /// After a restore to `to` (a parent's path; empty for a theme).
    pub fn restored(self, title: &str, to: &str) -> String {
        match (self, to.is_empty()) {
            (Lang::Nl, true) => format!("“{title}” teruggezet — u archiveert het weer"),
            (Lang::En, true) => format!("Restored “{title}” — u archives it again"),
            (Lang::Nl, false) => format!("“{title}” teruggezet in {to} — u archiveert het weer"),
            (Lang::En, false) => format!("Restored “{title}” to {to} — u archives it again"),
        }
    }

    /// Restoring waits for the parent, itself archived.
    pub fn restore_parent_first(self, parent_kind: Kind, parent: &str) -> String {
        match self {
            Lang::Nl => format!(
                "Zet eerst {} “{parent}” terug: het staat zelf in het archief",
                self.the_kind(parent_kind)
            ),
            Lang::En => format!(
                "Restore {} “{parent}” first: it is in the archive itself",
                self.the_kind(parent_kind)
            ),
        }
    }

    /// Restoring cannot happen: the parent is gone altogether.
    pub fn restore_nowhere(self, title: &str, parent: &str) -> String {
        match self {
            Lang::Nl => format!("“{title}” kan niet terug: de plek ({parent}) bestaat niet meer"),
            Lang::En => format!("“{title}” cannot go back: its place ({parent}) no longer exists"),
        }
    }

    pub fn focus_set(self, theme: &str, on: bool) -> String {
        match (self, on) {
            (Lang::Nl, true) => format!("“{theme}” is nu een focusthema"),
            (Lang::Nl, false) => format!("“{theme}” is geen focusthema meer"),
            (Lang::En, true) => format!("“{theme}” is now a focus theme"),
            (Lang::En, false) => format!("“{theme}” is no longer a focus theme"),
        }
    }

    /// An archived item's row: "uit Thema › Subthema".
    pub fn archived_from(self, place: &str) -> String {
        match self {
            Lang::Nl => format!("uit {place}"),
            Lang::En => format!("from {place}"),
        }
    }

    /// "gearchiveerd 14 mrt 2026 10:21 door ingrid".
    pub fn archived_when(self, when: &str, by: &str) -> String {
        match self {
            Lang::Nl => format!("gearchiveerd {when} door {by}"),
            Lang::En => format!("archived {when} by {by}"),
        }
    }

    /// The changes view's title with its filter: "Wijzigingen · indeling".
    pub fn changes_title(self, kind: Option<ChangeKind>) -> String {
        let title = self.ui().changes_title;
        match kind {
            None => title.to_string(),
            Some(_) => format!("{title} · {}", self.change_kind_name(kind)),
        }
    }
}

/// Where a structural change leaves its item, for the notices of undo and redo.
impl Lang {
    /// "Ongedaan: “X” staat in Thema › Subthema op plaats 2"; `None` for a
    /// change that is not structural.
    pub fn undone_structure(self, plan: &Plan, title: &str, change: &Change) -> Option<String> {
        let state = self.structure_state(plan, title, change)?;
        Some(match self {
            Lang::Nl => format!("Ongedaan: {state}"),
            Lang::En => format!("Undone: {state}"),
        })
    }

    /// "Opnieuw: “X” staat in het archief"; `None` for a change that is not
    /// structural.
    pub fn redone_structure(self, plan: &Plan, title: &str, change: &Change) -> Option<String> {
        let state = self.structure_state(plan, title, change)?;
        Some(match self {
            Lang::Nl => format!("Opnieuw: {state}"),
            Lang::En => format!("Redone: {state}"),
        })
    }

    fn structure_state(self, plan: &Plan, title: &str, change: &Change) -> Option<String> {
        let at = |kind: Kind, place: &Place| {
            let n = place.position.saturating_add(1);
            let path = self.place_path(plan, kind, place);
            match (self, path.is_empty(), place.is_end()) {
                (Lang::Nl, true, true) => format!("“{title}” staat achteraan"),
                (Lang::En, true, true) => format!("“{title}” is at the end"),
                (Lang::Nl, false, true) => format!("“{title}” staat achteraan in {path}"),
                (Lang::En, false, true) => format!("“{title}” is at the end of {path}"),
                (Lang::Nl, true, false) => format!("“{title}” staat op plaats {n}"),
                (Lang::En, true, false) => format!("“{title}” is at place {n}"),
                (Lang::Nl, false, false) => format!("“{title}” staat in {path} op plaats {n}"),
                (Lang::En, false, false) => format!("“{title}” is in {path} at place {n}"),
            }
        };
        Some(match (self, change) {
            (_, Change::Move { kind, to, .. } | Change::Restore { kind, to, .. }) => at(*kind, to),
            (_, Change::Add { item, to }) => at(item.kind(), to),
            (Lang::Nl, Change::Archive { .. }) => format!("“{title}” staat in het archief"),
            (Lang::En, Change::Archive { .. }) => format!("“{title}” is in the archive"),
            (Lang::Nl, Change::Remove { .. }) => format!("“{title}” is weer weg"),
            (Lang::En, Change::Remove { .. }) => format!("“{title}” is gone again"),
            (_, Change::Conflict { on, to, .. }) => self.conflict_state(title, on, *to),
            _ => return None,
        })
    }
}
