//! The report command's help, and the check of the date arguments of
//! `report` and `show`, made once the language of messages is known.

use super::{Cli, Command};
use crate::dates;
use crate::i18n::Lang;
use crate::timestamp::Timestamp;

pub(super) const REPORT_HELP: &str = "\
Examples:
  aoplan report
  aoplan report --focus --format markdown > voortgang.md
  aoplan report --theme ambtelijk-vakmanschap --year 2027
  aoplan report --format csv > voortgang.csv
  aoplan report --as-of 2026-06-30
  aoplan report --compare 2026-03-31 2026-09-30 --format markdown
  aoplan report --by quarter --focus

Text shows progress bars when printed to a terminal. CSV has one row per project
(--compare: one per theme and count, then one per changed project; --by: one per
period).

DATE is a day in the local time zone (TZ, else the system's), read as
`changes --since` reads it (2026-06-30, 30-06-2026, 30 jun 2026, gisteren,
-7d, vorige week …), standing for its end; or an RFC 3339 time such as
2026-06-30T17:00:00+02:00. The plan at a date is rebuilt from its history; where
the history does not reach back, the report says so. --by counts at the end of
each month or quarter of the plan year in local time; periods not yet ended show
no counts.";

impl Cli {
    /// Checks the date arguments (`--as-of`, `--compare`), once the language
    /// of messages is known: a date that is not one is a command-line error
    /// (exit status 2), with examples of the forms that are.
    pub fn dates_checked(
        self,
        lang: Lang,
        now: Timestamp,
        zone: &jiff::tz::TimeZone,
    ) -> Result<Cli, clap::Error> {
        let (name, dates): (&str, Vec<(&str, &String)>) = match &self.command {
            Some(Command::Report { as_of, compare, .. }) => (
                "report",
                (as_of.iter().map(|d| ("--as-of", d)))
                    .chain(compare.iter().flatten().map(|d| ("--compare", d)))
                    .collect(),
            ),
            Some(Command::List(args)) => (
                "list",
                (args.changed_since.iter())
                    .map(|d| ("--changed-since", d))
                    .collect(),
            ),
            Some(Command::Changes { since, until, .. }) => (
                "changes",
                [("--since", since)]
                    .into_iter()
                    .chain(until.iter().map(|d| ("--until", d)))
                    .collect(),
            ),
            Some(Command::Show { as_of, .. }) => {
                ("show", as_of.iter().map(|d| ("--as-of", d)).collect())
            }
            _ => return Ok(self),
        };
        for (flag, text) in dates {
            if let Err(e) = dates::parse_moment(text, now, zone) {
                let mut cli = super::help::command(lang);
                let command = cli
                    .find_subcommand_mut(name)
                    .expect("the subcommand is declared");
                let message = lang.bad_date(flag, &lang.date_error(&e));
                return Err(super::errors::said(
                    command,
                    clap::error::ErrorKind::ValueValidation,
                    message,
                ));
            }
        }
        Ok(self)
    }
}
