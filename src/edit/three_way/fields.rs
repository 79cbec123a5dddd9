//! The field changes between two versions of a plan, matched by id.

use std::collections::{BTreeSet, HashMap};

use crate::edit::{Change, TextField};
use crate::plan::{Plan, Project};

/// The field changes, for the items both plans hold (live or archived).
pub(super) fn fields(base: &Plan, side: &Plan, out: &mut Vec<Change>) {
    let mut text = |field: TextField, from: &str, to: &str| {
        if from != to {
            out.push(Change::Text {
                field,
                from: from.to_string(),
                to: to.to_string(),
            });
        }
    };
    text(TextField::PlanFund, &base.fund, &side.fund);
    text(TextField::PlanTitle, &base.title, &side.title);
    let bt: HashMap<&str, _> = base.all_themes().map(|t| (t.id.as_str(), t)).collect();
    for t in side.all_themes() {
        if let Some(b) = bt.get(t.id.as_str()) {
            text(TextField::ThemeName(t.id.clone()), &b.name, &t.name);
            text(TextField::ThemeIntro(t.id.clone()), &b.intro, &t.intro);
        }
    }
    let bs: HashMap<&str, _> = base.all_subthemes().map(|s| (s.id.as_str(), s)).collect();
    for s in side.all_subthemes() {
        if let Some(b) = bs.get(s.id.as_str()) {
            text(TextField::SubthemeName(s.id.clone()), &b.name, &s.name);
            text(TextField::SubthemeIntro(s.id.clone()), &b.intro, &s.intro);
        }
    }
    let bp: HashMap<&str, &Project> = base.all_projects().map(|p| (p.id.as_str(), p)).collect();
    for p in side.all_projects() {
        if let Some(b) = bp.get(p.id.as_str()) {
            text(TextField::Title(p.id.clone()), &b.title, &p.title);
            text(TextField::Details(p.id.clone()), &b.details, &p.details);
            text(TextField::Owner(p.id.clone()), &b.owner, &p.owner);
            text(TextField::Notes(p.id.clone()), &b.notes, &p.notes);
        }
    }
    for t in side.all_themes() {
        if let Some(b) = bt.get(t.id.as_str())
            && b.focus != t.focus
        {
            out.push(Change::Focus {
                theme: t.id.clone(),
                from: b.focus,
                to: t.focus,
            });
        }
    }
    if base.year != side.year {
        out.push(Change::PlanYear {
            from: base.year,
            to: side.year,
        });
    }
    for p in side.all_projects() {
        let Some(b) = bp.get(p.id.as_str()) else {
            continue;
        };
        let years: BTreeSet<u16> = b
            .status
            .0
            .keys()
            .chain(p.status.0.keys())
            .copied()
            .collect();
        for year in years {
            let (from, to) = (b.status_in(year), p.status_in(year));
            if from != to {
                out.push(Change::Status {
                    project: p.id.clone(),
                    year,
                    from,
                    to,
                });
            }
        }
    }
}
