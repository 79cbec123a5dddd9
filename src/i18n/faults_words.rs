//! The words of [`super::faults`]: why a plan file could not be read, saved
//! or locked, in Dutch and English.

use std::io;
use std::path::Path;

use jiff::tz::TimeZone;

use super::Lang;
use super::aux_faults::Holder;
use super::faults::{FileFault, IoWhy, MetaWhy, ReadOnlyWhy, SaveFailure};

/// How many problems a message lists; a generated file can have thousands.
const MAX_LISTED_PROBLEMS: usize = 100;

fn shown(path: &Path) -> String {
    path.display().to_string()
}

impl Lang {
    /// A system error: our words for the usual kinds, else the system's.
    pub fn io_why(self, why: &IoWhy) -> String {
        self.io_kind_reason(why.kind)
            .map_or_else(|| why.text.clone(), str::to_string)
    }

    /// Why a plan file could not be used, starting with its path.
    pub fn file_fault(self, fault: &FileFault) -> String {
        let nl = self == Lang::Nl;
        match fault {
            FileFault::NotFound(p) if nl => format!("{}: bestand bestaat niet", shown(p)),
            FileFault::NotFound(p) => format!("{}: no such file", shown(p)),
            FileFault::Deleted(p) if nl => format!(
                "{}: het planbestand is verwijderd of verplaatst terwijl het open was",
                shown(p)
            ),
            FileFault::Deleted(p) => format!(
                "{}: the plan file was deleted or moved away while it was open",
                shown(p)
            ),
            FileFault::IsDirectory(p) if nl => {
                format!("{}: is een map, geen planbestand", shown(p))
            }
            FileFault::IsDirectory(p) => format!("{}: is a directory, not a plan file", shown(p)),
            FileFault::Fifo(p) if nl => format!(
                "{}: is een FIFO (named pipe), geen gewoon bestand; geef het pad van een .ron-planbestand",
                shown(p)
            ),
            FileFault::Fifo(p) => format!(
                "{}: is a FIFO (named pipe), not a regular file; give the path of a .ron plan file",
                shown(p)
            ),
            FileFault::NotRegular(p) if nl => format!(
                "{}: geen gewoon bestand (een socket of apparaat); geef het pad van een .ron-planbestand",
                shown(p)
            ),
            FileFault::NotRegular(p) => format!(
                "{}: not a regular file (a socket or device); give the path of a .ron plan file",
                shown(p)
            ),
            FileFault::SymlinkLoop(p) if nl => format!(
                "{}: te veel symbolische koppelingen (een koppeling die naar zichzelf terugleidt); herstel de koppeling",
                shown(p)
            ),
            FileFault::SymlinkLoop(p) => format!(
                "{}: too many levels of symbolic links (a link that leads back to itself); fix the link",
                shown(p)
            ),
            FileFault::TooLarge { path, size, limit } => {
                let (mib, max) = (size.div_ceil(1 << 20), limit >> 20);
                if nl {
                    format!(
                        "{}: {mib} MiB is te groot voor een planbestand (de grens is {max} MiB); is dit het goede bestand?",
                        shown(path)
                    )
                } else {
                    format!(
                        "{}: {mib} MiB is too large for a plan file (the limit is {max} MiB); is this the right file?",
                        shown(path)
                    )
                }
            }
            FileFault::Unreadable { path, why } if nl => {
                format!("{}: kan niet lezen: {}", shown(path), self.io_why(why))
            }
            FileFault::Unreadable { path, why } => {
                format!("{}: cannot read: {}", shown(path), self.io_why(why))
            }
            FileFault::Syntax {
                path,
                line,
                col,
                message,
                excerpt,
            } => {
                let head = format!("{}:{line}:{col}: {}", shown(path), self.syntax(message));
                if excerpt.is_empty() {
                    head
                } else {
                    format!("{head}\n{excerpt}")
                }
            }
            FileFault::Invalid { path, problems } => {
                let n = problems.len();
                let mut s = match (self, n) {
                    (Lang::Nl, 1) => format!("{}: 1 probleem in het plan:", shown(path)),
                    (Lang::Nl, n) => format!("{}: {n} problemen in het plan:", shown(path)),
                    (Lang::En, 1) => format!("{}: 1 problem in the plan:", shown(path)),
                    (Lang::En, n) => format!("{}: {n} problems in the plan:", shown(path)),
                };
                for p in problems.iter().take(MAX_LISTED_PROBLEMS) {
                    s.push_str(&format!("\n  - {}", self.problem(p)));
                }
                if n > MAX_LISTED_PROBLEMS {
                    let more = n - MAX_LISTED_PROBLEMS;
                    s.push_str(&match self {
                        Lang::Nl => format!("\n  … en nog {more}"),
                        Lang::En => format!("\n  … and {more} more"),
                    });
                }
                s
            }
        }
    }

    /// Why saving is refused.
    pub fn read_only_why(self, why: &ReadOnlyWhy) -> String {
        let nl = self == Lang::Nl;
        match why {
            ReadOnlyWhy::Forced if nl => "geopend met --read-only".into(),
            ReadOnlyWhy::Forced => "opened read-only (--read-only)".into(),
            ReadOnlyWhy::NoWriteBits { path, mode } if nl => format!(
                "{} is alleen-lezen: de rechten ({:04o}) laten niemand schrijven, dus aoplan ook niet, \
                 zelfs niet als root; maak het beschrijfbaar (chmod u+w) om op te slaan",
                shown(path),
                mode & 0o7777
            ),
            ReadOnlyWhy::NoWriteBits { path, mode } => format!(
                "{} is read-only: its permissions ({:04o}) allow nobody to write it, so aoplan does not either, \
                 even as root; make it writable (chmod u+w) to save",
                shown(path),
                mode & 0o7777
            ),
            ReadOnlyWhy::NotWritable(p) if nl => format!("{} is niet beschrijfbaar", shown(p)),
            ReadOnlyWhy::NotWritable(p) => format!("{} is not writable", shown(p)),
            ReadOnlyWhy::DirNotWritable(d) if nl => format!(
                "de map {} is niet beschrijfbaar, dus het bestand kan niet veilig worden vervangen",
                shown(d)
            ),
            ReadOnlyWhy::DirNotWritable(d) => format!(
                "the directory {} is not writable, so the file cannot be replaced safely",
                shown(d)
            ),
            ReadOnlyWhy::HardLinks { path, links } if nl => format!(
                "{} heeft {links} harde koppelingen; opslaan vervangt het bestand en zou ze splitsen (gebruik een symbolische koppeling)",
                shown(path)
            ),
            ReadOnlyWhy::HardLinks { path, links } => format!(
                "{} has {links} hard links; saving replaces the file and would split them (use a symlink instead)",
                shown(path)
            ),
            ReadOnlyWhy::OwnerChange {
                path,
                owner,
                who,
                before,
                after,
            } => {
                let who = who.as_deref().unwrap_or(if nl { "jij" } else { "you" });
                if nl {
                    format!(
                        "{} is van {owner}; opslaan zou jou eigenaar maken, en {who} kreeg dan {after} in plaats van {before} \
                         (de rechten van de eigenaar verschillen van wat {who} via de groep, de ACL of anderen krijgt); \
                         laat {owner} het opslaan, of laat de rechten van eigenaar en groep gelijk maken",
                        shown(path)
                    )
                } else {
                    format!(
                        "{} belongs to {owner}; saving would make you its owner, and {who} would then have {after} instead of {before} \
                         (the owner's permissions differ from what {who} gets through the group, the ACL or others); \
                         let {owner} save it, or have the owner's and the group's permissions made equal",
                        shown(path)
                    )
                }
            }
            ReadOnlyWhy::GroupNotKept { path, group } if nl => format!(
                "{} hoort bij de groep {group}, waar je niet in zit, dus een versie die jij opslaat kan die groep \
                 niet houden en zou veranderen wie het mag lezen of schrijven",
                shown(path)
            ),
            ReadOnlyWhy::GroupNotKept { path, group } => format!(
                "{} belongs to the group {group}, which you are not in, so a version you save could not keep \
                 that group and would change who may read or write it",
                shown(path)
            ),
        }
    }

    /// Why the new version could not get the plan's group, mode or attributes.
    pub fn meta_why(self, why: &MetaWhy) -> String {
        let nl = self == Lang::Nl;
        match why {
            MetaWhy::ReadAttributes(e) if nl => format!(
                "kan de uitgebreide attributen en de ACL niet lezen om ze te behouden: {}",
                self.io_why(e)
            ),
            MetaWhy::ReadAttributes(e) => format!(
                "cannot read its extended attributes and ACL to keep them: {}",
                self.io_why(e)
            ),
            MetaWhy::Group { group, why } => {
                let reason = match (self, why.kind) {
                    (Lang::Nl, io::ErrorKind::PermissionDenied) => {
                        "je zit niet in die groep".into()
                    }
                    (Lang::En, io::ErrorKind::PermissionDenied) => {
                        "you are not in that group".into()
                    }
                    _ => self.io_why(why),
                };
                if nl {
                    format!(
                        "kan de nieuwe versie de groep {group} van het bestand niet geven ({reason}), dus opslaan zou veranderen wie het mag lezen of schrijven"
                    )
                } else {
                    format!(
                        "cannot give the new version the file's group {group} ({reason}), so saving would change who may read or write it"
                    )
                }
            }
            MetaWhy::Mode { wanted, got } if nl => format!(
                "kan de nieuwe versie de rechten {wanted:04o} van het bestand niet geven (het kreeg {got:04o})"
            ),
            MetaWhy::Mode { wanted, got } => format!(
                "cannot give the new version the file's permissions {wanted:04o} (it got {got:04o})"
            ),
            MetaWhy::Acl(e) if nl => format!(
                "kan de toegangslijst (ACL) van het bestand niet naar de nieuwe versie kopiëren: {}",
                self.io_why(e)
            ),
            MetaWhy::Acl(e) => format!(
                "cannot copy the file's access control list (ACL) to the new version: {}",
                self.io_why(e)
            ),
            MetaWhy::Attribute { name, why } if nl => format!(
                "kan het uitgebreide attribuut {name} van het bestand niet naar de nieuwe versie kopiëren: {}",
                self.io_why(why)
            ),
            MetaWhy::Attribute { name, why } => format!(
                "cannot copy the file's extended attribute {name} to the new version: {}",
                self.io_why(why)
            ),
        }
    }

    /// Why a save failed, for a sentence that says "not saved" itself.
    pub fn save_failure(self, failure: &SaveFailure, zone: &TimeZone) -> String {
        let nl = self == Lang::Nl;
        match failure {
            SaveFailure::ReadOnly(why) => self.read_only_why(why),
            SaveFailure::Locked {
                plan,
                lock,
                holder,
                waited,
            } => {
                let (plan, secs) = (plan.display(), waited.as_secs_f64());
                // Whoever holds the lock without saying so is found through
                // the lock file (e.g. with `fuser`).
                let unnamed = matches!(holder, Holder::Unknown | Holder::KeepsChanging);
                let lock = unnamed.then(|| lock.display());
                let holder = self.holder(holder, zone);
                if nl {
                    let secs = format!("{secs:.1}").replace('.', ",");
                    let lock = lock
                        .map(|l| format!("; slotbestand {l}"))
                        .unwrap_or_default();
                    format!(
                        "een andere aoplan slaat {plan} op en was na {secs} s nog niet klaar (vergrendeld door {holder}{lock})"
                    )
                } else {
                    let lock = lock.map(|l| format!("; lock file {l}")).unwrap_or_default();
                    format!(
                        "another aoplan is saving {plan} and did not finish within {secs:.1} s (lock held by {holder}{lock})"
                    )
                }
            }
            SaveFailure::BadLock { lock, symlink } => match (self, symlink) {
                (Lang::Nl, true) => format!(
                    "{}: het slotbestand is een symbolische koppeling; verwijder het",
                    shown(lock)
                ),
                (Lang::Nl, false) => format!(
                    "{}: het slotbestand is geen gewoon bestand; verwijder het",
                    shown(lock)
                ),
                (Lang::En, true) => {
                    format!(
                        "{}: the lock file is a symbolic link; remove it",
                        shown(lock)
                    )
                }
                (Lang::En, false) => format!(
                    "{}: the lock file is not a regular file; remove it",
                    shown(lock)
                ),
            },
            SaveFailure::DiskBroken(why) if nl => format!(
                "het bestand op schijf is gewijzigd en laadt niet meer; herstel het eerst.\n{}",
                self.file_fault(why)
            ),
            SaveFailure::DiskBroken(why) => format!(
                "the file on disk was changed and no longer loads; fix it first.\n{}",
                self.file_fault(why)
            ),
            SaveFailure::NotAFile(why) => self.file_fault(why),
            SaveFailure::Deleted(path) if nl => format!(
                "{} is verwijderd of verplaatst terwijl het open was; zet een planbestand terug op die plek om op te slaan",
                shown(path)
            ),
            SaveFailure::Deleted(path) => format!(
                "{} was deleted or moved away while it was open; put a plan file back at that path to save",
                shown(path)
            ),
            SaveFailure::Metadata { path, why } if nl => format!(
                "{}: {}; het bestand is ongewijzigd",
                shown(path),
                self.meta_why(why)
            ),
            SaveFailure::Metadata { path, why } => format!(
                "{}: {}; the file is unchanged",
                shown(path),
                self.meta_why(why)
            ),
            SaveFailure::Unstable(p) if nl => format!(
                "{} werd steeds vervangen tijdens het opslaan (een programma dat het slot van aoplan negeert?); probeer het opnieuw",
                shown(p)
            ),
            SaveFailure::Unstable(p) => format!(
                "{} kept being replaced while saving (a program that ignores aoplan's lock?); try again",
                shown(p)
            ),
            SaveFailure::Interfered(p) if nl => format!(
                "een ander proces verving {} (of het tijdelijke bestand van aoplan ernaast) op het moment van opslaan; \
                 de vorige versie staat in de .bak; controleer het bestand en sla opnieuw op",
                shown(p)
            ),
            SaveFailure::Interfered(p) => format!(
                "another process replaced {} (or aoplan's temporary file beside it) at the moment of saving; \
                 the version before is kept as its .bak; check the file and save again",
                shown(p)
            ),
            SaveFailure::Io { path, why } => format!("{}: {}", shown(path), self.io_why(why)),
        }
    }
}
