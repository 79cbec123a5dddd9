//! Fuzzy search over the whole plan: themes, sub-themes and projects.
//!
//! Text is folded (lowercase, accents removed) once when the index is built, so a
//! keystroke only folds the query. Each whitespace-separated term must match some
//! field; an entry's score is the sum of its terms' best field scores plus a bonus
//! for the field that matched (a title beats a long description). Titles, ids,
//! owners, notes and theme and sub-theme names match fuzzily with skim's
//! algorithm; descriptions match where the term stands in them as typed.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::plan::Plan;
use crate::text::fold;

/// Short texts longer than this many matrix cells are matched with skim's linear
/// algorithm instead of its full dynamic programme: the same scoring rules, without
/// quadratic cost on long descriptions.
const LINEAR_ABOVE: usize = 256;

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Theme(usize),
    Subtheme(usize, usize),
    Project(crate::plan::Loc),
}

/// Which text of an entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
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

/// One query term with its scores against every shared group name.
struct Term<'a> {
    text: &'a str,
    groups: Vec<Option<i64>>,
}

#[derive(Clone)]
struct Entry {
    target: Target,
    /// Short folded texts, the title first.
    short: Vec<(FieldKind, Box<str>)>,
    /// The folded description (details or intro); only scored when no short field matches.
    long: Box<str>,
    /// Names shared with other entries (theme, sub-theme), scored once per term.
    groups: Vec<(FieldKind, usize)>,
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
    /// Folded theme and sub-theme names, scored once per term and shared by their entries.
    groups: Vec<Box<str>>,
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl Clone for SearchIndex {
    /// The matcher holds only per-thread scratch space, so a fresh one is equivalent.
    fn clone(&self) -> Self {
        SearchIndex {
            groups: self.groups.clone(),
            entries: self.entries.clone(),
            matcher: new_matcher(),
        }
    }
}

fn new_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
        .respect_case()
        .element_limit(LINEAR_ABOVE)
}

/// How a description matches a term: where the term stands in it as typed (after
/// folding), not scattered over hundreds of characters. Scattered matches in long
/// prose are noise, and looking for the term as a whole keeps a keystroke cheap.
/// Ranks below a fuzzy match of the same term in a title.
fn description_score(text: &str, term: &str) -> Option<i64> {
    let at = text.find(term)?;
    let word_start = text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let len = term.chars().count() as i64;
    Some(8 * len + if word_start { 8 } else { 0 } + FieldKind::Details.bonus())
}

/// Below this many candidates a search runs on one thread.
const PARALLEL_ABOVE: usize = 8192;

fn folded(s: &str) -> Box<str> {
    fold(s).into_boxed_str()
}

/// A project's short fields: title first, then id, owner and notes when set.
fn project_fields(p: &crate::plan::Project) -> Vec<(FieldKind, Box<str>)> {
    let mut short = vec![
        (FieldKind::Title, folded(&p.title)),
        (FieldKind::Id, folded(&p.id)),
    ];
    for (kind, text) in [(FieldKind::Owner, &p.owner), (FieldKind::Notes, &p.notes)] {
        if !text.is_empty() {
            short.push((kind, folded(text)));
        }
    }
    short
}

impl SearchIndex {
    pub fn build(plan: &Plan) -> SearchIndex {
        let mut entries =
            Vec::with_capacity(plan.project_count() + plan.subtheme_count() + plan.themes.len());
        let mut groups = Vec::with_capacity(plan.subtheme_count() + plan.themes.len());
        let mut sub_groups = Vec::with_capacity(plan.themes.len());
        for (t, theme) in plan.themes.iter().enumerate() {
            let theme_group = groups.len();
            groups.push(folded(&theme.name));
            entries.push(Entry {
                target: Target::Theme(t),
                short: vec![
                    (FieldKind::Title, folded(&theme.name)),
                    (FieldKind::Id, folded(&theme.id)),
                ],
                long: folded(&theme.intro),
                groups: Vec::new(),
            });
            let mut subs = Vec::with_capacity(theme.subthemes.len());
            for (s, sub) in theme.subthemes.iter().enumerate() {
                subs.push(groups.len());
                groups.push(folded(&sub.name));
                entries.push(Entry {
                    target: Target::Subtheme(t, s),
                    short: vec![
                        (FieldKind::Title, folded(&sub.name)),
                        (FieldKind::Id, folded(&sub.id)),
                    ],
                    long: folded(&sub.intro),
                    groups: vec![(FieldKind::Theme, theme_group)],
                });
            }
            sub_groups.push((theme_group, subs));
        }
        for (loc, p) in plan.projects() {
            let (theme_group, subs) = &sub_groups[loc.theme];
            entries.push(Entry {
                target: Target::Project(loc),
                short: project_fields(p),
                long: folded(&p.details),
                groups: vec![
                    (FieldKind::Subtheme, subs[loc.subtheme]),
                    (FieldKind::Theme, *theme_group),
                ],
            });
        }
        SearchIndex {
            groups,
            entries,
            matcher: new_matcher(),
        }
    }

    /// Re-folds one project's texts after an edit, instead of rebuilding the index.
    pub(crate) fn update_project(&mut self, plan: &Plan, loc: crate::plan::Loc) {
        let Some(p) = plan.project(loc) else { return };
        let Some(entry) = self
            .entries
            .iter_mut()
            .rev()
            .find(|e| e.target == Target::Project(loc))
        else {
            return;
        };
        entry.short = project_fields(p);
        entry.long = folded(&p.details);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries matching `query`, best first; ties keep plan order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let all: Vec<usize> = (0..self.entries.len()).collect();
        self.rank(query, &all)
    }

    /// Like [`search`](Self::search) but only among `previous` hits: valid when the
    /// query only grew, since a longer query never matches an entry a shorter one missed.
    pub fn narrow(&self, query: &str, previous: &[Hit]) -> Vec<Hit> {
        let mut entries: Vec<usize> = previous.iter().map(|h| h.entry).collect();
        entries.sort_unstable();
        self.rank(query, &entries)
    }

    fn rank(&self, query: &str, candidates: &[usize]) -> Vec<Hit> {
        let folded = fold(query);
        let terms: Vec<Term> = folded
            .split_whitespace()
            .map(|text| Term {
                text,
                groups: self
                    .groups
                    .iter()
                    .map(|g| self.matcher.fuzzy_match(g, text))
                    .collect(),
            })
            .collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut hits = if candidates.len() > PARALLEL_ABOVE && threads > 1 {
            let chunk = candidates.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let workers: Vec<_> = candidates
                    .chunks(chunk)
                    .map(|part| scope.spawn(|| self.score_all(part, &terms)))
                    .collect();
                let mut all = Vec::with_capacity(candidates.len());
                for w in workers {
                    all.extend(w.join().unwrap_or_default());
                }
                all
            })
        } else {
            self.score_all(candidates, &terms)
        };
        hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits
    }

    fn score_all(&self, candidates: &[usize], terms: &[Term]) -> Vec<Hit> {
        candidates
            .iter()
            .filter_map(|&i| {
                let entry = &self.entries[i];
                let mut total = 0;
                for term in terms {
                    total += self.best_field(entry, term)?;
                }
                Some(Hit {
                    target: entry.target,
                    score: total,
                    entry: i,
                })
            })
            .collect()
    }

    /// The best score of a term over the entry's fields. The description is only
    /// looked at when no short field matches: a title match outranks it anyway.
    fn best_field(&self, entry: &Entry, term: &Term) -> Option<i64> {
        let short = entry.short.iter().filter_map(|(kind, text)| {
            Some(self.matcher.fuzzy_match(text, term.text)? + kind.bonus())
        });
        let shared = entry
            .groups
            .iter()
            .filter_map(|(kind, g)| Some(term.groups[*g]? + kind.bonus()));
        short
            .chain(shared)
            .max()
            .or_else(|| description_score(&entry.long, term.text))
    }

    /// Char positions in the entry's title (name) that the query's terms match, for
    /// highlighting. Positions index the original title, since folding is one-to-one.
    pub(crate) fn title_positions(&self, entry: usize, query: &str) -> Vec<usize> {
        let Some(Entry { short, .. }) = self.entries.get(entry) else {
            return Vec::new();
        };
        let title = &short[0].1;
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
        crate::codec::parse(crate::storage::BUNDLED_PLAN).unwrap()
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
    fn an_updated_project_is_found_by_its_new_notes() {
        let mut plan = plan();
        let mut index = SearchIndex::build(&plan);
        assert!(index.search("qqjjxx").is_empty());
        let loc = plan.locate("programma-loyale-tegenspraak").unwrap();
        plan.project_mut(loc).unwrap().notes = "QQjjxx besproken".into();
        index.update_project(&plan, loc);
        let hits = index.search("qqjjxx");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].target, Target::Project(loc));
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
