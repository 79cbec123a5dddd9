//! Messages about the session and the file on disk: waiting for the lock, the
//! journal of unsaved edits, saving becoming possible again.

use super::Lang;

impl Lang {
    /// The footer while a save waits for another writer's lock.
    pub fn waiting_for(self, holder: &str) -> String {
        match self {
            Lang::Nl => format!("wachten op {holder}…"),
            Lang::En => format!("waiting for {holder}…"),
        }
    }

    pub fn writable_again(self) -> &'static str {
        match self {
            Lang::Nl => "Het plan kan weer worden opgeslagen",
            Lang::En => "The plan can be saved again",
        }
    }

    /// At start: edits from an earlier session were applied again.
    pub fn journal_replayed(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => {
                "1 niet opgeslagen wijziging uit een eerdere sessie opnieuw toegepast".into()
            }
            (Lang::Nl, n) => {
                format!("{n} niet opgeslagen wijzigingen uit een eerdere sessie opnieuw toegepast")
            }
            (Lang::En, 1) => "1 unsaved change from an earlier session applied again".into(),
            (Lang::En, n) => format!("{n} unsaved changes from an earlier session applied again"),
        }
    }

    /// Read-only at start, with a journal of an earlier session that is left alone.
    pub fn journal_kept(self, n: usize, path: &str) -> String {
        match self {
            Lang::Nl => format!(
                "{n} niet opgeslagen wijziging(en) uit een eerdere sessie staan in {path}; open het plan zonder --read-only om ze toe te passen"
            ),
            Lang::En => format!(
                "{n} unsaved change(s) from an earlier session are kept in {path}; open the plan without --read-only to apply them"
            ),
        }
    }

    /// On leaving with something not saved: where it is.
    pub fn journal_written(self, edits: usize, input: bool, path: &str) -> String {
        let what = match (self, edits, input) {
            (Lang::Nl, 0, _) => "Je half getypte invoer".to_string(),
            (Lang::Nl, 1, false) => "1 niet opgeslagen wijziging".to_string(),
            (Lang::Nl, n, false) => format!("{n} niet opgeslagen wijzigingen"),
            (Lang::Nl, n, true) => {
                format!("{n} niet opgeslagen wijziging(en) en je half getypte invoer")
            }
            (Lang::En, 0, _) => "Your half-typed input".to_string(),
            (Lang::En, 1, false) => "1 unsaved change".to_string(),
            (Lang::En, n, false) => format!("{n} unsaved changes"),
            (Lang::En, n, true) => format!("{n} unsaved change(s) and your half-typed input"),
        };
        match self {
            Lang::Nl => {
                format!("{what} staan in {path}; ze worden toegepast als je dit plan weer opent")
            }
            Lang::En => {
                format!("{what} are kept in {path}; they are applied when you open this plan again")
            }
        }
    }

    /// On leaving when even the journal could not be written.
    pub fn journal_failed(self, edits: usize, why: &str) -> String {
        match self {
            Lang::Nl => format!(
                "{edits} wijziging(en) konden niet worden opgeslagen en ook niet in het journaal: {why}"
            ),
            Lang::En => {
                format!("{edits} change(s) could not be saved, nor kept in the journal: {why}")
            }
        }
    }
}
