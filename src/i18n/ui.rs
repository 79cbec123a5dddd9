//! The texts of the terminal UI: labels, notices and messages.

use super::Lang;
use crate::edit::{Field, Shown, TextField};
use crate::plan::Status;

/// Fixed UI texts of one language.
pub struct UiTexts {
    pub plan_year: &'static str,
    pub read_only: &'static str,
    pub read_only_refused: &'static str,
    pub subtheme: &'static str,
    pub no_themes: &'static str,
    pub no_subthemes: &'static str,
    pub no_projects: &'static str,
    pub no_projects_filtered: &'static str,
    pub no_text: &'static str,
    pub empty_text: &'static str,
    pub filter: &'static str,
    pub filter_open: &'static str,
    pub current: &'static str,
    pub saved: &'static str,
    pub reloaded: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub project_gone: &'static str,
    pub no_project_selected: &'static str,
    pub saving_before_quit: &'static str,
    pub recovered: &'static str,
    pub search_title: &'static str,
    pub no_results: &'static str,
    pub searching: &'static str,
    pub help_title: &'static str,
    pub confirm_title: &'static str,
    pub summary_title: &'static str,
    pub changes_title: &'static str,
    pub conflict_mine_undo: &'static str,
    pub conflict_mine_redo: &'static str,
    pub conflict_mine_typed: &'static str,
    pub conflict_theirs: &'static str,
    pub conflict_back_editor: &'static str,
    pub conflict_back_nothing: &'static str,
    pub one_line_only: &'static str,
}

pub static NL_UI: UiTexts = UiTexts {
    plan_year: "Planjaar",
    read_only: "ALLEEN LEZEN",
    read_only_refused: "Alleen lezen: wijzigen kan niet (zie de balk bovenaan)",
    subtheme: "Subthema",
    no_themes: "Geen thema’s",
    no_subthemes: "Geen subthema’s",
    no_projects: "Geen projecten",
    no_projects_filtered: "Geen projecten met deze status",
    no_text: "—",
    empty_text: "(leeg)",
    filter: "filter",
    filter_open: "open",
    current: "huidig",
    saved: "Opgeslagen",
    reloaded: "Plan op schijf gewijzigd — opnieuw geladen",
    nothing_to_undo: "Niets om ongedaan te maken",
    nothing_to_redo: "Niets om opnieuw te doen",
    project_gone: "Dit project bestaat niet meer",
    no_project_selected: "Kies eerst een project",
    saving_before_quit: "Opslaan voor het afsluiten…",
    recovered: "Niet bewaarde invoer hersteld — Enter bewaart, Esc gooit weg",
    search_title: "Zoeken",
    no_results: "Geen resultaten",
    searching: "Zoeken…",
    help_title: "Toetsen",
    confirm_title: "Niet opgeslagen",
    summary_title: "Voortgang",
    changes_title: "Wijzigingen",
    conflict_mine_undo: "Mijn waarde, die ongedaan maken terugzet:",
    conflict_mine_redo: "Mijn waarde, die opnieuw doen zet:",
    conflict_mine_typed: "Mijn tekst, zoals getypt:",
    conflict_theirs: "Waarde van de ander, nu in het plan:",
    conflict_back_editor: "Terug naar de editor, met je tekst",
    conflict_back_nothing: "Terug; er verandert niets",
    one_line_only: "De eigenaar is één regel",
};

pub static EN_UI: UiTexts = UiTexts {
    plan_year: "Plan year",
    read_only: "READ-ONLY",
    read_only_refused: "Read-only: changes are disabled (see the banner at the top)",
    subtheme: "Sub-theme",
    no_themes: "No themes",
    no_subthemes: "No sub-themes",
    no_projects: "No projects",
    no_projects_filtered: "No projects with this status",
    no_text: "—",
    empty_text: "(empty)",
    filter: "filter",
    filter_open: "open",
    current: "current",
    saved: "Saved",
    reloaded: "Plan changed on disk — reloaded",
    nothing_to_undo: "Nothing to undo",
    nothing_to_redo: "Nothing to redo",
    project_gone: "This project no longer exists",
    no_project_selected: "Select a project first",
    saving_before_quit: "Saving before quitting…",
    recovered: "Recovered unsaved input — Enter keeps it, Esc discards it",
    search_title: "Search",
    no_results: "No results",
    searching: "Searching…",
    help_title: "Keys",
    confirm_title: "Not saved",
    summary_title: "Progress",
    changes_title: "Changes",
    conflict_mine_undo: "Mine, what undo would restore:",
    conflict_mine_redo: "Mine, what redo would set:",
    conflict_mine_typed: "Mine, as typed:",
    conflict_theirs: "Theirs, now in the plan:",
    conflict_back_editor: "Back to the editor, with your text",
    conflict_back_nothing: "Back; nothing changes",
    one_line_only: "The owner is one line",
};

/// Messages with values in them.
impl Lang {
    /// The fixed UI texts of this language.
    pub fn ui(self) -> &'static UiTexts {
        match self {
            Lang::Nl => &NL_UI,
            Lang::En => &EN_UI,
        }
    }

    /// A status in at most four letters, for narrow column headings.
    pub(crate) fn status_short(self, s: Status) -> &'static str {
        match (self, s) {
            (Lang::Nl, Status::Planned) => "Gepl",
            (Lang::Nl, Status::InProgress) => "Lop",
            (Lang::Nl, Status::Done) => "Afg",
            (Lang::Nl, Status::OnHold) => "Uitg",
            (Lang::Nl, Status::Cancelled) => "Verv",
            (Lang::En, Status::Planned) => "Plan",
            (Lang::En, Status::InProgress) => "Prog",
            (Lang::En, Status::Done) => "Done",
            (Lang::En, Status::OnHold) => "Hold",
            (Lang::En, Status::Cancelled) => "Canc",
        }
    }

    pub fn too_small(self, width: u16, height: u16) -> String {
        match self {
            Lang::Nl => format!("terminal te klein (minimaal {width}×{height})"),
            Lang::En => format!("terminal too small (need {width}×{height})"),
        }
    }

    /// "34/76 afgerond · 45 %".
    pub fn progress(self, done: usize, total: usize, percent: usize) -> String {
        format!("{done}/{total} {} · {percent} %", self.tr().done_word)
    }

    /// A field in running text: "status 2026", "notities".
    pub(crate) fn field_name(self, field: &Field) -> String {
        let nl = self == Lang::Nl;
        let text = |field: &TextField| match field {
            TextField::Owner(_) => ["eigenaar", "owner"],
            TextField::Notes(_) => ["notities", "notes"],
            TextField::Title(_) => ["titel", "title"],
            TextField::Details(_) => ["beschrijving", "description"],
            TextField::SubthemeName(_) => ["naam van het subthema", "sub-theme name"],
            TextField::SubthemeIntro(_) => ["inleiding van het subthema", "sub-theme intro"],
            TextField::ThemeName(_) => ["naam van het thema", "theme name"],
            TextField::ThemeIntro(_) => ["inleiding van het thema", "theme intro"],
            TextField::PlanFund => ["fonds van het plan", "plan's fund"],
            TextField::PlanTitle => ["titel van het plan", "plan's title"],
        };
        let [in_nl, in_en] = match field {
            Field::Status { year, .. } => return format!("status {year}"),
            Field::Text(field) => text(field),
            Field::Focus { .. } => ["focus", "focus"],
            Field::PlanYear => ["jaar van het plan", "plan's year"],
            Field::Place { .. } => ["plaats", "place"],
            Field::Conflict(on) => return self.conflict_over(on),
        };
        if nl { in_nl } else { in_en }.to_string()
    }

    /// A field's value in running text: a status label, or the quoted text.
    pub(crate) fn value_text(self, value: Shown) -> String {
        match (self, value) {
            (_, Shown::Status(s)) => self.status_or_none(s).to_string(),
            (_, Shown::Text("")) => self.ui().empty_text.to_string(),
            (_, Shown::Text(t)) => format!("“{t}”"),
            (Lang::Nl, Shown::Flag(on)) => if on { "aan" } else { "uit" }.into(),
            (Lang::En, Shown::Flag(on)) => if on { "on" } else { "off" }.into(),
            (_, Shown::Year(year)) => year.to_string(),
            (Lang::Nl, Shown::Place(None)) => "niet in het plan".into(),
            (Lang::En, Shown::Place(None)) => "not in the plan".into(),
            (Lang::Nl, Shown::Place(Some(p))) if p.is_end() => format!("achteraan {}", p.parent),
            (Lang::En, Shown::Place(Some(p))) if p.is_end() => format!("at the end {}", p.parent),
            (Lang::Nl, Shown::Place(Some(p))) if p.parent.is_empty() => {
                format!("op plaats {}", p.position + 1)
            }
            (Lang::En, Shown::Place(Some(p))) if p.parent.is_empty() => {
                format!("at position {}", p.position + 1)
            }
            (Lang::Nl, Shown::Place(Some(p))) => {
                format!("in {} op plaats {}", p.parent, p.position + 1)
            }
            (Lang::En, Shown::Place(Some(p))) => {
                format!("in {} at position {}", p.parent, p.position + 1)
            }
        }
    }

    /// The inline editor's title: "Notities bewerken".
    pub(crate) fn edit_title(self, field: &TextField) -> String {
        let name = self.field_name(&Field::Text(field.clone()));
        match self {
            Lang::Nl => {
                let mut chars = name.chars();
                let first = chars.next().map(|c| c.to_uppercase().to_string());
                format!("{}{} bewerken", first.unwrap_or_default(), chars.as_str())
            }
            Lang::En => format!("Edit {name}"),
        }
    }

    pub fn picker_title(self, year: u16) -> String {
        format!("{} {year}", self.tr().status)
    }

    pub fn conflict(self, project: &str, field: &Field, theirs: Shown) -> String {
        let (field, theirs) = (self.field_name(field), self.value_text(theirs));
        match self {
            Lang::Nl => format!(
                "{project}: {field} is ook door iemand anders gewijzigd (was: {theirs}); jouw wijziging is behouden — u maakt haar ongedaan"
            ),
            Lang::En => format!(
                "{project}: {field} was also changed by someone else (was: {theirs}); your change was kept — u undoes it"
            ),
        }
    }

    pub fn removed_by_someone(self, project: &str) -> String {
        match self {
            Lang::Nl => format!(
                "{project} is door iemand anders verwijderd; je wijziging daaraan is vervallen"
            ),
            Lang::En => {
                format!("{project} was removed by someone else; your change to it was dropped")
            }
        }
    }

    pub fn confirm_quit(self, error: &str) -> String {
        match self {
            Lang::Nl => {
                format!("Niet opgeslagen: {error}. Afsluiten en de wijzigingen weggooien?")
            }
            Lang::En => format!("Not saved: {error}. Quit and discard the changes?"),
        }
    }

    pub fn disk_broken(self, message: &str) -> String {
        match self {
            Lang::Nl => format!(
                "Het planbestand op schijf laadt niet meer; je wijzigingen blijven in het geheugen: {message}"
            ),
            Lang::En => format!(
                "The plan file on disk no longer loads; your changes are kept in memory: {message}"
            ),
        }
    }

    pub fn result_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => "1 resultaat".into(),
            (Lang::Nl, n) => format!("{n} resultaten"),
            (Lang::En, 1) => "1 result".into(),
            (Lang::En, n) => format!("{n} results"),
        }
    }

    pub fn unsaved_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => "1 wijziging niet opgeslagen".into(),
            (Lang::Nl, n) => format!("{n} wijzigingen niet opgeslagen"),
            (Lang::En, 1) => "1 unsaved change".into(),
            (Lang::En, n) => format!("{n} unsaved changes"),
        }
    }

    /// "Ongedaan: status 2026 van X → Gepland".
    pub(crate) fn undone(self, project: &str, field: &Field, value: Shown) -> String {
        let (field, value) = (self.field_name(field), self.value_text(value));
        match self {
            Lang::Nl => format!("Ongedaan: {field} van {project} is weer {value}"),
            Lang::En => format!("Undone: {field} of {project} is {value} again"),
        }
    }

    pub fn redone(self, project: &str, field: &Field, value: Shown) -> String {
        let (field, value) = (self.field_name(field), self.value_text(value));
        match self {
            Lang::Nl => format!("Opnieuw: {field} van {project} is {value}"),
            Lang::En => format!("Redone: {field} of {project} is {value}"),
        }
    }

    /// The conflict dialog's title: "Conflict: notities".
    pub(crate) fn conflict_title(self, field: &Field) -> String {
        format!("Conflict: {}", self.field_name(field))
    }

    pub fn conflict_intro(self, project: &str, field: &Field) -> String {
        let field = self.field_name(field);
        match self {
            Lang::Nl => format!(
                "Iemand anders heeft {field} van {project} gewijzigd sinds jij eraan werkte."
            ),
            Lang::En => {
                format!("Someone else changed the {field} of {project} since you worked on it.")
            }
        }
    }

    /// After "keep mine" in a conflict.
    pub(crate) fn kept_mine(self, project: &str, field: &Field, value: Shown) -> String {
        let (field, value) = (self.field_name(field), self.value_text(value));
        match self {
            Lang::Nl => format!(
                "Jouw waarde gehouden: {field} van {project} is {value} — u zet die van de ander terug"
            ),
            Lang::En => {
                format!("Kept yours: {field} of {project} is {value} — u brings theirs back")
            }
        }
    }

    /// After "take theirs" in a conflict.
    pub(crate) fn took_theirs(self, project: &str, field: &Field, value: Shown) -> String {
        let (field, value) = (self.field_name(field), self.value_text(value));
        match self {
            Lang::Nl => format!(
                "Waarde van de ander aangenomen: {field} van {project} blijft {value} — u zet de jouwe terug"
            ),
            Lang::En => {
                format!("Accepted theirs: {field} of {project} stays {value} — u brings yours back")
            }
        }
    }
}
