//! Saving a report to a file in one call, for the window's "Save report" and
//! the command line: examine the images (thumbnails only for HTML), build,
//! render, and write atomically (temporary file in the same folder, then
//! rename), readable by others.

use std::io::{self, Write};
use std::path::Path;

use super::images::{ThumbnailChoice, examine};
use super::{ReportError, ReportFormat, ReportInput, ReportOptions, build_report, render};
use crate::analysis::Analysis;
use crate::atomic_write::{Overwrite, write_atomically_with};
use crate::corpus::Corpus;
use crate::review::Review;

/// Why a report could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error("could not render the report: {0}")]
    Render(#[from] serde_json::Error),
    /// The file exists and overwriting was refused.
    #[error("{} already exists", .0.display())]
    Exists(std::path::PathBuf),
    #[error("could not write {}: {}", .0.display(), .1)]
    Write(std::path::PathBuf, io::Error),
}

/// The report on a loaded folder, rendered in one format.
pub fn report_text(
    corpus: &Corpus,
    analysis: &Analysis,
    review: &Review,
    format: ReportFormat,
    options: &ReportOptions,
) -> Result<String, SaveError> {
    let thumbnails = if format == ReportFormat::Html {
        ThumbnailChoice::Make
    } else {
        ThumbnailChoice::Skip
    };
    let (sections, thumbnails) = examine(corpus, thumbnails);
    let report = build_report(
        ReportInput {
            corpus,
            analysis,
            review,
            images: &sections,
        },
        options,
    )?;
    Ok(render(&report, format, &thumbnails)?)
}

/// Renders and writes a report; `Overwrite::Refuse` keeps an existing file.
pub fn save_report(
    path: &Path,
    corpus: &Corpus,
    analysis: &Analysis,
    review: &Review,
    format: ReportFormat,
    options: &ReportOptions,
    overwrite: Overwrite,
) -> Result<(), SaveError> {
    let text = report_text(corpus, analysis, review, format, options)?;
    write_report_file(path, text.as_bytes(), overwrite)
}

/// Writes report bytes atomically, readable by others (0644 on Unix).
pub fn write_report_file(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), SaveError> {
    let write = |temp: &mut std::fs::File| {
        // The temporary file is private (0600); a report is for sharing.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            temp.set_permissions(std::fs::Permissions::from_mode(0o644))?;
        }
        temp.write_all(bytes)
    };
    write_atomically_with(path, overwrite, write).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            SaveError::Exists(path.to_path_buf())
        } else {
            SaveError::Write(path.to_path_buf(), e)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_refuses_to_overwrite_unless_allowed() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("report.md");
        std::fs::write(&path, "old")?;
        let corpus = Corpus::default();
        let (analysis, review) = (Analysis::default(), Review::default());
        let options = ReportOptions::default();
        let refused = save_report(
            &path,
            &corpus,
            &analysis,
            &review,
            ReportFormat::Markdown,
            &options,
            Overwrite::Refuse,
        );
        assert!(matches!(refused, Err(SaveError::Exists(_))));
        assert_eq!(std::fs::read_to_string(&path)?, "old");
        save_report(
            &path,
            &corpus,
            &analysis,
            &review,
            ReportFormat::Markdown,
            &options,
            Overwrite::Allow,
        )?;
        assert!(std::fs::read_to_string(&path)?.starts_with("# Caption provenance report\n"));
        Ok(())
    }
}
