//! The words of search, in the UI's `/` and in `aoplan find`: the fields a
//! result matched in, what is wrong with a query, and `find`'s help.

use super::Lang;

/// Fixed search texts of one language.
pub struct SearchTexts {
    /// The fields a result can match in.
    pub title: &'static str,
    pub id: &'static str,
    pub owner: &'static str,
    pub notes: &'static str,
    pub details: &'static str,
    pub intro: &'static str,
    pub subtheme: &'static str,
    pub theme: &'static str,
    /// Under an empty query: what can be typed.
    pub placeholder: &'static str,
    /// What the filters are, after a problem with one.
    pub filters: &'static str,
}

pub static NL_SEARCH: SearchTexts = SearchTexts {
    title: "titel",
    id: "id",
    owner: "eigenaar",
    notes: "notities",
    details: "omschrijving",
    intro: "intro",
    subtheme: "subthema",
    theme: "thema",
    placeholder: "woorden, \"precies zo\", status:lopend, eigenaar:naam, jaar:2027, focus",
    filters: "filters: status:lopend, eigenaar:naam, jaar:2027, focus",
};

pub static EN_SEARCH: SearchTexts = SearchTexts {
    title: "title",
    id: "id",
    owner: "owner",
    notes: "notes",
    details: "details",
    intro: "intro",
    subtheme: "sub-theme",
    theme: "theme",
    placeholder: "words, \"exact words\", status:done, owner:name, year:2027, focus",
    filters: "filters: status:done, owner:name, year:2027, focus",
};

/// `aoplan find --help`, after the options.
pub const FIND_HELP_NL: &str = "Voorbeelden:
  aoplan find overgang
  aoplan find kwaalen                 # één tikfout mag, in woorden van 5 letters of meer
  aoplan find 'status:lopend focus' --json
  aoplan find '\"digitale leeroplossingen\"' jaar:2026
  aoplan find status:gepland werkdruk

Hoofdletters, accenten, krulletjes van aanhalingstekens en soorten streepjes tellen
niet mee. Elk woord moet passen: in de titel, eigenaar, notities, id of omschrijving,
of in de naam van het subthema of thema. Hele woorden en woordbegin komen eerst.
Filters: status:S (Nederlands of Engels, het begin is genoeg, meer met komma's,
geen), eigenaar:NAAM, jaar:JAAR (het jaar van de status), focus. \"Woorden tussen
aanhalingstekens\" moeten precies zo staan.";

/// `aoplan find --help`, after the options.
pub const FIND_HELP_EN: &str = "Examples:
  aoplan find overgang
  aoplan find kwaalen                 # one typo is forgiven in words of 5 letters or more
  aoplan find 'status:lopend focus' --json
  aoplan find '\"digitale leeroplossingen\"' jaar:2026
  aoplan find status:gepland werkdruk

Case, accents, curly quotes and kinds of dashes are ignored. Every word must match:
in the title, owner, notes, id or description, or in the name of the sub-theme or
theme. Whole words and word starts rank first. Filters: status:S (Dutch or English,
a start is enough, several with commas, none), owner:NAME, year:YEAR (the year of the
status), focus; eigenaar: and jaar: work too. \"Quoted words\" must stand just so.";

impl Lang {
    /// The search texts of this language.
    pub fn search(self) -> &'static SearchTexts {
        match self {
            Lang::Nl => &NL_SEARCH,
            Lang::En => &EN_SEARCH,
        }
    }

    /// `find`'s help after the options.
    pub fn find_help(self) -> &'static str {
        match self {
            Lang::Nl => FIND_HELP_NL,
            Lang::En => FIND_HELP_EN,
        }
    }

    /// A filter was typed without its value.
    pub fn filter_needs_value(self, key: &str) -> String {
        match self {
            Lang::Nl => format!("na `{key}:` hoort een waarde ({})", NL_SEARCH.filters),
            Lang::En => format!("`{key}:` needs a value ({})", EN_SEARCH.filters),
        }
    }

    /// A `status:` value that names no status.
    pub fn no_such_status(self, value: &str) -> String {
        match self {
            Lang::Nl => format!(
                "geen status heet `{value}`: kies Gepland, Lopend, Afgerond, Uitgesteld, Vervallen of geen"
            ),
            Lang::En => format!(
                "no status is called `{value}`: choose Planned, In progress, Done, On hold, Cancelled or none"
            ),
        }
    }

    /// A `jaar:` value that is no year.
    pub fn no_such_year(self, value: &str) -> String {
        match self {
            Lang::Nl => format!("`{value}` is geen jaartal (zoals jaar:2027)"),
            Lang::En => format!("`{value}` is not a year (write it as in year:2027)"),
        }
    }

    /// A `focus:` value other than yes or no.
    pub fn bad_focus(self, value: &str) -> String {
        match self {
            Lang::Nl => format!("`focus:{value}`: schrijf focus, focus:ja of focus:nee"),
            Lang::En => format!("`focus:{value}`: write focus, focus:yes or focus:no"),
        }
    }

    /// Tokens that look like filters but are none; they were searched as words.
    pub fn not_filters(self, keys: &[String]) -> String {
        let keys = keys
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        match self {
            Lang::Nl => format!(
                "{keys} is geen filter (gezocht als woord); {}",
                NL_SEARCH.filters
            ),
            Lang::En => format!(
                "{keys} is no filter (searched as a word); {}",
                EN_SEARCH.filters
            ),
        }
    }

    /// `find` found no project.
    pub fn no_project_matches(self, query: &str) -> String {
        match self {
            Lang::Nl => format!("geen project past bij {query:?}"),
            Lang::En => format!("no project matches {query:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_help_gives_the_same_examples_in_both_languages() {
        let examples = |help: &'static str| -> Vec<&'static str> {
            help.lines()
                .filter(|l| l.starts_with("  aoplan "))
                .map(|l| l.split('#').next().unwrap_or(l).trim())
                .collect()
        };
        assert_eq!(examples(FIND_HELP_NL), examples(FIND_HELP_EN));
        assert_eq!(examples(FIND_HELP_EN).len(), 5);
    }

    #[test]
    fn messages_in_both_languages() {
        let both = |f: &dyn Fn(Lang) -> String| (f(Lang::Nl), f(Lang::En));
        for (nl, en) in [
            both(&|l| l.filter_needs_value("status")),
            both(&|l| l.no_such_status("xyz")),
            both(&|l| l.no_such_year("20")),
            both(&|l| l.bad_focus("misschien")),
            both(&|l| l.not_filters(&["thema:".into()])),
            both(&|l| l.no_project_matches("q")),
        ] {
            assert_ne!(nl, en);
        }
        assert!(Lang::Nl.no_such_status("xyz").contains("Lopend"));
        assert!(Lang::En.no_such_status("xyz").contains("In progress"));
        assert_eq!(Lang::Nl.search().owner, "eigenaar");
        assert_eq!(Lang::En.search().subtheme, "sub-theme");
    }
}
