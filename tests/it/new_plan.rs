//! `aoplan new`, run as the real binary: an empty plan, created exclusively
//! and durably, never replacing a file; and the storage call under it.

use std::fs;

use aoplan::storage;

use crate::support::start_dir::{Dir, NEW, text};

#[test]
fn new_writes_an_empty_valid_plan_and_never_replaces_a_file() {
    let d = Dir::new();
    let out = d.ok(&[&["new", "--file", "p.ron"][..], &NEW].concat());
    assert_eq!(
        out,
        "created p.ron: Plan 2027 (F, plan year 2027): 0 themes, 0 sub-themes, 0 projects\n"
    );
    let bytes = fs::read(d.path("p.ron")).unwrap();
    assert_eq!(
        text(&bytes),
        "(\n    fund: \"F\",\n    title: \"Plan 2027\",\n    year: 2027,\n    themes: [],\n)\n"
    );
    assert_eq!(
        d.ok(&["check", "--file", "p.ron"]),
        "p.ron: 0 themes, 0 sub-themes, 0 projects\n"
    );
    // Again, in both languages: refused, the file as it was, nothing left behind.
    let err = d.fails(&[&["new", "--file", "p.ron"][..], &NEW].concat(), 1);
    assert_eq!(
        err,
        "aoplan: p.ron already exists; `new` and `import` never replace a file: \
         choose another --file, or move the existing one away first\n"
    );
    let err = d.fails(
        &[&["--lang", "nl", "new", "-f", "p.ron"][..], &NEW].concat(),
        1,
    );
    assert!(err.starts_with("aoplan: p.ron bestaat al;"), "{err}");
    assert_eq!(fs::read(d.path("p.ron")).unwrap(), bytes);
    assert_eq!(d.names(), ["p.ron"]);
    // A dangling symlink is something too: it is neither followed nor replaced.
    std::os::unix::fs::symlink("elsewhere.ron", d.path("link.ron")).unwrap();
    d.fails(&[&["new", "--file", "link.ron"][..], &NEW].concat(), 1);
    assert!(!d.path("elsewhere.ron").exists());
    assert!(
        fs::symlink_metadata(d.path("link.ron"))
            .unwrap()
            .is_symlink()
    );
}

#[test]
fn new_and_import_need_a_year_fund_and_title() {
    let d = Dir::new();
    let err = d.fails(
        &["new", "--fund", "F", "--title", "T", "--file", "p.ron"],
        2,
    );
    assert!(err.contains("--year <YEAR>"), "{err}");
    assert!(err.contains("Usage: aoplan new"), "{err}");
    let err = d.fails(&["import", "x.md", "--fund", "F", "--title", "T"], 2);
    assert!(err.contains("--year <YEAR>"), "{err}");
    let err = d.fails(&["new", "--year", "2027", "--title", "T", "-f", "p.ron"], 2);
    assert!(err.contains("--fund <NAME>"), "{err}");
    let err = d.fails(&["new", "--fund", " ", "--title", "T", "--year", "2027"], 1);
    assert_eq!(err, "aoplan: no plan created: `fund` is empty\n");
    assert!(d.names().is_empty(), "{:?}", d.names());
}

#[test]
fn new_with_json_prints_an_object_and_dry_run_writes_nothing() {
    let d = Dir::new();
    let out = d.ok(&[&["new", "-f", "p.ron", "--json", "--dry-run"][..], &NEW].concat());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["created"], false);
    assert!(d.names().is_empty());
    let out = d.ok(&[&["new", "-f", "p.ron", "--json"][..], &NEW].concat());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v,
        serde_json::json!({
            "path": "p.ron", "created": true, "fund": "F", "title": "Plan 2027",
            "year": 2027, "themes": 0, "subthemes": 0, "projects": 0,
        })
    );
    let err = d.fails(
        &[&["new", "-f", "q.ron", "--read-only"][..], &NEW].concat(),
        1,
    );
    assert_eq!(
        err,
        "aoplan: --read-only: no plan is created (use --dry-run to try)\n"
    );
    assert_eq!(d.names(), ["p.ron"]);
}

#[test]
fn new_without_a_file_creates_the_default_plan_not_the_bundled_one() {
    let d = Dir::new();
    let out = d.run(&[&["new"][..], &NEW].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // No "created … from the bundled Activiteitenplan" first.
    assert_eq!(text(&out.stderr), "");
    let path = d.path("data/aoplan/plan.ron");
    let plan = storage::load(&path).unwrap();
    assert_eq!((plan.title.as_str(), plan.themes.len()), ("Plan 2027", 0));
}

#[test]
fn create_new_never_replaces_what_a_colleague_created_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // Eight writers race for one name: one wins, the others are told, and
    // the file is the winner's, whole.
    let results: Vec<(usize, std::io::Result<()>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let path = &path;
                s.spawn(move || {
                    (
                        i,
                        storage::create_new(path, i.to_string().repeat(4096).as_bytes()),
                    )
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let winners: Vec<usize> = results
        .iter()
        .filter(|(_, r)| r.is_ok())
        .map(|(i, _)| *i)
        .collect();
    assert_eq!(winners.len(), 1, "{results:?}");
    for (_, r) in &results {
        if let Err(e) = r {
            assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        }
    }
    let content = fs::read_to_string(&path).unwrap();
    assert_eq!(content, winners[0].to_string().repeat(4096));
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no workspace left behind");
}

#[test]
fn every_new_command_has_help_with_examples() {
    let d = Dir::new();
    for cmd in ["new", "import", "export"] {
        let help = d.ok(&[cmd, "--help"]);
        assert!(help.contains("Examples:\n  aoplan "), "{cmd}: {help}");
    }
    let help = d.ok(&["export", "--help"]);
    assert!(help.contains("[default: outline]"), "{help}");
    let err = d.fails(&["export", "--format", "ron"], 2);
    assert!(err.contains("possible values: outline"), "{err}");
}
