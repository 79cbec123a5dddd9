//! The command line in the user's language: the language is found before
//! parsing (`--lang` in the arguments, else the config's, else the locale),
//! and for Dutch every command's description, examples and options get their
//! Dutch help ([`crate::i18n::help`]) through clap's builder.

use std::ffi::OsString;

use clap::{Arg, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::Lang;
use crate::i18n::help::{
    ARGUMENTS_NL, COMMAND_NL, COMMANDS_NL, HELP_TEMPLATE_NL, OPTIONS_NL, OPTIONS_TAG_NL, arg_help,
    command_help, default_value, possible_values, value_name,
};

/// The `--lang` given among `args` (`--lang nl`, `--lang=en`), if any; the
/// last one wins, as clap would take it. Anything after `--` is not an option.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--lang" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_string),
        };
        match value.as_deref().map(str::to_ascii_lowercase).as_deref() {
            Some("nl") => found = Some(Lang::Nl),
            Some("en") => found = Some(Lang::En),
            _ => {}
        }
    }
    found
}

/// The whole command line, with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    let cmd = super::scope::hide(cmd);
    match lang {
        Lang::En => cmd,
        Lang::Nl => translate(cmd, ""),
    }
}

/// Parses `args` with the help (and `--help`'s output) in `lang`. The words
/// only matter when the help is shown or the command line is wrong: a
/// command line that parses is read with the English definitions, which
/// parse the same, and only otherwise are the Dutch ones built.
pub fn parse_from(args: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    match parse_with(&mut command(Lang::En), args.clone(), lang) {
        Err(_) if lang != Lang::En => parse_with(&mut command(lang), args, lang),
        parsed => parsed,
    }
}

fn parse_with(cmd: &mut Command, args: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    let matches = cmd.try_get_matches_from_mut(args)?;
    super::scope::check(cmd, &matches, lang)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.with_cmd(cmd))
}

/// Gives the command at `path` and everything below it their Dutch help.
fn translate(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd
        .help_template(HELP_TEMPLATE_NL)
        .subcommand_help_heading(COMMANDS_NL)
        .subcommand_value_name(COMMAND_NL);
    if let Some((about, after)) = command_help(path) {
        cmd = cmd.about(about).long_about(None);
        if !after.is_empty() {
            cmd = cmd.after_help(after).after_long_help(None);
        }
    }
    let mut cmd = cmd.mut_args(|arg| translate_arg(arg, path));
    // clap writes "[OPTIONS]" in every usage; the rest is Dutch by now.
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
    let cmd = cmd.override_usage(usage.replace("[OPTIONS]", OPTIONS_TAG_NL));
    cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let path = if path.is_empty() {
            name
        } else {
            format!("{path} {name}")
        };
        translate(sub, &path)
    })
}

/// An argument of the command at `path` with its Dutch help, value names, and
/// the values and default that clap would list in English.
fn translate_arg(arg: Arg, path: &str) -> Arg {
    let heading = if arg.is_positional() {
        ARGUMENTS_NL
    } else {
        OPTIONS_NL
    };
    let names = value_names(&arg);
    // Under a heading of their own, arguments are listed by display order
    // and then by name: positional ones keep their order by their place.
    let place = arg.get_index().filter(|_| arg.is_positional());
    let mut arg = arg.help_heading(heading);
    if let Some(place) = place {
        arg = arg.display_order(place);
    }
    // A name without a Dutch one (a test finds none) keeps its English.
    let dutch: Option<Vec<&'static str>> = names.iter().map(|n| value_name(n)).collect();
    if let Some(dutch) = dutch.filter(|d| !d.is_empty()) {
        arg = arg.value_names(dutch);
    }
    let help = arg_help(path, arg.get_id().as_ref());
    let mut help = help.map_or_else(
        || arg.get_help().map(ToString::to_string).unwrap_or_default(),
        str::to_string,
    );
    let takes_values = arg.get_action().takes_values();
    let values = arg.get_possible_values();
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        // Values with their own help are named in the Dutch help.
        if values.iter().all(|v| v.get_help().is_none()) {
            let names: Vec<String> = values.iter().map(|v| v.get_name().to_string()).collect();
            help = format!("{help} {}", possible_values(&names));
        }
        arg = arg.hide_possible_values(true);
    }
    let defaults = arg.get_default_values();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let shown: Vec<String> = defaults
            .iter()
            .map(|d| match d.to_string_lossy() {
                text if text.is_empty() => "\"\"".to_string(),
                text => text.into_owned(),
            })
            .collect();
        help = format!("{help} {}", default_value(&shown));
        arg = arg.hide_default_value(true);
    }
    arg.help(help).long_help(None)
}

/// The names of an argument's values, as the usage shows them.
pub(super) fn value_names(arg: &Arg) -> Vec<String> {
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![arg.get_id().to_string().to_ascii_uppercase()],
    }
}

/// Every command's path and every argument's id, from `cmd` down, for the
/// test that each has its Dutch help.
pub fn paths(cmd: &Command, path: &str, out: &mut Vec<(String, Vec<String>)>) {
    let ids = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    out.push((path.to_string(), ids));
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        let sub_path = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path} {name}")
        };
        paths(sub, &sub_path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn every_command_and_argument_has_its_dutch_help() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut all = Vec::new();
        paths(&cmd, "", &mut all);
        let mut missing = Vec::new();
        for (path, ids) in &all {
            if command_help(path).is_none() {
                missing.push(format!("command `{path}`"));
            }
            for id in ids {
                if arg_help(path, id).is_none() {
                    missing.push(format!("`{path}` --{id}"));
                }
            }
        }
        assert!(missing.is_empty(), "no Dutch help for: {missing:#?}");
        // And the Dutch differs from the English wherever there is English.
        for (path, _) in &all {
            let (about, _) = command_help(path).unwrap();
            assert!(!about.is_empty(), "`{path}`");
        }
    }

    #[test]
    fn the_dutch_command_line_has_dutch_help_and_parses_the_same() {
        let nl = command(Lang::Nl);
        let set = nl.find_subcommand("set").unwrap();
        assert_eq!(
            set.get_about().unwrap().to_string(),
            "Zet de status van een project voor het planjaar (of --year)"
        );
        let args = os(&["aoplan", "--lang", "nl", "set", "x", "done"]);
        let cli = parse_from(args, Lang::Nl).unwrap();
        assert!(matches!(
            cli.command,
            Some(super::super::Command::Set { .. })
        ));
        assert_eq!(cli.global.lang, Some(Lang::Nl));
    }

    #[test]
    fn the_language_is_found_in_the_arguments_before_parsing() {
        assert_eq!(
            lang_in_args(&os(&["aoplan", "--lang", "nl", "check"])),
            Some(Lang::Nl)
        );
        assert_eq!(
            lang_in_args(&os(&["aoplan", "check", "--lang=EN"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_in_args(&os(&["aoplan", "--lang=nl", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_in_args(&os(&["aoplan", "find", "--", "--lang", "nl"])),
            None
        );
        assert_eq!(lang_in_args(&os(&["aoplan", "--lang", "fr"])), None);
        assert_eq!(lang_in_args(&os(&["aoplan"])), None);
    }
}
