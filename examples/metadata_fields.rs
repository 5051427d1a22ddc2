//! Prints the embedded metadata fields our reader extracts from each file
//! given, one JSON object per line, for the exiftool comparison of
//! `benches/metadata/run.sh`:
//!
//! ```text
//! cargo run --release --example metadata_fields -- FILE...
//! {"file":"a.jpg","fields":[{"field":"caption","standard":"iptc","value":"..."}],"problem":null}
//! ```
//!
//! `problem` is why no preview could be made (a format not decoded, a
//! truncated JPEG), or null; `preview_mean` the mean red, green, blue and
//! alpha of the 256 px preview (a black or white preview of a picture that
//! is neither shows at a glance), or null.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use caption_provenance::imaging::metadata::read_embedded;
use caption_provenance::imaging::preview::{DecodeLimits, thumbnail_from_bytes};

fn main() -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in std::env::args().skip(1).map(PathBuf::from) {
        let (fields, preview) = match std::fs::read(&file) {
            Ok(bytes) => (
                read_embedded(&bytes).fields,
                thumbnail_from_bytes(&bytes, 256, DecodeLimits::default())
                    .map_err(|e| e.to_string()),
            ),
            Err(error) => (Vec::new(), Err(error.to_string())),
        };
        let line = serde_json::json!({
            "file": file.to_string_lossy(),
            "fields": fields,
            "problem": preview.as_ref().err(),
            "preview_mean": preview.as_ref().ok().map(|t| mean(&t.rgba)),
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The mean of each of the four channels of RGBA pixels.
fn mean(rgba: &[u8]) -> [u64; 4] {
    let mut sums = [0u64; 4];
    for pixel in rgba.chunks_exact(4) {
        for (sum, &value) in sums.iter_mut().zip(pixel) {
            *sum += u64::from(value);
        }
    }
    let count = (rgba.len() / 4).max(1) as u64;
    sums.map(|sum| sum / count)
}
