//! The words of listing: `aoplan list` and the UI's filter view (`F`, `M`),
//! and what the projects pane says when `f` filters it.

use super::Lang;

/// The fixed texts of listing in one language.
pub struct ListingTexts {
    /// The filter view's title, and its keys' heading in the help.
    pub view_title: &'static str,
    /// The filter view's title for "my projects".
    pub mine_title: &'static str,
    pub key_view: &'static str,
    pub hint_view: &'static str,
    pub key_mine: &'static str,
    pub hint_mine: &'static str,
    /// In the search: show the same query as a list.
    pub key_as_list: &'static str,
    pub hint_as_list: &'static str,
    /// In the filter view: the same query as a search.
    pub key_as_search: &'static str,
    pub hint_as_search: &'static str,
    pub key_to_project: &'static str,
    /// Under an empty filter: what can be typed.
    pub placeholder: &'static str,
    pub nothing: &'static str,
    /// The projects pane's title while `f` shows only open projects.
    pub only_open: &'static str,
    /// What `f` does, in the help.
    pub key_filter_open: &'static str,
}

static NL: ListingTexts = ListingTexts {
    view_title: "Projecten met filter",
    mine_title: "Mijn projecten",
    key_view: "Projecten van het hele plan met een filter",
    hint_view: "lijst",
    key_mine: "Mijn projecten: eigenaar ben ik",
    hint_mine: "mijn",
    key_as_list: "Deze zoekvraag als lijst, in planvolgorde",
    hint_as_list: "als lijst",
    key_as_search: "Zoek met hetzelfde filter",
    hint_as_search: "zoeken",
    key_to_project: "Naar het project in de panelen",
    placeholder: "status:lopend eigenaar:naam focus jaar:2027 sinds:-7d of woorden — leeg: alles",
    nothing: "Geen project past bij dit filter",
    only_open: "alleen open (f)",
    key_filter_open: "Projecten filteren: alle → alleen open → één status",
};

static EN: ListingTexts = ListingTexts {
    view_title: "Projects by filter",
    mine_title: "My projects",
    key_view: "Projects of the whole plan by a filter",
    hint_view: "list",
    key_mine: "My projects: owned by me",
    hint_mine: "mine",
    key_as_list: "This query as a list, in plan order",
    hint_as_list: "as list",
    key_as_search: "Search with the same filter",
    hint_as_search: "search",
    key_to_project: "Go to the project in the panes",
    placeholder: "status:done owner:name focus year:2027 since:-7d or words — empty: all",
    nothing: "No project matches this filter",
    only_open: "only open (f)",
    key_filter_open: "Filter projects: all → only open → one status",
};

/// `aoplan list --help`, after the options.
pub const LIST_HELP_NL: &str = "Voorbeelden:
  aoplan list --status uitgesteld
  aoplan list --owner zoe                     # ook Zoë de Vries
  aoplan list --status lopend --status gepland --focus
  aoplan list --theme ambtelijk-vakmanschap --year 2027
  aoplan list --changed-since 'vorige week' --json

Filters tellen samen (en); meer --status betekent een van die. Statussen in het
Nederlands of Engels, het begin is genoeg, geen/none voor geen status. --owner
past op het begin van een woord van de eigenaar, zonder op hoofdletters of
accenten te letten. --changed-since leest dezelfde datums als `changes --since`.
--limit 0 betekent: geen grens (dat is ook zonder --limit zo).
Afsluitcode 0 met projecten, 1 zonder (ook met --json, dat dan [] geeft).";

/// `aoplan list --help`, after the options.
pub const LIST_HELP_EN: &str = "Examples:
  aoplan list --status on-hold
  aoplan list --owner zoe                     # Zoë de Vries too
  aoplan list --status lopend --status planned --focus
  aoplan list --theme ambtelijk-vakmanschap --year 2027
  aoplan list --changed-since 'last week' --json

Filters combine (and); several --status mean any of them. Statuses in Dutch or
English, a start is enough, none/geen for no status. --owner matches the start
of a word of the owner, ignoring case and accents. --changed-since reads the
dates `changes --since` reads. --limit 0 means no limit (as without --limit).
Exit status 0 with projects, 1 with none (with --json too, which prints []).";

impl Lang {
    pub fn listing(self) -> &'static ListingTexts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// `aoplan list` found nothing.
    pub fn nothing_listed(self) -> &'static str {
        match self {
            Lang::Nl => "geen project past bij dit filter",
            Lang::En => "no project matches this filter",
        }
    }

    /// The filter view's count: "12 van 77 projecten".
    pub fn listed_count(self, shown: usize, all: usize) -> String {
        match self {
            Lang::Nl => format!("{shown} van {all} projecten"),
            Lang::En => format!("{shown} of {all} projects"),
        }
    }

    /// The projects pane's title while `f` shows one status: "alleen Lopend (f)".
    pub fn only_status(self, status: crate::plan::Status) -> String {
        match self {
            Lang::Nl => format!("alleen {} (f)", self.status(status)),
            Lang::En => format!("only {} (f)", self.status(status)),
        }
    }

    /// The last line of `aoplan list`: how many are shown, and of how many
    /// found when `-n` left some out.
    pub fn listed_total(self, n: usize, found: usize) -> String {
        if found > n {
            return match (self, n) {
                (Lang::Nl, 1) => format!("Het eerste van {found} projecten (-n 0 toont ze alle)"),
                (Lang::Nl, _) => {
                    format!("De eerste {n} van {found} projecten (-n 0 toont ze alle)")
                }
                (Lang::En, 1) => format!("The first of {found} projects (-n 0 shows them all)"),
                (Lang::En, _) => {
                    format!("The first {n} of {found} projects (-n 0 shows them all)")
                }
            };
        }
        match (self, n) {
            (Lang::Nl, 1) => "1 project".into(),
            (Lang::Nl, _) => format!("{n} projecten"),
            (Lang::En, 1) => "1 project".into(),
            (Lang::En, _) => format!("{n} projects"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_differs_between_the_languages_where_words_are_used() {
        let (nl, en) = (Lang::Nl.listing(), Lang::En.listing());
        for (a, b) in [
            (nl.view_title, en.view_title),
            (nl.mine_title, en.mine_title),
            (nl.key_view, en.key_view),
            (nl.key_mine, en.key_mine),
            (nl.hint_mine, en.hint_mine),
            (nl.key_as_list, en.key_as_list),
            (nl.hint_as_list, en.hint_as_list),
            (nl.key_as_search, en.key_as_search),
            (nl.hint_as_search, en.hint_as_search),
            (nl.key_to_project, en.key_to_project),
            (nl.placeholder, en.placeholder),
            (nl.nothing, en.nothing),
            (nl.only_open, en.only_open),
            (nl.key_filter_open, en.key_filter_open),
            (LIST_HELP_NL, LIST_HELP_EN),
            (Lang::Nl.nothing_listed(), Lang::En.nothing_listed()),
        ] {
            assert_ne!(a, b);
        }
        assert_eq!(Lang::Nl.listed_count(3, 77), "3 van 77 projecten");
        assert_eq!(Lang::En.listed_total(1, 1), "1 project");
        assert_eq!(Lang::Nl.listed_total(2, 2), "2 projecten");
        assert_eq!(
            Lang::Nl.listed_total(3, 20),
            "De eerste 3 van 20 projecten (-n 0 toont ze alle)"
        );
        assert_eq!(
            Lang::En.listed_total(3, 20),
            "The first 3 of 20 projects (-n 0 shows them all)"
        );
    }
}
