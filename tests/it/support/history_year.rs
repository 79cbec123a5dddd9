//! A small plan with a made-up year of history, made deterministically through
//! the edits layer (the path `aoplan set`, `edit`, `add` and `rm` take), for
//! the tests of the plan as of a date, two dates compared and the counts
//! through the year.
//!
//! Ten projects p1–p10, all Planned in 2026 before any record:
//! - `vakmanschap` (focus): `tegenspraak` p1 p2 p3, `integriteit` p4 p5
//! - `digitaal`: `online` p6 p7 p8
//! - `werkplezier`: `plezier` p9 p10
//!
//! Every month on the 15th at 10:00 UTC two projects, p(2m−1) and p(2m)
//! counted round 1–10, move one step on: Planned → In progress → Done (a
//! Done one, or one no longer in the plan, is left alone). So months 1–5 start
//! p1–p10, months 6–10 finish them. Besides:
//! - 2026-02-10: p2 is renamed;
//! - 2026-05-04: p11 is added to `online` (Planned), and is In progress from
//!   2026-07-01;
//! - 2026-06-30T23:00:00Z: p10's owner is set (late on the last day of June);
//! - 2026-08-20: p9 is archived (before month 10 would finish it).

use aoplan::edit::{self, Applied, Change, Edit, TextField};
use aoplan::plan::{Item, Kind, Plan, Project, Status, Subtheme, Theme, YearStatus};
use aoplan::timestamp::Timestamp;

pub const YEAR: u16 = 2026;

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).expect("a time")
}

fn project(n: usize) -> Project {
    Project {
        id: format!("p{n}"),
        title: format!("Project {n}"),
        details: String::new(),
        owner: String::new(),
        notes: String::new(),
        status: YearStatus([(YEAR, Status::Planned)].into()),
        history: Vec::new(),
    }
}

fn subtheme(id: &str, name: &str, projects: &[usize]) -> Subtheme {
    Subtheme {
        id: id.into(),
        name: name.into(),
        intro: String::new(),
        projects: projects.iter().map(|n| project(*n)).collect(),
    }
}

fn theme(id: &str, name: &str, focus: bool, subthemes: Vec<Subtheme>) -> Theme {
    Theme {
        id: id.into(),
        name: name.into(),
        focus,
        intro: String::new(),
        subthemes,
    }
}

/// The plan before any record.
pub fn start() -> Plan {
    Plan::new(
        "A&O-fonds Provincies".into(),
        "Activiteitenplan 2026".into(),
        YEAR,
        vec![
            theme(
                "vakmanschap",
                "Ambtelijk vakmanschap",
                true,
                vec![
                    subtheme("tegenspraak", "Loyale tegenspraak", &[1, 2, 3]),
                    subtheme("integriteit", "Integer werken", &[4, 5]),
                ],
            ),
            theme(
                "digitaal",
                "Digitale ontwikkeling",
                false,
                vec![subtheme("online", "Online werken", &[6, 7, 8])],
            ),
            theme(
                "werkplezier",
                "Werkplezier",
                false,
                vec![subtheme("plezier", "Werkplezier algemeen", &[9, 10])],
            ),
        ],
    )
}

fn apply(plan: &mut Plan, change: Change, when: &str) {
    let edit = Edit::new(change, at(when), "ingrid");
    assert_eq!(edit::apply(plan, &edit), Applied::Clean, "{edit:?}");
}

/// One step on for a live project: Planned → In progress → Done.
fn advance(plan: &mut Plan, id: &str, when: &str) {
    let Some(loc) = plan.locate(id) else { return };
    let next = match plan.project(loc).and_then(|p| p.status_in(YEAR)) {
        Some(Status::Planned) => Status::InProgress,
        Some(Status::InProgress) => Status::Done,
        _ => return,
    };
    let change = Change::status(plan, id, YEAR, Some(next)).expect("the project exists");
    apply(plan, change, when);
}

/// The plan after its year of history, every change in time order.
pub fn plan() -> Plan {
    let mut plan = start();
    for month in 1..=12u32 {
        let when = format!("{YEAR}-{month:02}-15T10:00:00Z");
        // Extra changes that fall before this month's steps.
        match month {
            2 => {
                let field = TextField::Title("p2".into());
                let rename = Change::text(&plan, field, "Podcastreeks tegenspraak".into());
                apply(&mut plan, rename.expect("p2"), "2026-02-10T09:00:00Z");
            }
            5 => {
                let mut p11 = project(11);
                p11.title = "Nieuw leertraject".into();
                let add = Change::add(&plan, Item::Project(p11), "online", None);
                apply(&mut plan, add.expect("online"), "2026-05-04T08:30:00Z");
            }
            7 => {
                let change = Change::status(&plan, "p11", YEAR, Some(Status::InProgress));
                apply(&mut plan, change.expect("p11"), "2026-07-01T12:00:00Z");
            }
            8 => {
                let archive = Change::archive(&plan, Kind::Project, "p9");
                apply(&mut plan, archive.expect("p9"), "2026-08-20T16:00:00Z");
            }
            _ => {}
        }
        for n in [2 * month - 1, 2 * month] {
            advance(&mut plan, &format!("p{}", (n - 1) % 10 + 1), &when);
        }
        if month == 6 {
            let field = TextField::Owner("p10".into());
            let owner = Change::text(&plan, field, "Bram".into());
            apply(&mut plan, owner.expect("p10"), "2026-06-30T23:00:00Z");
        }
    }
    plan
}
