//! A planning session with several writers at once, as real processes: eight
//! add projects to one sub-theme while another renames it and a third moves a
//! project out of it. Everything lands, once, with unique ids.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Output};

use super::{fixture, project_ids};
use crate::support::plan_dir::PlanDir;

const WRITERS: usize = 8;
const EACH: usize = 10;
const RENAMES: usize = 5;
const SUB: &str = "integer-werken";

/// `aoplan ARGS` on the fixture as `user`; the lock waits long enough for a
/// busy machine.
fn aoplan(f: &PlanDir, user: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args(args)
        .env("AOPLAN_FILE", &f.plan)
        .env("AOPLAN_CONFIG", f.dir.path().join("no-config.ron"))
        .env("AOPLAN_LOCK_TIMEOUT_MS", "120000")
        .env("HOME", f.dir.path())
        .env("LC_ALL", "C")
        .env("USER", user)
        .output()
        .expect("aoplan runs")
}

fn ok(out: &Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what}: {stderr}");
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

#[test]
fn eight_adders_a_renamer_and_a_mover_all_land() {
    let f = fixture();
    let original = project_ids(&f.load(), SUB);
    // Every project gets the same title, so every id starts out the same and
    // the merge has to renumber; the details tell the projects apart.
    let printed: BTreeMap<String, String> = std::thread::scope(|s| {
        let adders: Vec<_> = (0..WRITERS)
            .map(|w| {
                let f = &f;
                s.spawn(move || {
                    let user = format!("writer-{w}");
                    (0..EACH)
                        .map(|n| {
                            let details = format!("{user} item {n}");
                            let args = [
                                "add",
                                "project",
                                "--in",
                                SUB,
                                "--title",
                                "Workshop",
                                "--details",
                                &details,
                            ];
                            let id = ok(&aoplan(f, &user, &args), &details);
                            (id.trim().to_string(), details)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let f = &f;
        s.spawn(move || {
            for r in 1..=RENAMES {
                let name = format!("Integer werken (ronde {r})");
                ok(
                    &aoplan(f, "renamer", &["edit", SUB, "--name", &name]),
                    &name,
                );
            }
        });
        s.spawn(move || {
            let args = [
                "move",
                "maatwerk-e-learning-integriteit",
                "--to",
                "loyale-tegenspraak",
            ];
            ok(&aoplan(f, "mover", &args), "move");
        });
        adders
            .into_iter()
            .flat_map(|h| h.join().expect("adder thread"))
            .collect()
    });

    assert_eq!(
        printed.len(),
        WRITERS * EACH,
        "every printed id is different"
    );
    let plan = f.load();
    assert!(plan.validate().is_empty());
    let sub = plan.themes[0]
        .subthemes
        .iter()
        .find(|s| s.id == SUB)
        .expect("the sub-theme");
    assert_eq!(sub.name, format!("Integer werken (ronde {RENAMES})"));
    // Each printed id is the project its command added: the id that was saved.
    for (id, details) in &printed {
        let p = sub
            .projects
            .iter()
            .find(|p| &p.id == id)
            .unwrap_or_else(|| panic!("{id} is not in {SUB}"));
        assert_eq!(&p.details, details, "{id}");
    }
    let ids: BTreeSet<&str> = sub.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), sub.projects.len(), "unique ids");
    assert_eq!(sub.projects.len(), original.len() - 1 + WRITERS * EACH);
    assert!(
        project_ids(&plan, "loyale-tegenspraak")
            .contains(&"maatwerk-e-learning-integriteit".to_string())
    );
    let added = plan
        .log
        .iter()
        .filter(|e| matches!(e.change, aoplan::plan::Logged::Added { .. }))
        .count();
    assert_eq!(added, WRITERS * EACH);
    let check = ok(&aoplan(&f, "checker", &["check"]), "check");
    assert!(
        check.contains(&format!("{} projects", 76 + WRITERS * EACH)),
        "{check}"
    );
}

/// Waits until process `pid` has the plan's lock file open: it has loaded the
/// plan and is waiting for the lock.
fn wait_for_lock_open(pid: u32) {
    let fds = format!("/proc/{pid}/fd");
    for _ in 0..6000 {
        let open = std::fs::read_dir(&fds)
            .into_iter()
            .flatten()
            .flatten()
            .any(|fd| {
                std::fs::read_link(fd.path())
                    .is_ok_and(|target| target.to_string_lossy().ends_with(".plan.ron.lock"))
            });
        if open {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("aoplan never opened the lock file");
}

#[test]
fn an_addition_whose_sub_theme_was_archived_meanwhile_goes_with_it() {
    if !std::path::Path::new("/proc/self/fd").exists() {
        eprintln!("skipped: no /proc to see when aoplan waits for the lock");
        return;
    }
    let f = fixture();
    // This test holds the lock, as another writer in the middle of a save.
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(f.dir.path().join(".plan.ron.lock"))
        .expect("lock file");
    lock.lock().expect("the lock");
    let child = Command::new(env!("CARGO_BIN_EXE_aoplan"))
        .args(["add", "project", "--in", SUB, "--title", "Te laat"])
        .env("AOPLAN_FILE", &f.plan)
        .env("AOPLAN_CONFIG", f.dir.path().join("no-config.ron"))
        .env("AOPLAN_LOCK_TIMEOUT_MS", "120000")
        .env("HOME", f.dir.path())
        .env("LC_ALL", "C")
        .env("USER", "late")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("aoplan starts");
    wait_for_lock_open(child.id());
    // Meanwhile the other writer archives the sub-theme and saves.
    let mut theirs = f.load();
    let archive = aoplan::edit::Change::archive(&theirs, aoplan::plan::Kind::Subtheme, SUB);
    let at = aoplan::timestamp::Timestamp::parse_rfc3339("2026-03-14T09:00:00Z").unwrap();
    aoplan::edit::apply(
        &mut theirs,
        &aoplan::edit::Edit::new(archive.unwrap(), at, "other"),
    );
    let bytes = aoplan::codec::to_ron(&theirs);
    let next = f.dir.path().join("next.ron");
    std::fs::write(&next, &bytes).unwrap();
    std::fs::rename(&next, &f.plan).unwrap();
    drop(lock);
    let out = child.wait_with_output().unwrap();
    // The addition is kept on the archived sub-theme, and the user is told.
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "te-laat\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("archived by someone else") && stderr.contains("kept on the archived item"),
        "{stderr}"
    );
    let plan = f.load();
    assert!(plan.locate("te-laat").is_none());
    assert!(
        plan.is_archived("te-laat"),
        "in the archive, with its sub-theme"
    );
}
