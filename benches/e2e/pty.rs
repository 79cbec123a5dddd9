//! A program in a pseudo-terminal, read on the calling thread so that every
//! latency is taken right after the chunk of output that completed a screen.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::RawFd;
use std::path::Path;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// Generous: a slow step shows up as a slow measurement, not as a failure.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Start and end of a synchronized update: one frame of the app.
const FRAME_START: &[u8] = b"\x1b[?2026h";
const FRAME_END: &[u8] = b"\x1b[?2026l";

pub type Res<T> = Result<T, String>;

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    /// Kept open: closing the master hangs the program up.
    _master: Box<dyn MasterPty + Send>,
    reader: Box<dyn Read + Send>,
    writer: Box<dyn Write + Send>,
    fd: RawFd,
    parser: vt100::Parser,
    /// Everything read since the program started or the last key was sent.
    since_key: Vec<u8>,
    closed: bool,
}

/// Starts `argv` at `cols`×`rows` with exactly the environment `env` plus `PATH`;
/// returns the terminal and the instant just before the spawn.
pub fn spawn(
    argv: &[String],
    env: &[(&str, &str)],
    home: &Path,
    cols: u16,
    rows: u16,
) -> Res<(Pty, Instant)> {
    let size = PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system()
        .openpty(size)
        .map_err(|e| format!("openpty: {e}"))?;
    let mut cmd = CommandBuilder::new(&argv[0]);
    cmd.args(&argv[1..]);
    cmd.env_clear();
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd.env("HOME", home);
    cmd.cwd(home);
    for (key, value) in env {
        cmd.env(key, value);
    }
    let reader = pair
        .master
        .try_clone_reader()
        .map_err(|e| format!("pty reader: {e}"))?;
    let writer = pair
        .master
        .take_writer()
        .map_err(|e| format!("pty writer: {e}"))?;
    let fd = pair.master.as_raw_fd().ok_or("the pty has no descriptor")?;
    let started = Instant::now();
    let child = pair
        .slave
        .spawn_command(cmd)
        .map_err(|e| format!("spawn {}: {e}", argv[0]))?;
    drop(pair.slave);
    let parser = vt100::Parser::new(nonzero(rows), nonzero(cols), 0);
    let pty = Pty {
        child,
        _master: pair.master,
        reader,
        writer,
        fd,
        parser,
        since_key: Vec::new(),
        closed: false,
    };
    Ok((pty, started))
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

impl Pty {
    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    pub fn pid(&self) -> Res<u32> {
        self.child
            .process_id()
            .ok_or_else(|| "the program has no pid".to_string())
    }

    /// Bytes the program wrote since the last key (or since it started).
    pub fn bytes_since_key(&self) -> usize {
        self.since_key.len()
    }

    /// Writes keys; returns the instant just before the write.
    pub fn send(&mut self, keys: &str) -> Res<Instant> {
        self.since_key.clear();
        let sent = Instant::now();
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .map_err(|e| format!("write to the pty: {e}"))?;
        Ok(sent)
    }

    /// Reads until every condition has held on a complete screen; returns, per
    /// condition, the instant right after the chunk that first satisfied it.
    /// A screen counts once output arrived since the last key and no frame is
    /// half written.
    pub fn wait(
        &mut self,
        what: &str,
        conditions: &[&dyn Fn(&vt100::Screen) -> bool],
    ) -> Res<Vec<Instant>> {
        let deadline = Instant::now() + TIMEOUT;
        let mut met: Vec<Option<Instant>> = vec![None; conditions.len()];
        loop {
            if self.frame_complete() {
                let now = Instant::now();
                for (at, holds) in met.iter_mut().zip(conditions) {
                    if at.is_none() && holds(self.parser.screen()) {
                        *at = Some(now);
                    }
                }
            }
            if let Some(all) = met.iter().copied().collect::<Option<Vec<_>>>() {
                return Ok(all);
            }
            if self.closed || Instant::now() > deadline {
                return Err(format!(
                    "gave up waiting for {what}; screen:\n{}",
                    self.screen().contents()
                ));
            }
            self.read_chunk(deadline)?;
        }
    }

    /// Reads until the program has been quiet for `quiet`; returns the bytes read.
    pub fn drain(&mut self, quiet: Duration) -> Res<usize> {
        let before = self.since_key.len();
        while !self.closed && self.read_chunk(Instant::now() + quiet)? {}
        Ok(self.since_key.len() - before)
    }

    /// Sends `keys` that should end the program and waits for it to exit.
    pub fn quit(&mut self, keys: &str) -> Res<ExitStatus> {
        self.send(keys)?;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().map_err(|e| format!("wait: {e}"))? {
                return Ok(status);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "the program did not exit; screen:\n{}",
                    self.screen().contents()
                ));
            }
            if self.closed || !self.read_chunk(Instant::now() + Duration::from_millis(20))? {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    }

    fn frame_complete(&self) -> bool {
        let start = rfind(&self.since_key, FRAME_START);
        let end = rfind(&self.since_key, FRAME_END);
        !self.since_key.is_empty() && start.is_none_or(|s| end.is_some_and(|e| e > s))
    }

    /// Waits for output until `deadline` and feeds one chunk to the screen;
    /// false when nothing came.
    fn read_chunk(&mut self, deadline: Instant) -> Res<bool> {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut pfd = libc::pollfd {
            fd: self.fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = i32::try_from(left.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: one valid pollfd for a descriptor this struct keeps open.
        if unsafe { libc::poll(&mut pfd, 1, ms) } <= 0 {
            return Ok(false);
        }
        let mut buf = [0u8; 65536];
        match self.reader.read(&mut buf) {
            Ok(0) | Err(_) => {
                // The program closed the terminal (on Linux a read then fails with EIO).
                self.closed = true;
                Ok(false)
            }
            Ok(n) => {
                self.parser.process(&buf[..n]);
                self.since_key.extend_from_slice(&buf[..n]);
                Ok(true)
            }
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
