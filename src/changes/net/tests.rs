//! The rules of net changes, on the bundled plan with its history cleared.

use super::*;
use crate::plan::{HistoryEntry, LogEntry};

const P: &str = "kwalen-kwartet";

fn plan() -> Plan {
    let mut plan = crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("the bundled plan");
    for t in &mut plan.themes {
        for s in &mut t.subthemes {
            for p in &mut s.projects {
                p.history.clear();
            }
        }
    }
    plan.log.clear();
    plan
}

/// Minutes after 2026-03-02 09:00 UTC.
fn at(minutes: i64) -> Timestamp {
    Timestamp(1_772_442_000 + minutes * 60)
}

fn status(plan: &mut Plan, minutes: i64, by: &str, from: Option<Status>, to: Option<Status>) {
    let loc = plan.locate(P).expect("the project");
    plan.project_mut(loc).unwrap().history.push(HistoryEntry {
        at: at(minutes),
        by: by.into(),
        year: 2026,
        from,
        to,
    });
}

fn log(plan: &mut Plan, minutes: i64, by: &str, change: Logged) {
    plan.log.push(LogEntry {
        at: at(minutes),
        by: by.into(),
        change,
    });
}

fn owner(from: &str, to: &str) -> Logged {
    Logged::Text {
        id: P.into(),
        field: TextKind::Owner,
        from: from.into(),
        to: to.into(),
    }
}

fn everything(_: Timestamp) -> bool {
    true
}

/// The lines as (by, steps, what), sorted.
fn lines(net: &Net) -> Vec<(String, usize, String)> {
    let mut out: Vec<_> = net
        .lines()
        .map(|l| {
            let what = match (l.status(), l.logged()) {
                (Some((year, a, b)), _) => format!("{year}: {a:?} → {b:?}"),
                (None, Some(logged)) => format!("{logged:?}"),
                (None, None) => String::new(),
            };
            (l.last.by().to_string(), l.steps, what)
        })
        .collect();
    out.sort();
    out
}

use Status::{Done, InProgress, Planned};

#[test]
fn an_undo_within_the_session_is_folded_away() {
    let mut plan = plan();
    status(&mut plan, 0, "ingrid", Some(Planned), Some(Done));
    status(&mut plan, 2, "ingrid", Some(Done), Some(Planned));
    let net = net(&plan, everything);
    assert!(lines(&net).is_empty(), "{:?}", lines(&net));
    assert_eq!(net.folded, 2);
}

#[test]
fn an_undo_by_someone_else_is_not_folded() {
    let mut plan = plan();
    status(&mut plan, 0, "ingrid", Some(Planned), Some(Done));
    status(&mut plan, 2, "bram", Some(Done), Some(Planned));
    let net = net(&plan, everything);
    assert_eq!(
        lines(&net),
        [
            ("bram".into(), 1, "2026: Some(Done) → Some(Planned)".into()),
            (
                "ingrid".into(),
                1,
                "2026: Some(Planned) → Some(Done)".into()
            ),
        ]
    );
    assert_eq!(net.folded, 0);
}

#[test]
fn a_value_back_where_it_started_in_the_window_is_folded_across_sessions() {
    let mut plan = plan();
    log(&mut plan, 0, "ingrid", owner("Zoë", "Bram"));
    // Days later: another session, the same person.
    log(&mut plan, 3 * 24 * 60, "ingrid", owner("Bram", "Zoë"));
    let net = net(&plan, everything);
    assert!(lines(&net).is_empty(), "{:?}", lines(&net));
    assert_eq!(net.folded, 2);
}

#[test]
fn several_steps_show_as_one_line_from_the_first_value_to_the_last() {
    let mut plan = plan();
    status(&mut plan, 0, "ingrid", Some(Planned), Some(InProgress));
    status(&mut plan, 60 * 24, "ingrid", Some(InProgress), Some(Done));
    log(&mut plan, 1, "ingrid", owner("A", "B"));
    log(&mut plan, 2, "ingrid", owner("B", "C"));
    log(&mut plan, 90, "ingrid", owner("C", "D"));
    let net = net(&plan, everything);
    let owner_line = format!("{:?}", owner("A", "D"));
    assert_eq!(
        lines(&net),
        [
            (
                "ingrid".into(),
                2,
                "2026: Some(Planned) → Some(Done)".into()
            ),
            ("ingrid".into(), 3, owner_line),
        ]
    );
    assert_eq!(net.folded, 3);
    // The line is the last change's: who and when.
    let line = net.lines().find(|l| l.status().is_some()).unwrap();
    assert_eq!(line.last.at(), at(60 * 24));
}

#[test]
fn a_mistake_undone_inside_a_run_leaves_the_rest() {
    let mut plan = plan();
    log(&mut plan, 0, "ingrid", owner("A", "B"));
    log(&mut plan, 1, "ingrid", owner("B", "A"));
    log(&mut plan, 2, "ingrid", owner("A", "C"));
    log(&mut plan, 3, "bram", owner("C", "D"));
    let net = net(&plan, everything);
    assert_eq!(
        lines(&net),
        [
            ("bram".into(), 1, format!("{:?}", owner("C", "D"))),
            ("ingrid".into(), 3, format!("{:?}", owner("A", "C"))),
        ]
    );
}

#[test]
fn changes_outside_the_window_are_not_shown_and_an_undo_across_its_start_is_folded() {
    let mut plan = plan();
    // Before the window: a mistake, undone just after the window starts.
    status(&mut plan, 0, "ingrid", Some(Planned), Some(Done));
    status(&mut plan, 20, "ingrid", Some(Done), Some(Planned));
    // Before the window, a change nobody undid; in it, the next one.
    log(&mut plan, 5, "ingrid", owner("A", "B"));
    log(&mut plan, 24 * 60, "ingrid", owner("B", "C"));
    // After the window.
    log(&mut plan, 3 * 24 * 60, "ingrid", owner("C", "D"));
    let window = |t: Timestamp| t >= at(10) && t < at(2 * 24 * 60);
    let net = net(&plan, window);
    assert_eq!(
        lines(&net),
        [("ingrid".into(), 1, format!("{:?}", owner("B", "C")))]
    );
    assert_eq!(net.folded, 1, "the undo in the window");
    // Undone an hour later: another session, so the window shows it.
    let mut plan = self::plan();
    status(&mut plan, 0, "ingrid", Some(Planned), Some(Done));
    status(&mut plan, 60, "ingrid", Some(Done), Some(Planned));
    let net = super::net(&plan, window);
    assert_eq!(
        lines(&net),
        [(
            "ingrid".into(),
            1,
            "2026: Some(Done) → Some(Planned)".into()
        )]
    );
}

#[test]
fn an_addition_undone_is_folded_and_an_addition_then_a_move_is_one_addition() {
    let place = |parent: &str, position| Place {
        parent: parent.into(),
        position,
    };
    let added = |id: &str, to| Logged::Added {
        kind: Kind::Project,
        id: id.into(),
        to,
    };
    let mut plan = plan();
    log(&mut plan, 0, "ingrid", added("nieuw", place("s1", 0)));
    log(
        &mut plan,
        1,
        "ingrid",
        Logged::Removed {
            kind: Kind::Project,
            id: "nieuw".into(),
            from: place("s1", 0),
        },
    );
    log(&mut plan, 2, "bram", added("ander", place("s1", 0)));
    log(
        &mut plan,
        3,
        "bram",
        Logged::Moved {
            kind: Kind::Project,
            id: "ander".into(),
            from: place("s1", 0),
            to: place("s2", 1),
        },
    );
    let net = net(&plan, everything);
    assert_eq!(
        lines(&net),
        [(
            "bram".into(),
            2,
            format!("{:?}", added("ander", place("s2", 1)))
        )]
    );
    assert_eq!(net.folded, 3);
}

#[test]
fn every_line_heads_a_change_and_every_change_is_a_line_or_folded() {
    let mut plan = plan();
    let steps = [Planned, InProgress, Done, Planned, Done];
    for (i, pair) in steps.windows(2).enumerate() {
        let who = if i % 3 == 0 { "bram" } else { "ingrid" };
        status(&mut plan, 40 * i as i64, who, Some(pair[0]), Some(pair[1]));
    }
    let net = net(&plan, everything);
    let shown: usize = net.lines().map(|l| l.steps).sum();
    assert!(shown < steps.len());
    assert_eq!(net.lines().count() + net.folded, steps.len() - 1);
    for line in net.lines() {
        assert_eq!(net.line(&line.last.key()), Some(line));
    }
}
