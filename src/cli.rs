//! The command line: global options and subcommands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::i18n::Lang;

const AFTER_HELP: &str = "\
Examples:
  aoplan                                   open the plan in the terminal UI
  aoplan find overgang                     fuzzy-search the plan
  aoplan show programma-loyale-tegenspraak
  aoplan set programma-loyale-tegenspraak done
  aoplan --file team.ron check

The plan file is --file, else $AOPLAN_FILE, else plan.ron in the user's data
directory (created from the bundled Activiteitenplan 2026 on first use).";

/// Browse, search and update the A&O-fonds activity plan in the terminal.
#[derive(Debug, Parser)]
#[command(name = "aoplan", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The plan file (default: $AOPLAN_FILE, else the user's data directory)
    #[arg(long, short = 'f', global = true, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// The plan year to show and edit (default: the plan's `year`)
    #[arg(long, short = 'y', global = true, value_name = "YEAR", value_parser = clap::value_parser!(u16).range(2000..=2100))]
    pub year: Option<u16>,
    /// Language of the interface (default: from LC_ALL, LC_MESSAGES or LANG)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Never write to the plan file
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Leave the mouse to the terminal, so its own text selection works
    #[arg(long, global = true)]
    pub no_mouse: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that the plan file loads and is valid
    #[command(
        after_help = "Example:\n  aoplan check --file data/activiteitenplan-2026.ron\n\nExit status 0 when the plan is good, 1 with every problem listed when not."
    )]
    Check,
    /// Print the path of the plan file in use
    #[command(after_help = "Example:\n  aoplan path")]
    Path,
    /// Fuzzy-search projects by title, details, owner, notes, id, theme and sub-theme
    #[command(
        after_help = "Examples:\n  aoplan find overgang\n  aoplan find 'ideeen' --json | jq '.[0].id'\n\nCase and accents are ignored; every word must match."
    )]
    Find {
        /// What to look for
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print a JSON array instead of text
        #[arg(long)]
        json: bool,
        /// Show at most this many results
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
    },
    /// Show everything about one project
    #[command(
        after_help = "Examples:\n  aoplan show programma-loyale-tegenspraak\n  aoplan show programma-loyale-tegenspraak --json"
    )]
    Show {
        /// The project's id (see `aoplan find`)
        id: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Set a project's status for the plan year (or --year)
    #[command(
        after_help = "Examples:\n  aoplan set programma-loyale-tegenspraak done\n  aoplan set programma-loyale-tegenspraak Lopend --year 2027\n\nStatuses: Planned/Gepland, InProgress/Lopend, Done/Afgerond, OnHold/Uitgesteld,\nCancelled/Vervallen (any case; `in-progress` and `on hold` work too)."
    )]
    Set {
        /// The project's id
        id: String,
        /// The new status
        status: String,
    },
}
