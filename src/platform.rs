//! What aoplan asks of the operating system, in one place: who is running it,
//! the local time zone, whether the standard streams are terminals, how a
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
    account_name_of(current_uid())
}

/// The name of the account with user id `uid` in the user database, made safe
/// by [`user_name`]; `None` when there is no such account. Safe to call from
/// any thread (`getpwuid_r`).
pub fn account_name_of(uid: u32) -> Option<String> {
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: `pwd` and `buf` outlive the call and the name is copied out
        // of `buf` before either is dropped; `result` is null or `&pwd`.
        unsafe {
            let mut pwd: libc::passwd = std::mem::zeroed();
            let mut result: *mut libc::passwd = std::ptr::null_mut();
            let rc = libc::getpwuid_r(
                uid,
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            );
            if rc == libc::ERANGE && buf.len() < 1 << 20 {
                buf.resize(buf.len() * 4, 0);
                continue;
            }
            if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
                return None;
            }
            return user_name(&std::ffi::CStr::from_ptr(pwd.pw_name).to_string_lossy());
        }
    }
}

/// The real user id of this process.
pub fn current_uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// The name of this machine (`gethostname`), as far as it is made of letters,
/// digits, `.` and `-` (at most 64 of them); `localhost` when it cannot be told.
pub fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most `buf.len()` bytes into `buf`.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let raw = if rc == 0 { &buf[..] } else { &[][..] };
    let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
    let name: String = raw[..end]
        .iter()
        .map(|&b| char::from(b))
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .take(64)
        .collect();
    if name.is_empty() {
        "localhost".into()
    } else {
        name
    }
}

/// Whether a process with this id runs on this machine (it may belong to
/// another user). Signal 0 only checks; nothing is sent.
pub fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: kill with signal 0 sends nothing; a positive pid names one process.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// The local time zone: `TZ` when it is set (an IANA name such as
/// `Europe/Amsterdam`, a POSIX rule or a file), else the system's
/// (`/etc/localtime`); UTC when neither can be read. The system's copy of the
/// time zone database is used, or the one built into aoplan where there is none.
/// Look it up once, at the start, and pass it down.
pub fn local_zone() -> jiff::tz::TimeZone {
    zone_file()
        .unwrap_or_else(|| jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC))
}

/// The usual cases, read straight from their file: `TZ` unset and
/// `/etc/localtime` a link into the zone database, or `TZ` an IANA name
/// (`Europe/Amsterdam`, `:UTC`) with its file in `TZDIR` or
/// `/usr/share/zoneinfo`. jiff finds these too, but first lists the whole
/// database, which costs a few milliseconds at every start; anything else
/// (POSIX rules, paths, no database) is left to it.
fn zone_file() -> Option<jiff::tz::TimeZone> {
    use jiff::tz::TimeZone;
    let (name, path) = match std::env::var_os("TZ") {
        None => {
            let target = std::fs::read_link("/etc/localtime").ok()?;
            let name = target.to_str()?.rsplit_once("zoneinfo/")?.1.to_string();
            (name, std::path::PathBuf::from("/etc/localtime"))
        }
        Some(tz) => {
            let tz = tz.to_str()?;
            let name = tz.strip_prefix(':').unwrap_or(tz);
            if tz.is_empty() {
                // As in the C library, an empty TZ is UTC.
                return Some(TimeZone::UTC);
            }
            let plain = |part: &str| {
                !part.is_empty()
                    && !part.starts_with('.')
                    && (part.chars()).all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c))
            };
            if !name.split('/').all(plain) {
                return None;
            }
            let dir = std::env::var_os("TZDIR").unwrap_or_else(|| "/usr/share/zoneinfo".into());
            (name.to_string(), std::path::Path::new(&dir).join(name))
        }
    };
    // Zone files are a few kilobytes; anything else is not one.
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > 1 << 20 {
        return None;
    }
    TimeZone::tzif(&name, &std::fs::read(&path).ok()?).ok()
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
    fn host_account_and_process_lookups() {
        let host = host_name();
        assert!(!host.is_empty() && host.len() <= 64, "{host:?}");
        assert!(
            host.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        );
        assert_eq!(account_name_of(0).as_deref(), Some("root"));
        // No account has the largest user id (it means "no user" to the kernel).
        assert_eq!(account_name_of(u32::MAX), None);
        assert!(process_alive(std::process::id()));
        assert!(!process_alive(0) && !process_alive(u32::MAX));
        // Above the kernel's largest pid (4 194 304), nothing runs.
        assert!(!process_alive(99_999_999));
    }
}
