//! `aoplan find`: the plan's search ([`crate::search`]) from the command line.
//!
//! One line per project: status, theme › sub-theme › title and id, with the
//! matched characters in bold on a terminal (not under `NO_COLOR`, nor in a
//! pipe). A match in a field the line does not show (owner, notes,
//! description) gets a line of its own under it: the field and a snippet.

use std::io::Write;
use std::ops::Range;

use serde::Serialize;

use super::{Failure, Invocation, Outcome};
use crate::plan::Status;
use crate::plan::json::ProjectJson;
use crate::search::{Field, Hit, Query, SearchIndex, Target, Why, snippet};
use crate::terminal_safe::{self, line};

/// Characters of a field shown around a match on its own line.
const SNIPPET: usize = 72;

const BOLD: &str = "\x1b[1m";
const NOT_BOLD: &str = "\x1b[22m";

pub(super) fn run(
    ctx: &Invocation,
    text: &str,
    as_json: bool,
    limit: usize,
    out: &mut dyn Write,
) -> Outcome {
    let (_, plan) = ctx.open()?;
    let query = Query::parse(text, ctx.year(&plan));
    if !query.problems().is_empty() {
        let problems: Vec<String> = (query.problems().iter())
            .map(|p| p.text(ctx.lang))
            .collect();
        return Err(Failure(problems.join("; ")));
    }
    let year = query.year();
    let index = SearchIndex::build(&plan);
    let hits: Vec<Hit> = (index.search(&plan, &query).into_iter())
        .filter(|h| matches!(h.target, Target::Project(_)))
        .take(if limit == 0 { usize::MAX } else { limit })
        .collect();
    let explainer = index.explain(&plan, &query);
    if as_json {
        let items: Vec<_> = (hits.iter())
            .filter_map(|hit| {
                let Target::Project(loc) = hit.target else {
                    return None;
                };
                let matched = (explainer.why(hit).fields.iter())
                    .map(|m| Matched {
                        field: m.field.name(),
                        ranges: m.ranges.iter().map(|r| [r.start, r.end]).collect(),
                    })
                    .collect();
                Some(Found {
                    project: ProjectJson::at(&plan, loc, year)?,
                    score: hit.score,
                    matched,
                })
            })
            .collect();
        terminal_safe::json::to_writer_pretty(&mut *out, &items)
            .map_err(|e| Failure(e.to_string()))?;
        writeln!(out)?;
        if items.is_empty() {
            // The same exit status as the text form: 1, the message on stderr.
            return Err(no_match(ctx, text, &query));
        }
        return Ok(());
    }
    if hits.is_empty() {
        return Err(no_match(ctx, text, &query));
    }
    let bold = crate::platform::stdout_is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let width = Status::ALL
        .iter()
        .map(|s| ctx.lang.status(*s).chars().count())
        .max()
        .unwrap_or(10);
    for hit in &hits {
        let Target::Project(loc) = hit.target else {
            continue;
        };
        let Some(p) = plan.project(loc) else { continue };
        let theme = &plan.themes[loc.theme];
        let sub = &theme.subthemes[loc.subtheme];
        let why = explainer.why(hit);
        let shown = |text: &str, field: Field| marked(text, why.ranges(field), bold);
        let status = ctx.lang.status_or_none(p.status_in(year));
        writeln!(
            out,
            "{status:<width$}  {} › {} › {}  [{}]",
            shown(&theme.name, Field::Theme),
            shown(&sub.name, Field::Subtheme),
            shown(&p.title, Field::Title),
            shown(&p.id, Field::Id),
        )?;
        for (label, text) in unseen(&why, ctx.lang, bold) {
            writeln!(out, "{:width$}  {label}: {text}", "")?;
        }
    }
    Ok(())
}

/// A result in JSON: the project's shape ([`ProjectJson`]), its score and
/// where it matched.
#[derive(Serialize)]
struct Found<'a> {
    #[serde(flatten)]
    project: ProjectJson<'a>,
    score: i64,
    matched: Vec<Matched>,
}

/// A field a result matched in, and the matched characters (start, end).
#[derive(Serialize)]
struct Matched {
    field: &'static str,
    ranges: Vec<[usize; 2]>,
}

/// Nothing matched `text`: exit status 1, with unknown `key:`s named.
fn no_match(ctx: &Invocation, text: &str, query: &Query) -> Failure {
    let mut message = ctx.lang.no_project_matches(text);
    if !query.unknown_keys().is_empty() {
        message = format!("{message}; {}", ctx.lang.not_filters(query.unknown_keys()));
    }
    Failure(message)
}

/// The matched fields a result line does not show, each as its label and a
/// marked snippet.
fn unseen(why: &Why, lang: crate::i18n::Lang, bold: bool) -> Vec<(&'static str, String)> {
    (why.fields.iter())
        .filter(|m| {
            matches!(
                m.field,
                Field::Owner | Field::Notes | Field::Details | Field::Intro
            )
        })
        .map(|m| {
            let cut = snippet(&m.text, &m.ranges, SNIPPET);
            (m.field.label(lang), marked(&cut.text, &cut.ranges, bold))
        })
        .collect()
}

/// `text` on one line, made terminal-safe, with the chars in `ranges` in bold
/// when `bold`.
fn marked(text: &str, ranges: &[Range<usize>], bold: bool) -> String {
    if !bold || ranges.is_empty() {
        return line(text).into_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for r in ranges {
        let (start, end) = (r.start.min(chars.len()), r.end.min(chars.len()));
        if start < at || start >= end {
            continue;
        }
        out.push_str(&line(&chars[at..start].iter().collect::<String>()));
        out.push_str(BOLD);
        out.push_str(&line(&chars[start..end].iter().collect::<String>()));
        out.push_str(NOT_BOLD);
        at = end;
    }
    out.push_str(&line(&chars[at..].iter().collect::<String>()));
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn marks_in_bold_only_when_asked_and_keeps_text_inert() {
        assert_eq!(marked("Zoë de Vries", &[0..3], false), "Zoë de Vries");
        assert_eq!(
            marked("Zoë de Vries", &[0..3, 7..12], true),
            "\x1b[1mZoë\x1b[22m de \x1b[1mVries\x1b[22m"
        );
        // A control character in the plan stays a placeholder, marked or not.
        assert_eq!(
            marked("a\x1b]0;x\x07b", &[1..2], true),
            "a\x1b[1m␛\x1b[22m]0;x␇b"
        );
    }
}
