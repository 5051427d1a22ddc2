//! What Find finds: the query in every caption, headline and article of the
//! folder, ignoring case and diacritics ("hancer" finds "Hançer", the
//! Turkish dotless ı as i), and, where the query names one of a photo's
//! people (a whole spelling, or one word of one: "Lim", "Bolt"), every
//! place the analysis found that person under any spelling ("Lim
//! Jonghoon", "Lim Jong-hoon", "임종훈"). No egui here.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::analysis::{Analysis, Location, PhotoAnalysis, Span};
use crate::corpus::{Corpus, Section};

/// At most this many hits are listed.
pub const MAX_HITS: usize = 500;

/// One place the query was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindHit {
    pub photo: usize,
    pub location: Location,
    /// "Sportstar, caption: …silver medallist…".
    pub context: String,
    /// The person found, where the hit is a mention of one the query names.
    pub person: Option<String>,
}

/// `c` lower-cased without its diacritics (ı as i).
fn fold_char(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if c == 'ı' {
        out.push('i');
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// Byte spans where `needle` occurs in `haystack`, ignoring case and
/// diacritics; no two overlap.
pub fn find_folded(haystack: &str, needle: &str) -> Vec<Span> {
    let mut wanted = Vec::new();
    for c in needle.chars() {
        fold_char(c, &mut wanted);
    }
    if wanted.is_empty() {
        return Vec::new();
    }
    // The folded text, each folded character with its source character's span.
    let mut folded: Vec<(char, usize, usize)> = Vec::with_capacity(haystack.len());
    let mut buffer = Vec::new();
    for (start, c) in haystack.char_indices() {
        buffer.clear();
        fold_char(c, &mut buffer);
        let end = start + c.len_utf8();
        folded.extend(buffer.iter().map(|&f| (f, start, end)));
    }
    let mut spans: Vec<Span> = Vec::new();
    let mut i = 0;
    while i + wanted.len() <= folded.len() {
        let window = &folded[i..i + wanted.len()];
        let starts_a_character = i == 0 || folded[i - 1].1 != folded[i].1;
        if starts_a_character && window.iter().zip(&wanted).all(|(f, w)| f.0 == *w) {
            let (start, end) = (window[0].1, window[wanted.len() - 1].2);
            spans.push(Span::new(start, end));
            i += wanted.len();
        } else {
            i += 1;
        }
    }
    spans
}

/// Letters and digits folded, for comparing a query with a spelling.
fn key(text: &str) -> String {
    let mut out = Vec::new();
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        fold_char(c, &mut out);
    }
    out.into_iter().collect()
}

/// The people of a photo the query names: a whole spelling, or one word
/// (three letters or more) of one.
fn people_named<'a>(analysis: &'a PhotoAnalysis, query: &str) -> Vec<&'a crate::analysis::Person> {
    let wanted = key(query);
    if wanted.chars().count() < 2 {
        return Vec::new();
    }
    analysis
        .people
        .iter()
        .filter(|person| {
            person
                .spellings
                .iter()
                .chain([&person.name])
                .any(|spelling| {
                    key(spelling) == wanted
                        || (wanted.chars().count() >= 3
                            && spelling.split_whitespace().any(|word| key(word) == wanted))
                })
        })
        .collect()
}

/// Every hit of `query` in the folder, in photo, variant, section and text
/// order; a person's mention and a text hit at one place are one hit.
pub fn find_in_folder(corpus: &Corpus, analysis: &Analysis, query: &str) -> Vec<FindHit> {
    let mut hits = Vec::new();
    for (photo_index, photo) in corpus.photos.iter().enumerate() {
        // (location, person) of every place in this photo.
        let mut found: Vec<(Location, Option<String>)> = Vec::new();
        if let Some(photo_analysis) = analysis.photos.get(photo_index) {
            for person in people_named(photo_analysis, query) {
                found.extend(
                    photo_analysis
                        .mentions
                        .iter()
                        .filter(|m| m.person == person.id)
                        .map(|m| (m.location, Some(person.name.clone()))),
                );
            }
        }
        for (variant_index, variant) in photo.variants.iter().enumerate() {
            for section in Section::ALL {
                let Some(text) = variant.section(section) else {
                    continue;
                };
                for span in find_folded(text.as_str(), query) {
                    let location = Location {
                        variant: variant_index,
                        section,
                        span,
                    };
                    found.push((location, None));
                }
            }
        }
        // Reading order; at one start the longer (a whole name) first.
        found.sort_by_key(|(l, _)| (l.variant, l.section, l.span.start, usize::MAX - l.span.end));
        let mut kept: Vec<(Location, Option<String>)> = Vec::new();
        for (location, person) in found {
            let overlaps = kept.last().is_some_and(|(last, _)| {
                last.variant == location.variant
                    && last.section == location.section
                    && last.span.overlaps(location.span)
            });
            if !overlaps {
                kept.push((location, person));
            }
        }
        for (location, person) in kept {
            if hits.len() >= MAX_HITS {
                return hits;
            }
            let Some(variant) = photo.variants.get(location.variant) else {
                continue;
            };
            let text = variant.section(location.section).map_or("", |t| t.as_str());
            hits.push(FindHit {
                photo: photo_index,
                location,
                context: format!(
                    "{}, {}: {}",
                    variant.label(),
                    location.section.name(),
                    context_around(text, location.span)
                ),
                person,
            });
        }
    }
    hits
}

/// Up to 40 characters either side of the span.
fn context_around(text: &str, span: Span) -> String {
    let before: Vec<char> = text
        .get(..span.start)
        .unwrap_or("")
        .chars()
        .rev()
        .take(40)
        .collect();
    let before: String = before.into_iter().rev().collect();
    let after: String = text
        .get(span.end..)
        .unwrap_or("")
        .chars()
        .take(40)
        .collect();
    format!("…{before}{}{after}…", span.slice(text))
}

#[cfg(test)]
#[path = "find_search_tests.rs"]
mod tests;
