//! Search over the whole plan: themes, sub-themes and projects, by words,
//! phrases and filters ([`Query`]).
//!
//! Every text is folded ([`crate::text::fold`]: case, accents, typographic
//! quotes, dashes and ellipses) once, into one buffer, when the index is built;
//! a keystroke folds only the query. Every term must match an entry: in one of
//! its own fields (title, owner, notes, id, details) or in the name of its
//! sub-theme or theme. How well decides the rank ([`score`]): whole words and
//! word starts in a title first, a description last.
//!
//! A search goes in two passes. The first takes literal matches and the starts
//! of consecutive words (`lote`: "Loyale Tegenspraak"). Only when it finds
//! nothing does the second allow one typo in words of five letters or more
//! (`kwaalen`: "kwalen") and letters scattered close together; scattered
//! letters are dropped again when anything better was found.
//!
//! [`SearchIndex::explain`] says why a result matched: the fields and the
//! matched characters in them ([`Why`]).

mod filter;
mod listing;
mod pass;
mod query;
mod score;
mod why;

use std::sync::OnceLock;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::plan::{Loc, Plan};
use crate::text::fold_into;

pub use listing::{Listed, Scope};
pub use query::{Problem, Query};
pub use why::{Explainer, FieldMatch, Snippet, Why, snippet};

use score::Tier;

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Theme(usize),
    Subtheme(usize, usize),
    Project(Loc),
}

/// Which text of an entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A project's title, or a theme's or sub-theme's name.
    Title,
    Owner,
    Notes,
    Id,
    /// A project's description.
    Details,
    /// A theme's or sub-theme's introduction.
    Intro,
    /// The name of a project's sub-theme.
    Subtheme,
    /// The name of the theme a project or sub-theme is in.
    Theme,
}

impl Field {
    /// The field's name in JSON: `title`, `owner`, `notes`, `id`, `details`,
    /// `intro`, `subtheme`, `theme`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Owner => "owner",
            Field::Notes => "notes",
            Field::Id => "id",
            Field::Details => "details",
            Field::Intro => "intro",
            Field::Subtheme => "subtheme",
            Field::Theme => "theme",
        }
    }

    /// The field as people read it, in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let t = lang.search();
        match self {
            Field::Title => t.title,
            Field::Owner => t.owner,
            Field::Notes => t.notes,
            Field::Id => t.id,
            Field::Details => t.details,
            Field::Intro => t.intro,
            Field::Subtheme => t.subtheme,
            Field::Theme => t.theme,
        }
    }
}

/// A ranked result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub score: i64,
    /// Index into the index's entries, for narrowing a later search and for
    /// [`Explainer::why`].
    pub entry: usize,
}

/// One theme, sub-theme or project: where its folded fields are in the buffer.
#[derive(Debug, Clone)]
struct Entry {
    target: Target,
    /// Its fields, highest bonus first, as byte ranges of the buffer; one run,
    /// each followed by a line break (which folded text never holds).
    fields: Box<[(Field, u32, u32)]>,
    /// The entries whose names count for this one, with the field they count
    /// as: a project's sub-theme and theme, a sub-theme's theme.
    groups: [Option<(u32, Field)>; 2],
}

impl Entry {
    fn span(&self) -> (usize, usize) {
        let start = self.fields.first().map_or(0, |f| f.1);
        let end = self.fields.last().map_or(0, |f| f.2);
        (start as usize, end as usize)
    }

    fn field(&self, which: Field) -> Option<(usize, usize)> {
        self.fields
            .iter()
            .find(|f| f.0 == which)
            .map(|f| (f.1 as usize, f.2 as usize))
    }
}

/// The folded texts of a plan, built once per plan version.
pub struct SearchIndex {
    /// Every folded field, one after the other.
    text: String,
    /// Themes and sub-themes first (in plan order), then projects: ties keep this order.
    entries: Vec<Entry>,
    /// How many entries at the front are themes and sub-themes.
    groups: usize,
    /// The distinct words of the plan, for typos; made on first need.
    vocabulary: OnceLock<Box<[Box<[char]>]>>,
    matcher: SkimMatcherV2,
}

impl Clone for SearchIndex {
    /// The matcher holds only per-thread scratch space, so a fresh one is equivalent.
    fn clone(&self) -> Self {
        SearchIndex {
            text: self.text.clone(),
            entries: self.entries.clone(),
            groups: self.groups,
            vocabulary: self.vocabulary.clone(),
            matcher: new_matcher(),
        }
    }
}

fn new_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// Appends `s` folded, then the separator; its byte range.
fn push_field(text: &mut String, s: &str) -> (u32, u32) {
    let start = text.len();
    text.reserve(s.len() + 1);
    for c in s.chars() {
        fold_into(c, text);
    }
    let end = text.len();
    text.push('\n');
    (to_u32(start), to_u32(end))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("a search index under 4 GB")
}

/// Appends the fields that have text (a title always) and returns them.
fn push_fields(text: &mut String, fields: &[(Field, &str)]) -> Box<[(Field, u32, u32)]> {
    fields
        .iter()
        .filter(|(field, s)| *field == Field::Title || !s.is_empty())
        .map(|(field, s)| {
            let (start, end) = push_field(text, s);
            (*field, start, end)
        })
        .collect()
}

fn project_fields(p: &crate::plan::Project) -> [(Field, &str); 5] {
    [
        (Field::Title, &p.title),
        (Field::Owner, &p.owner),
        (Field::Notes, &p.notes),
        (Field::Id, &p.id),
        (Field::Details, &p.details),
    ]
}

/// About how many bytes a plan's folded texts take (as many as the texts,
/// and a separator each), so the buffer grows once.
fn text_size(plan: &Plan) -> usize {
    let themes: usize = (plan.themes.iter())
        .map(|t| t.name.len() + t.id.len() + t.intro.len() + 3)
        .sum();
    let subs: usize = (plan.themes.iter().flat_map(|t| &t.subthemes))
        .map(|s| s.name.len() + s.id.len() + s.intro.len() + 3)
        .sum();
    let projects: usize = (plan.projects())
        .map(|(_, p)| {
            project_fields(p)
                .iter()
                .map(|(_, s)| s.len() + 1)
                .sum::<usize>()
        })
        .sum();
    themes + subs + projects
}

impl SearchIndex {
    pub fn build(plan: &Plan) -> SearchIndex {
        let mut text = String::with_capacity(text_size(plan));
        let mut entries =
            Vec::with_capacity(plan.project_count() + plan.subtheme_count() + plan.themes.len());
        let mut places = Vec::with_capacity(plan.themes.len());
        for (t, theme) in plan.themes.iter().enumerate() {
            let theme_entry = to_u32(entries.len());
            entries.push(Entry {
                target: Target::Theme(t),
                fields: push_fields(
                    &mut text,
                    &[
                        (Field::Title, &theme.name),
                        (Field::Id, &theme.id),
                        (Field::Intro, &theme.intro),
                    ],
                ),
                groups: [None, None],
            });
            let mut subs = Vec::with_capacity(theme.subthemes.len());
            for (s, sub) in theme.subthemes.iter().enumerate() {
                subs.push(to_u32(entries.len()));
                entries.push(Entry {
                    target: Target::Subtheme(t, s),
                    fields: push_fields(
                        &mut text,
                        &[
                            (Field::Title, &sub.name),
                            (Field::Id, &sub.id),
                            (Field::Intro, &sub.intro),
                        ],
                    ),
                    groups: [Some((theme_entry, Field::Theme)), None],
                });
            }
            places.push((theme_entry, subs));
        }
        let groups = entries.len();
        for (loc, p) in plan.projects() {
            let (theme_entry, subs) = &places[loc.theme];
            entries.push(Entry {
                target: Target::Project(loc),
                fields: push_fields(&mut text, &project_fields(p)),
                groups: [
                    Some((subs[loc.subtheme], Field::Subtheme)),
                    Some((*theme_entry, Field::Theme)),
                ],
            });
        }
        SearchIndex {
            text,
            entries,
            groups,
            vocabulary: OnceLock::new(),
            matcher: new_matcher(),
        }
    }

    /// Re-folds one project's texts after an edit, instead of rebuilding the
    /// index. The new text goes at the end of the buffer.
    pub(crate) fn update_project(&mut self, plan: &Plan, loc: Loc) {
        let Some(p) = plan.project(loc) else { return };
        let Some(entry) = self
            .entries
            .iter_mut()
            .rev()
            .find(|e| e.target == Target::Project(loc))
        else {
            return;
        };
        entry.fields = push_fields(&mut self.text, &project_fields(p));
        self.vocabulary = OnceLock::new();
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries matching `query`, best first; ties keep plan order. A query
    /// with problems, or with nothing in it, finds nothing.
    pub fn search(&self, plan: &Plan, query: &Query) -> Vec<Hit> {
        if !query.problems().is_empty() || query.is_empty() {
            return Vec::new();
        }
        let all: Vec<usize> = (0..self.entries.len()).collect();
        let found = self.scan(plan, &self.prepare(query, false), &all);
        if found.is_empty() && !query.terms.is_empty() {
            return self.fallback(plan, query, &all);
        }
        self.finish(found)
    }

    /// Like [`search`](Self::search), looking only among `hits`, the results
    /// of `previous`, when that gives the same answer: `query` only grew from
    /// `previous` (see [`Query`]). Otherwise it searches everything.
    pub fn narrow(&self, plan: &Plan, query: &Query, previous: &Query, hits: &[Hit]) -> Vec<Hit> {
        if !query.extends(previous) {
            return self.search(plan, query);
        }
        let mut candidates: Vec<usize> = hits.iter().map(|h| h.entry).collect();
        candidates.sort_unstable();
        let found = self.scan(plan, &self.prepare(query, false), &candidates);
        if found.is_empty() {
            // The first pass finds nothing anywhere, since everything it could
            // find was among `hits`: only the second pass is left.
            let all: Vec<usize> = (0..self.entries.len()).collect();
            return self.fallback(plan, query, &all);
        }
        self.finish(found)
    }

    /// The second pass: typos and scattered letters allowed.
    fn fallback(&self, plan: &Plan, query: &Query, all: &[usize]) -> Vec<Hit> {
        self.finish(self.scan(plan, &self.prepare(query, true), all))
    }

    /// What explains the hits of `query`: see [`Explainer::why`].
    pub fn explain<'a>(&'a self, plan: &'a Plan, query: &'a Query) -> Explainer<'a> {
        Explainer::new(self, plan, query)
    }

    /// The distinct words of the plan.
    fn vocabulary(&self) -> &[Box<[char]>] {
        self.vocabulary.get_or_init(|| {
            let mut seen = std::collections::HashSet::new();
            for entry in &self.entries {
                let (start, end) = entry.span();
                let text = &self.text[start..end];
                seen.extend(score::words(text).map(|w| &text[w]));
            }
            let mut words: Vec<Box<[char]>> =
                seen.into_iter().map(|w| w.chars().collect()).collect();
            words.sort_unstable();
            words.into_boxed_slice()
        })
    }
}

impl SearchIndex {
    /// Ranks what a scan found: best first, plan order among equals; entries
    /// that matched only by scattered letters go when any entry did better.
    fn finish(&self, mut found: Vec<(usize, i32, Tier)>) -> Vec<Hit> {
        if found.iter().any(|f| f.2 > Tier::Weak) {
            found.retain(|f| f.2 > Tier::Weak);
        }
        found.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found
            .into_iter()
            .map(|(entry, score, _)| Hit {
                target: self.entries[entry].target,
                score: i64::from(score),
                entry,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
