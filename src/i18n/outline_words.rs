//! Why `aoplan import` could not read an outline ([`crate::outline`]), in
//! Dutch and English. `Display` of the error is the English.

use std::fmt;

use super::Lang;
use crate::outline::{ErrorKind, Item, MAX_ITEMS, MAX_OUTLINE_BYTES};

/// Text from the outline shortened for a message, and made safe to show.
fn clip(s: &str) -> String {
    const MAX: usize = 60;
    let s = match s.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    };
    crate::terminal_safe::line(&s).into_owned()
}

impl Lang {
    /// "theme name", "sub-theme name", "project title": the text a line gives.
    fn outline_text_name(self, item: Item) -> &'static str {
        match (self, item) {
            (Lang::Nl, Item::Theme) => "naam van het thema",
            (Lang::Nl, Item::Subtheme) => "naam van het subthema",
            (Lang::Nl, Item::Project) => "titel van het project",
            (Lang::En, Item::Theme) => "theme name",
            (Lang::En, Item::Subtheme) => "sub-theme name",
            (Lang::En, Item::Project) => "project title",
        }
    }

    /// The line that makes an item: "`#` theme".
    fn outline_marker(self, item: Item) -> &'static str {
        match (self, item) {
            (Lang::Nl, Item::Theme) => "`#`-thema",
            (Lang::Nl, Item::Subtheme) => "`##`-subthema",
            (Lang::Nl, Item::Project) => "`-`-project",
            (Lang::En, Item::Theme) => "`#` theme",
            (Lang::En, Item::Subtheme) => "`##` sub-theme",
            (Lang::En, Item::Project) => "`-` project",
        }
    }

    /// Why an outline could not be read, to follow `FILE:LINE:COL: `.
    pub fn outline_error(self, kind: &ErrorKind) -> String {
        use ErrorKind as E;
        let nl = self == Lang::Nl;
        match kind {
            E::TooLarge(_) if nl => format!(
                "de outline is groter dan de grens van {} MiB; is dit het goede bestand?",
                MAX_OUTLINE_BYTES >> 20
            ),
            E::TooLarge(_) => format!(
                "the outline is larger than the limit of {} MiB; is this the right file?",
                MAX_OUTLINE_BYTES >> 20
            ),
            E::InvalidUtf8(b) if nl => {
                format!("ongeldige UTF-8 (byte 0x{b:02X}); een outline moet UTF-8-tekst zijn")
            }
            E::InvalidUtf8(b) => {
                format!("invalid UTF-8 (byte 0x{b:02X}); an outline must be UTF-8 text")
            }
            E::TooManyItems if nl => format!(
                "meer dan {MAX_ITEMS} thema’s, subthema’s en projecten: te groot voor een plan"
            ),
            E::TooManyItems => format!(
                "more than {MAX_ITEMS} themes, sub-themes and projects: too large for a plan"
            ),
            E::TextBeforeTheme if nl => {
                "tekst vóór het eerste thema: een outline begint met een kop `# Thema`".into()
            }
            E::TextBeforeTheme => {
                "text before the first theme: an outline starts with a `# Theme` heading".into()
            }
            E::SubthemeBeforeTheme if nl => {
                "een `##`-subthema vóór elk thema: verwacht erboven een kop `# Thema`".into()
            }
            E::SubthemeBeforeTheme => {
                "a `##` sub-theme before any theme: expected a `# Theme` heading above it".into()
            }
            E::ProjectBeforeSubtheme if nl => {
                "een `-`-project buiten een subthema: verwacht erboven een kop `## Subthema`, \
                 onder zijn thema"
                    .into()
            }
            E::ProjectBeforeSubtheme => {
                "a `-` project outside a sub-theme: expected a `## Sub-theme` heading above it, \
                 under its theme"
                    .into()
            }
            E::DeepHeading(level) if nl => format!(
                "een kop van niveau {level}: een outline kent alleen `#`-thema’s en `##`-subthema’s \
                 (schrijf `\\#` voor tekst die met # begint)"
            ),
            E::DeepHeading(level) => format!(
                "a level-{level} heading: an outline has only `#` themes and `##` sub-themes \
                 (write `\\#` for text that starts with #)"
            ),
            E::NoSpaceAfterHash if nl => {
                "verwacht een spatie na `#` voor een kop, of `\\#` voor tekst die met # begint"
                    .into()
            }
            E::NoSpaceAfterHash => {
                "expected a space after `#` for a heading, or `\\#` for text that starts with #"
                    .into()
            }
            E::EmptyTitle(item) if nl => format!("de {} is leeg", self.outline_text_name(*item)),
            E::EmptyTitle(item) => format!("the {} is empty", self.outline_text_name(*item)),
            E::TabIndent if nl => {
                "een tab in het inspringen: spring in met spaties (twee voor de omschrijving van een project)"
                    .into()
            }
            E::TabIndent => {
                "a tab in the indentation: indent with spaces (two for a project's details)".into()
            }
            E::OddIndent if nl => {
                "één spatie ingesprongen: spring de omschrijving van een project twee spaties in"
                    .into()
            }
            E::OddIndent => {
                "indented by one space: indent a project's details by two spaces".into()
            }
            E::IndentedMarker if nl => {
                "een ingesprongen `#`, `-`, `*` of `+` is hier dubbelzinnig: begin een kop of project \
                 in de eerste kolom, of schrijf `\\#`, `\\-`, … voor tekst"
                    .into()
            }
            E::IndentedMarker => {
                "an indented `#`, `-`, `*` or `+` here is ambiguous: start a heading or project \
                 in the first column, or write `\\#`, `\\-`, … for text"
                    .into()
            }
            E::TextAfterProject if nl => {
                "tekst zonder inspringen na een project: spring de omschrijving van een project \
                 twee spaties in (een inleiding hoort direct onder zijn kop `#` of `##`)"
                    .into()
            }
            E::TextAfterProject => {
                "unindented text after a project: indent a project's details by two spaces \
                 (an intro belongs directly under its `#` or `##` heading)"
                    .into()
            }
            E::FocusNotOnTheme(item) if nl => format!(
                "alleen een `#`-thema kan focus zijn (`*` of `(focus)`), geen {}; \
                 schrijf `\\*` of `\\(focus)` voor een {} die zo eindigt",
                self.outline_marker(*item),
                self.outline_text_name(*item)
            ),
            E::FocusNotOnTheme(item) => format!(
                "only a `#` theme can be marked focus (`*` or `(focus)`), not a {}; \
                 write `\\*` or `\\(focus)` for a {} that ends so",
                self.outline_marker(*item),
                self.outline_text_name(*item)
            ),
            E::EmptyAttributes if nl => {
                "lege `{}`: verwacht `{#id}` of `{#id status=InProgress}`, of `\\}` voor tekst die op } eindigt"
                    .into()
            }
            E::EmptyAttributes => {
                "empty `{}`: expected `{#id}` or `{#id status=InProgress}`, or `\\}` for text that ends with }"
                    .into()
            }
            E::UnmatchedBrace if nl => {
                "een `}` sluit de regel af, maar geen `{` opent kenmerken: schrijf `\\}` voor tekst die op } eindigt"
                    .into()
            }
            E::UnmatchedBrace => {
                "a `}` ends the line but no `{` opens attributes: write `\\}` for text that ends with }"
                    .into()
            }
            E::UnknownAttribute(found) if nl => format!(
                "onbekend kenmerk `{}` in `{{…}}`: verwacht `#id` of `status=…` \
                 (schrijf `\\}}` voor tekst die op }} eindigt)",
                clip(found)
            ),
            E::UnknownAttribute(found) => format!(
                "unknown attribute `{}` in `{{…}}`: expected `#id` or `status=…` \
                 (write `\\}}` for text that ends with }})",
                clip(found)
            ),
            E::AttributeTwice(what) if nl => {
                format!("`{what}` staat twee keer in één `{{…}}`")
            }
            E::AttributeTwice(what) => format!("`{what}` is given twice in one `{{…}}`"),
            E::MalformedId(id) if nl => format!(
                "id `{}` is ongeldig: gebruik kleine letters a–z, cijfers en `-`",
                clip(id)
            ),
            E::MalformedId(id) => format!(
                "id `{}` is malformed: use lowercase letters a–z, digits and `-`",
                clip(id)
            ),
            E::DuplicateId { id, first_line } if nl => format!(
                "id `{}` staat al op regel {first_line}; een id komt maar één keer voor in het plan",
                clip(id)
            ),
            E::DuplicateId { id, first_line } => format!(
                "id `{}` is already used on line {first_line}; ids are unique across the plan",
                clip(id)
            ),
            E::StatusNotOnProject(item) if nl => format!(
                "`status=` hoort bij een `-`-project, niet bij een {}",
                self.outline_marker(*item)
            ),
            E::StatusNotOnProject(item) => format!(
                "`status=` belongs on a `-` project, not a {}",
                self.outline_marker(*item)
            ),
            E::UnknownStatus { found, suggestion } if nl => format!(
                "onbekende status `{}`{}; verwacht Gepland, Lopend, Afgerond, Uitgesteld, \
                 Vervallen, hun Engelse namen, of niets",
                clip(found),
                suggestion.map(|s| format!(" (bedoelde je `{s}`?)")).unwrap_or_default()
            ),
            E::UnknownStatus { found, suggestion } => format!(
                "unknown status `{}`{}; expected Planned, InProgress, Done, OnHold, Cancelled, \
                 their Dutch names, or none",
                clip(found),
                suggestion.map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default()
            ),
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.outline_error(self))
    }
}
