//! Every user-facing string of the UI and the CLI, in Dutch and English.
//!
//! The plan's own text is never translated.

use crate::plan::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
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
    pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Lang {
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
    pub fn status_or_none(self, s: Option<Status>) -> &'static str {
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
