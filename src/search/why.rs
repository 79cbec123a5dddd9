//! Why a result matched: the fields a query's terms (and its owner filter)
//! matched, with the matched characters, and a snippet of a long field around
//! them.

use std::ops::Range;
use std::sync::OnceLock;

use super::pass::{How, Prepared};
use super::{Field, Hit, Query, SearchIndex, Target, score};
use crate::plan::Plan;
use crate::text::fold_mapped;

/// The matched characters of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    pub field: Field,
    /// The field's text, as in the plan.
    pub text: String,
    /// The matched characters: char ranges of `text`, ascending, apart.
    pub ranges: Vec<Range<usize>>,
}

/// The fields that made a hit match, most telling first (title, sub-theme,
/// theme, owner, notes, id, details, intro).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Why {
    pub fields: Vec<FieldMatch>,
}

impl Why {
    /// The matched characters of one field; none when it did not match.
    pub fn ranges(&self, field: Field) -> &[Range<usize>] {
        self.fields
            .iter()
            .find(|m| m.field == field)
            .map_or(&[], |m| &m.ranges)
    }
}

/// Explains the hits of one query; made by [`SearchIndex::explain`]. Cheap to
/// ask once per shown row.
pub struct Explainer<'a> {
    index: &'a SearchIndex,
    plan: &'a Plan,
    query: &'a Query,
    first: Prepared<'a>,
    second: OnceLock<Prepared<'a>>,
}

/// The order fields are told in.
fn rank(field: Field) -> u8 {
    match field {
        Field::Title => 0,
        Field::Subtheme => 1,
        Field::Theme => 2,
        Field::Owner => 3,
        Field::Notes => 4,
        Field::Id => 5,
        Field::Details => 6,
        Field::Intro => 7,
    }
}

impl<'a> Explainer<'a> {
    pub(super) fn new(index: &'a SearchIndex, plan: &'a Plan, query: &'a Query) -> Self {
        Explainer {
            index,
            plan,
            query,
            first: index.prepare_terms(query, false),
            second: OnceLock::new(),
        }
    }

    /// The fields that made `hit` (a result of this query) match.
    pub fn why(&self, hit: &Hit) -> Why {
        let index = self.index;
        let Some(entry) = index.entries.get(hit.entry) else {
            return Why::default();
        };
        let mut found = Vec::new();
        let mut prepared = &self.first;
        if index
            .evaluate(self.plan, prepared, hit.entry, Some(&mut found))
            .is_none()
        {
            found.clear();
            prepared = self.second.get_or_init(|| index.prepare(self.query, true));
            if index
                .evaluate(self.plan, prepared, hit.entry, Some(&mut found))
                .is_none()
            {
                return Why::default();
            }
        }
        // Folded byte ranges, relative to the field, per field.
        let mut folded: Vec<(Field, Vec<Range<usize>>)> = Vec::new();
        let mut add = |field: Field, ranges: Vec<Range<usize>>| match folded
            .iter_mut()
            .find(|(f, _)| *f == field)
        {
            Some((_, all)) => all.extend(ranges),
            None => folded.push((field, ranges)),
        };
        for (f, prep) in found.iter().zip(&prepared.terms) {
            let source = &index.entries[f.source as usize];
            let in_source = if f.source as usize == hit.entry {
                f.field
            } else {
                Field::Title
            };
            let Some((start, end)) = source.field(in_source) else {
                continue;
            };
            let text = &index.text[start..end];
            let term = &prep.term.text;
            let ranges = match f.how {
                How::Literal | How::Typo => {
                    std::iter::once(f.at as usize - start..f.end as usize - start).collect()
                }
                How::Initials => score::initials(text, term).unwrap_or_default(),
                How::Scattered => index
                    .scattered_in(start, end, term)
                    .map(|chars| char_ranges_to_bytes(text, &chars))
                    .unwrap_or_default(),
            };
            add(f.field, ranges);
        }
        let owner: Vec<Range<usize>> = match entry.field(Field::Owner) {
            Some((start, _)) => (index.owner_matches(entry, self.query).into_iter())
                .map(|(a, b)| a - start..b - start)
                .collect(),
            None => Vec::new(),
        };
        if !owner.is_empty() {
            add(Field::Owner, owner);
        }
        let mut fields: Vec<FieldMatch> = folded
            .into_iter()
            .filter_map(|(field, ranges)| self.in_original(hit.entry, field, &ranges))
            .collect();
        fields.sort_by_key(|m| rank(m.field));
        Why { fields }
    }

    /// Folded byte ranges of a field of entry `e` as char ranges of the
    /// plan's own text of that field.
    fn in_original(&self, e: usize, field: Field, ranges: &[Range<usize>]) -> Option<FieldMatch> {
        let text = self.original(self.index.entries[e].target, field)?;
        let (folded, origin) = fold_mapped(text);
        let mut chars: Vec<Range<usize>> = ranges
            .iter()
            .filter(|r| r.start < r.end && r.end <= folded.len())
            .map(|r| origin[r.start]..origin[r.end - 1] + 1)
            .collect();
        chars.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(chars.len());
        for r in chars {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Some(FieldMatch {
            field,
            text: text.to_string(),
            ranges: merged,
        })
    }

    /// The plan's text of a field of a search target.
    fn original(&self, target: Target, field: Field) -> Option<&'a str> {
        let plan = self.plan;
        Some(match target {
            Target::Project(loc) => {
                let theme = plan.themes.get(loc.theme)?;
                let sub = theme.subthemes.get(loc.subtheme)?;
                let p = sub.projects.get(loc.project)?;
                match field {
                    Field::Title => &p.title,
                    Field::Owner => &p.owner,
                    Field::Notes => &p.notes,
                    Field::Id => &p.id,
                    Field::Details => &p.details,
                    Field::Subtheme => &sub.name,
                    Field::Theme => &theme.name,
                    Field::Intro => return None,
                }
            }
            Target::Subtheme(t, s) => {
                let theme = plan.themes.get(t)?;
                let sub = theme.subthemes.get(s)?;
                match field {
                    Field::Title => &sub.name,
                    Field::Id => &sub.id,
                    Field::Intro => &sub.intro,
                    Field::Theme => &theme.name,
                    _ => return None,
                }
            }
            Target::Theme(t) => {
                let theme = plan.themes.get(t)?;
                match field {
                    Field::Title => &theme.name,
                    Field::Id => &theme.id,
                    Field::Intro => &theme.intro,
                    _ => return None,
                }
            }
        })
    }
}

/// Char positions in `text` as byte ranges, one per char.
fn char_ranges_to_bytes(text: &str, chars: &[usize]) -> Vec<Range<usize>> {
    text.char_indices()
        .enumerate()
        .filter(|(i, _)| chars.contains(i))
        .map(|(_, (at, c))| at..at + c.len_utf8())
        .collect()
}

/// A piece of a field around its matches, on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// The matched characters: char ranges of `text`.
    pub ranges: Vec<Range<usize>>,
}

/// How far a snippet's start may move on to begin at a word.
const WORD_SNAP: usize = 12;

/// At most `width` characters of `text` around its first range, on one line
/// (line breaks and tabs become spaces); a cut end is marked `…`, and a cut
/// start moves to the start of a word when one is near. `ranges` are char
/// ranges of `text`, as [`FieldMatch`] has them.
pub fn snippet(text: &str, ranges: &[Range<usize>], width: usize) -> Snippet {
    let chars: Vec<char> = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let n = chars.len();
    let width = width.max(8);
    let (start, end) = if n <= width {
        (0, n)
    } else {
        let first = ranges.first().cloned().unwrap_or(0..0);
        let first = first.start.min(n)..first.end.min(n);
        let lead_room = width.saturating_sub(first.len()) / 3;
        let mut start = first.start.saturating_sub(lead_room);
        if n - start < width {
            start = n + 1 - width;
        }
        // Start at a word when one starts shortly after the cut.
        if start > 0
            && chars[start - 1] != ' '
            && let Some(space) =
                (chars[start..first.start].iter().take(WORD_SNAP)).position(|c| *c == ' ')
        {
            start += space + 1;
        }
        let room = width - usize::from(start > 0);
        let end = if start + room >= n {
            n
        } else {
            start + room - 1
        };
        (start, end)
    };
    let mut out = String::new();
    let lead = usize::from(start > 0);
    if lead == 1 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < n {
        out.push('…');
    }
    let ranges = ranges
        .iter()
        .filter(|r| r.start < end && r.end > start)
        .map(|r| r.start.max(start) - start + lead..r.end.min(end) - start + lead)
        .collect();
    Snippet { text: out, ranges }
}
