//! git as the engine between machines: two clones of one plan change it
//! independently, and `git pull` merges them through `aoplan merge-driver`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aoplan::edit::{Change, Edit, TextField, apply};
use aoplan::plan::{Item, Plan, Project, Status, YearStatus};
use aoplan::timestamp::Timestamp;

const PLAN: &str = "plan.ron";

/// A temporary world: a home, a bare remote and the clones.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn env(&self, cmd: &mut Command) {
        let home = self.path("home");
        cmd.env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_STATE_HOME", home.join(".local/state"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("AOPLAN_CONFIG", home.join("no-config.ron"))
            .env("LC_ALL", "C")
            .env("USER", "tester");
    }

    fn git(&self, dir: &Path, args: &[&str]) -> Output {
        let mut cmd = Command::new("git");
        self.env(&mut cmd);
        cmd.current_dir(dir).args(args).output().expect("git runs")
    }

    fn git_ok(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.git(dir, args);
        assert!(out.status.success(), "git {args:?}: {}", text(&out));
        text(&out)
    }

    fn aoplan(&self, dir: &Path, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aoplan"));
        self.env(&mut cmd);
        let file = dir.join(PLAN);
        cmd.current_dir(dir).arg("--file").arg(file).args(args);
        cmd.output().expect("aoplan runs")
    }

    fn aoplan_ok(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.aoplan(dir, args);
        assert!(out.status.success(), "aoplan {args:?}: {}", text(&out));
        text(&out)
    }

    /// A clone of the remote, with its own identity and the driver set up.
    fn clone(&self, name: &str) -> PathBuf {
        let remote = self.path("remote.git");
        self.git_ok(
            self.dir.path(),
            &["clone", "-q", remote.to_str().unwrap(), name],
        );
        let dir = self.path(name);
        self.git_ok(&dir, &["config", "user.name", name]);
        self.git_ok(
            &dir,
            &["config", "user.email", &format!("{name}@example.org")],
        );
        self.aoplan_ok(&dir, &["git-setup"]);
        dir
    }
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

fn have_git() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A repository with the bundled plan and the driver, and two clones of it.
fn world() -> (World, PathBuf, PathBuf) {
    let world = World {
        dir: tempfile::tempdir().expect("temporary directory"),
    };
    fs::create_dir_all(world.path("home")).unwrap();
    let seed = world.path("seed");
    fs::create_dir_all(&seed).unwrap();
    world.git_ok(&seed, &["init", "-q", "-b", "main"]);
    world.git_ok(&seed, &["config", "user.name", "seed"]);
    world.git_ok(&seed, &["config", "user.email", "seed@example.org"]);
    fs::write(seed.join(PLAN), aoplan::storage::BUNDLED_PLAN).unwrap();
    let setup = world.aoplan_ok(&seed, &["git-setup"]);
    assert!(setup.contains("plan.ron merge=aoplan"), "{setup}");
    assert!(setup.contains("merge.aoplan.driver"), "{setup}");
    // Idempotent: the second run finds everything in place.
    let again = world.aoplan_ok(&seed, &["git-setup"]);
    assert_eq!(again.matches("already set").count(), 3, "{again}");
    assert_eq!(
        fs::read_to_string(seed.join(".gitattributes")).unwrap(),
        "plan.ron merge=aoplan\n"
    );
    world.git_ok(&seed, &["add", PLAN, ".gitattributes"]);
    world.git_ok(&seed, &["commit", "-q", "-m", "the plan"]);
    let remote = world.path("remote.git");
    world.git_ok(
        world.dir.path(),
        &[
            "clone",
            "-q",
            "--bare",
            seed.to_str().unwrap(),
            remote.to_str().unwrap(),
        ],
    );
    let a = world.clone("a");
    let b = world.clone("b");
    (world, a, b)
}

/// Changes the plan in `dir` through the library, as of `at`.
fn edit(dir: &Path, at: Timestamp, make: impl FnOnce(&Plan) -> Change) {
    let path = dir.join(PLAN);
    let mut plan = aoplan::storage::load(&path).expect("plan loads");
    let change = make(&plan);
    apply(&mut plan, &Edit::new(change, at, "tester"));
    fs::write(&path, aoplan::codec::to_ron(&plan)).unwrap();
}

fn load(dir: &Path) -> Plan {
    aoplan::storage::load(&dir.join(PLAN)).expect("plan loads")
}

fn status(plan: &Plan, id: &str) -> Option<Status> {
    let p = plan
        .projects()
        .find(|(_, p)| p.id == id)
        .expect("project")
        .1;
    p.status_in(plan.year)
}

#[test]
fn two_clones_merge_field_by_field_through_aoplan() {
    if !have_git() {
        eprintln!("skipped: git is not installed (.ci/deps installs it)");
        return;
    }
    let (world, a, b) = world();
    let base = load(&a);
    let ids: Vec<String> = base.projects().map(|(_, p)| p.id.clone()).take(6).collect();
    for id in &ids {
        assert_ne!(status(&base, id), Some(Status::Cancelled));
        assert_ne!(status(&base, id), Some(Status::OnHold));
    }
    let sub = base.themes[1].subthemes[0].id.clone();

    // B first changes one of the projects A will change, an hour ago.
    let earlier = Timestamp(Timestamp::now().0 - 3600);
    edit(&b, earlier, |p| {
        Change::status(p, &ids[0], p.year, Some(Status::OnHold)).unwrap()
    });
    // A: three statuses and a new project.
    for id in &ids[..3] {
        world.aoplan_ok(&a, &["set", id, "cancelled"]);
    }
    edit(&a, Timestamp::now(), |p| {
        let item = Item::Project(Project {
            id: "nieuw-project".into(),
            title: "Nieuw project".into(),
            details: String::new(),
            owner: "a".into(),
            notes: String::new(),
            status: YearStatus([(p.year, Status::Planned)].into()),
            history: Vec::new(),
        });
        Change::add(p, item, &sub, None).unwrap()
    });
    // B: three other statuses and a sub-theme renamed.
    for id in &ids[3..] {
        world.aoplan_ok(&b, &["set", id, "on-hold"]);
    }
    edit(&b, Timestamp::now(), |p| {
        Change::text(
            p,
            TextField::SubthemeName(sub.clone()),
            "Andere naam".into(),
        )
        .unwrap()
    });
    world.git_ok(&a, &["commit", "-q", "-am", "a"]);
    world.git_ok(&b, &["commit", "-q", "-am", "b"]);
    world.git_ok(&a, &["push", "-q"]);
    let pulled = world.git(&b, &["pull", "--no-rebase", "-q"]);
    assert!(pulled.status.success(), "{}", text(&pulled));
    let said = text(&pulled);
    assert!(said.contains("plan.ron: merged, 1 open conflict"), "{said}");

    let bytes = fs::read_to_string(b.join(PLAN)).unwrap();
    assert!(!bytes.contains("<<<<<<<") && !bytes.contains(">>>>>>>"));
    let check = world.aoplan_ok(&b, &["check"]);
    assert!(check.contains("projects"), "{check}");
    let merged = load(&b);
    assert_eq!(merged.project_count(), base.project_count() + 1);
    // The one field both changed: A's change is the later one.
    for id in &ids[..3] {
        assert_eq!(status(&merged, id), Some(Status::Cancelled), "{id}");
    }
    for id in &ids[3..] {
        assert_eq!(status(&merged, id), Some(Status::OnHold), "{id}");
    }
    let s = merged.all_subthemes().find(|s| s.id == sub).unwrap();
    assert_eq!(s.name, "Andere naam");
    assert!(s.projects.iter().any(|p| p.id == "nieuw-project"));
    // Both sides' records are kept, in time order.
    let first = merged.projects().find(|(_, p)| p.id == ids[0]).unwrap().1;
    let tos: Vec<_> = first.history.iter().rev().take(2).map(|h| h.to).collect();
    assert_eq!(tos, [Some(Status::Cancelled), Some(Status::OnHold)]);
    let clean = world.git_ok(&b, &["status", "--porcelain", "--untracked-files=no"]);
    assert_eq!(clean, "", "the merge was committed");
    // A takes the merge, open conflict and all.
    world.git_ok(&b, &["push", "-q"]);
    world.git_ok(&a, &["pull", "--no-rebase", "-q"]);
    assert_eq!(load(&a).conflicts, merged.conflicts);

    settle_the_open_conflict(&world, &b, &ids[0]);
    // B's keep travels: A, which changed something else meanwhile, merges it
    // and the conflict is settled there too.
    world.git_ok(&b, &["commit", "-q", "-am", "kept"]);
    world.git_ok(&b, &["push", "-q"]);
    world.aoplan_ok(&a, &["set", &ids[1], "done"]);
    world.git_ok(&a, &["commit", "-q", "-am", "a again"]);
    world.git_ok(&a, &["pull", "--no-rebase", "-q"]);
    let last = load(&a);
    assert!(last.conflicts.is_empty(), "{:?}", last.conflicts);
    assert_eq!(status(&last, &ids[1]), Some(Status::Done));
    assert_eq!(world.aoplan_ok(&a, &["conflicts"]), "no open conflicts\n");
}

/// The one open conflict the merge left (B's On hold lost to A's later
/// Cancelled) is listed, and both keeping and taking settle it.
fn settle_the_open_conflict(world: &World, b: &Path, id: &str) {
    let key = format!("{id}:status:2026");
    let listed = world.aoplan_ok(b, &["conflicts"]);
    assert!(listed.starts_with("1 open conflict:\n1. "), "{listed}");
    assert!(listed.contains("— status 2026\n"), "{listed}");
    assert!(listed.contains("kept:  Cancelled\n"), "{listed}");
    assert!(listed.contains("other: On hold (by tester, "), "{listed}");
    assert!(listed.contains(&format!("key:   {key}\n")), "{listed}");
    let json: serde_json::Value =
        serde_json::from_str(&world.aoplan_ok(b, &["conflicts", "--json"])).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json}");
    assert_eq!(json[0]["key"], key.as_str());
    assert_eq!(
        (&json[0]["kept"], &json[0]["other"]),
        (&"Cancelled".into(), &"OnHold".into())
    );
    let merged = fs::read(b.join(PLAN)).unwrap();
    let history = |plan: &Plan| {
        plan.projects()
            .find(|(_, p)| p.id == id)
            .unwrap()
            .1
            .history
            .len()
    };
    let before = history(&load(b));

    // An unknown number changes nothing.
    let wrong = world.aoplan(b, &["conflicts", "take", "2"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(text(&wrong).contains("no open conflict 2: there are 1, numbered 1–1"));
    assert_eq!(fs::read(b.join(PLAN)).unwrap(), merged);

    // Take: the other value, recorded, and the conflict gone.
    let took = world.aoplan_ok(b, &["conflicts", "take", "1"]);
    assert_eq!(took, format!("{key}: Cancelled → On hold taken (saved)\n"));
    let plan = load(b);
    assert_eq!(status(&plan, id), Some(Status::OnHold));
    assert_eq!(history(&plan), before + 1);
    let last = plan
        .projects()
        .find(|(_, p)| p.id == id)
        .unwrap()
        .1
        .history
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last.from, last.to, last.by.as_str()),
        (Some(Status::Cancelled), Some(Status::OnHold), "tester")
    );
    assert!(plan.conflicts.is_empty());
    assert_eq!(world.aoplan_ok(b, &["conflicts"]), "no open conflicts\n");
    world.aoplan_ok(b, &["check"]);

    // Keep, from the merged file again: the plan's value stays, nothing recorded.
    world.git_ok(b, &["checkout", "--", PLAN]);
    let kept = world.aoplan_ok(b, &["conflicts", "keep", &key]);
    assert_eq!(
        kept,
        format!("{key}: kept Cancelled, not On hold (saved)\n")
    );
    let plan = load(b);
    assert_eq!(status(&plan, id), Some(Status::Cancelled));
    assert_eq!(history(&plan), before);
    assert!(plan.conflicts.is_empty());
    world.aoplan_ok(b, &["check"]);
    // The file is the merged one without its three lines of open conflicts.
    let merged = String::from_utf8(merged).unwrap();
    let mut lines: Vec<&str> = merged.lines().collect();
    let at = lines.iter().position(|l| *l == "    conflicts: [").unwrap();
    assert!(lines[at + 1].contains(&format!(
        "Status(id: \"{id}\", year: 2026, kept: Cancelled, other: OnHold)"
    )));
    assert_eq!(lines.drain(at..at + 3).nth(2), Some("    ],"));
    assert_eq!(
        fs::read_to_string(b.join(PLAN)).unwrap(),
        lines.join("\n") + "\n"
    );
}

#[test]
fn a_side_that_does_not_parse_makes_git_report_a_conflict() {
    if !have_git() {
        eprintln!("skipped: git is not installed (.ci/deps installs it)");
        return;
    }
    let (world, a, b) = world();
    let id = load(&a).projects().next().unwrap().1.id.clone();
    fs::write(a.join(PLAN), "Plan(fund: \"kapot\",\n  title: ").unwrap();
    world.git_ok(&a, &["commit", "-q", "-am", "broken"]);
    world.git_ok(&a, &["push", "-q"]);
    world.aoplan_ok(&b, &["set", &id, "done"]);
    world.git_ok(&b, &["commit", "-q", "-am", "b"]);
    let ours = fs::read(b.join(PLAN)).unwrap();
    let pulled = world.git(&b, &["pull", "--no-rebase"]);
    assert!(!pulled.status.success(), "{}", text(&pulled));
    let said = text(&pulled);
    assert!(said.contains("CONFLICT"), "{said}");
    assert!(said.contains("cannot merge, file left untouched"), "{said}");
    assert!(said.contains(":2:"), "names the line: {said}");
    assert_eq!(
        fs::read(b.join(PLAN)).unwrap(),
        ours,
        "the file is untouched"
    );
}

/// Outside a repository, or without git, `git-setup` says what to do in the
/// user's language instead of passing on git's own words.
#[test]
fn git_setup_outside_a_repository_or_without_git_says_what_to_do() {
    let world = World {
        dir: tempfile::tempdir().expect("temporary directory"),
    };
    let here = world.path("not-a-repo");
    fs::create_dir_all(&here).unwrap();
    let said = |lang: &str, path: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aoplan"));
        world.env(&mut cmd);
        cmd.current_dir(&here)
            .env("GIT_CEILING_DIRECTORIES", world.dir.path())
            .args(["--lang", lang, "--file", PLAN, "git-setup"]);
        if let Some(path) = path {
            cmd.env("PATH", path);
        }
        let out = cmd.output().expect("aoplan runs");
        (out.status.code(), text(&out))
    };
    let (code, nl) = said("nl", Some("/nonexistent"));
    assert_eq!(code, Some(1));
    assert_eq!(
        nl,
        "aoplan: git is niet gevonden: installeer git, of zet het in PATH\n"
    );
    let (_, en) = said("en", Some("/nonexistent"));
    assert_eq!(
        en,
        "aoplan: git was not found: install git, or put it on PATH\n"
    );
    if !have_git() {
        eprintln!("skipped: git is not installed (.ci/deps installs it)");
        return;
    }
    let (code, nl) = said("nl", None);
    assert_eq!(code, Some(1));
    assert!(
        nl.starts_with("aoplan: hier is geen git-repository: "),
        "{nl}"
    );
    let (_, en) = said("en", None);
    assert!(en.starts_with("aoplan: not in a git repository: "), "{en}");
    assert!(!here.join(".gitattributes").exists());
}
