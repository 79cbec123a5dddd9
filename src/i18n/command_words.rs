//! Words of `check`, `set`, `rollover` and the other commands that print a
//! line of their own, in Dutch and English.

use std::fmt;

use super::Lang;
use crate::plan::YEARS;
use crate::terminal_safe::line;

/// Why a rollover cannot happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearError {
    /// Not a number.
    NotAYear(String),
    /// Outside the plan years aoplan knows.
    OutOfRange(u16),
    /// Before the plan year: rollover only goes forward.
    Backwards { year: u16, plan_year: u16 },
}

impl fmt::Display for YearError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.year_error(self))
    }
}

impl std::error::Error for YearError {}

/// The headings and sentences of `rollover`'s report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RolloverWord {
    Carried,
    NotCarried,
}

impl Lang {
    pub fn year_error(self, e: &YearError) -> String {
        let (lo, hi) = (YEARS.start(), YEARS.end());
        match (self, e) {
            (Lang::Nl, YearError::NotAYear(t)) => format!("{t:?} is geen jaar zoals 2027"),
            (Lang::En, YearError::NotAYear(t)) => format!("{t:?} is not a year like 2027"),
            (Lang::Nl, YearError::OutOfRange(y)) => format!("jaar {y} ligt buiten {lo}–{hi}"),
            (Lang::En, YearError::OutOfRange(y)) => format!("year {y} is outside {lo}–{hi}"),
            (Lang::Nl, YearError::Backwards { year, plan_year }) => format!(
                "jaar {year} ligt vóór het planjaar {plan_year}; rollover gaat alleen vooruit"
            ),
            (Lang::En, YearError::Backwards { year, plan_year }) => format!(
                "year {year} is before the plan year {plan_year}; rollover only goes forward"
            ),
        }
    }

    /// `check`: the plan is good; what it holds.
    pub fn check_summary(self, path: &str, themes: usize, subs: usize, projects: usize) -> String {
        let path = line(path);
        match self {
            Lang::Nl => {
                format!("{path}: {themes} thema’s, {subs} subthema’s, {projects} projecten")
            }
            Lang::En => format!("{path}: {themes} themes, {subs} sub-themes, {projects} projects"),
        }
    }

    /// A warning on stderr (e.g. an unusable config file).
    pub fn warning(self, what: &str) -> String {
        match self {
            Lang::Nl => format!("waarschuwing: {what}"),
            Lang::En => format!("warning: {what}"),
        }
    }

    /// `set`: the project has that status already.
    pub fn set_already(self, id: &str, year: u16, status: &str) -> String {
        match self {
            Lang::Nl => format!("{id}: {year} is al {status}; niets op te slaan"),
            Lang::En => format!("{id}: {year} is already {status}; nothing to save"),
        }
    }

    /// `set`: someone else removed the project meanwhile.
    pub fn removed_meanwhile(self, id: &str) -> String {
        match self {
            Lang::Nl => format!(
                "{id} is intussen door iemand anders uit het bestand gehaald; er is niets veranderd"
            ),
            Lang::En => format!(
                "{id} was removed from the file by someone else meanwhile; nothing was changed"
            ),
        }
    }

    /// `set`: the status had been changed meanwhile and was set anyway.
    pub fn set_anyway(self, id: &str, meanwhile: &str, to: &str) -> String {
        match self {
            Lang::Nl => {
                format!("let op: {id} was intussen gewijzigd in {meanwhile}; toch op {to} gezet")
            }
            Lang::En => {
                format!("note: {id} had been changed meanwhile to {meanwhile}; set to {to} anyway")
            }
        }
    }

    /// An id that is a theme or sub-theme where a project was wanted.
    pub fn not_a_project(self, id: &str, theme: bool) -> String {
        match (self, theme) {
            (Lang::Nl, true) => format!("{id:?} is een thema, geen project"),
            (Lang::Nl, false) => format!("{id:?} is een subthema, geen project"),
            (Lang::En, true) => format!("{id:?} is a theme, not a project"),
            (Lang::En, false) => format!("{id:?} is a sub-theme, not a project"),
        }
    }

    /// An unknown project id, with close ones (or how to find ids).
    pub fn unknown_project(self, id: &str, close: &[&str]) -> String {
        let hint = match (self, close) {
            (Lang::Nl, []) => "`aoplan find WOORDEN` toont de ids van projecten".to_string(),
            (Lang::En, []) => "`aoplan find WORDS` lists project ids".to_string(),
            (_, close) => self.did_you_mean(close),
        };
        match self {
            Lang::Nl => format!("onbekend project-id {id:?}; {hint}"),
            Lang::En => format!("unknown project id {id:?}; {hint}"),
        }
    }

    /// A status `set` or `add` does not know; `none` says whether `none`
    /// (clearing the status) is allowed too.
    pub fn unknown_status(self, input: &str, close: Option<&str>, none: bool) -> String {
        let all = crate::plan::Status::ALL;
        let ours: Vec<&str> = all.iter().map(|s| self.status(*s)).collect();
        // Also read: the file's names in Dutch, the Dutch labels in English.
        let also: Vec<&str> = match self {
            Lang::Nl => all.iter().map(|s| s.file_name()).collect(),
            Lang::En => all.iter().map(|s| Lang::Nl.status(*s)).collect(),
        };
        let (ours, also) = (ours.join(", "), also.join(", "));
        let hint = close.map(|c| format!("{} ", self.did_you_mean(&[c])));
        let hint = hint.unwrap_or_default();
        let or_none = match (self, none) {
            (_, false) => "",
            (Lang::Nl, true) => ", of geen (none)",
            (Lang::En, true) => ", or none",
        };
        match self {
            Lang::Nl => {
                format!("onbekende status {input:?}; {hint}Statussen: {ours}{or_none}; ook: {also}")
            }
            Lang::En => {
                format!("unknown status {input:?}; {hint}Statuses: {ours}{or_none}; also: {also}")
            }
        }
    }

    /// `rollover`: the plan year is that year already.
    pub fn rollover_nothing_to_do(self, year: u16) -> String {
        match self {
            Lang::Nl => format!("Het planjaar is al {year}; niets te doen."),
            Lang::En => format!("The plan year is already {year}; nothing to do."),
        }
    }

    /// `rollover`: other writers kept saving in between.
    pub fn rollover_unstable(self, path: &str) -> String {
        match self {
            Lang::Nl => format!(
                "niet opgeslagen: {path} bleef veranderen tijdens de rollover; probeer het opnieuw"
            ),
            Lang::En => format!("not saved: {path} kept changing while rolling over; try again"),
        }
    }

    /// `rollover`'s first line.
    pub fn rollover_heading(self, from: u16, to: u16, dry_run: bool) -> String {
        let note = match (self, dry_run) {
            (_, false) => "",
            (Lang::Nl, true) => " (proefdraai: niets opgeslagen)",
            (Lang::En, true) => " (dry run: nothing saved)",
        };
        match self {
            Lang::Nl => format!("Jaarovergang {from} → {to}{note}"),
            Lang::En => format!("Rollover {from} → {to}{note}"),
        }
    }

    pub fn rollover_section(self, word: RolloverWord) -> &'static str {
        match (self, word) {
            (Lang::Nl, RolloverWord::Carried) => "Overgenomen",
            (Lang::Nl, RolloverWord::NotCarried) => "Niet overgenomen",
            (Lang::En, RolloverWord::Carried) => "Carried over",
            (Lang::En, RolloverWord::NotCarried) => "Not carried over",
        }
    }

    /// The heading of projects that had a status in the new year already.
    pub fn rollover_kept(self, year: u16) -> String {
        match self {
            Lang::Nl => format!("Al gezet voor {year}, behouden"),
            Lang::En => format!("Already set for {year}, kept"),
        }
    }

    pub fn rollover_year_now(self, year: u16, dry_run: bool) -> String {
        match (self, dry_run) {
            (Lang::Nl, true) => format!("Het planjaar zou {year} worden."),
            (Lang::Nl, false) => format!("Het planjaar is nu {year}."),
            (Lang::En, true) => format!("The plan year would become {year}."),
            (Lang::En, false) => format!("The plan year is now {year}."),
        }
    }

    /// The title still names the old year; `title` is quoted already.
    pub fn rollover_title_still(self, title: &str) -> String {
        match self {
            Lang::Nl => format!("De titel is nog steeds {title}."),
            Lang::En => format!("The title is still {title}."),
        }
    }

    /// A global option given to a command it means nothing to.
    pub fn option_not_for(self, flag: &str, command: &str) -> String {
        match self {
            Lang::Nl => format!("{flag} betekent niets voor `aoplan {command}`"),
            Lang::En => format!("{flag} means nothing to `aoplan {command}`"),
        }
    }

    /// No home directory, so no default plan file.
    pub fn no_home(self) -> &'static str {
        match self {
            Lang::Nl => {
                "kan geen thuismap vinden voor het standaardplanbestand; gebruik --file of AOPLAN_FILE"
            }
            Lang::En => {
                "cannot find a home directory for the default plan file; use --file or AOPLAN_FILE"
            }
        }
    }

    /// `new`/`import`: the plan would not be valid.
    pub fn no_plan_created(self, problems: &str) -> String {
        match self {
            Lang::Nl => format!("geen plan gemaakt: {problems}"),
            Lang::En => format!("no plan created: {problems}"),
        }
    }

    /// `new`/`import`: a file could not be created.
    pub fn cannot_create(self, path: &str, why: &str) -> String {
        match self {
            Lang::Nl => format!("kan {path} niet aanmaken: {why}"),
            Lang::En => format!("cannot create {path}: {why}"),
        }
    }

    /// `import`: the outline given is a directory.
    pub fn outline_is_directory(self, path: &str) -> String {
        match self {
            Lang::Nl => format!("{path}: is een map, geen outline"),
            Lang::En => format!("{path}: is a directory, not an outline"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both languages say something, and not the same thing.
    fn said(what: &str, nl: String, en: String) {
        assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{what}");
        assert_ne!(nl, en, "{what}: the same in both languages");
    }

    #[test]
    fn every_command_word_is_said_in_both_languages() {
        let years = [
            YearError::NotAYear("next".into()),
            YearError::OutOfRange(2200),
            YearError::Backwards {
                year: 2025,
                plan_year: 2026,
            },
        ];
        for e in &years {
            said(
                &format!("{e:?}"),
                Lang::Nl.year_error(e),
                Lang::En.year_error(e),
            );
        }
        for w in [RolloverWord::Carried, RolloverWord::NotCarried] {
            let (nl, en) = (Lang::Nl.rollover_section(w), Lang::En.rollover_section(w));
            said(&format!("{w:?}"), nl.into(), en.into());
        }
        let both = |f: &dyn Fn(Lang) -> String| said("command word", f(Lang::Nl), f(Lang::En));
        both(&|l| l.check_summary("p.ron", 1, 2, 3));
        both(&|l| l.warning("x"));
        both(&|l| l.set_already("x", 2026, l.status(crate::plan::Status::Done)));
        both(&|l| l.removed_meanwhile("x"));
        both(&|l| l.set_anyway("x", "Done", "Planned"));
        both(&|l| l.not_a_project("x", true));
        both(&|l| l.not_a_project("x", false));
        both(&|l| l.unknown_project("x", &[]));
        both(&|l| l.unknown_project("x", &["y"]));
        both(&|l| l.unknown_status("afgrond", Some("Afgerond"), false));
        both(&|l| l.unknown_status("klaar", None, true));
        both(&|l| l.rollover_nothing_to_do(2027));
        both(&|l| l.rollover_unstable("p.ron"));
        both(&|l| l.rollover_heading(2026, 2027, true));
        both(&|l| l.rollover_kept(2027));
        both(&|l| l.rollover_year_now(2027, true));
        both(&|l| l.rollover_year_now(2027, false));
        both(&|l| l.rollover_title_still("\"Plan 2026\""));
        both(&|l| l.no_home().into());
        both(&|l| l.no_plan_created("x"));
        both(&|l| l.cannot_create("p.ron", "x"));
        both(&|l| l.outline_is_directory("p.ron"));
    }
}
