//! The words of the rarer syntax errors: what the reader expected, and the
//! value kinds that serde names, in Dutch and English.

use super::{Lang, code_list};
use crate::codec::{Escape, SyntaxMessage, Token};

impl Lang {
    /// What is wrong with a backslash escape.
    pub fn escape(self, what: Escape) -> &'static str {
        match (what, self) {
            (Escape::Unknown, Lang::Nl) => "onbekend escapeteken",
            (Escape::Unknown, Lang::En) => "unknown escape character",
            (Escape::NotHex, Lang::Nl) => {
                "een escape met een teken dat geen hexadecimaal cijfer is"
            }
            (Escape::NotHex, Lang::En) => "an escape with a non-hex digit",
            (Escape::UnicodeOpen, Lang::Nl) => "`{` ontbreekt in een Unicode-escape",
            (Escape::UnicodeOpen, Lang::En) => "missing `{` in a Unicode escape",
            (Escape::UnicodeClose, Lang::Nl) => "`}` ontbreekt aan het eind van een Unicode-escape",
            (Escape::UnicodeClose, Lang::En) => "no `}` at the end of a Unicode escape",
            (Escape::NotACharacter, Lang::Nl) => "een Unicode-escape die geen geldig teken is",
            (Escape::NotACharacter, Lang::En) => "a Unicode escape that is not a valid character",
            (Escape::Other, Lang::Nl) => "ongeldige escape",
            (Escape::Other, Lang::En) => "invalid escape",
        }
    }

    /// What the reader expected, as a phrase after "expected".
    pub fn token(self, token: &Token) -> String {
        let nl = self == Lang::Nl;
        let s = match (token, nl) {
            (Token::ListStart, true) => "`[` (het begin van een lijst)",
            (Token::ListStart, false) => "`[` (the start of a list)",
            (Token::ListEnd, true) => "`]` (het einde van een lijst)",
            (Token::ListEnd, false) => "`]` (the end of a list)",
            (Token::Attribute, _) => "`#![…]`",
            (Token::Boolean, true) => "`true` of `false`",
            (Token::Boolean, false) => "`true` or `false`",
            (Token::Char, true) => "een teken tussen `'`",
            (Token::Char, false) => "a character in `'`",
            (Token::Bytes, true) => "een bytetekst (`b\"…\"`)",
            (Token::Bytes, false) => "a byte string (`b\"…\"`)",
            (Token::Number, true) => "een getal",
            (Token::Number, false) => "a number",
            (Token::WholeNumber, true) => "een geheel getal",
            (Token::WholeNumber, false) => "a whole number",
            (Token::Option, true) => "`Some(…)` of `None`",
            (Token::Option, false) => "`Some(…)` or `None`",
            (Token::OptionEnd, true) => "`)` (het einde van `Some(…)`)",
            (Token::OptionEnd, false) => "`)` (the end of `Some(…)`)",
            (Token::MapStart, _) => "`{`",
            (Token::MapColon, _) => "`:`",
            (Token::MapEnd, _) => "`}`",
            (Token::RecordStart, true) => "`(` (het begin van een record)",
            (Token::RecordStart, false) => "`(` (the start of a record)",
            (Token::NamedRecord(name), true) => return format!("`{name}(` of `(`"),
            (Token::NamedRecord(name), false) => return format!("`{name}(` or `(`"),
            (Token::RecordEnd, true) => "`)` (het einde van een record)",
            (Token::RecordEnd, false) => "`)` (the end of a record)",
            (Token::Unit, _) => "`()`",
            (Token::Text, true) => "een tekst tussen `\"`",
            (Token::Text, false) => "a text in `\"`",
            (Token::RawValue, true) => "een ruwe waarde",
            (Token::RawValue, false) => "a raw value",
            (Token::RecordName(name), true) => return format!("de naam `{name}`"),
            (Token::RecordName(name), false) => return format!("the name `{name}`"),
            (Token::Range, true) => "een bereik (`a..b`)",
            (Token::Range, false) => "a range (`a..b`)",
        };
        s.to_string()
    }

    /// The rarer syntax errors; `None` for those [`Lang::syntax`] words itself.
    pub(super) fn syntax_rare(self, m: &SyntaxMessage) -> Option<String> {
        use SyntaxMessage as M;
        let nl = self == Lang::Nl;
        Some(match (m, nl) {
            (M::Expected(token), true) => format!("verwacht {}", self.token(token)),
            (M::Expected(token), false) => format!("expected {}", self.token(token)),
            (M::UnexpectedChar(c), true) => format!("onverwacht teken `{}`", c.escape_debug()),
            (M::UnexpectedChar(c), false) => format!("unexpected character `{}`", c.escape_debug()),
            (M::UnclosedComment, true) => "een commentaar is niet afgesloten".into(),
            (M::UnclosedComment, false) => "a comment is not closed".into(),
            (M::BadDigit(c), true) => format!("`{}` hoort niet in een getal", c.escape_debug()),
            (M::BadDigit(c), false) => {
                format!("`{}` does not belong in a number", c.escape_debug())
            }
            (M::Underscore, true) => "een `_` die hier niet mag".into(),
            (M::Underscore, false) => "an `_` that is not allowed here".into(),
            (M::BadName(name), true) => format!("`{name}` is geen geldige naam"),
            (M::BadName(name), false) => format!("`{name}` is not a valid name"),
            (M::UnknownExtension(name), true) => format!("onbekende ron-extensie `{name}`"),
            (M::UnknownExtension(name), false) => format!("unknown ron extension `{name}`"),
            (M::WrongLength { found, .. }, true) => {
                format!("verkeerd aantal elementen ({found})")
            }
            (M::WrongLength { expected, found }, false) => {
                format!("expected {expected}, found {found} elements")
            }
            (M::UnknownChoice { found, expected }, true) => {
                format!(
                    "onbekende waarde `{found}`; verwacht een van: {}",
                    code_list(expected)
                )
            }
            (M::UnknownChoice { found, expected }, false) => {
                format!(
                    "unknown value `{found}`; expected one of: {}",
                    code_list(expected)
                )
            }
            (M::DuplicateYear(year), true) => format!("jaar {year} staat twee keer in `status`"),
            (M::DuplicateYear(year), false) => format!("year {year} is given twice in `status`"),
            (M::BadTime(text), true) => {
                format!("`at` is geen tijd als 2026-03-14T09:21:05Z (UTC): `{text}`")
            }
            (M::BadTime(text), false) => {
                format!("`at` is not a time like 2026-03-14T09:21:05Z (UTC): `{text}`")
            }
            (M::WrongType { expected, found }, true) => format!(
                "verwacht {}, gevonden {}",
                serde_kind_nl(expected),
                serde_kind_nl(found)
            ),
            (M::WrongType { expected, found }, false) => {
                format!("expected {expected}, found {found}")
            }
            _ => return None,
        })
    }
}

/// The names of value kinds that ron and serde write ("a string", "the
/// unsigned integer `5`") in Dutch; one that is not known stays as written.
fn serde_kind_nl(text: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("a string", "een tekst"),
        ("a borrowed string", "een tekst"),
        ("a character", "een teken"),
        ("a boolean", "`true` of `false`"),
        ("a sequence", "een lijst"),
        ("a map", "een map"),
        ("an integer", "een geheel getal"),
        ("a unit value", "`()`"),
        ("unit", "`()`"),
        ("an optional value", "een optionele waarde"),
        ("option", "een optionele waarde"),
        ("a newtype struct", "een record"),
        ("an enum", "een keuze"),
        ("a unit variant", "een keuze"),
        ("a newtype variant", "een keuze met waarde"),
        ("a tuple variant", "een keuze met waarden"),
        ("a struct variant", "een keuze met velden"),
        ("variant identifier", "een keuze"),
        ("field identifier", "een veldnaam"),
        ("u8", "een geheel getal"),
        ("u16", "een geheel getal"),
        ("u32", "een geheel getal"),
        ("u64", "een geheel getal"),
        ("usize", "een geheel getal"),
        ("i32", "een geheel getal"),
        ("i64", "een geheel getal"),
        ("f64", "een getal"),
    ];
    if let Some((_, nl)) = KINDS.iter().find(|(en, _)| *en == text) {
        return (*nl).to_string();
    }
    const PREFIXES: &[(&str, &str)] = &[
        ("the boolean ", "de waarde "),
        ("the unsigned integer ", "het getal "),
        ("the signed integer ", "het getal "),
        ("the floating point number ", "het getal "),
        ("the UTF-8 character ", "het teken "),
        ("the string ", "de tekst "),
        ("the byte string ", "de bytetekst "),
        ("struct ", "een record "),
        ("enum ", "een keuze "),
        ("a tuple of size ", "een reeks van "),
    ];
    for (en, nl) in PREFIXES {
        if let Some(rest) = text.strip_prefix(en) {
            return format!("{nl}{rest}");
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ron_value_kinds_are_said_in_dutch() {
        let m = SyntaxMessage::WrongType {
            expected: "a string".into(),
            found: "the unsigned integer `3`".into(),
        };
        assert_eq!(
            Lang::Nl.syntax(&m),
            "verwacht een tekst, gevonden het getal `3`"
        );
        assert_eq!(
            Lang::En.syntax(&m),
            "expected a string, found the unsigned integer `3`"
        );
        let m = SyntaxMessage::WrongType {
            expected: "struct Theme".into(),
            found: "a sequence".into(),
        };
        assert_eq!(
            Lang::Nl.syntax(&m),
            "verwacht een record Theme, gevonden een lijst"
        );
        let m = SyntaxMessage::Expected(Token::Text);
        assert_eq!(Lang::Nl.syntax(&m), "verwacht een tekst tussen `\"`");
        assert_eq!(serde_kind_nl("something new"), "something new");
    }

    #[test]
    fn the_models_own_refusals_are_said_in_dutch() {
        let plan = crate::storage::BUNDLED_PLAN;
        let twice = plan.replacen(
            "status: {2026: Planned}",
            "status: {2026: Planned, 2026: Done}",
            1,
        );
        assert_ne!(twice, plan);
        let syntax = |text: &str| crate::codec::parse(text).unwrap_err().message;
        let m = syntax(&twice);
        assert_eq!(m, SyntaxMessage::DuplicateYear(2026));
        assert_eq!(Lang::Nl.syntax(&m), "jaar 2026 staat twee keer in `status`");
        let timed = plan.replacen(
            "status: {2026: Planned},",
            "status: {2026: Planned}, history: [(at: \"gisteren\", by: \"x\", year: 2026, from: None, to: Some(Done))],",
            1,
        );
        let m = syntax(&timed);
        assert_eq!(m, SyntaxMessage::BadTime("gisteren".into()));
        assert_eq!(
            Lang::Nl.syntax(&m),
            "`at` is geen tijd als 2026-03-14T09:21:05Z (UTC): `gisteren`"
        );
        let choice = SyntaxMessage::UnknownChoice {
            found: "Staat".into(),
            expected: vec!["Status".into()],
        };
        assert_eq!(
            Lang::Nl.syntax(&choice),
            "onbekende waarde `Staat`; verwacht een van: `Status`"
        );
    }

    #[test]
    fn a_plan_cut_off_inside_a_record_is_said_in_dutch() {
        let e = crate::codec::parse("(fund: \"x\", title: ").unwrap_err();
        let said = format!("{e:?}");
        assert!(said.contains("Expected(Text)"), "{said}");
    }
}
