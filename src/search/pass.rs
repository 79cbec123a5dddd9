//! One pass over the entries: the filters, then where and how well each term
//! matches each entry.

use memchr::memmem::Finder;

use super::query::{Query, Term};
use super::score::{self, BEST_KIND, INITIALS, Kind, SCATTERED, TYPO, Tier, WHOLE_NAME};
use super::{Field, SearchIndex};
use crate::plan::Plan;

/// Below this many candidates a search runs on one thread.
const PARALLEL_ABOVE: usize = 8192;
/// At most this many spellings are tried for a word that may have a typo.
const MAX_SPELLINGS: usize = 32;
/// Words shorter than this get no typo allowance.
const TYPO_FROM: usize = 5;

/// How a term matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum How {
    Literal,
    Initials,
    Typo,
    Scattered,
}

/// One match of a term: what it is worth, and where it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub score: i32,
    pub tier: Tier,
    pub how: How,
    /// The field as it counts for the entry (a sub-theme's name is `Subtheme`
    /// for its projects).
    pub field: Field,
    /// The entry whose text holds the match: the entry itself, its sub-theme or its theme.
    pub source: u32,
    /// The match's bytes in the buffer.
    pub at: u32,
    pub end: u32,
}

/// The best match of a term in an entry, and the strongest tier of any match.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Best {
    pub found: Option<Found>,
    pub tier: Option<Tier>,
}

impl Best {
    fn offer(&mut self, f: Found) {
        if self
            .found
            .is_none_or(|b| (f.score, f.tier) > (b.score, b.tier))
        {
            self.found = Some(f);
        }
        self.tier = self.tier.max(Some(f.tier));
    }

    fn score(&self) -> i32 {
        self.found.map_or(i32::MIN, |f| f.score)
    }
}

/// A term ready to be looked for.
pub(super) struct Prep<'q> {
    pub term: &'q Term,
    finder: Finder<'q>,
    /// Words of the plan within one typo of the term (second pass only).
    spellings: Vec<Finder<'static>>,
}

/// A query ready to be run: its terms, and their matches in every theme and
/// sub-theme name, which all the projects under them share.
pub(super) struct Prepared<'q> {
    pub query: &'q Query,
    pub terms: Vec<Prep<'q>>,
    /// The second pass: typos and scattered letters allowed.
    pub second: bool,
    /// Per theme and sub-theme entry, per term: the best match in its name;
    /// empty when they are found as needed (to explain a few hits).
    names: Vec<Vec<Best>>,
    /// The words of the query, for a name that is exactly them.
    whole: String,
}

impl SearchIndex {
    /// The query ready for a scan: its terms' matches in every name found at once.
    pub(super) fn prepare<'q>(&self, query: &'q Query, second: bool) -> Prepared<'q> {
        let mut prepared = self.prepare_terms(query, second);
        prepared.names = (0..self.groups)
            .map(|g| {
                (0..prepared.terms.len())
                    .map(|t| self.own(&prepared, t, g, true, &Best::default()))
                    .collect()
            })
            .collect();
        prepared
    }

    /// The query ready for a few entries: names are looked at as needed.
    pub(super) fn prepare_terms<'q>(&self, query: &'q Query, second: bool) -> Prepared<'q> {
        let terms = (query.terms.iter())
            .map(|term| Prep {
                term,
                finder: Finder::new(term.text.as_bytes()),
                spellings: if second {
                    self.spellings(term)
                } else {
                    Vec::new()
                },
            })
            .collect();
        Prepared {
            query,
            terms,
            second,
            names: Vec::new(),
            whole: query.words().collect::<Vec<_>>().join(" "),
        }
    }

    /// The best match of term `t` in the name of theme or sub-theme entry `g`.
    fn name(&self, p: &Prepared, g: usize, t: usize) -> Best {
        match p.names.get(g) {
            Some(names) => names[t],
            None => self.own(p, t, g, true, &Best::default()),
        }
    }

    /// The words of the plan within one typo of a word of five letters or
    /// more, closest in length first.
    pub(super) fn spellings(&self, term: &Term) -> Vec<Finder<'static>> {
        let chars: Vec<char> = term.text.chars().collect();
        if term.phrase || chars.len() < TYPO_FROM || !chars.iter().all(|c| score::is_word_char(*c))
        {
            return Vec::new();
        }
        let mut close: Vec<&[char]> = (self.vocabulary().iter())
            .map(|w| &w[..])
            .filter(|w| score::one_typo_from_start(&chars, w))
            .collect();
        close.sort_by_key(|w| (w.len().abs_diff(chars.len()), *w));
        close.truncate(MAX_SPELLINGS);
        close
            .into_iter()
            .map(|w| Finder::new(w.iter().collect::<String>().as_bytes()).into_owned())
            .collect()
    }

    /// Every candidate that matches, with its score and tier.
    pub(super) fn scan(
        &self,
        plan: &Plan,
        p: &Prepared,
        candidates: &[usize],
    ) -> Vec<(usize, i32, Tier)> {
        let run = |part: &[usize]| -> Vec<(usize, i32, Tier)> {
            part.iter()
                .filter_map(|&e| {
                    let (score, tier) = self.evaluate(plan, p, e, None)?;
                    Some((e, score, tier))
                })
                .collect()
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if candidates.len() <= PARALLEL_ABOVE || threads < 2 {
            return run(candidates);
        }
        let chunk = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = candidates
                .chunks(chunk)
                .map(|part| scope.spawn(move || run(part)))
                .collect();
            let mut all = Vec::new();
            for w in workers {
                all.extend(w.join().unwrap_or_default());
            }
            all
        })
    }

    /// Whether entry `e` passes the filters and matches every term: its score
    /// and tier, and each term's best match pushed onto `found` when given.
    pub(super) fn evaluate(
        &self,
        plan: &Plan,
        p: &Prepared,
        e: usize,
        mut found: Option<&mut Vec<Found>>,
    ) -> Option<(i32, Tier)> {
        let entry = &self.entries[e];
        if !self.passes(plan, p.query, entry) {
            return None;
        }
        let mut total = 0;
        let mut tier = Tier::Literal;
        for t in 0..p.terms.len() {
            let mut best = Best::default();
            for &(g, field) in entry.groups.iter().flatten() {
                let name = self.name(p, g as usize, t);
                if let Some(f) = name.found {
                    best.offer(Found {
                        score: f.score - Field::Title.bonus() + field.bonus(),
                        field,
                        ..f
                    });
                }
                best.tier = best.tier.max(name.tier);
            }
            let own = self.own(p, t, e, false, &best);
            if let Some(f) = own.found {
                best.offer(f);
            }
            best.tier = best.tier.max(own.tier);
            let f = best.found?;
            total += f.score;
            tier = tier.min(best.tier.unwrap_or(Tier::Weak));
            if let Some(found) = found.as_deref_mut() {
                found.push(f);
            }
        }
        if !p.whole.is_empty()
            && let Some((start, end)) = entry.field(Field::Title)
            && self.text[start..end] == p.whole
        {
            total += WHOLE_NAME;
        }
        Some((total, tier))
    }

    /// The best match of term `t` in entry `e`'s own fields (only its title
    /// when `title_only`); `names` is what its sub-theme's and theme's names
    /// already gave, which a field must be able to beat to be looked at.
    fn own(&self, p: &Prepared, t: usize, e: usize, title_only: bool, names: &Best) -> Best {
        let entry = &self.entries[e];
        let prep = &p.terms[t];
        let fields = if title_only {
            &entry.fields[..1.min(entry.fields.len())]
        } else {
            &entry.fields[..]
        };
        let mut best = Best::default();
        let floor = |best: &Best| best.score().max(names.score());
        self.literal(
            prep,
            e,
            fields,
            &prep.finder,
            false,
            &mut best,
            names.score(),
        );
        if !prep.term.phrase {
            for &(field, start, end) in fields {
                if !matches!(field, Field::Title | Field::Owner)
                    || field.bonus() + INITIALS <= floor(&best)
                {
                    continue;
                }
                let text = &self.text[start as usize..end as usize];
                if let Some(chunks) = score::initials(text, &prep.term.text) {
                    best.offer(Found {
                        score: field.bonus() + INITIALS,
                        tier: Tier::Near,
                        how: How::Initials,
                        field,
                        source: e as u32,
                        at: start + chunks[0].start as u32,
                        end: start + chunks[chunks.len() - 1].end as u32,
                    });
                }
            }
        }
        if !p.second {
            return best;
        }
        for spelling in &prep.spellings {
            self.literal(prep, e, fields, spelling, true, &mut best, names.score());
        }
        if best.found.is_none() && names.found.is_none() {
            self.scattered(prep, e, fields, &mut best);
        }
        best
    }

    /// Offers each occurrence of `finder`'s needle in `fields` (a run of the
    /// entry's fields): the term itself, or a spelling of it (`typo`), which
    /// counts only as a whole word.
    #[allow(clippy::too_many_arguments)]
    fn literal(
        &self,
        prep: &Prep,
        e: usize,
        fields: &[(Field, u32, u32)],
        finder: &Finder,
        typo: bool,
        best: &mut Best,
        floor: i32,
    ) {
        let (Some(first), Some(last)) = (fields.first(), fields.last()) else {
            return;
        };
        let (start, end) = (first.1 as usize, last.2 as usize);
        let needle = finder.needle();
        let Ok(needle_text) = std::str::from_utf8(needle) else {
            return;
        };
        let mut f = 0;
        for at in finder.find_iter(&self.text.as_bytes()[start..end]) {
            let at = start + at;
            while f < fields.len() && at >= fields[f].2 as usize {
                f += 1;
            }
            let Some(&(field, fs, fe)) = fields.get(f) else {
                break;
            };
            if field.bonus() + BEST_KIND <= best.score().max(floor) {
                break;
            }
            let (fs, fe) = (fs as usize, fe as usize);
            if at < fs || at + needle.len() > fe {
                continue;
            }
            let kind = score::kind_at(&self.text[fs..fe], at - fs, needle.len(), needle_text);
            let term = prep.term;
            let fits = match (typo, term.phrase, term.open) {
                (true, _, _) | (false, true, false) => kind == Kind::Word,
                (false, true, true) => matches!(kind, Kind::Word | Kind::Start),
                (false, false, _) => true,
            };
            if !fits {
                continue;
            }
            let score = score::literal_score(field, kind, at - fs);
            best.offer(Found {
                score: if typo { score - TYPO } else { score },
                tier: if typo { Tier::Near } else { Tier::Literal },
                how: if typo { How::Typo } else { How::Literal },
                field,
                source: e as u32,
                at: at as u32,
                end: (at + needle.len()) as u32,
            });
        }
    }

    /// Offers the term's letters scattered close together in a title or owner.
    fn scattered(&self, prep: &Prep, e: usize, fields: &[(Field, u32, u32)], best: &mut Best) {
        if prep.term.phrase {
            return;
        }
        for &(field, start, end) in fields {
            if !matches!(field, Field::Title | Field::Owner) {
                continue;
            }
            if self
                .scattered_in(start as usize, end as usize, &prep.term.text)
                .is_some()
            {
                best.offer(Found {
                    score: field.bonus() - SCATTERED,
                    tier: Tier::Weak,
                    how: How::Scattered,
                    field,
                    source: e as u32,
                    at: start,
                    end,
                });
            }
        }
    }

    /// The char positions of `term`'s letters scattered in `text[start..end]`,
    /// when they stand close enough together.
    pub(super) fn scattered_in(&self, start: usize, end: usize, term: &str) -> Option<Vec<usize>> {
        use fuzzy_matcher::FuzzyMatcher;
        let text = &self.text[start..end];
        if !score::is_subsequence(text, term) {
            return None;
        }
        let (_, indices) = self.matcher.fuzzy_indices(text, term)?;
        let first = *indices.first()?;
        let starts_word = first == 0
            || text
                .chars()
                .nth(first - 1)
                .is_some_and(|c| !score::is_word_char(c));
        (starts_word && score::close_enough(&indices, term.chars().count())).then_some(indices)
    }
}
