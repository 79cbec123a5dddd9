//! End to end: the release binary in a 120×40 pseudo-terminal on the bundled plan
//! and on synthetic plans of 10 000 and 100 000 projects, beside `less` and `fzf`
//! on the same data, and `check`, `set` and `add` on the command line, and
//! `report --as-of` and `--compare` on 10 000 projects after a year of use. Prints markdown tables with each median next to its target.
//!
//! `cargo bench --bench e2e` runs every size; `cargo bench --bench e2e -- bundled 10000`
//! runs only the sizes named.

use std::fs;
use std::path::{Path, PathBuf};

use aoplan::codec::to_ron;
use aoplan::plan::Plan;

#[path = "e2e/cli.rs"]
mod cli;
#[path = "e2e/interact.rs"]
mod interact;
#[path = "e2e/procfs.rs"]
mod procfs;
#[path = "e2e/pty.rs"]
mod pty;
#[path = "e2e/reference.rs"]
mod reference;
#[path = "e2e/report.rs"]
mod report;
#[path = "e2e/scenarios.rs"]
mod scenarios;
#[path = "e2e/screen.rs"]
mod screen;
#[path = "support/synthetic.rs"]
mod synthetic;

use pty::Res;
use scenarios::{Case, Measured};

/// The query both aoplan and fzf search for.
const QUERY: &str = "overgang werk";

/// The sizes, as named on the command line, in table order.
const NAMES: [&str; 3] = ["bundled", "10000", "100000"];

fn generate(slot: usize) -> Res<Plan> {
    match slot {
        0 => {
            let bundled = aoplan::storage::BUNDLED_PLAN.as_bytes();
            aoplan::storage::parse_plan(Path::new("bundled.ron"), bundled)
                .map_err(|e| e.to_string())
        }
        1 => Ok(synthetic::plan(10_000)),
        _ => Ok(synthetic::plan(100_000)),
    }
}

/// Writes the plan of a size and its search corpus into `dir`; the plan itself
/// is dropped, so that the starts fork a small process.
fn prepare(dir: &Path, slot: usize) -> Res<(Case, PathBuf)> {
    let plan = generate(slot)?;
    let home = dir.join(format!("plan-{slot}"));
    fs::create_dir_all(&home).map_err(|e| e.to_string())?;
    let path = home.join("plan.ron");
    fs::write(&path, to_ron(&plan)).map_err(|e| e.to_string())?;
    let corpus = home.join("corpus.txt");
    reference::write_corpus(&plan, &corpus)?;
    let first = &plan.themes[0].subthemes[0];
    let (subtheme, project) = (first.id.clone(), first.projects[0].id.clone());
    let case = Case {
        name: report::SIZES[slot].to_string(),
        path,
        fund: plan.fund,
        title: plan.title,
        subtheme,
        project,
    };
    Ok((case, corpus))
}

/// Gives freed heap pages back to the system, so that forking the programs
/// under test does not copy the page tables of a large, mostly free heap.
fn release_memory() {
    #[cfg(target_env = "gnu")]
    // SAFETY: malloc_trim only returns free heap memory to the kernel.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Per size: the app's measurements and the two references.
#[derive(Default)]
struct Results {
    app: [Option<Measured>; 3],
    less: [Option<Vec<std::time::Duration>>; 3],
    fzf: [Option<(Vec<std::time::Duration>, usize)>; 3],
}

fn run(dir: &Path, wanted: &[String]) -> Res<Results> {
    let mut results = Results::default();
    for (slot, name) in NAMES.into_iter().enumerate() {
        if !wanted.is_empty() && !wanted.iter().any(|w| w == name) {
            continue;
        }
        eprintln!("measuring {} …", report::SIZES[slot]);
        let (case, corpus) = prepare(dir, slot)?;
        release_memory();
        results.less[slot] = reference::less(&case.path)?;
        results.fzf[slot] = reference::fzf(&corpus, QUERY)?;
        let mut measured = Measured::default();
        scenarios::starts(&case, &mut measured)?;
        let plan = aoplan::storage::load(&case.path).map_err(|e| e.to_string())?;
        scenarios::session(&case, &plan, &mut measured)?;
        drop(plan);
        release_memory();
        // Last, on a small bench process, so that the adds change nothing the
        // session measures.
        cli::commands(&case, &mut measured)?;
        if slot == 1 {
            // The plan after a year of use, at the size the target is set for.
            let history = synthetic::with_history(10_000, 20);
            cli::as_of_commands(&case, &history, &mut measured)?;
            drop(history);
            release_memory();
        }
        results.app[slot] = Some(measured);
    }
    Ok(results)
}

/// The 1, 5 and 15 minute load averages: other work on the machine skews timings.
fn load_average() -> String {
    let all = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    all.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let before = load_average();
    let outcome = tempfile::tempdir()
        .map_err(|e| e.to_string())
        .and_then(|dir| run(dir.path(), &wanted));
    let results = match outcome {
        Ok(results) => results,
        Err(message) => {
            eprintln!("e2e benchmark failed: {message}");
            std::process::exit(1);
        }
    };
    println!("{}", report::table(&results.app));
    println!("{}", report::references(&results.less, &results.fzf));
    if results.fzf.iter().all(Option::is_none) {
        println!("fzf: not installed");
    }
    if results.less.iter().all(Option::is_none) {
        println!("less: not installed");
    }
    println!(
        "load average (1, 5, 15 min) before: {before}; after: {}",
        load_average()
    );
}
