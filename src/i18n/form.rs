//! The texts of the add and edit form: its keys, labels, titles and messages.

use super::Lang;
use crate::plan::Kind;

/// Fixed form texts of one language.
pub struct FormTexts {
    pub ctx_form: &'static str,
    pub ctx_discard: &'static str,
    pub add: &'static str,
    pub edit: &'static str,
    pub hint_add: &'static str,
    pub hint_edit: &'static str,
    pub next_field: &'static str,
    pub prev_field: &'static str,
    pub save: &'static str,
    pub enter: &'static str,
    pub new_line: &'static str,
    pub cancel: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub left: &'static str,
    pub right: &'static str,
    pub no_status: &'static str,
    pub discard_yes: &'static str,
    pub discard_no: &'static str,
    pub hint_field: &'static str,
    pub hint_save: &'static str,
    pub title: &'static str,
    pub name: &'static str,
    pub details: &'static str,
    pub intro: &'static str,
    pub owner: &'static str,
    pub status: &'static str,
    pub status_keys: &'static str,
    pub id: &'static str,
    pub empty_title: &'static str,
    pub empty_name: &'static str,
    pub discard_question: &'static str,
    pub discard_title: &'static str,
    pub no_subtheme: &'static str,
    pub no_theme: &'static str,
    pub nothing_selected: &'static str,
    pub parent_gone: &'static str,
    pub item_gone: &'static str,
    pub one_line: &'static str,
}

pub static NL_FORM: FormTexts = FormTexts {
    ctx_form: "Formulier: toevoegen en bewerken",
    ctx_discard: "Sluiten zonder opslaan",
    add: "Toevoegen aan het paneel: project, subthema of thema",
    edit: "Gekozen item bewerken: titel, omschrijving, eigenaar",
    hint_add: "nieuw",
    hint_edit: "bewerken",
    next_field: "Volgend veld",
    prev_field: "Vorig veld",
    save: "Opslaan, vanuit elk veld",
    enter: "Opslaan (in een veld van meer regels: nieuwe regel)",
    new_line: "Nieuwe regel (omschrijving, inleiding)",
    cancel: "Annuleren (vraagt eerst als je iets typte)",
    up: "Regel omhoog, of het vorige veld",
    down: "Regel omlaag, of het volgende veld",
    left: "Cursor naar links; bij de status: vorige status",
    right: "Cursor naar rechts; bij de status: volgende status",
    no_status: "Teken onder de cursor wissen (status: geen status)",
    discard_yes: "Ja: sluiten en weggooien wat je typte",
    discard_no: "Nee: verder typen",
    hint_field: "veld",
    hint_save: "opslaan",
    title: "Titel",
    name: "Naam",
    details: "Omschrijving",
    intro: "Inleiding",
    owner: "Eigenaar",
    status: "Status",
    status_keys: "←→ of 1–5",
    id: "id",
    empty_title: "Vul een titel in",
    empty_name: "Vul een naam in",
    discard_question: "Weggooien wat je typte? j/n",
    discard_title: "Niet opgeslagen",
    no_subtheme: "Kies eerst een subthema om een project aan toe te voegen",
    no_theme: "Kies eerst een thema om een subthema aan toe te voegen",
    nothing_selected: "Kies eerst wat je wilt bewerken",
    parent_gone: "Waar dit bij hoort, staat niet meer in het plan; niets opgeslagen",
    item_gone: "Dit staat niet meer in het plan; niets opgeslagen",
    one_line: "Dit veld is één regel",
};

pub static EN_FORM: FormTexts = FormTexts {
    ctx_form: "Form: add and edit",
    ctx_discard: "Close without saving",
    add: "Add to the focused pane: a project, sub-theme or theme",
    edit: "Edit the selected item: title, details, owner",
    hint_add: "add",
    hint_edit: "edit",
    next_field: "Next field",
    prev_field: "Previous field",
    save: "Save, from any field",
    enter: "Save (in a field of several lines: new line)",
    new_line: "New line (details, intro)",
    cancel: "Cancel (asks first if you typed something)",
    up: "Line up, or the previous field",
    down: "Line down, or the next field",
    left: "Cursor left; on the status: previous status",
    right: "Cursor right; on the status: next status",
    no_status: "Delete the character under the cursor (status: none)",
    discard_yes: "Yes: close and discard what you typed",
    discard_no: "No: keep typing",
    hint_field: "field",
    hint_save: "save",
    title: "Title",
    name: "Name",
    details: "Details",
    intro: "Intro",
    owner: "Owner",
    status: "Status",
    status_keys: "←→ or 1–5",
    id: "id",
    empty_title: "Enter a title",
    empty_name: "Enter a name",
    discard_question: "Discard what you typed? y/n",
    discard_title: "Not saved",
    no_subtheme: "Select a sub-theme to add a project to first",
    no_theme: "Select a theme to add a sub-theme to first",
    nothing_selected: "Select what to edit first",
    parent_gone: "What this belongs to is no longer in the plan; nothing saved",
    item_gone: "This is no longer in the plan; nothing saved",
    one_line: "This field is one line",
};

impl Lang {
    /// The form texts of this language.
    pub fn form(self) -> &'static FormTexts {
        match self {
            Lang::Nl => &NL_FORM,
            Lang::En => &EN_FORM,
        }
    }

    /// The form's title: "Nieuw project in B. Naam", "Thema bewerken: Naam".
    pub fn form_title(self, kind: Kind, adding: bool, name: &str) -> String {
        let what = match (self, kind) {
            (Lang::Nl, Kind::Project) => "project",
            (Lang::Nl, Kind::Subtheme) => "subthema",
            (Lang::Nl, Kind::Theme) => "thema",
            (Lang::En, Kind::Project) => "project",
            (Lang::En, Kind::Subtheme) => "sub-theme",
            (Lang::En, Kind::Theme) => "theme",
        };
        match (self, adding, name.is_empty()) {
            (Lang::Nl, true, true) => format!("Nieuw {what}"),
            (Lang::Nl, true, false) => format!("Nieuw {what} in {name}"),
            (Lang::Nl, false, _) => format!("{} bewerken: {name}", capitalized(what)),
            (Lang::En, true, true) => format!("New {what}"),
            (Lang::En, true, false) => format!("New {what} in {name}"),
            (Lang::En, false, _) => format!("Edit {what}: {name}"),
        }
    }

    /// The status field's label: "Status 2026".
    pub fn form_status(self, year: u16) -> String {
        format!("{} {year}", self.form().status)
    }

    /// Under a new item's title: the id it will get, and the one it would have
    /// had if that were not taken.
    pub fn form_new_id(self, id: &str, taken: Option<&str>) -> String {
        let label = self.form().id;
        match (self, taken) {
            (_, None) => format!("{label}: {id}"),
            (Lang::Nl, Some(t)) => format!("{label}: {id} ({t} bestaat al)"),
            (Lang::En, Some(t)) => format!("{label}: {id} ({t} is taken)"),
        }
    }

    /// Next to a field someone else changed while the form was open.
    pub fn form_changed_meanwhile(self, theirs: &str) -> String {
        let theirs = self.value_text(crate::edit::Shown::Text(theirs));
        match self {
            Lang::Nl => format!(
                "Intussen door iemand anders gewijzigd in {theirs}; opslaan zet jouw tekst eroverheen"
            ),
            Lang::En => format!(
                "Someone else changed this meanwhile to {theirs}; saving puts your text over it"
            ),
        }
    }

    /// After `u` or `Ctrl-r` on a form's edits: "Ongedaan: 3 wijzigingen aan X".
    pub fn form_undone(self, n: usize, title: &str, undone: bool) -> String {
        match (self, undone) {
            (Lang::Nl, true) => format!("Ongedaan: {n} wijzigingen aan {title}"),
            (Lang::Nl, false) => format!("Opnieuw: {n} wijzigingen aan {title}"),
            (Lang::En, true) => format!("Undone: {n} changes to {title}"),
            (Lang::En, false) => format!("Redone: {n} changes to {title}"),
        }
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_kind_and_where_it_goes() {
        assert_eq!(
            Lang::Nl.form_title(Kind::Subtheme, false, "B. Zorg"),
            "Subthema bewerken: B. Zorg"
        );
        assert_eq!(
            Lang::En.form_title(Kind::Project, true, "B. Zorg"),
            "New project in B. Zorg"
        );
        assert_eq!(Lang::Nl.form_title(Kind::Theme, true, ""), "Nieuw thema");
        assert_eq!(
            Lang::En.form_new_id("zorg-2", Some("zorg")),
            "id: zorg-2 (zorg is taken)"
        );
    }
}
