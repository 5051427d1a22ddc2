//! The TOML and JSON caption readers on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = caption_provenance::corpus::fuzzing::toml_caption(data);
    let _ = caption_provenance::corpus::fuzzing::json_caption(data);
});
