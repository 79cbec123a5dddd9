//! Property tests: two writers make random changes of every kind to their own
//! copy of one plan, then save one after the other, in either order. Nothing
//! either of them made is lost, the plan stays valid, and when they touched
//! different items both orders give the same plan.

use std::collections::BTreeSet;

use proptest::prelude::*;

use crate::edit::*;
use crate::plan::{Item, Kind, Project, Status, Subtheme, YearStatus};

const T: Timestamp = Timestamp(1_790_000_000);

/// One random action, by indices into whatever the writer's plan holds then.
#[derive(Debug, Clone)]
pub(super) enum Op {
    Status(usize, usize),
    Owner(usize, String),
    RenameSubtheme(usize, String),
    AddProject(usize, String),
    AddSubtheme(usize, String),
    MoveProject(usize, usize),
    MoveSubtheme(usize, usize),
    Reorder(usize, bool),
    ArchiveProject(usize),
    ArchiveSubtheme(usize),
    Restore(usize),
    Focus(usize),
}

pub(super) fn op() -> impl Strategy<Value = Op> {
    let i = || 0..1000usize;
    let word = || "[a-zé][a-zé ]{0,11}";
    prop_oneof![
        (i(), 0..5usize).prop_map(|(p, s)| Op::Status(p, s)),
        (i(), word()).prop_map(|(p, w)| Op::Owner(p, w)),
        (i(), word()).prop_map(|(s, w)| Op::RenameSubtheme(s, w)),
        (i(), word()).prop_map(|(s, w)| Op::AddProject(s, w)),
        (i(), word()).prop_map(|(t, w)| Op::AddSubtheme(t, w)),
        (i(), i()).prop_map(|(p, s)| Op::MoveProject(p, s)),
        (i(), i()).prop_map(|(s, t)| Op::MoveSubtheme(s, t)),
        (i(), any::<bool>()).prop_map(|(p, up)| Op::Reorder(p, up)),
        i().prop_map(Op::ArchiveProject),
        i().prop_map(Op::ArchiveSubtheme),
        i().prop_map(Op::Restore),
        i().prop_map(Op::Focus),
    ]
}

fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

/// The change an op makes on `plan`, if it can make one there.
pub(super) fn change(plan: &Plan, op: &Op, by: &str) -> Option<Change> {
    let projects: Vec<String> = plan.projects().map(|(_, p)| p.id.clone()).collect();
    let subs: Vec<String> = (plan.themes.iter().flat_map(|t| &t.subthemes))
        .map(|s| s.id.clone())
        .collect();
    let themes: Vec<String> = plan.themes.iter().map(|t| t.id.clone()).collect();
    match op {
        Op::Status(p, s) => {
            Change::status(plan, pick(&projects, *p)?, plan.year, Some(Status::ALL[*s]))
        }
        Op::Owner(p, w) => Change::text(
            plan,
            TextField::Owner(pick(&projects, *p)?.clone()),
            w.clone(),
        ),
        Op::RenameSubtheme(s, w) => Change::text(
            plan,
            TextField::SubthemeName(pick(&subs, *s)?.clone()),
            w.clone(),
        ),
        Op::AddProject(s, w) => {
            let title = format!("{w} van {by}");
            let item = Item::Project(Project {
                id: plan.new_id(&title, "project"),
                title,
                details: String::new(),
                owner: by.to_string(),
                notes: String::new(),
                status: YearStatus([(plan.year, Status::Planned)].into()),
                history: Vec::new(),
            });
            Change::add(plan, item, pick(&subs, *s)?, None)
        }
        Op::AddSubtheme(t, w) => {
            let item = Item::Subtheme(Subtheme {
                id: plan.new_id(w, "subthema"),
                name: w.clone(),
                intro: String::new(),
                projects: Vec::new(),
            });
            Change::add(plan, item, pick(&themes, *t)?, Some(0))
        }
        Op::MoveProject(p, s) => Change::move_to(
            plan,
            Kind::Project,
            pick(&projects, *p)?,
            pick(&subs, *s)?,
            None,
        ),
        Op::MoveSubtheme(s, t) => Change::move_to(
            plan,
            Kind::Subtheme,
            pick(&subs, *s)?,
            pick(&themes, *t)?,
            Some(0),
        ),
        Op::Reorder(p, up) => Change::reorder(
            plan,
            Kind::Project,
            pick(&projects, *p)?,
            if *up { -1 } else { 1 },
        ),
        Op::ArchiveProject(p) => Change::archive(plan, Kind::Project, pick(&projects, *p)?),
        Op::ArchiveSubtheme(s) => Change::archive(plan, Kind::Subtheme, pick(&subs, *s)?),
        Op::Restore(i) => {
            let ids: Vec<String> = plan
                .archive
                .iter()
                .map(|a| a.item.id().to_string())
                .collect();
            Change::restore(plan, pick(&ids, *i)?)
        }
        Op::Focus(t) => {
            let id = pick(&themes, *t)?;
            let on = plan.themes.iter().any(|th| th.id == *id && th.focus);
            Change::focus(plan, id, !on)
        }
    }
}

/// A writer working on its own copy: the edits it made, in order.
fn session(base: &Plan, ops: &[Op], by: &str) -> (Plan, Vec<Edit>) {
    let mut plan = base.clone();
    let mut edits = Vec::new();
    for op in ops {
        if let Some(change) = change(&plan, op, by) {
            let edit = Edit::new(change, T, by);
            assert_eq!(apply(&mut plan, &edit), Applied::Clean, "{op:?}");
            edits.push(edit);
        }
    }
    (plan, edits)
}

/// Every id in the plan, live or archived, with how often it occurs.
fn all_ids(plan: &Plan) -> Vec<String> {
    let live = plan.themes.iter().flat_map(|t| {
        std::iter::once(t.id.clone()).chain(t.subthemes.iter().flat_map(|s| {
            std::iter::once(s.id.clone()).chain(s.projects.iter().map(|p| p.id.clone()))
        }))
    });
    let archived = plan
        .archive
        .iter()
        .flat_map(|a| a.item.ids().into_iter().map(String::from));
    live.chain(archived).collect()
}

/// Titles of all projects, live or archived: additions are told apart by title.
fn project_titles(plan: &Plan) -> BTreeSet<String> {
    plan.all_projects().map(|p| p.title.clone()).collect()
}

/// Ids a writer's edits touched: the items and the parents they went to or from.
pub(super) fn touched(edits: &[Edit]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for e in edits {
        ids.extend(e.target().id().map(String::from));
        match &e.change {
            Change::Add { item, to } => {
                ids.extend(item.ids().into_iter().map(String::from));
                ids.insert(to.parent.clone());
            }
            Change::Move { from, to, .. } => {
                ids.insert(from.parent.clone());
                ids.insert(to.parent.clone());
            }
            Change::Archive { from: p, .. } | Change::Restore { to: p, .. } => {
                ids.insert(p.parent.clone());
            }
            _ => {}
        }
    }
    ids
}

/// The plan with every list sorted by id and no history or log: what it holds,
/// whatever order concurrent additions landed in.
pub(super) fn canonical(plan: &Plan) -> Plan {
    let mut p = plan.clone();
    p.log.clear();
    for t in &mut p.themes {
        for s in &mut t.subthemes {
            s.projects.iter_mut().for_each(|pr| pr.history.clear());
            s.projects.sort_by(|a, b| a.id.cmp(&b.id));
        }
        t.subthemes.sort_by(|a, b| a.id.cmp(&b.id));
    }
    p.themes.sort_by(|a, b| a.id.cmp(&b.id));
    p.archive.sort_by(|a, b| a.item.id().cmp(b.item.id()));
    for a in &mut p.archive {
        a.position = 0;
        if let Item::Project(pr) = &mut a.item {
            pr.history.clear();
        }
    }
    p
}

fn merged(base: &Plan, first: &[Edit], second: &[Edit]) -> Plan {
    let mut disk = base.clone();
    replay(&mut disk, first);
    replay(&mut disk, second);
    disk
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn two_writers_lose_nothing_in_either_order(
        a in prop::collection::vec(op(), 0..8),
        b in prop::collection::vec(op(), 0..8),
    ) {
        let base = crate::codec::parse(crate::storage::BUNDLED_PLAN).unwrap();
        let (_, anna) = session(&base, &a, "anna");
        let (_, bert) = session(&base, &b, "bert");
        let ab = merged(&base, &anna, &bert);
        let ba = merged(&base, &bert, &anna);
        let mut expected = project_titles(&base);
        for e in anna.iter().chain(&bert) {
            if let Change::Add { item, .. } = &e.change
                && item.kind() == Kind::Project
            {
                expected.insert(item.title().to_string());
            }
        }
        for plan in [&ab, &ba] {
            prop_assert!(plan.validate().is_empty(), "{:?}", plan.validate());
            let ids = all_ids(plan);
            let unique: BTreeSet<&String> = ids.iter().collect();
            prop_assert_eq!(unique.len(), ids.len(), "ids are unique");
            // Every project there was, and every one either writer added, is
            // still there: live or in the archive, never lost or doubled.
            let titles = project_titles(plan);
            for title in &expected {
                prop_assert!(titles.contains(title), "lost {title}");
            }
            let count = plan.all_projects().count();
            let added = anna.iter().chain(&bert).filter(|e| {
                matches!(&e.change, Change::Add { item, .. } if item.kind() == Kind::Project)
            });
            prop_assert_eq!(count, base.project_count() + added.count(), "no project doubled");
        }
        if touched(&anna).is_disjoint(&touched(&bert)) {
            prop_assert_eq!(canonical(&ab), canonical(&ba));
        }
    }
}
