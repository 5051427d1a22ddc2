//! Which pairs of a photo's variants the reuse analysis compares.
//!
//! Up to [`EXACT_LIMIT`] variants, every pair (at most ~20,000): the results
//! are exact. Above it, comparing every pair grows with the square of the
//! count (50,000 captions are 1.25 billion pairs), so candidate pairs come
//! from an index instead: each variant's set of word sequences gets a
//! MinHash signature of [`BANDS`] x [`ROWS`] values, and two variants are
//! candidates when one band of their signatures is equal. With 2 rows a
//! band, a pair whose sequence sets overlap by a Jaccard share of 0.5 is
//! found with probability 1 - (1 - 0.5^2)^16 = 99%, one of 0.25 with 64%.
//!
//! A band's bucket can hold thousands of copies of one text; each member is
//! then paired only with its [`NEIGHBOURS`] predecessors in publication order
//! (then file order), so the work stays linear, the copies are still linked
//! into one chain (enough for witnesses), and a derivation's source is among
//! the closest earlier texts.

use super::fast_hash::{FastMap, FastSet};
use super::reuse::NGRAM;

/// Photos with at most this many variants have every pair compared.
pub const EXACT_LIMIT: usize = 200;
/// Bands of a signature.
pub const BANDS: usize = 16;
/// Hash values a band.
pub const ROWS: usize = 2;
/// In a bucket, how many earlier members each member is paired with.
pub const NEIGHBOURS: usize = 6;
/// Of a large photo, how many partners (the most contained) each variant
/// keeps for the shared runs and the report.
pub const PARTNERS: usize = 4;

/// A candidate pair and its containment both ways.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub pair: (usize, usize),
    pub contained: (f64, f64),
}

/// The pairs in which one of the variants has the other among its
/// [`PARTNERS`] most contained partners, in pair order.
pub(crate) fn closest_partners(scored: &[Scored], variants: usize) -> Vec<Scored> {
    let mut best: Vec<Vec<(f64, usize)>> = vec![Vec::new(); variants];
    for (i, s) in scored.iter().enumerate() {
        let strength = s.contained.0.max(s.contained.1);
        for v in [s.pair.0, s.pair.1] {
            if let Some(list) = best.get_mut(v) {
                list.push((strength, i));
            }
        }
    }
    let mut kept = vec![false; scored.len()];
    for list in &mut best {
        list.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        for &(_, i) in list.iter().take(PARTNERS) {
            if let Some(k) = kept.get_mut(i) {
                *k = true;
            }
        }
    }
    scored
        .iter()
        .zip(kept)
        .filter_map(|(s, k)| k.then_some(*s))
        .collect()
}

/// The pairs `(a, b)`, `a < b`, to compare, sorted. `ngrams` are each
/// variant's word sequences; `order` is each variant's rank in publication
/// order (ties and undated variants by index).
pub(crate) fn candidate_pairs(ngrams: &[&[[u32; NGRAM]]], order: &[usize]) -> Vec<(usize, usize)> {
    let n = ngrams.len();
    if n <= EXACT_LIMIT {
        return (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .collect();
    }
    let mut buckets: FastMap<(usize, u64), Vec<usize>> = FastMap::default();
    for (variant, set) in ngrams.iter().enumerate() {
        let Some(signature) = signature(set) else {
            continue; // no sequence: nothing to share
        };
        for (band, rows) in signature.chunks_exact(ROWS).enumerate() {
            let key = rows
                .iter()
                .fold(0x9e37_79b9_7f4a_7c15_u64, |h, &r| mix(h ^ r));
            buckets.entry((band, key)).or_default().push(variant);
        }
    }
    let mut pairs: FastSet<(usize, usize)> = FastSet::default();
    for members in buckets.values_mut() {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_key(|&v| (order.get(v).copied().unwrap_or(v), v));
        for (i, &b) in members.iter().enumerate() {
            for &a in members.get(i.saturating_sub(NEIGHBOURS)..i).unwrap_or(&[]) {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
    pairs.sort_unstable();
    pairs
}

/// The MinHash signature of a set: for each of `BANDS * ROWS` hash
/// functions, the smallest hash of a member. `None` for an empty set.
fn signature(set: &[[u32; NGRAM]]) -> Option<[u64; BANDS * ROWS]> {
    if set.is_empty() {
        return None;
    }
    let mut signature = [u64::MAX; BANDS * ROWS];
    for gram in set.iter() {
        let base = gram
            .iter()
            .fold(0x243f_6a88_85a3_08d3_u64, |h, &w| mix(h ^ u64::from(w)));
        for (i, slot) in signature.iter_mut().enumerate() {
            let h = mix(base ^ SEEDS[i % SEEDS.len()].wrapping_mul(i as u64 + 1));
            *slot = (*slot).min(h);
        }
    }
    Some(signature)
}

/// Seeds of the hash functions (digits of pi, e and sqrt 2, as odd numbers).
const SEEDS: [u64; 4] = [
    0x1319_8a2e_0370_7345,
    0xa409_3822_299f_31d1,
    0x082e_fa98_ec4e_6c89,
    0x4528_21e6_38d0_1377,
];

/// SplitMix64's finaliser: every input bit reaches every output bit.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: std::ops::Range<u32>) -> Vec<[u32; NGRAM]> {
        let words: Vec<u32> = words.collect();
        words
            .windows(NGRAM)
            .filter_map(|w| <[u32; NGRAM]>::try_from(w).ok())
            .collect()
    }

    #[test]
    fn small_photos_compare_every_pair() {
        let sets = [set(0..10), set(100..110), set(200..210)];
        let refs: Vec<&[[u32; NGRAM]]> = sets.iter().map(Vec::as_slice).collect();
        assert_eq!(
            candidate_pairs(&refs, &[0, 1, 2]),
            vec![(0, 1), (0, 2), (1, 2)]
        );
    }

    #[test]
    fn large_photos_pair_the_texts_that_share_and_stay_linear() {
        // 1,000 copies of one text, 1,000 copies of another, 500 unique texts.
        let mut sets = Vec::new();
        for _ in 0..1000 {
            sets.push(set(0..30));
        }
        for _ in 0..1000 {
            sets.push(set(1000..1030));
        }
        for i in 0..500 {
            sets.push(set(10_000 + i * 100..10_000 + i * 100 + 30));
        }
        let refs: Vec<&[[u32; NGRAM]]> = sets.iter().map(Vec::as_slice).collect();
        let order: Vec<usize> = (0..refs.len()).collect();
        let pairs = candidate_pairs(&refs, &order);
        // Every copy is paired with the copy before it; no pair crosses texts.
        for v in 1..1000 {
            assert!(pairs.contains(&(v - 1, v)), "{v}");
        }
        assert!(pairs.iter().all(|&(a, b)| (a < 1000) == (b < 1000)));
        assert!(pairs.iter().all(|&(_, b)| b < 2000));
        assert!(pairs.len() <= 2 * 1000 * NEIGHBOURS);
    }

    #[test]
    fn a_half_shared_text_is_a_candidate() {
        let mut sets: Vec<Vec<[u32; NGRAM]>> = (0..EXACT_LIMIT as u32 + 10)
            .map(|i| set(100_000 + i * 50..100_000 + i * 50 + 40))
            .collect();
        // Variant 0: words 0..40; the last variant: words 10..50 (the
        // sequence sets overlap by 27 of 47, a Jaccard share of 0.57).
        sets[0] = set(0..40);
        let last = sets.len() - 1;
        sets[last] = set(10..50);
        let refs: Vec<&[[u32; NGRAM]]> = sets.iter().map(Vec::as_slice).collect();
        let order: Vec<usize> = (0..refs.len()).collect();
        assert!(candidate_pairs(&refs, &order).contains(&(0, last)));
    }
}
