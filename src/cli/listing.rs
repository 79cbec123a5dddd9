//! `aoplan list`: every project that passes a filter.

use clap::Args;

/// The filters and output of `aoplan list`; they combine (and).
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only projects with this status in the plan year (or --year); several are any of them
    #[arg(long, value_name = "STATUS", value_delimiter = ',')]
    pub status: Vec<String>,
    /// Only projects whose owner has a word starting so (case and accents ignored)
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Only the projects of focus themes (★)
    #[arg(long)]
    pub focus: bool,
    /// Only the projects of the theme with this id
    #[arg(long, value_name = "ID")]
    pub theme: Option<String>,
    /// Only projects changed since this day (or time, or week); see `changes --since`
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub changed_since: Option<String>,
    /// Print a JSON array instead of text
    #[arg(long)]
    pub json: bool,
    /// Show at most this many projects (0: all, as without it)
    #[arg(long, short = 'n', value_name = "N", default_value_t = 0)]
    pub limit: usize,
}
