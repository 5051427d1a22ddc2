//! Altered quotations: a quotation one variant prints that matches a
//! quotation other variants print, word for word in most places, but with
//! words changed ("I knew right away it was gunshots" where two outlets
//! quote "I knew immediately it was gunfire").
//!
//! Quotations are the text between “ ”, " ", « », „ “ (at least
//! [`MIN_WORDS`] words). Two quotations are the same quotation when their
//! longest common run of words in order (compared by word key: case,
//! diacritics and punctuation ignored) holds at least [`MIN_SHARED`] words and
//! at least [`MIN_SHARE`] of the shorter one and of the stretch it spans in
//! each. It is altered when, over the
//! stretch the two have in common, their words differ; quoting only part of
//! it, or with other punctuation, is not an alteration. The wording more
//! variants print (each counted once) is the original; with as many on each
//! side, nothing is said.

use std::collections::BTreeSet;

use super::findings::{Fact, Finding, FindingKind, Mark, join_names, variant_label};
use super::scan::scan;
use super::{ConflictSeverity, Location, Span};
use crate::corpus::{Photo, Section};

pub const MIN_WORDS: usize = 4;
pub const MIN_SHARED: usize = 3;
pub const MIN_SHARE: f64 = 0.5;

/// One quotation: its words' keys and byte spans in the section.
#[derive(Debug, Clone)]
struct Quotation {
    variant: usize,
    section: Section,
    keys: Vec<String>,
    spans: Vec<Span>,
    text: String,
}

const PAIRS: [(char, char); 5] = [('“', '”'), ('"', '"'), ('«', '»'), ('„', '“'), ('„', '”')];

fn quotations(variant: usize, section: Section, text: &str) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((open_at, open)) = text
        .get(at..)
        .and_then(|rest| {
            rest.char_indices()
                .find(|(_, c)| PAIRS.iter().any(|p| p.0 == *c))
        })
        .map(|(i, c)| (at + i, c))
    {
        let inner_start = open_at + open.len_utf8();
        let close = text.get(inner_start..).and_then(|rest| {
            rest.char_indices()
                .find(|(_, c)| PAIRS.iter().any(|p| p.0 == open && p.1 == *c))
        });
        let Some((close_offset, close_char)) = close else {
            break;
        };
        let inner_end = inner_start + close_offset;
        let inner = text.get(inner_start..inner_end).unwrap_or("");
        let words = scan(inner).words;
        if words.len() >= MIN_WORDS {
            out.push(Quotation {
                variant,
                section,
                keys: words.iter().map(|w| w.key.clone()).collect(),
                spans: words
                    .iter()
                    .map(|w| Span::new(inner_start + w.span.start, inner_start + w.span.end))
                    .collect(),
                text: inner.trim().to_string(),
            });
        }
        at = inner_end + close_char.len_utf8();
    }
    out
}

/// Longest common subsequence of two key lists: its length and the
/// matched index pairs, in order.
pub(super) fn common(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let here = if a.get(i) == b.get(j) {
                1 + table[i + 1][j + 1]
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
            table[i][j] = here;
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a.get(i) == b.get(j) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Whether `needle`'s keys appear, in a row, in `hay`.
pub(super) fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The altered-quotation findings of a photo.
pub(crate) fn find(photo: &Photo) -> Vec<Finding> {
    let mut all = Vec::new();
    for (v, variant) in photo.variants.iter().enumerate() {
        for section in [Section::Caption, Section::Headline, Section::Article] {
            if let Some(text) = variant.section(section) {
                all.extend(quotations(v, section, text.as_str()));
            }
        }
    }
    // Variants whose quotations contain a run of words.
    let printed_by = |run: &[String]| -> BTreeSet<usize> {
        all.iter()
            .filter(|q| contains_run(&q.keys, run))
            .map(|q| q.variant)
            .collect()
    };
    let mut findings = Vec::new();
    let mut seen: BTreeSet<(usize, Section, usize)> = BTreeSet::new();
    for q in &all {
        for r in all.iter().filter(|r| r.variant != q.variant) {
            let matched = common(&q.keys, &r.keys);
            let shorter = q.keys.len().min(r.keys.len());
            if matched.len() < MIN_SHARED || (matched.len() as f64) < MIN_SHARE * shorter as f64 {
                continue;
            }
            let (Some(&(q0, r0)), Some(&(q1, r1))) = (matched.first(), matched.last()) else {
                continue;
            };
            let (mine, theirs) = (&q.keys[q0..=q1], &r.keys[r0..=r1]);
            // Shared words scattered over a long stretch are not one quotation.
            let dense =
                |stretch: &[String]| matched.len() as f64 >= MIN_SHARE * stretch.len() as f64;
            if !dense(mine) || !dense(theirs) {
                continue;
            }
            // The same words, one quoting more of them than the other.
            if mine == theirs || contains_run(&q.keys, theirs) || contains_run(&r.keys, mine) {
                continue;
            }
            let (mine_by, theirs_by) = (printed_by(mine), printed_by(theirs));
            if theirs_by.len() <= mine_by.len()
                || !seen.insert((q.variant, q.section, q.spans.first().map_or(0, |s| s.start)))
            {
                continue;
            }
            // The changed words of q: those of its stretch not matched.
            // A word replaced before the first or after the last shared word
            // ("... it was gunshots" for "... it was gunfire") counts too.
            let kept: BTreeSet<usize> = matched.iter().map(|m| m.0).collect();
            let start = if q0 > 0 && r0 > 0 { 0 } else { q0 };
            let end = if q1 + 1 < q.keys.len() && r1 + 1 < r.keys.len() {
                q.keys.len() - 1
            } else {
                q1
            };
            let changed: Vec<usize> = (start..=end).filter(|i| !kept.contains(i)).collect();
            let (Some(&first), Some(&last)) = (changed.first(), changed.last()) else {
                continue;
            };
            let span = Span::new(q.spans[first].start, q.spans[last].end);
            findings.push(finding(photo, q, r, span, &mine_by, &theirs_by));
        }
    }
    findings
}

fn finding(
    photo: &Photo,
    q: &Quotation,
    r: &Quotation,
    span: Span,
    mine_by: &BTreeSet<usize>,
    theirs_by: &BTreeSet<usize>,
) -> Finding {
    let others: Vec<String> = theirs_by.iter().map(|&v| variant_label(photo, v)).collect();
    let summary = format!(
        "{} quotes \"{}\"; {} quote{} \"{}\"",
        mine_by
            .iter()
            .map(|&v| variant_label(photo, v))
            .collect::<Vec<_>>()
            .join(" and "),
        q.text,
        join_names(&others),
        if others.len() == 1 { "s" } else { "" },
        r.text
    );
    let odd = Mark {
        variant: q.variant,
        location: Some(Location {
            variant: q.variant,
            section: q.section,
            span,
        }),
        quote: q.text.clone(),
        odd: true,
    };
    let original = Mark {
        variant: r.variant,
        location: Some(Location {
            variant: r.variant,
            section: r.section,
            span: Span::new(
                r.spans.first().map_or(0, |s| s.start),
                r.spans.last().map_or(0, |s| s.end),
            ),
        }),
        quote: r.text.clone(),
        odd: false,
    };
    Finding {
        details: Vec::new(),
        kind: FindingKind::Quote,
        fact: Fact::Quote,
        severity: ConflictSeverity::Medium,
        key: format!("quote/{}/{}", q.variant, span.start),
        summary,
        marks: vec![odd, original],
        conflict: None,
    }
}

#[cfg(test)]
#[path = "quotes_tests.rs"]
mod tests;
