//! Core costs at each plan size: load + check, save, adding a project, and one
//! search keystroke (and one with a typo); parsing a plan after a year of use;
//! the plan as of a date, compared and through the year; and the three-way
//! merge of the git merge driver.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use aoplan::codec::to_ron;
use aoplan::edit::{self, Change, Edit};
use aoplan::plan::{Item, Project};
use aoplan::search::{Query, SearchIndex};
use aoplan::storage::{Store, parse_plan};

#[path = "support/synthetic.rs"]
mod synthetic;

const SIZES: [usize; 3] = [100, 10_000, 100_000];

/// The query typed letter by letter, as a user would.
const TYPED: &str = "overgang werk";

/// A mistyped query: the slowest path, where the first pass finds nothing and
/// the second tries spellings and scattered letters.
const MISTYPED: &str = "overgnag";

fn load_and_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("load+check");
    group.sample_size(10);
    for n in SIZES {
        let text = to_ron(&synthetic::plan(n));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                parse_plan(std::path::Path::new("plan.ron"), black_box(text.as_bytes())).unwrap()
            })
        });
    }
}

fn save(c: &mut Criterion) {
    let mut group = c.benchmark_group("save");
    group.sample_size(10);
    for n in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, to_ron(&synthetic::plan(n))).unwrap();
        let (mut store, mut plan) = Store::open(&path).unwrap();
        let mut flip = false;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                // A real change each time, so every iteration writes.
                flip = !flip;
                plan.themes[0].subthemes[0].projects[0].notes = if flip { "a" } else { "b" }.into();
                store.sync(&mut plan, &[]).unwrap()
            })
        });
    }
}

/// Adding a project to the plan already loaded, as `aoplan add` and the UI's
/// form do once the plan is in memory: the change made and applied, then
/// durably saved.
fn add_project(c: &mut Criterion) {
    let mut group = c.benchmark_group("add project");
    group.sample_size(10);
    for n in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, to_ron(&synthetic::plan(n))).unwrap();
        let (mut store, mut plan) = Store::open(&path).unwrap();
        let sub = plan.themes[0].subthemes[0].id.clone();
        let at = aoplan::timestamp::Timestamp(1_773_400_000);
        let mut count = 0;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                // A new title each time, so that its id is free at once.
                count += 1;
                let title = format!("Benchmark project {count}");
                let project = Project {
                    id: plan.new_id(&title, "project"),
                    title,
                    details: String::new(),
                    owner: String::new(),
                    notes: String::new(),
                    status: Default::default(),
                    history: Vec::new(),
                };
                let change = Change::add(&plan, Item::Project(project), &sub, None).unwrap();
                let edit = Edit::new(change, at, "bench");
                edit::apply(&mut plan, &edit);
                store.sync(&mut plan, &[edit]).unwrap()
            })
        });
    }
}

fn search_keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("search keystroke");
    group.sample_size(10);
    for n in SIZES {
        let plan = synthetic::plan(n);
        let index = SearchIndex::build(&plan);
        let parse = |text: &str| Query::parse(text, plan.year);
        for len in [1, 2, 8, TYPED.len()] {
            let text = &TYPED[..len];
            let before = parse(&TYPED[..len.saturating_sub(1).max(1)]);
            let previous = index.search(&plan, &before);
            group.bench_with_input(BenchmarkId::new(format!("{text:?}"), n), &text, |b, q| {
                b.iter(|| {
                    // Parsing is part of a keystroke's work.
                    let query = parse(black_box(q));
                    if len == 1 {
                        index.search(&plan, &query)
                    } else {
                        index.narrow(&plan, &query, &before, &previous)
                    }
                })
            });
        }
        group.bench_with_input(
            BenchmarkId::new(format!("{MISTYPED:?}"), n),
            &MISTYPED,
            |b, q| b.iter(|| index.search(&plan, &parse(black_box(q)))),
        );
    }
}

fn index_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("index build");
    group.sample_size(10);
    for n in SIZES {
        let plan = synthetic::plan(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &plan, |b, plan| {
            b.iter(|| SearchIndex::build(black_box(plan)))
        });
    }
}

/// The plan as of a date, two dates compared and the counts through the year,
/// on 10 000 projects with 20 status changes each and a log of renames, moves
/// and archivings: the cores of `report --as-of`, `--compare` and `--by`.
fn as_of(c: &mut Criterion) {
    use aoplan::as_of::{self, Period};
    use aoplan::report::Scope;
    use aoplan::timestamp::Timestamp;

    let mut group = c.benchmark_group("as of (10 000 projects, 20 history entries each)");
    group.sample_size(10);
    let plan = synthetic::with_history(10_000, 20);
    let day = |d: &str| Timestamp::parse_date(d).unwrap();
    group.bench_function("as_of 2026-06-30", |b| {
        b.iter(|| as_of::as_of(black_box(&plan), day("2026-06-30")))
    });
    group.bench_function("compare 2026-03-31 2026-09-30", |b| {
        b.iter(|| as_of::compare(black_box(&plan), 2026, day("2026-03-31"), day("2026-09-30")))
    });
    group.bench_function("through_year by month", |b| {
        let now = day("2026-12-31");
        b.iter(|| {
            as_of::through_year(
                black_box(&plan),
                2026,
                Period::Month,
                &Scope::All,
                (now, &jiff::tz::TimeZone::UTC),
            )
        })
    });
}

/// The git merge driver's core on 10 000 projects: each side set the status
/// of 200 projects, 100 of them the same projects to different values (100
/// conflicts).
fn merge(c: &mut Criterion) {
    use aoplan::plan::Status;
    use aoplan::timestamp::Timestamp;

    let mut group = c.benchmark_group("merge3 (10 000 projects)");
    group.sample_size(10);
    let base = synthetic::plan(10_000);
    let ids: Vec<String> = base.all_projects().map(|p| p.id.clone()).collect();
    let year = base.year;
    let side = |picks: &[usize], to: Status, by: &str, at: i64| {
        let mut plan = base.clone();
        for (n, &i) in picks.iter().enumerate() {
            let id = &ids[i];
            let from = (plan.all_projects().find(|p| &p.id == id)).and_then(|p| p.status_in(year));
            let change = Change::Status {
                project: id.clone(),
                year,
                from,
                to: Some(to),
            };
            let at = Timestamp(at + n as i64);
            edit::apply(&mut plan, &Edit::new(change, at, by));
        }
        plan
    };
    let ours_picks: Vec<usize> = (0..200).map(|i| i * 37 % ids.len()).collect();
    let theirs_picks: Vec<usize> = (0..100)
        .map(|i| i * 37 % ids.len())
        .chain((0..100).map(|i| (i * 53 + 11) % ids.len()))
        .collect();
    let ours = side(&ours_picks, Status::Done, "anna", 1_790_000_000);
    let theirs = side(&theirs_picks, Status::OnHold, "bram", 1_790_000_500);
    group.bench_function("200 + 200 status changes, 100 conflicts", |b| {
        b.iter(|| edit::merge3(black_box(&base), &ours, &theirs))
    });
}

/// Parsing the text of 10 000 projects with 20 history entries each (33 MB):
/// the fast reader that loading uses, and ron alone, which loading falls back
/// to for what the fast reader does not read.
fn parse(c: &mut Criterion) {
    use aoplan::codec;

    let mut group = c.benchmark_group("parse (10 000 projects, 20 history entries each)");
    group.sample_size(10);
    let text = to_ron(&synthetic::with_history(10_000, 20));
    group.bench_function("codec::parse", |b| {
        b.iter(|| codec::parse(black_box(&text)).unwrap())
    });
    group.bench_function("ron", |b| {
        b.iter(|| codec::parse_with_ron(black_box(&text)).unwrap())
    });
}

criterion_group!(
    benches,
    load_and_check,
    parse,
    save,
    add_project,
    search_keystroke,
    index_build,
    as_of,
    merge
);
criterion_main!(benches);
