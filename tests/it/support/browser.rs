//! Headless Chromium and poppler, run on an HTML file the way a reader
//! prints it: to a PDF on A4, to a PNG, and the PDF's pages and text.
//!
//! Every run gets a fresh profile and home directory, no network features,
//! and a time limit after which its whole process group is killed, so that a
//! browser that stops answering fails the test instead of hanging it.

#![allow(dead_code)]

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long one Chromium or poppler run may take.
const LIMIT: Duration = Duration::from_secs(120);

/// The tools found on `PATH`.
pub struct Browser {
    chromium: PathBuf,
    pdftotext: PathBuf,
    pdfinfo: PathBuf,
    /// For the PNG of a PDF page; optional.
    pdftoppm: Option<PathBuf>,
}

impl Browser {
    /// The tools, or why the tests that need them are skipped.
    pub fn find() -> Result<Browser, String> {
        let need = |name: &str, package: &str| {
            which(name).ok_or_else(|| {
                format!("skipped: {name} is not installed (Debian package {package}; run .ci/deps)")
            })
        };
        Ok(Browser {
            chromium: need("chromium", "chromium")?,
            pdftotext: need("pdftotext", "poppler-utils")?,
            pdfinfo: need("pdfinfo", "poppler-utils")?,
            pdftoppm: which("pdftoppm"),
        })
    }

    /// Prints `html` to `pdf` with no header or footer of the browser's own.
    pub fn print_pdf(&self, html: &Path, pdf: &Path) {
        self.chromium(html, &[format!("--print-to-pdf={}", pdf.display())]);
        assert!(pdf.is_file(), "no PDF at {}", pdf.display());
    }

    /// Renders `html` as a screen shot of `width`×`height` pixels.
    pub fn screenshot(&self, html: &Path, png: &Path, width: u32, height: u32) {
        self.chromium(
            html,
            &[
                format!("--screenshot={}", png.display()),
                format!("--window-size={width},{height}"),
            ],
        );
        assert!(png.is_file(), "no PNG at {}", png.display());
    }

    /// The number of pages of `pdf`, and its page size in points.
    pub fn pages(&self, pdf: &Path) -> (usize, String) {
        let info = run(Command::new(&self.pdfinfo).arg(pdf));
        let field = |name: &str| {
            (info.lines())
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().to_string())
                .unwrap_or_else(|| panic!("pdfinfo has no {name}\n{info}"))
        };
        let pages = field("Pages:").parse().expect("a page count");
        (pages, field("Page size:"))
    }

    /// The text of each page of `pdf`, in reading order.
    pub fn page_texts(&self, pdf: &Path) -> Vec<String> {
        let text = run(Command::new(&self.pdftotext)
            .args(["-enc", "UTF-8"])
            .arg(pdf)
            .arg("-"));
        let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
        if pages.last().is_some_and(|p| p.trim().is_empty()) {
            pages.pop();
        }
        pages
    }

    /// Page 1 of `pdf` as a PNG at `dpi`; `None` without pdftoppm.
    pub fn first_page_png(&self, pdf: &Path, dpi: u32, out_base: &Path) -> Option<PathBuf> {
        let pdftoppm = self.pdftoppm.as_ref()?;
        let dpi = dpi.to_string();
        run(Command::new(pdftoppm)
            .args(["-png", "-r", &dpi, "-f", "1", "-l", "1", "-singlefile"])
            .arg(pdf)
            .arg(out_base));
        Some(out_base.with_extension("png"))
    }

    fn chromium(&self, html: &Path, output: &[String]) {
        let profile = TempDir::new().expect("temporary profile");
        let url = format!(
            "file://{}",
            html.canonicalize().expect("HTML file").display()
        );
        let mut command = Command::new(&self.chromium);
        command
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(output)
            .arg(url)
            .env("HOME", profile.path())
            .env("XDG_CONFIG_HOME", profile.path().join("config"))
            .env("XDG_CACHE_HOME", profile.path().join("cache"));
        run(&mut command);
    }
}

/// Runs `command` in its own process group with a time limit; its stdout.
fn run(command: &mut Command) -> String {
    let out = TempDir::new().expect("temporary directory");
    let (stdout, stderr) = (out.path().join("out"), out.path().join("err"));
    let mut child = command
        .stdin(Stdio::null())
        .stdout(fs::File::create(&stdout).expect("stdout file"))
        .stderr(fs::File::create(&stderr).expect("stderr file"))
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?} does not start: {e}"));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > LIMIT {
            // SAFETY: kill with a negative pid signals the group we created.
            unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
            let _ = child.wait();
            panic!(
                "{command:?} took more than {LIMIT:?}; stderr:\n{}",
                fs::read_to_string(&stderr).unwrap_or_default()
            );
        }
        sleep(Duration::from_millis(50));
    };
    // The browser's helpers may outlive it; none may stay.
    // SAFETY: as above; the group is ours and may already be gone.
    unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
    assert!(
        status.success(),
        "{command:?}: {status}; stderr:\n{}",
        fs::read_to_string(&stderr).unwrap_or_default()
    );
    fs::read_to_string(&stdout).expect("UTF-8 output")
}

fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}
