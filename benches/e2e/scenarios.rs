//! One plan, measured end to end: starts, an idle spell, and a session of
//! navigation, search and status edits in the real binary.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use aoplan::plan::Plan;

use super::interact;
use super::procfs;
use super::pty::{self, Pty, Res};
use super::screen;

pub const COLS: u16 = 120;
pub const ROWS: u16 = 40;

/// Starts timed per plan.
const STARTS: usize = 5;
/// How long the app is left alone for the idle measurement.
const IDLE: Duration = Duration::from_secs(10);
/// Output stops this long after a frame before the next key is sent.
pub const SETTLE: Duration = Duration::from_millis(30);

/// A plan file and what its header shows.
pub struct Case {
    pub name: String,
    pub path: PathBuf,
    pub fund: String,
    pub title: String,
    /// The first sub-theme's id, where `aoplan add` adds projects.
    pub subtheme: String,
    /// Its first project's id, which `aoplan set` changes.
    pub project: String,
}

/// Everything measured on one plan.
#[derive(Debug, Default)]
pub struct Measured {
    pub first_frame: Vec<Duration>,
    pub nav: Vec<Duration>,
    pub nav_bytes: Vec<usize>,
    pub search_echo: Vec<Duration>,
    pub search_results: Vec<Duration>,
    pub edit_shown: Vec<Duration>,
    pub edit_saved: Vec<Duration>,
    /// `aoplan check`, `set` and `add project`: spawn to exit.
    pub cli_check: Vec<Duration>,
    pub cli_set: Vec<Duration>,
    pub cli_add: Vec<Duration>,
    /// `aoplan report --as-of` and `--compare` on the plan after a year of
    /// use (20 history entries per project): spawn to exit.
    pub cli_as_of: Vec<Duration>,
    pub cli_compare: Vec<Duration>,
    /// `aoplan check` on that plan: what loading it costs, for comparison.
    pub cli_history_check: Vec<Duration>,
    /// Peak RSS once the first frame is drawn: what loading cost.
    pub start_rss: u64,
    pub peak_rss: u64,
    pub idle: Idle,
}

/// Times [`STARTS`] starts and leaves the last one idle. Run this while the
/// benchmark process is small: every spawn forks it, page tables and all.
pub fn starts(case: &Case, m: &mut Measured) -> Res<()> {
    for n in 0..STARTS {
        let (mut app, first_frame) = start(case, true)?;
        m.first_frame.push(first_frame);
        if n + 1 == STARTS {
            // With the file watch on: it is part of what idling costs.
            m.idle = idle(&mut app)?;
        }
        quit(&mut app)?;
    }
    Ok(())
}

/// One session of navigation, search and status edits; `plan` is what the file
/// holds, to know what each screen must show.
pub fn session(case: &Case, plan: &Plan, m: &mut Measured) -> Res<()> {
    // The file watch off: a reload must not land inside a measurement.
    let (mut app, _) = start(case, false)?;
    m.start_rss = procfs::peak_rss(app.pid()?)?;
    let loc = interact::open_projects(&mut app, plan)?;
    let loc = interact::navigate(&mut app, plan, loc, m)?;
    interact::search(&mut app, plan, m)?;
    let last = interact::edit_statuses(&mut app, plan, loc, m)?;
    m.peak_rss = procfs::peak_rss(app.pid()?)?;
    quit(&mut app)?;
    let on_disk = aoplan::storage::load(&case.path).map_err(|e| e.to_string())?;
    let status = on_disk.project(loc).and_then(|p| p.status_in(on_disk.year));
    if status != Some(last) {
        return Err(format!("{}: the last edit is not on disk", case.name));
    }
    Ok(())
}

/// Starts aoplan on the plan; returns it showing its first frame, and how long that took.
fn start(case: &Case, watch: bool) -> Res<(Pty, Duration)> {
    let argv = [
        env!("CARGO_BIN_EXE_aoplan").to_string(),
        "--file".to_string(),
        case.path.display().to_string(),
    ];
    let mut env = vec![
        ("TERM", "xterm-256color"),
        ("LANG", "en_US.UTF-8"),
        ("USER", "bench"),
    ];
    if !watch {
        env.push(("AOPLAN_WATCH_MS", "0"));
    }
    let home = case.path.parent().ok_or("plan without a directory")?;
    let (mut app, started) = pty::spawn(&argv, &env, home, COLS, ROWS)?;
    let (fund, title) = (&case.fund, &case.title);
    let header = |s: &vt100::Screen| screen::header_shows(s, fund, title);
    let at = app.wait("the first frame", &[&header])?;
    app.drain(SETTLE)?;
    Ok((app, at[0] - started))
}

/// What the app costs while nobody touches it.
#[derive(Debug, Default)]
pub struct Idle {
    /// utime + stime, in whole clock ticks.
    pub cpu_ms: u64,
    /// Exact time on the CPU, all threads.
    pub on_cpu_ns: u64,
    /// Times a thread was scheduled: the wake-ups.
    pub wakeups: u64,
    /// Output to the terminal.
    pub bytes: usize,
}

/// Leaves the app alone for [`IDLE`] and reads what that cost.
fn idle(app: &mut Pty) -> Res<Idle> {
    let pid = app.pid()?;
    app.drain(Duration::from_millis(200))?;
    let ticks = procfs::cpu_ms(pid)?;
    let (ns, slices) = procfs::on_cpu(pid)?;
    let until = Instant::now() + IDLE;
    let mut bytes = 0;
    while Instant::now() < until {
        bytes += app.drain(until.saturating_duration_since(Instant::now()))?;
    }
    let (ns_after, slices_after) = procfs::on_cpu(pid)?;
    Ok(Idle {
        cpu_ms: procfs::cpu_ms(pid)? - ticks,
        on_cpu_ns: ns_after.saturating_sub(ns),
        wakeups: slices_after.saturating_sub(slices),
        bytes,
    })
}

fn quit(app: &mut Pty) -> Res<()> {
    let status = app.quit("q")?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("aoplan exited with {status:?}"))
    }
}
