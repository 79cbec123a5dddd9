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
