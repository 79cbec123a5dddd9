//! The terminal itself: entering and leaving the alternate screen, restoring it
//! on a panic, and writing each frame in one piece.

use std::io::{self, Write};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use crossterm::{cursor, execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Collects a frame and writes it to the terminal in one `write` when ratatui
/// flushes at the end of a draw, wrapped in synchronized-output markers so that
/// terminals which support them never show a half-drawn frame.
pub(super) struct FrameWriter {
    buf: Vec<u8>,
    out: io::Stdout,
}

impl FrameWriter {
    pub(super) fn new() -> FrameWriter {
        FrameWriter {
            buf: Vec::with_capacity(64 * 1024),
            out: io::stdout(),
        }
    }
}

impl Write for FrameWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let mut frame = Vec::with_capacity(self.buf.len() + 16);
        queue!(frame, BeginSynchronizedUpdate)?;
        frame.append(&mut self.buf);
        queue!(frame, EndSynchronizedUpdate)?;
        let mut out = self.out.lock();
        out.write_all(&frame)?;
        out.flush()
    }
}

pub(super) type Term = Terminal<CrosstermBackend<FrameWriter>>;

pub(super) fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Restores the terminal; errors are ignored, since the terminal may be gone.
pub(super) fn leave(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
}

pub(super) fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave(mouse);
        previous(info);
    }));
}
