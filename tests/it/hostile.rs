//! Hostile plan files, through the library and through the real binary.
//!
//! Every file either loads or is refused with a message that names the file, the
//! line and column and what was expected; nothing panics, blocks or runs away with
//! memory, and a refused file is never written to. Small cases live in `tests/bad/`;
//! big ones are generated here into a temporary directory.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::mpsc;
use std::time::Duration;

use aoplan::codec;
use aoplan::storage::{self, BUNDLED_PLAN, LoadError, MAX_PLAN_BYTES};

/// A syntax error each corpus file must give: file, line, column, words of the message.
const SYNTAX_ERRORS: &[(&str, usize, usize, &str)] = &[
    ("missing-comma.ron", 5, 5, "expected `,`"),
    ("missing-quote.ron", 17, 37, "closing `\"`"),
    ("unclosed-string.ron", 3, 12, "its closing `\"` is missing"),
    (
        "unknown-field.ron",
        17,
        40,
        "unknown field `colour` in a project; expected one of: `id`",
    ),
    (
        "duplicate-field.ron",
        18,
        40,
        "field `notes` is given twice in a project",
    ),
    (
        "duplicate-status-year.ron",
        19,
        63,
        "year 2026 is given twice in `status`",
    ),
    (
        "unknown-status.ron",
        19,
        44,
        "unknown status `Finished`; expected one of: `Planned`",
    ),
    (
        "history-unknown-status.ron",
        20,
        107,
        "unknown status `Finished`",
    ),
    ("wrong-type-year.ron", 4, 10, "expected a whole number"),
    ("wrong-type-focus.ron", 9, 19, "expected `true` or `false`"),
    ("wrong-type-owner.ron", 17, 35, "expected a text in `\"`"),
    (
        "wrong-type-themes.ron",
        5,
        12,
        "expected `[` (the start of a list)",
    ),
    ("wrong-type-status.ron", 19, 36, "expected `{`"),
    (
        "wrong-struct-name.ron",
        1,
        1,
        "expected `Plan(` or `(`, found `Activiteitenplan(`",
    ),
    (
        "missing-field.ron",
        19,
        25,
        "missing field `title` in a project",
    ),
    ("year-overflow.ron", 4, 11, "number out of range"),
    ("bad-escape.ron", 16, 37, "unknown escape character"),
    (
        "bad-unicode-escape.ron",
        16,
        52,
        "a Unicode escape that is not a valid character",
    ),
    ("unclosed-comment.ron", 3, 39, "a comment is not closed"),
    (
        "trailing-text.ron",
        26,
        2,
        "unexpected text after the end of the plan",
    ),
    ("truncated.ron", 12, 38, "unexpected end of file"),
    (
        "unknown-extension.ron",
        1,
        11,
        "unknown ron extension `telepathy`",
    ),
    ("nul-between-fields.ron", 4, 16, "expected a name here"),
    ("invalid-utf8.ron", 16, 45, "invalid UTF-8 (byte 0xFF)"),
    ("empty.ron", 1, 1, "the file is empty"),
    ("whitespace-only.ron", 1, 1, "the file is empty"),
];

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/bad")
        .join(name)
}

fn aoplan(args: &[&str], plan: &Path) -> Output {
    assert_cmd::cargo::cargo_bin_cmd!("aoplan")
        .args(args)
        .arg("--file")
        .arg(plan)
        .env("LC_ALL", "C")
        .env("USER", "tester")
        .output()
        .expect("run aoplan")
}

/// Exit status 1, nothing on stdout, no panic, and every phrase on stderr.
fn assert_refused(out: &Output, phrases: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
    assert!(!stderr.contains("panicked"), "{stderr}");
    for phrase in phrases {
        assert!(stderr.contains(phrase), "{phrase:?} not in: {stderr}");
    }
}

#[test]
fn corpus_syntax_errors_name_line_column_and_what_was_expected() {
    for &(name, line, col, says) in SYNTAX_ERRORS {
        let path = bad(name);
        match storage::load(&path) {
            Err(LoadError::Syntax { error, .. }) => {
                assert_eq!((error.line, error.col), (line, col), "{name}: {error:?}");
                assert!(
                    error.message.to_string().contains(says),
                    "{name}: {}",
                    error.message
                );
            }
            other => panic!("{name}: expected a syntax error, got {other:?}"),
        }
    }
}

#[test]
fn corpus_syntax_errors_through_the_binary_leave_the_file_untouched() {
    for &(name, line, col, says) in SYNTAX_ERRORS {
        let path = bad(name);
        let before = fs::read(&path).unwrap();
        let at = format!("{}:{line}:{col}: ", path.display());
        assert_refused(&aoplan(&["check"], &path), &[&at, says]);
        assert_eq!(fs::read(&path).unwrap(), before, "{name} changed");
    }
}

#[test]
fn set_on_a_broken_file_writes_nothing_at_all() {
    for &(name, _, _, says) in SYNTAX_ERRORS.iter().step_by(3) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        fs::copy(bad(name), &path).unwrap();
        let before = fs::read(&path).unwrap();
        assert_refused(&aoplan(&["set", "project-a", "done"], &path), &[says]);
        assert_eq!(fs::read(&path).unwrap(), before, "{name} changed");
        let files: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(files.len(), 1, "{name}: no backup, lock or temporary file");
    }
}

#[test]
fn bom_crlf_comments_and_nul_in_text_load() {
    let reference = storage::load(&bad("loads-comments.ron")).unwrap();
    for name in ["loads-bom.ron", "loads-crlf.ron"] {
        assert_eq!(storage::load(&bad(name)).unwrap(), reference, "{name}");
    }
    let nul = storage::load(&bad("loads-nul-in-string.ron")).unwrap();
    assert_eq!(nul.themes[0].subthemes[0].projects[0].notes, "a\0b");
    let written = codec::to_ron(&nul);
    assert_eq!(codec::parse(&written).unwrap(), nul, "NUL survives a save");
    for name in ["loads-bom.ron", "loads-crlf.ron", "loads-nul-in-string.ron"] {
        let out = aoplan(&["check"], &bad(name));
        assert!(out.status.success(), "{name}: {:?}", out);
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 projects"));
    }
}

#[test]
fn the_bundled_plan_with_bom_and_crlf_loads_unchanged() {
    let reference = codec::parse(BUNDLED_PLAN).unwrap();
    let bom = format!("\u{feff}{BUNDLED_PLAN}");
    let crlf = BUNDLED_PLAN.replace('\n', "\r\n");
    for (what, text) in [("bom", bom), ("crlf", crlf)] {
        let plan = storage::parse_plan(Path::new("x.ron"), text.as_bytes()).unwrap();
        assert_eq!(plan, reference, "{what}");
    }
}

#[test]
fn semantic_problems_are_listed_all_at_once_with_their_path() {
    let expected = [
        ("", "`title` is empty"),
        ("", "`year` 1999 is outside 2000–2100"),
        (
            "thema › thema",
            "id \"thema\" is used twice (first at thema)",
        ),
        ("thema › thema", "sub-theme `name` is empty"),
        (
            "thema › thema › Project_A",
            "project id \"Project_A\" is malformed",
        ),
        (
            "thema › thema › Project_A",
            "status year 2200 is outside 2000–2100",
        ),
        ("thema › thema › project-b", "project `title` is empty"),
        (
            "thema › thema › project-b",
            "history entry 2: year 1900 is outside",
        ),
        ("(empty id)", "theme id \"\" is malformed"),
        (
            "(empty id) › sub › project-b",
            "\"project-b\" is used twice",
        ),
    ];
    let path = bad("semantic-problems.ron");
    let Err(LoadError::Invalid { problems, .. }) = storage::load(&path) else {
        panic!("expected semantic problems");
    };
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for (problem, (path, says)) in problems.iter().zip(expected) {
        assert_eq!(problem.path, path);
        assert!(problem.to_string().contains(says), "{problem}");
    }
    let lines: Vec<String> = problems.iter().map(|p| format!("  - {p}")).collect();
    let mut phrases: Vec<&str> = lines.iter().map(String::as_str).collect();
    phrases.push("10 problems in the plan");
    assert_refused(&aoplan(&["check"], &path), &phrases);
}

#[test]
fn a_history_time_that_does_not_parse_is_a_load_error_at_its_position() {
    // Also with a multibyte character where a digit belongs: an error, not a panic.
    let path = bad("history-non-ascii-time.ron");
    let Err(LoadError::Syntax { error, .. }) = storage::load(&path) else {
        panic!("expected a load error with a position");
    };
    let message = "`at` is not a time like 2026-03-14T09:21:05Z (UTC): `2026-03-14T09:21:0éZ`";
    assert_eq!(
        (error.line, error.message.to_string().as_str()),
        (20, message)
    );
    let column = format!("history-non-ascii-time.ron:20:{}: {message}", error.col);
    assert_refused(&aoplan(&["check"], &path), &[&column]);
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().nth(19).unwrap();
    let at = line.find("at: \"").unwrap() + 4;
    let col = line[..at].chars().count() + 1;
    assert!(
        (col..=col + 24).contains(&error.col),
        "column {} is not at the time (from {col})",
        error.col
    );
}

#[test]
fn the_bundled_plan_cut_anywhere_is_refused_with_a_position_inside_it() {
    let full = BUNDLED_PLAN.as_bytes();
    let end = BUNDLED_PLAN.trim_end().len() - 1; // the closing `)`
    let cuts = (0..200).chain((200..end).step_by(41)).chain(end - 8..end);
    for cut in cuts {
        let part = &full[..cut];
        let Err(e) = storage::parse_plan(Path::new("cut.ron"), part) else {
            panic!("cut at {cut} loaded");
        };
        let LoadError::Syntax { error, .. } = &e else {
            panic!("cut at {cut}: {e}");
        };
        let lines = part.iter().filter(|&&b| b == b'\n').count() + 1;
        assert!(error.line <= lines, "cut at {cut}: line {}", error.line);
        assert!(
            e.to_string()
                .starts_with(&format!("cut.ron:{}:", error.line))
        );
    }
}

#[test]
fn cut_files_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.ron");
    for cut in [1, 7, 100, 1000, 30_001, BUNDLED_PLAN.len() - 3] {
        fs::write(&path, &BUNDLED_PLAN.as_bytes()[..cut]).unwrap();
        assert_refused(&aoplan(&["check"], &path), &["cut.ron:"]);
    }
}

#[test]
fn nesting_100_000_deep_is_refused_without_overflowing_the_stack() {
    let deep = |open: &str| open.repeat(100_000);
    let base = fs::read_to_string(bad("loads-comments.ron")).unwrap();
    let cases = [
        deep("["),
        deep("("),
        deep("{"),
        base.replace("themes: [", &format!("themes: [{}", deep("["))),
        base.replace("{2026: Planned}", &format!("{{2026: {}", deep("("))),
        base.replace("notes: \"\",", &format!("notes: \"\", x: {}", deep("{"))),
    ];
    for (i, text) in cases.iter().enumerate() {
        let e = storage::parse_plan(Path::new("deep.ron"), text.as_bytes()).unwrap_err();
        assert!(matches!(e, LoadError::Syntax { .. }), "case {i}: {e}");
        assert!(e.to_string().len() < 1000, "case {i}: message stays short");
    }
}

#[test]
fn a_60_mb_text_loads_and_a_60_mb_wrong_value_gives_a_short_message() {
    let base = fs::read_to_string(bad("loads-comments.ron")).unwrap();
    let huge = "x".repeat(60 * 1024 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    fs::write(
        &path,
        base.replace("notes: \"\",", &format!("notes: \"{huge}\",")),
    )
    .unwrap();
    let plan = storage::load(&path).unwrap();
    assert_eq!(
        plan.themes[0].subthemes[0].projects[0].notes.len(),
        huge.len()
    );
    let wrong = base.replace("year: 2026,", &format!("year: \"{huge}\","));
    fs::write(&path, wrong).unwrap();
    let out = aoplan(&["check"], &path);
    assert_refused(&out, &["huge.ron:4:10: expected a whole number"]);
    assert!(
        out.stderr.len() < 2000,
        "{} bytes of message",
        out.stderr.len()
    );
}

#[test]
fn a_plan_with_100_000_themes_loads() {
    let themes: String = (0..100_000)
        .map(|i| format!("(id: \"thema-{i}\", name: \"Thema {i}\"),\n"))
        .collect();
    let text = format!("(fund: \"F\", title: \"T\", year: 2026, themes: [\n{themes}])\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.ron");
    fs::write(&path, &text).unwrap();
    assert_eq!(storage::load(&path).unwrap().themes.len(), 100_000);
    let out = aoplan(&["check"], &path);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("100000 themes"));
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("disk-image.ron");
    // Sparse: takes no disk space, and reading it all would take minutes.
    fs::File::create(&path)
        .unwrap()
        .set_len(8 * MAX_PLAN_BYTES)
        .unwrap();
    let e = storage::load(&path).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge(_, _)), "{e}");
    assert_refused(
        &aoplan(&["check"], &path),
        &["disk-image.ron: ", "too large"],
    );
}

#[test]
fn a_fifo_is_refused_instead_of_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.ron");
    let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    let (tx, rx) = mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(storage::load(&path).map(|_| ()).map_err(|e| e.to_string()));
    });
    // Opening a FIFO for reading waits for a writer; a hang shows up as a timeout here.
    let result = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("load returned");
    let message = result.expect_err("a FIFO is not a plan");
    assert!(message.contains("not a regular file"), "{message}");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args(["check", "--file"])
        .arg(&fifo)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status = (0..2000).find_map(|_| {
        std::thread::sleep(Duration::from_millis(10));
        child.try_wait().unwrap()
    });
    if status.is_none() {
        let _ = child.kill();
    }
    assert_eq!(status.and_then(|s| s.code()), Some(1), "the binary blocked");
}

#[test]
fn a_directory_a_missing_file_and_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let e = storage::load(dir.path()).unwrap_err();
    assert!(matches!(e, LoadError::IsDirectory(_)), "{e}");
    assert_refused(&aoplan(&["check"], dir.path()), &["is a directory"]);

    let missing = dir.path().join("nope.ron");
    assert!(matches!(
        storage::load(&missing),
        Err(LoadError::NotFound(_))
    ));
    assert_refused(&aoplan(&["check"], &missing), &["nope.ron does not exist"]);
    assert!(!missing.exists(), "check never creates a --file");

    let locked = dir.path().join("locked.ron");
    fs::write(&locked, BUNDLED_PLAN).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("note: running as root, which reads any file; skipping the mode 000 check");
        return;
    }
    let e = storage::load(&locked).unwrap_err();
    assert!(
        e.to_string().contains("cannot read: permission denied"),
        "{e}"
    );
    assert_refused(&aoplan(&["check"], &locked), &["locked.ron: cannot read"]);
}
