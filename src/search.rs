//! Fuzzy search over the whole plan: themes, sub-themes and projects.
//!
//! Text is folded (lowercase, accents removed) once when the index is built, so a
//! keystroke only folds the query. Each whitespace-separated term must match some
//! field; an entry's score is the sum of its terms' best field scores plus a bonus
//! for the field that matched (a title beats a long description).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::plan::Plan;
use crate::text::fold;

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Theme(usize),
    Subtheme(usize, usize),
    Project(crate::plan::Loc),
}

/// Which text of an entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Title,
    Id,
    Owner,
    Notes,
    Subtheme,
    Theme,
    Details,
}

impl FieldKind {
    fn bonus(self) -> i64 {
        match self {
            FieldKind::Title => 24,
            FieldKind::Id | FieldKind::Owner => 12,
            FieldKind::Notes | FieldKind::Subtheme => 6,
            FieldKind::Theme | FieldKind::Details => 0,
        }
    }
}

struct Entry {
    target: Target,
    /// Folded texts; the title comes first.
    fields: Vec<(FieldKind, String)>,
}

/// A ranked result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub score: i64,
    /// Index into the index's entries, for narrowing a later search.
    pub entry: usize,
}

/// The folded texts of a plan, built once per plan version.
pub struct SearchIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl SearchIndex {
    pub fn build(plan: &Plan) -> SearchIndex {
        let mut entries =
            Vec::with_capacity(plan.project_count() + plan.subtheme_count() + plan.themes.len());
        for (t, theme) in plan.themes.iter().enumerate() {
            entries.push(Entry {
                target: Target::Theme(t),
                fields: vec![
                    (FieldKind::Title, fold(&theme.name)),
                    (FieldKind::Id, fold(&theme.id)),
                    (FieldKind::Details, fold(&theme.intro)),
                ],
            });
            for (s, sub) in theme.subthemes.iter().enumerate() {
                entries.push(Entry {
                    target: Target::Subtheme(t, s),
                    fields: vec![
                        (FieldKind::Title, fold(&sub.name)),
                        (FieldKind::Id, fold(&sub.id)),
                        (FieldKind::Theme, fold(&theme.name)),
                        (FieldKind::Details, fold(&sub.intro)),
                    ],
                });
            }
        }
        for (loc, p) in plan.projects() {
            let theme = &plan.themes[loc.theme];
            let sub = &theme.subthemes[loc.subtheme];
            let mut fields = vec![
                (FieldKind::Title, fold(&p.title)),
                (FieldKind::Id, fold(&p.id)),
                (FieldKind::Subtheme, fold(&sub.name)),
                (FieldKind::Theme, fold(&theme.name)),
            ];
            for (kind, text) in [
                (FieldKind::Owner, &p.owner),
                (FieldKind::Notes, &p.notes),
                (FieldKind::Details, &p.details),
            ] {
                if !text.is_empty() {
                    fields.push((kind, fold(text)));
                }
            }
            entries.push(Entry {
                target: Target::Project(loc),
                fields,
            });
        }
        SearchIndex {
            entries,
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries matching `query`, best first; ties keep plan order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.rank(query, 0..self.entries.len())
    }

    /// Like [`search`](Self::search) but only among `previous` hits: valid when the
    /// query only grew, since a longer query never matches an entry a shorter one missed.
    pub fn narrow(&self, query: &str, previous: &[Hit]) -> Vec<Hit> {
        let mut entries: Vec<usize> = previous.iter().map(|h| h.entry).collect();
        entries.sort_unstable();
        self.rank(query, entries.into_iter())
    }

    fn rank(&self, query: &str, entries: impl Iterator<Item = usize>) -> Vec<Hit> {
        let folded = fold(query);
        let terms: Vec<&str> = folded.split_whitespace().collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = entries
            .filter_map(|i| {
                let entry = &self.entries[i];
                let mut total = 0;
                for term in &terms {
                    total += self.best_field(entry, term)?;
                }
                Some(Hit {
                    target: entry.target,
                    score: total,
                    entry: i,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits
    }

    fn best_field(&self, entry: &Entry, term: &str) -> Option<i64> {
        entry
            .fields
            .iter()
            .filter_map(|(kind, text)| {
                self.matcher
                    .fuzzy_match(text, term)
                    .map(|score| score + kind.bonus())
            })
            .max()
    }

    /// Char positions in the entry's title (name) that the query's terms match, for
    /// highlighting. Positions index the original title, since folding is one-to-one.
    pub fn title_positions(&self, entry: usize, query: &str) -> Vec<usize> {
        let Some(Entry { fields, .. }) = self.entries.get(entry) else {
            return Vec::new();
        };
        let title = &fields[0].1;
        let folded = fold(query);
        let mut positions: Vec<usize> = folded
            .split_whitespace()
            .filter_map(|term| self.matcher.fuzzy_indices(title, term))
            .flat_map(|(_, idx)| idx)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::format::parse(crate::storage::BUNDLED_PLAN).unwrap()
    }

    #[test]
    fn accent_insensitive_and_best_first() {
        let plan = plan();
        let index = SearchIndex::build(&plan);
        let hits = index.search("loyale tegenspraak");
        assert!(!hits.is_empty());
        // The sub-theme named exactly so ranks above projects that only mention it.
        assert!(
            matches!(hits[0].target, Target::Subtheme(..)),
            "{:?}",
            hits[0]
        );
    }

    #[test]
    fn narrowing_gives_the_same_result_as_a_fresh_search() {
        let plan = plan();
        let index = SearchIndex::build(&plan);
        let mut previous = index.search("o");
        for q in [
            "ov",
            "ove",
            "over",
            "overg",
            "overgang",
            "overgang w",
            "overgang werk",
        ] {
            let narrowed = index.narrow(q, &previous);
            assert_eq!(narrowed, index.search(q), "query {q}");
            previous = narrowed;
        }
        assert!(!previous.is_empty());
    }

    #[test]
    fn title_positions_map_to_original_chars() {
        let mut plan = plan();
        plan.themes[0].name = "Ideeën".into();
        let index = SearchIndex::build(&plan);
        let pos = index.title_positions(0, "IDEEEN");
        assert_eq!(pos, vec![0, 1, 2, 3, 4, 5]);
    }
}
