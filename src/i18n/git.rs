//! Messages of `aoplan merge-driver` and `aoplan git-setup`.

use super::Lang;

impl Lang {
    /// The merge driver wrote the merged plan.
    pub fn merged_plan(self, name: &str, conflicts: usize) -> String {
        match self {
            Lang::Nl => format!("{name}: samengevoegd, {conflicts} conflict(en)"),
            Lang::En => format!("{name}: merged, {conflicts} conflict(s)"),
        }
    }

    /// A field both sides changed: which value was kept, and which was not.
    pub fn merge_conflict(self, what: &str, kept: &str, lost: &str) -> String {
        match self {
            Lang::Nl => format!("conflict in {what}: {kept} gehouden (later), {lost} niet"),
            Lang::En => format!("conflict in {what}: kept {kept} (later), not {lost}"),
        }
    }

    /// A side of the merge that does not load: git is left to report a conflict.
    pub fn merge_unreadable(self, error: &str) -> String {
        match self {
            Lang::Nl => format!("samenvoegen niet mogelijk, bestand ongewijzigd: {error}"),
            Lang::En => format!("cannot merge, file left untouched: {error}"),
        }
    }

    /// The merged plan did not validate (nothing written).
    pub fn merge_invalid(self, problems: &str) -> String {
        match self {
            Lang::Nl => format!("samengevoegd plan is ongeldig, niets geschreven: {problems}"),
            Lang::En => format!("the merged plan is not valid, nothing written: {problems}"),
        }
    }

    /// The merged plan could not be written.
    pub fn merge_write_failed(self, path: &str, reason: &str) -> String {
        match self {
            Lang::Nl => format!("{path}: kan niet schrijven: {reason}"),
            Lang::En => format!("{path}: cannot write: {reason}"),
        }
    }

    /// `git-setup`: a step done, or found done already.
    pub fn git_setup_step(self, what: &str, done_before: bool) -> String {
        match (self, done_before) {
            (Lang::Nl, false) => format!("ingesteld: {what}"),
            (Lang::Nl, true) => format!("was al ingesteld: {what}"),
            (Lang::En, false) => format!("set: {what}"),
            (Lang::En, true) => format!("already set: {what}"),
        }
    }

    /// `git-setup` outside a git repository, or `git` failing.
    pub fn git_failed(self, what: &str) -> String {
        match self {
            Lang::Nl => format!("git mislukt: {what}"),
            Lang::En => format!("git failed: {what}"),
        }
    }
}
