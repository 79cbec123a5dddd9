//! What is wrong with a plan file, in words: the codec's syntax errors and the
//! model's validation problems. `Display` of both is the English.

use std::fmt;

use super::Lang;
use super::code_list as list;
use crate::codec::{SyntaxMessage, Within};
use crate::plan::{ConflictIssue, Field, Issue, Kind, Problem};

impl Lang {
    /// A kind of item, as a noun.
    pub fn kind_noun(self, kind: Kind) -> &'static str {
        match (self, kind) {
            (Lang::Nl, Kind::Project) => "project",
            (Lang::Nl, Kind::Subtheme) => "subthema",
            (Lang::Nl, Kind::Theme) => "thema",
            (Lang::En, Kind::Project) => "project",
            (Lang::En, Kind::Subtheme) => "sub-theme",
            (Lang::En, Kind::Theme) => "theme",
        }
    }

    fn field(self, field: Field) -> &'static str {
        match (self, field) {
            (Lang::Nl, Field::Fund) => "`fund` (fonds) is leeg",
            (Lang::Nl, Field::Title) => "`title` (titel) is leeg",
            (Lang::Nl, Field::ThemeName) => "de `name` (naam) van het thema is leeg",
            (Lang::Nl, Field::SubthemeName) => "de `name` (naam) van het subthema is leeg",
            (Lang::Nl, Field::ProjectTitle) => "de `title` (titel) van het project is leeg",
            (Lang::En, Field::Fund) => "`fund` is empty",
            (Lang::En, Field::Title) => "`title` is empty",
            (Lang::En, Field::ThemeName) => "theme `name` is empty",
            (Lang::En, Field::SubthemeName) => "sub-theme `name` is empty",
            (Lang::En, Field::ProjectTitle) => "project `title` is empty",
        }
    }

    /// One validation problem, with where it is.
    pub fn problem(self, p: &Problem) -> String {
        let what = self.issue(&p.issue);
        if p.path.is_empty() {
            what
        } else {
            format!("{}: {what}", p.path)
        }
    }

    fn issue(self, issue: &Issue) -> String {
        let nl = self == Lang::Nl;
        let outside = |what: String| match self {
            Lang::Nl => format!("{what} ligt buiten 2000–2100"),
            Lang::En => format!("{what} is outside 2000–2100"),
        };
        match issue {
            Issue::Empty(field) => self.field(*field).to_string(),
            Issue::PlanYear(y) if nl => outside(format!("`year` (planjaar) {y}")),
            Issue::PlanYear(y) => outside(format!("`year` {y}")),
            Issue::StatusYear(y) if nl => outside(format!("statusjaar {y}")),
            Issue::StatusYear(y) => outside(format!("status year {y}")),
            Issue::HistoryYear { entry, year } if nl => {
                outside(format!("geschiedenisregel {entry}: jaar {year}"))
            }
            Issue::HistoryYear { entry, year } => {
                outside(format!("history entry {entry}: year {year}"))
            }
            Issue::MalformedId { kind, id } if nl => format!(
                "id {id:?} van {} is ongeldig: gebruik kleine letters a–z, cijfers en `-`",
                self.kind_noun(*kind)
            ),
            Issue::MalformedId { kind, id } => format!(
                "{} id {id:?} is malformed: use lowercase letters a–z, digits and `-`",
                self.kind_noun(*kind)
            ),
            Issue::DuplicateId { id, first } if nl => {
                format!("id {id:?} komt twee keer voor (eerst bij {first})")
            }
            Issue::DuplicateId { id, first } => {
                format!("id {id:?} is used twice (first at {first})")
            }
            Issue::NoParent if nl => "gearchiveerd onderdeel zonder `parent`".into(),
            Issue::NoParent => "archived item has no `parent`".into(),
            Issue::Conflict { key, why } => format!("{key}: {}", self.conflict_issue(why)),
        }
    }

    fn conflict_issue(self, why: &ConflictIssue) -> String {
        match (self, why) {
            (Lang::Nl, ConflictIssue::SameFieldAs(n)) => format!("hetzelfde veld als conflict {n}"),
            (Lang::En, ConflictIssue::SameFieldAs(n)) => format!("the same field as conflict {n}"),
            (Lang::Nl, ConflictIssue::YearOutside(y)) => format!("jaar {y} ligt buiten 2000–2100"),
            (Lang::En, ConflictIssue::YearOutside(y)) => format!("year {y} is outside 2000–2100"),
            (Lang::Nl, ConflictIssue::FundHasId) => {
                "het fonds hoort bij het plan: zijn id is \"\"".into()
            }
            (Lang::En, ConflictIssue::FundHasId) => "the fund is the plan's: its id is \"\"".into(),
            (Lang::Nl, ConflictIssue::WrongKind { id, kind }) => format!(
                "{id:?} is een {}, en dat heeft dit veld niet",
                self.kind_noun(*kind)
            ),
            (Lang::En, ConflictIssue::WrongKind { id, kind }) => format!(
                "{id:?} is a {}, which has no such field",
                self.kind_noun(*kind)
            ),
            (Lang::Nl, ConflictIssue::NoSuchItem(id)) => {
                format!("geen onderdeel heeft het id {id:?}")
            }
            (Lang::En, ConflictIssue::NoSuchItem(id)) => format!("no item has the id {id:?}"),
        }
    }

    fn within(self, w: &Within) -> String {
        let s = match (self, w) {
            (Lang::Nl, Within::Plan) => "het plan",
            (Lang::Nl, Within::Theme) => "een thema",
            (Lang::Nl, Within::Subtheme) => "een subthema",
            (Lang::Nl, Within::Project) => "een project",
            (Lang::Nl, Within::HistoryEntry) => "een geschiedenisregel",
            (Lang::Nl, Within::Archived) => "een gearchiveerd onderdeel",
            (Lang::Nl, Within::LogEntry) => "een logregel",
            (Lang::Nl, Within::Place) => "een plaats (ouder en positie)",
            (Lang::Nl, Within::OpenConflict) => "een open conflict",
            (Lang::En, Within::Plan) => "the plan",
            (Lang::En, Within::Theme) => "a theme",
            (Lang::En, Within::Subtheme) => "a sub-theme",
            (Lang::En, Within::Project) => "a project",
            (Lang::En, Within::HistoryEntry) => "a history entry",
            (Lang::En, Within::Archived) => "an archived item",
            (Lang::En, Within::LogEntry) => "a log entry",
            (Lang::En, Within::Place) => "a place (parent and position)",
            (Lang::En, Within::OpenConflict) => "an open conflict",
            (_, Within::Other(name)) => return format!("`{name}`"),
        };
        s.to_string()
    }

    /// What a syntax error says: what was expected, and what was found.
    pub fn syntax(self, m: &SyntaxMessage) -> String {
        use SyntaxMessage as M;
        match (self, m) {
            (Lang::Nl, M::Empty) => "het bestand is leeg; verwacht een plan: (fund: \"…\", title: \"…\", year: 2026, themes: [ … ])".into(),
            (Lang::En, M::Empty) => "the file is empty; expected a plan: (fund: \"…\", title: \"…\", year: 2026, themes: [ … ])".into(),
            (Lang::Nl, M::BadUtf8(b)) => format!("ongeldige UTF-8 (byte 0x{b:02X}); het plan moet UTF-8-tekst zijn"),
            (Lang::En, M::BadUtf8(b)) => format!("invalid UTF-8 (byte 0x{b:02X}); the plan must be UTF-8 text"),
            (Lang::Nl, M::Eof) => "onverwacht einde van het bestand: het plan is afgebroken (verwacht meer tekst, zoals een sluitend `)` of `]`)".into(),
            (Lang::En, M::Eof) => "unexpected end of file: the plan is cut off (expected more text, like a closing `)` or `]`)".into(),
            (Lang::Nl, M::ExpectedComma) => "verwacht `,`: vóór dit punt ontbreekt een komma, of het sluitende `\"` van een tekst".into(),
            (Lang::En, M::ExpectedComma) => "expected `,`: a comma, or a closing `\"` of a text, is missing before this point".into(),
            (Lang::Nl, M::UnclosedText) => "deze tekst is niet afgesloten: het sluitende `\"` ontbreekt".into(),
            (Lang::En, M::UnclosedText) => "this text is not closed: its closing `\"` is missing".into(),
            (Lang::Nl, M::ExpectedName) => "hier hoort een naam: een veld (zoals `title`) of een status (zoals `Done`)".into(),
            (Lang::En, M::ExpectedName) => "expected a name here: a field (like `title`) or a status (like `Done`)".into(),
            (Lang::Nl, M::BadEscape(what)) => format!("{}; een backslash in tekst schrijf je als `\\\\`", self.escape(*what)),
            (Lang::En, M::BadEscape(what)) => format!("{}; a backslash in text is written `\\\\`", self.escape(*what)),
            (Lang::Nl, M::UnknownField { found, within, expected }) => format!(
                "onbekend veld `{found}` in {}; verwacht een van: {}", self.within(within), list(expected)),
            (Lang::En, M::UnknownField { found, within, expected }) => format!(
                "unknown field `{found}` in {}; expected one of: {}", self.within(within), list(expected)),
            (Lang::Nl, M::MissingField { field, within }) => format!("veld `{field}` ontbreekt in {}", self.within(within)),
            (Lang::En, M::MissingField { field, within }) => format!("missing field `{field}` in {}", self.within(within)),
            (Lang::Nl, M::DuplicateField { field, within }) => format!("veld `{field}` staat twee keer in {}", self.within(within)),
            (Lang::En, M::DuplicateField { field, within }) => format!("field `{field}` is given twice in {}", self.within(within)),
            (Lang::Nl, M::UnknownStatus { found, expected }) => format!("onbekende status `{found}`; verwacht een van: {}", list(expected)),
            (Lang::En, M::UnknownStatus { found, expected }) => format!("unknown status `{found}`; expected one of: {}", list(expected)),
            (Lang::Nl, M::WrongName { expected, found }) => format!("verwacht `{expected}(` of `(`, gevonden `{found}(`"),
            (Lang::En, M::WrongName { expected, found }) => format!("expected `{expected}(` or `(`, found `{found}(`"),
            (Lang::Nl, M::Trailing) => "onverwachte tekst na het einde van het plan".into(),
            (Lang::En, M::Trailing) => "unexpected text after the end of the plan".into(),
            (Lang::Nl, M::TooDeep) => "haakjes te diep genest voor een plan".into(),
            (Lang::En, M::TooDeep) => "brackets are nested too deeply to be a plan".into(),
            (Lang::Nl, M::NumberOutOfRange) => "getal buiten bereik (jaren zijn 2000–2100)".into(),
            (Lang::En, M::NumberOutOfRange) => "number out of range (years are 2000–2100)".into(),
            (_, M::Other(text)) => text.clone(),
            (
                _,
                M::Expected(_)
                | M::UnexpectedChar(_)
                | M::UnclosedComment
                | M::BadDigit(_)
                | M::Underscore
                | M::BadName(_)
                | M::UnknownExtension(_)
                | M::WrongLength { .. }
                | M::WrongType { .. }
                | M::UnknownChoice { .. }
                | M::DuplicateYear(_)
                | M::BadTime(_),
            ) => self.syntax_rare(m).unwrap_or_default(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.problem(self))
    }
}

impl fmt::Display for SyntaxMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.syntax(self))
    }
}
