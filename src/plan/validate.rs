//! Validation: what makes a syntactically valid plan unusable.

use std::collections::HashMap;
use std::fmt;

use super::{Item, Plan, Project, Subtheme, Theme, YEARS};

/// A problem that makes a syntactically valid plan unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: the path of ids, e.g. `ambtelijk-vakmanschap › loyale-tegenspraak › x`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
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
            c.push(top, "`fund` is empty".into());
        }
        if self.title.trim().is_empty() {
            c.push(top, "`title` is empty".into());
        }
        if !YEARS.contains(&self.year) {
            c.push(top, format!("`year` {} is outside 2000–2100", self.year));
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
                c.push(at, "archived item has no `parent`".into());
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
    fn push(&mut self, at: At, message: String) {
        self.problems.push(Problem {
            path: at.path(),
            message,
        });
    }

    fn id(&mut self, id: &'a str, at: At<'a>, kind: &str) {
        if !is_valid_id(id) {
            self.push(
                at,
                format!("{kind} id {id:?} is malformed: use lowercase letters a–z, digits and `-`"),
            );
        } else if let Some(first) = self.seen.get(id) {
            let message = format!("id {id:?} is used twice (first at {})", first.path());
            self.push(at, message);
        } else {
            self.seen.insert(id, at);
        }
    }

    /// A theme and everything in it; `prefix` is `archive` for archived ones.
    fn theme(&mut self, theme: &'a Theme, prefix: Option<&'a str>) {
        let at = At([prefix, Some(theme.id.as_str()), None]).compact();
        self.id(&theme.id, at, "theme");
        self.non_empty(&theme.name, at, "theme `name`");
        for sub in &theme.subthemes {
            self.subtheme(sub, prefix, Some(&theme.id));
        }
    }

    fn subtheme(&mut self, sub: &'a Subtheme, prefix: Option<&'a str>, theme: Option<&'a str>) {
        let at = At([prefix, theme, Some(sub.id.as_str())]).compact();
        self.id(&sub.id, at, "sub-theme");
        self.non_empty(&sub.name, at, "sub-theme `name`");
        for project in &sub.projects {
            let at = At([prefix, theme, Some(sub.id.as_str())]).compact();
            self.one_project(project, [at.0[0], at.0[1]]);
        }
    }

    fn one_project(&mut self, project: &'a Project, parents: [Option<&'a str>; 2]) {
        let at = At([parents[0], parents[1], Some(project.id.as_str())]).compact();
        self.id(&project.id, at, "project");
        self.non_empty(&project.title, at, "project `title`");
        self.project(project, at);
    }

    fn non_empty(&mut self, value: &str, at: At, what: &str) {
        if value.trim().is_empty() {
            self.push(at, format!("{what} is empty"));
        }
    }

    fn project(&mut self, project: &Project, at: At) {
        for year in project.status.0.keys() {
            if !YEARS.contains(year) {
                self.push(at, format!("status year {year} is outside 2000–2100"));
            }
        }
        for (i, h) in project.history.iter().enumerate() {
            let n = i + 1;
            if !YEARS.contains(&h.year) {
                self.push(
                    at,
                    format!("history entry {n}: year {} is outside 2000–2100", h.year),
                );
            }
        }
    }
}
