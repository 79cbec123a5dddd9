//! Keys as a programme manager presses them, each timed from the write to the
//! chunk of output that completed the expected screen.

use aoplan::plan::{Loc, Plan, Status};
use aoplan::search::{Hit, Query, SearchIndex, Target};

use super::pty::{Pty, Res};
use super::scenarios::{Measured, SETTLE};
use super::screen::{self, SearchBox};

/// Navigation keys timed per plan.
const NAV_KEYS: usize = 30;
/// The query typed letter by letter.
const TYPED: &str = "overgang werk";
/// Times the query is typed.
const SEARCH_ROUNDS: usize = 2;
/// Status edits timed per plan, alternating between two statuses.
const EDITS: usize = 6;
/// Characters of a title compared on screen: enough to tell projects apart.
const TITLE_PREFIX: usize = 20;

fn prefix(title: &str) -> String {
    title.chars().take(TITLE_PREFIX).collect()
}

/// Whether the details pane shows the project titled `title`: its first line
/// is the start of the title, long enough to tell neighbours apart.
fn details_show(s: &vt100::Screen, title: &str) -> bool {
    screen::details_title(s).is_some_and(|shown| {
        let enough = title.chars().count().min(TITLE_PREFIX);
        title.starts_with(&shown) && shown.chars().count() >= enough
    })
}

/// The sub-theme with the most projects whose neighbours' titles differ, so
/// every j/k changes what the details pane shows.
fn busiest_subtheme(plan: &Plan) -> Res<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (t, theme) in plan.themes.iter().enumerate() {
        for (s, sub) in theme.subthemes.iter().enumerate() {
            let n = sub.projects.len();
            let distinct = sub
                .projects
                .windows(2)
                .all(|w| prefix(&w[0].title) != prefix(&w[1].title));
            if n >= 2 && distinct && best.is_none_or(|(_, _, most)| n > most) {
                best = Some((t, s, n));
            }
        }
    }
    best.map(|(t, s, _)| (t, s))
        .ok_or_else(|| "no sub-theme with two distinct projects".into())
}

/// Focuses the projects pane on the busiest sub-theme; returns the selected project.
pub fn open_projects(app: &mut Pty, plan: &Plan) -> Res<Loc> {
    let (theme, subtheme) = busiest_subtheme(plan)?;
    let keys = format!("1{}2{}3", "j".repeat(theme), "j".repeat(subtheme));
    let loc = Loc {
        theme,
        subtheme,
        project: 0,
    };
    let title = title_of(plan, Target::Project(loc));
    app.send(&keys)?;
    app.wait("the projects pane", &[&|s| details_show(s, &title)])?;
    app.drain(SETTLE)?;
    Ok(loc)
}

/// Moves down to the last project and back up, [`NAV_KEYS`] times in all.
pub fn navigate(app: &mut Pty, plan: &Plan, mut loc: Loc, m: &mut Measured) -> Res<Loc> {
    let count = plan.themes[loc.theme].subthemes[loc.subtheme]
        .projects
        .len();
    let mut down = true;
    for _ in 0..NAV_KEYS {
        down = if loc.project == 0 {
            true
        } else if loc.project + 1 == count {
            false
        } else {
            down
        };
        let key = if down { "j" } else { "k" };
        loc.project = if down {
            loc.project + 1
        } else {
            loc.project - 1
        };
        let title = title_of(plan, Target::Project(loc));
        let sent = app.send(key)?;
        let at = app.wait("a navigation key", &[&|s| details_show(s, &title)])?;
        app.drain(SETTLE)?;
        m.nav.push(at[0] - sent);
        m.nav_bytes.push(app.bytes_since_key());
    }
    Ok(loc)
}

/// Types [`TYPED`] letter by letter into `/`, [`SEARCH_ROUNDS`] times; every
/// keystroke waits for its query to show and for the hits the app must find.
pub fn search(app: &mut Pty, plan: &Plan, m: &mut Measured) -> Res<()> {
    let index = SearchIndex::build(plan);
    for _ in 0..SEARCH_ROUNDS {
        app.send("/")?;
        app.wait(
            "the search box",
            &[&|s| SearchBox::find(s).is_some_and(|b| b.shows_query(s, ""))],
        )?;
        let search_box = SearchBox::find(app.screen()).ok_or("the search box went away")?;
        app.drain(SETTLE)?;
        let mut hits: Vec<Hit> = Vec::new();
        let parse = |text: &str| Query::parse(text, plan.year);
        for (end, letter) in TYPED.char_indices().map(|(i, c)| (i + c.len_utf8(), c)) {
            let (typed, before) = (&TYPED[..end], &TYPED[..end - letter.len_utf8()]);
            hits = if before.trim().is_empty() {
                index.search(plan, &parse(typed))
            } else {
                index.narrow(plan, &parse(typed), &parse(before), &hits)
            };
            let count = count_text(hits.len());
            let top = hits
                .first()
                .map(|h| prefix(&title_of(plan, h.target)))
                .unwrap_or_default();
            let echo = |s: &vt100::Screen| search_box.shows_query(s, typed);
            let results = |s: &vt100::Screen| {
                echo(s) && search_box.count(s) == count && search_box.first_hit(s).starts_with(&top)
            };
            let sent = app.send(&letter.to_string())?;
            let at = app.wait("search results", &[&echo, &results])?;
            app.drain(SETTLE)?;
            m.search_echo.push(at[0] - sent);
            m.search_results.push(at[1] - sent);
        }
        app.send("\x1b")?;
        app.wait(
            "the search box to close",
            &[&|s| SearchBox::find(s).is_none()],
        )?;
        app.drain(SETTLE)?;
    }
    Ok(())
}

fn count_text(hits: usize) -> String {
    if hits == 0 {
        screen::LANG.ui().no_results.to_string()
    } else {
        screen::LANG.result_count(hits)
    }
}

/// Sets the project's status [`EDITS`] times, alternating between two
/// statuses; returns the last one set.
pub fn edit_statuses(app: &mut Pty, plan: &Plan, loc: Loc, m: &mut Measured) -> Res<Status> {
    let year = plan.year;
    let current = plan.project(loc).and_then(|p| p.status_in(year));
    let pair = if current == Some(Status::Done) {
        [Status::InProgress, Status::Done]
    } else {
        [Status::Done, Status::InProgress]
    };
    for status in pair.iter().cycle().take(EDITS) {
        app.send("s")?;
        app.wait("the status picker", &[&|s| screen::picker_open(s, year)])?;
        app.drain(SETTLE)?;
        let digit = Status::ALL
            .iter()
            .position(|s| s == status)
            .ok_or("unknown status")?
            + 1;
        let wanted = format!("{year} {}", screen::LANG.status(*status));
        let shown = |s: &vt100::Screen| {
            !screen::picker_open(s, year)
                && screen::status_line(s).is_some_and(|l| l.contains(&wanted))
        };
        let saved = |s: &vt100::Screen| shown(s) && screen::saved(s);
        let sent = app.send(&digit.to_string())?;
        let at = app.wait("a saved status edit", &[&shown, &saved])?;
        app.drain(SETTLE)?;
        m.edit_shown.push(at[0] - sent);
        m.edit_saved.push(at[1] - sent);
    }
    Ok(pair[(EDITS - 1) % 2])
}

/// The title (or name) a search target shows.
fn title_of(plan: &Plan, target: Target) -> String {
    let title = match target {
        Target::Theme(t) => plan.themes.get(t).map(|t| &t.name),
        Target::Subtheme(t, s) => plan
            .themes
            .get(t)
            .and_then(|t| t.subthemes.get(s))
            .map(|s| &s.name),
        Target::Project(loc) => plan.project(loc).map(|p| &p.title),
    };
    title.cloned().unwrap_or_default()
}
