//! The plan at two dates side by side: per theme the counts at both, and every
//! project whose status changed between them.

use std::collections::HashMap;

use super::rewind::Rewind;
use super::{Reach, reach, skeleton, status_at};
use crate::plan::{Plan, Progress, Project, Status};
use crate::report::Scope;
use crate::timestamp::Timestamp;

/// Two moments of one plan year compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub year: u16,
    /// The first moment, as given (normally the earlier one).
    pub a: Timestamp,
    pub b: Timestamp,
    pub reach_a: Reach,
    pub reach_b: Reach,
    /// The themes in the plan at `b` in their order then, followed by those
    /// only in the plan at `a`.
    pub themes: Vec<ThemeCounts>,
    /// Every project whose status in `year` differs between the two moments,
    /// or that was in the plan at only one of them; by theme, in the order of
    /// [`Comparison::themes`], then in plan order.
    pub changed: Vec<StatusChange>,
}

/// One theme's counts at both moments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeCounts {
    pub id: String,
    /// The name at `b`, else at `a`.
    pub name: String,
    /// Whether it was a focus theme at `b`, else at `a`.
    pub focus: bool,
    /// The counts at `a`; all zero when the theme was not in the plan then.
    pub a: Progress,
    pub b: Progress,
    pub in_a: bool,
    pub in_b: bool,
}

/// One project whose status differs between the two moments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub id: String,
    /// The title at `b`, else at `a`.
    pub title: String,
    /// The id and name of its theme at `b`, else at `a`.
    pub theme: String,
    pub theme_name: String,
    /// The status at `a`; `None` when it had none or was not in the plan.
    pub from: Option<Status>,
    pub to: Option<Status>,
    pub presence: Presence,
}

/// Whether a changed project was in the plan at both moments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Both,
    /// Added (or restored) between `a` and `b`.
    New,
    /// Archived (or removed) between `a` and `b`.
    Gone,
}

/// A project at one moment: id, title, status.
type Listed = (String, String, Option<Status>);

/// What the plan held at one moment, for counting.
struct Snapshot {
    /// Theme id, name, focus, and its projects.
    themes: Vec<(String, String, bool, Vec<Listed>)>,
    reach: Reach,
}

/// `plan` at `a` and at `b`, compared for `year`.
pub fn compare(plan: &Plan, year: u16, a: Timestamp, b: Timestamp) -> Comparison {
    let projects: HashMap<&str, &Project> = plan.all_projects().map(|p| (&*p.id, p)).collect();
    let mut then = skeleton(plan);
    let mut rewind = Rewind::new(&plan.log);
    let mut snap = |at: Timestamp| {
        rewind.to(&mut then, at);
        then.log.clear();
        let themes = (then.themes.iter())
            .filter(|t| !rewind.is_unknown(&t.id))
            .map(|t| {
                let listed = (t.subthemes.iter().flat_map(|s| &s.projects))
                    .filter(|p| !rewind.is_unknown(&p.id))
                    .map(|p| {
                        let full = projects.get(&*p.id).copied().unwrap_or(p);
                        (p.id.clone(), p.title.clone(), status_at(full, year, at))
                    })
                    .collect();
                (t.id.clone(), t.name.clone(), t.focus, listed)
            })
            .collect();
        let reach = reach(plan, at, rewind.unknown());
        Snapshot { themes, reach }
    };
    // The rewind goes back in time: the later moment first.
    let (at_a, at_b) = if a >= b {
        let at_a = snap(a);
        (at_a, snap(b))
    } else {
        let at_b = snap(b);
        (snap(a), at_b)
    };
    let mut themes = Vec::new();
    let mut changed = Vec::new();
    let in_a: HashMap<&str, Option<Status>> = (at_a.themes.iter())
        .flat_map(|(_, _, _, ps)| ps.iter().map(|(id, _, s)| (id.as_str(), *s)))
        .collect();
    let in_b: HashMap<&str, ()> = (at_b.themes.iter())
        .flat_map(|(_, _, _, ps)| ps.iter().map(|(id, _, _)| (id.as_str(), ())))
        .collect();
    for (id, name, focus, listed) in &at_b.themes {
        let before = at_a.themes.iter().find(|(i, ..)| i == id);
        themes.push(ThemeCounts {
            id: id.clone(),
            name: name.clone(),
            focus: *focus,
            a: before.map(|(.., ps)| count(ps)).unwrap_or_default(),
            b: count(listed),
            in_a: before.is_some(),
            in_b: true,
        });
        for (pid, title, to) in listed {
            let (from, presence) = match in_a.get(pid.as_str()) {
                Some(from) => (*from, Presence::Both),
                None => (None, Presence::New),
            };
            if presence == Presence::New || from != *to {
                changed.push(change(pid, title, id, name, from, *to, presence));
            }
        }
    }
    for (id, name, focus, listed) in &at_a.themes {
        let theme = match themes.iter().position(|t| t.id == *id) {
            Some(i) => &themes[i],
            None => {
                themes.push(ThemeCounts {
                    id: id.clone(),
                    name: name.clone(),
                    focus: *focus,
                    a: count(listed),
                    b: Progress::default(),
                    in_a: true,
                    in_b: false,
                });
                &themes[themes.len() - 1]
            }
        };
        let (tid, tname) = (theme.id.clone(), theme.name.clone());
        for (pid, title, from) in listed.iter().filter(|(p, _, _)| !in_b.contains_key(&**p)) {
            changed.push(change(
                pid,
                title,
                &tid,
                &tname,
                *from,
                None,
                Presence::Gone,
            ));
        }
    }
    // By theme, in the order of `themes`; within one, the order found.
    changed.sort_by_key(|c| themes.iter().position(|t| t.id == c.theme));
    Comparison {
        year,
        a,
        b,
        reach_a: at_a.reach,
        reach_b: at_b.reach,
        themes,
        changed,
    }
}

impl Comparison {
    /// Only the themes `scope` selects (by their focus at `b`, else at `a`),
    /// and the changed projects in them.
    pub fn restrict(&mut self, scope: &Scope) {
        self.themes.retain(|t| match *scope {
            Scope::All => true,
            Scope::Focus => t.focus,
            Scope::Theme(id) => t.id == id,
        });
        let themes = &self.themes;
        self.changed
            .retain(|c| themes.iter().any(|t| t.id == c.theme));
    }

    /// The counts over every theme at `a` and at `b`.
    pub fn totals(&self) -> (Progress, Progress) {
        let sum = |pick: fn(&ThemeCounts) -> &Progress| {
            let mut total = Progress::default();
            for p in self.themes.iter().map(pick) {
                for (sum, n) in total.by_status.iter_mut().zip(p.by_status) {
                    *sum += n;
                }
                total.unset += p.unset;
            }
            total
        };
        (sum(|t| &t.a), sum(|t| &t.b))
    }
}

fn count(listed: &[Listed]) -> Progress {
    let mut p = Progress::default();
    for (_, _, status) in listed {
        p.add(*status);
    }
    p
}

fn change(
    id: &str,
    title: &str,
    theme: &str,
    theme_name: &str,
    from: Option<Status>,
    to: Option<Status>,
    presence: Presence,
) -> StatusChange {
    StatusChange {
        id: id.to_string(),
        title: title.to_string(),
        theme: theme.to_string(),
        theme_name: theme_name.to_string(),
        from,
        to,
        presence,
    }
}
