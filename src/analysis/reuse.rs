//! Which variants share long passages, and who probably took from whom.
//!
//! Each variant's caption and article are cut into words (punctuation
//! dropped, keys lower-cased, typographic apostrophes folded). For every pair
//! of variants, [`find_reuse`] measures:
//!
//! - **containment** both ways: the share of one variant's distinct
//!   [`NGRAM`]-word sequences that the other variant also contains (a
//!   sequence never spans the caption and the article);
//! - the **longest shared runs** of at least [`MIN_RUN_WORDS`] words, with
//!   their places in both variants, longest first, no two overlapping.
//!
//! Then, from publication times, the likely **derivations**: when B was
//! published after A and shares a run of at least [`DERIVATION_RUN_WORDS`]
//! words with it, or at least [`DERIVATION_CONTAINMENT`] of B's sequences
//! are in A, B probably took its text from A (the earlier variant with the
//! strongest evidence). Only full times with offsets count: with a bare date,
//! or no time, nothing is claimed (shared runs are still reported).

use chrono::TimeDelta;

use rayon::prelude::*;

use super::fast_hash::FastMap;
use super::reuse_candidates::{EXACT_LIMIT, Scored, candidate_pairs, closest_partners};
use super::tokens::{TokenKind, text_key, tokenize};
use super::{Derivation, Location, Reuse, ReusePair, SharedRun, Span};
use crate::corpus::{Photo, Section};

/// Words per sequence for containment.
pub const NGRAM: usize = 4;
/// The shortest run of words reported as shared.
pub const MIN_RUN_WORDS: usize = 5;
/// The most shared runs kept per pair.
pub const MAX_RUNS: usize = 10;
/// A shared run at least this long suggests that one text was taken from the other.
pub const DERIVATION_RUN_WORDS: usize = 12;
/// A containment at least this high suggests that one text was taken from the other.
pub const DERIVATION_CONTAINMENT: f64 = 0.5;

/// The sections compared for reuse.
const SECTIONS: [Section; 2] = [Section::Caption, Section::Article];

/// One section's words: keys and spans.
struct Segment {
    section: Section,
    keys: Vec<u32>,
    spans: Vec<Span>,
    /// Where each `MIN_RUN_WORDS`-word sequence starts, built once and
    /// looked up by every pair the segment is in.
    /// (A sorted list, not a map: a tenth of the memory, which counts with
    /// tens of thousands of variants.)
    starts: Vec<([u32; MIN_RUN_WORDS], u32)>,
}

/// One variant's words, by section, and its set of word sequences.
struct Words {
    segments: Vec<Segment>,
    /// Sorted, without repeats.
    ngrams: Vec<[u32; NGRAM]>,
}

/// Shared passages between the captions (and articles) of a photo's
/// variants, and the likely derivation order.
pub fn find_reuse(photo: &Photo) -> Reuse {
    let mut ids = WordIds::default();
    let words: Vec<Words> = photo
        .variants
        .iter()
        .map(|variant| {
            let segments: Vec<Segment> = SECTIONS
                .iter()
                .filter_map(|&section| {
                    let text = variant.section(section)?;
                    Some(segment(text.as_str(), section, &mut ids))
                })
                .collect();
            let mut ngrams: Vec<[u32; NGRAM]> = segments
                .iter()
                .flat_map(|s| s.keys.windows(NGRAM))
                .filter_map(|w| <[u32; NGRAM]>::try_from(w).ok())
                .collect();
            ngrams.sort_unstable();
            ngrams.dedup();
            Words { segments, ngrams }
        })
        .collect();

    let sets: Vec<&[[u32; NGRAM]]> = words.iter().map(|w| w.ngrams.as_slice()).collect();
    let candidates = candidate_pairs(&sets, &publication_order(photo));
    let compare = |(a, b): (usize, usize), contained: Option<(f64, f64)>| {
        let (words_a, words_b) = (words.get(a)?, words.get(b)?);
        let (a_in_b, b_in_a) = contained.unwrap_or_else(|| {
            (
                containment(&words_a.ngrams, &words_b.ngrams),
                containment(&words_b.ngrams, &words_a.ngrams),
            )
        });
        Some(ReusePair {
            a,
            b,
            containment_a_in_b: a_in_b,
            containment_b_in_a: b_in_a,
            shared_runs: shared_runs(photo, (a, words_a), (b, words_b)),
        })
    };
    let pairs: Vec<ReusePair> = if photo.variants.len() <= EXACT_LIMIT {
        candidates
            .into_iter()
            .filter_map(|p| compare(p, None))
            .collect()
    } else {
        // A large photo: containment of every candidate (cheap), then the
        // shared runs of each variant's closest partners only.
        let scored: Vec<Scored> = candidates
            .par_iter()
            .filter_map(|&(a, b)| {
                let (words_a, words_b) = (words.get(a)?, words.get(b)?);
                let a_in_b = containment(&words_a.ngrams, &words_b.ngrams);
                let b_in_a = containment(&words_b.ngrams, &words_a.ngrams);
                // No shared sequence: no shared run either.
                (a_in_b > 0.0).then_some(Scored {
                    pair: (a, b),
                    contained: (a_in_b, b_in_a),
                })
            })
            .collect();
        closest_partners(&scored, photo.variants.len())
            .par_iter()
            .filter_map(|s| compare(s.pair, Some(s.contained)))
            .collect()
    };
    let derivations = derivations(photo, &pairs);
    Reuse { pairs, derivations }
}

/// Each variant's rank in publication order: dated ones by time, then the
/// undated, ties by index.
fn publication_order(photo: &Photo) -> Vec<usize> {
    let mut by_time: Vec<usize> = (0..photo.variants.len()).collect();
    by_time.sort_by_key(|&v| {
        let time = photo
            .variants
            .get(v)
            .and_then(|v| v.source.published.as_ref())
            .and_then(|p| p.time);
        (time.is_none(), time, v)
    });
    let mut rank = vec![0; by_time.len()];
    for (r, v) in by_time.into_iter().enumerate() {
        if let Some(slot) = rank.get_mut(v) {
            *slot = r;
        }
    }
    rank
}

/// Numbers for the words' keys (`text_key`, ignoring case), looked up
/// through one buffer so a word already met costs no allocation.
#[derive(Default)]
struct WordIds {
    ids: FastMap<String, u32>,
    buffer: String,
}

impl WordIds {
    fn id(&mut self, word: &str) -> u32 {
        if word.is_ascii() {
            self.buffer.clear();
            self.buffer.push_str(word);
            self.buffer.make_ascii_lowercase();
        } else {
            self.buffer = text_key(word, true);
        }
        if let Some(&id) = self.ids.get(self.buffer.as_str()) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(self.buffer.clone(), id);
        id
    }
}

fn segment(text: &str, section: Section, ids: &mut WordIds) -> Segment {
    let mut keys = Vec::new();
    let mut spans = Vec::new();
    for token in tokenize(text) {
        if token.kind == TokenKind::Word {
            keys.push(ids.id(token.span.slice(text)));
            spans.push(token.span);
        }
    }
    let mut starts: Vec<([u32; MIN_RUN_WORDS], u32)> = keys
        .windows(MIN_RUN_WORDS)
        .enumerate()
        .filter_map(|(j, w)| Some((<[u32; MIN_RUN_WORDS]>::try_from(w).ok()?, j as u32)))
        .collect();
    starts.sort_unstable();
    Segment {
        section,
        keys,
        spans,
        starts,
    }
}

/// The share of `part`'s sequences found in `whole` (0 when `part` has none).
fn containment(part: &[[u32; NGRAM]], whole: &[[u32; NGRAM]]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    // Both sorted: one walk through the two.
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (part.get(i), whole.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / part.len() as f64
}

/// A maximal common run: segment indices, word offsets and length.
#[derive(Debug, Clone, Copy)]
struct Run {
    segment_a: usize,
    start_a: usize,
    segment_b: usize,
    start_b: usize,
    words: usize,
}

/// The longest non-overlapping runs of at least `MIN_RUN_WORDS` words.
fn shared_runs(photo: &Photo, a: (usize, &Words), b: (usize, &Words)) -> Vec<SharedRun> {
    let mut runs = Vec::new();
    for (segment_a, seg_a) in a.1.segments.iter().enumerate() {
        for (segment_b, seg_b) in b.1.segments.iter().enumerate() {
            maximal_runs(seg_a, seg_b, |start_a, start_b, words| {
                runs.push(Run {
                    segment_a,
                    start_a,
                    segment_b,
                    start_b,
                    words,
                });
            });
        }
    }
    runs.sort_by_key(|r| {
        (
            std::cmp::Reverse(r.words),
            r.segment_a,
            r.start_a,
            r.segment_b,
            r.start_b,
        )
    });
    let mut kept: Vec<Run> = Vec::new();
    for run in runs {
        if kept.len() == MAX_RUNS {
            break;
        }
        let overlaps = kept.iter().any(|k| {
            (k.segment_a == run.segment_a
                && ranges_overlap(k.start_a, k.words, run.start_a, run.words))
                || (k.segment_b == run.segment_b
                    && ranges_overlap(k.start_b, k.words, run.start_b, run.words))
        });
        if !overlaps {
            kept.push(run);
        }
    }
    kept.into_iter()
        .filter_map(|run| shared_run(photo, a, b, run))
        .collect()
}

fn ranges_overlap(start_x: usize, len_x: usize, start_y: usize, len_y: usize) -> bool {
    start_x < start_y + len_y && start_y < start_x + len_x
}

/// Calls `found(start_a, start_b, words)` for every maximal common run of at
/// least `MIN_RUN_WORDS` words between two segments' key sequences.
fn maximal_runs(seg_a: &Segment, seg_b: &Segment, mut found: impl FnMut(usize, usize, usize)) {
    let (a, b) = (seg_a.keys.as_slice(), seg_b.keys.as_slice());
    if seg_b.starts.is_empty() {
        return;
    }
    for (i, window) in a.windows(MIN_RUN_WORDS).enumerate() {
        let Ok(window) = <[u32; MIN_RUN_WORDS]>::try_from(window) else {
            continue;
        };
        let from = seg_b.starts.partition_point(|(w, _)| *w < window);
        let js = seg_b
            .starts
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|(w, _)| *w == window)
            .map(|&(_, j)| j as usize);
        for j in js {
            let extends_earlier = i > 0 && j > 0 && a.get(i - 1) == b.get(j - 1);
            if extends_earlier {
                continue;
            }
            let mut words = MIN_RUN_WORDS;
            while a
                .get(i + words)
                .is_some_and(|k| b.get(j + words) == Some(k))
            {
                words += 1;
            }
            found(i, j, words);
        }
    }
}

fn shared_run(
    photo: &Photo,
    a: (usize, &Words),
    b: (usize, &Words),
    run: Run,
) -> Option<SharedRun> {
    let location = |(variant, words): (usize, &Words), segment: usize, start: usize| {
        let seg = words.segments.get(segment)?;
        let first = seg.spans.get(start)?;
        let last = seg.spans.get(start + run.words - 1)?;
        Some(Location {
            variant,
            section: seg.section,
            span: Span::new(first.start, last.end),
        })
    };
    let loc_a = location(a, run.segment_a, run.start_a)?;
    let loc_b = location(b, run.segment_b, run.start_b)?;
    let text = photo
        .variants
        .get(a.0)?
        .section(loc_a.section)
        .map(|t| loc_a.span.slice(t.as_str()).to_string())?;
    Some(SharedRun {
        words: run.words,
        text,
        a: loc_a,
        b: loc_b,
    })
}

/// For each variant published after another that it shares enough with,
/// the earlier variant it most probably took its text from.
fn derivations(photo: &Photo, pairs: &[ReusePair]) -> Vec<Derivation> {
    let time = |v: usize| {
        photo
            .variants
            .get(v)
            .and_then(|v| v.source.published.as_ref())
            .and_then(|p| p.time)
    };
    // Each variant's pairs, found once (not by a scan of all pairs per variant).
    let mut pairs_of: Vec<Vec<&ReusePair>> = vec![Vec::new(); photo.variants.len()];
    for pair in pairs {
        for v in [pair.a, pair.b] {
            if let Some(list) = pairs_of.get_mut(v) {
                list.push(pair);
            }
        }
    }
    let mut out = Vec::new();
    for (to, pairs) in pairs_of.iter().enumerate() {
        let Some(to_time) = time(to) else { continue };
        let mut best: Option<(usize, usize, f64, TimeDelta, &ReusePair)> = None;
        for &pair in pairs {
            let from = if pair.a == to { pair.b } else { pair.a };
            let Some(from_time) = time(from) else {
                continue;
            };
            let later = to_time.signed_duration_since(from_time);
            if later <= TimeDelta::zero() {
                continue;
            }
            let longest = pair.shared_runs.first().map_or(0, |r| r.words);
            let contained = if pair.a == to {
                pair.containment_a_in_b
            } else {
                pair.containment_b_in_a
            };
            if longest < DERIVATION_RUN_WORDS && contained < DERIVATION_CONTAINMENT {
                continue;
            }
            // Longest run, then containment, then the closest in time.
            let better = best.is_none_or(|(_, l, c, d, _)| {
                longest
                    .cmp(&l)
                    .then(contained.total_cmp(&c))
                    .then(d.cmp(&later))
                    .is_gt()
            });
            if better {
                best = Some((from, longest, contained, later, pair));
            }
        }
        if let Some((from, _, contained, later, pair)) = best {
            out.push(Derivation {
                from,
                to,
                evidence: evidence(pair.shared_runs.first(), contained, later),
            });
        }
    }
    out
}

/// "shares 23 words verbatim: '...'; 64% of its 4-word sequences are in the
/// earlier text; published 3 h later".
fn evidence(run: Option<&SharedRun>, contained: f64, later: TimeDelta) -> String {
    let mut parts = Vec::new();
    if let Some(run) = run {
        parts.push(format!(
            "shares {} words verbatim: '{}'",
            run.words,
            quote(&run.text)
        ));
    }
    parts.push(format!(
        "{:.0}% of its {NGRAM}-word sequences are in the earlier text",
        contained * 100.0
    ));
    parts.push(format!("published {} later", duration(later)));
    parts.join("; ")
}

/// The run's text, cut to its first twelve words with "…" when longer.
fn quote(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 12 {
        words.join(" ")
    } else {
        format!("{} …", words.get(..12).unwrap_or(&words).join(" "))
    }
}

/// "45 min", "3 h", "3 h 20 min", "2 days".
fn duration(delta: TimeDelta) -> String {
    let minutes = delta.num_minutes();
    if minutes < 60 {
        format!("{} min", minutes.max(1))
    } else if minutes < 48 * 60 {
        match minutes % 60 {
            0 => format!("{} h", minutes / 60),
            m => format!("{} h {m} min", minutes / 60),
        }
    } else {
        format!("{} days", minutes / (24 * 60))
    }
}

#[cfg(test)]
#[path = "reuse_tests.rs"]
mod tests;
