//! Messages of `aoplan merge-driver` and `aoplan git-setup`.

use super::Lang;

impl Lang {
    /// The merge driver wrote the merged plan, with this many open conflicts.
    pub fn merged_plan(self, name: &str, conflicts: usize) -> String {
        match (self, conflicts) {
            (Lang::Nl, 0) => format!("{name}: samengevoegd"),
            (Lang::En, 0) => format!("{name}: merged"),
            (Lang::Nl, n) => format!(
                "{name}: samengevoegd, {} — `aoplan conflicts` toont ze, `aoplan conflicts keep N` of `take N` beslist er een",
                self.open_conflicts(n)
            ),
            (Lang::En, n) => format!(
                "{name}: merged, {} — `aoplan conflicts` lists them, `aoplan conflicts keep N` or `take N` settles one",
                self.open_conflicts(n)
            ),
        }
    }

    /// An open conflict after a merge: the value kept (the later change),
    /// and the other.
    pub fn merge_conflict(self, what: &str, kept: &str, other: &str) -> String {
        match self {
            Lang::Nl => format!("{what}: {kept} behouden (later), {other} staat open"),
            Lang::En => format!("{what}: kept {kept} (later), {other} is open"),
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

    /// `git-setup` where the current directory is in no git repository.
    pub fn not_in_git(self) -> String {
        match self {
            Lang::Nl => "hier is geen git-repository: start `aoplan git-setup` in de map van de repository waarin het plan staat".into(),
            Lang::En => "not in a git repository: run `aoplan git-setup` in the repository that holds the plan".into(),
        }
    }

    /// `git` is not installed.
    pub fn git_missing(self) -> String {
        match self {
            Lang::Nl => "git is niet gevonden: installeer git, of zet het in PATH".into(),
            Lang::En => "git was not found: install git, or put it on PATH".into(),
        }
    }
}
