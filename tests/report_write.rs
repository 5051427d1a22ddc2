//! Writing a report never leaves a half-written file: a failure mid-write
//! keeps the old report as it was.

mod report_fixture;

use std::io::Write;

use caption_provenance::atomic_write::{Overwrite, write_atomically_with};
use caption_provenance::report::{
    ReportFormat, ReportInput, ReportOptions, Thumbnails, build_report, render,
};

#[test]
fn a_failed_write_leaves_the_old_report_untouched() -> Result<(), Box<dyn std::error::Error>> {
    let corpus = report_fixture::corpus(vec![]);
    let analysis = report_fixture::analysis();
    let review = report_fixture::review();
    let report = build_report(
        ReportInput {
            corpus: &corpus,
            analysis: &analysis,
            review: &review,
            images: &[],
        },
        &ReportOptions::default(),
    )?;
    let html = render(&report, ReportFormat::Html, &Thumbnails::new())?;

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("report.html");
    std::fs::write(&path, "the old report")?;
    let result = write_atomically_with(&path, Overwrite::Allow, |file| {
        file.write_all(&html.as_bytes()[..html.len() / 2])?;
        Err(std::io::Error::other("disk full"))
    });
    assert_eq!(
        result.map_err(|e| e.to_string()),
        Err("disk full".to_owned())
    );
    assert_eq!(std::fs::read_to_string(&path)?, "the old report");
    let names: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("report.html")]);
    Ok(())
}
