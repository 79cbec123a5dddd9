//! The property: random timed changes of every kind, each made against the
//! plan as it then is and recorded by the edits layer; the plan as of each
//! change's time equals the plan just after it, history and log included,
//! apart from the items the records say are unknown. The counts through the
//! year and of a comparison equal those of the rebuilt plans.

use proptest::prelude::*;

use super::*;
use crate::plan::{Project, Subtheme, Theme};

/// One random action, by indices into whatever the plan holds then.
#[derive(Debug, Clone)]
enum Op {
    /// Project, status (5 clears it), next year instead of the plan year.
    Status(usize, usize, bool),
    /// Which text field (0–9), item, new text.
    Text(usize, usize, String),
    Focus(usize),
    /// The plan year one up or down.
    Year(bool),
    AddProject(usize, String),
    AddSubtheme(usize, String),
    AddTheme(String),
    MoveProject(usize, usize),
    MoveSubtheme(usize, usize),
    /// Kind (0–2), item, up.
    Reorder(usize, usize, bool),
    /// Kind (0–2), item.
    Archive(usize, usize),
    Restore(usize),
    /// Undo one of the last three edits (an undone addition is a removal).
    Undo(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0..1000usize;
    let word = || "[a-zé][a-zé ]{0,9}";
    prop_oneof![
        4 => (i(), 0..6usize, any::<bool>()).prop_map(|(p, s, n)| Op::Status(p, s, n)),
        2 => (0..10usize, i(), word()).prop_map(|(f, x, w)| Op::Text(f, x, w)),
        1 => i().prop_map(Op::Focus),
        1 => any::<bool>().prop_map(Op::Year),
        2 => (i(), word()).prop_map(|(s, w)| Op::AddProject(s, w)),
        1 => (i(), word()).prop_map(|(t, w)| Op::AddSubtheme(t, w)),
        1 => word().prop_map(Op::AddTheme),
        1 => (i(), i()).prop_map(|(p, s)| Op::MoveProject(p, s)),
        1 => (i(), i()).prop_map(|(s, t)| Op::MoveSubtheme(s, t)),
        1 => (0..3usize, i(), any::<bool>()).prop_map(|(k, x, up)| Op::Reorder(k, x, up)),
        2 => (0..3usize, i()).prop_map(|(k, x)| Op::Archive(k, x)),
        2 => i().prop_map(Op::Restore),
        2 => (0..3usize).prop_map(Op::Undo),
    ]
}

fn pick(items: &[String], i: usize) -> Option<&String> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

const KINDS: [Kind; 3] = [Kind::Project, Kind::Subtheme, Kind::Theme];

/// The live ids of each kind, in plan order.
fn live(plan: &Plan, kind: Kind) -> Vec<String> {
    match kind {
        Kind::Project => plan.projects().map(|(_, p)| p.id.clone()).collect(),
        Kind::Subtheme => (plan.themes.iter().flat_map(|t| &t.subthemes))
            .map(|s| s.id.clone())
            .collect(),
        Kind::Theme => plan.themes.iter().map(|t| t.id.clone()).collect(),
    }
}

fn text_field(plan: &Plan, which: usize, i: usize) -> Option<TextField> {
    let project = || pick(&live(plan, Kind::Project), i).cloned();
    let sub = || pick(&live(plan, Kind::Subtheme), i).cloned();
    let theme = || pick(&live(plan, Kind::Theme), i).cloned();
    Some(match which {
        0 => TextField::Owner(project()?),
        1 => TextField::Notes(project()?),
        2 => TextField::Title(project()?),
        3 => TextField::Details(project()?),
        4 => TextField::SubthemeName(sub()?),
        5 => TextField::SubthemeIntro(sub()?),
        6 => TextField::ThemeName(theme()?),
        7 => TextField::ThemeIntro(theme()?),
        8 => TextField::PlanFund,
        _ => TextField::PlanTitle,
    })
}

/// The change an op makes on `plan`, if it can make one there.
fn change(plan: &Plan, op: &Op, edits: &[Edit]) -> Option<Change> {
    let projects = live(plan, Kind::Project);
    let subs = live(plan, Kind::Subtheme);
    let themes = live(plan, Kind::Theme);
    match op {
        Op::Status(p, s, next) => {
            let year = plan.year + u16::from(*next);
            Change::status(
                plan,
                pick(&projects, *p)?,
                year,
                Status::ALL.get(*s).copied(),
            )
        }
        Op::Text(which, i, w) => Change::text(plan, text_field(plan, *which, *i)?, w.clone()),
        Op::Focus(t) => {
            let id = pick(&themes, *t)?;
            let on = plan.themes.iter().any(|th| th.id == *id && th.focus);
            Change::focus(plan, id, !on)
        }
        Op::Year(up) => Some(Change::plan_year(
            plan,
            if *up { plan.year + 1 } else { plan.year - 1 },
        )),
        Op::AddProject(s, w) => {
            let item = Item::Project(Project {
                id: plan.new_id(w, "project"),
                title: w.clone(),
                details: String::new(),
                owner: String::new(),
                notes: String::new(),
                status: YearStatus([(plan.year, Status::Planned)].into()),
                history: Vec::new(),
            });
            Change::add(plan, item, pick(&subs, *s)?, Some(*s % 3))
        }
        Op::AddSubtheme(t, w) => {
            let id = plan.new_id(w, "subthema");
            let project = Project {
                id: plan.new_id(&format!("{w} eerste"), "project"),
                title: format!("Eerste van {w}"),
                details: String::new(),
                owner: String::new(),
                notes: String::new(),
                status: YearStatus::default(),
                history: Vec::new(),
            };
            let projects = if project.id == id {
                Vec::new()
            } else {
                vec![project]
            };
            let item = Item::Subtheme(Subtheme {
                id,
                name: w.clone(),
                intro: String::new(),
                projects,
            });
            Change::add(plan, item, pick(&themes, *t)?, None)
        }
        Op::AddTheme(w) => {
            let item = Item::Theme(Theme {
                id: plan.new_id(w, "thema"),
                name: w.clone(),
                focus: false,
                intro: String::new(),
                subthemes: Vec::new(),
            });
            Change::add(plan, item, "", Some(1))
        }
        Op::MoveProject(p, s) => Change::move_to(
            plan,
            Kind::Project,
            pick(&projects, *p)?,
            pick(&subs, *s)?,
            Some(*p % 4),
        ),
        Op::MoveSubtheme(s, t) => Change::move_to(
            plan,
            Kind::Subtheme,
            pick(&subs, *s)?,
            pick(&themes, *t)?,
            None,
        ),
        Op::Reorder(k, i, up) => {
            let ids = live(plan, KINDS[*k]);
            Change::reorder(plan, KINDS[*k], pick(&ids, *i)?, if *up { -1 } else { 1 })
        }
        Op::Archive(k, i) => {
            let ids = live(plan, KINDS[*k]);
            Change::archive(plan, KINDS[*k], pick(&ids, *i)?)
        }
        Op::Restore(i) => {
            let ids: Vec<String> = (plan.archive.iter())
                .map(|a| a.item.id().to_string())
                .collect();
            Change::restore(plan, pick(&ids, *i)?)
        }
        Op::Undo(back) => {
            let edit = edits.iter().rev().nth(*back)?;
            Some(edit.change.inverse())
        }
    }
}

fn depth(kind: Kind) -> u8 {
    match kind {
        Kind::Theme => 0,
        Kind::Subtheme => 1,
        Kind::Project => 2,
    }
}

/// Takes out of `plan` the items `reach` says are unknown.
fn without_unknown(plan: &Plan, reach: &Reach) -> Plan {
    let mut plan = plan.clone();
    let mut items: Vec<(Kind, &String)> = (reach.unknown.iter())
        .map(|id| (plan.kind_of(id).expect("an unknown item was there"), id))
        .collect();
    // Projects first, then sub-themes, then themes: an unknown item inside
    // another unknown one is taken out before its parent takes it along.
    items.sort_by_key(|(kind, _)| std::cmp::Reverse(depth(*kind)));
    for (kind, id) in items {
        assert!(super::super::rewind::take_anywhere(&mut plan, kind, id));
    }
    plan
}

/// The statuses in `year` of the live projects of the themes `scope` selects.
fn counted(plan: &Plan, year: u16, scope: &Scope) -> Progress {
    let themes = super::super::period::in_scope(plan, scope);
    Progress::of(
        themes.flat_map(|t| t.subthemes.iter().flat_map(|s| &s.projects)),
        year,
    )
}

/// The first lines where two plans differ, for a failure message.
fn first_difference(got: &Plan, expected: &Plan) -> String {
    let (got, expected) = (format!("{got:#?}"), format!("{expected:#?}"));
    let (got, expected): (Vec<&str>, Vec<&str>) =
        (got.lines().collect(), expected.lines().collect());
    let at = (got.iter().zip(&expected))
        .position(|(g, e)| g != e)
        .unwrap_or(got.len().min(expected.len()));
    let from = at.saturating_sub(12);
    format!(
        "got:\n{}\nexpected:\n{}",
        got[from..(at + 6).min(got.len())].join("\n"),
        expected[from..(at + 6).min(expected.len())].join("\n")
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_plan_as_of_each_change_is_the_plan_just_after_it(
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut plan = bundled();
        // The moment before the first change, then each change's, 9 days apart.
        let mut snapshots = vec![(day(0), plan.clone())];
        let mut edits: Vec<Edit> = Vec::new();
        for (n, op) in ops.iter().enumerate() {
            let Some(change) = change(&plan, op, &edits).filter(|c| !c.is_noop()) else {
                continue;
            };
            let at = day(9 * (n as i64 + 1));
            let edit = Edit::new(change, at, "anna");
            let before = plan.clone();
            edit::apply(&mut plan, &edit);
            if plan.recorded().len() == before.recorded().len() {
                // Nothing to do (an undo of what is undone already): nothing changed.
                prop_assert_eq!(&plan, &before);
                continue;
            }
            edits.push(edit);
            snapshots.push((at, plan.clone()));
        }
        for (i, (at, expected)) in snapshots.iter().enumerate() {
            let then = as_of(&plan, *at);
            let expected = without_unknown(expected, &then.reach);
            prop_assert!(then.plan == expected, "as of change {}: {}", i, first_difference(&then.plan, &expected));
            prop_assert_eq!(then.reach.before_records, i == 0);
            // Half-way to the next change, nothing more has happened.
            let between = as_of(&plan, Timestamp(at.0 + DAY));
            prop_assert_eq!(&between.plan, &then.plan);
            prop_assert!(i > 0 || then.reach.unknown.is_empty());
        }
        // The counts the fast paths give are those of the rebuilt plans.
        let year = plan.year;
        for scope in [Scope::All, Scope::Focus] {
            let months = through_year(&plan, year, Period::Month, &scope, (day(200), &jiff::tz::TimeZone::UTC));
            for m in &months {
                let then = as_of(&plan, m.end);
                prop_assert_eq!(m.progress, counted(&then.plan, year, &scope), "month {}", m.label_index);
                prop_assert_eq!(m.future, m.end > day(200));
            }
        }
        let (a, b) = (day(100), day(250));
        let c = compare(&plan, year, a, b);
        let (then_a, then_b) = (as_of(&plan, a), as_of(&plan, b));
        prop_assert_eq!(&c.reach_a, &then_a.reach);
        prop_assert_eq!(&c.reach_b, &then_b.reach);
        for theme in &c.themes {
            let count = |p: &Plan| (p.themes.iter().find(|t| t.id == theme.id))
                .map(|t| t.progress(year))
                .unwrap_or_default();
            prop_assert_eq!(theme.a, count(&then_a.plan));
            prop_assert_eq!(theme.b, count(&then_b.plan));
        }
        let live_at = |p: &Plan| p.projects().map(|(_, pr)| (pr.id.clone(), pr.status_in(year)))
            .collect::<std::collections::BTreeMap<_, _>>();
        let (in_a, in_b) = (live_at(&then_a.plan), live_at(&then_b.plan));
        let mut differ: Vec<&String> = in_a.keys().chain(in_b.keys())
            .filter(|id| in_a.get(*id) != in_b.get(*id))
            .collect();
        differ.sort();
        differ.dedup();
        let mut listed: Vec<&String> = c.changed.iter().map(|s| &s.id).collect();
        listed.sort();
        prop_assert_eq!(listed, differ);
    }
}
