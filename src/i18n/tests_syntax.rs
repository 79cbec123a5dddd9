//! Every syntax message of a plan file, for the test that each is said in
//! both languages ([`super::tests_words`]).

use crate::codec::{Escape, SyntaxMessage, Token, Within};

/// Every token; a new one breaks the match until it is listed.
fn tokens() -> Vec<Token> {
    let all = vec![
        Token::ListStart,
        Token::ListEnd,
        Token::Attribute,
        Token::Boolean,
        Token::Char,
        Token::Bytes,
        Token::Number,
        Token::WholeNumber,
        Token::Option,
        Token::OptionEnd,
        Token::MapStart,
        Token::MapColon,
        Token::MapEnd,
        Token::RecordStart,
        Token::NamedRecord("Theme".into()),
        Token::RecordEnd,
        Token::Unit,
        Token::Text,
        Token::RawValue,
        Token::RecordName("Plan".into()),
        Token::Range,
    ];
    for t in &all {
        match t {
            Token::ListStart
            | Token::ListEnd
            | Token::Attribute
            | Token::Boolean
            | Token::Char
            | Token::Bytes
            | Token::Number
            | Token::WholeNumber
            | Token::Option
            | Token::OptionEnd
            | Token::MapStart
            | Token::MapColon
            | Token::MapEnd
            | Token::RecordStart
            | Token::NamedRecord(_)
            | Token::RecordEnd
            | Token::Unit
            | Token::Text
            | Token::RawValue
            | Token::RecordName(_)
            | Token::Range => {}
        }
    }
    all
}

/// Every syntax message, each token and each place a field can be in.
pub(super) fn syntax_messages() -> Vec<SyntaxMessage> {
    let within = [
        Within::Plan,
        Within::Theme,
        Within::Subtheme,
        Within::Project,
        Within::HistoryEntry,
        Within::Archived,
        Within::LogEntry,
        Within::Place,
        Within::OpenConflict,
    ];
    let mut all = vec![
        SyntaxMessage::Empty,
        SyntaxMessage::BadUtf8(0xFF),
        SyntaxMessage::Eof,
        SyntaxMessage::ExpectedComma,
        SyntaxMessage::UnclosedText,
        SyntaxMessage::ExpectedName,
        SyntaxMessage::BadEscape(Escape::Unknown),
        SyntaxMessage::BadEscape(Escape::NotHex),
        SyntaxMessage::BadEscape(Escape::UnicodeOpen),
        SyntaxMessage::BadEscape(Escape::UnicodeClose),
        SyntaxMessage::BadEscape(Escape::NotACharacter),
        SyntaxMessage::BadEscape(Escape::Other),
        SyntaxMessage::UnexpectedChar('\u{1b}'),
        SyntaxMessage::UnclosedComment,
        SyntaxMessage::BadDigit('G'),
        SyntaxMessage::Underscore,
        SyntaxMessage::BadName("r#".into()),
        SyntaxMessage::UnknownExtension("magic".into()),
        SyntaxMessage::WrongLength {
            expected: "a tuple of size 2".into(),
            found: 3,
        },
        SyntaxMessage::UnknownStatus {
            found: "Klaar".into(),
            expected: vec!["Done".into()],
        },
        SyntaxMessage::WrongName {
            expected: "Plan".into(),
            found: "Plam".into(),
        },
        SyntaxMessage::WrongType {
            expected: "a string".into(),
            found: "the unsigned integer `3`".into(),
        },
        SyntaxMessage::UnknownChoice {
            found: "Staat".into(),
            expected: vec!["Status".into(), "Text".into()],
        },
        SyntaxMessage::DuplicateYear(2026),
        SyntaxMessage::BadTime("gisteren".into()),
        SyntaxMessage::Trailing,
        SyntaxMessage::TooDeep,
        SyntaxMessage::NumberOutOfRange,
    ];
    all.extend(tokens().into_iter().map(SyntaxMessage::Expected));
    for w in within {
        all.push(SyntaxMessage::UnknownField {
            found: "nmae".into(),
            within: w.clone(),
            expected: vec!["name".into()],
        });
        all.push(SyntaxMessage::MissingField {
            field: "title".into(),
            within: w.clone(),
        });
        all.push(SyntaxMessage::DuplicateField {
            field: "owner".into(),
            within: w,
        });
    }
    all
}
