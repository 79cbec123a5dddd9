//! Messages of the command line that carry values.

use std::io;

use super::Lang;

impl Lang {
    /// Why a write failed, in this language where it is one of the usual reasons.
    pub fn io_reason(self, e: &io::Error) -> String {
        self.io_kind_reason(e.kind())
            .map_or_else(|| crate::platform::io_reason(e), str::to_string)
    }

    /// The reasons a read or write fails, in Dutch; `None` in English and for
    /// the rare kinds whose system words are used.
    pub(super) fn io_kind_reason(self, kind: io::ErrorKind) -> Option<&'static str> {
        use io::ErrorKind as K;
        if self == Lang::En {
            return None;
        }
        Some(match kind {
            K::StorageFull => "geen ruimte meer op het apparaat",
            K::QuotaExceeded => "schijfquotum overschreden",
            K::PermissionDenied => "geen toestemming",
            K::BrokenPipe => "de lezer is gestopt",
            K::NotFound => "bestand of map bestaat niet",
            K::AlreadyExists => "bestaat al",
            K::NotADirectory => "een deel van het pad is geen map",
            K::IsADirectory => "is een map",
            K::DirectoryNotEmpty => "de map is niet leeg",
            K::ReadOnlyFilesystem => "het bestandssysteem is alleen-lezen",
            K::InvalidFilename => "de naam is te lang of ongeldig",
            K::CrossesDevices => "over de grens van een bestandssysteem",
            K::TooManyLinks => "te veel koppelingen",
            K::FileTooLarge => "het bestand is te groot",
            K::ResourceBusy => "het bestand of apparaat is bezet",
            K::ExecutableFileBusy => "het programmabestand is in gebruik",
            K::StaleNetworkFileHandle => "verouderde netwerkverwijzing (NFS)",
            K::NetworkDown | K::NetworkUnreachable | K::HostUnreachable => {
                "het netwerk is niet bereikbaar"
            }
            K::TimedOut => "de tijd is verstreken",
            K::Interrupted => "onderbroken",
            K::WouldBlock => "zou blokkeren",
            K::OutOfMemory => "onvoldoende geheugen",
            K::Unsupported => "niet ondersteund",
            K::InvalidInput | K::InvalidData => "ongeldige invoer",
            K::UnexpectedEof => "onverwacht einde",
            K::WriteZero => "er kon niets worden geschreven",
            _ => return None,
        })
    }

    /// A command found no plan file: how to point at one, or make one.
    pub fn no_plan(self, path: &str) -> String {
        let path = crate::terminal_safe::line(path);
        match self {
            Lang::Nl => format!(
                "geen plan gevonden: {path} bestaat niet. Wijs een plan aan met --file PAD of \
                 AOPLAN_FILE=PAD, of zet het meegeleverde plan neer met `aoplan init`"
            ),
            Lang::En => format!(
                "no plan found: {path} does not exist. Point at a plan with --file PATH or \
                 AOPLAN_FILE=PATH, or put the bundled plan in place with `aoplan init`"
            ),
        }
    }

    /// `aoplan init`: the bundled plan was written to `path`, or was there already.
    pub fn bundled_installed(self, path: &str, created: bool) -> String {
        let path = crate::terminal_safe::line(path);
        match (self, created) {
            (Lang::Nl, true) => {
                format!("{path} aangemaakt met het meegeleverde Activiteitenplan 2026")
            }
            (Lang::Nl, false) => format!("{path} bestaat al; niets veranderd"),
            (Lang::En, true) => format!("created {path} from the bundled Activiteitenplan 2026"),
            (Lang::En, false) => format!("{path} already exists; nothing changed"),
        }
    }

    /// The plan file has comments that the next save drops.
    pub fn comments_dropped(self, path: &str, (line, col): (usize, usize)) -> String {
        let path = crate::terminal_safe::line(path);
        match self {
            Lang::Nl => format!(
                "let op: {path}:{line}:{col} heeft commentaar; aoplan bewaart alleen het plan, \
                 dus de volgende keer opslaan verdwijnt het commentaar"
            ),
            Lang::En => format!(
                "note: {path}:{line}:{col} has a comment; aoplan keeps only the plan, so the \
                 next save drops the comments"
            ),
        }
    }

    /// A save dropped the comments the plan file had.
    pub fn comments_were_dropped(self, path: &str, (line, col): (usize, usize)) -> String {
        let path = crate::terminal_safe::line(path);
        match self {
            Lang::Nl => format!(
                "let op: het commentaar in {path} (het eerste op {line}:{col}) is bij het \
                 opslaan verdwenen; aoplan bewaart alleen het plan"
            ),
            Lang::En => format!(
                "note: the comments in {path} (the first at {line}:{col}) were dropped by this \
                 save; aoplan keeps only the plan"
            ),
        }
    }

    /// The output of a command could not be written.
    pub fn output_failed(self, e: &io::Error) -> String {
        let reason = self.io_reason(e);
        match self {
            Lang::Nl => format!("de uitvoer kon niet worden geschreven: {reason}"),
            Lang::En => format!("the output could not be written: {reason}"),
        }
    }

    /// A change was saved although its output then failed.
    pub fn saved_anyway(self, what: &str) -> String {
        match self {
            Lang::Nl => format!("de wijziging is wel opgeslagen: {what}"),
            Lang::En => format!("the change was saved all the same: {what}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_reasons_people_meet_are_said_in_dutch() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.ron");
        std::fs::write(&file, "x").unwrap();
        let long = dir.path().join("a".repeat(300));
        let cases = [
            (
                std::fs::read(dir.path().join("nope")),
                "bestand of map bestaat niet",
            ),
            (
                std::fs::read(file.join("x")),
                "een deel van het pad is geen map",
            ),
            (std::fs::read(&long), "de naam is te lang of ongeldig"),
            (std::fs::read(dir.path()), "is een map"),
        ];
        for (result, dutch) in cases {
            let e = result.unwrap_err();
            assert_eq!(Lang::Nl.io_reason(&e), dutch, "{e}");
            let english = Lang::En.io_reason(&e);
            assert!(
                english.is_ascii() && !english.contains("os error"),
                "{english}"
            );
        }
    }
}
