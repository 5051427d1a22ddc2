//! Save report...: the same report the command line writes (`report`
//! module), in the format the file name asks for (HTML, Markdown, else
//! JSON). Runs on a background thread: examining the images reads files.

use std::path::{Path, PathBuf};

use crate::analysis::Analysis;
use crate::analysis::diff::DiffOptions;
use crate::atomic_write::{Overwrite, write_atomically};
use crate::corpus::Corpus;
use crate::report::images::{self, ThumbnailChoice};
use crate::report::{ReportFormat, ReportInput, ReportOptions, build_report, render};
use crate::review::Review;

/// Builds and writes the report of the opened folder to `path`.
pub fn write_report(
    path: &Path,
    corpus: &Corpus,
    analysis: &Analysis,
    review: &Review,
    diff: DiffOptions,
) -> Result<PathBuf, String> {
    let format = ReportFormat::from_path(path).unwrap_or(ReportFormat::Json);
    // Only the HTML report shows thumbnails.
    let choice = if format == ReportFormat::Html {
        ThumbnailChoice::Make
    } else {
        ThumbnailChoice::Skip
    };
    let (image_sections, thumbnails) = images::examine(corpus, choice);
    let input = ReportInput {
        corpus,
        analysis,
        review,
        images: &image_sections,
    };
    let options = ReportOptions {
        base: None,
        generated_at: Some(chrono::Utc::now()),
        diff,
    };
    let report = build_report(input, &options).map_err(|e| e.to_string())?;
    let text = render(&report, format, &thumbnails).map_err(|e| e.to_string())?;
    write_atomically(path, text.as_bytes(), Overwrite::Allow)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_the_format() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let corpus = Corpus::default();
        let analysis = Analysis::default();
        let review = Review::default();
        let options = DiffOptions::default();
        let html = dir.path().join("r.html");
        write_report(&html, &corpus, &analysis, &review, options)?;
        assert!(std::fs::read_to_string(&html)?.starts_with("<!DOCTYPE html>"));
        let json = dir.path().join("r.report");
        write_report(&json, &corpus, &analysis, &review, options)?;
        let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json)?)?;
        assert!(value.is_object());
        Ok(())
    }
}
