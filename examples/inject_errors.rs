//! Plants errors in real captions and counts how many the analysis finds
//! (see `caption_provenance::eval::inject`):
//!
//! ```text
//! cargo run --release --example inject_errors -- [FOLDER] [--list]
//! ```
//!
//! FOLDER defaults to `tests/realworld`. Prints, for each photo and kind of
//! planted error, how many were planted, found, and set off a false alarm
//! elsewhere; `--list` adds every miss and every false alarm.
//!
//! `--leave-one-out` (`--leave-two-out`) instead analyses each labelled
//! photo once without each of its variants (each pair of them) (fewer witnesses, other majorities) and prints every
//! finding that then matches no label of `expected.toml` or hits a
//! `not_error`: how the findings hold when the folder is smaller.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use anyhow::Result;
use caption_provenance::analysis::{Vocabulary, analyze_photo};
use caption_provenance::corpus::Corpus;
use caption_provenance::corpus::load::load_folder;
use caption_provenance::eval::inject::{Outcome, Planted, measure_photo};
use caption_provenance::eval::{EXPECTED_FILE_NAME, Expected, evaluate_photo};

#[derive(Default, Clone, Copy)]
struct Count {
    planted: usize,
    found: usize,
    collateral: usize,
}

impl Count {
    fn add(&mut self, o: &Outcome) {
        self.planted += 1;
        self.found += usize::from(!o.found_by.is_empty());
        self.collateral += usize::from(!o.collateral.is_empty());
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list = args.iter().any(|a| a == "--list");
    let folder = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("tests/realworld"), PathBuf::from);
    let corpus = load_folder(&folder, &|_| {}, &AtomicBool::new(false))?;
    let (vocabulary, _) = Vocabulary::with_files(&corpus.root, &corpus.vocabulary_files);
    if args.iter().any(|a| a == "--leave-one-out") {
        return leave_out(&corpus, &vocabulary, 1);
    }
    if args.iter().any(|a| a == "--leave-two-out") {
        return leave_out(&corpus, &vocabulary, 2);
    }
    let kinds = [Planted::Name, Planted::Number];
    let mut totals = [Count::default(); 2];
    println!(
        "{:<30} {:<7} {:>8} {:>14} {:>10}",
        "photo", "kind", "planted", "found", "collateral"
    );
    for photo in &corpus.photos {
        let baseline = analyze_photo(photo, &vocabulary);
        let outcomes = measure_photo(photo, &vocabulary, &baseline);
        for (k, kind) in kinds.iter().enumerate() {
            let mut count = Count::default();
            for o in outcomes.iter().filter(|o| o.injection.kind == *kind) {
                count.add(o);
            }
            totals[k].planted += count.planted;
            totals[k].found += count.found;
            totals[k].collateral += count.collateral;
            println!("{}", row(&photo.id, kind.name(), count));
        }
        if list {
            for o in &outcomes {
                let label = photo
                    .variants
                    .get(o.injection.variant)
                    .map_or("?", |v| v.label());
                let what = format!(
                    "{} {} -> {} in {}",
                    o.injection.kind.name(),
                    o.injection.from,
                    o.injection.to,
                    label
                );
                if o.found_by.is_empty() {
                    println!("  missed     {what}");
                }
                for c in &o.collateral {
                    println!("  collateral {what}: {c}");
                }
            }
        }
    }
    for (k, kind) in kinds.iter().enumerate() {
        println!("{}", row("total", kind.name(), totals[k]));
    }
    Ok(())
}

fn leave_out(corpus: &Corpus, vocabulary: &Vocabulary, n: usize) -> Result<()> {
    let (mut runs, mut unexpected, mut false_findings) = (0, 0, 0);
    for photo in &corpus.photos {
        let path = corpus.root.join(&photo.id).join(EXPECTED_FILE_NAME);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let expected: Expected = toml::from_str(&text)?;
        let count = photo.variants.len();
        let sets: Vec<Vec<usize>> = if n == 1 {
            (0..count).map(|a| vec![a]).collect()
        } else {
            (0..count)
                .flat_map(|a| (a + 1..count).map(move |b| vec![a, b]))
                .collect()
        };
        for out in sets {
            let mut smaller = photo.clone();
            let gone: Vec<String> = out
                .iter()
                .rev()
                .map(|&v| smaller.variants.remove(v).label().to_string())
                .collect();
            let analysis = analyze_photo(&smaller, vocabulary);
            let measured = evaluate_photo(&smaller, &analysis, &expected);
            runs += 1;
            for (what, list) in [
                ("unexpected", &measured.unexpected),
                ("false", &measured.false_findings),
            ] {
                for f in list.iter() {
                    println!(
                        "{} without {}: {what}: {}",
                        photo.id,
                        gone.join(" and "),
                        f.summary
                    );
                }
            }
            unexpected += measured.unexpected.len();
            false_findings += measured.false_findings.len();
        }
    }
    println!("{runs} runs, {unexpected} unexpected, {false_findings} false");
    Ok(())
}

fn row(photo: &str, kind: &str, c: Count) -> String {
    let pct = |n: usize| {
        if c.planted == 0 {
            0.0
        } else {
            100.0 * n as f64 / c.planted as f64
        }
    };
    format!(
        "{:<30} {:<7} {:>8} {:>8} {:>4.0}% {:>6} {:>2.0}%",
        photo,
        kind,
        c.planted,
        c.found,
        pct(c.found),
        c.collateral,
        pct(c.collateral)
    )
}
