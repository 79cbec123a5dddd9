//! `aoplan changes`: every kind of change in a period — statuses from the
//! projects' histories (archived projects' too) and everything else from the
//! plan's log — grouped by the theme the item is in now, oldest first within a
//! group. Rendered by [`super::changes_render`].
//!
//! The status rows come from [`crate::changes::collect`], the reports layer's
//! list of status changes; the other kinds are read from the log here.

use std::collections::HashMap;
use std::io::Write;

use super::changes_net::net_row;
use super::{Failure, Invocation, Outcome};
use crate::changes::{self as status_changes, Net, Window};
use crate::cli::ChangeKind;
use crate::plan::{
    HistoryEntry, Item, Kind, Logged, Place, Plan, Project, RecordKey, Status, TextKind, Theme,
};
use crate::report::{Csv, Format};
use crate::timestamp::Timestamp;

/// What a change changed: a status in a year, a text, or where an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum What {
    Status(u16),
    Text(TextKind),
    Focus,
    Year,
    Added,
    Removed,
    Moved,
    Archived,
    Restored,
}

impl What {
    pub(super) fn kind(self) -> ChangeKind {
        match self {
            What::Status(_) => ChangeKind::Status,
            What::Text(_) => ChangeKind::Text,
            What::Focus => ChangeKind::Focus,
            What::Year => ChangeKind::Year,
            _ => ChangeKind::Structure,
        }
    }
}

/// A value before or after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Val<'a> {
    Status(Option<Status>),
    Text(&'a str),
    Flag(bool),
    Year(u16),
    Place(&'a Place),
    /// In the archive.
    Archive,
    /// Not in the plan at all (before an addition, after a removal).
    Nothing,
}

/// The item a change is about; `kind` is `None` for the plan itself.
#[derive(Debug, Clone, Copy)]
pub(super) struct ItemRef<'a> {
    pub kind: Option<Kind>,
    pub id: &'a str,
    pub title: &'a str,
}

/// One change, as listed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row<'a> {
    pub at: Timestamp,
    pub by: &'a str,
    pub what: What,
    pub item: ItemRef<'a>,
    /// The sub-theme of a project, or the sub-theme itself.
    pub subtheme: Option<(&'a str, &'a str)>,
    pub from: Val<'a>,
    pub to: Val<'a>,
    /// How many recorded changes the row stands for (1 unless net).
    pub steps: usize,
}

/// The changes of one theme (in plan order), or of the plan and the archive
/// (`theme` is `None`: the plan's own fields, archived themes, removed items).
pub(super) struct Group<'a> {
    pub theme: Option<&'a Theme>,
    pub rows: Vec<Row<'a>>,
}

/// `aoplan changes`: the net changes (see [`crate::changes::net`]), or with
/// `all` every recorded change.
pub(super) fn run(
    ctx: &Invocation,
    (since, until): (&str, Option<&str>),
    kinds: &[ChangeKind],
    all: bool,
    (format, csv): (Format, Csv),
    out: &mut dyn Write,
) -> Outcome {
    // The command layer reads the clock: "vandaag" is today when it runs.
    let window = Window::parse(since, until, Timestamp::now(), &ctx.zone)
        .map_err(|e| Failure(e.message(ctx.lang)))?;
    let (_, plan) = ctx.open()?;
    let net = (!all).then(|| crate::changes::net(&plan, |t| window.contains(t)));
    let groups = collect(&plan, &window, kinds, net.as_ref());
    let only_status = !kinds.is_empty() && kinds.iter().all(|k| *k == ChangeKind::Status);
    let listing = super::changes_render::Listing {
        groups: &groups,
        window: &window,
        only_status,
        zone: &ctx.zone,
        csv,
        // Of the kinds asked for: every row there is, less those shown.
        folded: net.is_some().then(|| {
            let every: usize = collect(&plan, &window, kinds, None)
                .iter()
                .map(|g| g.rows.len())
                .sum();
            every - groups.iter().map(|g| g.rows.len()).sum::<usize>()
        }),
    };
    Ok(listing.write(format, ctx.lang, out)?)
}

/// Where items are, by id: each item's kind, title, live theme and sub-theme.
struct Index<'a> {
    items: HashMap<&'a str, (Kind, &'a str)>,
    /// The index of the live theme each live item is in.
    theme_of: HashMap<&'a str, usize>,
    /// Each project's sub-theme, live or archived.
    subtheme_of: HashMap<&'a str, (&'a str, &'a str)>,
}

impl<'a> Index<'a> {
    fn new(plan: &'a Plan) -> Index<'a> {
        let mut index = Index {
            items: HashMap::new(),
            theme_of: HashMap::new(),
            subtheme_of: HashMap::new(),
        };
        for (i, t) in plan.themes.iter().enumerate() {
            index.theme_of.insert(&t.id, i);
            for s in &t.subthemes {
                index.theme_of.insert(&s.id, i);
                for p in &s.projects {
                    index.theme_of.insert(&p.id, i);
                }
            }
        }
        for s in plan.all_subthemes() {
            index.items.insert(&s.id, (Kind::Subtheme, &s.name));
            for p in &s.projects {
                index.subtheme_of.insert(&p.id, (&s.id, &s.name));
            }
        }
        for a in &plan.archive {
            if let Item::Project(p) = &a.item {
                let sub = plan.all_subthemes().find(|s| s.id == a.parent);
                let named = sub.map_or((a.parent.as_str(), ""), |s| (&s.id, &s.name));
                index.subtheme_of.insert(&p.id, named);
            }
        }
        for p in plan.all_projects() {
            index.items.insert(&p.id, (Kind::Project, &p.title));
        }
        for t in plan.all_themes() {
            index.items.insert(&t.id, (Kind::Theme, &t.name));
        }
        index
    }

    /// The live theme the item `id` is in, or was in before it was archived
    /// (following archived parents up); `None` when there is none.
    fn theme(&self, plan: &Plan, id: &str, depth: usize) -> Option<usize> {
        if let Some(&i) = self.theme_of.get(id) {
            return Some(i);
        }
        let entry = plan.archive.iter().find(|a| a.item.ids().contains(&id))?;
        let parent = match &entry.item {
            Item::Theme(_) => return None,
            // Inside an archived sub-theme: where that sub-theme was.
            Item::Subtheme(_) | Item::Project(_) => &entry.parent,
        };
        (depth < 3).then(|| self.theme(plan, parent, depth + 1))?
    }

    fn item(&self, plan: &'a Plan, kind: Option<Kind>, id: &'a str) -> ItemRef<'a> {
        if id.is_empty() && kind.is_none() {
            return ItemRef {
                kind: None,
                id,
                title: &plan.title,
            };
        }
        let (found, title) = self.items.get(id).copied().unwrap_or((Kind::Project, id));
        ItemRef {
            kind: Some(kind.unwrap_or(found)),
            id,
            title,
        }
    }

    fn subtheme(&self, item: &ItemRef<'a>) -> Option<(&'a str, &'a str)> {
        match item.kind {
            Some(Kind::Project) => self.subtheme_of.get(item.id).copied(),
            Some(Kind::Subtheme) => Some((item.id, item.title)),
            _ => None,
        }
    }
}

/// Every change in the window of the kinds asked for (all when none are).
/// With `net`, only the rows it shows, as it shows them.
pub(super) fn collect<'a>(
    plan: &'a Plan,
    window: &Window,
    kinds: &[ChangeKind],
    net: Option<&Net<'a>>,
) -> Vec<Group<'a>> {
    let wanted = |k: ChangeKind| kinds.is_empty() || kinds.contains(&k);
    let index = Index::new(plan);
    let mut groups: Vec<Group> = (plan.themes.iter())
        .map(|t| Group {
            theme: Some(t),
            rows: Vec::new(),
        })
        .chain(std::iter::once(Group {
            theme: None,
            rows: Vec::new(),
        }))
        .collect();
    let plan_group = groups.len() - 1;
    if wanted(ChangeKind::Status) {
        for g in status_changes::collect(plan, window) {
            let i = plan.themes.iter().position(|t| std::ptr::eq(t, g.theme));
            let rows = g.changes.iter().filter_map(|c| {
                let sub = Some((c.subtheme.id.as_str(), c.subtheme.name.as_str()));
                let at = c
                    .project
                    .history
                    .iter()
                    .position(|h| std::ptr::eq(h, c.entry));
                let key = history_key(c.project, at.unwrap_or(0));
                net_row(net, &key, status_row(c.entry, c.project, sub))
            });
            groups[i.unwrap_or(plan_group)].rows.extend(rows);
        }
        for p in archived_projects(plan) {
            let group = index.theme(plan, &p.id, 0).unwrap_or(plan_group);
            let sub = index.subtheme_of.get(p.id.as_str()).copied();
            let rows = (p.history.iter().enumerate())
                .filter(|(_, h)| window.contains(h.at))
                .filter_map(|(i, h)| net_row(net, &history_key(p, i), status_row(h, p, sub)));
            groups[group].rows.extend(rows);
        }
    }
    for (n, entry) in plan.log.iter().enumerate() {
        if !window.contains(entry.at) {
            continue;
        }
        let Some((what, kind, id, from, to)) = logged(&entry.change) else {
            continue;
        };
        if !wanted(what.kind()) {
            continue;
        }
        let item = index.item(plan, kind, id);
        // An item no longer anywhere (an addition undone) belongs where it was.
        let parent = match index.items.contains_key(id) {
            true => id,
            false => place(&entry.change).map_or(id, |p| p.parent.as_str()),
        };
        let group = index.theme(plan, parent, 0).unwrap_or(plan_group);
        let row = Row {
            at: entry.at,
            by: &entry.by,
            what,
            item,
            subtheme: index.subtheme(&item),
            from,
            to,
            steps: 1,
        };
        groups[group]
            .rows
            .extend(net_row(net, &RecordKey::Log(n), row));
    }
    for g in &mut groups {
        g.rows.sort_by_key(|r| r.at);
    }
    groups.retain(|g| !g.rows.is_empty());
    groups
}

/// Where a structural change put the item, or took it from.
fn place(change: &Logged) -> Option<&Place> {
    match change {
        Logged::Added { to, .. } | Logged::Moved { to, .. } | Logged::Restored { to, .. } => {
            Some(to)
        }
        Logged::Removed { from, .. } | Logged::Archived { from, .. } => Some(from),
        _ => None,
    }
}

/// The projects in the archive, alone or inside an archived sub-theme or theme.
fn archived_projects(plan: &Plan) -> impl Iterator<Item = &Project> {
    plan.all_projects().skip(plan.project_count())
}

fn status_row<'a>(h: &'a HistoryEntry, p: &'a Project, sub: Option<(&'a str, &'a str)>) -> Row<'a> {
    Row {
        at: h.at,
        by: &h.by,
        what: What::Status(h.year),
        item: ItemRef {
            kind: Some(Kind::Project),
            id: &p.id,
            title: &p.title,
        },
        subtheme: sub,
        from: Val::Status(h.from),
        to: Val::Status(h.to),
        steps: 1,
    }
}

fn history_key(p: &Project, entry: usize) -> RecordKey {
    RecordKey::History {
        project: p.id.clone(),
        entry,
    }
}

/// A log entry as a row's parts: what, the item's kind (when the entry says
/// it), its id, and the values before and after.
#[allow(
    clippy::type_complexity,
    reason = "the parts of one row, named at the call"
)]
pub(super) fn logged(change: &Logged) -> Option<(What, Option<Kind>, &str, Val<'_>, Val<'_>)> {
    Some(match change {
        Logged::Text {
            id,
            field,
            from,
            to,
        } => {
            // An empty id is the plan; names and intros are found by id.
            let project = matches!(
                field,
                TextKind::Title | TextKind::Details | TextKind::Owner | TextKind::Notes
            );
            let kind = (project && !id.is_empty()).then_some(Kind::Project);
            (What::Text(*field), kind, id, Val::Text(from), Val::Text(to))
        }
        Logged::Focus { id, from, to } => (
            What::Focus,
            Some(Kind::Theme),
            id,
            Val::Flag(*from),
            Val::Flag(*to),
        ),
        Logged::Year { from, to } => (What::Year, None, "", Val::Year(*from), Val::Year(*to)),
        Logged::Added { kind, id, to } => {
            (What::Added, Some(*kind), id, Val::Nothing, Val::Place(to))
        }
        Logged::Removed { kind, id, from } => (
            What::Removed,
            Some(*kind),
            id,
            Val::Place(from),
            Val::Nothing,
        ),
        Logged::Moved { kind, id, from, to } => (
            What::Moved,
            Some(*kind),
            id,
            Val::Place(from),
            Val::Place(to),
        ),
        Logged::Archived { kind, id, from } => (
            What::Archived,
            Some(*kind),
            id,
            Val::Place(from),
            Val::Archive,
        ),
        Logged::Restored { kind, id, to } => (
            What::Restored,
            Some(*kind),
            id,
            Val::Archive,
            Val::Place(to),
        ),
    })
}
