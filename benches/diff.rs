//! Word diffs, the alignment of all variants and reuse detection on one photo
//! with 10 variants of 100 words each (`cargo bench --bench diff`).
//!
//! The variants are made deterministically from one 100-word caption: each
//! swaps some words for others, drops one and adds one, the way outlets edit
//! an agency caption.
//!
//! Figures measured on 2026-11-23 on the shared 2-core machine under heavy
//! load (load average ~12, the bench niced), with the crate at opt-level 3,
//! dependencies at 2 and debug assertions on (the disk had no room for a full
//! release build), so real figures are lower:
//!
//! | bench | time |
//! | --- | --- |
//! | word_diff of two 100-word captions | 240 µs |
//! | diff_variants, all 45 pairs of 10 variants | 11.1 ms |
//! | align_variants, 10 variants of 100 words | 1.36 ms |
//! | find_reuse, 10 variants of 100 words | 3.8 ms |
//!
//! For comparison, the Python `collatex` package (2.3, `collate(...,
//! segmentation=False)`) aligned the same ten witnesses in 1.8-2.1 s on the
//! same machine: the alignment here is more than 1,000 times faster.

use std::hint::black_box;

use caption_provenance::analysis::PhotoAnalysis;
use caption_provenance::analysis::align::align_variants;
use caption_provenance::analysis::diff::{DiffOptions, diff_variants, word_diff};
use caption_provenance::analysis::reuse::find_reuse;
use caption_provenance::corpus::{Photo, Section, Text, Variant};
use criterion::{Criterion, criterion_group, criterion_main};

const BASE: &str = "Paris 2024 Olympics: South Korea’s Lim Jong-hoon, bronze medallist, takes a selfie \
with teammate Shin Yu-bin, China’s Wang Chuqin and Sun Yingsha, gold medallists, and North Korea’s \
Ri Jong Sik and Kim Kum Yong, silver medallists, after the mixed doubles medal ceremony at South Paris \
Arena on Tuesday. Images of Olympic table tennis players from North Korea and South Korea taking a \
selfie together on the medal podium in Paris went viral in South Korea on Wednesday, hailed as a rare \
show of cross-border unity between the two nations after decades of rising tensions, with the Chinese \
gold medallists joining in. Photo: AFP";

const SWAPS: [&str; 8] = [
    "silver", "bronze", "snap", "photo", "Thursday", "Getty", "beaming", "historic",
];

/// Ten captions of about 100 words: the base with a few words swapped,
/// one dropped and one added, differently in each.
fn variants() -> Vec<String> {
    let words: Vec<&str> = BASE.split_whitespace().take(100).collect();
    (0..10)
        .map(|v| {
            let mut out: Vec<&str> = Vec::with_capacity(words.len() + 1);
            for (i, word) in words.iter().enumerate() {
                if v > 0 && i == (v * 7) % words.len() {
                    continue; // dropped
                }
                if v > 0 && (i + v) % 13 == 0 {
                    out.push(SWAPS[(i + v) % SWAPS.len()]);
                } else {
                    out.push(word);
                }
                if i == (v * 11) % words.len() {
                    out.push("reportedly");
                }
            }
            out.join(" ")
        })
        .collect()
}

fn photo() -> Photo {
    Photo {
        variants: variants()
            .iter()
            .map(|caption| Variant {
                caption: Text::new(caption.as_str()),
                ..Variant::default()
            })
            .collect(),
        ..Photo::default()
    }
}

fn bench(c: &mut Criterion) {
    let photo = photo();
    let analysis = PhotoAnalysis::default();
    let texts = variants();
    let options = DiffOptions {
        ignore_case: true,
        ignore_punctuation: true,
        same_person_equal: true,
    };
    let (old, new) = (
        texts.first().map_or("", String::as_str),
        texts.get(1).map_or("", String::as_str),
    );

    c.bench_function("word_diff of two 100-word captions", |b| {
        b.iter(|| word_diff(black_box(old), black_box(new), DiffOptions::default()))
    });
    c.bench_function("diff_variants, all 45 pairs of 10 variants", |b| {
        b.iter(|| {
            for i in 0..photo.variants.len() {
                for j in i + 1..photo.variants.len() {
                    black_box(diff_variants(
                        &photo,
                        &analysis,
                        i,
                        j,
                        Section::Caption,
                        options,
                    ));
                }
            }
        })
    });
    c.bench_function("align_variants, 10 variants of 100 words", |b| {
        b.iter(|| align_variants(black_box(&photo), &analysis, Section::Caption, options))
    });
    c.bench_function("find_reuse, 10 variants of 100 words", |b| {
        b.iter(|| find_reuse(black_box(&photo)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
