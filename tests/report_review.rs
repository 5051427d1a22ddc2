//! Verdicts in the reports once the folder changed: a verdict records the
//! values it judged, and one given before the folder showed another value is
//! marked *needs review* in the HTML, Markdown and JSON reports, and fails
//! `check` again even when it says "not an error".

#[allow(dead_code)]
mod report_fixture;

use caption_provenance::analysis::{Analysis, conflict_findings};
use caption_provenance::report::check::CheckResult;
use caption_provenance::report::html::render_html;
use caption_provenance::report::json::{from_json, to_json};
use caption_provenance::report::markdown::render_markdown;
use caption_provenance::report::{Report, ReportInput, ReportOptions, Thumbnails, build_report};
use caption_provenance::review::{Review, Verdict, VerdictStatus};

use report_fixture::{analysis, corpus};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const PHOTO: &str = "paris-2024-table-tennis-selfie";
const KEY: &str = "person:lim-jong-hoon/medal";

/// The fixture's analysis, with the finding its conflict makes.
fn analysed() -> Analysis {
    let mut analysis = analysis();
    for photo in &mut analysis.photos {
        photo.findings = conflict_findings(&photo.conflicts, &photo.claims);
    }
    analysis
}

/// The report with a "not an error" verdict that judged `values`.
fn report_judging(values: &[&str]) -> Result<Report, Box<dyn std::error::Error>> {
    let mut review = Review::default();
    review.set(
        PHOTO,
        KEY,
        Some(Verdict {
            values: Some(values.iter().map(|v| v.to_string()).collect()),
            ..Verdict::new(
                VerdictStatus::NotAnError,
                "Sportstar's own article says bronze",
            )
        }),
    );
    let (corpus, analysis) = (corpus(vec![]), analysed());
    Ok(build_report(
        ReportInput {
            corpus: &corpus,
            analysis: &analysis,
            review: &review,
            images: &[],
        },
        &ReportOptions::default(),
    )?)
}

#[test]
fn a_verdict_that_judged_every_value_holds_in_every_view() -> TestResult {
    let report = report_judging(&["AP: bronze", "Sportstar: silver", "reference: bronze"])?;
    let conflict = report.photos[0].conflicts.first().ok_or("no conflict")?;
    assert!(!conflict.needs_review);
    assert!(conflict.new_values.is_empty());
    assert_eq!(report.summary.needs_review, 0);
    assert!(!render_html(&report, &Thumbnails::new()).contains("Needs review"));
    assert!(!render_markdown(&report).contains("Needs review"));
    let check = CheckResult::from_report(&report);
    assert_eq!(check.open_conflicts(), 0);
    assert!(
        check.lines().ends_with(" [not an error]\n"),
        "{}",
        check.lines()
    );
    Ok(())
}

#[test]
fn a_value_the_verdict_did_not_judge_makes_it_need_review_in_every_view() -> TestResult {
    // The verdict was given when only Sportstar's silver was in the folder.
    let report = report_judging(&["Sportstar: silver"])?;
    let photo = &report.photos[0];
    let conflict = photo.conflicts.first().ok_or("no conflict")?;
    assert!(conflict.needs_review);
    assert_eq!(conflict.new_values, vec!["AP: bronze", "reference: bronze"]);
    assert_eq!(
        conflict.verdict.as_ref().map(|v| v.status),
        Some(VerdictStatus::NotAnError)
    );
    let finding = photo.findings.first().ok_or("no finding")?;
    assert!(finding.needs_review);
    assert_eq!(report.summary.needs_review, 1);

    let html = render_html(&report, &Thumbnails::new());
    assert!(
        html.contains(
            "<p class=\"verdict\">Verdict: <b>not an error</b> — Sportstar's own article says bronze</p>\n\
             <p class=\"needs-review\"><b>Needs review</b>: the verdict was given before the folder showed “AP: bronze” and “reference: bronze”.</p>"
        ),
        "{html}"
    );
    let markdown = render_markdown(&report);
    assert!(
        markdown.contains(
            "**Needs review**: the verdict was given before the folder showed “AP: bronze” and “reference: bronze”."
        ),
        "{markdown}"
    );
    let json = to_json(&report)?;
    let value: serde_json::Value = serde_json::from_str(&json)?;
    let conflict_json = &value["photos"][0]["conflicts"][0];
    assert_eq!(conflict_json["needs_review"], true);
    assert_eq!(
        conflict_json["new_values"],
        serde_json::json!(["AP: bronze", "reference: bronze"])
    );
    assert_eq!(
        conflict_json["verdict"]["values"],
        serde_json::json!(["Sportstar: silver"])
    );
    assert_eq!(value["photos"][0]["findings"][0]["needs_review"], true);
    assert_eq!(from_json(&json)?, report);

    let check = CheckResult::from_report(&report);
    assert_eq!(check.open_conflicts(), 1);
    assert_eq!(check.needing_review(), 1);
    assert!(
        check.lines().ends_with(" [not an error, needs review]\n"),
        "{}",
        check.lines()
    );
    Ok(())
}

#[test]
fn check_from_the_analysis_agrees_with_the_report() -> TestResult {
    let report = report_judging(&["Sportstar: silver"])?;
    let mut review = Review::default();
    review.set(PHOTO, KEY, report.photos[0].conflicts[0].verdict.clone());
    let (corpus, analysis) = (corpus(vec![]), analysed());
    let direct = CheckResult::from_analysis(&corpus, &analysis, &review);
    let via_report = CheckResult::from_report(&report);
    assert_eq!(direct.conflicts, via_report.conflicts);
    assert!(direct.conflicts.iter().all(|c| c.needs_review));
    Ok(())
}
