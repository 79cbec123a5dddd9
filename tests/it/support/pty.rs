//! Drives the real `aoplan` binary in a pseudo-terminal and reads its screen.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous, for slow CI machines; tests finish as soon as the screen is right.
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Tells the reader thread to drop its copy of the master.
    stop: Arc<AtomicBool>,
    /// Every byte the program wrote, for checks that span frames.
    pub raw: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    /// Starts `aoplan --file PLAN ARGS` at `cols`×`rows` with a clean English environment.
    pub fn start(plan: &Path, args: &[&str], cols: u16, rows: u16) -> Session {
        Self::start_with_env(plan, args, cols, rows, &[])
    }

    pub fn start_with_env(
        plan: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let mut argv = vec![
            env!("CARGO_BIN_EXE_aoplan").to_string(),
            "--file".into(),
            plan.display().to_string(),
        ];
        argv.extend(args.iter().map(|a| a.to_string()));
        Self::spawn(
            &argv,
            plan.parent().expect("plan in a directory"),
            cols,
            rows,
            env,
        )
    }

    /// Runs `argv` in a fresh pseudo-terminal with a clean English environment.
    pub fn spawn(
        argv: &[String],
        home: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(&argv[0]);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "en_US.UTF-8");
        cmd.env("TZ", "UTC");
        cmd.env("USER", "tester");
        cmd.env("HOME", home);
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        for (k, v) in env {
            cmd.env(k, v);
        }
        for a in &argv[1..] {
            cmd.arg(a);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn aoplan");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let fd = pair.master.as_raw_fd().expect("pty master fd");
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Poll with a timeout so that a hang-up can close every copy of the master.
            while !stopped.load(Ordering::SeqCst) {
                let mut pfd = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd; the master outlives this loop or `stopped` is set first.
                if unsafe { libc::poll(&mut pfd, 1, 50) } <= 0 {
                    continue;
                }
                let Ok(n) = reader.read(&mut buf) else { break };
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            child,
            master: Some(pair.master),
            stop,
            writer: Some(writer),
            parser,
            raw,
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until the screen satisfies `pred`; panics with the screen after [`TIMEOUT`].
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    pub fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("pty open");
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
        // Let a lone Esc be read as Esc, not as the start of a sequence.
        thread::sleep(Duration::from_millis(60));
    }

    /// Resizes the terminal, as a user dragging the window does (the program gets
    /// SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .as_ref()
            .expect("pty open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Sends keys without the pause [`send`](Self::send) makes for a lone Esc.
    pub fn send_now(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("pty open");
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Waits, checking every millisecond, until the screen satisfies `pred`;
    /// returns how long that took. Panics after [`TIMEOUT`].
    pub fn time_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> Duration {
        let start = Instant::now();
        loop {
            if pred(&self.screen()) {
                return start.elapsed();
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(1));
        }
    }

    /// Waits for the process to end; panics after [`TIMEOUT`].
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("aoplan did not exit; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("child pid") as i32
    }

    /// Closes our end of the terminal, as a dropped SSH connection does:
    /// without a last byte (portable-pty's writer sends a newline and EOF when
    /// dropped unless the terminal has no EOF character; the program would read
    /// that newline as `Ctrl-j`).
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        thread::sleep(Duration::from_millis(120));
        if let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            // SAFETY: tcgetattr/tcsetattr on our own open descriptor.
            unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(fd, &mut t) == 0 {
                    t.c_cc[libc::VEOF] = 0;
                    libc::tcsetattr(fd, libc::TCSANOW, &t);
                }
            }
        }
        self.writer = None;
        self.master = None;
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("terminal size is at least 1")
}
