//! Who may read and write a file, from its owner, group, mode bits and POSIX ACL,
//! and whether a save that changes its owner would change that.
//!
//! Saving writes a new file and renames it over the plan, so the saver becomes the
//! owner unless they may give the file away (root). The rule: such a save is allowed
//! only when neither the old owner nor the saver ends up with other permissions than
//! before, evaluated as the kernel does (owner class, named ACL user, the file's and
//! named ACL groups under the mask, others). Everyone else keeps their class.

use std::ffi::{CStr, CString};
use std::fmt;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

/// The name of the extended attribute that holds a file's access ACL.
pub(super) const ACL_XATTR: &str = "system.posix_acl_access";

/// Read, write and execute bits of one permission class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Perms(pub u8);

impl fmt::Display for Perms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bit = |mask: u8, c: char| if self.0 & mask != 0 { c } else { '-' };
        write!(f, "{}{}{}", bit(4, 'r'), bit(2, 'w'), bit(1, 'x'))
    }
}

const USER_OBJ: u16 = 0x01;
const USER: u16 = 0x02;
const GROUP_OBJ: u16 = 0x04;
const GROUP: u16 = 0x08;
const MASK: u16 = 0x10;
const OTHER: u16 = 0x20;

/// A POSIX access ACL as the kernel stores it in `system.posix_acl_access`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Acl {
    entries: Vec<(u16, u8, u32)>,
}

impl Acl {
    /// Parses the attribute's value: a little-endian version 2 header, then
    /// (tag: u16, perm: u16, id: u32) entries. `None` for anything else.
    pub(super) fn parse(bytes: &[u8]) -> Option<Acl> {
        let (head, rest) = bytes.split_at_checked(4)?;
        if u32::from_le_bytes(head.try_into().ok()?) != 2 || rest.len() % 8 != 0 {
            return None;
        }
        let entries = rest
            .chunks_exact(8)
            .map(|e| {
                let tag = u16::from_le_bytes([e[0], e[1]]);
                let perm = (u16::from_le_bytes([e[2], e[3]]) & 7) as u8;
                (tag, perm, u32::from_le_bytes([e[4], e[5], e[6], e[7]]))
            })
            .collect();
        Some(Acl { entries })
    }

    fn find(&self, tag: u16) -> Option<u8> {
        self.entries.iter().find(|e| e.0 == tag).map(|e| e.1)
    }
}

/// A user as permission checks see them: uid and every group they are in.
#[derive(Debug, Clone)]
pub(super) struct Subject {
    pub uid: u32,
    pub groups: Vec<u32>,
}

impl Subject {
    /// This process: effective uid, effective gid and supplementary groups.
    pub(super) fn me() -> Subject {
        // SAFETY: these calls have no preconditions; getgroups writes at most `n` ids.
        unsafe {
            let mut groups = vec![libc::getegid()];
            let n = libc::getgroups(0, std::ptr::null_mut());
            if n > 0 {
                let mut buf = vec![0 as libc::gid_t; n as usize];
                let got = libc::getgroups(n, buf.as_mut_ptr());
                if got > 0 {
                    groups.extend_from_slice(&buf[..got as usize]);
                }
            }
            Subject {
                uid: libc::geteuid(),
                groups,
            }
        }
    }

    /// A user by uid, with the groups the user database gives them; no groups at
    /// all when the uid has no entry (then only "others" and named ACL entries apply).
    pub(super) fn of_uid(uid: u32) -> Subject {
        let groups = user_entry(uid)
            .map(|(name, gid)| group_list(&name, gid))
            .unwrap_or_default();
        Subject { uid, groups }
    }
}

/// The name and primary group of `uid` from the user database.
fn user_entry(uid: u32) -> Option<(CString, u32)> {
    let mut buf = vec![0 as libc::c_char; 16 * 1024];
    // SAFETY: an all-zero passwd is a valid out-parameter.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found = std::ptr::null_mut();
    // SAFETY: every pointer is valid for the sizes given; the strings it sets point
    // into `buf`, which outlives their use here.
    let rc = unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut found) };
    if rc != 0 || found.is_null() || pwd.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name is a NUL-terminated string inside `buf`.
    let name = unsafe { CStr::from_ptr(pwd.pw_name) }.to_owned();
    Some((name, pwd.pw_gid))
}

/// Every group of the user `name` whose primary group is `gid`.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn group_list(name: &CStr, gid: u32) -> Vec<u32> {
    let mut n: libc::c_int = 64;
    loop {
        let mut buf = vec![0 as libc::gid_t; n as usize];
        let before = n;
        // SAFETY: `buf` holds `n` entries; getgrouplist sets `n` to the count needed.
        let rc = unsafe { libc::getgrouplist(name.as_ptr(), gid, buf.as_mut_ptr(), &mut n) };
        if rc >= 0 {
            buf.truncate(n.max(0) as usize);
            return buf;
        }
        if n <= before {
            n = before * 2;
        }
        if n > 65_536 {
            return vec![gid];
        }
    }
}

/// Elsewhere only the primary group is known (a stricter check, never a looser one).
#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn group_list(_: &CStr, gid: u32) -> Vec<u32> {
    vec![gid]
}

/// A user's name for messages, or their number when the database has none.
pub(super) fn user_name(uid: u32) -> String {
    user_entry(uid)
        .map(|(name, _)| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("uid {uid}"))
}

/// The permissions `who` has on a file owned by `owner`, as the kernel decides them.
pub(super) fn access(who: &Subject, owner: u32, gid: u32, mode: u32, acl: Option<&Acl>) -> Perms {
    let class = |shift: u32| ((mode >> shift) & 7) as u8;
    if who.uid == owner {
        return Perms(class(6));
    }
    let Some(acl) = acl.filter(|a| a.find(USER_OBJ).is_some()) else {
        return Perms(if who.groups.contains(&gid) {
            class(3)
        } else {
            class(0)
        });
    };
    let mask = acl.find(MASK).unwrap_or(7);
    if let Some(e) = acl.entries.iter().find(|e| e.0 == USER && e.2 == who.uid) {
        return Perms(e.1 & mask);
    }
    let mut matched = false;
    let mut perms = 0u8;
    for &(tag, perm, id) in &acl.entries {
        let hit = match tag {
            GROUP_OBJ => who.groups.contains(&gid),
            GROUP => who.groups.contains(&id),
            _ => false,
        };
        if hit {
            matched = true;
            perms |= perm;
        }
    }
    if matched {
        Perms(perms & mask)
    } else {
        Perms(acl.find(OTHER).unwrap_or_else(|| class(0)))
    }
}

/// Whose permissions a save would change by making the saver the owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affected {
    /// The current owner, by name.
    Owner(String),
    /// The user saving.
    Saver,
}

/// A save that would change who may do what, because the saver becomes the owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerChange {
    pub path: PathBuf,
    /// The current owner's name.
    pub owner: String,
    pub affected: Affected,
    pub before: Perms,
    pub after: Perms,
}

impl OwnerChange {
    /// As data that `i18n` words in either language.
    pub fn why(&self) -> crate::i18n::ReadOnlyWhy {
        crate::i18n::ReadOnlyWhy::OwnerChange {
            path: self.path.clone(),
            owner: self.owner.clone(),
            who: match &self.affected {
                Affected::Owner(name) => Some(name.clone()),
                Affected::Saver => None,
            },
            before: self.before.to_string(),
            after: self.after.to_string(),
        }
    }
}

impl fmt::Display for OwnerChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said = crate::i18n::Lang::En.read_only_why(&self.why());
        f.write_str(&said)
    }
}

/// Whether a save by `saver` that makes them the owner of a file with `meta` and
/// `acl` would change anyone's permissions; `None` when it would not.
pub(super) fn owner_change(
    path: &std::path::Path,
    meta: &fs::Metadata,
    acl: Option<&Acl>,
    saver: &Subject,
) -> Option<OwnerChange> {
    let (owner, gid, mode) = (meta.uid(), meta.gid(), meta.mode());
    if saver.uid == owner {
        return None;
    }
    let old_owner = Subject::of_uid(owner);
    let owner_before = access(&old_owner, owner, gid, mode, acl);
    let owner_after = access(&old_owner, saver.uid, gid, mode, acl);
    let saver_before = access(saver, owner, gid, mode, acl);
    let saver_after = access(saver, saver.uid, gid, mode, acl);
    let name = user_name(owner);
    let change = |affected, before, after| OwnerChange {
        path: path.to_path_buf(),
        owner: name.clone(),
        affected,
        before,
        after,
    };
    if owner_before != owner_after {
        Some(change(
            Affected::Owner(name.clone()),
            owner_before,
            owner_after,
        ))
    } else if saver_before != saver_after {
        Some(change(Affected::Saver, saver_before, saver_after))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acl(entries: &[(u16, u8, u32)]) -> Acl {
        let mut bytes = 2u32.to_le_bytes().to_vec();
        for &(tag, perm, id) in entries {
            bytes.extend(tag.to_le_bytes());
            bytes.extend(u16::from(perm).to_le_bytes());
            bytes.extend(id.to_le_bytes());
        }
        Acl::parse(&bytes).expect("parses")
    }

    fn user(uid: u32, groups: &[u32]) -> Subject {
        Subject {
            uid,
            groups: groups.to_vec(),
        }
    }

    #[test]
    fn mode_bits_by_class() {
        let (alice, bob, eve) = (user(10, &[50]), user(11, &[50]), user(12, &[60]));
        assert_eq!(access(&alice, 10, 50, 0o640, None), Perms(6));
        assert_eq!(access(&bob, 10, 50, 0o640, None), Perms(4));
        assert_eq!(access(&eve, 10, 50, 0o640, None), Perms(0));
        assert_eq!(Perms(6).to_string(), "rw-");
    }

    #[test]
    fn acl_named_entries_and_mask() {
        let a = acl(&[
            (USER_OBJ, 6, u32::MAX),
            (USER, 7, 12),
            (GROUP_OBJ, 6, u32::MAX),
            (GROUP, 4, 70),
            (MASK, 4, u32::MAX),
            (OTHER, 0, u32::MAX),
        ]);
        // The mask limits named users and all groups, not the owner or others.
        assert_eq!(access(&user(12, &[]), 10, 50, 0o640, Some(&a)), Perms(4));
        assert_eq!(access(&user(11, &[50]), 10, 50, 0o640, Some(&a)), Perms(4));
        assert_eq!(access(&user(13, &[70]), 10, 50, 0o640, Some(&a)), Perms(4));
        assert_eq!(access(&user(14, &[80]), 10, 50, 0o640, Some(&a)), Perms(0));
        assert_eq!(Acl::parse(b"\x01\0\0\0"), None);
    }

    #[test]
    fn owner_change_rule() {
        // Same bits for owner and group, both in the group: nothing changes.
        let (o, s) = (user(10, &[50]), user(11, &[50]));
        let same = |mode| {
            let before = (
                access(&o, 10, 50, mode, None),
                access(&s, 10, 50, mode, None),
            );
            let after = (
                access(&o, 11, 50, mode, None),
                access(&s, 11, 50, mode, None),
            );
            before == after
        };
        assert!(same(0o660));
        assert!(same(0o664));
        // Owner rw, group r: the saver would gain write as owner, the owner lose it.
        assert!(!same(0o640));
        assert!(!same(0o620));
    }
}
