//! Precision and recall of same-photo rules on real photos and their
//! derivatives (made by `benches/same_photo/run.sh`, which says how):
//!
//! ```text
//! cargo run --release --example same_photo_bench -- ORIGINALS DERIVED
//! ```
//!
//! `ORIGINALS/ID.jpg` are distinct photos; `DERIVED/ID-KIND.jpg` are copies
//! of photo ID. Every file is decoded the way the app hashes it (upright, at
//! least 256 px, then shrunk to 256 px). Pairs: every pair of files of two
//! different photos is a negative (originals and derivatives alike); every
//! (original, derivative) pair is a positive of the derivative's kind;
//! derivative pairs of one photo are not counted. A rule's precision is
//! positives matched / all pairs matched, over all of them.
//!
//! For each hash, the largest threshold whose precision is at least 0.99 is
//! reported with its recall per kind; "+turns" also compares each file with
//! the mirrored and 90/180/270° turned hashes of the other (a mirrored or
//! turned copy); "segments" is the crop-resistant rule of
//! `imaging::segments`, alone and added to the chosen whole-image rule.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use caption_provenance::imaging::hash::{HASH_INPUT_SIDE, hash_image};
use caption_provenance::imaging::orientation::decode_upright;
use caption_provenance::imaging::preview::DecodeLimits;
use caption_provenance::imaging::segments::{
    SEGMENTATION, SegmentHashes, Segmentation, segment_hashes, segment_hashes_with,
};
use image::DynamicImage;
use image_hasher::{HashAlg, HasherConfig};
use rayon::prelude::*;

/// A hash to measure: name, algorithm, side, DCT preprocessing.
const HASHES: [(&str, HashAlg, u32, bool); 9] = [
    (
        "double-gradient 16 (144 bits)",
        HashAlg::DoubleGradient,
        16,
        false,
    ),
    (
        "double-gradient 8 (40 bits)",
        HashAlg::DoubleGradient,
        8,
        false,
    ),
    ("gradient 8 (dHash, 64)", HashAlg::Gradient, 8, false),
    ("gradient 16 (256)", HashAlg::Gradient, 16, false),
    ("mean 8 (aHash, 64)", HashAlg::Mean, 8, false),
    ("median+DCT 8 (pHash, 64)", HashAlg::Median, 8, true),
    ("median+DCT 16 (256)", HashAlg::Median, 16, true),
    ("blockhash 8 (64)", HashAlg::Blockhash, 8, false),
    ("blockhash 16 (256)", HashAlg::Blockhash, 16, false),
];
const TURNS: usize = 5; // as is, mirrored, turned 90, 180, 270
/// Segmentations to measure: the app's first, then alternatives.
const SEGMENTATIONS: [(&str, Segmentation); 5] = [
    ("96 px, median, 1%", SEGMENTATION),
    (
        "256 px, median, 0.5%",
        Segmentation {
            side: 256,
            min_share: 0.005,
            split: None,
            blur: 1.5,
        },
    ),
    (
        "256 px, grey 128, 0.5%",
        Segmentation {
            side: 256,
            min_share: 0.005,
            split: Some(128),
            blur: 1.5,
        },
    ),
    (
        "128 px, grey 128, 0.5%",
        Segmentation {
            side: 128,
            min_share: 0.005,
            split: Some(128),
            blur: 1.0,
        },
    ),
    (
        "256 px, median, 0.2%",
        Segmentation {
            side: 256,
            min_share: 0.002,
            split: None,
            blur: 1.5,
        },
    ),
];
const MAX_SEGMENT_DISTANCE: u32 = 16;

struct File {
    photo: String,
    /// None for an original.
    kind: Option<String>,
    /// Per hash, per turn: the hash's bytes.
    hashes: Vec<Vec<Vec<u8>>>,
    /// Per segmentation.
    segments: Vec<SegmentHashes>,
}

fn distance(a: &[u8], b: &[u8]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x ^ y).count_ones()).sum()
}

fn turned(image: &DynamicImage, turn: usize) -> DynamicImage {
    match turn {
        1 => image.fliph(),
        2 => image.rotate90(),
        3 => image.rotate180(),
        4 => image.rotate270(),
        _ => image.clone(),
    }
}

fn load(path: &Path, photo: String, kind: Option<String>) -> Option<File> {
    let bytes = std::fs::read(path).ok()?;
    let decoded = decode_upright(&bytes, HASH_INPUT_SIDE, DecodeLimits::default()).ok()?;
    let small = decoded.image.thumbnail(HASH_INPUT_SIDE, HASH_INPUT_SIDE);
    let hashes = HASHES
        .iter()
        .map(|&(_, alg, side, dct)| {
            let mut config = HasherConfig::new().hash_size(side, side).hash_alg(alg);
            if dct {
                config = config.preproc_dct();
            }
            let hasher = config.to_hasher();
            (0..TURNS)
                .map(|turn| hasher.hash_image(&turned(&small, turn)).as_bytes().to_vec())
                .collect()
        })
        .collect();
    Some(File {
        photo,
        kind,
        hashes,
        segments: SEGMENTATIONS
            .iter()
            .map(|(_, how)| segment_hashes_with(&small, how))
            .collect(),
    })
}

fn jpegs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| dir.display().to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jpg"))
        .collect();
    files.sort();
    Ok(files)
}

/// Distance counts: negatives, and positives per kind (by index).
struct Counts {
    negatives: Vec<u64>,
    positives: Vec<Vec<u64>>,
}

impl Counts {
    fn new(bins: usize, kinds: usize) -> Self {
        Counts {
            negatives: vec![0; bins],
            positives: vec![vec![0; bins]; kinds],
        }
    }

    fn add(&mut self, class: Option<usize>, value: usize) {
        let counts = match class {
            None => Some(&mut self.negatives),
            Some(kind) => self.positives.get_mut(kind),
        };
        if let Some(counts) = counts {
            let bin = value.min(counts.len().saturating_sub(1));
            if let Some(slot) = counts.get_mut(bin) {
                *slot += 1;
            }
        }
    }

    fn merge(&mut self, other: &Counts) {
        for (x, y) in self.negatives.iter_mut().zip(&other.negatives) {
            *x += y;
        }
        for (row, other_row) in self.positives.iter_mut().zip(&other.positives) {
            for (x, y) in row.iter_mut().zip(other_row) {
                *x += y;
            }
        }
    }
}

/// Matched counts at "value <= t" (or ">= t" when `at_least`).
fn matched(counts: &[u64], t: usize, at_least: bool) -> u64 {
    if at_least {
        counts.iter().skip(t).sum()
    } else {
        counts.iter().take(t + 1).sum()
    }
}

fn report_rule(name: &str, counts: &Counts, t: usize, at_least: bool, kinds: &[String]) {
    let false_matches = matched(&counts.negatives, t, at_least);
    let negatives: u64 = counts.negatives.iter().sum();
    let mut found = 0;
    let mut total = 0;
    let mut cells = Vec::new();
    for (index, _) in kinds.iter().enumerate() {
        let row = counts
            .positives
            .get(index)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let (k, n) = (matched(row, t, at_least), row.iter().sum::<u64>());
        found += k;
        total += n;
        cells.push(format!("{:.2}", k as f64 / n.max(1) as f64));
    }
    let precision = found as f64 / (found + false_matches).max(1) as f64;
    println!(
        "| {name} | {} {t} | {false_matches} of {negatives} | {precision:.4} | {:.2} | {} |",
        if at_least { ">=" } else { "<=" },
        found as f64 / total.max(1) as f64,
        cells.join(" | ")
    );
}

/// The most permissive threshold with precision >= 0.99.
fn best_threshold(counts: &Counts, at_least: bool) -> Option<usize> {
    let bins = counts.negatives.len();
    let precision_at = |t: usize| {
        let fp = matched(&counts.negatives, t, at_least);
        let tp: u64 = counts
            .positives
            .iter()
            .map(|row| matched(row, t, at_least))
            .sum();
        tp as f64 / (tp + fp).max(1) as f64
    };
    let mut order: Vec<usize> = (0..bins).collect();
    if !at_least {
        order.reverse();
    }
    order.into_iter().find(|&t| precision_at(t) >= 0.99)
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: same_photo_bench ORIGINALS DERIVED";
    let originals = PathBuf::from(args.next().context(usage)?);
    let derived = PathBuf::from(args.next().context(usage)?);
    let mut inputs: Vec<(PathBuf, String, Option<String>)> = Vec::new();
    for path in jpegs(&originals)? {
        let stem = path.file_stem().map(|s| s.to_string_lossy().to_string());
        inputs.push((path, stem.unwrap_or_default(), None));
    }
    for path in jpegs(&derived)? {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if let Some((photo, kind)) = stem.split_once('-') {
            inputs.push((path.clone(), photo.to_string(), Some(kind.to_string())));
        }
    }
    let started = Instant::now();
    let files: Vec<File> = inputs
        .into_par_iter()
        .filter_map(|(path, photo, kind)| load(&path, photo, kind))
        .collect();
    eprintln!(
        "{} files decoded and hashed in {:.1} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
    // Segment hashing alone, timed on the originals, one thread.
    let timing = jpegs(&originals)?;
    let smalls: Vec<DynamicImage> = timing
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let d = decode_upright(&bytes, HASH_INPUT_SIDE, DecodeLimits::default()).ok()?;
            Some(d.image.thumbnail(HASH_INPUT_SIDE, HASH_INPUT_SIDE))
        })
        .collect();
    let t = Instant::now();
    let segment_counts: usize = smalls.iter().map(|s| segment_hashes(s).len()).sum();
    let per_segments = t.elapsed().as_secs_f64() * 1e3 / smalls.len().max(1) as f64;
    let t = Instant::now();
    for s in &smalls {
        let _ = hash_image(s);
    }
    let per_hash = t.elapsed().as_secs_f64() * 1e3 / smalls.len().max(1) as f64;
    println!(
        "per picture (256 px, one thread): whole-image hash {per_hash:.2} ms, segments {per_segments:.2} ms ({:.1} segments)",
        segment_counts as f64 / smalls.len().max(1) as f64
    );

    if std::env::var_os("CLOSEST").is_some() {
        // The closest pairs of originals by each hash: suspects for photos
        // the corpus holds twice.
        let originals: Vec<&File> = files.iter().filter(|f| f.kind.is_none()).collect();
        for (h, &(name, ..)) in HASHES.iter().enumerate() {
            let mut close = Vec::new();
            for (i, a) in originals.iter().enumerate() {
                for b in originals.iter().skip(i + 1) {
                    if let (Some(x), Some(y)) = (
                        a.hashes.get(h).and_then(|v| v.first()),
                        b.hashes.get(h).and_then(|v| v.first()),
                    ) {
                        close.push((distance(x, y), a.photo.clone(), b.photo.clone()));
                    }
                }
            }
            close.sort();
            let shown: Vec<String> = close
                .iter()
                .take(12)
                .map(|(d, a, b)| format!("{a}-{b}:{d}"))
                .collect();
            println!("{name}: {}", shown.join(" "));
        }
        return Ok(());
    }
    let mut kinds: Vec<String> = files.iter().filter_map(|f| f.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let photos = files.iter().filter(|f| f.kind.is_none()).count();
    println!("{photos} photos, {} files", files.len());

    let kind_of = |f: &File| {
        f.kind
            .as_ref()
            .and_then(|k| kinds.iter().position(|x| x == k))
    };
    let kind_index: Vec<Option<usize>> = files.iter().map(kind_of).collect();
    // The class of a pair: None for a negative, Some(kind) for a positive,
    // and no pair for two derivatives of one photo.
    let class = |i: usize, j: usize| -> Option<Option<usize>> {
        let (a, b) = (files.get(i)?, files.get(j)?);
        if a.photo != b.photo {
            return Some(None);
        }
        match (kind_index.get(i)?, kind_index.get(j)?) {
            (None, Some(k)) | (Some(k), None) => Some(Some(*k)),
            _ => None,
        }
    };
    let bins_of = |h: usize| {
        HASHES
            .get(h)
            .map_or(1, |&(_, _, side, _)| (side * side * 2 + 2) as usize)
    };
    let segment_bins = 25;
    let cutoffs = [6u32, 8, 10, 12, 16];
    let segment_rules = SEGMENTATIONS.len() * cutoffs.len();
    // Tallies over all pairs: per hash plain and best over turns; per
    // segment cutoff the shared count; and (pass two) either rule.
    let tally = |whole: Option<u32>| -> Vec<Counts> {
        let empty = || -> Vec<Counts> {
            let mut all: Vec<Counts> = Vec::new();
            for h in 0..HASHES.len() {
                all.push(Counts::new(bins_of(h), kinds.len()));
                all.push(Counts::new(bins_of(h), kinds.len()));
            }
            for _ in 0..segment_rules {
                all.push(Counts::new(segment_bins, kinds.len()));
            }
            all
        };
        (0..files.len())
            .into_par_iter()
            .fold(empty, |mut all, i| {
                for j in i + 1..files.len() {
                    let (Some(class), Some(a), Some(b)) = (class(i, j), files.get(i), files.get(j))
                    else {
                        continue;
                    };
                    let mut whole_match = false;
                    for h in 0..HASHES.len() {
                        let (Some(ha), Some(hb)) = (a.hashes.get(h), b.hashes.get(h)) else {
                            continue;
                        };
                        let plain = match (ha.first(), hb.first()) {
                            (Some(x), Some(y)) => distance(x, y),
                            _ => continue,
                        };
                        let best = ha
                            .first()
                            .map(|x| hb.iter().map(|y| distance(x, y)).min().unwrap_or(plain))
                            .unwrap_or(plain);
                        if h == 0 {
                            whole_match = whole.is_some_and(|w| plain <= w);
                        }
                        if let Some(c) = all.get_mut(2 * h) {
                            c.add(class, plain as usize);
                        }
                        if let Some(c) = all.get_mut(2 * h + 1) {
                            c.add(class, best as usize);
                        }
                    }
                    for (s, (sa, sb)) in a.segments.iter().zip(&b.segments).enumerate() {
                        let shared = if whole_match {
                            Vec::new()
                        } else {
                            sa.shared_distances(sb, MAX_SEGMENT_DISTANCE)
                        };
                        for (n, &cutoff) in cutoffs.iter().enumerate() {
                            let count = shared.iter().filter(|&&d| d <= cutoff).count();
                            let value = if whole_match { segment_bins - 1 } else { count };
                            if let Some(c) = all.get_mut(2 * HASHES.len() + s * cutoffs.len() + n) {
                                c.add(class, value);
                            }
                        }
                    }
                }
                all
            })
            .reduce(empty, |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    x.merge(&y);
                }
                a
            })
    };
    let first = tally(None);
    let second_whole = best_threshold(first.first().context("no tallies")?, false);
    let negatives: u64 = first.first().map_or(0, |c| c.negatives.iter().sum());
    let positives: u64 = first
        .first()
        .map_or(0, |c| c.positives.iter().flatten().sum());
    println!("{negatives} negative pairs, {positives} positive pairs\n");
    println!(
        "| rule | threshold | false matches | precision | recall | {} |",
        kinds.join(" | ")
    );
    println!("|---|---|---|---|---|{}", "---|".repeat(kinds.len()));
    for (h, &(name, ..)) in HASHES.iter().enumerate() {
        let (Some(plain), Some(turns)) = (first.get(2 * h), first.get(2 * h + 1)) else {
            continue;
        };
        if h == 0 {
            report_rule(&format!("{name}, current rule"), plain, 46, false, &kinds);
        }
        if let Some(t) = best_threshold(plain, false) {
            report_rule(name, plain, t, false, &kinds);
        }
        if let Some(t) = best_threshold(turns, false) {
            report_rule(&format!("{name} +turns"), turns, t, false, &kinds);
        }
    }
    for (s, (how, _)) in SEGMENTATIONS.iter().enumerate() {
        for (n, cutoff) in cutoffs.iter().enumerate() {
            if let Some(alone) = first.get(2 * HASHES.len() + s * cutoffs.len() + n)
                && let Some(k) = best_threshold(alone, true)
            {
                report_rule(
                    &format!("segments ({how}) within {cutoff} bits, shared"),
                    alone,
                    k,
                    true,
                    &kinds,
                );
            }
        }
    }
    let Some(whole) = second_whole else {
        return Ok(());
    };
    let second = tally(Some(whole as u32));
    for (s, (how, _)) in SEGMENTATIONS.iter().enumerate() {
        for (n, cutoff) in cutoffs.iter().enumerate() {
            if let Some(either) = second.get(2 * HASHES.len() + s * cutoffs.len() + n)
                && let Some(k) = best_threshold(either, true)
            {
                report_rule(
                    &format!(
                        "double-gradient 16 <= {whole}, else segments ({how}) within {cutoff} bits, shared"
                    ),
                    either,
                    k,
                    true,
                    &kinds,
                );
            }
        }
    }
    Ok(())
}
