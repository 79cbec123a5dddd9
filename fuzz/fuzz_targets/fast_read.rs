//! Plan text in: where the fast reader reads it, ron reads the same plan, and
//! loading gives exactly ron's plan or ron's error either way.

#![no_main]

use libfuzzer_sys::fuzz_target;

use aoplan::codec;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = codec::decode(data) else {
        return;
    };
    let ron = codec::parse_with_ron(text);
    if let Some(fast) = codec::parse_fast(text) {
        assert_eq!(Ok(fast), ron, "the fast reader and ron disagree on {text:?}");
    }
    // An empty file has a message of its own, before either reader.
    if !text.trim().is_empty() {
        assert_eq!(codec::parse(text), ron, "loading is not ron's on {text:?}");
    }
});
