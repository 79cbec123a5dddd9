//! What a syntax error says, as data: what was expected and what was found.
//! `i18n` words it in Dutch and English.

/// The kind of record a field belongs to, in the plan's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Within {
    Plan,
    Theme,
    Subtheme,
    Project,
    HistoryEntry,
    Archived,
    LogEntry,
    Place,
    OpenConflict,
    /// Any other record, by its type name.
    Other(String),
}

/// What is wrong at a position in the plan text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxMessage {
    /// The file is empty (or only white space).
    Empty,
    /// Not UTF-8: the first bad byte.
    BadUtf8(u8),
    /// The text ends too early.
    Eof,
    /// A comma (or the closing quote of a text) is missing.
    ExpectedComma,
    /// A text's closing quote is missing.
    UnclosedText,
    /// A field name or a status was expected.
    ExpectedName,
    /// A backslash escape that is not one.
    BadEscape(Escape),
    /// Something else was expected here.
    Expected(Token),
    /// A character that cannot stand here.
    UnexpectedChar(char),
    /// A `/* … */` comment without its end.
    UnclosedComment,
    /// A digit that does not belong in a number (`0x1G`).
    BadDigit(char),
    /// An `_` where none may be, in a number or at the start of a name.
    Underscore,
    /// A name that is not one.
    BadName(String),
    /// `#![enable(…)]` with an extension that does not exist.
    UnknownExtension(String),
    /// A list of fixed length with too many or too few items.
    WrongLength {
        expected: String,
        found: usize,
    },
    UnknownField {
        found: String,
        within: Within,
        expected: Vec<String>,
    },
    MissingField {
        field: String,
        within: Within,
    },
    DuplicateField {
        field: String,
        within: Within,
    },
    UnknownStatus {
        found: String,
        expected: Vec<String>,
    },
    /// A choice other than a status (a log entry's field, a change) that is
    /// not one of those expected.
    UnknownChoice {
        found: String,
        expected: Vec<String>,
    },
    /// A year given twice in a project's `status`.
    DuplicateYear(u16),
    /// A history or log time that is not RFC 3339.
    BadTime(String),
    /// A record named `found(` where `expected(` (or a bare `(`) belongs.
    WrongName {
        expected: String,
        found: String,
    },
    /// A value of the wrong type (ron's words for both).
    WrongType {
        expected: String,
        found: String,
    },
    /// Text after the end of the plan.
    Trailing,
    TooDeep,
    /// A number out of range (years are 2000–2100).
    NumberOutOfRange,
    /// Anything else, in the parser's own (English) words.
    Other(String),
}

/// What is wrong with a backslash escape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// `\q`: no such escape.
    Unknown,
    /// A digit of `\x..` or `\u{..}` that is not hexadecimal.
    NotHex,
    /// `\u` without its `{`.
    UnicodeOpen,
    /// `\u{..` without its `}`.
    UnicodeClose,
    /// `\u{D800}`: a number that is no character.
    NotACharacter,
    Other,
}

/// What was expected, where the parser expected one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// `[`
    ListStart,
    /// `]`
    ListEnd,
    /// `#![…]`
    Attribute,
    Boolean,
    /// A character in `'`.
    Char,
    /// A byte string (`b"…"`).
    Bytes,
    Number,
    WholeNumber,
    /// `Some(…)` or `None`.
    Option,
    /// `)` of `Some(…)`.
    OptionEnd,
    /// `{`
    MapStart,
    /// `:`
    MapColon,
    /// `}`
    MapEnd,
    /// `(` of a record.
    RecordStart,
    /// `Name(` or `(`.
    NamedRecord(String),
    /// `)` of a record.
    RecordEnd,
    /// `()`
    Unit,
    /// A text in `"`.
    Text,
    /// A raw value.
    RawValue,
    /// A record's name.
    RecordName(String),
    /// A range (`a..b`).
    Range,
}

impl From<String> for SyntaxMessage {
    fn from(text: String) -> Self {
        SyntaxMessage::Other(text)
    }
}

/// Turns ron's error into what was expected, in the plan's terms.
pub(super) fn describe(code: &ron::Error) -> SyntaxMessage {
    use SyntaxMessage as M;
    use ron::Error as E;
    let within = |outer: &Option<String>| match outer.as_deref() {
        Some("Plan") | None => Within::Plan,
        Some("Theme") => Within::Theme,
        Some("Subtheme") => Within::Subtheme,
        Some("Project") => Within::Project,
        Some("HistoryEntry") => Within::HistoryEntry,
        Some("Archived") => Within::Archived,
        Some("LogEntry") => Within::LogEntry,
        Some("Place") => Within::Place,
        Some("OpenConflict") => Within::OpenConflict,
        Some(other) => Within::Other(clip(other)),
    };
    let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
    match code {
        E::Eof => M::Eof,
        E::ExpectedComma => M::ExpectedComma,
        E::ExpectedStringEnd => M::UnclosedText,
        E::ExpectedIdentifier => M::ExpectedName,
        E::InvalidEscape(what) => M::BadEscape(match *what {
            "Unknown escape character" => Escape::Unknown,
            "Non-hex digit found" => Escape::NotHex,
            "Missing { in Unicode escape" => Escape::UnicodeOpen,
            "No } at the end of Unicode escape" => Escape::UnicodeClose,
            "Not a valid Unicode-escaped character"
            | "Not a valid byte-escaped Unicode character"
            | "Unexpected Unicode escape in byte literal" => Escape::NotACharacter,
            _ => Escape::Other,
        }),
        E::UnexpectedChar(c) => M::UnexpectedChar(*c),
        E::UnclosedBlockComment | E::UnclosedLineComment => M::UnclosedComment,
        E::InvalidIntegerDigit { digit, .. } => M::BadDigit(*digit),
        E::FloatUnderscore | E::UnderscoreAtBeginning => M::Underscore,
        E::InvalidIdentifier(name) | E::SuggestRawIdentifier(name) => M::BadName(clip(name)),
        E::NoSuchExtension(name) => M::UnknownExtension(clip(name)),
        E::ExpectedDifferentLength { expected, found } => M::WrongLength {
            expected: clip(expected),
            found: *found,
        },
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => M::UnknownField {
            found: clip(found),
            within: within(outer),
            expected: list(expected),
        },
        E::MissingStructField { field, outer } => M::MissingField {
            field: field.to_string(),
            within: within(outer),
        },
        E::DuplicateStructField { field, outer } => M::DuplicateField {
            field: field.to_string(),
            within: within(outer),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } if expected.contains(&"Planned") => M::UnknownStatus {
            found: clip(found),
            expected: list(expected),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } => M::UnknownChoice {
            found: clip(found),
            expected: list(expected),
        },
        E::Message(text) => message(text),
        E::ExpectedDifferentStructName { expected, found } => M::WrongName {
            expected: expected.to_string(),
            found: clip(found),
        },
        E::InvalidValueForType { expected, found } => M::WrongType {
            expected: clip(expected),
            found: clip(found),
        },
        E::TrailingCharacters => M::Trailing,
        E::ExceededRecursionLimit => M::TooDeep,
        E::IntegerOutOfBounds => M::NumberOutOfRange,
        other => match expected(other) {
            Some(token) => M::Expected(token),
            None => M::Other(lower_first(&clip(&other.to_string()))),
        },
    }
}

/// A message of the model's own reading ([`crate::plan::YearStatus`], the
/// times of [`crate::timestamp`]) as data; another one in its own words.
fn message(text: &str) -> SyntaxMessage {
    let twice = (text.strip_prefix("year "))
        .and_then(|rest| rest.strip_suffix(" is given twice in `status`"))
        .and_then(|year| year.parse().ok());
    if let Some(year) = twice {
        return SyntaxMessage::DuplicateYear(year);
    }
    let time = (text.strip_prefix("`at` is not a time like 2026-03-14T09:21:05Z (UTC): `"))
        .and_then(|rest| rest.strip_suffix('`'));
    if let Some(time) = time {
        return SyntaxMessage::BadTime(clip(time));
    }
    SyntaxMessage::Other(lower_first(&clip(text)))
}

/// What ron's `Expected…` error expected.
fn expected(code: &ron::Error) -> Option<Token> {
    use ron::Error as E;
    Some(match code {
        E::ExpectedArray => Token::ListStart,
        E::ExpectedArrayEnd => Token::ListEnd,
        E::ExpectedAttribute | E::ExpectedAttributeEnd => Token::Attribute,
        E::ExpectedBoolean => Token::Boolean,
        E::ExpectedChar => Token::Char,
        E::ExpectedByteLiteral | E::ExpectedByteString => Token::Bytes,
        E::ExpectedFloat => Token::Number,
        E::ExpectedInteger => Token::WholeNumber,
        E::ExpectedOption => Token::Option,
        E::ExpectedOptionEnd => Token::OptionEnd,
        E::ExpectedMap => Token::MapStart,
        E::ExpectedMapColon => Token::MapColon,
        E::ExpectedMapEnd => Token::MapEnd,
        E::ExpectedStructLike => Token::RecordStart,
        E::ExpectedNamedStructLike(name) => Token::NamedRecord(name.to_string()),
        E::ExpectedStructLikeEnd => Token::RecordEnd,
        E::ExpectedUnit => Token::Unit,
        E::ExpectedString => Token::Text,
        E::ExpectedRawValue => Token::RawValue,
        E::ExpectedStructName(name) => Token::RecordName(clip(name)),
        E::ExpectedRangeSyntax => Token::Range,
        _ => return None,
    })
}

/// `Unknown escape` → `unknown escape`, to continue a sentence.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Text from the file shortened for a message: a name can be megabytes long.
fn clip(s: &str) -> String {
    const MAX: usize = 80;
    match s.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}
