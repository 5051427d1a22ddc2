//! Save report...: the same report the command line writes (`report`
//! module), in the format the file name asks for (HTML, Markdown, else
//! JSON), written by the same code (atomic, readable by others). Runs on a
//! background thread: examining the images reads files. The save dialog (the
//! system's, or the window's own chooser) has already asked before replacing
//! a file.

use std::path::{Path, PathBuf};

use crate::analysis::Analysis;
use crate::analysis::diff::DiffOptions;
use crate::atomic_write::Overwrite;
use crate::corpus::Corpus;
use crate::report::save::save_report;
use crate::report::{ReportFormat, ReportOptions};
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
    let options = ReportOptions {
        base: None,
        generated_at: Some(chrono::Utc::now()),
        diff,
    };
    save_report(
        path,
        corpus,
        analysis,
        review,
        format,
        &options,
        Overwrite::Allow,
    )
    .map_err(|e| e.to_string())?;
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
        // Reports are for sharing: readable by others, unlike a temporary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&html)?.permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
        Ok(())
    }
}
