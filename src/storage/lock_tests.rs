//! What a lock file says about its holder: what aoplan writes, read back
//! exactly; anything else a colleague may have written, read without panic
//! or harm.

use proptest::prelude::*;

use super::{MAX_HOLDER_BYTES, parse_holder};
use crate::i18n::Holder;
use crate::timestamp::Timestamp;

fn other(text: &str) -> Holder {
    Holder::Other(text.into())
}

#[test]
fn what_aoplan_writes_is_read_back() {
    assert_eq!(
        parse_holder(b"hanna (pid 4242) since 2026-03-14T09:21:05Z"),
        Holder::Known {
            name: "hanna".into(),
            pid: 4242,
            since: Some(Timestamp(1_773_480_065)),
        }
    );
    assert_eq!(
        parse_holder(b"anna de vries (pid 7)\n"),
        Holder::Known {
            name: "anna de vries".into(),
            pid: 7,
            since: None,
        }
    );
    assert_eq!(parse_holder(b""), Holder::Unknown);
    assert_eq!(parse_holder(b" \n\t\x1b"), Holder::Unknown);
}

#[test]
fn hostile_or_foreign_text_stays_free_text_made_safe() {
    let table: &[(&[u8], Holder)] = &[
        (
            b"x (pid notanumber) since garbage",
            other("x (pid notanumber) since garbage"),
        ),
        (
            b"x (pid 12) since garbage",
            other("x (pid 12) since garbage"),
        ),
        (b"x (pid -1)", other("x (pid -1)")),
        (b"x (pid +1)", other("x (pid +1)")),
        (b"x (pid )", other("x (pid )")),
        (b"x (pid 99999999999)", other("x (pid 99999999999)")),
        (b" (pid 3)", other("(pid 3)")),
        (b"a script of carla", other("a script of carla")),
        // Escape sequences lose their control characters.
        (
            b"\x1b]0;pwned\x07mallory\x1b[2J (pid 5)",
            Holder::Known {
                name: "]0;pwnedmallory[2J".into(),
                pid: 5,
                since: None,
            },
        ),
        // Bad UTF-8 is shown as replacement characters.
        (b"bo\xffb (pid 6)", {
            Holder::Known {
                name: "bo\u{fffd}b".into(),
                pid: 6,
                since: None,
            }
        }),
    ];
    for (bytes, expected) in table {
        assert_eq!(
            &parse_holder(bytes),
            expected,
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
    // A bidi override cannot turn the text around on the screen.
    let Holder::Other(text) = parse_holder("\u{202e}evil".as_bytes()) else {
        panic!("free text");
    };
    assert!(!text.contains('\u{202e}'), "{text}");
}

#[test]
fn a_huge_lock_file_is_read_only_in_part() {
    let huge = "x".repeat(10 * MAX_HOLDER_BYTES);
    let Holder::Other(text) = parse_holder(huge.as_bytes()) else {
        panic!("free text");
    };
    assert_eq!(text.len(), MAX_HOLDER_BYTES);
    let name = "n".repeat(1000);
    let Holder::Other(text) = parse_holder(format!("{name} (pid 1)").as_bytes()) else {
        panic!("cut short, it is no longer in aoplan's shape");
    };
    assert!(text.len() <= MAX_HOLDER_BYTES);
}

proptest! {
    /// Any bytes give a holder without panic, short and free of control
    /// characters.
    #[test]
    fn any_bytes_give_a_safe_holder(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let shown = match parse_holder(&bytes) {
            Holder::Known { name, .. } => name,
            Holder::Other(text) => text,
            Holder::Unknown => String::new(),
            h => panic!("{h:?}"),
        };
        prop_assert!(shown.chars().count() <= MAX_HOLDER_BYTES);
        prop_assert!(!shown.chars().any(char::is_control), "{shown:?}");
    }

    /// Whatever name aoplan records, it reads the same holder back.
    #[test]
    fn a_recorded_holder_reads_back(name in "[a-z][a-z0-9._-]{0,30}", pid in any::<u32>(), at in 0i64..4_000_000_000) {
        let text = format!("{name} (pid {pid}) since {}", Timestamp(at));
        prop_assert_eq!(
            parse_holder(text.as_bytes()),
            Holder::Known { name, pid, since: Some(Timestamp(at)) }
        );
    }
}
