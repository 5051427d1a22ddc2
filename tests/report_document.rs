//! The report's one document and its two writers: both render the same
//! sections in the same order, the summary comes first, hostile text is
//! escaped in both, and the bulk is collapsed on screen and marked for print.

mod report_fixture;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use caption_provenance::analysis::analyze;
use caption_provenance::corpus::load::load_folder;
use caption_provenance::report::document::{Document, Fold, Print, Section};
use caption_provenance::report::outline::{PRINT_LEAVES_OUT, report_document};
use caption_provenance::report::{
    Report, ReportInput, ReportOptions, Thumbnails, build_report, html, markdown,
};
use caption_provenance::review::Review;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn bundled_report() -> Result<Report, Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("captions");
    let corpus = load_folder(&root, &|_| {}, &AtomicBool::new(false))?;
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

fn fixture_report(
    extra: Vec<caption_provenance::corpus::Variant>,
) -> Result<Report, Box<dyn std::error::Error>> {
    let corpus = report_fixture::corpus(extra);
    let analysis = report_fixture::analysis();
    let review = report_fixture::review();
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

/// A heading's words, lower-cased, without markup or punctuation: what
/// both writers must agree on.
fn words(heading: &str) -> String {
    heading
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The (level, words) of every heading below the title, in order.
fn html_headings(html: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        rest = rest.get(at + 2..).unwrap_or("");
        let Some(level) = rest.chars().next().and_then(|c| c.to_digit(10)) else {
            continue;
        };
        let end = rest.find("</h").unwrap_or(rest.len());
        let inner = rest.get(2..end).unwrap_or("");
        // Strip tags.
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        if level >= 2 {
            out.push((level as usize - 1, words(&text)));
        }
    }
    out
}

fn markdown_headings(md: &str) -> Vec<(usize, String)> {
    md.lines()
        .filter_map(|line| {
            let level = line.chars().take_while(|c| *c == '#').count();
            (level >= 2 && line.get(level..)?.starts_with(' '))
                .then(|| (level - 1, words(line.get(level..).unwrap_or(""))))
        })
        .collect()
}

fn document_headings(document: &Document) -> Vec<(usize, String)> {
    document
        .outline()
        .into_iter()
        .map(|(depth, heading)| (depth, words(&heading)))
        .collect()
}

#[test]
fn both_writers_render_the_same_sections_in_the_same_order() -> TestResult {
    for report in [bundled_report()?, fixture_report(vec![])?] {
        let document = report_document(&report);
        let expected = document_headings(&document);
        assert!(expected.len() > 10, "{expected:?}");
        let html = html::render_document(&document, &Thumbnails::new());
        let md = markdown::render_document(&document);
        assert_eq!(html_headings(&html), expected);
        assert_eq!(markdown_headings(&md), expected);
        // And the report's own renderers render that document.
        assert_eq!(html::render_html(&report, &Thumbnails::new()), html);
        assert_eq!(markdown::render_markdown(&report), md);
    }
    Ok(())
}

#[test]
fn the_summary_comes_first_and_names_the_odd_one_out() -> TestResult {
    let report = bundled_report()?;
    let document = report_document(&report);
    let first = document.sections.first().ok_or("no sections")?;
    assert_eq!(first.id.as_deref(), Some("summary"));
    assert_eq!(first.fold, Fold::Open);
    assert_eq!(first.print, Print::Keep);

    let html = html::render_document(&document, &Thumbnails::new());
    let at = |needle: &str| html.find(needle).ok_or(format!("no {needle}"));
    let summary = at("<section id=\"summary\">")?;
    assert!(at("</header>")? < summary);
    assert!(summary < at("<section id=\"photo-1\" class=\"photo\">")?);
    assert!(summary < at("<h3>Findings</h3>")?);
    let odd = at("Odd one out: Sportstar (")?;
    assert!(summary < odd && odd < at("<section id=\"photo-1\"")?);
    // Every finding in one line of the summary, with its verdict.
    let photo = &report.photos[0];
    let summary_html = html
        .get(summary..at("<section id=\"photo-1\"")?)
        .ok_or("no summary")?;
    assert_eq!(
        summary_html.matches("<td>not reviewed</td>").count(),
        photo.findings.len()
    );
    assert!(summary_html.contains("<h3>Not checked</h3>"));
    assert!(summary_html.contains(PRINT_LEAVES_OUT));

    let md = markdown::render_document(&document);
    let first_heading = md.lines().find(|l| l.starts_with("## "));
    assert_eq!(first_heading, Some("## Summary"));
    assert!(md.contains("Odd one out: Sportstar ("));
    // What only print says stays out of Markdown.
    assert!(!md.contains(PRINT_LEAVES_OUT));
    Ok(())
}

#[test]
fn bulk_details_are_collapsed_on_screen_and_marked_for_print() -> TestResult {
    let document = report_document(&bundled_report()?);
    let photo = document.sections.get(1).ok_or("no photo section")?;
    let folds: Vec<(String, Fold, Print)> = photo
        .sections()
        .map(|s| (s.heading_text(), s.fold, s.print))
        .collect();
    let find = |start: &str| {
        folds
            .iter()
            .find(|(h, _, _)| h.starts_with(start))
            .map(|(_, f, p)| (*f, *p))
    };
    assert_eq!(find("Findings"), Some((Fold::Open, Print::Keep)));
    assert_eq!(
        find("People and their spellings"),
        Some((Fold::Collapsed, Print::Compact))
    );
    assert_eq!(
        find("Variants and their sources"),
        Some((Fold::Collapsed, Print::Omit))
    );
    assert_eq!(
        find("Alignment of all captions"),
        Some((Fold::Collapsed, Print::Omit))
    );
    assert_eq!(find("Images"), Some((Fold::Collapsed, Print::Compact)));
    let provenance = document.sections.last().ok_or("no provenance")?;
    let inputs: Vec<&Section> = provenance.sections().collect();
    assert_eq!(inputs.len(), 1);
    assert_eq!(
        (inputs[0].fold, inputs[0].print),
        (Fold::Collapsed, Print::Omit)
    );

    let html = html::render_document(&document, &Thumbnails::new());
    assert!(html.contains("details::details-content"));
    assert!(html.contains(".print-omit { display: none; }"));
    assert!(html.contains(
        "<section class=\"print-omit\">\n<details><summary><h3>Alignment of all captions</h3></summary>"
    ));
    Ok(())
}

#[test]
fn a_hostile_caption_is_escaped_in_both_writers() -> TestResult {
    let hostile = report_fixture::variant(
        "evil.txt",
        "Evil & <i>Co</i> \"Ltd\"",
        "<script>alert(1)</script> \"quoted\" & *bold* _em_ [link](x) # | ~~ `tick` \
         \u{1b}]0;owned\u{7}\u{1b}[2J NUL\u{0} C1\u{9b}",
    );
    let report = fixture_report(vec![hostile])?;

    let html = html::render_html(&report, &Thumbnails::new());
    assert!(!html.contains("<script"), "a script element");
    assert!(!html.contains("<i>Co"), "markup from an outlet's name");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; *bold*"));
    assert!(html.contains("Evil &amp; &lt;i&gt;Co&lt;/i&gt; &quot;Ltd&quot;"));
    for control in ['\u{1b}', '\u{7}', '\u{0}', '\u{9b}'] {
        assert!(!html.contains(control), "{control:?} in the HTML");
    }
    assert!(html.contains("\u{241b}]0;owned\u{2407}\u{241b}[2J NUL\u{2400} C1\u{fffd}"));

    let md = markdown::render_markdown(&report);
    assert!(!md.contains("<script"));
    assert!(!md.contains("<i>"));
    assert!(md.contains(
        "&lt;script\\>alert(1)&lt;/script\\> \"quoted\" &amp; \\*bold\\* \\_em\\_ \\[link\\](x) \\# \\| \\~\\~ \\`tick\\`"
    ));
    assert!(md.contains("Evil &amp; &lt;i\\>Co&lt;/i\\> \"Ltd\""));
    for control in ['\u{1b}', '\u{7}', '\u{0}', '\u{9b}'] {
        assert!(!md.contains(control), "{control:?} in the Markdown");
    }
    Ok(())
}
