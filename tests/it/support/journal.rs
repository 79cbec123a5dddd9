//! Where a user's journal lands: the state directory under their `HOME`.

use std::path::{Path, PathBuf};

/// The journal files under `home`'s state directory.
pub fn journal_files(home: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(home.join(".local/state/aoplan/journal")) {
        Ok(entries) => entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect(),
        Err(_) => Vec::new(),
    }
}
