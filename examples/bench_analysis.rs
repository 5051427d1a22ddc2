//! Times loading and analysing a captions folder, and checks the result
//! against a scale folder's answer file (see `make_scale_folder`):
//!
//! ```text
//! cargo run --release --example bench_analysis -- OUT/photos [OUT/answers.json]
//! ```
//!
//! Prints one line per phase (wall time, peak memory so far from
//! `/proc/self/status` VmHWM), then, with an answer file, how many planted
//! conflicts were found and how many conflicts were not planted.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use anyhow::{Context, Result};
use caption_provenance::analysis::analyze;
use caption_provenance::corpus::load::load_folder;
use caption_provenance::scale::Answers;

/// Peak resident memory of this process so far, in MB (0 when unknown).
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU time (user + system) this process has used so far, in seconds.
fn cpu_seconds() -> f64 {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            // Fields after the command name (which may hold spaces) start at ')'.
            let rest = stat
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .collect::<Vec<_>>();
            let user: f64 = rest.get(11)?.parse().ok()?;
            let system: f64 = rest.get(12)?.parse().ok()?;
            Some(user + system)
        })
        .unwrap_or(0.0);
    ticks / 100.0
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(
        args.next()
            .context("usage: bench_analysis FOLDER [ANSWERS]")?,
    );
    let answers = args.next().map(PathBuf::from);

    let started = Instant::now();
    let corpus = load_folder(&folder, &|_| {}, &AtomicBool::new(false))?;
    let load = started.elapsed();
    let cpu_load = cpu_seconds();
    println!(
        "load     {:>8.3} s  cpu {:>7.2} s  peak {:>6.0} MB  ({} photos, {} variants, {} problems)",
        load.as_secs_f64(),
        cpu_load,
        peak_mb(),
        corpus.photos.len(),
        corpus
            .photos
            .iter()
            .map(|p| p.variants.len())
            .sum::<usize>(),
        corpus.problems.len()
    );
    let started = Instant::now();
    let analysis = analyze(&corpus);
    let analyse = started.elapsed();
    println!(
        "analyse  {:>8.3} s  cpu {:>7.2} s  peak {:>6.0} MB  ({} conflicts)",
        analyse.as_secs_f64(),
        cpu_seconds() - cpu_load,
        peak_mb(),
        analysis.conflict_count()
    );
    println!(
        "total    {:>8.3} s  cpu {:>7.2} s",
        (load + analyse).as_secs_f64(),
        cpu_seconds()
    );

    if let Some(path) = answers {
        let answers: Answers = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let (mut expected, mut found, mut unplanted) = (0usize, 0usize, 0usize);
        for (photo, pa) in corpus.photos.iter().zip(&analysis.photos) {
            let keys = answers.expected_keys(&photo.id);
            let got: Vec<&str> = pa.conflicts.iter().map(|c| c.key.as_str()).collect();
            expected += keys.len();
            found += keys.iter().filter(|k| got.contains(&k.as_str())).count();
            unplanted += got.iter().filter(|g| !keys.iter().any(|k| k == *g)).count();
        }
        println!(
            "answers  planted errors {}, planted conflicts found {found}/{expected}, conflicts not planted {unplanted}",
            answers.planted.len()
        );
    }
    Ok(())
}
