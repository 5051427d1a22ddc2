//! The alignment of all variants of a photo, as a table whose columns are
//! aligned tokens. (Stub: the analysis issue fills this in.)

use serde::{Deserialize, Serialize};

use super::diff::DiffOptions;
use super::{PhotoAnalysis, Span};
use crate::corpus::{Photo, Section};

/// Rows are variants (`variants[i]` is an index into `photo.variants`);
/// each column holds, per row, the span of the token aligned there or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    pub variants: Vec<usize>,
    pub columns: Vec<AlignedColumn>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignedColumn {
    /// One cell per row of `Alignment::variants`.
    pub cells: Vec<Option<Span>>,
    /// Every row that has a token here has the same one (under the options).
    pub agreed: bool,
}

pub fn align_variants(
    photo: &Photo,
    analysis: &PhotoAnalysis,
    section: Section,
    options: DiffOptions,
) -> Alignment {
    let _ = (photo, analysis, section, options);
    Alignment::default()
}
