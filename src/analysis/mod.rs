//! Who and what each caption claims, and where the captions disagree.
//!
//! `analyze` turns a [`Corpus`] into an [`Analysis`]: people resolved across
//! spellings, claims tied to spans, conflicts ranked by severity, and reuse.
//! Word diffs and the alignment of all variants are computed on request
//! (`diff`, `align`), because they depend on view options.

mod model;

pub mod align;
pub mod diff;
pub mod reuse;
pub mod tokens;

pub use model::*;

use crate::corpus::Corpus;

/// Analyses every photo of the corpus. (Stub: the analysis issue fills this in.)
pub fn analyze(corpus: &Corpus) -> Analysis {
    Analysis {
        photos: corpus
            .photos
            .iter()
            .map(|_| PhotoAnalysis::default())
            .collect(),
    }
}
