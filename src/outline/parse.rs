//! Reading an outline into themes.

use std::collections::{HashMap, HashSet};

use super::text::{FOCUS, Spanned, Tok, decode, is_focus_word, tokenize, trim};
use super::{ErrorKind, Item, MAX_ITEMS, MAX_OUTLINE_BYTES, OutlineError};
use crate::plan::{Project, Status, Subtheme, Theme, YearStatus, ids, is_valid_id};

/// Reads outline bytes: UTF-8, with or without a byte order mark.
pub fn parse_bytes(bytes: &[u8], year: u16) -> Result<Vec<Theme>, OutlineError> {
    let at = |line, col, kind| OutlineError { line, col, kind };
    if bytes.len() > MAX_OUTLINE_BYTES {
        return Err(at(1, 1, ErrorKind::TooLarge(bytes.len())));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let line = 1 + good.matches('\n').count();
        let col = 1 + good.rsplit('\n').next().map_or(0, |l| l.chars().count());
        at(line, col, ErrorKind::InvalidUtf8(bytes[e.valid_up_to()]))
    })?;
    parse(text, year)
}

/// Reads an outline into themes. Projects get `year`'s status from their
/// `status=` attribute, else Planned; items without `{#id}` get a new id made
/// from their text, unique across the whole outline.
pub fn parse(text: &str, year: u16) -> Result<Vec<Theme>, OutlineError> {
    if text.len() > MAX_OUTLINE_BYTES {
        return Err(OutlineError {
            line: 1,
            col: 1,
            kind: ErrorKind::TooLarge(text.len()),
        });
    }
    let mut p = Parser {
        year,
        themes: Vec::new(),
        body: Body::None,
        blanks: 0,
        items: 0,
        line_no: 0,
        explicit: HashMap::new(),
    };
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        p.line_no = i + 1;
        p.line(line).map_err(|(col, kind)| OutlineError {
            line: i + 1,
            col,
            kind,
        })?;
    }
    let mut themes = p.themes;
    let mut ids = Ids {
        taken: p.explicit.into_keys().collect(),
        next: HashMap::new(),
    };
    for theme in &mut themes {
        ids.fill(&mut theme.id, &theme.name, "theme");
        for sub in &mut theme.subthemes {
            ids.fill(&mut sub.id, &sub.name, "subtheme");
            for project in &mut sub.projects {
                ids.fill(&mut project.id, &project.title, "project");
            }
        }
    }
    Ok(themes)
}

/// A failure inside one line: the column and what is wrong.
type Fail = (usize, ErrorKind);

/// Which text the next lines of body text go to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Body {
    /// Before the first theme.
    None,
    ThemeIntro,
    SubthemeIntro,
    Details,
}

struct Parser {
    year: u16,
    themes: Vec<Theme>,
    body: Body,
    /// Blank lines seen since the last line of body text.
    blanks: usize,
    items: usize,
    /// The line being read (1-based).
    line_no: usize,
    /// Ids given as `{#id}`, with their line.
    explicit: HashMap<String, usize>,
}

/// What a line's text after its marker says.
struct Head {
    text: String,
    focus: bool,
    id: Option<String>,
    status: Option<Option<Status>>,
}

impl Parser {
    fn line(&mut self, line: &str) -> Result<(), Fail> {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = &line[indent..];
        if rest.is_empty() {
            self.blanks += 1;
            return Ok(());
        }
        if let Some(tab) = line[..indent].find('\t') {
            return Err((tab + 1, ErrorKind::TabIndent));
        }
        let col = indent + 1;
        if indent == 0 {
            if rest.starts_with('#') {
                return self.heading(rest);
            }
            if let Some(content) = bullet(rest) {
                return self.project(content);
            }
        }
        self.text(rest, indent, col)
    }

    fn heading(&mut self, rest: &str) -> Result<(), Fail> {
        let level = rest.len() - rest.trim_start_matches('#').len();
        if level > 2 {
            return Err((1, ErrorKind::DeepHeading(level)));
        }
        let content = &rest[level..];
        if !content.is_empty() && !content.starts_with([' ', '\t']) {
            return Err((level + 1, ErrorKind::NoSpaceAfterHash));
        }
        let item = if level == 1 {
            Item::Theme
        } else {
            Item::Subtheme
        };
        if item == Item::Subtheme && self.themes.is_empty() {
            return Err((1, ErrorKind::SubthemeBeforeTheme));
        }
        let head = self.head(content, level + 1, item)?;
        if item == Item::Theme {
            self.themes.push(Theme {
                id: head.id.unwrap_or_default(),
                name: head.text,
                focus: head.focus,
                intro: String::new(),
                subthemes: Vec::new(),
            });
            self.body = Body::ThemeIntro;
        } else {
            let theme = self.themes.last_mut().expect("checked above");
            theme.subthemes.push(Subtheme {
                id: head.id.unwrap_or_default(),
                name: head.text,
                intro: String::new(),
                projects: Vec::new(),
            });
            self.body = Body::SubthemeIntro;
        }
        self.blanks = 0;
        Ok(())
    }

    fn project(&mut self, content: &str) -> Result<(), Fail> {
        if self.themes.last().is_none_or(|t| t.subthemes.is_empty()) {
            return Err((1, ErrorKind::ProjectBeforeSubtheme));
        }
        let head = self.head(content, 2, Item::Project)?;
        let mut status = YearStatus::default();
        if let Some(s) = head.status.unwrap_or(Some(Status::Planned)) {
            status.0.insert(self.year, s);
        }
        let sub = self
            .themes
            .last_mut()
            .and_then(|t| t.subthemes.last_mut())
            .expect("checked above");
        sub.projects.push(Project {
            id: head.id.unwrap_or_default(),
            title: head.text,
            details: String::new(),
            owner: String::new(),
            notes: String::new(),
            status,
            history: Vec::new(),
        });
        self.body = Body::Details;
        self.blanks = 0;
        Ok(())
    }

    fn text(&mut self, rest: &str, indent: usize, col: usize) -> Result<(), Fail> {
        let marker = rest.starts_with('#') || bullet(rest).is_some();
        let target = match self.body {
            Body::None if indent > 0 && marker => return Err((col, ErrorKind::IndentedMarker)),
            Body::None => return Err((col, ErrorKind::TextBeforeTheme)),
            Body::ThemeIntro | Body::SubthemeIntro if indent > 0 && marker => {
                return Err((col, ErrorKind::IndentedMarker));
            }
            Body::Details if indent == 0 => return Err((col, ErrorKind::TextAfterProject)),
            Body::Details if indent == 1 => return Err((col, ErrorKind::OddIndent)),
            Body::ThemeIntro => &mut self.themes.last_mut().expect("a theme").intro,
            Body::SubthemeIntro => {
                let theme = self.themes.last_mut().expect("a theme");
                &mut theme.subthemes.last_mut().expect("a sub-theme").intro
            }
            Body::Details => {
                let theme = self.themes.last_mut().expect("a theme");
                let sub = theme.subthemes.last_mut().expect("a sub-theme");
                &mut sub.projects.last_mut().expect("a project").details
            }
        };
        let toks = tokenize(rest, col);
        if !target.is_empty() {
            target.extend(std::iter::repeat_n('\n', self.blanks + 1));
        }
        target.push_str(&decode(trim(&toks)));
        self.blanks = 0;
        Ok(())
    }

    /// Reads a heading's or item's text, focus mark and attributes; `col` is
    /// the column of `content`.
    fn head(&mut self, content: &str, col: usize, item: Item) -> Result<Head, Fail> {
        self.items += 1;
        if self.items > MAX_ITEMS {
            return Err((1, ErrorKind::TooManyItems));
        }
        let all = tokenize(content, col);
        let mut toks = trim(&all);
        let mut id = None;
        let mut status = None;
        if let Some((_, close)) = toks.last().filter(|(t, _)| t.is('}')) {
            let open = toks
                .iter()
                .rposition(|(t, _)| t.is('{'))
                .ok_or((*close, ErrorKind::UnmatchedBrace))?;
            let (i, s) = self.attributes(&toks[open + 1..toks.len() - 1], toks[open].1, item)?;
            (id, status) = (i, s);
            toks = trim(&toks[..open]);
        }
        let mut focus = None;
        if let Some((_, at)) = toks.last().filter(|(t, _)| t.is('*')) {
            focus = Some(*at);
            toks = trim(&toks[..toks.len() - 1]);
        } else if let Some(start) = toks.len().checked_sub(FOCUS.len()) {
            let word: Vec<Tok> = toks[start..].iter().map(|(t, _)| *t).collect();
            if is_focus_word(&word) {
                focus = Some(toks[start].1);
                toks = trim(&toks[..start]);
            }
        }
        if let Some(at) = focus
            && item != Item::Theme
        {
            return Err((at, ErrorKind::FocusNotOnTheme(item)));
        }
        let text = decode(toks);
        if text.trim().is_empty() {
            return Err((col, ErrorKind::EmptyTitle(item)));
        }
        Ok(Head {
            text,
            focus: focus.is_some(),
            id,
            status,
        })
    }

    /// Reads the inside of `{…}`, which opens at column `open`.
    fn attributes(
        &mut self,
        inner: &[Spanned],
        open: usize,
        item: Item,
    ) -> Result<(Option<String>, Option<Option<Status>>), Fail> {
        let mut id = None;
        let mut status = None;
        let mut words = inner
            .split(|(t, _)| t.is_blank())
            .filter(|w| !w.is_empty())
            .peekable();
        if words.peek().is_none() {
            return Err((open, ErrorKind::EmptyAttributes));
        }
        for word in words {
            let at = word[0].1;
            let text = decode(word);
            let plain = word.iter().all(|(t, _)| matches!(t, Tok::Plain(_)));
            if let Some(value) = text.strip_prefix('#').filter(|_| plain) {
                if id.is_some() {
                    return Err((at, ErrorKind::AttributeTwice("#id")));
                }
                id = Some(self.explicit_id(value, at)?);
            } else if let Some(value) = text.strip_prefix("status=").filter(|_| plain) {
                if item != Item::Project {
                    return Err((at, ErrorKind::StatusNotOnProject(item)));
                }
                if status.is_some() {
                    return Err((at, ErrorKind::AttributeTwice("status=")));
                }
                status = Some(parse_status(value).ok_or_else(|| {
                    let kind = ErrorKind::UnknownStatus {
                        found: value.to_string(),
                        suggestion: Status::suggest(value),
                    };
                    (at + "status=".len(), kind)
                })?);
            } else {
                return Err((at, ErrorKind::UnknownAttribute(text)));
            }
        }
        Ok((id, status))
    }

    /// Checks an id given as `{#id}` and reserves it; `at` is the column of `#`.
    fn explicit_id(&mut self, id: &str, at: usize) -> Result<String, Fail> {
        if !is_valid_id(id) {
            return Err((at + 1, ErrorKind::MalformedId(id.to_string())));
        }
        if let Some(&first_line) = self.explicit.get(id) {
            let kind = ErrorKind::DuplicateId {
                id: id.to_string(),
                first_line,
            };
            return Err((at + 1, kind));
        }
        self.explicit.insert(id.to_string(), self.line_no);
        Ok(id.to_string())
    }
}

/// `status=` values: a status name, or `none` for no status in the plan year.
fn parse_status(value: &str) -> Option<Option<Status>> {
    if value.eq_ignore_ascii_case("none") {
        Some(None)
    } else {
        Status::parse(value).map(Some)
    }
}

/// The text after a list marker (`-`, `*` or `+` and a blank), if `rest` is a
/// list item.
fn bullet(rest: &str) -> Option<&str> {
    let content = rest.strip_prefix(['-', '*', '+'])?;
    (content.is_empty() || content.starts_with([' ', '\t'])).then_some(content)
}

/// New ids for the items without one: [`ids::slug`] of their text, made
/// unique like [`ids::unique`] (the first free `-2`, `-3`, …), remembering
/// where each base's suffixes stopped, so that many items of the same title
/// cost no more than one each.
struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    fn fill(&mut self, id: &mut String, text: &str, fallback: &str) {
        if !id.is_empty() {
            return;
        }
        let slug = ids::slug(text);
        let base = if slug.is_empty() { fallback } else { &slug };
        let from = self.next.get(base).copied().unwrap_or(1);
        let (n, new) = if from == 1 && !self.taken.contains(base) {
            (1, base.to_string())
        } else {
            (from.max(2)..)
                .map(|n| (n, format!("{base}-{n}")))
                .find(|(_, id)| !self.taken.contains(id))
                .expect("an unbounded range has a free suffix")
        };
        self.next.insert(base.to_string(), n + 1);
        self.taken.insert(new.clone());
        *id = new;
    }
}
