//! The filter view on screen (`F`, `M`, and from the search with `Tab`), and
//! the projects pane's title while `f` filters it, at 120×40 and 80×24, in
//! Dutch and English.

use aoplan::app::{App, AppOptions};
use aoplan::i18n::Lang;
use aoplan::plan::{Plan, Status};
use aoplan::ui::Palette;

use crate::ui_support::{Session, keys, screen};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "nl"), (Lang::En, "en")];

/// The bundled plan with a few owners, as a team fills it in.
fn plan() -> Plan {
    let mut plan = aoplan::codec::parse(aoplan::storage::BUNDLED_PLAN).expect("bundled plan");
    for (id, owner, status) in [
        ("kwalen-kwartet", "Zoë de Vries", Status::InProgress),
        ("overgangsdag", "Zoë de Vries", Status::Planned),
        ("programma-werkdruk", "Joost ’t Hooft", Status::OnHold),
        ("dashboard-personeelsmonitor", "Bram Jansen", Status::OnHold),
    ] {
        let loc = plan.locate(id).expect("known project");
        let p = plan.project_mut(loc).expect("located");
        p.owner = owner.into();
        p.status.0.insert(2026, status);
    }
    plan
}

fn session(lang: Lang, size: (u16, u16)) -> Session {
    let options = AppOptions {
        lang,
        year: None,
        read_only: None,
        user: "zoe".into(),
        mouse: true,
    };
    Session::new(App::new(plan(), options), Palette::Plain, size)
}

fn snapshot_all(name: &str, input: &str) {
    for (lang, code) in LANGS {
        for size in SIZES {
            let mut app = session(lang, size);
            keys(&mut app, input);
            let snapshot = format!("{name}_{code}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(snapshot, screen(&mut app, size));
        }
    }
}

#[test]
fn f_lists_every_project_with_its_breadcrumb() {
    snapshot_all("listing_all", "F↓");
}

#[test]
fn a_filter_narrows_the_list_and_a_problem_is_said() {
    snapshot_all("listing_on_hold", "Fstatus:uitgesteld");
    snapshot_all("listing_problem", "Fstatus:klaar");
}

#[test]
fn m_lists_my_projects() {
    snapshot_all("listing_mine", "M");
}

#[test]
fn the_search_shows_its_query_as_a_list() {
    snapshot_all("listing_from_search", "/eigenaar:zoe⇥");
}

#[test]
fn the_projects_pane_says_what_f_filters() {
    snapshot_all("pane_only_open", "f");
    snapshot_all("pane_only_planned", "ff");
}
