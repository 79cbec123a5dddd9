//! Several real `aoplan` UIs on one plan, each in its own pseudo-terminal: they
//! see each other under the header, see whose editor is open on what, and see
//! each other leave however they leave; a hostile colleague with a second uid
//! plants what they like in the presence directory.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support;
use support::pty::{Session, TIMEOUT};
use support::users::{as_user, shared_dir, users};

const BUNDLED: &str = include_str!("../../data/activiteitenplan-2026.ron");

fn plan_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, BUNDLED).unwrap();
    (dir, path)
}

fn ui(plan: &Path, user: &str, args: &[&str]) -> Session {
    let s = Session::start_with_env(plan, args, 120, 40, &[("USER", user)]);
    s.wait_text("Programma rondom Loyale Tegenspraak");
    s
}

/// The line under the header.
fn presence_line(screen: &str) -> &str {
    screen.lines().nth(1).unwrap_or_default()
}

fn wait_until(what: &str, pred: impl Fn() -> bool) {
    let start = Instant::now();
    while !pred() {
        assert!(start.elapsed() < TIMEOUT, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn two_uis_see_each_other_and_each_others_editor() {
    let (dir, plan) = plan_copy();
    let mut anna = ui(&plan, "anna", &[]);
    let mut bert = ui(&plan, "bert", &[]);
    // Each sees the other with what they have selected (anna: the first theme).
    bert.wait_for("anna in bert's header", |s| {
        presence_line(s).trim_end() == "also open: anna (ambtelijk-vakmanschap)"
    });
    anna.wait_for("bert in anna's header", |s| {
        presence_line(s).starts_with("also open: bert")
    });

    // anna opens the notes editor on a project that bert looks at.
    anna.send("/kwalen\r");
    bert.send("/kwalen\r");
    bert.wait_for("anna's selection", |s| {
        presence_line(s).contains("anna (kwalen-kwartet)")
    });
    anna.send("e");
    let screen = bert.wait_for("anna's editor", |s| {
        presence_line(s).contains("anna (✎ kwalen-kwartet)")
    });
    let screen = if screen.contains("✎ anna is editing this") {
        screen
    } else {
        bert.wait_text("✎ anna is editing this")
    };
    let row = screen
        .lines()
        .find(|l| l.contains("Ontwikkeling van het kwalen-kwartet "))
        .expect("the project's row");
    assert!(row.contains("✎ Planned"), "{row}");
    // anna's own editor is not marked on anna's screen.
    anna.wait_for("bert's selection", |s| {
        presence_line(s).contains("bert (kwalen-kwartet)")
    });
    assert!(!anna.screen().contains("is editing this"));

    // Closing the editor takes the mark away.
    anna.send("\x1b");
    bert.wait_for("the mark to go", |s| {
        presence_line(s).contains("anna (kwalen-kwartet)") && !s.contains("is editing this")
    });

    // anna quits: bert's line goes at once, and anna's file with it.
    anna.send("q");
    assert!(anna.wait_exit().success());
    bert.wait_for("anna gone", |s| !s.contains("also open"));
    bert.send("q");
    assert!(bert.wait_exit().success());
    // The last one out removes the directory; the plan is as it was.
    assert!(fs::symlink_metadata(dir.path().join(".plan.ron.presence")).is_err());
    assert_eq!(fs::read_to_string(&plan).unwrap(), BUNDLED);
}

#[test]
fn a_ui_that_is_killed_or_hung_up_leaves_and_a_read_only_one_never_shows() {
    let (dir, plan) = plan_copy();
    let presence = dir.path().join(".plan.ron.presence");
    let mut bert = ui(&plan, "bert", &[]);
    let mut carla = ui(&plan, "carla", &[]);
    let mut dora = ui(&plan, "dora", &["--read-only"]);
    bert.wait_for("carla", |s| {
        presence_line(s).starts_with("also open: carla")
    });
    // dora (read-only) sees the others but announces nothing.
    dora.wait_for("bert and carla", |s| {
        presence_line(s).contains("bert") && presence_line(s).contains("carla")
    });
    assert!(!bert.screen().contains("dora"));
    let files = || fs::read_dir(&presence).map_or(0, |d| d.count());
    assert_eq!(files(), 2);

    // Killed outright: its file stays, but its process is gone, so it is
    // ignored at once and removed by the next UI of the same user.
    // SAFETY: signalling our own child.
    unsafe { libc::kill(carla.pid(), libc::SIGKILL) };
    carla.wait_exit();
    bert.wait_for("carla gone", |s| !s.contains("carla"));
    wait_until("carla's file removed", || files() == 1);

    // A hung-up terminal: the UI ends and takes its file along.
    let mut erik = ui(&plan, "erik", &[]);
    bert.wait_for("erik", |s| presence_line(s).contains("erik"));
    erik.hang_up();
    erik.wait_exit();
    bert.wait_for("erik gone", |s| !s.contains("erik"));
    assert_eq!(files(), 1);

    // SIGTERM too.
    // SAFETY: signalling our own child.
    unsafe { libc::kill(bert.pid(), libc::SIGTERM) };
    bert.wait_exit();
    dora.wait_for("nobody else", |s| !s.contains("also open"));
    dora.send("q");
    dora.wait_exit();
    assert!(fs::symlink_metadata(&presence).is_err());
}

/// A colleague (a second real uid in the plan's group) plants symlinks, FIFOs,
/// a huge file and files with hostile names in the presence directory. The
/// other UI runs as a third uid: it shows the colleague under their account
/// name, never writes outside the directory, never hangs, and keeps working.
#[test]
fn a_hostile_colleague_cannot_redirect_hang_or_fool_another_ui() {
    let Some(users) = users() else { return };
    if std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: setpriv (util-linux) is not installed");
        return;
    }
    let (dir, plan) = shared_dir(users.a.uid, users.a.gid, 0o660);
    let presence = dir.path().join(".plan.ron.presence");
    // The victim's own directory, which the colleague would like written to.
    let home = tempfile::tempdir().unwrap();
    std::os::unix::fs::chown(home.path(), Some(users.a.uid), Some(users.a.gid)).unwrap();
    fs::set_permissions(home.path(), fs::Permissions::from_mode(0o755)).unwrap();

    // The colleague creates the presence directory first and fills it.
    let b = users.b;
    let evil_name = "root\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{202e}";
    let script = format!(
        r#"set -e
d="$1"; home="$2"
mkdir "$d"; chmod 3777 "$d"
printf 'aoplan-presence 1\nuser {evil_name}\nitem kwalen-kwartet\nediting yes\n' > "$d/{uid}-1-eViL01@elsewhere"
printf 'aoplan-presence 1\nuser anna\n' > "$d/{a}-1-fAkE01@elsewhere"
ln -s "$home" "$d/{uid}-2-lInK01@elsewhere"
ln -s /dev/zero "$d/{uid}-3-zErO01@elsewhere"
mkfifo "$d/{o}-4-fIfO01@elsewhere"
truncate -s 2G "$d/{uid}-5-hUgE01@elsewhere"
for i in $(seq 1 300); do : > "$d/.junk-$i"; done
"#,
        uid = b.uid,
        a = users.a.uid,
        o = users.outsider.uid,
    );
    let out = as_user(
        std::process::Command::new("sh")
            .args(["-c", &script, "sh"])
            .arg(&presence)
            .arg(home.path()),
        b,
        0o002,
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The victim's UI, as user a.
    let argv: Vec<String> = [
        "setpriv".to_string(),
        format!("--reuid={}", users.a.uid),
        format!("--regid={}", users.a.gid),
        format!("--groups={}", users.a.gid),
        "--".into(),
        env!("CARGO_BIN_EXE_aoplan").into(),
        "--file".into(),
        plan.display().to_string(),
    ]
    .into();
    let mut victim = Session::spawn(&argv, home.path(), 120, 40, &[("USER", "sync")]);
    victim.wait_text("Programma rondom Loyale Tegenspraak");
    let account = aoplan::platform::account_name_of(b.uid).unwrap();
    let screen = victim.wait_for("the colleague", |s| {
        presence_line(s).contains(&format!("also open: {account} (✎ kwalen-kwartet)"))
    });
    // The claimed name is not believed, the spoofed file of the victim's own
    // uid is not either, and nothing from them reaches the terminal raw.
    assert!(!presence_line(&screen).contains("root"), "{screen}");
    assert!(!presence_line(&screen).contains("anna"), "{screen}");
    let raw = victim.raw.lock().unwrap().clone();
    assert!(
        !raw.windows(4).any(|w| w == b"\x1b]52"),
        "OSC 52 reached the terminal"
    );
    // The victim announced itself in the colleague's directory, and nowhere else.
    let theirs: Vec<_> = fs::read_dir(&presence)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.metadata().is_ok_and(|m| m.uid() == users.a.uid))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(theirs.len(), 1, "{theirs:?}");
    assert!(
        theirs[0].starts_with(&format!("{}-", users.a.uid)),
        "{theirs:?}"
    );
    let stray: Vec<_> = fs::read_dir(home.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n != ".local")
        .collect();
    assert!(
        stray.is_empty(),
        "written into the victim's home: {stray:?}"
    );
    // The UI still works: search, select, quit.
    victim.send("/kwalen\r");
    victim.wait_text(&format!("✎ {account} is editing this"));
    victim.send("q");
    assert!(victim.wait_exit().success());
    // Its own file is gone; the colleague's are left alone.
    let left: Vec<_> = fs::read_dir(&presence)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.metadata().is_ok_and(|m| m.uid() == users.a.uid))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(fs::read_dir(&presence).unwrap().count(), 6 + 300);
    assert_eq!(fs::read_to_string(&plan).unwrap(), BUNDLED);
}
