//! References measured on the same data in the same run: `less` showing the plan
//! file, and `fzf --filter` over the same search entries.

use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use aoplan::plan::Plan;

use super::pty::{self, Res};
use super::scenarios::{COLS, ROWS};
use super::screen::text_at;

/// Runs per reference.
const RUNS: usize = 5;
/// Lines of the file that must be on screen.
const FIRST_LINES: usize = 3;

/// Time until `less` shows the first lines of `path`, per run; `None` when
/// `less` is not installed.
pub fn less(path: &Path) -> Res<Option<Vec<Duration>>> {
    let head: Vec<String> = first_lines(path)?;
    let argv = ["less".to_string(), path.display().to_string()];
    let env = [
        ("TERM", "xterm-256color"),
        ("LANG", "en_US.UTF-8"),
        ("LESSHISTFILE", "-"),
    ];
    let home = path.parent().ok_or("file without a directory")?;
    let shows_head = |s: &vt100::Screen| {
        head.iter()
            .zip(0..)
            .all(|(line, row)| text_at(s, row, 0, COLS) == *line)
    };
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let Ok((mut less, started)) = pty::spawn(&argv, &env, home, COLS, ROWS) else {
            return Ok(None);
        };
        let at = less.wait("less", &[&shows_head])?;
        times.push(at[0] - started);
        less.quit("q")?;
    }
    Ok(Some(times))
}

/// The file's first lines as a terminal of [`COLS`] columns shows them.
fn first_lines(path: &Path) -> Res<Vec<String>> {
    let mut bytes = vec![0u8; 4096];
    let n = std::io::Read::read(
        &mut File::open(path).map_err(|e| e.to_string())?,
        &mut bytes,
    )
    .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&bytes[..n]);
    Ok(text
        .lines()
        .take(FIRST_LINES)
        .map(|l| {
            l.chars()
                .take(usize::from(COLS))
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect())
}

/// One line per searchable entry: title, theme › sub-theme, id.
pub fn corpus(plan: &Plan) -> String {
    let mut out = String::new();
    for theme in &plan.themes {
        out.push_str(&format!("{}  {}\n", theme.name, theme.id));
        for sub in &theme.subthemes {
            out.push_str(&format!("{}  {}  {}\n", sub.name, theme.name, sub.id));
            for p in &sub.projects {
                out.push_str(&format!(
                    "{}  {} › {}  {}\n",
                    p.title, theme.name, sub.name, p.id
                ));
            }
        }
    }
    out
}

/// `fzf --filter query` over `corpus`: the time per run and the number of
/// matches; `None` when fzf is not installed.
pub fn fzf(corpus: &Path, query: &str) -> Res<Option<(Vec<Duration>, usize)>> {
    let mut times = Vec::with_capacity(RUNS);
    let mut matches = 0;
    for _ in 0..RUNS {
        let input = File::open(corpus).map_err(|e| e.to_string())?;
        let started = Instant::now();
        let run = Command::new("fzf")
            .args(["--filter", query])
            .stdin(input)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .output();
        let output = match run {
            Ok(output) => output,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("fzf: {e}")),
        };
        times.push(started.elapsed());
        matches = output.stdout.iter().filter(|&&b| b == b'\n').count();
    }
    Ok(Some((times, matches)))
}

/// Writes the search corpus of `plan` beside `path`.
pub fn write_corpus(plan: &Plan, path: &Path) -> Res<()> {
    fs::write(path, corpus(plan)).map_err(|e| format!("{}: {e}", path.display()))
}
