//! A bad command line in words: what the parser found wrong, its tips, and the
//! frame around them ("error:", "Usage:", where to find more), in Dutch and
//! English. The parser's findings arrive as [`BadArgs`]; nothing here knows
//! the parser.

use super::Lang;

/// What is wrong with a command line. Argument names come as the parser shows
/// them (`--format <FORMAT>`, `<ID>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadArgs {
    /// An option given twice that may be given once.
    Twice { arg: String },
    /// Options that exclude each other; `with` empty when the parser did not say which.
    Conflict { arg: String, with: Vec<String> },
    /// A command that cannot be combined with an option.
    CommandConflict { command: String, with: Vec<String> },
    /// `--opt=value` is required and the `=` is missing.
    NoEquals { arg: String },
    /// An option without its value.
    MissingValue { arg: String, possible: Vec<String> },
    /// A value that is not one of the possible ones.
    NotPossible {
        arg: String,
        value: String,
        possible: Vec<String>,
    },
    /// A command that does not exist.
    UnknownCommand { command: String },
    /// Required arguments that were not given.
    Missing { args: Vec<String> },
    /// A command that needs a subcommand, given none.
    NoSubcommand {
        command: String,
        possible: Vec<String>,
    },
    /// An argument that is not valid UTF-8.
    NotUtf8,
    /// A value too many.
    TooMany { arg: String, value: String },
    /// Fewer values than the option needs.
    TooFew {
        arg: String,
        min: usize,
        given: usize,
    },
    /// Another number of values than the option takes.
    WrongCount {
        arg: String,
        wanted: usize,
        given: usize,
    },
    /// A value the option's reader refused; `why` says why, in words already.
    Invalid {
        arg: String,
        value: String,
        why: Option<String>,
    },
    /// An option or argument that the command does not take.
    Unknown { arg: String },
    /// A message already in words (our own checks of the command line).
    Said(String),
    /// Anything else the parser refused.
    Other,
}

/// A tip below the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tip {
    /// Names close to a mistyped one.
    Similar { what: Named, names: Vec<String> },
    /// How to give a value that looks like an option: `-- VALUE`.
    AsValue { value: String, written: String },
    /// An option that exists in a subcommand: `add project --title`.
    ExistsIn { usage: String },
    /// A command written after `--`, which made it a value.
    DashesBefore { command: String },
    /// A tip the parser wrote that we do not know; shown as it is.
    Other(String),
}

/// What a [`Tip::Similar`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Command,
    Argument,
    Value,
}

/// A number that an option refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadNumber {
    NotANumber,
    /// Too large for any value the option takes.
    TooLarge,
    /// Outside `min..=max` (no `max`: at least `min`).
    OutOfRange {
        min: u64,
        max: Option<u64>,
    },
}

impl std::fmt::Display for BadNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.bad_number(self))
    }
}

impl std::error::Error for BadNumber {}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Lang {
    /// The label before a command-line error: "error" / "fout".
    pub fn usage_error_label(self) -> &'static str {
        match self {
            Lang::Nl => "fout:",
            Lang::En => "error:",
        }
    }

    /// The label before the usage line.
    pub fn usage_label(self) -> &'static str {
        match self {
            Lang::Nl => "Gebruik:",
            Lang::En => "Usage:",
        }
    }

    /// The last line: where to find more.
    pub fn usage_more(self, flag: &str) -> String {
        match self {
            Lang::Nl => format!("Meer uitleg: '{flag}'."),
            Lang::En => format!("For more information, try '{flag}'."),
        }
    }

    /// The tip label.
    pub fn usage_tip_label(self) -> &'static str {
        "tip:"
    }

    /// The list of possible values after a message.
    pub fn usage_possible(self, what: Named, values: &[String]) -> String {
        let label = match (self, what) {
            (Lang::Nl, Named::Command) => "opdrachten",
            (Lang::Nl, _) => "mogelijke waarden",
            (Lang::En, Named::Command) => "subcommands",
            (Lang::En, _) => "possible values",
        };
        format!("[{label}: {}]", values.join(", "))
    }

    /// What is wrong with a command line, without lists or tips.
    pub fn bad_args(self, bad: &BadArgs) -> String {
        match self {
            Lang::Nl => bad_args_nl(bad),
            Lang::En => bad_args_en(bad),
        }
    }

    /// A tip, without its label.
    pub fn usage_tip(self, tip: &Tip) -> String {
        let nl = self == Lang::Nl;
        match tip {
            Tip::Similar { what, names } => {
                let one = names.len() == 1;
                let what = match (nl, what, one) {
                    (true, Named::Command, _) => "opdracht",
                    (true, Named::Argument, _) => "optie",
                    (true, Named::Value, _) => "waarde",
                    (false, Named::Command, true) => "subcommand",
                    (false, Named::Command, false) => "subcommands",
                    (false, Named::Argument, true) => "argument",
                    (false, Named::Argument, false) => "arguments",
                    (false, Named::Value, true) => "value",
                    (false, Named::Value, false) => "values",
                };
                match (nl, one) {
                    (true, _) => format!("bedoelde je {what} {}?", quoted(names)),
                    (false, true) => format!("a similar {what} exists: {}", quoted(names)),
                    (false, false) => format!("some similar {what} exist: {}", quoted(names)),
                }
            }
            Tip::AsValue { value, written } if nl => {
                format!("om '{value}' als waarde te geven, schrijf '{written}'")
            }
            Tip::AsValue { value, written } => {
                format!("to pass '{value}' as a value, use '{written}'")
            }
            Tip::ExistsIn { usage } if nl => format!("'{usage}' bestaat"),
            Tip::ExistsIn { usage } => format!("'{usage}' exists"),
            Tip::DashesBefore { command } if nl => {
                format!("opdracht '{command}' bestaat; haal de '--' ervoor weg om hem te gebruiken")
            }
            Tip::DashesBefore { command } => {
                format!("subcommand '{command}' exists; to use it, remove the '--' before it")
            }
            Tip::Other(text) => text.clone(),
        }
    }

    /// Why a number was refused.
    pub fn bad_number(self, bad: &BadNumber) -> String {
        match (self, bad) {
            (Lang::Nl, BadNumber::NotANumber) => "geen geheel getal".into(),
            (Lang::En, BadNumber::NotANumber) => "not a whole number".into(),
            (Lang::Nl, BadNumber::TooLarge) => "een te groot getal".into(),
            (Lang::En, BadNumber::TooLarge) => "a number too large".into(),
            (
                Lang::Nl,
                BadNumber::OutOfRange {
                    min,
                    max: Some(max),
                },
            ) => {
                format!("moet tussen {min} en {max} liggen")
            }
            (
                Lang::En,
                BadNumber::OutOfRange {
                    min,
                    max: Some(max),
                },
            ) => {
                format!("must be between {min} and {max}")
            }
            (Lang::Nl, BadNumber::OutOfRange { min, max: None }) => {
                format!("moet minstens {min} zijn")
            }
            (Lang::En, BadNumber::OutOfRange { min, max: None }) => {
                format!("must be at least {min}")
            }
        }
    }
}

fn bad_args_nl(bad: &BadArgs) -> String {
    match bad {
        BadArgs::Twice { arg } => format!("'{arg}' mag maar één keer gegeven worden"),
        BadArgs::Conflict { arg, with } if with.is_empty() => {
            format!("'{arg}' kan niet samen met een van de andere gegeven opties")
        }
        BadArgs::Conflict { arg, with } => {
            format!("'{arg}' kan niet samen met {}", quoted(with))
        }
        BadArgs::CommandConflict { command, with } => {
            format!("opdracht '{command}' kan niet samen met {}", quoted(with))
        }
        BadArgs::NoEquals { arg } => format!("'{arg}' wil een is-teken: '{arg}=WAARDE'"),
        BadArgs::MissingValue { arg, .. } => format!("'{arg}' mist zijn waarde"),
        BadArgs::NotPossible { arg, value, .. } => {
            format!("'{value}' is geen mogelijke waarde voor '{arg}'")
        }
        BadArgs::UnknownCommand { command } => format!("onbekende opdracht '{command}'"),
        BadArgs::Missing { args } => {
            let mut text = String::from("deze argumenten ontbreken:");
            for arg in args {
                text.push_str(&format!("\n  {arg}"));
            }
            text
        }
        BadArgs::NoSubcommand { command, .. } => {
            format!("'{command}' wil een opdracht erachter, maar kreeg er geen")
        }
        BadArgs::NotUtf8 => "een argument is geen geldige UTF-8-tekst".into(),
        BadArgs::TooMany { arg, value } => {
            format!("'{value}' is een waarde te veel voor '{arg}'")
        }
        BadArgs::TooFew { arg, min, given } => {
            format!("'{arg}' wil minstens {min} waarden, maar kreeg er {given}")
        }
        BadArgs::WrongCount { arg, wanted, given } => {
            format!("'{arg}' wil {wanted} waarden, maar kreeg er {given}")
        }
        BadArgs::Invalid { arg, value, why } => {
            let why = why.as_ref().map(|w| format!(": {w}")).unwrap_or_default();
            format!("ongeldige waarde '{value}' voor '{arg}'{why}")
        }
        BadArgs::Unknown { arg } => format!("onbekend argument '{arg}'"),
        BadArgs::Said(text) => text.clone(),
        BadArgs::Other => "de opdrachtregel klopt niet".into(),
    }
}

fn bad_args_en(bad: &BadArgs) -> String {
    match bad {
        BadArgs::Twice { arg } => format!("the argument '{arg}' cannot be used multiple times"),
        BadArgs::Conflict { arg, with } if with.is_empty() => format!(
            "the argument '{arg}' cannot be used with one or more of the other specified arguments"
        ),
        BadArgs::Conflict { arg, with } => {
            format!("the argument '{arg}' cannot be used with {}", quoted(with))
        }
        BadArgs::CommandConflict { command, with } => {
            format!(
                "the subcommand '{command}' cannot be used with {}",
                quoted(with)
            )
        }
        BadArgs::NoEquals { arg } => {
            format!("equal sign is needed when assigning values to '{arg}'")
        }
        BadArgs::MissingValue { arg, .. } => {
            format!("a value is required for '{arg}' but none was supplied")
        }
        BadArgs::NotPossible { arg, value, .. } => {
            format!("invalid value '{value}' for '{arg}'")
        }
        BadArgs::UnknownCommand { command } => format!("unrecognized subcommand '{command}'"),
        BadArgs::Missing { args } => {
            let mut text = String::from("the following required arguments were not provided:");
            for arg in args {
                text.push_str(&format!("\n  {arg}"));
            }
            text
        }
        BadArgs::NoSubcommand { command, .. } => {
            format!("'{command}' requires a subcommand but one was not provided")
        }
        BadArgs::NotUtf8 => "invalid UTF-8 was detected in one or more arguments".into(),
        BadArgs::TooMany { arg, value } => {
            format!("unexpected value '{value}' for '{arg}' found; no more were expected")
        }
        BadArgs::TooFew { arg, min, given } => {
            format!(
                "{min} values required by '{arg}'; only {given} {}",
                provided(*given)
            )
        }
        BadArgs::WrongCount { arg, wanted, given } => {
            format!(
                "{wanted} values required for '{arg}' but {given} {}",
                provided(*given)
            )
        }
        BadArgs::Invalid { arg, value, why } => {
            let why = why.as_ref().map(|w| format!(": {w}")).unwrap_or_default();
            format!("invalid value '{value}' for '{arg}'{why}")
        }
        BadArgs::Unknown { arg } => format!("unexpected argument '{arg}' found"),
        BadArgs::Said(text) => text.clone(),
        BadArgs::Other => "the command line is not valid".into(),
    }
}

fn provided(n: usize) -> &'static str {
    if n == 1 {
        "was provided"
    } else {
        "were provided"
    }
}
