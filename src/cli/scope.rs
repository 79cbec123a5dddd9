//! Global options only where they apply: `--year`, `--read-only`, `--file` and
//! `--no-mouse` are declared once (global), hidden from the help of the
//! commands they mean nothing to, and refused there (exit status 2).

use clap::parser::ValueSource;
use clap::{ArgMatches, Command};

use crate::i18n::Lang;

/// Each global option, and the commands it means nothing to. A command not
/// named takes it; the interactive `aoplan` (no command) takes them all.
const NOT_FOR: &[(&str, &[&str])] = &[
    ("file", &["completions", "man", "merge-driver"]),
    (
        "year",
        &[
            "check",
            "path",
            "init",
            "changes",
            "rollover",
            "edit",
            "move",
            "rm",
            "restore",
            "completions",
            "man",
            "merge-driver",
            "conflicts",
            "git-setup",
        ],
    ),
    (
        "read_only",
        &[
            "check",
            "path",
            "find",
            "show",
            "report",
            "changes",
            "export",
            "completions",
            "man",
            "merge-driver",
            "git-setup",
        ],
    ),
];

/// Options of the terminal UI only: no command takes them.
const UI_ONLY: &[&str] = &["no_mouse"];

/// The options that mean nothing to the top-level command `name`.
fn not_for(name: &str) -> impl Iterator<Item = &'static str> + '_ {
    let listed = NOT_FOR
        .iter()
        .filter(move |(_, commands)| commands.contains(&name))
        .map(|(id, _)| *id);
    listed.chain(UI_ONLY.iter().copied())
}

/// The option's name on the command line.
fn flag(id: &str) -> String {
    format!("--{}", id.replace('_', "-"))
}

/// Hides, in a built command line, every global option from the help of the
/// commands (and their subcommands) it means nothing to.
pub(super) fn hide(cmd: Command) -> Command {
    cmd.mut_subcommands(|sub| {
        let ids: Vec<&str> = not_for(sub.get_name()).collect();
        hide_in(sub, &ids)
    })
}

fn hide_in(cmd: Command, ids: &[&str]) -> Command {
    // In place: a built command finds its arguments by their position.
    let cmd = cmd.mut_args(|a| {
        let hidden = ids.contains(&a.get_id().as_str());
        let hidden = hidden || a.is_hide_set();
        a.hide(hidden)
    });
    cmd.mut_subcommands(|sub| hide_in(sub, ids))
}

/// Refuses a global option given to a command it means nothing to.
pub(super) fn check(
    cmd: &mut Command,
    matches: &ArgMatches,
    lang: Lang,
) -> Result<(), clap::Error> {
    let Some((name, _)) = matches.subcommand() else {
        return Ok(());
    };
    let given = not_for(name).find(|id| matches.value_source(id) == Some(ValueSource::CommandLine));
    let Some(id) = given else {
        return Ok(());
    };
    let message = lang.option_not_for(&flag(id), name);
    let sub = cmd
        .find_subcommand_mut(name)
        .expect("the subcommand was parsed");
    Err(super::errors::said(
        sub,
        clap::error::ErrorKind::UnknownArgument,
        message,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_named_exists() {
        let cmd = <super::super::Cli as clap::CommandFactory>::command();
        for (id, commands) in NOT_FOR {
            assert!(cmd.get_arguments().any(|a| a.get_id() == *id), "{id}");
            for name in *commands {
                assert!(cmd.find_subcommand(name).is_some(), "{name}");
            }
        }
    }
}
