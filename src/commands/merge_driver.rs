//! git as the engine between machines: `aoplan merge-driver`, the merge driver
//! git runs for plan files, and `aoplan git-setup`, which registers it.
//!
//! The driver merges field by field, by id ([`crate::edit::merge3`]). A field
//! both sides changed goes to the later change; the other value is kept in the
//! plan as an open conflict (`aoplan conflicts`) and reported on stderr. A side that does not load leaves the file untouched and exits 1, so
//! that git reports a conflict.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use super::{Failure, Invocation, Outcome};
use crate::codec;
use crate::edit::{self, merge3};
use crate::i18n::Lang;
use crate::storage;
use crate::terminal_safe::line;

/// `aoplan merge-driver %O %A %B %P`: merges `theirs` into `ours` (git's %A,
/// which receives the result).
pub fn merge_driver(
    ctx: &Invocation,
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<&str>,
    out: &mut dyn Write,
) -> Outcome {
    let lang = ctx.lang;
    let load = |p: &Path| {
        storage::load(p).map_err(|e| Failure(lang.merge_unreadable(&lang.file_fault(&e.fault()))))
    };
    let (b, o, t) = (load(base)?, load(ours)?, load(theirs)?);
    let merged = merge3(&b, &o, &t);
    let problems = merged.plan.validate();
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(Failure(lang.merge_invalid(&list.join("; "))));
    }
    write_atomically(ours, codec::to_ron(&merged.plan).as_bytes()).map_err(|e| {
        Failure(lang.merge_write_failed(&ours.display().to_string(), &lang.io_reason(&e)))
    })?;
    let name = name.map_or_else(|| ours.display().to_string(), str::to_string);
    let plan = &merged.plan;
    let mut report = vec![lang.merged_plan(&name, plan.conflicts.len())];
    report.extend(plan.conflicts.iter().enumerate().map(|(i, c)| {
        let (kept, other) = edit::shown(&c.field);
        let what = format!(
            "{}. {} — {}",
            i + 1,
            lang.conflict_path(plan, c),
            lang.conflict_field_name(plan, c)
        );
        lang.merge_conflict(&what, &lang.value_text(kept), &lang.value_text(other))
    }));
    for message in report {
        // git shows the driver's output; stdout stays free for the caller.
        let _ = writeln!(std::io::stderr(), "aoplan: {}", line(&message));
    }
    let _ = out;
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// synced, then renamed over it.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    std::fs::File::open(dir)?.sync_all()
}

/// `aoplan git-setup`: registers the merge driver for the plan file in the
/// current git repository. Running it again changes nothing.
pub fn git_setup(ctx: &Invocation, out: &mut dyn Write) -> Outcome {
    let lang = ctx.lang;
    // Outside a repository git says so in its own words; ours say what to do.
    let top = git(&["rev-parse", "--show-toplevel"]).map_err(|e| match e {
        GitError::Refused(_) => Failure(lang.not_in_git()),
        e => Failure(e.said(lang)),
    })?;
    let name = (ctx.path.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan.ron".into());
    let attributes = Path::new(&top).join(".gitattributes");
    let wanted = format!("{} merge=aoplan", name.replace(' ', "[[:space:]]"));
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(Failure(format!(
                "{}: {}",
                attributes.display(),
                lang.io_reason(&e)
            )));
        }
    };
    let present = existing.lines().any(|l| l.trim() == wanted);
    if !present {
        let mut text = existing.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&wanted);
        text.push('\n');
        write_atomically(&attributes, text.as_bytes()).map_err(|e| {
            Failure(lang.merge_write_failed(&attributes.display().to_string(), &lang.io_reason(&e)))
        })?;
    }
    let what = format!(".gitattributes: {wanted}");
    writeln!(out, "{}", line(&lang.git_setup_step(&what, present)))?;
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "aoplan".into());
    let driver = format!("{} merge-driver %O %A %B %P", shell_quote(&exe));
    for (key, value) in [
        (
            "merge.aoplan.name",
            "aoplan: plan files merged field by field",
        ),
        ("merge.aoplan.driver", driver.as_str()),
    ] {
        let now = git(&["config", "--local", "--get", key]).ok();
        let same = now.as_deref() == Some(value);
        if !same {
            git(&["config", "--local", key, value]).map_err(|e| Failure(e.said(lang)))?;
        }
        let what = format!("git config {key} {value:?}");
        writeln!(out, "{}", line(&lang.git_setup_step(&what, same)))?;
    }
    Ok(())
}

/// Why running git failed.
enum GitError {
    Missing,
    Io(std::io::Error),
    /// git ran and refused, in its own words.
    Refused(String),
}

impl GitError {
    fn said(&self, lang: Lang) -> String {
        match self {
            GitError::Missing => lang.git_missing(),
            GitError::Io(e) => lang.git_failed(&lang.io_reason(e)),
            GitError::Refused(why) => lang.git_failed(why),
        }
    }
}

/// Runs git in the current directory; its trimmed output, or why it failed.
fn git(args: &[&str]) -> Result<String, GitError> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => GitError::Missing,
            _ => GitError::Io(e),
        })?;
    if !output.status.success() {
        let err = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(GitError::Refused(err));
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// `s` quoted for the shell git runs the driver with.
fn shell_quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}
