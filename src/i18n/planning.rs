//! The words of the planning commands (`add`, `edit`, `move`, `rm`, `restore`,
//! `plan`, `show` of sub-themes, themes and the archive, and `changes` of every
//! kind): what went wrong, what was done, and the labels of their output.

use super::Lang;
use crate::plan::Kind;

/// A message of the planning commands, with what it quotes. Ids and values are
/// quoted as given; the caller makes them safe for a terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Planning<'a> {
    /// No item has the id; `close` are ids that resemble it.
    UnknownId {
        id: &'a str,
        close: Vec<&'a str>,
    },
    /// `--in`/`--to` names no live item of the kind wanted.
    NoSuchParent {
        option: &'a str,
        id: &'a str,
        wanted: Kind,
        close: Vec<&'a str>,
    },
    /// `--in`/`--to` names an item of another kind.
    WrongParent {
        option: &'a str,
        id: &'a str,
        is: Kind,
        child: Kind,
    },
    /// `--in`/`--to` names an archived item.
    ParentArchived {
        option: &'a str,
        id: &'a str,
        kind: Kind,
    },
    /// The item is archived (for edit, move and rm); `restore` is the archived
    /// item that holds it (itself, or its archived parent).
    Archived {
        id: &'a str,
        kind: Kind,
        restore: &'a str,
    },
    /// `rm` of an item that is archived already.
    AlreadyArchived {
        id: &'a str,
    },
    /// Restore of an item that is archived inside an archived parent.
    InsideArchived {
        id: &'a str,
        parent: &'a str,
    },
    /// Restore of an item that is in the plan.
    NotArchived {
        id: &'a str,
    },
    /// Restore of an item whose parent is not in the plan.
    ParentNotLive {
        id: &'a str,
        parent: &'a str,
        kind: Kind,
    },
    EmptyText {
        option: &'a str,
    },
    OneLine {
        option: &'a str,
    },
    /// An `--id` that is not an id; `slug` would be one.
    BadId {
        id: &'a str,
        slug: String,
    },
    /// An `--id` in use; `free` is the first free one like it.
    IdTaken {
        id: &'a str,
        kind: Kind,
        archived: bool,
        free: String,
    },
    /// An `edit` option the item's kind does not have.
    NotFor {
        option: &'a str,
        id: &'a str,
        kind: Kind,
    },
    /// `move THEME --to …`.
    ThemeHasNoParent {
        id: &'a str,
    },
    /// `--position` past the end of the list.
    PositionPastEnd {
        position: u32,
        last: usize,
        parent: &'a str,
        kind: Kind,
    },
    NotSaved {
        why: String,
    },
    /// The item (or the parent of an addition) went away while saving.
    GoneMeanwhile {
        id: &'a str,
    },
    Renumbered {
        was: &'a str,
        now: &'a str,
        kind: Kind,
    },
    OnArchived {
        id: &'a str,
    },
    Overridden {
        id: &'a str,
        theirs: String,
        ours: String,
    },
    Unchanged {
        id: &'a str,
    },
    AlreadyThere {
        id: &'a str,
    },
    /// `rm`: done. `projects` went with a sub-theme or theme.
    Archiving {
        id: &'a str,
        kind: Kind,
        title: &'a str,
        projects: usize,
    },
    Restoring {
        id: &'a str,
        kind: Kind,
        title: &'a str,
        projects: usize,
        to: String,
    },
    Moving {
        id: &'a str,
        from: String,
        to: String,
    },
    /// `add --dry-run`: what would be added, on stderr.
    WouldAdd {
        id: &'a str,
        kind: Kind,
        to: String,
    },
}

impl Lang {
    /// A planning command's message in this language.
    pub fn planning(self, m: &Planning) -> String {
        let nl = self == Lang::Nl;
        let k = |kind: Kind| self.kind_word(kind);
        match m {
            Planning::UnknownId { id, close } => match (nl, close.is_empty()) {
                (true, true) => format!(
                    "onbekend id {id:?}: geen project, subthema of thema heeft het; `aoplan find WOORDEN` zoekt projecten"
                ),
                (false, true) => format!(
                    "unknown id {id:?}: no project, sub-theme or theme has it; `aoplan find WORDS` finds projects"
                ),
                _ => format!("{} {id:?}; {}", self.pick("onbekend id", "unknown id"), self.did_you_mean(close)),
            },
            Planning::NoSuchParent { option, id, wanted, close } => {
                let none = if nl {
                    format!("{option} {id:?}: geen {} heeft dit id", k(*wanted))
                } else {
                    format!("{option} {id:?}: no {} has this id", k(*wanted))
                };
                if close.is_empty() {
                    none
                } else {
                    format!("{none}; {}", self.did_you_mean(close))
                }
            }
            Planning::WrongParent { option, id, is, child } => {
                let parent = k(child.parent().unwrap_or(Kind::Theme));
                if nl {
                    format!("{option} {id:?} is een {}; een {} hoort in een {parent}", k(*is), k(*child))
                } else {
                    format!("{option} {id:?} is a {}; a {} goes into a {parent}", k(*is), k(*child))
                }
            }
            Planning::ParentArchived { option, id, kind } => self.pick_fmt(
                format!("{option} {id:?}: dat {} is gearchiveerd; `aoplan restore {id}` zet het terug", k(*kind)),
                format!("{option} {id:?}: that {} is archived; `aoplan restore {id}` brings it back", k(*kind)),
            ),
            Planning::Archived { id, kind, restore } => self.pick_fmt(
                format!("{id:?} is een gearchiveerd {}; zet het eerst terug met `aoplan restore {restore}`", k(*kind)),
                format!("{id:?} is an archived {}; `aoplan restore {restore}` brings it back first", k(*kind)),
            ),
            Planning::AlreadyArchived { id } => self.pick_fmt(
                format!("{id:?} is al gearchiveerd; `aoplan show --archived` toont het archief"),
                format!("{id:?} is archived already; `aoplan show --archived` lists the archive"),
            ),
            Planning::InsideArchived { id, parent } => self.pick_fmt(
                format!("{id:?} zit in het archief binnen {parent:?}; zet {parent:?} terug"),
                format!("{id:?} is archived inside {parent:?}; restore {parent:?} instead"),
            ),
            Planning::NotArchived { id } => self.pick_fmt(
                format!("{id:?} is niet gearchiveerd: het staat in het plan"),
                format!("{id:?} is not archived: it is in the plan"),
            ),
            Planning::ParentNotLive { id, parent, kind } => self.pick_fmt(
                format!("kan {id:?} niet terugzetten: {} {parent:?} staat niet in het plan; zet dat eerst terug", k(*kind)),
                format!("cannot restore {id:?}: its {} {parent:?} is not in the plan; restore that first", k(*kind)),
            ),
            Planning::EmptyText { option } => {
                self.pick_fmt(format!("{option} is leeg"), format!("{option} is empty"))
            }
            Planning::OneLine { option } => self.pick_fmt(
                format!("{option} moet één regel zijn"),
                format!("{option} must be one line"),
            ),
            Planning::BadId { id, slug } => {
                let base = self.pick_fmt(
                    format!("--id {id:?}: een id bestaat uit kleine letters a–z, cijfers en -"),
                    format!("--id {id:?}: an id is lowercase letters a–z, digits and -"),
                );
                match (slug.is_empty(), nl) {
                    (true, _) => base,
                    (false, true) => format!("{base} (`{slug}` kan)"),
                    (false, false) => format!("{base} (`{slug}` would do)"),
                }
            }
            Planning::IdTaken { id, kind, archived, free } => match (nl, archived) {
                (true, false) => format!("--id {id:?} is al in gebruik door een {}; `{free}` is vrij", k(*kind)),
                (true, true) => format!("--id {id:?} is al in gebruik door een gearchiveerd {}; `{free}` is vrij", k(*kind)),
                (false, false) => format!("--id {id:?} is already used by a {}; `{free}` is free", k(*kind)),
                (false, true) => format!("--id {id:?} is already used by an archived {}; `{free}` is free", k(*kind)),
            },
            Planning::NotFor { option, id, kind } => {
                let fits = match kind {
                    Kind::Project => "--title, --details, --owner, --notes",
                    Kind::Subtheme => "--name, --intro",
                    Kind::Theme => "--name, --intro, --focus, --no-focus",
                };
                self.pick_fmt(
                    format!("{option} past niet bij {} {id:?}; een {} heeft {fits}", k(*kind), k(*kind)),
                    format!("{option} does not apply to {} {id:?}; a {} takes {fits}", k(*kind), k(*kind)),
                )
            }
            Planning::ThemeHasNoParent { id } => self.pick_fmt(
                format!("{id:?} is een thema; thema’s staan direct in het plan: gebruik alleen --position om ze te ordenen"),
                format!("{id:?} is a theme; themes sit in the plan itself: use only --position to reorder them"),
            ),
            Planning::PositionPastEnd { position, last, parent, kind } => {
                let within = match (parent.is_empty(), nl) {
                    (true, true) => "het plan".to_string(),
                    (true, false) => "the plan".to_string(),
                    (false, _) => format!("{} {parent:?}", k(*kind)),
                };
                self.pick_fmt(
                    format!("--position {position} valt buiten de lijst: in {within} kan 1 t/m {last}"),
                    format!("--position {position} is past the end: 1 to {last} fit in {within}"),
                )
            }
            Planning::NotSaved { why } => {
                self.pick_fmt(format!("niet opgeslagen: {why}"), format!("not saved: {why}"))
            }
            Planning::GoneMeanwhile { id } => self.pick_fmt(
                format!("{id:?} is intussen door iemand anders gearchiveerd of verwijderd; er is niets gewijzigd"),
                format!("{id:?} was archived or removed by someone else meanwhile; nothing was changed"),
            ),
            Planning::Renumbered { was, now, kind } => self.pick_fmt(
                format!("let op: het id {was:?} is intussen door iemand anders gebruikt; het {} kreeg {now:?}", k(*kind)),
                format!("note: the id {was:?} was taken by someone else meanwhile; the {} got {now:?}", k(*kind)),
            ),
            Planning::OnArchived { id } => self.pick_fmt(
                format!("let op: {id:?} is intussen door iemand anders gearchiveerd; de wijziging staat bij het gearchiveerde item"),
                format!("note: {id:?} was archived by someone else meanwhile; the change is kept on the archived item"),
            ),
            Planning::Overridden { id, theirs, ours } => self.pick_fmt(
                format!("let op: {id} was intussen gewijzigd in {theirs}; toch {ours} gezet"),
                format!("note: {id} had been changed meanwhile to {theirs}; set to {ours} anyway"),
            ),
            Planning::Unchanged { id } => self.pick_fmt(
                format!("{id}: niets te wijzigen, de waarden staan er al"),
                format!("{id}: nothing to change, it holds these values already"),
            ),
            Planning::AlreadyThere { id } => self.pick_fmt(
                format!("{id}: staat daar al, niets te verplaatsen"),
                format!("{id}: already there, nothing to move"),
            ),
            Planning::Archiving { id, kind, title, projects } => {
                let with = self.with_projects(*kind, *projects);
                self.pick_fmt(
                    format!("{id}: {} “{title}” gearchiveerd{with}", k(*kind)),
                    format!("{id}: archived the {} “{title}”{with}", k(*kind)),
                )
            }
            Planning::Restoring { id, kind, title, projects, to } => {
                let with = self.with_projects(*kind, *projects);
                self.pick_fmt(
                    format!("{id}: {} “{title}” teruggezet in {to}{with}", k(*kind)),
                    format!("{id}: restored the {} “{title}” to {to}{with}", k(*kind)),
                )
            }
            Planning::Moving { id, from, to } => self.pick_fmt(
                format!("{id}: verplaatst van {from} naar {to}"),
                format!("{id}: moved from {from} to {to}"),
            ),
            Planning::WouldAdd { id, kind, to } => self.pick_fmt(
                format!("proefdraai: {} {id:?} zou in {to} komen; niets opgeslagen", k(*kind)),
                format!("dry run: the {} {id:?} would go to {to}; nothing saved", k(*kind)),
            ),
        }
    }

    /// "project", "sub-theme", "theme" (lowercase).
    pub fn kind_word(self, kind: Kind) -> &'static str {
        match (self, kind) {
            (_, Kind::Project) => "project",
            (Lang::Nl, Kind::Subtheme) => "subthema",
            (Lang::Nl, Kind::Theme) => "thema",
            (Lang::En, Kind::Subtheme) => "sub-theme",
            (Lang::En, Kind::Theme) => "theme",
        }
    }

    /// "1 project", "3 projects".
    pub fn projects_count(self, n: usize) -> String {
        let t = self.report();
        format!(
            "{n} {}",
            if n == 1 {
                t.project_one
            } else {
                t.project_many
            }
        )
    }

    /// What follows a change's confirmation: saved, or not in a dry run.
    pub fn saved_suffix(self, dry_run: bool) -> &'static str {
        match (self, dry_run) {
            (Lang::Nl, false) => " (opgeslagen)",
            (Lang::Nl, true) => " (proefdraai: niets opgeslagen)",
            (Lang::En, false) => " (saved)",
            (Lang::En, true) => " (dry run: nothing saved)",
        }
    }

    /// Where an archived item goes back to, or is shown as: the archive.
    pub fn archive_word(self) -> &'static str {
        self.pick("archief", "archive")
    }

    /// "did you mean `a` or `b`?"
    pub(crate) fn did_you_mean(self, close: &[&str]) -> String {
        let quoted: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        match self {
            Lang::Nl => format!("bedoelde je {}?", quoted.join(" of ")),
            Lang::En => format!("did you mean {}?", quoted.join(" or ")),
        }
    }

    /// ", with its 3 projects" for a sub-theme or theme; nothing for a project.
    fn with_projects(self, kind: Kind, n: usize) -> String {
        if kind == Kind::Project {
            return String::new();
        }
        let count = self.projects_count(n);
        self.pick_fmt(format!(", met {count}"), format!(", with {count}"))
    }

    fn pick(self, nl: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    fn pick_fmt(self, nl: String, en: String) -> String {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}
