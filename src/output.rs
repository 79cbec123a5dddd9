//! The commands' standard output, and what the exit status says about it.
//!
//! A command's output can fail on its own: `aoplan set … > /dev/full` saves the
//! change and then cannot say so. [`Tracked`] remembers the first failed write,
//! so that `main` can report it apart from the command's own result, with its
//! own exit status ([`EXIT_OUTPUT`]) and, after a save, the news that the change
//! is on disk.

use std::io::{self, Write};

/// Exit status: the command failed (nothing was saved).
pub const EXIT_FAILURE: u8 = 1;
/// Exit status: the output could not be written. A change made by `set` or
/// `rollover` was saved all the same, and stderr says so.
pub const EXIT_OUTPUT: u8 = 3;

/// A writer that passes everything on and keeps the first error it saw.
#[derive(Debug)]
pub struct Tracked<W> {
    inner: W,
    error: Option<io::Error>,
}

impl<W: Write> Tracked<W> {
    pub fn new(inner: W) -> Self {
        Tracked { inner, error: None }
    }

    /// The first write or flush that failed, if any; taken out.
    pub fn take_error(&mut self) -> Option<io::Error> {
        self.error.take()
    }

    fn note<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &result
            && self.error.is_none()
        {
            self.error = Some(copy(e));
        }
        result
    }
}

/// An `io::Error` with the same kind and text (they are not `Clone`).
fn copy(e: &io::Error) -> io::Error {
    match e.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), e.to_string()),
    }
}

impl<W: Write> Write for Tracked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.inner.write(buf);
        self.note(result)
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = self.inner.flush();
        self.note(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_error_and_passes_writes_on() {
        let mut ok = Tracked::new(Vec::new());
        write!(ok, "hello").unwrap();
        assert!(ok.take_error().is_none());
        assert_eq!(ok.inner, b"hello");

        let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
        let Ok(full) = full else {
            eprintln!("skipped: /dev/full is not available");
            return;
        };
        let mut out = io::BufWriter::new(Tracked::new(full));
        writeln!(out, "saved").unwrap(); // buffered
        assert!(out.flush().is_err());
        let error = out
            .get_mut()
            .take_error()
            .expect("the failed flush is kept");
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
        assert!(out.get_mut().take_error().is_none());
    }
}
