//! Times the word diffs and the alignment of 10 variants of about 100 words
//! (the witnesses of `benches/diff.rs`), and writes the same witnesses as
//! JSON so `benches/run.sh` can give them to the Python `collatex` package:
//!
//! ```text
//! cargo run --release --example bench_align -- [WITNESSES.json]
//! ```
//!
//! Prints the mean time of one `align_variants` call and of the 45 pairwise
//! `diff_variants` calls, over enough repetitions to last about a second each.

use std::hint::black_box;
use std::time::{Duration, Instant};

use anyhow::Result;
use caption_provenance::analysis::PhotoAnalysis;
use caption_provenance::analysis::align::align_variants;
use caption_provenance::analysis::diff::{DiffOptions, diff_variants};
use caption_provenance::corpus::{Photo, Section, Text, Variant};

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

/// The ten witnesses of `benches/diff.rs`.
fn variants() -> Vec<String> {
    let words: Vec<&str> = BASE.split_whitespace().take(100).collect();
    (0..10)
        .map(|v| {
            let mut out: Vec<&str> = Vec::with_capacity(words.len() + 1);
            for (i, word) in words.iter().enumerate() {
                if v > 0 && i == (v * 7) % words.len() {
                    continue;
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

/// Mean time of `f` over repetitions lasting about `budget`.
fn mean_time(budget: Duration, mut f: impl FnMut()) -> (Duration, u32) {
    f();
    let started = Instant::now();
    let mut runs = 0u32;
    while started.elapsed() < budget || runs < 5 {
        f();
        runs += 1;
    }
    (started.elapsed() / runs, runs)
}

fn main() -> Result<()> {
    let texts = variants();
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(&path, serde_json::to_string_pretty(&texts)?)?;
    }
    let photo = Photo {
        variants: texts
            .iter()
            .map(|caption| Variant {
                caption: Text::new(caption.as_str()),
                ..Variant::default()
            })
            .collect(),
        ..Photo::default()
    };
    let analysis = PhotoAnalysis::default();
    let options = DiffOptions {
        ignore_case: true,
        ignore_punctuation: true,
        same_person_equal: true,
    };
    let second = Duration::from_secs(1);
    let (align, runs) = mean_time(second, || {
        black_box(align_variants(
            black_box(&photo),
            &analysis,
            Section::Caption,
            options,
        ));
    });
    println!(
        "align_variants of 10 x ~100 words: {:.3} ms ({runs} runs)",
        align.as_secs_f64() * 1e3
    );
    let (diff, runs) = mean_time(second, || {
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
    });
    println!(
        "diff_variants, all 45 pairs: {:.3} ms ({runs} runs)",
        diff.as_secs_f64() * 1e3
    );
    Ok(())
}
