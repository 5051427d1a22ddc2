//! The alignment of all variants of a photo, as a table whose columns are
//! aligned tokens (CollateX's "alignment table").
//!
//! The alignment is progressive and deterministic: the first variant that
//! has the section gives the first columns; each next variant is diffed
//! (`similar`, patience, over token keys) against the table built so far,
//! where each column stands for its most common key (the earliest row's key
//! breaks ties). Equal tokens go into their column; a replaced run of the
//! same length is paired column by column with the old one (so "silver" and
//! "bronze" share a column, marked as not agreed); the tokens of a replaced
//! run of another length, like inserted ones, get columns of their own, after
//! the old run's. Transposed words are not detected: they show as gaps in
//! both places.
//!
//! A photo with more than [`MAX_ROWS`] variants holding the section gets
//! one row for each distinct text (the first variant that has it), up to
//! [`MAX_ROWS`]: copies add nothing to the table, and a table of thousands
//! of rows is read by nobody while it costs rows x columns to build.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag as OpTag, capture_diff_slices};

use super::diff::DiffOptions;
use super::tokens::{KeyInterner, KeyedToken, keyed_tokens, section_mentions};
use super::{PhotoAnalysis, Span};
use crate::corpus::{Photo, Section};

/// The most rows (variants) an alignment has.
pub const MAX_ROWS: usize = 100;

/// Rows are variants (`variants[i]` is an index into `photo.variants`);
/// each column holds, per row, the span of the token aligned there or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    pub variants: Vec<usize>,
    pub columns: Vec<AlignedColumn>,
}

/// One column of the table: the tokens aligned with each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignedColumn {
    /// One cell per row of `Alignment::variants`.
    pub cells: Vec<Option<Span>>,
    /// Every row that has a token here has the same one (under the options).
    pub agreed: bool,
}

impl AlignedColumn {
    /// Every row has a token here.
    pub fn is_complete(&self) -> bool {
        self.cells.iter().all(Option::is_some)
    }
}

/// Aligns one section of every variant of a photo that has that section
/// (in `photo.variants` order). Mentions of people come from `analysis`
/// (used with `same_person_equal`).
pub fn align_variants(
    photo: &Photo,
    analysis: &PhotoAnalysis,
    section: Section,
    options: DiffOptions,
) -> Alignment {
    let mut variants = Vec::new();
    let mut witnesses = Vec::new();
    for (index, variant) in photo.variants.iter().enumerate() {
        if let Some(text) = variant.section(section) {
            let mentions = section_mentions(analysis, index, section);
            variants.push(index);
            witnesses.push(keyed_tokens(text.as_str(), &mentions, options));
        }
    }
    if variants.len() > MAX_ROWS {
        let mut seen = std::collections::HashSet::new();
        let (kept_variants, kept_witnesses): (Vec<usize>, Vec<Vec<KeyedToken>>) = variants
            .into_iter()
            .zip(witnesses)
            .filter(|(_, tokens)| {
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                for token in tokens {
                    std::hash::Hash::hash(&token.key, &mut hasher);
                }
                seen.insert(std::hash::Hasher::finish(&hasher))
            })
            .take(MAX_ROWS)
            .unzip();
        variants = kept_variants;
        witnesses = kept_witnesses;
    }
    Alignment {
        variants,
        columns: align_witnesses(&witnesses),
    }
}

/// A column while the table is being built: per row, the key and token index.
#[derive(Debug, Clone)]
struct Column {
    cells: Vec<Option<(u32, usize)>>,
}

impl Column {
    fn empty(rows: usize) -> Self {
        Column {
            cells: vec![None; rows],
        }
    }

    fn with(rows: usize, row: usize, key: u32, token: usize) -> Self {
        let mut column = Column::empty(rows);
        column.set(row, key, token);
        column
    }

    fn set(&mut self, row: usize, key: u32, token: usize) {
        if let Some(cell) = self.cells.get_mut(row) {
            *cell = Some((key, token));
        }
    }

    /// The most common key here; among equally common ones, the earliest row's.
    fn representative(&self) -> u32 {
        let mut counts: Vec<(u32, usize)> = Vec::new();
        for (key, _) in self.cells.iter().flatten() {
            match counts.iter_mut().find(|(k, _)| k == key) {
                Some((_, n)) => *n += 1,
                None => counts.push((*key, 1)),
            }
        }
        let mut best: Option<(u32, usize)> = None;
        for (key, n) in counts {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((key, n));
            }
        }
        best.map_or(u32::MAX, |(key, _)| key)
    }

    fn agreed(&self) -> bool {
        let mut keys = self.cells.iter().flatten().map(|(key, _)| key);
        match keys.next() {
            Some(first) => keys.all(|key| key == first),
            None => true,
        }
    }
}

/// Aligns token sequences (rows) into columns.
pub(crate) fn align_witnesses(witnesses: &[Vec<KeyedToken>]) -> Vec<AlignedColumn> {
    let rows = witnesses.len();
    let mut interner = KeyInterner::default();
    let mut columns: Vec<Column> = Vec::new();
    for (row, tokens) in witnesses.iter().enumerate() {
        let ids = interner.ids(tokens);
        columns = add_row(columns, rows, row, &ids);
    }
    columns
        .into_iter()
        .map(|column| AlignedColumn {
            agreed: column.agreed(),
            cells: column
                .cells
                .iter()
                .enumerate()
                .map(|(row, cell)| {
                    let (_, token) = (*cell)?;
                    witnesses.get(row)?.get(token).map(|t| t.span)
                })
                .collect(),
        })
        .collect()
}

/// The table with one more row, `ids` being that row's token keys.
fn add_row(columns: Vec<Column>, rows: usize, row: usize, ids: &[u32]) -> Vec<Column> {
    let representatives: Vec<u32> = columns.iter().map(Column::representative).collect();
    let ops = capture_diff_slices(Algorithm::Patience, &representatives, ids);
    let mut old = columns.into_iter();
    let mut table = Vec::with_capacity(representatives.len() + ids.len());
    let key = |j: usize| ids.get(j).copied().unwrap_or(u32::MAX);
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let mut new_tokens = new_range.clone();
        // A replaced run of another length is not a word-for-word
        // substitution: its old columns stay, its tokens get new ones.
        let paired =
            tag == OpTag::Equal || (tag == OpTag::Replace && old_range.len() == new_range.len());
        for mut column in old.by_ref().take(old_range.len()) {
            if paired && let Some(j) = new_tokens.next() {
                column.set(row, key(j), j);
            }
            table.push(column);
        }
        table.extend(new_tokens.map(|j| Column::with(rows, row, key(j), j)));
    }
    // The ops cover every old column; keep any left over all the same.
    table.extend(old);
    table
}

#[cfg(test)]
#[path = "align_tests.rs"]
mod tests;
