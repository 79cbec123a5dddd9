//! Open conflicts in the file: validated, written one line each (and not at
//! all when there are none), read back as written.

use super::conflicts::conflicted;
use super::{PROJECT, SUBTHEME, T, bundled};
use crate::plan::{ConflictField, OpenConflict, TextKind};

#[test]
fn a_conflict_naming_an_unknown_item_or_given_twice_is_a_problem() {
    let mut plan = conflicted();
    let mut ghost = plan.conflicts[0].clone();
    if let ConflictField::Status { id, .. } = &mut ghost.field {
        *id = "bestaat-niet".into();
    }
    plan.conflicts.push(ghost);
    plan.conflicts.push(plan.conflicts[0].clone());
    let problems: Vec<String> = plan.validate().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "conflicts › 2: bestaat-niet:status:2026: no item has the id \"bestaat-niet\"",
            &format!("conflicts › 3: {PROJECT}:status:2026: the same field as conflict 1"),
        ]
    );
    let mut focus = conflicted();
    focus.conflicts[0].field = ConflictField::Focus {
        id: PROJECT.into(),
        kept: true,
        other: false,
    };
    let problems = focus.validate();
    assert!(
        problems[0]
            .to_string()
            .ends_with("is a project, which has no such field"),
        "{problems:?}"
    );
}

#[test]
fn the_file_keeps_open_conflicts_and_a_plan_without_them_its_bytes() {
    let plain = bundled();
    let text = crate::codec::to_ron(&plain);
    assert!(!text.contains("conflicts"));
    let mut plan = conflicted();
    plan.conflicts.push(OpenConflict {
        at: T,
        by: "dirk".into(),
        field: ConflictField::Place {
            kind: crate::plan::Kind::Project,
            id: PROJECT.into(),
            kept: Some(crate::plan::Place {
                parent: SUBTHEME.into(),
                position: 0,
            }),
            other: None,
        },
    });
    plan.conflicts.push(OpenConflict {
        at: T,
        by: String::new(),
        field: ConflictField::Text {
            id: String::new(),
            field: TextKind::Title,
            kept: "Plan \"A\"".into(),
            other: "twee\nregels".into(),
        },
    });
    let text = crate::codec::to_ron(&plan);
    let tail: Vec<&str> = text.lines().rev().take(5).collect();
    assert_eq!(
        tail,
        [
            ")",
            "    ],",
            "        (at: \"2026-09-21T14:13:20Z\", by: \"\", field: Text(id: \"\", field: Title, kept: \"Plan \\\"A\\\"\", other: \"twee\\nregels\")),",
            &format!(
                "        (at: \"2026-09-21T14:13:20Z\", by: \"dirk\", field: Place(kind: Project, id: \"{PROJECT}\", kept: Some((parent: \"{SUBTHEME}\", position: 0)), other: None)),"
            ),
            &format!(
                "        (at: \"2026-09-21T14:13:30Z\", by: \"anna\", field: Status(id: \"{PROJECT}\", year: 2026, kept: OnHold, other: Done)),"
            ),
        ]
    );
    assert_eq!(crate::codec::parse(&text).unwrap(), plan);
}
