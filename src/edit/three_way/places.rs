//! Where items sit: in the live plan, or where they were when archived.

use std::collections::HashMap;

use crate::plan::{Item, Kind, Place, Plan};

/// Where each live item of `kind` sits, by id.
pub(super) fn places(plan: &Plan, kind: Kind) -> HashMap<String, Place> {
    let mut map = HashMap::new();
    let mut put = |parent: &str, ids: Vec<&String>| {
        for (position, id) in ids.into_iter().enumerate() {
            let parent = parent.to_string();
            map.insert(id.clone(), Place { parent, position });
        }
    };
    match kind {
        Kind::Theme => put("", plan.themes.iter().map(|t| &t.id).collect()),
        Kind::Subtheme => {
            for t in &plan.themes {
                put(&t.id, t.subthemes.iter().map(|s| &s.id).collect());
            }
        }
        Kind::Project => {
            for s in plan.themes.iter().flat_map(|t| &t.subthemes) {
                put(&s.id, s.projects.iter().map(|p| &p.id).collect());
            }
        }
    }
    map
}

/// Whether `side` archived the item itself (not along with its parent), and
/// where the item was when it was archived.
pub(super) fn archived_place(side: &Plan, kind: Kind, id: &str) -> (bool, Option<Place>) {
    for a in &side.archive {
        if a.item.id() == id && a.item.kind() == kind {
            return (true, Some(a.place()));
        }
        let within = |parent: &str, list: Vec<&str>| {
            let position = list.iter().position(|c| *c == id)?;
            let parent = parent.to_string();
            Some(Place { parent, position })
        };
        let found = match (&a.item, kind) {
            (Item::Theme(t), Kind::Subtheme) => {
                within(&t.id, t.subthemes.iter().map(|s| s.id.as_str()).collect())
            }
            (Item::Theme(t), Kind::Project) => (t.subthemes.iter())
                .find_map(|s| within(&s.id, s.projects.iter().map(|p| p.id.as_str()).collect())),
            (Item::Subtheme(s), Kind::Project) => {
                within(&s.id, s.projects.iter().map(|p| p.id.as_str()).collect())
            }
            _ => None,
        };
        if found.is_some() {
            return (false, found);
        }
    }
    (false, None)
}
