//! Plan bytes in: loading must never panic, and whatever loads must survive the
//! canonical writer unchanged.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

use aoplan::{codec, storage};

fuzz_target!(|data: &[u8]| {
    // The whole load path, message included: decode, parse, validate, excerpt.
    if let Err(e) = storage::parse_plan(Path::new("fuzz.ron"), data) {
        let _ = e.to_string();
    }
    let Ok(text) = codec::decode(data) else {
        return;
    };
    let Ok(plan) = codec::parse(text) else {
        return;
    };
    let written = codec::to_ron(&plan);
    let reparsed = match codec::parse(&written) {
        Ok(p) => p,
        Err(e) => panic!("canonical text does not parse: {e:?}\n{written}"),
    };
    assert_eq!(reparsed, plan, "round trip changed the plan");
    assert_eq!(codec::to_ron(&reparsed), written, "writer is not stable");
});
