//! Photos made of captions, for the analysis's unit tests.

use crate::corpus::{Photo, Source, Text, Variant};

/// A variant of one outlet with only a caption.
pub(crate) fn variant(outlet: &str, caption: &str) -> Variant {
    Variant {
        source: Source {
            outlet: outlet.to_string(),
            ..Source::default()
        },
        caption: Text::new(caption),
        ..Variant::default()
    }
}

/// A photo of (outlet, caption) variants.
pub(crate) fn photo(captions: &[(&str, &str)]) -> Photo {
    Photo {
        variants: captions.iter().map(|(o, c)| variant(o, c)).collect(),
        ..Photo::default()
    }
}
