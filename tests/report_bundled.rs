//! The report on the bundled captions folder, through the real loader and
//! analysis: the Sportstar conflicts with their quotes in every format,
//! the inputs' digests, and identical runs.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use caption_provenance::analysis::analyze;
use caption_provenance::corpus::load::load_folder;
use caption_provenance::report::json::{from_json, to_json};
use caption_provenance::report::{
    Report, ReportFormat, ReportInput, ReportOptions, Thumbnails, build_report, render,
};
use caption_provenance::review::Review;
use sha2::{Digest, Sha256};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn captions() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("captions")
}

fn bundled_report() -> Result<Report, Box<dyn std::error::Error>> {
    let corpus = load_folder(&captions(), &|_| {}, &AtomicBool::new(false))?;
    let analysis = analyze(&corpus);
    Ok(build_report(
        ReportInput {
            corpus: &corpus,
            analysis: &analysis,
            review: &Review::default(),
            images: &[],
        },
        &ReportOptions::default(),
    )?)
}

#[test]
fn the_sportstar_medal_conflict_is_there_with_its_quote() -> TestResult {
    let report = bundled_report()?;
    assert_eq!(report.summary.photos, 1);
    assert_eq!(report.summary.variants, 6);
    let photo = &report.photos[0];
    assert_eq!(photo.id, "paris-2024-table-tennis-selfie");
    let lim = photo
        .conflicts
        .iter()
        .find(|c| c.key == "Lim Jong-hoon/medal")
        .ok_or("no conflict on Lim Jong-hoon's medal")?;
    assert!(lim.odd_ones_out.contains(&"Sportstar".to_owned()));
    assert_eq!(lim.reference.as_deref(), Some("bronze"));
    let silver = lim
        .values
        .iter()
        .find(|v| v.value == "silver")
        .ok_or("no silver side")?;
    assert_eq!(silver.holders, vec!["Sportstar".to_owned()]);
    let quote = &silver.quotes[0];
    assert_eq!(quote.text, "silver medallist");
    assert_eq!(quote.holder, "Sportstar (caption)");
    let location = quote.location.ok_or("no location")?;
    let sportstar = &photo.variants[location.variant];
    assert_eq!(sportstar.label, "Sportstar");
    assert_eq!(location.span.slice(&sportstar.caption), "silver medallist");

    // The sentence is the analysis's; the report must carry it as it is.
    assert!(
        lim.summary.contains("Sportstar: silver;"),
        "{}",
        lim.summary
    );
    let summary = lim.summary.clone();
    let html = render(&report, ReportFormat::Html, &Thumbnails::new())?;
    let escaped = summary
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    assert!(html.contains(&format!("<p class=\"lead\">{escaped}</p>")));
    // On the first page, its line is the swap it is part of.
    let swap = photo
        .findings
        .iter()
        .find(|f| f.kind == caption_provenance::analysis::FindingKind::Swap)
        .ok_or("no swap")?;
    assert!(html.contains(&format!("<td>{}</td>", swap.summary)));
    assert!(
        html.contains("<q>silver medallist</q> <span class=\"aside\">Sportstar (caption)</span>")
    );
    let md = render(&report, ReportFormat::Markdown, &Thumbnails::new())?;
    assert!(md.contains("#### HIGH Lim Jong-hoon / medal (conflict)\n"));
    assert!(md.contains("“silver medallist” (Sportstar (caption)) (bytes 51–67)"));
    Ok(())
}

#[test]
fn every_input_is_listed_with_its_sha256() -> TestResult {
    let report = bundled_report()?;
    let sportstar = Path::new("paris-2024-table-tennis-selfie/003-sportstar.txt");
    let input = report
        .inputs
        .iter()
        .find(|i| i.path == sportstar)
        .ok_or("Sportstar's file is not among the inputs")?;
    let bytes = std::fs::read(captions().join(sportstar))?;
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(input.sha256, digest);
    assert_eq!(input.bytes, bytes.len() as u64);
    let html = render(&report, ReportFormat::Html, &Thumbnails::new())?;
    for input in &report.inputs {
        assert!(
            html.contains(&input.sha256),
            "{} missing",
            input.path.display()
        );
    }
    Ok(())
}

#[test]
fn json_round_trips_and_runs_are_identical() -> TestResult {
    let one = bundled_report()?;
    let json = to_json(&one)?;
    assert_eq!(from_json(&json)?, one);
    assert_eq!(to_json(&bundled_report()?)?, json);
    for format in [ReportFormat::Html, ReportFormat::Markdown] {
        assert_eq!(
            render(&one, format, &Thumbnails::new())?,
            render(&bundled_report()?, format, &Thumbnails::new())?
        );
    }
    Ok(())
}

/// `check` reads the analysis directly; it says what a report would say.
#[test]
fn check_from_the_analysis_matches_check_from_the_report() -> Result<(), Box<dyn std::error::Error>>
{
    use caption_provenance::report::check::CheckResult;

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("captions");
    let corpus = load_folder(&root, &|_| {}, &AtomicBool::new(false))?;
    let analysis = analyze(&corpus);
    let review = Review::default();
    let input = ReportInput {
        corpus: &corpus,
        analysis: &analysis,
        review: &review,
        images: &[],
    };
    let report = build_report(input, &ReportOptions::default())?;
    let direct = CheckResult::from_analysis(&corpus, &analysis, &review);
    assert_eq!(direct, CheckResult::from_report(&report));
    // Shin Yu-bin's medal and the credit; the three medal conflicts
    // Sportstar's swap accounts for are listed as that one swap.
    assert_eq!(direct.conflicts.len(), 2);
    let findings: Vec<(&str, &str)> = direct
        .findings
        .iter()
        .map(|f| (f.kind.as_str(), f.key.as_str()))
        .collect();
    assert_eq!(
        findings,
        vec![(
            "swap",
            "swap/Sportstar/medal/Kim Kum Yong+Lim Jong-hoon+Ri Jong Sik"
        )]
    );
    Ok(())
}

/// Sportstar's swap is one finding in every format, its per-person
/// conflicts beneath it.
#[test]
fn the_swap_is_printed_with_its_people_beneath() -> TestResult {
    let report = bundled_report()?;
    let photo = &report.photos[0];
    let swap = photo
        .findings
        .iter()
        .find(|f| f.kind == caption_provenance::analysis::FindingKind::Swap)
        .ok_or("no swap")?;
    assert_eq!(swap.details.len(), 3);
    let lim = swap
        .details
        .iter()
        .find(|d| d.subject == "Lim Jong-hoon")
        .ok_or("no Lim")?;
    let conflict = lim.conflict.and_then(|i| photo.conflicts.get(i));
    assert_eq!(
        conflict.map(|c| c.key.as_str()),
        Some("Lim Jong-hoon/medal")
    );
    let md = render(&report, ReportFormat::Markdown, &Thumbnails::new())?;
    assert!(md.contains(&format!("**{}**\n", swap.summary)));
    assert!(md.contains("Per person:\n\n- **Ri Jong Sik**: Sportstar: bronze;"));
    assert!(md.contains(&format!("- **Lim Jong-hoon**: {}\n", lim.summary)));
    let html = render(&report, ReportFormat::Html, &Thumbnails::new())?;
    assert!(html.contains(&format!("<li><b>Lim Jong-hoon</b>: {}</li>", lim.summary)));
    let json: serde_json::Value = serde_json::from_str(&to_json(&report)?)?;
    let finding = &json["photos"][0]["findings"][0];
    assert_eq!(finding["kind"], "swap");
    assert_eq!(finding["details"][2]["key"], "Lim Jong-hoon/medal");
    Ok(())
}
