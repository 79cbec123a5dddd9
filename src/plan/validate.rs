//! Validation: what makes a syntactically valid plan unusable.

use std::collections::HashMap;

use super::{Item, Kind, Plan, Project, Subtheme, Theme, YEARS};

/// A problem that makes a syntactically valid plan unusable. Its words, in
/// either language, are in `i18n` (`Lang::problem`; `Display` is English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: the path of ids, e.g. `ambtelijk-vakmanschap › loyale-tegenspraak › x`.
    pub path: String,
    pub issue: Issue,
}

/// A text field that must not be empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Fund,
    Title,
    ThemeName,
    SubthemeName,
    ProjectTitle,
}

/// What is wrong, with its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    Empty(Field),
    /// The plan's `year` is outside 2000–2100.
    PlanYear(u16),
    /// A status year is outside 2000–2100.
    StatusYear(u16),
    /// History entry `entry` (from 1) has a year outside 2000–2100.
    HistoryYear {
        entry: usize,
        year: u16,
    },
    MalformedId {
        kind: Kind,
        id: String,
    },
    /// The id is used twice; `first` is where it was first.
    DuplicateId {
        id: String,
        first: String,
    },
    /// An archived sub-theme or project without its `parent`.
    NoParent,
    /// An open conflict (`key` names its field) that is wrong.
    Conflict {
        key: String,
        why: ConflictIssue,
    },
}

/// What is wrong with an open conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictIssue {
    /// The same field as conflict number `first` (from 1).
    SameFieldAs(usize),
    YearOutside(u16),
    /// The fund is the plan's own: its id must be "".
    FundHasId,
    /// `id` is of this kind, which has no such field.
    WrongKind {
        id: String,
        kind: Kind,
    },
    NoSuchItem(String),
}

/// True when `id` is non-empty and only lowercase ASCII letters, digits and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Plan {
    /// Every semantic problem in the plan, in file order; empty when it is usable.
    pub fn validate(&self) -> Vec<Problem> {
        let mut c = Checker::default();
        let top = At([None; 3]);
        if self.fund.trim().is_empty() {
            c.push(top, Issue::Empty(Field::Fund));
        }
        if self.title.trim().is_empty() {
            c.push(top, Issue::Empty(Field::Title));
        }
        if !YEARS.contains(&self.year) {
            c.push(top, Issue::PlanYear(self.year));
        }
        for theme in &self.themes {
            c.theme(theme, None);
        }
        for archived in &self.archive {
            let prefix = Some("archive");
            match &archived.item {
                Item::Theme(t) => c.theme(t, prefix),
                Item::Subtheme(sub) => c.subtheme(sub, prefix, Some(&archived.parent)),
                Item::Project(p) => c.one_project(p, [prefix, Some(&archived.parent)]),
            }
            let needs_parent = !matches!(archived.item, Item::Theme(_));
            if needs_parent && archived.parent.is_empty() {
                let at = At([prefix, Some(archived.item.id()), None]);
                c.push(at, Issue::NoParent);
            }
        }
        c.problems.extend(super::conflicts::problems(self));
        c.problems
    }
}

/// Where a problem is: the ids of its theme, sub-theme and project. Turned into
/// text only when there is a problem, so checking a large plan allocates little.
#[derive(Clone, Copy)]
struct At<'a>([Option<&'a str>; 3]);

impl At<'_> {
    /// The same place with the missing parts at the end.
    fn compact(self) -> Self {
        let mut parts = self.0.into_iter().flatten();
        At([parts.next(), parts.next(), parts.next()])
    }

    fn path(self) -> String {
        self.0
            .iter()
            .flatten()
            .map(|id| if id.is_empty() { "(empty id)" } else { id })
            .collect::<Vec<_>>()
            .join(" › ")
    }
}

#[derive(Default)]
struct Checker<'a> {
    problems: Vec<Problem>,
    seen: HashMap<&'a str, At<'a>>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, at: At, issue: Issue) {
        self.problems.push(Problem {
            path: at.path(),
            issue,
        });
    }

    fn id(&mut self, id: &'a str, at: At<'a>, kind: Kind) {
        if !is_valid_id(id) {
            let id = id.to_string();
            self.push(at, Issue::MalformedId { kind, id });
        } else if let Some(first) = self.seen.get(id) {
            let (id, first) = (id.to_string(), first.path());
            self.push(at, Issue::DuplicateId { id, first });
        } else {
            self.seen.insert(id, at);
        }
    }

    /// A theme and everything in it; `prefix` is `archive` for archived ones.
    fn theme(&mut self, theme: &'a Theme, prefix: Option<&'a str>) {
        let at = At([prefix, Some(theme.id.as_str()), None]).compact();
        self.id(&theme.id, at, Kind::Theme);
        self.non_empty(&theme.name, at, Field::ThemeName);
        for sub in &theme.subthemes {
            self.subtheme(sub, prefix, Some(&theme.id));
        }
    }

    fn subtheme(&mut self, sub: &'a Subtheme, prefix: Option<&'a str>, theme: Option<&'a str>) {
        let at = At([prefix, theme, Some(sub.id.as_str())]).compact();
        self.id(&sub.id, at, Kind::Subtheme);
        self.non_empty(&sub.name, at, Field::SubthemeName);
        for project in &sub.projects {
            let at = At([prefix, theme, Some(sub.id.as_str())]).compact();
            self.one_project(project, [at.0[0], at.0[1]]);
        }
    }

    fn one_project(&mut self, project: &'a Project, parents: [Option<&'a str>; 2]) {
        let at = At([parents[0], parents[1], Some(project.id.as_str())]).compact();
        self.id(&project.id, at, Kind::Project);
        self.non_empty(&project.title, at, Field::ProjectTitle);
        self.project(project, at);
    }

    fn non_empty(&mut self, value: &str, at: At, what: Field) {
        if value.trim().is_empty() {
            self.push(at, Issue::Empty(what));
        }
    }

    fn project(&mut self, project: &Project, at: At) {
        for year in project.status.0.keys() {
            if !YEARS.contains(year) {
                self.push(at, Issue::StatusYear(*year));
            }
        }
        for (i, h) in project.history.iter().enumerate() {
            let n = i + 1;
            if !YEARS.contains(&h.year) {
                let (entry, year) = (n, h.year);
                self.push(at, Issue::HistoryYear { entry, year });
            }
        }
    }
}
