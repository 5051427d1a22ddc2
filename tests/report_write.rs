//! Writing a report never leaves a half-written file: a failure mid-write
//! keeps the old report as it was.

mod report_fixture;

use std::io::Write;

use caption_provenance::atomic_write::{Overwrite, write_atomically_with};
use caption_provenance::corpus::{ProblemKind, ProblemSeverity};
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

/// A report saved inside the folder it describes is not read back as a
/// caption file: the next load has the same variants and no new problem.
#[test]
fn reports_saved_in_the_folder_are_not_read_as_captions() -> Result<(), Box<dyn std::error::Error>>
{
    use caption_provenance::analysis::analyze;
    use caption_provenance::corpus::load::load_folder;
    use caption_provenance::review::Review;
    use std::sync::atomic::AtomicBool;

    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("a.txt"),
        "Outlet: Alpha\n\nLim Jong-hoon, bronze medallist, takes a selfie.\n",
    )?;
    std::fs::write(
        dir.path().join("b.json"),
        r#"{"outlet": "Beta", "caption": "Lim Jong-hoon, silver medallist, takes a selfie."}"#,
    )?;
    let load = || load_folder(dir.path(), &|_| {}, &AtomicBool::new(false));
    let before = load()?;
    let analysis = analyze(&before);
    let review = Review::default();
    let report = build_report(
        ReportInput {
            corpus: &before,
            analysis: &analysis,
            review: &review,
            images: &[],
        },
        &ReportOptions::default(),
    )?;
    for (name, format) in [
        ("report.html", ReportFormat::Html),
        ("report.json", ReportFormat::Json),
    ] {
        std::fs::write(
            dir.path().join(name),
            render(&report, format, &Thumbnails::new())?,
        )?;
    }
    let after = load()?;
    // Passed over, each with a note (not a problem) that says so.
    let notes: Vec<(String, ProblemSeverity, ProblemKind)> = after
        .problems
        .iter()
        .map(|p| (p.path.display().to_string(), p.severity, p.kind))
        .collect();
    assert_eq!(
        notes,
        vec![
            (
                "report.html".into(),
                ProblemSeverity::Note,
                ProblemKind::OwnReport
            ),
            (
                "report.json".into(),
                ProblemSeverity::Note,
                ProblemKind::OwnReport
            ),
        ]
    );
    assert_eq!(after.photos, before.photos);
    assert_eq!(after.inputs, before.inputs);
    Ok(())
}
