//! The command line in the user's language: the language is found before
//! parsing (`--lang` in the arguments, else the config's, else the locale),
//! and for Dutch every command's description, examples and options get their
//! Dutch help ([`crate::i18n::help`]) through clap's builder.

use std::ffi::OsString;

use clap::{Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::Lang;
use crate::i18n::help::{
    ARGUMENTS_NL, COMMANDS_NL, HELP_TEMPLATE_NL, OPTIONS_NL, arg_help, command_help,
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
    if lang == Lang::En {
        return cmd;
    }
    cmd.build();
    translate(cmd, "")
}

/// Parses `args` with the help (and `--help`'s output) in `lang`.
pub fn parse_from(args: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    let mut cmd = command(lang);
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.with_cmd(&cmd))
}

/// Gives the command at `path` and everything below it their Dutch help.
fn translate(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd
        .help_template(HELP_TEMPLATE_NL)
        .subcommand_help_heading(COMMANDS_NL);
    if let Some((about, after)) = command_help(path) {
        cmd = cmd.about(about).long_about(None);
        if !after.is_empty() {
            cmd = cmd.after_help(after).after_long_help(None);
        }
    }
    let cmd = cmd.mut_args(|arg| {
        let id = arg.get_id().to_string();
        let heading = if arg.is_positional() {
            ARGUMENTS_NL
        } else {
            OPTIONS_NL
        };
        let mut arg = arg.help_heading(heading);
        if let Some(help) = arg_help(path, &id) {
            arg = arg.help(help).long_help(None);
        }
        // The values' own help is English; the Dutch help names them.
        if arg.get_possible_values().iter().any(|v| v.get_help().is_some()) {
            arg = arg.hide_possible_values(true);
        }
        arg
    });
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

/// Every command's path and every argument's id, from `cmd` down, for the
/// test that each has its Dutch help.
pub fn paths(cmd: &Command, path: &str, out: &mut Vec<(String, Vec<String>)>) {
    let ids = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
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
