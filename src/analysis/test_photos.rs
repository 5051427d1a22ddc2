//! Photos made of captions, for the analysis's unit tests.

use super::Reuse;
use super::findings::{Fact, Finding, FindingKind};
use super::witnesses::Witnesses;
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

/// A finding's mark as (variant, words, odd).
pub(crate) type Seen = (usize, String, bool);

/// Each finding's summary and marks, asserting its kind and fact and that
/// every mark's words are the text its span covers.
pub(crate) fn seen(
    photo: &Photo,
    findings: Vec<Finding>,
    kind: FindingKind,
    fact: Fact,
) -> Vec<(String, Vec<Seen>)> {
    findings
        .into_iter()
        .map(|f| {
            assert_eq!((f.kind, f.fact), (kind, fact));
            let marks = f
                .marks
                .iter()
                .map(|m| {
                    let at = m.location.expect("a mark in a text");
                    let text = photo.variants[m.variant]
                        .section(at.section)
                        .expect("the mark's section")
                        .as_str();
                    assert_eq!(at.span.slice(text), m.quote);
                    (m.variant, m.quote.clone(), m.odd)
                })
                .collect();
            (f.summary, marks)
        })
        .collect()
}

/// Witnesses where every variant is its own.
pub(crate) fn each_alone(photo: &Photo) -> Witnesses {
    Witnesses::new(photo.variants.len(), &Reuse::default())
}
