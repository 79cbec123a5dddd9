//! Every user-facing string of the UI and the CLI, in Dutch and English.
//!
//! The plan's own text is never translated.

use crate::plan::Status;

mod arrange;
mod as_of;
mod aux_faults;
mod aux_words;
mod board;
mod cli;
mod command_words;
mod conflicts;
mod dates;
mod faults;
mod faults_words;
mod form;
mod git;
pub mod help;
mod help_args;
mod keys;
mod listing;
mod outline_words;
mod planning;
mod planning_words;
mod presence;
mod problems;
mod recorded;
mod search;
mod session;
mod start;
mod syntax_words;
mod tables;
#[cfg(test)]
mod tests_aux_words;
#[cfg(test)]
mod tests_syntax;
#[cfg(test)]
mod tests_words;
mod together;
mod travel;
mod ui;
pub mod usage;

pub use arrange::ArrangeTexts;
pub use as_of::AsOfTexts;
pub use aux_faults::{
    AuxWhy, ConfigMessage, ConfigProblem, ConfigWarning, Holder, JournalDamage, JournalFault,
};
pub use board::BoardTexts;
pub use command_words::{RolloverWord, YearError};
pub use conflicts::ConflictTexts;
pub use faults::{FileFault, IoWhy, MetaWhy, ReadOnlyWhy, SaveFailure};
pub use form::FormTexts;
pub use keys::KeyTexts;
pub use listing::{LIST_HELP_EN, LIST_HELP_NL, ListingTexts};
pub use planning::Planning;
pub use planning_words::PlanningTexts;
pub use recorded::path_or_id;
pub use search::{FIND_HELP_EN, FIND_HELP_NL, SearchTexts};
pub use start::NewPlan;
pub use tables::{TableTexts, wrap_legend};
pub use travel::TravelTexts;
pub use ui::UiTexts;

/// `a`, `b`, `c`: names as code, as the messages about a file list them.
fn code_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    quoted.join(", ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
pub enum Lang {
    Nl,
    #[default]
    En,
}

impl Lang {
    /// `LC_ALL` > `LC_MESSAGES` > `LANG`: `nl*` is Dutch, anything else English.
    pub fn from_env() -> Lang {
        Self::from_locale(|k| std::env::var(k).ok())
    }

    /// Like [`from_env`](Self::from_env) over any lookup, for tests.
    pub(crate) fn from_locale(get: impl Fn(&str) -> Option<String>) -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(get)
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if value.to_ascii_lowercase().starts_with("nl") {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    /// A status as shown to people.
    pub fn status(self, s: Status) -> &'static str {
        match (self, s) {
            (Lang::Nl, Status::Planned) => "Gepland",
            (Lang::Nl, Status::InProgress) => "Lopend",
            (Lang::Nl, Status::Done) => "Afgerond",
            (Lang::Nl, Status::OnHold) => "Uitgesteld",
            (Lang::Nl, Status::Cancelled) => "Vervallen",
            (Lang::En, Status::Planned) => "Planned",
            (Lang::En, Status::InProgress) => "In progress",
            (Lang::En, Status::Done) => "Done",
            (Lang::En, Status::OnHold) => "On hold",
            (Lang::En, Status::Cancelled) => "Cancelled",
        }
    }

    /// A status or its absence.
    pub(crate) fn status_or_none(self, s: Option<Status>) -> &'static str {
        match s {
            Some(s) => self.status(s),
            None => self.tr().no_status,
        }
    }

    pub fn tr(self) -> &'static Texts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }
}

/// The fixed strings of one language.
pub struct Texts {
    pub no_status: &'static str,
    pub done_word: &'static str,
    pub themes: &'static str,
    pub subthemes: &'static str,
    pub projects: &'static str,
    pub owner: &'static str,
    pub notes: &'static str,
    pub details: &'static str,
    pub status: &'static str,
    pub history: &'static str,
    pub theme: &'static str,
}

pub static NL: Texts = Texts {
    no_status: "—",
    done_word: "afgerond",
    themes: "Thema’s",
    subthemes: "Subthema’s",
    projects: "Projecten",
    owner: "Eigenaar",
    notes: "Notities",
    details: "Omschrijving",
    status: "Status",
    history: "Geschiedenis",
    theme: "Thema",
};

pub static EN: Texts = Texts {
    no_status: "—",
    done_word: "done",
    themes: "Themes",
    subthemes: "Sub-themes",
    projects: "Projects",
    owner: "Owner",
    notes: "Notes",
    details: "Details",
    status: "Status",
    history: "History",
    theme: "Theme",
};

/// The strings of board reports and change lists (`aoplan report`, `aoplan changes`).
pub struct ReportTexts {
    pub total: &'static str,
    pub project_one: &'static str,
    pub project_many: &'static str,
    pub no_status: &'static str,
    pub focus_legend: &'static str,
    pub plan_year: &'static str,
    pub focus: &'static str,
    pub subtheme: &'static str,
    pub project: &'static str,
    pub id: &'static str,
    pub year: &'static str,
    pub changes_title: &'static str,
    pub no_changes: &'static str,
    pub since: &'static str,
    pub period_from: &'static str,
    pub period_through: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub from: &'static str,
    pub to: &'static str,
}

impl Lang {
    /// The report strings of this language.
    pub fn report(self) -> &'static ReportTexts {
        match self {
            Lang::Nl => &NL_REPORT,
            Lang::En => &EN_REPORT,
        }
    }
}

pub static NL_REPORT: ReportTexts = ReportTexts {
    total: "Totaal",
    project_one: "project",
    project_many: "projecten",
    no_status: "geen status",
    focus_legend: "★ = focusthema · % afgerond = afgerond ÷ (projecten − vervallen)",
    plan_year: "Planjaar",
    focus: "Focus",
    subtheme: "Subthema",
    project: "Project",
    id: "Id",
    year: "Jaar",
    changes_title: "Statuswijzigingen",
    no_changes: "Geen statuswijzigingen",
    since: "sinds",
    period_from: "van",
    period_through: "t/m",
    when: "Wanneer",
    who: "Wie",
    from: "Van",
    to: "Naar",
};

pub static EN_REPORT: ReportTexts = ReportTexts {
    total: "Total",
    project_one: "project",
    project_many: "projects",
    no_status: "no status",
    focus_legend: "★ = focus theme · % done = done ÷ (projects − cancelled)",
    plan_year: "Plan year",
    focus: "Focus",
    subtheme: "Sub-theme",
    project: "Project",
    id: "Id",
    year: "Year",
    changes_title: "Status changes",
    no_changes: "No status changes",
    since: "since",
    period_from: "from",
    period_through: "through",
    when: "When",
    who: "Who",
    from: "From",
    to: "To",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "nl_NL.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_MESSAGES", "nl_BE"), ("LANG", "en_US")])),
            Lang::Nl
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }
}
