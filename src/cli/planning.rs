//! The arguments of the planning commands: `add`, `edit`, `move`, `rm`,
//! `restore` and `plan`, which shape the plan itself, and the kinds of change
//! `changes --kind` picks.

use clap::{ArgGroup, Args, Subcommand, ValueEnum};

/// What `--json` and `--dry-run` mean to every planning command.
#[derive(Debug, Clone, Copy, Args)]
pub struct Mode {
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
    /// Show what would change, and save nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `aoplan add project|subtheme|theme`.
#[derive(Debug, Subcommand)]
pub enum AddCommand {
    /// Add a project to a sub-theme; prints its id
    #[command(after_help = ADD_PROJECT_HELP)]
    Project {
        /// The sub-theme's id
        #[arg(long = "in", value_name = "SUBTHEME_ID")]
        parent: String,
        /// The project's title
        #[arg(long)]
        title: String,
        /// Its description
        #[arg(long, default_value = "")]
        details: String,
        /// Who runs it
        #[arg(long, default_value = "")]
        owner: String,
        /// Its status for the plan year (or --year); `none` for no status
        #[arg(long, default_value = "Planned")]
        status: String,
        /// The id to give it (default: made from the title)
        #[arg(long)]
        id: Option<String>,
        #[command(flatten)]
        mode: Mode,
    },
    /// Add a sub-theme to a theme; prints its id
    #[command(after_help = ADD_SUBTHEME_HELP)]
    Subtheme {
        /// The theme's id
        #[arg(long = "in", value_name = "THEME_ID")]
        parent: String,
        /// The sub-theme's name
        #[arg(long)]
        name: String,
        /// Its introduction
        #[arg(long, default_value = "")]
        intro: String,
        /// The id to give it (default: made from the name)
        #[arg(long)]
        id: Option<String>,
        #[command(flatten)]
        mode: Mode,
    },
    /// Add a theme at the end of the plan; prints its id
    #[command(after_help = ADD_THEME_HELP)]
    Theme {
        /// The theme's name
        #[arg(long)]
        name: String,
        /// Its introduction
        #[arg(long, default_value = "")]
        intro: String,
        /// Mark it as a focus theme (★)
        #[arg(long)]
        focus: bool,
        /// The id to give it (default: made from the name)
        #[arg(long)]
        id: Option<String>,
        #[command(flatten)]
        mode: Mode,
    },
}

const ADD_PROJECT_HELP: &str = "\
Examples:
  aoplan add project --in loyale-tegenspraak --title 'Podcastreeks tegenspraak'
  aoplan add project --in integer-werken --title 'Dilemmatraining' --owner anna --status Lopend
  ID=$(aoplan add project --in integer-werken --title 'Quiz')   # the new id, for scripts

The id is made from the title (lowercase, accents folded, words joined by -) and
made unique with -2, -3, … when taken; --id chooses one. It never changes on a
rename or a move. The printed id is the one saved: if another writer took it
meanwhile, the project gets the next free one and stderr says so.
The status (default Planned) is for the plan year, or --year.";

const ADD_SUBTHEME_HELP: &str = "\
Examples:
  aoplan add subtheme --in ambtelijk-vakmanschap --name 'Digitale weerbaarheid'
  aoplan add subtheme --in ambtelijk-vakmanschap --name 'Ethiek' --intro 'Waarom.' --dry-run

The sub-theme goes at the end of the theme; `aoplan move ID --position N`
puts it elsewhere. Its letter (A., B., …) follows from its place.";

const ADD_THEME_HELP: &str = "\
Examples:
  aoplan add theme --name 'Duurzame inzetbaarheid' --focus
  aoplan add theme --name 'Arbeidsmarkt 2030' --intro 'Vooruitkijken.' --json";

/// `aoplan edit ID …`: which texts and flags to set.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("fields").required(true).multiple(true)))]
pub struct EditArgs {
    /// The id of the project, sub-theme or theme
    pub id: String,
    /// A project's title
    #[arg(long, group = "fields")]
    pub title: Option<String>,
    /// A project's description
    #[arg(long, group = "fields")]
    pub details: Option<String>,
    /// A project's owner ('' clears it)
    #[arg(long, group = "fields")]
    pub owner: Option<String>,
    /// A project's notes ('' clears them)
    #[arg(long, group = "fields")]
    pub notes: Option<String>,
    /// A sub-theme's or theme's name
    #[arg(long, group = "fields")]
    pub name: Option<String>,
    /// A sub-theme's or theme's introduction
    #[arg(long, group = "fields")]
    pub intro: Option<String>,
    /// Mark a theme as a focus theme (★)
    #[arg(long, group = "fields", conflicts_with = "no_focus")]
    pub focus: bool,
    /// Mark a theme as not a focus theme
    #[arg(long, group = "fields")]
    pub no_focus: bool,
    #[command(flatten)]
    pub mode: Mode,
}

pub const EDIT_HELP: &str = "\
Examples:
  aoplan edit programma-loyale-tegenspraak --title 'Programma Loyale Tegenspraak' --owner anna
  aoplan edit loyale-tegenspraak --name 'Loyale tegenspraak'     # a sub-theme
  aoplan edit arbeidsmarkt --focus                               # a theme
  aoplan edit programma-loyale-tegenspraak --notes '' --dry-run

Projects take --title, --details, --owner and --notes; sub-themes --name and
--intro; themes --name, --intro and --focus or --no-focus. Ids never change.";

/// `aoplan move ID [--to PARENT_ID] [--position N]`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("where").required(true).multiple(true)))]
pub struct MoveArgs {
    /// The id of the project, sub-theme or theme
    pub id: String,
    /// The sub-theme (for a project) or theme (for a sub-theme) to move it into
    #[arg(long, value_name = "PARENT_ID", group = "where")]
    pub to: Option<String>,
    /// Its place there, counting from 1 (default: the end of another parent)
    #[arg(long, value_name = "N", group = "where", value_parser = super::errors::number_in::<u32>(1, None))]
    pub position: Option<u32>,
    #[command(flatten)]
    pub mode: Mode,
}

pub const MOVE_HELP: &str = "\
Examples:
  aoplan move maatwerk-e-learning-integriteit --to loyale-tegenspraak
  aoplan move maatwerk-e-learning-integriteit --to loyale-tegenspraak --position 1
  aoplan move integer-werken --position 1          # reorder within its theme
  aoplan move arbeidsmarkt --position 2            # themes are reordered only

Positions count from 1, as the lists and sub-theme letters show them. History
stays with the item, and its id never changes.";

/// `aoplan rm ID` and `aoplan restore ID`.
#[derive(Debug, Args)]
pub struct ItemArgs {
    /// The id of the project, sub-theme or theme
    pub id: String,
    #[command(flatten)]
    pub mode: Mode,
}

pub const RM_HELP: &str = "\
Examples:
  aoplan rm maatwerk-e-learning-integriteit
  aoplan rm integer-werken --dry-run          # a sub-theme, with its projects

Nothing is deleted: the item moves to the plan's archive with its history (a
sub-theme or theme with everything in it), and `aoplan restore ID` puts it back
where it was. `aoplan show --archived` lists the archive.";

pub const RESTORE_HELP: &str = "\
Examples:
  aoplan show --archived
  aoplan restore maatwerk-e-learning-integriteit

The item returns to where it was archived from, with its history.";

/// `aoplan plan [--fund F] [--title T]` (and the global --year).
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The fund's name
    #[arg(long)]
    pub fund: Option<String>,
    /// The plan's title
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub mode: Mode,
}

pub const PLAN_HELP: &str = "\
Examples:
  aoplan plan                                  # the fund, title, year and counts
  aoplan plan --json
  aoplan plan --title 'Activiteitenplan 2026 (herzien)'
  aoplan plan --year 2027 --dry-run            # set the plan year

With --fund, --title or --year the plan's own fields are set; without, they are
shown. Setting the year carries no status over; `aoplan rollover YEAR` does.";

/// The kinds of change `aoplan changes --kind` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum ChangeKind {
    /// A project's status for a year
    Status,
    /// A title, description, owner, notes, name, introduction or the fund
    Text,
    /// A theme marked or unmarked as a focus theme
    Focus,
    /// The plan year
    Year,
    /// Added, moved or reordered, archived, restored or removed
    Structure,
}
