//! What a search query asks for: words, "exact phrases" and filters.
//!
//! The query is folded first (case, accents, typographic quotes and dashes),
//! then split at spaces. A token `key:value` with a known key is a filter:
//!
//! - `status:lopend` — the status in the year (names in Dutch or English, any
//!   prefix: `status:lop`, `status:on-hold`; several with commas; `geen`/`none`
//!   for no status);
//! - `eigenaar:zoë` / `owner:zoe` — an owner with a word starting so;
//! - `jaar:2027` / `year:2027` — the year statuses are read in; alone, the
//!   projects with a status that year;
//! - `focus` (or `focus:ja`, `focus:nee`) — projects of focus themes.
//!
//! `"two words"` is a phrase: those words, whole and in order. A value may be
//! quoted too (`eigenaar:"de vries"`). Any other `key:` is no filter: the token
//! is searched as a word, and [`Query::unknown_keys`] names it so that the
//! caller can say so. Filters select projects only.

use crate::plan::{Status, YEARS};
use crate::text::fold;

/// Words that stand for "no status in that year".
const NO_STATUS: [&str; 2] = ["geen", "none"];

/// One thing to find in the text, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub text: String,
    /// A phrase: matched whole and exactly, never by a typo or scattered letters.
    pub phrase: bool,
    /// A phrase whose closing quote is not typed yet: its end may be a prefix.
    pub open: bool,
}

/// Why a query cannot be run as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `status:`, `eigenaar:` or `jaar:` without a value.
    NoValue { key: String },
    /// A `status:` value that starts no status name.
    UnknownStatus { value: String },
    /// A `jaar:` value that is no plan year.
    BadYear { value: String },
    /// A `focus:` value other than yes or no.
    BadFocus { value: String },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::NoValue { key } => write!(f, "`{key}:` needs a value"),
            Problem::UnknownStatus { value } => write!(f, "no status is called `{value}`"),
            Problem::BadYear { value } => write!(f, "`{value}` is not a year"),
            Problem::BadFocus { value } => write!(f, "`focus:{value}`: use `focus`, or yes or no"),
        }
    }
}

impl std::error::Error for Problem {}

impl Problem {
    /// The problem in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Problem::NoValue { key } => lang.filter_needs_value(key),
            Problem::UnknownStatus { value } => lang.no_such_status(value),
            Problem::BadYear { value } => lang.no_such_year(value),
            Problem::BadFocus { value } => lang.bad_focus(value),
        }
    }
}

/// A parsed query. Build it with [`Query::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The folded text it was parsed from.
    raw: String,
    pub(crate) terms: Vec<Term>,
    /// The statuses to keep (`None`: no status that year); empty: any.
    pub(crate) statuses: Vec<Option<Status>>,
    /// Folded owner names; a project's owner must have a word starting with one.
    pub(crate) owners: Vec<String>,
    /// The year statuses are read in.
    pub(crate) year: u16,
    /// Whether `jaar:` was given.
    pub(crate) year_given: bool,
    /// `focus` (`Some(true)`) or `focus:nee` (`Some(false)`).
    pub(crate) focus: Option<bool>,
    problems: Vec<Problem>,
    unknown: Vec<String>,
}

/// A filter key, in either language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Status,
    Owner,
    Year,
    Focus,
}

fn key(name: &str) -> Option<Key> {
    Some(match name {
        "status" => Key::Status,
        "eigenaar" | "owner" => Key::Owner,
        "jaar" | "year" => Key::Year,
        "focus" => Key::Focus,
        _ => return None,
    })
}

/// A query's pieces before they are understood: a plain token (maybe with a
/// quoted value after `key:`) or a quoted phrase.
enum Token {
    Plain { text: String },
    Phrase { text: String, open: bool },
}

/// Splits folded text at spaces; `"…"` is one phrase token, and a quote right
/// after `key:` quotes the value.
fn tokens(folded: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = folded.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c == ' ' {
            chars.next();
            continue;
        }
        if c == '"' {
            chars.next();
            let (text, open) = quoted(&mut chars);
            out.push(Token::Phrase { text, open });
            continue;
        }
        let mut text = String::new();
        while let Some(&c) = chars.peek() {
            if c == ' ' {
                break;
            }
            chars.next();
            if c == '"' && text.ends_with(':') {
                text.push_str(&quoted(&mut chars).0);
                break;
            }
            text.push(c);
        }
        out.push(Token::Plain { text });
    }
    out
}

/// The text up to the closing quote (consumed), spaces collapsed; and whether
/// the quote was left open.
fn quoted(chars: &mut std::iter::Peekable<std::str::Chars>) -> (String, bool) {
    let mut text = String::new();
    for c in chars.by_ref() {
        if c == '"' {
            return (collapse(&text), false);
        }
        text.push(c);
    }
    (collapse(&text), true)
}

fn collapse(text: &str) -> String {
    text.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Status names as compared: lowercase, without spaces, `-` and `_`.
fn squash(name: &str) -> String {
    fold(name)
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .collect()
}

/// The statuses a `status:` value names: every status with a name that starts
/// with it (so `lop` is Lopend and `ge` both Gepland and geen).
fn statuses_named(value: &str) -> Vec<Option<Status>> {
    let value = squash(value);
    let mut found: Vec<Option<Status>> = Status::ALL
        .into_iter()
        .filter(|s| s.names().iter().any(|n| squash(n).starts_with(&value)))
        .map(Some)
        .collect();
    if NO_STATUS.iter().any(|n| n.starts_with(&value)) {
        found.push(None);
    }
    found
}

impl Query {
    /// Parses `text`; statuses are read in `year` unless the query says `jaar:`.
    pub fn parse(text: &str, year: u16) -> Query {
        let raw = fold(text);
        let mut query = Query {
            year,
            ..Query::default()
        };
        for token in tokens(&raw) {
            match token {
                Token::Phrase { text, open } => {
                    if !text.is_empty() {
                        query.terms.push(Term {
                            text,
                            phrase: true,
                            open,
                        });
                    }
                }
                Token::Plain { text } => query.plain(text),
            }
        }
        query.raw = raw;
        query
    }

    fn plain(&mut self, text: String) {
        if text == "focus" {
            self.focus = Some(true);
            return;
        }
        let Some((name, value)) = text.split_once(':') else {
            return self.word(text);
        };
        let Some(key) = key(name) else {
            if !name.is_empty() && name.chars().all(char::is_alphabetic) {
                self.unknown.push(format!("{name}:"));
            }
            return self.word(text);
        };
        self.apply(key, name, value);
    }

    /// Adds the filter `name:value` (`name` as typed, for messages) to the query.
    fn apply(&mut self, key: Key, name: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() && key != Key::Focus {
            self.problems.push(Problem::NoValue {
                key: name.to_string(),
            });
            return;
        }
        match key {
            Key::Status => {
                for part in value.split(',').filter(|p| !p.trim().is_empty()) {
                    let named = statuses_named(part.trim());
                    if named.is_empty() {
                        self.problems.push(Problem::UnknownStatus {
                            value: part.trim().to_string(),
                        });
                    }
                    for s in named {
                        if !self.statuses.contains(&s) {
                            self.statuses.push(s);
                        }
                    }
                }
            }
            Key::Owner => self.owners.extend(
                value
                    .split(',')
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(str::to_string),
            ),
            Key::Year => match value.parse::<u16>() {
                Ok(y) if YEARS.contains(&y) && value.len() == 4 => {
                    self.year = y;
                    self.year_given = true;
                }
                _ => self.problems.push(Problem::BadYear {
                    value: value.to_string(),
                }),
            },
            Key::Focus => match value {
                "" | "ja" | "j" | "yes" | "y" => self.focus = Some(true),
                "nee" | "n" | "no" => self.focus = Some(false),
                _ => self.problems.push(Problem::BadFocus {
                    value: value.to_string(),
                }),
            },
        }
    }

    /// Adds a filter given apart from a query (the options of `aoplan list`):
    /// `key` is `status`, `owner`, `eigenaar`, `year`, `jaar` or `focus`, and
    /// `value` is read as it would be after `key:` (folded first). An unknown
    /// key is ignored.
    pub fn add_filter(&mut self, key_name: &str, value: &str) {
        if let Some(k) = key(key_name) {
            self.apply(k, key_name, &fold(value));
        }
    }

    fn word(&mut self, text: String) {
        self.terms.push(Term {
            text,
            phrase: false,
            open: false,
        });
    }

    /// Nothing to look for: no words and no filters (and no problems).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && !self.has_filters() && self.problems.is_empty()
    }

    /// Whether the query filters by status, owner, year or focus.
    pub fn has_filters(&self) -> bool {
        !self.statuses.is_empty()
            || !self.owners.is_empty()
            || self.year_given
            || self.focus.is_some()
    }

    /// Why the query cannot be run; it finds nothing while there are any.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Tokens that look like `key:` but name no filter (searched as words), as `key:`.
    pub fn unknown_keys(&self) -> &[String] {
        &self.unknown
    }

    /// The year statuses are read in.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The words (not phrases), for matching a whole name.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter(|t| !t.phrase)
            .map(|t| t.text.as_str())
    }

    /// Whether results for `previous` can be narrowed to results for this
    /// query: it only grew, and neither has filters or phrases, whose meaning
    /// can change as they are typed (`focus` → `focusthema`).
    pub(crate) fn extends(&self, previous: &Query) -> bool {
        let plain = |q: &Query| {
            !q.has_filters()
                && q.problems.is_empty()
                && q.terms.iter().all(|t| !t.phrase)
                && !q.raw.contains('"')
        };
        plain(self)
            && plain(previous)
            && !previous.terms.is_empty()
            && self.raw.starts_with(&previous.raw)
            && self.year == previous.year
    }
}
