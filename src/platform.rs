//! What aoplan asks of the operating system, in one place: who is running it,
//! the local time of day, whether the standard streams are terminals, how a
//! broken pipe ends the process, and its errors in words.
//!
//! Everything else in the library takes these answers as plain values, so the
//! model, the edits and the app stay free of OS calls and can be tested without
//! a particular user, time zone or terminal.

use std::io::{self, IsTerminal};

use crate::terminal_safe::user_name;

/// The login name recorded in history entries and lock files: `$USER`,
/// `$LOGNAME`, `$USERNAME`, else the account's name, made safe to store and
/// show by [`user_name`] (control and invisible format characters shown as
/// placeholders, trimmed, at most 64 characters); `uid-N` when nothing is left.
pub fn login_name() -> String {
    for var in ["USER", "LOGNAME", "USERNAME"] {
        if let Some(name) = std::env::var_os(var).and_then(|v| user_name(&v.to_string_lossy())) {
            return name;
        }
    }
    account_name().unwrap_or_else(|| format!("uid-{}", current_uid()))
}

/// The name of the account of the real user id, made safe by [`user_name`].
fn account_name() -> Option<String> {
    // SAFETY: getpwuid returns a pointer into static storage or null; the name
    // is copied at once, before any other call could overwrite it.
    unsafe {
        let pw = libc::getpwuid(libc::getuid());
        if pw.is_null() || (*pw).pw_name.is_null() {
            return None;
        }
        user_name(&std::ffi::CStr::from_ptr((*pw).pw_name).to_string_lossy())
    }
}

fn current_uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// The local wall-clock hour and minute at `secs` seconds after the Unix epoch,
/// in the time zone of the process (`TZ`, else the system's). `None` when the
/// C library cannot tell.
pub(crate) fn local_hour_minute(secs: i64) -> Option<(u8, u8)> {
    let secs = libc::time_t::try_from(secs).ok()?;
    // SAFETY: localtime_r only writes into the `tm` we own; a null return is handled.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&secs, &mut tm).is_null() {
            return None;
        }
        Some((
            u8::try_from(tm.tm_hour).ok()?,
            u8::try_from(tm.tm_min).ok()?,
        ))
    }
}

/// Whether both standard input and standard output are terminals: what the
/// interactive UI needs.
pub fn interactive() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// Whether standard output is a terminal (where reports draw progress bars).
pub(crate) fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Restores the default action of `SIGPIPE`, which Rust programs ignore: the
/// process then ends quietly when the reader of its output goes away. Call it
/// first thing in `main`, before any thread starts.
pub fn end_quietly_on_broken_pipe() {
    // SAFETY: restoring a default disposition; called before any thread starts.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
}

/// An OS error in words, without Rust's "(os error N)" suffix.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::StorageFull => "no space left on the device".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        io::ErrorKind::QuotaExceeded => "disk quota exceeded".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_name_is_never_empty_and_never_raw() {
        let name = login_name();
        assert!(!name.is_empty());
        assert!(
            !name.chars().any(crate::terminal_safe::is_unsafe),
            "{name:?}"
        );
    }

    #[test]
    fn local_time_is_a_time_of_day() {
        // 2026-03-14T09:21:05Z; every time zone is a whole number of quarter hours off UTC.
        let (h, m) = local_hour_minute(1_773_480_065).expect("the C library knows the time");
        assert!(h < 24 && m < 60, "{h}:{m}");
        assert_eq!(m % 15, 21 % 15, "{h}:{m}");
    }
}
