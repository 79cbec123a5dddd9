//! A half-typed inline edit, kept beside the plan when the terminal hangs up so it
//! can be offered again at the next start.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::edit::Field;

/// What the file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    pub project: String,
    pub field: RecoveredField,
    pub text: String,
}

/// The text fields that have an inline editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecoveredField {
    Owner,
    Notes,
}

impl Recovery {
    pub fn new(project: String, field: Field, text: String) -> Option<Recovery> {
        let field = match field {
            Field::Owner => RecoveredField::Owner,
            Field::Notes => RecoveredField::Notes,
            Field::Status(_) => return None,
        };
        Some(Recovery {
            project,
            field,
            text,
        })
    }

    pub fn field(&self) -> Field {
        match self.field {
            RecoveredField::Owner => Field::Owner,
            RecoveredField::Notes => Field::Notes,
        }
    }
}

/// `.<plan name>.recover` beside the plan file.
pub fn path_for(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan.ron".into());
    plan.with_file_name(format!(".{name}.recover"))
}

/// Writes the recovery file durably; errors are returned for the caller to report.
pub fn save(plan: &Path, recovery: &Recovery) -> std::io::Result<()> {
    let text = ron::to_string(recovery).map_err(std::io::Error::other)?;
    let path = path_for(plan);
    let file = fs::File::create(&path)?;
    std::io::Write::write_all(&mut &file, text.as_bytes())?;
    file.sync_all()
}

/// Takes the recovery file: reads it and removes it. A damaged file is removed too.
pub fn take(plan: &Path) -> Option<Recovery> {
    let path = path_for(plan);
    let text = fs::read_to_string(&path).ok()?;
    let _ = fs::remove_file(&path);
    ron::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_and_take_once() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        let r = Recovery::new("p".into(), Field::Notes, "half “typed” ë 🙂".into()).unwrap();
        save(&plan, &r).unwrap();
        assert!(dir.path().join(".plan.ron.recover").exists());
        assert_eq!(take(&plan), Some(r));
        assert_eq!(take(&plan), None);
    }
}
