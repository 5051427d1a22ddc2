//! The claim extractor on a one-variant corpus whose caption is the fuzz
//! input (as lossy UTF-8).
#![no_main]

use caption_provenance::analysis::analyze;
use caption_provenance::corpus::{Corpus, Photo, Text, Variant};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let caption = String::from_utf8_lossy(data);
    let corpus = Corpus {
        photos: vec![Photo {
            id: "fuzz".into(),
            title: "fuzz".into(),
            variants: vec![Variant {
                id: "fuzz.txt".into(),
                caption: Text::new(caption.as_ref()),
                ..Variant::default()
            }],
            ..Photo::default()
        }],
        ..Corpus::default()
    };
    let _ = analyze(&corpus);
});
