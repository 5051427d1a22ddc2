//! The text-with-header caption parser on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = caption_provenance::corpus::fuzzing::text_with_header(data);
});
