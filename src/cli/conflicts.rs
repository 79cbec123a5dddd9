//! The arguments of `aoplan conflicts`: list the open conflicts a git merge
//! left in the plan, and settle them (`keep`, `take`).

use clap::{ArgGroup, Args, Subcommand};

use super::Mode;

/// `aoplan conflicts [keep|take …]`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ConflictsArgs {
    #[command(subcommand)]
    pub settle: Option<Settle>,
    /// Print a JSON array instead of text
    #[arg(long)]
    pub json: bool,
}

/// How to settle open conflicts.
#[derive(Debug, Subcommand)]
pub enum Settle {
    /// Keep the plan's value: the conflict closes, nothing else changes
    #[command(after_help = KEEP_HELP)]
    Keep(Which),
    /// Take the other value, saved and recorded like `aoplan set` or `edit`; the conflict closes
    #[command(after_help = TAKE_HELP)]
    Take(Which),
}

/// Which open conflicts to settle.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true)))]
pub struct Which {
    /// The conflicts: each its number in `aoplan conflicts`, or its key
    #[arg(group = "which", value_name = "N|KEY")]
    pub conflicts: Vec<String>,
    /// Every open conflict
    #[arg(long, group = "which")]
    pub all: bool,
    #[command(flatten)]
    pub mode: Mode,
}

pub const CONFLICTS_HELP: &str = "\
Examples:
  aoplan conflicts                        # the open conflicts, numbered
  aoplan conflicts --json | jq -r '.[].key'
  aoplan conflicts keep 1                 # keep the plan's value
  aoplan conflicts take programma-loyale-tegenspraak:status:2026
  aoplan conflicts take --all --dry-run

When `git pull` merges two clones through aoplan (see `aoplan git-setup`), a
field both changed to different values goes to the later change; the other
value is kept in the plan as an open conflict until someone keeps the plan's
value or takes the other one. Each conflict has a number (its place in the
list, which changes as conflicts close) and a key that does not change
(ID:FIELD, like programma-loyale-tegenspraak:status:2026, loyale-tegenspraak:name
or :year for the plan's own fields).

Exit status 0 when the list is shown, also when it is empty (the JSON is
then []); 1 when the plan does not load.";

const KEEP_HELP: &str = "\
Examples:
  aoplan conflicts keep 1
  aoplan conflicts keep 1 3 --dry-run
  aoplan conflicts keep programma-loyale-tegenspraak:status:2026
  aoplan conflicts keep --all

The plan keeps the value it has; the conflict leaves the list. The other value
stays in the history. An unknown number or key changes nothing (exit status 1).";

const TAKE_HELP: &str = "\
Examples:
  aoplan conflicts take 1
  aoplan conflicts take programma-loyale-tegenspraak:status:2026 --json
  aoplan conflicts take --all --dry-run

The other value is set as an ordinary change (a status gets a history entry,
any other field an entry in the plan's log), saved under the lock like
`aoplan set`, and the conflict leaves the list. An unknown number or key, or a
value that can no longer be set (its item is gone), changes nothing (exit
status 1).";
