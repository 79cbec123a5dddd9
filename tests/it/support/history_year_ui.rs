//! The bundled plan after a made-up year of work, for the UI's time travel and
//! progress chart: from January to October 2026 three projects in four start,
//! half of those finish, a few go on hold; a project is added in March, one is
//! renamed in May, one archived in August, and one added on 1 April is undone
//! on 20 April (so its content is not recorded). Every change goes through
//! the edits layer in time order, as the UI and the CLI make them.
#![allow(dead_code)]

use aoplan::edit::{self, Change, Edit, TextField};
use aoplan::plan::{Item, Kind, Plan, Project, Status, YearStatus};
use aoplan::storage::BUNDLED_PLAN;
use aoplan::timestamp::Timestamp;

/// The first change the plan records.
pub const FIRST_RECORD: &str = "2026-01-01T08:00:00Z";
/// The project added on 1 April and undone on 20 April.
pub const UNDONE: &str = "pilot-intervisie";
/// The project added on 2 March.
pub const ADDED: &str = "terugblik-op-het-jaar";
const WHO: [&str; 3] = ["ingrid", "bram", "zoë"];

fn at(month: u32, day: u32, minute: usize) -> Timestamp {
    let text = format!("2026-{month:02}-{day:02}T09:{:02}:00Z", minute % 60);
    Timestamp::parse_rfc3339(&text).expect("a time")
}

/// What happens to the plan, and when.
enum Step {
    Status(String, Status),
    Add(&'static str, &'static str),
    Undo(&'static str),
    Rename(String, &'static str),
    Notes(String, &'static str),
    Archive(String),
}

fn new_project(id: &str, title: &str) -> Item {
    Item::Project(Project {
        id: id.into(),
        title: title.into(),
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: YearStatus(Default::default()),
        history: Vec::new(),
    })
}

/// The status changes of the `i`th project of the plan: when, and to what.
fn status_steps(i: usize) -> Vec<(Timestamp, Status)> {
    let m = |n: usize| u32::try_from(n).expect("a month");
    let d = |n: usize| 1 + u32::try_from(n % 27).expect("a day");
    match i % 4 {
        0 => vec![
            (at(1 + m(i % 3), d(i), i), Status::InProgress),
            (at(4 + m(i % 6), d(i * 3), i), Status::Done),
        ],
        1 => vec![(at(2 + m(i % 4), d(i + 9), i), Status::InProgress)],
        2 => vec![
            (at(1 + m(i % 2), d(i + 14), i), Status::InProgress),
            (at(6 + m(i % 4), d(i + 11), i), Status::Done),
        ],
        _ if i % 8 == 3 => vec![(at(3 + m(i % 5), d(i + 7), i), Status::OnHold)],
        _ => Vec::new(),
    }
}

/// The bundled plan after its year of 2026, every change recorded.
pub fn plan() -> Plan {
    let mut plan = aoplan::codec::parse(BUNDLED_PLAN).expect("the bundled plan parses");
    let ids: Vec<String> = plan.projects().map(|(_, p)| p.id.clone()).collect();
    let first_sub = plan.themes[0].subthemes[0].id.clone();
    let mut steps: Vec<(Timestamp, Step)> = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        for (when, to) in status_steps(i) {
            steps.push((when, Step::Status(id.clone(), to)));
        }
    }
    steps.push((at(3, 2, 0), Step::Add(ADDED, "Terugblik op het jaar")));
    steps.push((at(4, 1, 0), Step::Add(UNDONE, "Pilot intervisie")));
    steps.push((at(4, 20, 0), Step::Undo(UNDONE)));
    steps.push((
        at(5, 11, 0),
        Step::Rename(ids[5].clone(), "Kwartet (herzien)"),
    ));
    steps.push((at(8, 19, 0), Step::Archive(ids[9].clone())));
    // The first record, before any other.
    steps.push((
        Timestamp::parse_rfc3339(FIRST_RECORD).expect("a time"),
        Step::Notes(ids[0].clone(), "Het jaar begint"),
    ));
    steps.sort_by_key(|(when, _)| *when);
    for (n, (when, step)) in steps.into_iter().enumerate() {
        let change = match step {
            Step::Status(id, to) => Change::status(&plan, &id, 2026, Some(to)),
            Step::Add(id, title) => Change::add(&plan, new_project(id, title), &first_sub, None),
            Step::Undo(id) => {
                let item = (plan.locate(id).and_then(|loc| plan.project(loc)))
                    .map(|p| Box::new(Item::Project(p.clone())));
                let from = plan.place_of(Kind::Project, id);
                item.zip(from)
                    .map(|(item, from)| Change::Remove { item, from })
            }
            Step::Rename(id, title) => Change::text(&plan, TextField::Title(id), title.into()),
            Step::Notes(id, notes) => Change::text(&plan, TextField::Notes(id), notes.into()),
            Step::Archive(id) => Change::archive(&plan, Kind::Project, &id),
        };
        let change = change.expect("every step applies to the plan as it then is");
        edit::apply(&mut plan, &Edit::new(change, when, WHO[n % WHO.len()]));
    }
    plan
}
