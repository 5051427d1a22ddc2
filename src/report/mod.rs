//! The provenance report: one [`Report`] value assembled from the corpus, its
//! analysis, the reviewer's verdicts and the image evidence (`build`), and
//! three views over it: JSON for programs (`json`, serde of the value, a
//! versioned schema), and for people one [`document::Document`] built from
//! the value (`outline`: the summary first, then each photo's findings and
//! details, the problems and the provenance) that two writers render: HTML
//! (`html`, maud; one self-contained file that prints on A4) and Markdown
//! (`markdown`). Neither writer decides what the report says.

mod build;
mod caption_comparison;
mod findings_section;
mod first_page;
mod model;
mod people;
mod photo_sections;

pub mod alignment;
pub mod check;
pub mod document;
pub mod escape;
pub mod html;
pub mod images;
pub mod json;
pub mod markdown;
pub mod outline;
pub mod save;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use build::{IMAGES_NOT_EXAMINED, ReportError, ReportInput, ReportOptions, build_report};
pub use model::*;

/// Thumbnails for the HTML view: image path (relative to the folder) to a
/// `data:` URI. Kept out of [`Report`] so the JSON stays small.
pub type Thumbnails = BTreeMap<PathBuf, String>;

/// The formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    Html,
    Markdown,
    Json,
}

impl ReportFormat {
    /// The format a file name asks for: `.html`/`.htm`, `.md`/`.markdown`, `.json`.
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        let extension = path.extension()?.to_str()?.to_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(ReportFormat::Html),
            "md" | "markdown" => Some(ReportFormat::Markdown),
            "json" => Some(ReportFormat::Json),
            _ => None,
        }
    }

    /// The format's name on the command line (`html`, `md`, `json`).
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Markdown => "md",
            ReportFormat::Json => "json",
        }
    }
}

/// Renders a report in one format.
pub fn render(
    report: &Report,
    format: ReportFormat,
    thumbnails: &Thumbnails,
) -> Result<String, serde_json::Error> {
    match format {
        ReportFormat::Html => Ok(html::render_html(report, thumbnails)),
        ReportFormat::Markdown => Ok(markdown::render_markdown(report)),
        ReportFormat::Json => json::to_json(report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(
            ReportFormat::from_path(Path::new("out/Report.HTML")),
            Some(ReportFormat::Html)
        );
        assert_eq!(
            ReportFormat::from_path(Path::new("r.md")),
            Some(ReportFormat::Markdown)
        );
        assert_eq!(
            ReportFormat::from_path(Path::new("r.json")),
            Some(ReportFormat::Json)
        );
        assert_eq!(ReportFormat::from_path(Path::new("r.txt")), None);
        assert_eq!(ReportFormat::from_path(Path::new("report")), None);
    }
}
