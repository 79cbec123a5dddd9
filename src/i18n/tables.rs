//! The words of report tables and of net changes: column headings in full and
//! short with their legend, how many changes a line stands for, and the keys
//! that show every change or the focus themes only.

use super::Lang;
use crate::plan::Status;

/// Fixed words of report tables and change lists in one language.
pub struct TableTexts {
    /// The heading of the column of projects without a status.
    pub no_status: &'static str,
    /// Its short form.
    pub no_status_short: &'static str,
    /// The heading of the column of projects (counts).
    pub projects_short: &'static str,
    /// The heading of the number of changes a line stands for (CSV, Markdown).
    pub steps: &'static str,
    /// The changes view's title when it shows every change, and when net.
    pub every_change: &'static str,
    pub net_changes: &'static str,
    /// The key that shows every change or the net ones, in help and the hint.
    pub key_all: &'static str,
    pub hint_all: &'static str,
    /// The progress view: its title's word for the focus themes only, the key.
    pub focus_only: &'static str,
    pub key_focus: &'static str,
    pub hint_focus: &'static str,
}

static NL: TableTexts = TableTexts {
    no_status: "Geen status",
    no_status_short: "Geen",
    projects_short: "Proj",
    steps: "Stappen",
    every_change: "alle wijzigingen",
    net_changes: "netto",
    key_all: "netto of alle wijzigingen",
    hint_all: "netto/alles",
    focus_only: "focusthema’s",
    key_focus: "alle thema’s of alleen focusthema’s",
    hint_focus: "focus",
};

static EN: TableTexts = TableTexts {
    no_status: "No status",
    no_status_short: "None",
    projects_short: "Proj",
    steps: "Steps",
    every_change: "every change",
    net_changes: "net",
    key_all: "net or every change",
    hint_all: "net/all",
    focus_only: "focus themes",
    key_focus: "all themes or focus themes only",
    hint_focus: "focus",
};

impl Lang {
    pub fn tables(self) -> &'static TableTexts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// How many recorded changes one line stands for: "3 wijzigingen".
    pub fn steps(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => "1 wijziging".into(),
            (Lang::Nl, n) => format!("{n} wijzigingen"),
            (Lang::En, 1) => "1 change".into(),
            (Lang::En, n) => format!("{n} changes"),
        }
    }

    /// Under a net list of changes: how many recorded changes are not lines of
    /// their own, and how to see them.
    pub fn folded_note(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => {
                "1 wijziging is teruggedraaid of samengevoegd; --all toont alles.".into()
            }
            (Lang::Nl, n) => {
                format!("{n} wijzigingen zijn teruggedraaid of samengevoegd; --all toont alles.")
            }
            (Lang::En, 1) => "1 change was undone or combined; --all shows every change.".into(),
            (Lang::En, n) => {
                format!("{n} changes were undone or combined; --all shows every change.")
            }
        }
    }

    /// The legend of a report table's short headings: the projects' and
    /// every status's ([`Lang::abbrev_legend`]).
    pub fn short_headings_legend(self) -> String {
        let projects = self.report().project_many;
        let mut projects = projects.chars();
        let word: String = (projects.next().into_iter())
            .flat_map(char::to_uppercase)
            .chain(projects)
            .collect();
        let short = self.tables().projects_short;
        format!(
            "{short} = {word} · {} · % = % {}",
            self.abbrev_legend(),
            self.tr().done_word
        )
    }

    /// The legend of the short headings: "Gepl = Gepland · Lop = Lopend · …",
    /// each short form that differs from its word.
    pub fn abbrev_legend(self) -> String {
        let t = self.tables();
        let mut parts: Vec<String> = Status::ALL
            .iter()
            .map(|s| (self.status_short(*s), self.status(*s)))
            .chain([(t.no_status_short, t.no_status)])
            .filter(|(short, word)| short != word)
            .map(|(short, word)| format!("{short} = {word}"))
            .collect();
        parts.dedup();
        parts.join(" · ")
    }
}

/// A legend of parts joined by " · ", in lines of at most `room` columns,
/// broken between parts (a part wider than `room` gets a line of its own).
pub fn wrap_legend(legend: &str, room: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines: Vec<String> = Vec::new();
    for part in legend.split(" · ") {
        match lines.last_mut() {
            Some(line) if line.width() + 3 + part.width() <= room => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legends_wrap_between_parts() {
        assert_eq!(wrap_legend("a = b · c = d · e", 9), ["a = b", "c = d · e"]);
        assert_eq!(wrap_legend("a = b · c = d", 80), ["a = b · c = d"]);
    }

    #[test]
    fn counts_and_notes_in_both_languages() {
        assert_eq!(Lang::Nl.steps(3), "3 wijzigingen");
        assert_eq!(Lang::En.steps(1), "1 change");
        assert!(Lang::Nl.folded_note(2).starts_with("2 wijzigingen zijn"));
        assert!(Lang::En.folded_note(1).contains("--all"));
    }

    #[test]
    fn the_legend_names_every_short_heading() {
        assert_eq!(
            Lang::Nl.abbrev_legend(),
            "Gepl = Gepland · Lop = Lopend · Afg = Afgerond · Uitg = Uitgesteld · \
             Verv = Vervallen · Geen = Geen status"
        );
        assert_eq!(
            Lang::En.abbrev_legend(),
            "Plan = Planned · Prog = In progress · Hold = On hold · Canc = Cancelled · \
             None = No status"
        );
    }
}
