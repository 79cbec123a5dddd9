//! The journal of unsaved edits: replayed from an earlier session, and never
//! touched when the plan is read-only.

use crossterm::event::KeyCode;

use super::*;
use crate::app::Mode;
use crate::edit::{Change, MergeReport, TextField};
use crate::plan::Status;

#[test]
fn a_journal_from_an_earlier_session_is_replayed_and_saved() {
    let mut app = app();
    let loc = app.plan().locate("kwalen-kwartet").unwrap();
    let before = app.plan().project(loc).unwrap().status_in(2026);
    let change = Change::status(app.plan(), "kwalen-kwartet", 2026, Some(Status::OnHold));
    let edit = crate::edit::Edit::new(change.unwrap(), T0, "tester");
    let entry = crate::edit::Unsaved {
        edits: vec![edit],
        input: Some((
            TextField::Notes("kwalen-kwartet".into()),
            "half\ntyped".into(),
        )),
    };
    let effects = kinds(app.recover(entry, "/state/journal/x.ron"));
    assert_eq!(effects, vec![EffectKind::Save]);
    assert_ne!(before, Some(Status::OnHold));
    assert_eq!(
        app.plan().project(loc).unwrap().status_in(2026),
        Some(Status::OnHold)
    );
    assert!(matches!(app.mode(), Mode::Editing(_)));
    assert_eq!(app.unsaved_input().unwrap().1, "half\ntyped");
    // Saved, the edits leave the journal; the half-typed input stays until dealt with.
    let effects = app.handle(Event::Saved {
        result: Ok(MergeReport::default()),
        merged: None,
        clock: "14:02".into(),
    });
    let [super::super::Effect::Journal(left)] = effects.as_slice() else {
        panic!("the journal is rewritten");
    };
    assert!(left.edits.is_empty());
    assert!(left.input.is_some());
    assert_eq!(
        press(&mut app, KeyCode::Esc),
        vec![],
        "asks before throwing away"
    );
    assert_eq!(
        keys(&mut app, "j"),
        vec![EffectKind::Journal],
        "thrown away: journal emptied"
    );
}

#[test]
fn read_only_never_applies_or_empties_the_journal() {
    let mut o = options();
    o.read_only = Some(crate::i18n::ReadOnlyWhy::Forced);
    let mut app = App::new(bundled(), o);
    let entry = crate::edit::Unsaved {
        edits: Vec::new(),
        input: Some((TextField::Notes("kwalen-kwartet".into()), "x".into())),
    };
    assert!(app.recover(entry, "/state/j.ron").is_empty());
    assert!(app.notices()[0].text.contains("/state/j.ron"));
    assert_eq!(keys(&mut app, "jjq"), vec![EffectKind::Quit]);
}
