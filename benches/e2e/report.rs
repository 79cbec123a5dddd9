//! The results as markdown tables: medians beside the targets, misses marked.

use std::time::Duration;

use super::scenarios::Measured;

/// The plan sizes, in table order.
pub const SIZES: [&str; 3] = ["bundled (76)", "10 000", "100 000"];

#[derive(Clone, Copy)]
enum Unit {
    Ms,
    Bytes,
    Mb,
    Count,
}

impl Unit {
    fn show(self, value: f64) -> String {
        match self {
            Unit::Ms => format!("{value:.1} ms"),
            Unit::Bytes => format!("{value:.0} B"),
            Unit::Mb => format!("{value:.1} MB"),
            Unit::Count => format!("{value:.0}"),
        }
    }
}

/// One line of the table: how to read a value from a measurement, and its
/// target per size (none: reported, not judged).
struct Line {
    what: &'static str,
    unit: Unit,
    value: fn(&Measured) -> f64,
    targets: [Option<f64>; 3],
}

const fn all(target: f64) -> [Option<f64>; 3] {
    [Some(target), Some(target), Some(target)]
}

const LINES: [Line; 21] = [
    Line {
        what: "first frame after start (median of 5)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.first_frame),
        targets: [Some(25.0), Some(150.0), Some(1500.0)],
    },
    Line {
        what: "search: keystroke → updated results (median)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.search_results),
        targets: [Some(5.0), Some(16.0), Some(80.0)],
    },
    Line {
        what: "search: keystroke → updated results (max)",
        unit: Unit::Ms,
        value: |m| max_ms(&m.search_results),
        targets: [None; 3],
    },
    Line {
        what: "typing: keystroke → letter shown (median)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.search_echo),
        targets: [None; 3],
    },
    Line {
        what: "typing never blocked: keystroke → letter shown (max)",
        unit: Unit::Ms,
        value: |m| max_ms(&m.search_echo),
        targets: [None, None, Some(16.0)],
    },
    Line {
        what: "navigation key → screen (median)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.nav),
        targets: [Some(5.0), Some(5.0), Some(10.0)],
    },
    Line {
        what: "status edit → \"Saved\" on screen (median)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.edit_saved),
        targets: [Some(20.0), Some(100.0), Some(1000.0)],
    },
    Line {
        what: "`aoplan check`: load and validate, spawn → exit (median of 10)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.cli_check),
        targets: [None; 3],
    },
    Line {
        what: "`aoplan set`: spawn → durably saved, exit (median of 10)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.cli_set),
        targets: [None; 3],
    },
    Line {
        what: "`aoplan add project`: spawn → durably saved, exit (median of 10)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.cli_add),
        targets: [None, Some(100.0), None],
    },
    Line {
        what: "`aoplan check`, 20 history entries per project: loading alone (median of 10)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.cli_history_check),
        targets: [None; 3],
    },
    Line {
        what: "`aoplan report --as-of`, 20 history entries per project (median of 10)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.cli_as_of),
        targets: [None, Some(300.0), None],
    },
    Line {
        what: "`aoplan report --compare`, 20 history entries per project (median of 10)",
        unit: Unit::Ms,
        value: |m| median_ms(&m.cli_compare),
        targets: [None, Some(300.0), None],
    },
    Line {
        what: "UI not blocked: status edit → new status shown (max)",
        unit: Unit::Ms,
        value: |m| max_ms(&m.edit_shown),
        targets: [None, None, Some(16.0)],
    },
    Line {
        what: "bytes to the terminal per j/k, 120×40 (median)",
        unit: Unit::Bytes,
        value: |m| median(m.nav_bytes.iter().map(|&b| b as f64)),
        targets: all(3000.0),
    },
    Line {
        what: "peak RSS at the first frame (loading)",
        unit: Unit::Mb,
        value: |m| m.start_rss as f64 / 1e6,
        targets: [None; 3],
    },
    Line {
        what: "peak RSS (VmHWM) after the session",
        unit: Unit::Mb,
        value: |m| m.peak_rss as f64 / 1e6,
        targets: [Some(15.0), Some(60.0), Some(400.0)],
    },
    Line {
        what: "CPU while idle for 10 s (utime+stime, whole ticks)",
        unit: Unit::Ms,
        value: |m| m.idle.cpu_ms as f64,
        targets: all(0.0),
    },
    Line {
        what: "bytes to the terminal while idle for 10 s",
        unit: Unit::Bytes,
        value: |m| m.idle.bytes as f64,
        targets: [None; 3],
    },
    Line {
        what: "idle 10 s: exact time on the CPU, all threads (schedstat)",
        unit: Unit::Ms,
        value: |m| m.idle.on_cpu_ns as f64 / 1e6,
        targets: [None; 3],
    },
    Line {
        what: "idle 10 s: wake-ups (times scheduled)",
        unit: Unit::Count,
        value: |m| m.idle.wakeups as f64,
        targets: [None; 3],
    },
];

/// The e2e table; a size not measured shows "—".
pub fn table(results: &[Option<Measured>; 3]) -> String {
    let mut out = format!("| what | {} |\n|---|---|---|---|\n", SIZES.join(" | "));
    for line in &LINES {
        let cells: Vec<String> = results
            .iter()
            .zip(line.targets)
            .map(|(m, target)| {
                m.as_ref()
                    .map_or("—".into(), |m| cell(line.unit, (line.value)(m), target))
            })
            .collect();
        out.push_str(&format!("| {} | {} |\n", line.what, cells.join(" | ")));
    }
    out
}

fn cell(unit: Unit, value: f64, target: Option<f64>) -> String {
    match target {
        // Not measured at this size.
        _ if value.is_nan() => "—".into(),
        None => unit.show(value),
        Some(t) if value <= t => format!("{} (≤ {}) ✓", unit.show(value), unit.show(t)),
        Some(t) => format!("**{} (≤ {}) ✗ MISS**", unit.show(value), unit.show(t)),
    }
}

/// The references table: `less` and `fzf` per size.
pub fn references(
    less: &[Option<Vec<Duration>>; 3],
    fzf: &[Option<(Vec<Duration>, usize)>; 3],
) -> String {
    let mut out = format!("| reference | {} |\n|---|---|---|---|\n", SIZES.join(" | "));
    let less_cells: Vec<String> = less
        .iter()
        .map(|t| {
            t.as_ref()
                .map_or("—".into(), |t| Unit::Ms.show(median_ms(t)))
        })
        .collect();
    out.push_str(&format!(
        "| `less PLAN`: first screen (median of 5) | {} |\n",
        less_cells.join(" | ")
    ));
    let fzf_cells: Vec<String> = fzf
        .iter()
        .map(|r| {
            r.as_ref().map_or("—".into(), |(t, n)| {
                format!("{} ({n} matches)", Unit::Ms.show(median_ms(t)))
            })
        })
        .collect();
    out.push_str(&format!(
        "| `fzf --filter` (median of 5) | {} |\n",
        fzf_cells.join(" | ")
    ));
    out
}

pub fn median_ms(times: &[Duration]) -> f64 {
    median(times.iter().map(|t| t.as_secs_f64() * 1e3))
}

fn max_ms(times: &[Duration]) -> f64 {
    times
        .iter()
        .map(|t| t.as_secs_f64() * 1e3)
        .fold(0.0, f64::max)
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}
