//! The words of [`super::aux_faults`]: a config file that is ignored, a
//! journal that cannot be used, and who holds a plan's lock, in Dutch and
//! English. `Display` of the config warning and the journal fault is the
//! English, for logs and tests.

use std::fmt;
use std::path::Path;

use jiff::tz::TimeZone;

use super::Lang;
use super::aux_faults::{
    AuxWhy, ConfigMessage, ConfigProblem, ConfigWarning, Holder, JournalDamage, JournalFault,
};

fn shown(path: &Path) -> String {
    crate::terminal_safe::line(&path.display().to_string()).into_owned()
}

use super::code_list as list;

impl Lang {
    /// Why a small file could not be read, to follow its path and a colon.
    pub fn aux_why(self, why: &AuxWhy) -> String {
        match (self, why) {
            (Lang::Nl, AuxWhy::NotFound) => "bestand bestaat niet".into(),
            (Lang::En, AuxWhy::NotFound) => "no such file".into(),
            (Lang::Nl, AuxWhy::Symlink) => {
                "is een symbolische koppeling, en die wordt niet gevolgd".into()
            }
            (Lang::En, AuxWhy::Symlink) => "is a symbolic link, which is not followed".into(),
            (Lang::Nl, AuxWhy::NotRegular) => {
                "is geen gewoon bestand (een map, FIFO of apparaat)".into()
            }
            (Lang::En, AuxWhy::NotRegular) => {
                "is not a regular file (a directory, FIFO or device)".into()
            }
            (Lang::Nl, AuxWhy::TooLarge { size, limit }) => {
                format!("is te groot ({size} bytes; de grens is {limit})")
            }
            (Lang::En, AuxWhy::TooLarge { size, limit }) => {
                format!("is too large ({size} bytes; the limit is {limit})")
            }
            (Lang::Nl, AuxWhy::Io(why)) => format!("kan niet worden gelezen: {}", self.io_why(why)),
            (Lang::En, AuxWhy::Io(why)) => format!("cannot be read: {}", self.io_why(why)),
        }
    }

    /// Why the journal of unsaved edits could not be used, starting with its path.
    pub fn journal_fault(self, fault: &JournalFault) -> String {
        match (self, fault) {
            (_, JournalFault::Read { path, why }) => {
                format!("{}: {}", shown(path), self.aux_why(why))
            }
            (Lang::Nl, JournalFault::Foreign(path)) => format!(
                "{}: niet van jou, of leesbaar voor anderen; niet gebruikt en niet aangeraakt",
                shown(path)
            ),
            (Lang::En, JournalFault::Foreign(path)) => format!(
                "{}: not owned by you, or readable by others; not used and left alone",
                shown(path)
            ),
            (Lang::Nl, JournalFault::Damaged { path, damage }) => format!(
                "{}: beschadigd: {}",
                shown(path),
                self.journal_damage(damage)
            ),
            (Lang::En, JournalFault::Damaged { path, damage }) => {
                format!("{}: damaged: {}", shown(path), self.journal_damage(damage))
            }
        }
    }

    fn journal_damage(self, damage: &JournalDamage) -> String {
        match (self, damage) {
            (_, JournalDamage::Syntax { line, col, message }) => {
                format!("{line}:{col}: {}", self.syntax(message))
            }
            (Lang::Nl, JournalDamage::UnknownVersion(v)) => {
                format!("onbekende versie {v} (geschreven door een nieuwere aoplan?)")
            }
            (Lang::En, JournalDamage::UnknownVersion(v)) => {
                format!("unknown version {v} (written by a newer aoplan?)")
            }
            (Lang::Nl, JournalDamage::MixedKinds { project }) => format!(
                "een wijziging van {} mengt een status en een tekst",
                crate::terminal_safe::line(project)
            ),
            (Lang::En, JournalDamage::MixedKinds { project }) => format!(
                "an edit of {} mixes a status and a text",
                crate::terminal_safe::line(project)
            ),
        }
    }

    /// Why there is no journal: the user has no state directory.
    pub fn no_state_dir(self) -> &'static str {
        match self {
            Lang::Nl => "geen map voor de toestand van aoplan (stel HOME of XDG_STATE_HOME in)",
            Lang::En => "no directory for aoplan's state (set HOME or XDG_STATE_HOME)",
        }
    }

    /// Why the config file is ignored, ending with what happens instead.
    pub fn config_warning(self, w: &ConfigWarning) -> String {
        let path = shown(&w.path);
        let what = match &w.problem {
            ConfigProblem::Unreadable { why, links_to } => {
                let mut s = format!("{path}: {}", self.aux_why(why));
                if let Some(file) = links_to {
                    s.push_str(&match self {
                        Lang::Nl => format!(" (het verwijst naar {})", shown(file)),
                        Lang::En => format!(" (it links to {})", shown(file)),
                    });
                }
                s
            }
            ConfigProblem::Syntax {
                line,
                col,
                message,
                excerpt,
            } => {
                let head = format!("{path}:{line}:{col}: {}", self.config_message(message));
                if excerpt.is_empty() {
                    head
                } else {
                    format!("{head}\n{excerpt}")
                }
            }
        };
        match self {
            Lang::Nl => format!(
                "{what}\nHet configuratiebestand wordt genegeerd; de standaardinstellingen gelden."
            ),
            Lang::En => {
                format!("{what}\nThe config file is ignored; using the default settings.")
            }
        }
    }

    /// What is wrong at a position in the config file.
    pub fn config_message(self, m: &ConfigMessage) -> String {
        match (self, m) {
            (Lang::Nl, ConfigMessage::UnknownSetting { found, expected }) => format!(
                "onbekende instelling `{found}`; de instellingen zijn {}",
                list(expected)
            ),
            (Lang::En, ConfigMessage::UnknownSetting { found, expected }) => format!(
                "unknown setting `{found}`; the settings are {}",
                list(expected)
            ),
            (Lang::Nl, ConfigMessage::UnknownValue { found, expected }) => format!(
                "onbekende waarde `{found}`; verwacht een van: {}",
                list(expected)
            ),
            (Lang::En, ConfigMessage::UnknownValue { found, expected }) => format!(
                "unknown value `{found}`; expected one of: {}",
                list(expected)
            ),
            (Lang::Nl, ConfigMessage::DuplicateSetting(name)) => {
                format!("instelling `{name}` staat er twee keer in")
            }
            (Lang::En, ConfigMessage::DuplicateSetting(name)) => {
                format!("setting `{name}` is given twice")
            }
            (_, ConfigMessage::Syntax(m)) => self.syntax(m),
        }
    }

    /// Who holds a plan's lock, with the time in `zone`.
    pub fn holder(self, h: &Holder, zone: &TimeZone) -> String {
        match (self, h) {
            (_, Holder::Known { name, pid, since }) => {
                let Some(at) = since else {
                    return format!("{name} (pid {pid})");
                };
                let at = self.moment(*at, zone);
                match self {
                    Lang::Nl => format!("{name} (pid {pid}) sinds {at}"),
                    Lang::En => format!("{name} (pid {pid}) since {at}"),
                }
            }
            (_, Holder::Other(text)) => text.clone(),
            (Lang::Nl, Holder::Unknown) => "een onbekend proces".into(),
            (Lang::En, Holder::Unknown) => "an unknown process".into(),
            (Lang::Nl, Holder::KeepsChanging) => {
                "een onbekend proces (het slotbestand wordt steeds vervangen)".into()
            }
            (Lang::En, Holder::KeepsChanging) => {
                "an unknown process (the lock file keeps being replaced)".into()
            }
            (Lang::Nl, Holder::Directory(dir)) => format!(
                "een ander proces, dat de map {} heeft vergrendeld",
                shown(dir)
            ),
            (Lang::En, Holder::Directory(dir)) => format!(
                "another process that has locked the directory {}",
                shown(dir)
            ),
        }
    }
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.config_warning(self))
    }
}

impl fmt::Display for JournalFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.journal_fault(self))
    }
}

#[cfg(test)]
#[path = "aux_words_tests.rs"]
mod tests;
