//! The command line: global options and subcommands.

mod conflicts;
mod errors;
mod help;
mod listing;
mod planning;
mod reports;
mod scope;

use std::path::PathBuf;

use std::io::{self, Write};

use clap::{Args, CommandFactory, Parser, Subcommand};
use clap_complete::Shell;

use crate::as_of::Period;
use crate::i18n::Lang;
use crate::report::{Delimiter, Format, ReportFormat};

pub use conflicts::{ConflictsArgs, Settle, Which};
pub use errors::report as report_error;
pub use help::{command, lang_in_args, parse_from, paths};
pub use listing::ListArgs;
pub use planning::{AddCommand, ChangeKind, EditArgs, ItemArgs, Mode, MoveArgs, PlanArgs};

const AFTER_HELP: &str = "\
Examples:
  aoplan                                   open the plan in the terminal UI
  aoplan find overgang                     search the plan
  aoplan show programma-loyale-tegenspraak
  aoplan set programma-loyale-tegenspraak done
  aoplan add project --in loyale-tegenspraak --title 'Podcastreeks'
  aoplan report --focus --format markdown  progress of the focus themes
  aoplan --file team.ron check

The plan file is --file, else $AOPLAN_FILE, else `file` in the config file,
else plan.ron in the user's data directory (created from the bundled
Activiteitenplan 2026 on first use). The config file is $AOPLAN_CONFIG, else
config.ron in the user's config directory (~/.config/aoplan on Linux).

Exit status: 0 done; 1 failed, nothing saved; 2 a bad command line; 3 the
output could not be written (a change made by a command that saves, such as set,
add or rollover, is saved all the same, and stderr says so); 129 or 128+N when the UI ends on a hang-up or
signal N.";

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
    #[arg(long, short = 'y', global = true, value_name = "YEAR", value_parser = errors::number_in::<u16>(2000, Some(2100)))]
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
    /// Put the bundled Activiteitenplan 2026 in place as the plan (never replacing one)
    #[command(
        after_help = "Examples:\n  aoplan init\n  aoplan init --file /srv/plannen/activiteitenplan.ron\n\nOnly `aoplan init` and the interactive `aoplan` create the default plan file;\nother commands without a plan say how to point at one."
    )]
    Init,
    /// Search projects by words, phrases and filters (status, owner, year, focus)
    #[command(after_help = crate::i18n::FIND_HELP_EN)]
    Find {
        /// Words, "exact words" and filters: status:S, eigenaar:NAME (owner:), jaar:YEAR (year:), focus
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print a JSON array instead of text
        #[arg(long)]
        json: bool,
        /// Show at most this many results (0: all)
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
    },
    /// List every project that passes the filters: status, owner, focus, theme, changed since
    #[command(after_help = crate::i18n::LIST_HELP_EN)]
    List(ListArgs),
    /// Show everything about one project, sub-theme or theme, or the archive
    #[command(
        after_help = "Examples:\n  aoplan show programma-loyale-tegenspraak\n  aoplan show programma-loyale-tegenspraak --json\n  aoplan show loyale-tegenspraak          # a sub-theme and its projects\n  aoplan show ambtelijk-vakmanschap       # a theme and its sub-themes\n  aoplan show --archived                  # what `aoplan rm` archived\n  aoplan show programma-loyale-tegenspraak --as-of 2026-06-30\n\nWith --as-of, the item as it was at the end of DATE (local time), rebuilt from\nthe plan's history; DATE may also be an RFC 3339 time."
    )]
    Show {
        /// The id of a project (see `aoplan find`), sub-theme or theme
        #[arg(required_unless_present = "archived")]
        id: Option<String>,
        /// List the archive instead
        #[arg(long, conflicts_with = "id")]
        archived: bool,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Show it as it was at the end of this day (or at this time)
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Set a project's status for the plan year (or --year)
    #[command(
        after_help = "Examples:\n  aoplan set programma-loyale-tegenspraak done\n  aoplan set programma-loyale-tegenspraak Lopend --year 2027\n  aoplan set programma-loyale-tegenspraak none --year 2027\n\nStatuses: Planned/Gepland, InProgress/Lopend, Done/Afgerond, OnHold/Uitgesteld,\nCancelled/Vervallen (any case; `in-progress` and `on hold` work too); none/geen\nclears the year's status."
    )]
    Set {
        /// The project's id
        id: String,
        /// The new status, or `none` to clear it
        status: String,
    },
    /// Report progress per theme and sub-theme, for the board
    #[command(after_help = reports::REPORT_HELP)]
    Report {
        /// The output format
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
        /// Only the theme with this id (a wrong id lists the close ones)
        #[arg(long, value_name = "ID", conflicts_with = "focus")]
        theme: Option<String>,
        /// Only the focus themes (★)
        #[arg(long)]
        focus: bool,
        /// The plan as it was at the end of this day (or at this time)
        #[arg(long, value_name = "DATE", conflicts_with_all = ["compare", "by"])]
        as_of: Option<String>,
        /// Compare two dates: per theme the counts at both, and every project whose status changed
        #[arg(long, num_args = 2, value_names = ["DATE1", "DATE2"], conflicts_with = "by")]
        compare: Option<Vec<String>>,
        /// Counts per status at the end of each month or quarter of the plan year
        #[arg(long, value_enum, value_name = "PERIOD")]
        by: Option<Period>,
        /// The CSV delimiter (default: `;` in Dutch, `,` in English)
        #[arg(long, value_enum, value_name = "DELIMITER")]
        delimiter: Option<Delimiter>,
    },
    /// List the changes in a period, grouped by theme: statuses, texts, structure
    #[command(
        after_help = CHANGES_HELP
    )]
    Changes {
        /// The start of the period (a day, a week or a time; see below)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        since: String,
        /// The end of the period (default: now)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        until: Option<String>,
        /// Only these kinds of change (default: all)
        #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
        kind: Vec<ChangeKind>,
        /// Every recorded change, also those undone or combined into one line
        #[arg(long)]
        all: bool,
        /// The CSV delimiter (default: `;` in Dutch, `,` in English)
        #[arg(long, value_enum, value_name = "DELIMITER")]
        delimiter: Option<Delimiter>,
        /// The output format
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Start a new plan year: open projects carry their status over
    #[command(
        after_help = "Examples:\n  aoplan rollover 2027 --dry-run\n  aoplan rollover 2027\n\nProjects that are Planned, InProgress or OnHold in the plan year get the same\nstatus in YEAR; Done and Cancelled ones get none. Then YEAR becomes the plan\nyear. Running it again changes nothing. No history entries are added."
    )]
    Rollover {
        /// The new plan year, after the current one
        #[arg(value_name = "YEAR")]
        new_year: String,
        /// Show what would change, and save nothing
        #[arg(long)]
        dry_run: bool,
    },
    // The planning commands: shaping the plan itself.
    /// Add a project, sub-theme or theme
    #[command(
        subcommand,
        after_help = "Examples:\n  aoplan add project --in loyale-tegenspraak --title 'Podcastreeks tegenspraak'\n  aoplan add subtheme --in ambtelijk-vakmanschap --name 'Digitale weerbaarheid'\n  aoplan add theme --name 'Duurzame inzetbaarheid' --focus"
    )]
    Add(AddCommand),
    /// Change a project's, sub-theme's or theme's texts, or a theme's focus
    #[command(after_help = planning::EDIT_HELP)]
    Edit(EditArgs),
    /// Move a project or sub-theme to another parent, or reorder an item
    #[command(after_help = planning::MOVE_HELP)]
    Move(MoveArgs),
    /// Archive a project, sub-theme or theme (with its history; restorable)
    #[command(after_help = planning::RM_HELP)]
    Rm(ItemArgs),
    /// Put an archived item back where it was
    #[command(after_help = planning::RESTORE_HELP)]
    Restore(ItemArgs),
    /// Show or set the plan's fund, title and year
    #[command(after_help = planning::PLAN_HELP)]
    Plan(PlanArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  aoplan completions bash > ~/.local/share/bash-completion/completions/aoplan\n  aoplan completions zsh > ~/.zfunc/_aoplan\n  aoplan completions fish > ~/.config/fish/completions/aoplan.fish"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff)
    #[command(after_help = "Example:\n  aoplan man | man -l -")]
    Man,
    /// Start a new, empty plan file (never replacing one)
    #[command(after_help = NEW_HELP)]
    New {
        #[command(flatten)]
        start: StartArgs,
    },
    /// Start a new plan file from a Markdown outline (never replacing one)
    #[command(after_help = IMPORT_HELP)]
    Import {
        /// The outline: a Markdown file, or - for standard input
        #[arg(value_name = "OUTLINE.md")]
        outline: PathBuf,
        #[command(flatten)]
        start: StartArgs,
    },
    /// Write the plan to standard output in another format
    #[command(after_help = EXPORT_HELP)]
    Export {
        /// The output format
        #[arg(long, value_enum, default_value_t)]
        format: ExportFormat,
    },
    /// git's merge driver for plan files: a three-way merge, field by field
    #[command(after_help = MERGE_DRIVER_HELP)]
    MergeDriver {
        /// The common ancestor (git's %O)
        base: PathBuf,
        /// Our version, which receives the result (git's %A)
        ours: PathBuf,
        /// Their version (git's %B)
        theirs: PathBuf,
        /// The file's name in the repository (git's %P), for messages
        path: Option<String>,
    },
    /// List the open conflicts a git merge left in the plan, and settle them
    #[command(after_help = conflicts::CONFLICTS_HELP)]
    Conflicts(ConflictsArgs),
    /// Register aoplan as git's merge driver for the plan file (--file) in this repository
    #[command(
        after_help = "Example:\n  aoplan --file plan.ron git-setup\n\nRunning it again changes nothing. docs/git.md explains the workflow."
    )]
    GitSetup,
}

const CHANGES_HELP: &str = "\
Examples:
  aoplan changes --since 2026-03-01
  aoplan changes --since 'vorige week' --until 'vorige week'
  aoplan changes --since -7d --kind status
  aoplan changes --since 1-1-2026 --until 31/3/2026 --format csv > q1.csv
  aoplan changes --since 2026-03-14T09:00:00+01:00 --format json
  aoplan changes --since 2026-01-01 --kind structure,text

DATE is a day in the local time zone (TZ, else the system's): 2026-11-29,
29-11-2026, 29/11/2026 (day first), 29 nov 2026, vandaag/today,
gisteren/yesterday, -7d, 7 dagen geleden/7 days ago; without a year (29 nov,
29-11, 29/11) the latest such day up to today; or a week, Monday to
Sunday: deze week/this week, vorige week/last week; or an RFC 3339 time.
--since starts at the start of its day or week, --until ends at the end of it.
Times are shown in the local time zone; JSON gives `at` in UTC and `at_local`
with its offset. Changes of items that are no longer in a theme (the plan's
own fields, archived themes) come last, under \"Plan and archive\". Positions
count from 1. In CSV, `id` and `project` name the item changed, whatever its
kind.";

const MERGE_DRIVER_HELP: &str = "\
Run by git, set up with `aoplan git-setup`:
  git config merge.aoplan.driver 'aoplan merge-driver %O %A %B %P'

Changes to different fields or items on both sides are all kept; a field both
sides changed goes to the later change by the recorded history, and the other
value is kept in the plan as an open conflict (`aoplan conflicts` lists and
settles them). Exit status 0 when merged (written to OURS); 1 when a side does
not load (OURS untouched, and git reports a conflict).";

const NEW_HELP: &str = "\
Examples:
  aoplan new --fund 'A&O-fonds Provincies' --title 'Activiteitenplan 2027' --year 2027 --file plan-2027.ron
  aoplan new --fund 'A&O fonds Gemeenten' --title 'Plan 2027' --year 2027 --file plan.ron --json

--year (required) is the new plan's year. The file must not exist yet: it is
created, never replaced. Exit status 0 when created, 1 when not (nothing written).";

const IMPORT_HELP: &str = "\
Examples:
  aoplan import data/examples/gemeenten-2021.md --fund 'A&O fonds Gemeenten' \\
      --title 'Activiteitenplan 2021' --year 2021 --file gemeenten.ron
  aoplan export --file plan.ron | aoplan import - --fund F --title T --year 2026 --file copy.ron

The outline: `# Theme` (a trailing `*` or `(focus)` marks a focus theme),
`## Sub-theme`, `- Project`; text directly under a heading is its intro, text
indented by two spaces under a project its details. Projects are Planned in
--year (required) unless `{status=…}` says otherwise; ids are made from the
titles unless `{#id}` gives one. docs/format.md (\"Outlines\") has it all.
A mistake is reported with its line and column, and nothing is written. The
file must not exist yet: it is created, never replaced.";

const EXPORT_HELP: &str = "\
Examples:
  aoplan export --format outline > plan.md
  aoplan export --year 2027 | less

The outline has every theme, sub-theme and project with its id, name or title,
intro or details, focus mark and status in the plan year (or --year); not the
owners, notes, history or other years. `aoplan import` reads it back.";

/// What `new` and `import` need besides the year and the file.
#[derive(Debug, Args)]
pub struct StartArgs {
    /// The fund's name, shown in the header
    #[arg(long, value_name = "NAME")]
    pub fund: String,
    /// The plan's title
    #[arg(long, value_name = "TITLE")]
    pub title: String,
    /// Print a JSON object instead of text
    #[arg(long)]
    pub json: bool,
    /// Check and say what would be created, and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// The formats of `aoplan export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ExportFormat {
    /// The Markdown outline that `aoplan import` reads
    #[default]
    Outline,
}

impl Cli {
    /// Checks what the declarations cannot say: `new` and `import` require the
    /// global `--year`. A missing one is a command-line error (exit status 2).
    pub fn checked(self, lang: Lang) -> Result<Cli, clap::Error> {
        let name = match self.command {
            Some(Command::New { .. }) => "new",
            Some(Command::Import { .. }) => "import",
            _ => return Ok(self),
        };
        if self.global.year.is_some() {
            return Ok(self);
        }
        let mut cli = help::command(lang);
        let command = cli
            .find_subcommand_mut(name)
            .expect("the subcommand is declared");
        let year = command
            .get_arguments()
            .find(|a| a.get_id() == "year")
            .and_then(|a| a.get_value_names()?.first().cloned())
            .map_or_else(|| "YEAR".to_string(), |n| n.to_string());
        Err(errors::missing(command, &format!("--year <{year}>")))
    }
}

/// Writes the completion script for `shell`, its descriptions in `lang`.
pub fn completions(shell: Shell, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    // clap_complete panics when a write fails (`> /dev/full`): generate in memory.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut help::command(lang), "aoplan", &mut script);
    out.write_all(&script)
}

/// Writes the manual page, in roff.
pub(crate) fn man_page(out: &mut dyn Write) -> io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)
}
