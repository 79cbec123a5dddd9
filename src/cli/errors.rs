//! A bad command line, said in the user's language. clap finds what is wrong
//! and keeps it as context (the argument, the value, the close names); the two
//! formatters here read that context and say it with the words of
//! [`crate::i18n::usage`], for clap's own findings and ours alike.

use std::fmt::Write as _;
use std::io::Write as _;
use std::num::{IntErrorKind, ParseIntError};

use clap::builder::{StyledStr, Styles};
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};
use clap::{Command, builder::TypedValueParser as _};

use crate::i18n::Lang;
use crate::i18n::usage::{BadArgs, BadNumber, Named, Tip};

/// clap's errors in English.
pub struct English;
/// clap's errors in Dutch.
pub struct Dutch;

impl ErrorFormatter for English {
    fn format_error(error: &Error<Self>) -> StyledStr {
        format(error, Lang::En)
    }
}

impl ErrorFormatter for Dutch {
    fn format_error(error: &Error<Self>) -> StyledStr {
        format(error, Lang::Nl)
    }
}

/// Prints `error` (or the help or version that was asked for) in `lang`, and
/// gives its exit status. `plain`: without colours, and with control
/// characters shown as placeholders (an argument held some).
pub fn report(error: clap::Error, lang: Lang, plain: bool) -> i32 {
    match lang {
        Lang::En => print(error.apply::<English>(), plain),
        Lang::Nl => print(error.apply::<Dutch>(), plain),
    }
}

fn print<F: ErrorFormatter>(error: Error<F>, plain: bool) -> i32 {
    if plain && error.use_stderr() {
        let text = error.render().to_string();
        let _ = write!(std::io::stderr(), "{}", crate::terminal_safe::text(&text));
    } else {
        // Like clap: a reader that went away is no reason to fail.
        let _ = error.print();
    }
    error.exit_code()
}

/// An error of ours about the command line of `cmd`: `message` in words, with
/// the command's usage below it.
pub(super) fn said(cmd: &mut Command, kind: ErrorKind, message: String) -> clap::Error {
    with_usage(
        cmd,
        kind,
        (ContextKind::Custom, ContextValue::String(message)),
    )
}

/// A required option of `cmd` that was not given (`--year <YEAR>`).
pub(super) fn missing(cmd: &mut Command, arg: &str) -> clap::Error {
    let args = ContextValue::Strings(vec![arg.into()]);
    let kind = ErrorKind::MissingRequiredArgument;
    with_usage(cmd, kind, (ContextKind::InvalidArg, args))
}

/// An error of `kind` about `cmd`, with one piece of context and the
/// command's usage.
fn with_usage(
    cmd: &mut Command,
    kind: ErrorKind,
    (key, value): (ContextKind, ContextValue),
) -> clap::Error {
    let usage = cmd.render_usage();
    let mut error = clap::Error::new(kind).with_cmd(cmd);
    error.insert(key, value);
    error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    error
}

/// Reads a whole number in `min..=max`; the refusal is [`BadNumber`], so that
/// it can be said in either language.
pub(super) fn number_in<T>(
    min: u64,
    max: Option<u64>,
) -> impl clap::builder::TypedValueParser<Value = T>
where
    T: TryFrom<u64> + Clone + Send + Sync + 'static,
{
    let read = move |text: &str| -> Result<T, BadNumber> {
        let n: u64 = text.trim().parse().map_err(|e| number_refused(&e))?;
        if n < min || max.is_some_and(|max| n > max) {
            return Err(BadNumber::OutOfRange { min, max });
        }
        T::try_from(n).map_err(|_| BadNumber::TooLarge)
    };
    clap::builder::StringValueParser::new().try_map(move |s| read(&s))
}

fn format<F: ErrorFormatter>(error: &Error<F>, lang: Lang) -> StyledStr {
    let styles = Styles::styled();
    let (red, green, bold) = (styles.get_error(), styles.get_valid(), styles.get_literal());
    let mut out = StyledStr::new();
    let bad = bad_args(error, lang);
    let _ = write!(
        out,
        "{red}{}{red:#} {}",
        lang.usage_error_label(),
        lang.bad_args(&bad)
    );
    let list = match &bad {
        BadArgs::MissingValue { possible, .. } | BadArgs::NotPossible { possible, .. } => {
            Some((Named::Value, possible))
        }
        BadArgs::NoSubcommand { possible, .. } => Some((Named::Command, possible)),
        _ => None,
    };
    if let Some((what, values)) = list.filter(|(_, values)| !values.is_empty()) {
        let _ = write!(out, "\n  {}", lang.usage_possible(what, values));
    }
    for (i, tip) in tips(error).iter().enumerate() {
        let gap = if i == 0 { "\n\n" } else { "\n" };
        let label = lang.usage_tip_label();
        let _ = write!(
            out,
            "{gap}  {green}{label}{green:#} {}",
            lang.usage_tip(tip)
        );
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        let label = lang.usage_label();
        let _ = write!(out, "\n\n{bold}{label}{bold:#} {usage}");
    }
    let _ = write!(out, "\n\n{}\n", lang.usage_more("--help"));
    out
}

fn text<F: ErrorFormatter>(error: &Error<F>, kind: ContextKind) -> Option<String> {
    match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    }
}

fn texts<F: ErrorFormatter>(error: &Error<F>, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn number<F: ErrorFormatter>(error: &Error<F>, kind: ContextKind) -> usize {
    match error.get(kind) {
        Some(ContextValue::Number(n)) => usize::try_from(*n).unwrap_or(0),
        _ => 0,
    }
}

/// What clap found wrong, from its kind and context.
fn bad_args<F: ErrorFormatter>(error: &Error<F>, lang: Lang) -> BadArgs {
    use ContextKind as C;
    if let Some(said) = text(error, C::Custom) {
        return BadArgs::Said(said);
    }
    let arg = text(error, C::InvalidArg);
    let value = text(error, C::InvalidValue);
    let found = match error.kind() {
        ErrorKind::ArgumentConflict => {
            let with = texts(error, C::PriorArg);
            match (arg, text(error, C::InvalidSubcommand)) {
                (Some(arg), _) if with == [arg.clone()] => Some(BadArgs::Twice { arg }),
                (Some(arg), _) => Some(BadArgs::Conflict { arg, with }),
                (None, Some(command)) => Some(BadArgs::CommandConflict { command, with }),
                (None, None) => None,
            }
        }
        ErrorKind::NoEquals => arg.map(|arg| BadArgs::NoEquals { arg }),
        ErrorKind::InvalidValue => {
            let possible = texts(error, C::ValidValue);
            match (arg, value) {
                (Some(arg), Some(value)) if value.is_empty() => {
                    Some(BadArgs::MissingValue { arg, possible })
                }
                (Some(arg), Some(value)) => Some(BadArgs::NotPossible {
                    arg,
                    value,
                    possible,
                }),
                _ => None,
            }
        }
        ErrorKind::InvalidSubcommand => {
            text(error, C::InvalidSubcommand).map(|command| BadArgs::UnknownCommand { command })
        }
        ErrorKind::MissingRequiredArgument => {
            let args = texts(error, C::InvalidArg);
            (!args.is_empty()).then_some(BadArgs::Missing { args })
        }
        ErrorKind::MissingSubcommand => {
            text(error, C::InvalidSubcommand).map(|command| BadArgs::NoSubcommand {
                command,
                possible: texts(error, C::ValidSubcommand),
            })
        }
        ErrorKind::InvalidUtf8 => Some(BadArgs::NotUtf8),
        ErrorKind::TooManyValues => arg
            .zip(value)
            .map(|(arg, value)| BadArgs::TooMany { arg, value }),
        ErrorKind::TooFewValues => arg.map(|arg| BadArgs::TooFew {
            arg,
            min: number(error, C::MinValues),
            given: number(error, C::ActualNumValues),
        }),
        ErrorKind::WrongNumberOfValues => arg.map(|arg| BadArgs::WrongCount {
            arg,
            wanted: number(error, C::ExpectedNumValues),
            given: number(error, C::ActualNumValues),
        }),
        ErrorKind::ValueValidation => arg.zip(value).map(|(arg, value)| BadArgs::Invalid {
            arg,
            value,
            why: why_invalid(error, lang),
        }),
        ErrorKind::UnknownArgument => arg.map(|arg| BadArgs::Unknown { arg }),
        _ => None,
    };
    found.unwrap_or(BadArgs::Other)
}

/// Why a value parser refused a value: our words for numbers, else the
/// parser's own.
fn why_invalid<F: ErrorFormatter>(error: &Error<F>, lang: Lang) -> Option<String> {
    let source = std::error::Error::source(error)?;
    if let Some(bad) = source.downcast_ref::<BadNumber>() {
        return Some(lang.bad_number(bad));
    }
    if let Some(e) = source.downcast_ref::<ParseIntError>() {
        return Some(lang.bad_number(&number_refused(e)));
    }
    Some(source.to_string())
}

fn number_refused(e: &ParseIntError) -> BadNumber {
    match e.kind() {
        IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => BadNumber::TooLarge,
        _ => BadNumber::NotANumber,
    }
}

/// The tips: close names, and clap's own tips read back into [`Tip`]s.
fn tips<F: ErrorFormatter>(error: &Error<F>) -> Vec<Tip> {
    let similar = [
        (ContextKind::SuggestedSubcommand, Named::Command),
        (ContextKind::SuggestedArg, Named::Argument),
        (ContextKind::SuggestedValue, Named::Value),
    ];
    let mut tips: Vec<Tip> = similar
        .into_iter()
        .map(|(kind, what)| (texts(error, kind), what))
        .filter(|(names, _)| !names.is_empty())
        .map(|(names, what)| Tip::Similar { what, names })
        .collect();
    if let Some(ContextValue::StyledStrs(written)) = error.get(ContextKind::Suggested) {
        tips.extend(written.iter().map(|tip| read_tip(&tip.to_string())));
    }
    tips
}

/// One of clap's English tips as a [`Tip`]; one we do not know stays as written.
fn read_tip(tip: &str) -> Tip {
    let between = |start: &str, end: &str| tip.strip_prefix(start)?.strip_suffix(end);
    if let Some(rest) = tip.strip_prefix("to pass '")
        && let Some((value, written)) = rest.split_once("' as a value, use '")
        && let Some(written) = written.strip_suffix('\'')
    {
        return Tip::AsValue {
            value: value.into(),
            written: written.into(),
        };
    }
    if let Some(command) = between(
        "subcommand '",
        "' exists; to use it, remove the '--' before it",
    ) {
        return Tip::DashesBefore {
            command: command.into(),
        };
    }
    if let Some(usage) = between("'", "' exists") {
        return Tip::ExistsIn {
            usage: usage.into(),
        };
    }
    Tip::Other(tip.into())
}

#[cfg(test)]
#[path = "errors_tests.rs"]
mod tests;
