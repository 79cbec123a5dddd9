//! The names and contents of presence files: small, line-based, versioned, and
//! read as if a hostile colleague wrote them (any bytes, any name).
//!
//! A file is named `<uid>-<pid>-<token>@<host>` and holds, in UTF-8:
//!
//! ```text
//! aoplan-presence 1
//! user anna
//! item kwalen-kwartet
//! editing yes
//! ```
//!
//! `user` is required; `item` (a plan id) and `editing` (`yes` or `no`) are
//! optional. Unknown keys are skipped, so a newer version can add some; a key
//! given twice, a line without a value, bad UTF-8 or a value out of form makes
//! the whole file count as absent. The heartbeat is the file's modification
//! time, so that it can be renewed without rewriting the file.

use crate::plan::is_valid_id;
use crate::terminal_safe::user_name;

/// The first line of every presence file.
const MAGIC: &str = "aoplan-presence 1";

/// The longest item id accepted; plan ids are far shorter.
pub(super) const MAX_ID_BYTES: usize = 100;

/// The longest host name in a file name.
const MAX_HOST_BYTES: usize = 64;

/// The random part of a file name: this many letters and digits.
const TOKEN_CHARS: usize = 6;

/// Whose a presence file is, from its name `<uid>-<pid>-<token>@<host>`: the
/// user id it must belong to, the process and machine that announce, and a
/// random token, so that nobody can plant something under the name beforehand.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct FileName {
    pub uid: u32,
    pub pid: u32,
    pub token: String,
    pub host: String,
}

impl FileName {
    pub fn format(&self) -> String {
        format!("{}-{}-{}@{}", self.uid, self.pid, self.token, self.host)
    }

    /// The name's parts, if it is exactly in the form [`format`](Self::format)
    /// writes (digits without sign or leading zeros, a token of letters and
    /// digits, a host of letters, digits, `.` and `-`).
    pub fn parse(name: &[u8]) -> Option<FileName> {
        let name = std::str::from_utf8(name).ok()?;
        let (ids, host) = name.split_once('@')?;
        let mut parts = ids.splitn(3, '-');
        let (uid, pid, token) = (parts.next()?, parts.next()?, parts.next()?);
        let valid_host = !host.is_empty()
            && host.len() <= MAX_HOST_BYTES
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        let valid_token =
            token.len() == TOKEN_CHARS && token.bytes().all(|b| b.is_ascii_alphanumeric());
        if !valid_host || !valid_token {
            return None;
        }
        let parsed = FileName {
            uid: number(uid)?,
            pid: number(pid)?,
            token: token.to_string(),
            host: host.to_string(),
        };
        (parsed.format() == name).then_some(parsed)
    }

    /// The name of a temporary file for this one: starts with a dot, so it never
    /// parses as a presence file.
    pub fn temp(&self, random: &str) -> String {
        format!(".{}.{random}.tmp", self.format())
    }

    /// The presence file a temporary name was for.
    pub fn of_temp(name: &[u8]) -> Option<FileName> {
        let inner = name.strip_prefix(b".")?.strip_suffix(b".tmp")?;
        let dot = inner.iter().rposition(|&b| b == b'.')?;
        FileName::parse(&inner[..dot])
    }
}

/// A token for a new [`FileName`] from random letters and digits.
pub(super) fn token(random: &str) -> String {
    let mut token: String = random
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(TOKEN_CHARS)
        .collect();
    while token.len() < TOKEN_CHARS {
        token.push('0');
    }
    token
}

fn number(digits: &str) -> Option<u32> {
    let canonical = digits == "0" || !digits.starts_with('0');
    (canonical && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// What a presence file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Content {
    /// The name the writer gave, made safe by [`user_name`].
    pub user: String,
    /// The id of the item selected or being edited.
    pub item: Option<String>,
    /// Whether an editor is open on `item`.
    pub editing: bool,
}

pub(super) fn encode(content: &Content) -> String {
    let mut text = format!("{MAGIC}\nuser {}\n", content.user);
    if let Some(item) = content.item.as_deref().filter(|id| valid_item(id)) {
        text.push_str(&format!("item {item}\n"));
        text.push_str(if content.editing {
            "editing yes\n"
        } else {
            "editing no\n"
        });
    }
    text
}

/// The content of a file, if it is a well-formed presence file.
pub(super) fn decode(bytes: &[u8]) -> Option<Content> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut lines = text.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let (mut user, mut item, mut editing) = (None, None, None);
    for line in lines {
        let (key, value) = line.split_once(' ')?;
        let slot_was_empty = match key {
            "user" => user.replace(user_name(value)?).is_none(),
            "item" => item
                .replace(Some(value.to_string()).filter(|id| valid_item(id))?)
                .is_none(),
            "editing" => editing.replace(yes_no(value)?).is_none(),
            _ => true,
        };
        if !slot_was_empty {
            return None;
        }
    }
    Some(Content {
        user: user?,
        editing: editing.unwrap_or(false) && item.is_some(),
        item,
    })
}

fn valid_item(id: &str) -> bool {
    id.len() <= MAX_ID_BYTES && is_valid_id(id)
}

fn yes_no(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(uid: u32, pid: u32) -> FileName {
        FileName {
            uid,
            pid,
            token: "aB3dE9".into(),
            host: "srv-1.example".into(),
        }
    }

    #[test]
    fn file_names_round_trip_and_nothing_else_parses() {
        let n = name(1000, 4242);
        assert_eq!(n.format(), "1000-4242-aB3dE9@srv-1.example");
        assert_eq!(FileName::parse(n.format().as_bytes()), Some(n.clone()));
        for bad in [
            "",
            "1000-4242-aB3dE9",
            "1000-4242@srv",
            "01000-4242-aB3dE9@srv",
            "+1000-4242-aB3dE9@srv",
            "1000--4242-aB3dE9@srv",
            "1000-4242-aB3dE@srv",
            "1000-4242-aB3dE9!@srv",
            "1000-4242-aB3dE9@",
            "1000-4242-aB3dE9@srv/x",
            "1000-4242-aB3dE9@srv\n",
            "99999999999-1-aB3dE9@srv",
            "1000-4242-aB3dE9@srv@srv",
            ".1000-4242-aB3dE9@srv",
        ] {
            assert_eq!(FileName::parse(bad.as_bytes()), None, "{bad:?}");
        }
        assert_eq!(FileName::parse(b"1000-42\xff-aB3dE9@srv"), None);
        let long_host = format!("1-2-aB3dE9@{}", "h".repeat(65));
        assert_eq!(FileName::parse(long_host.as_bytes()), None);
    }

    #[test]
    fn temporary_names_never_parse_as_presence_files_but_lead_back() {
        let n = name(7, 8);
        let temp = n.temp("xYz123");
        assert_eq!(temp, ".7-8-aB3dE9@srv-1.example.xYz123.tmp");
        assert_eq!(FileName::parse(temp.as_bytes()), None);
        assert_eq!(FileName::of_temp(temp.as_bytes()), Some(n));
        assert_eq!(FileName::of_temp(b".7-8-aB3dE9@srv.tmp"), None);
        assert_eq!(token("ab"), "ab0000");
        assert_eq!(token("a-b_c.d1e2f3g4"), "abcd1e");
    }

    #[test]
    fn contents_round_trip() {
        let c = Content {
            user: "anna".into(),
            item: Some("kwalen-kwartet".into()),
            editing: true,
        };
        let text = encode(&c);
        assert_eq!(
            text,
            "aoplan-presence 1\nuser anna\nitem kwalen-kwartet\nediting yes\n"
        );
        assert_eq!(decode(text.as_bytes()), Some(c.clone()));
        let bare = Content {
            user: "bert".into(),
            item: None,
            editing: false,
        };
        assert_eq!(decode(encode(&bare).as_bytes()), Some(bare));
        // An item that is no plan id is left out rather than written.
        let odd = Content {
            item: Some("Not An Id".into()),
            ..c
        };
        assert!(!encode(&odd).contains("item"));
    }

    #[test]
    fn hostile_contents_are_refused_or_made_safe() {
        let ok = "aoplan-presence 1\nuser anna\n";
        assert!(decode(ok.as_bytes()).is_some());
        // A newer version's extra key is skipped.
        let newer = format!("{ok}mood sunny\n");
        assert!(decode(newer.as_bytes()).is_some());
        for bad in [
            "",
            "aoplan-presence 2\nuser anna\n",
            "user anna\n",
            "aoplan-presence 1\n",
            "aoplan-presence 1 \nuser anna\n",
            "aoplan-presence 1\nuser anna\nuser bert\n",
            "aoplan-presence 1\nuser anna\nitem werkplezier\nitem arbeidsmarkt\n",
            "aoplan-presence 1\nuser anna\nediting yes\nediting no\n",
            "aoplan-presence 1\nuser \n",
            "aoplan-presence 1\nuser\n",
            "aoplan-presence 1\nuser anna\nitem ../../etc\n",
            "aoplan-presence 1\nuser anna\nitem KWALEN\n",
            "aoplan-presence 1\nuser anna\nediting maybe\n",
            "aoplan-presence 1\nuser anna\nnovalue\n",
        ] {
            assert_eq!(decode(bad.as_bytes()), None, "{bad:?}");
        }
        assert_eq!(decode(b"aoplan-presence 1\nuser an\xffna\n"), None);
        let long_id = format!("{ok}item {}\n", "a".repeat(MAX_ID_BYTES + 1));
        assert_eq!(decode(long_id.as_bytes()), None);
        // Control, bidi and format characters in the name become placeholders.
        let evil = "aoplan-presence 1\nuser eve\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{202e}\u{200b}\n";
        let c = decode(evil.as_bytes()).unwrap();
        assert_eq!(c.user, "eve␛]52;c;cm0gLXJmIH4=␇<U+202E><U+200B>");
        assert!(!c.user.chars().any(crate::terminal_safe::is_unsafe));
        // At most 64 characters of a name are kept.
        let long = format!("aoplan-presence 1\nuser {}\n", "x".repeat(500));
        assert_eq!(decode(long.as_bytes()).unwrap().user.chars().count(), 64);
        // "editing" without an item edits nothing.
        let c = decode(format!("{ok}editing yes\n").as_bytes()).unwrap();
        assert!(!c.editing);
    }
}
