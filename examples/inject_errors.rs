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

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use anyhow::Result;
use caption_provenance::analysis::{Vocabulary, analyze_photo};
use caption_provenance::corpus::load::load_folder;
use caption_provenance::eval::inject::{Outcome, Planted, measure_photo};

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
