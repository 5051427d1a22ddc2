//! The saved-web-page caption extractor on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = caption_provenance::corpus::fuzzing::html_caption(data);
});
