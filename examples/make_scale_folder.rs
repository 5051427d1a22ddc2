//! Writes a synthetic captions folder at scale (see `caption_provenance::scale`):
//!
//! ```text
//! cargo run --release --example make_scale_folder -- OUT --photos 10000 --variants 6 --jpegs 1000 \
//!     [--jpeg-size 3000x2000] [--seed 7] [--error-share 0.05]
//! ```
//!
//! OUT gets `photos/` (open this one), `answers.json` (the planted errors and
//! the conflicts they must cause) and `jpegs/` (JPEGs with IPTC captions).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use caption_provenance::scale::{ScaleOptions, write_scale_folder};
use clap::Parser;

#[derive(Debug, Parser)]
struct Args {
    /// The folder to write into (created if missing).
    out: PathBuf,
    #[arg(long, default_value_t = 10_000)]
    photos: usize,
    #[arg(long, default_value_t = 6)]
    variants: usize,
    #[arg(long, default_value_t = 1_000)]
    jpegs: usize,
    /// The JPEGs' size, WIDTHxHEIGHT.
    #[arg(long, default_value = "3000x2000")]
    jpeg_size: String,
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// The chance that a variant (other than a photo's first) has a planted error.
    #[arg(long, default_value_t = 0.05)]
    error_share: f64,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let Some((w, h)) = args.jpeg_size.split_once('x') else {
        bail!("--jpeg-size must be WIDTHxHEIGHT, e.g. 3000x2000");
    };
    let options = ScaleOptions {
        photos: args.photos,
        variants: args.variants,
        jpegs: args.jpegs,
        jpeg_width: w.parse().context("--jpeg-size width")?,
        jpeg_height: h.parse().context("--jpeg-size height")?,
        seed: args.seed,
        error_share: args.error_share,
    };
    let started = Instant::now();
    let answers = write_scale_folder(&args.out, &options)
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "wrote {} photos x {} variants ({} planted errors) and {} JPEGs of {}x{} into {} in {:.1?}",
        options.photos,
        options.variants,
        answers.planted.len(),
        options.jpegs,
        options.jpeg_width,
        options.jpeg_height,
        args.out.display(),
        started.elapsed()
    );
    Ok(())
}
