//! Colleagues shaping the plan: what the app tells about archived items.

use super::*;
use crate::edit::MergeReport;
use crate::edit::{Change, Edit, TextField, apply};
use crate::plan::Kind;

const T: Timestamp = Timestamp(1_790_000_000);
const SUB: &str = "loyale-tegenspraak";
const PROJECT: &str = "programma-loyale-tegenspraak";

fn texts(app: &App) -> Vec<String> {
    app.notices().iter().map(|n| n.text.clone()).collect()
}

#[test]
fn a_colleagues_change_to_an_archived_item_is_told_on_reload() {
    let mut app = app();
    let mut disk = bundled();
    let archive = Change::archive(&disk, Kind::Subtheme, SUB).unwrap();
    apply(&mut disk, &Edit::new(archive, T, &app_user()));
    // The archive is ours, saved: the app has that plan.
    app.handle(Event::Reloaded(disk.clone()));
    let before = texts(&app).len();
    let owner = Change::text(&disk, TextField::Owner(PROJECT.into()), "Bert".into()).unwrap();
    apply(&mut disk, &Edit::new(owner, T, "bert"));
    app.handle(Event::Reloaded(disk));
    let told: Vec<String> = texts(&app).split_off(before);
    assert!(
        told.iter()
            .any(|t| t.contains("bert") && t.contains("Programma rondom Loyale Tegenspraak")),
        "{told:?}"
    );
}

#[test]
fn our_change_kept_on_an_archived_item_and_a_renumbered_addition_are_told() {
    let mut app = edited_app();
    let report = MergeReport {
        on_archived: vec![PROJECT.into()],
        renumbered: vec![("nieuw".into(), "kwalen-kwartet".into())],
        ..MergeReport::default()
    };
    app.handle(Event::Saved {
        result: Ok(report),
        merged: None,
        clock: "14:02".into(),
    });
    let all = texts(&app).join("\n");
    assert!(all.contains("Programma rondom Loyale Tegenspraak"), "{all}");
    assert!(all.contains("kwalen-kwartet"), "{all}");
}

fn app_user() -> String {
    options().user
}

fn edited_app() -> App {
    let mut app = app();
    go_to(&mut app, "kwalen-kwartet");
    assert_eq!(keys(&mut app, "s3"), vec![EffectKind::Save]);
    app
}
