//! What the kernel counts for a running process: peak memory and CPU time.

use std::fs;

use super::pty::Res;

/// Peak resident set size in bytes (`VmHWM`).
pub fn peak_rss(pid: u32) -> Res<u64> {
    let status = read(pid, "status")?;
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .ok_or("no VmHWM line")?;
    let kib: u64 = line
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .map_err(|e| format!("VmHWM {line:?}: {e}"))?;
    Ok(kib * 1024)
}

/// User plus system CPU time used so far, in milliseconds.
pub fn cpu_ms(pid: u32) -> Res<u64> {
    let stat = read(pid, "stat")?;
    // Fields after the command name, which is in parentheses and may hold spaces:
    // state is field 3, utime field 14 and stime field 15.
    let rest = stat.rsplit_once(')').ok_or("malformed stat")?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| -> Res<u64> {
        fields
            .get(i)
            .and_then(|f| f.parse().ok())
            .ok_or_else(|| format!("stat field {}", i + 3))
    };
    let used = ticks(11)? + ticks(12)?;
    // SAFETY: sysconf only reads a system constant.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Ok(used * 1000 / per_second)
}

fn read(pid: u32, file: &str) -> Res<String> {
    fs::read_to_string(format!("/proc/{pid}/{file}"))
        .map_err(|e| format!("/proc/{pid}/{file}: {e}"))
}

/// Time on the CPU in nanoseconds and the number of times scheduled, summed over
/// the process's threads (`/proc/PID/task/*/schedstat`): exact where `cpu_ms`
/// counts whole clock ticks.
pub fn on_cpu(pid: u32) -> Res<(u64, u64)> {
    let tasks = format!("/proc/{pid}/task");
    let entries = fs::read_dir(&tasks).map_err(|e| format!("{tasks}: {e}"))?;
    let mut total = (0, 0);
    for entry in entries.flatten() {
        let Ok(stat) = fs::read_to_string(entry.path().join("schedstat")) else {
            // The thread ended while we looked.
            continue;
        };
        let fields: Vec<u64> = stat
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        if let [ns, _, slices] = fields[..] {
            total = (total.0 + ns, total.1 + slices);
        }
    }
    Ok(total)
}
