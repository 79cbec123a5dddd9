//! The presence directory on a real file system, with a colleague who plants
//! whatever they like in it.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::*;

const T0: Timestamp = Timestamp(1_790_000_000);

fn plan_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    fs::write(&plan, "plan").unwrap();
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o660)).unwrap();
    (dir, plan)
}

fn at(item: &str, editing: bool) -> Announcement {
    Announcement {
        item: Some(item.into()),
        editing,
    }
}

/// The name another UI of ours would be shown under: its claim only from root.
fn shown(claim: &str) -> String {
    match platform::current_uid() {
        0 => claim.to_string(),
        uid => platform::account_name_of(uid).unwrap_or_else(|| format!("uid-{uid}")),
    }
}

/// A file a colleague writes by hand under a valid name of `uid` on `host`,
/// with a heartbeat at [`T0`].
fn plant(dir: &Path, uid: u32, pid: u32, host: &str, body: &[u8]) -> PathBuf {
    let name = FileName {
        uid,
        pid,
        token: "zZ9yY8".into(),
        host: host.into(),
    };
    let path = dir.join(name.format());
    fs::write(&path, body).unwrap();
    let t0 = std::time::UNIX_EPOCH + std::time::Duration::from_secs(T0.0 as u64);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(t0)
        .unwrap();
    path
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o666) }, 0);
}

fn body(user: &str) -> Vec<u8> {
    format!("aoplan-presence 1\nuser {user}\nitem werkplezier\n").into_bytes()
}

fn users(peers: &[Peer]) -> Vec<(&str, Option<&str>, bool)> {
    peers
        .iter()
        .map(|p| (p.user.as_str(), p.item.as_deref(), p.editing))
        .collect()
}

#[test]
fn two_uis_see_each_other_and_not_themselves() {
    let (_d, plan) = plan_dir();
    let mut anna = Presence::for_plan(&plan, "anna");
    let mut bert = Presence::for_plan(&plan, "bert");
    assert!(anna.peers(T0).is_empty(), "no directory yet");
    anna.announce(&at("kwalen-kwartet", true), T0).unwrap();
    bert.announce(&Announcement::default(), T0).unwrap();
    let (a, b) = (shown("anna"), shown("bert"));
    assert_eq!(users(&anna.peers(T0)), [(b.as_str(), None, false)]);
    assert_eq!(
        users(&bert.peers(T0)),
        [(a.as_str(), Some("kwalen-kwartet"), true)]
    );
    assert!(anna.dir().ends_with(".plan.ron.presence"));
    // A quit UI is gone at once; its directory stays for the others, and the
    // last one out removes it.
    drop(anna);
    assert!(bert.peers(T0).is_empty());
    assert!(bert.dir().is_dir());
    bert.withdraw();
    assert!(fs::symlink_metadata(bert.dir()).is_err());
    assert_eq!(fs::read_dir(plan.parent().unwrap()).unwrap().count(), 1);
}

#[test]
fn a_heartbeat_older_than_thirty_seconds_or_from_the_future_is_stale() {
    let (_d, plan) = plan_dir();
    let mut anna = Presence::for_plan(&plan, "anna");
    let mut bert = Presence::for_plan(&plan, "bert");
    anna.announce(&at("werkplezier", false), T0).unwrap();
    let stale = STALE_AFTER.as_secs() as i64;
    assert_eq!(bert.peers(Timestamp(T0.0 + stale)).len(), 1);
    assert!(bert.peers(Timestamp(T0.0 + stale + 1)).is_empty());
    assert!(bert.peers(Timestamp(T0.0 - stale - 1)).is_empty());
    // The next heartbeat makes it fresh again.
    anna.announce(&at("werkplezier", false), Timestamp(T0.0 + 100))
        .unwrap();
    assert_eq!(bert.peers(Timestamp(T0.0 + 100)).len(), 1);
}

#[test]
fn files_of_processes_that_are_gone_are_ignored_and_our_own_removed() {
    let (_d, plan) = plan_dir();
    let mut me = Presence::for_plan(&plan, "me");
    me.announce(&Announcement::default(), T0).unwrap();
    let dir = me.dir();
    let uid = platform::current_uid();
    let host = platform::host_name();
    // Killed sessions of ours on this machine: a file and a temporary file.
    let dead = plant(&dir, uid, 99_999_999, &host, &body("me"));
    let temp = dir.join(format!(".{uid}-99999999-aAaAaA@{host}.rNd123.tmp"));
    fs::write(&temp, "half").unwrap();
    // A session on another machine: its process cannot be checked here.
    let elsewhere = plant(&dir, uid, 99_999_999, "other-host", &body("me"));
    let peers = me.peers(T0);
    assert_eq!(peers.len(), 1, "{peers:?}");
    assert!(!dead.exists() && !temp.exists());
    assert!(elsewhere.exists());
    // Once stale, our own leftover from elsewhere goes too.
    assert!(me.peers(Timestamp(T0.0 + 31)).is_empty());
    assert!(!elsewhere.exists());
}

#[test]
fn hostile_files_are_skipped_without_hanging_or_reading_much() {
    let (_d, plan) = plan_dir();
    let mut me = Presence::for_plan(&plan, "me");
    me.announce(&Announcement::default(), T0).unwrap();
    let dir = me.dir();
    let uid = platform::current_uid();
    // Contents: MAX_PER_USER files of one user are read, these four.
    let good = plant(&dir, uid, 1, "h-good", &body("good"));
    plant(
        &dir,
        uid,
        2,
        "h-evil",
        "aoplan-presence 1\nuser eve\u{1b}]52;c;eA==\u{7}\u{202e}\n".as_bytes(),
    );
    plant(
        &dir,
        uid,
        3,
        "h-utf8",
        b"aoplan-presence 1\nuser \xff\xfe\n",
    );
    plant(&dir, uid, 4, "h-junk", &[0u8; 300]);
    // What the files are: each under a user id of its own, so that each is
    // opened (and refused before any check of its owner).
    let other = |k: u32| uid.wrapping_add(k);
    let mut big = body("big");
    big.resize(MAX_FILE_BYTES as usize + 1, b'x');
    plant(&dir, other(1), 5, "h-big", &big);
    let sparse = plant(&dir, other(2), 6, "h-sparse", b"");
    fs::File::options()
        .write(true)
        .open(&sparse)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    // Symbolic links to a FIFO, /dev/zero and the plan; a FIFO; a directory.
    let fifo = dir.join("fifo");
    mkfifo(&fifo);
    let named = |k: u32, pid: u32| {
        let name = FileName {
            uid: other(k),
            pid,
            token: "pLaNt0".into(),
            host: "h".into(),
        };
        dir.join(name.format())
    };
    std::os::unix::fs::symlink(&fifo, named(3, 7)).unwrap();
    std::os::unix::fs::symlink("/dev/zero", named(4, 8)).unwrap();
    std::os::unix::fs::symlink(&plan, named(5, 9)).unwrap();
    mkfifo(&named(6, 10));
    fs::create_dir(named(7, 11)).unwrap();
    let peers = me.peers(T0);
    let names: Vec<&str> = peers.iter().map(|p| p.user.as_str()).collect();
    let expected_evil = shown("eve␛]52;c;eA==␇<U+202E>");
    assert_eq!(peers.len(), 2, "{names:?}");
    assert!(names.contains(&shown("good").as_str()), "{names:?}");
    assert!(names.contains(&expected_evil.as_str()), "{names:?}");
    for p in &peers {
        assert!(!p.user.chars().any(crate::terminal_safe::is_unsafe));
    }
    // Nothing planted was changed or removed (only our own leftovers ever are).
    assert!(good.exists() && sparse.exists());
    assert_eq!(fs::read(&plan).unwrap(), b"plan");
}

#[test]
fn a_file_owned_by_someone_else_than_its_name_says_is_not_believed() {
    if platform::current_uid() != 0 {
        eprintln!("skipped: giving a file away needs root");
        return;
    }
    let (_d, plan) = plan_dir();
    let mut me = Presence::for_plan(&plan, "root");
    me.announce(&Announcement::default(), T0).unwrap();
    // Owned by uid 1 but named as root's: someone pretending to be root.
    let fake = plant(&me.dir(), 0, 1, "h", &body("the-admin"));
    std::os::unix::fs::lchown(&fake, Some(1), None).unwrap();
    // Owned by uid 1 and named so: shown under the account's name, whatever it claims.
    let honest = plant(&me.dir(), 1, 1, "h", &body("the-admin"));
    std::os::unix::fs::lchown(&honest, Some(1), None).unwrap();
    let peers = me.peers(T0);
    let account = platform::account_name_of(1).unwrap_or_else(|| "uid-1".into());
    assert_eq!(
        users(&peers),
        [(account.as_str(), Some("werkplezier"), false)]
    );
}

#[test]
fn one_user_cannot_crowd_out_the_others() {
    let (_d, plan) = plan_dir();
    let mut me = Presence::for_plan(&plan, "me");
    me.announce(&Announcement::default(), T0).unwrap();
    let uid = platform::current_uid();
    for pid in 1..=50 {
        plant(&me.dir(), uid, pid, "flood", &body("flood"));
    }
    assert_eq!(me.peers(T0).len(), MAX_PER_USER);
    if uid != 0 {
        eprintln!("skipped: a file of another user needs root");
        return;
    }
    let colleague = plant(&me.dir(), 1, 99, "h", &body("one"));
    std::os::unix::fs::lchown(&colleague, Some(1), None).unwrap();
    let peers = me.peers(T0);
    assert_eq!(peers.len(), MAX_PER_USER + 1);
    assert!(peers.iter().any(|p| p.uid == 1));
}

#[test]
fn a_symlink_planted_as_the_directory_is_never_followed() {
    let (d, plan) = plan_dir();
    let elsewhere = d.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let mut me = Presence::for_plan(&plan, "me");
    std::os::unix::fs::symlink(&elsewhere, me.dir()).unwrap();
    assert!(me.announce(&at("werkplezier", false), T0).is_err());
    assert!(me.peers(T0).is_empty());
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    // A regular file or a FIFO in its place: no directory, no hang.
    fs::remove_file(me.dir()).unwrap();
    fs::write(me.dir(), "x").unwrap();
    assert!(me.announce(&at("werkplezier", false), T0).is_err());
    assert!(me.peers(T0).is_empty());
    fs::remove_file(me.dir()).unwrap();
    mkfifo(&me.dir());
    assert!(me.announce(&at("werkplezier", false), T0).is_err());
    assert!(me.peers(T0).is_empty());
}

#[test]
fn a_symlink_planted_at_our_own_name_is_replaced_not_followed() {
    let (d, plan) = plan_dir();
    let mut me = Presence::for_plan(&plan, "me");
    me.announce(&Announcement::default(), T0).unwrap();
    let victim = d.path().join("authorized_keys");
    fs::write(&victim, "ssh-ed25519 AAAA").unwrap();
    let ours = me.dir().join(me.file_name());
    fs::remove_file(&ours).unwrap();
    std::os::unix::fs::symlink(&victim, &ours).unwrap();
    me.announce(&at("werkplezier", true), T0).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "ssh-ed25519 AAAA");
    let meta = fs::symlink_metadata(&ours).unwrap();
    assert!(meta.is_file());
    assert!(fs::read_to_string(&ours).unwrap().contains("editing yes"));
}

#[test]
fn a_replaced_directory_gets_our_file_and_the_old_one_loses_it() {
    let (d, plan) = plan_dir();
    let mut me = Presence::for_plan(&plan, "me");
    let mut other = Presence::for_plan(&plan, "other");
    me.announce(&Announcement::default(), T0).unwrap();
    let moved = d.path().join("moved");
    fs::rename(me.dir(), &moved).unwrap();
    assert!(other.peers(T0).is_empty(), "the directory is gone");
    me.announce(&Announcement::default(), T0).unwrap();
    assert_eq!(other.peers(T0).len(), 1);
    assert_eq!(fs::read_dir(&moved).unwrap().count(), 0);
    // Deleted altogether: made again at the next heartbeat.
    fs::remove_dir_all(me.dir()).unwrap();
    me.announce(&Announcement::default(), T0).unwrap();
    assert_eq!(other.peers(T0).len(), 1);
}

#[test]
fn the_directory_and_files_are_shared_with_the_plans_group_only() {
    let (_d, plan) = plan_dir();
    let mut me = Presence::for_plan(&plan, "me");
    me.announce(&Announcement::default(), T0).unwrap();
    let dir = fs::symlink_metadata(me.dir()).unwrap();
    assert_eq!(dir.mode() & 0o1777, 0o1770, "{:o}", dir.mode());
    let file = fs::symlink_metadata(me.dir().join(me.file_name())).unwrap();
    assert_eq!(file.mode() & 0o777, 0o640, "{:o}", file.mode());
    assert_eq!(file.gid(), fs::metadata(&plan).unwrap().gid());
    // A plan everyone may read: so may its presence.
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o664)).unwrap();
    me.announce(&Announcement::default(), T0).unwrap();
    let dir = fs::symlink_metadata(me.dir()).unwrap();
    assert_eq!(dir.mode() & 0o1777, 0o1775, "{:o}", dir.mode());
    let file = fs::symlink_metadata(me.dir().join(me.file_name())).unwrap();
    assert_eq!(file.mode() & 0o777, 0o644);
}

#[test]
fn a_heartbeat_renews_the_time_and_a_change_rewrites_the_file() {
    let (_d, plan) = plan_dir();
    let mut me = Presence::for_plan(&plan, "me");
    let mut other = Presence::for_plan(&plan, "other");
    let ours = me.dir().join(me.file_name());
    me.announce(&at("werkplezier", false), T0).unwrap();
    let first = fs::symlink_metadata(&ours).unwrap();
    assert_eq!(first.mtime(), T0.0);
    // The same again, later: the same file, a newer heartbeat.
    let later = Timestamp(T0.0 + 20);
    me.announce(&at("werkplezier", false), later).unwrap();
    let renewed = fs::symlink_metadata(&ours).unwrap();
    assert_eq!((renewed.ino(), renewed.mtime()), (first.ino(), later.0));
    assert_eq!(other.peers(Timestamp(T0.0 + 45)).len(), 1);
    // Something else to say: a new file.
    me.announce(&at("werkplezier", true), later).unwrap();
    assert_ne!(fs::symlink_metadata(&ours).unwrap().ino(), first.ino());
    assert!(other.peers(later)[0].editing);
    // A colleague deletes it: the next heartbeat writes it again.
    fs::remove_file(&ours).unwrap();
    me.announce(&at("werkplezier", true), later).unwrap();
    assert!(fs::read_to_string(&ours).unwrap().contains("editing yes"));
}

#[test]
fn alone_nothing_is_read_until_the_directory_changes() {
    let (_d, plan) = plan_dir();
    let mut me = Presence::for_plan(&plan, "me");
    me.announce(&Announcement::default(), T0).unwrap();
    // Just changed: the directory's times may be too coarse to trust yet.
    let now = Timestamp::now();
    assert!(me.peers(now).is_empty());
    assert!(me.quiet.is_none());
    let later = Timestamp(now.0 + 5);
    assert!(me.peers(later).is_empty());
    assert!(
        me.quiet.is_some(),
        "nobody else: the directory is remembered"
    );
    assert!(me.peers(later).is_empty());
    // A heartbeat changes our file, not the directory.
    me.announce(&Announcement::default(), later).unwrap();
    assert!(me.quiet.is_some() && me.peers(later).is_empty());
    // A colleague arrives: the directory changed, so they are seen.
    let mut anna = Presence::for_plan(&plan, "anna");
    anna.announce(&Announcement::default(), later).unwrap();
    assert_eq!(me.peers(later).len(), 1);
    assert!(me.quiet.is_none());
    drop(anna);
    assert!(me.peers(later).is_empty());
}
