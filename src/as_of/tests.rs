//! The plan as of a moment equals the plan as it was just after the last
//! change made until then: a property test over random timed changes of every
//! kind, made and recorded by the edits layer, and targeted cases.

mod property;

use super::*;
use crate::edit::{self, Change, Edit, TextField};
use crate::plan::{Item, Kind, Logged, Progress, Status, YearStatus};
use crate::report::Scope;

/// 2026-01-01T00:00:00Z.
const NEW_YEAR: Timestamp = Timestamp(1_767_225_600);
const DAY: i64 = 86_400;
const PROJECT: &str = "programma-loyale-tegenspraak";
const SUBTHEME: &str = "loyale-tegenspraak";

fn bundled() -> Plan {
    crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("the bundled plan parses")
}

fn day(n: i64) -> Timestamp {
    Timestamp(NEW_YEAR.0 + n * DAY)
}

fn apply(plan: &mut Plan, change: Change, at: Timestamp) -> Edit {
    let edit = Edit::new(change, at, "anna");
    assert_eq!(edit::apply(plan, &edit), edit::Applied::Clean, "{edit:?}");
    edit
}

fn set(plan: &mut Plan, id: &str, status: Status, at: Timestamp) {
    let change = Change::status(plan, id, 2026, Some(status)).unwrap();
    apply(plan, change, at);
}

fn status(plan: &Plan, id: &str) -> Option<Status> {
    plan.all_projects()
        .find(|p| p.id == id)
        .and_then(|p| p.status_in(2026))
}

fn new_project(id: &str) -> Item {
    Item::Project(crate::plan::Project {
        id: id.into(),
        title: format!("Titel {id}"),
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: YearStatus([(2026, Status::Planned)].into()),
        history: Vec::new(),
    })
}

#[test]
fn a_plan_without_records_is_before_them_and_unchanged() {
    let plan = bundled();
    let then = as_of(&plan, day(10));
    assert_eq!(then.plan, plan);
    assert_eq!(
        then.reach,
        Reach {
            first_record: None,
            before_records: true,
            unknown: Vec::new(),
        }
    );
    assert!(then.reach.is_partial());
}

#[test]
fn a_record_counts_as_done_at_its_own_time() {
    let mut plan = bundled();
    let before = status(&plan, PROJECT);
    set(&mut plan, PROJECT, Status::Done, day(5));
    let field = TextField::Owner(PROJECT.into());
    let change = Change::text(&plan, field, "Bram".into()).unwrap();
    apply(&mut plan, change, day(6));

    let on = as_of(&plan, day(5));
    assert_eq!(status(&on.plan, PROJECT), Some(Status::Done));
    assert_eq!(
        on.plan
            .all_projects()
            .find(|p| p.id == PROJECT)
            .unwrap()
            .owner,
        ""
    );
    assert_eq!(on.reach.first_record, Some(day(5)));
    assert!(!on.reach.before_records && !on.reach.is_partial());
    assert!(on.plan.log.is_empty(), "the owner was set later");

    let just_before = as_of(&plan, Timestamp(day(5).0 - 1));
    assert_eq!(status(&just_before.plan, PROJECT), before);
    assert!(just_before.reach.before_records);
    assert_eq!(just_before.plan, bundled(), "nothing had happened yet");

    assert_eq!(as_of(&plan, day(6)).plan, plan, "every record done");
}

#[test]
fn a_removed_addition_is_unknown_while_it_existed_and_absent_before() {
    let mut plan = bundled();
    let added = Change::add(&plan, new_project("nieuw"), SUBTHEME, None).unwrap();
    let add = apply(&mut plan, added, day(1));
    set(&mut plan, PROJECT, Status::InProgress, day(2));
    // The addition undone (before anyone changed the item, which would have
    // archived it instead): the log keeps no content of the item.
    let undo = add.inverse(day(3), "anna");
    let removed = edit::apply(&mut plan, &undo);
    assert_eq!(removed, edit::Applied::Clean, "{:?}", plan.log.last());
    assert!(matches!(
        plan.log.last().map(|e| &e.change),
        Some(Logged::Removed { .. })
    ));

    let during = as_of(&plan, day(2));
    assert_eq!(during.reach.unknown, ["nieuw"]);
    assert!(during.reach.is_partial() && !during.reach.before_records);
    assert!(!during.plan.has_id("nieuw"), "not invented");
    let before = as_of(&plan, day(0));
    assert!(before.reach.unknown.is_empty() && !before.plan.has_id("nieuw"));
    let after = as_of(&plan, day(3));
    assert!(after.reach.unknown.is_empty() && !after.plan.has_id("nieuw"));
}

#[test]
fn archived_and_restored_items_come_back_where_they_were() {
    let original = bundled();
    let mut plan = original.clone();
    let sub = plan.place_of(Kind::Subtheme, SUBTHEME).unwrap();
    let archive = Change::archive(&plan, Kind::Subtheme, SUBTHEME).unwrap();
    apply(&mut plan, archive, day(1));
    let archived = plan.clone();
    let restore = Change::restore(&plan, SUBTHEME).unwrap();
    apply(&mut plan, restore, day(2));
    let to = "politiek-bestuurlijk";
    let moved = Change::move_to(&plan, Kind::Project, PROJECT, to, Some(0)).unwrap();
    apply(&mut plan, moved, day(3));
    assert_eq!(
        as_of(&plan, day(2)).plan.place_of(Kind::Subtheme, SUBTHEME),
        Some(sub)
    );
    assert_eq!(as_of(&plan, day(1)).plan, archived);
    assert_eq!(as_of(&plan, day(0)).plan, original);
}

#[test]
fn period_ends_are_the_last_second_of_each_utc_month_or_quarter() {
    let months = period_ends(2026, Period::Month, &jiff::tz::TimeZone::UTC);
    assert_eq!(months.len(), 12);
    assert_eq!(months[0], (1, Timestamp(day(31).0 - 1)));
    assert_eq!(months[1].1.to_string(), "2026-02-28T23:59:59Z");
    assert_eq!(months[11].1.to_string(), "2026-12-31T23:59:59Z");
    let quarters = period_ends(2028, Period::Quarter, &jiff::tz::TimeZone::UTC);
    let shown: Vec<(u8, String)> = quarters.iter().map(|(n, t)| (*n, t.to_string())).collect();
    assert_eq!(
        shown,
        [
            (1, "2028-03-31T23:59:59Z".to_string()),
            (2, "2028-06-30T23:59:59Z".to_string()),
            (3, "2028-09-30T23:59:59Z".to_string()),
            (4, "2028-12-31T23:59:59Z".to_string()),
        ]
    );
}

#[test]
fn period_ends_are_local_month_ends_across_daylight_saving() {
    let zone = jiff::tz::TimeZone::get("Europe/Amsterdam").expect("the bundled zone database");
    let months = period_ends(2026, Period::Month, &zone);
    // Winter (CET, UTC+1) and summer (CEST, UTC+2): the last second of the
    // local month, whatever the offset.
    assert_eq!(months[0].1.to_string(), "2026-01-31T22:59:59Z");
    assert_eq!(months[2].1.to_string(), "2026-03-31T21:59:59Z");
    assert_eq!(months[9].1.to_string(), "2026-10-31T22:59:59Z");
    assert_eq!(months[11].1.to_string(), "2026-12-31T22:59:59Z");
    let west = jiff::tz::TimeZone::get("America/New_York").expect("the bundled zone database");
    let quarters = period_ends(2026, Period::Quarter, &west);
    assert_eq!(quarters[1].1.to_string(), "2026-07-01T03:59:59Z");
}

#[test]
fn through_the_year_counts_each_month_end_and_marks_the_future() {
    let mut plan = bundled();
    let total = plan.project_count();
    let start = plan.progress(2026);
    set(&mut plan, PROJECT, Status::Done, day(40)); // 10 February
    let added = Change::add(&plan, new_project("nieuw"), SUBTHEME, None).unwrap();
    apply(&mut plan, added, day(100)); // 11 April
    let months = through_year(
        &plan,
        2026,
        Period::Month,
        &Scope::All,
        (day(120), &jiff::tz::TimeZone::UTC),
    );
    assert_eq!(months.len(), 12);
    assert_eq!(months[0].progress, start);
    assert_eq!(months[1].progress.done(), start.done() + 1);
    assert_eq!(months[2].progress.total(), total);
    assert_eq!(months[3].progress.total(), total + 1);
    let future: Vec<u8> = (months.iter().filter(|m| m.future))
        .map(|m| m.label_index)
        .collect();
    assert_eq!(future, [5, 6, 7, 8, 9, 10, 11, 12], "now is 1 May");
    let quarters = through_year(
        &plan,
        2026,
        Period::Quarter,
        &Scope::All,
        (day(120), &jiff::tz::TimeZone::UTC),
    );
    assert_eq!(quarters.len(), 4);
    assert_eq!(quarters[0].progress, months[2].progress);
    assert_eq!(quarters[1].progress, months[5].progress);
    let theme = plan
        .themes
        .iter()
        .find(|t| t.subthemes.iter().any(|s| s.id == SUBTHEME));
    let theme = theme.unwrap().id.clone();
    let one = through_year(
        &plan,
        2026,
        Period::Quarter,
        &Scope::Theme(&theme),
        (day(120), &jiff::tz::TimeZone::UTC),
    );
    assert_eq!(
        one[1].progress,
        plan.themes
            .iter()
            .find(|t| t.id == theme)
            .unwrap()
            .progress(2026)
    );
    let none = through_year(
        &plan,
        2026,
        Period::Quarter,
        &Scope::Theme("nergens"),
        (day(120), &jiff::tz::TimeZone::UTC),
    );
    assert!(none.iter().all(|q| q.progress == Progress::default()));
}

#[test]
fn compare_counts_both_dates_and_lists_every_change() {
    let mut plan = bundled();
    set(&mut plan, PROJECT, Status::InProgress, day(10));
    set(&mut plan, PROJECT, Status::Done, day(100));
    let added = Change::add(&plan, new_project("nieuw"), SUBTHEME, None).unwrap();
    apply(&mut plan, added, day(50));
    let other = "kwalen-kwartet";
    let before_other = status(&plan, other);
    let archive = Change::archive(&plan, Kind::Project, other).unwrap();
    apply(&mut plan, archive, day(60));
    let c = compare(&plan, 2026, day(20), day(200));
    assert_eq!((c.a, c.b, c.year), (day(20), day(200), 2026));
    let changed: Vec<(&str, Option<Status>, Option<Status>, Presence)> = (c.changed.iter())
        .map(|s| (&*s.id, s.from, s.to, s.presence))
        .collect();
    let mut expected = vec![
        (
            PROJECT,
            Some(Status::InProgress),
            Some(Status::Done),
            Presence::Both,
        ),
        ("nieuw", None, Some(Status::Planned), Presence::New),
        (other, before_other, None, Presence::Gone),
    ];
    // By theme in plan order, then plan order.
    let order = |id: &str| {
        let plan = bundled();
        // The added project is in the theme of `PROJECT`.
        plan.locate(id)
            .unwrap_or(plan.locate(PROJECT).unwrap())
            .theme
    };
    expected.sort_by_key(|(id, ..)| order(id));
    assert_eq!(changed, expected);
    for theme in &c.themes {
        let at = |t| as_of(&plan, t).plan;
        let count = |p: &Plan| {
            p.themes
                .iter()
                .find(|x| x.id == theme.id)
                .unwrap()
                .progress(2026)
        };
        assert_eq!(theme.a, count(&at(day(20))), "{}", theme.id);
        assert_eq!(theme.b, count(&at(day(200))), "{}", theme.id);
        assert!(theme.in_a && theme.in_b);
    }
    assert_eq!(c.reach_a.first_record, Some(day(10)));
    assert!(!c.reach_a.before_records);
}
