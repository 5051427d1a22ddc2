//! Where a label's words are printed, and whether a finding's mark covers
//! them: same file, same section, overlapping spans. A mark on a source
//! field (credit line, byline) covers words printed in that field.

use std::path::{Path, PathBuf};

use crate::analysis::{Location, Mark};
use crate::corpus::{Photo, Section, Variant};

/// One place a label's words are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Printed {
    /// In a section's text.
    Span(Location),
    /// In a variant's credit line or byline.
    SourceField { variant: usize },
}

/// The path, relative to the opened folder, of a file named in a photo's labels.
pub(crate) fn file_in_photo(photo: &Photo, file: &str) -> PathBuf {
    if photo.id == "." || photo.id.is_empty() {
        PathBuf::from(file)
    } else {
        Path::new(&photo.id).join(file)
    }
}

/// The variants read from a file (an image can give several).
pub(crate) fn variants_of(photo: &Photo, file: &Path) -> Vec<usize> {
    photo
        .variants
        .iter()
        .enumerate()
        .filter(|(_, v)| v.source.file == file)
        .map(|(i, _)| i)
        .collect()
}

/// Every place `words` are printed in the given variants: exactly as written,
/// else ignoring case.
pub(crate) fn printed(photo: &Photo, variants: &[usize], words: &str) -> Vec<Printed> {
    let words = crate::corpus::Text::new(words).normalized;
    let words = words.trim();
    if words.is_empty() {
        return Vec::new();
    }
    let exact = find_in(photo, variants, words, false);
    if exact.is_empty() {
        find_in(photo, variants, words, true)
    } else {
        exact
    }
}

fn find_in(photo: &Photo, variants: &[usize], words: &str, ignore_case: bool) -> Vec<Printed> {
    let mut out = Vec::new();
    for &v in variants {
        let Some(variant) = photo.variants.get(v) else {
            continue;
        };
        for section in [Section::Caption, Section::Headline, Section::Article] {
            let Some(text) = variant.section(section) else {
                continue;
            };
            for (start, end) in occurrences(text.as_str(), words, ignore_case) {
                out.push(Printed::Span(Location {
                    variant: v,
                    section,
                    span: crate::analysis::Span::new(start, end),
                }));
            }
        }
        if source_fields(variant).any(|field| !occurrences(field, words, ignore_case).is_empty()) {
            out.push(Printed::SourceField { variant: v });
        }
    }
    out
}

fn source_fields(variant: &Variant) -> impl Iterator<Item = &str> {
    [&variant.source.credit, &variant.source.photographer]
        .into_iter()
        .filter_map(|f| f.as_deref())
}

/// True when the mark points at one of the places.
pub(crate) fn covers(mark: &Mark, places: &[Printed], words: &str) -> bool {
    places.iter().any(|place| match (place, mark.location) {
        (Printed::Span(at), Some(here)) => {
            at.variant == here.variant && at.section == here.section && at.span.overlaps(here.span)
        }
        (Printed::SourceField { variant }, None) => {
            *variant == mark.variant
                && (contains_ignoring_case(&mark.quote, words)
                    || contains_ignoring_case(words, &mark.quote))
        }
        _ => false,
    })
}

fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    !needle.trim().is_empty() && !occurrences(haystack, needle.trim(), true).is_empty()
}

/// Byte ranges of every occurrence of `needle` in `haystack`.
fn occurrences(haystack: &str, needle: &str, ignore_case: bool) -> Vec<(usize, usize)> {
    if !ignore_case {
        return haystack
            .match_indices(needle)
            .map(|(start, m)| (start, start + m.len()))
            .collect();
    }
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    for (start, _) in haystack.char_indices() {
        let mut folded: Vec<char> = Vec::with_capacity(needle.len());
        let mut end = start;
        for c in haystack.get(start..).unwrap_or("").chars() {
            if folded.len() >= needle.len() {
                break;
            }
            folded.extend(c.to_lowercase());
            end += c.len_utf8();
        }
        if folded == needle {
            out.push((start, end));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_exact_and_ignoring_case() {
        assert_eq!(occurrences("a Bold b bold", "bold", false), vec![(9, 13)]);
        assert_eq!(
            occurrences("a Bold b bold", "BOLD", true),
            vec![(2, 6), (9, 13)]
        );
        assert_eq!(occurrences("Hançer", "HANÇER", true), vec![(0, 7)]);
        assert_eq!(occurrences("x", "xy", true), vec![]);
    }
}
