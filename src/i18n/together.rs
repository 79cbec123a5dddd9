//! What the UI says when colleagues' changes and ours meet on the plan's
//! structure: archived items, renumbered additions.

use super::Lang;

impl Lang {
    /// Our change met an item someone else archived meanwhile.
    pub fn kept_on_archived(self, title: &str) -> String {
        match self {
            Lang::Nl => format!(
                "‘{title}’ is intussen door iemand anders gearchiveerd; je wijziging staat bij het gearchiveerde item"
            ),
            Lang::En => format!(
                "‘{title}’ was archived by someone else meanwhile; your change is kept on the archived item"
            ),
        }
    }

    /// A colleague changed an item that is archived (perhaps by us).
    pub fn changed_while_archived(self, who: &str, title: &str) -> String {
        match self {
            Lang::Nl => format!("{who} heeft ‘{title}’ gewijzigd, dat in het archief staat"),
            Lang::En => format!("{who} changed ‘{title}’, which is archived"),
        }
    }

    /// Our addition's id was taken by someone else's addition meanwhile.
    pub fn renumbered(self, title: &str, id: &str) -> String {
        match self {
            Lang::Nl => {
                format!("‘{title}’ is toegevoegd met id {id}: het eerste id was al in gebruik")
            }
            Lang::En => format!("‘{title}’ was added with id {id}: the first one was taken"),
        }
    }

    /// Undoing our addition met others' work on the item: archived instead.
    pub fn kept_in_archive(self, title: &str) -> String {
        match self {
            Lang::Nl => format!(
                "‘{title}’ is door anderen aangevuld en staat daarom in het archief in plaats van verwijderd"
            ),
            Lang::En => {
                format!("others added to ‘{title}’, so it was archived rather than removed")
            }
        }
    }
}
