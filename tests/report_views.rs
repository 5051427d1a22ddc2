//! The report's three views over a hand-made analysis of the founding case:
//! what each shows, that JSON reads back, that runs are identical, escaping;
//! and the findings that are not conflicts, over a small folder through the
//! real loader and analysis.

mod folder_fixture;
mod report_fixture;

use caption_provenance::analysis::analyze;
use caption_provenance::analysis::diff::DiffTag;
use caption_provenance::report::html::render_html;
use caption_provenance::report::json::{from_json, to_json};
use caption_provenance::report::markdown::render_markdown;
use caption_provenance::report::{
    IMAGES_NOT_EXAMINED, Report, ReportError, ReportInput, ReportOptions, Thumbnails, build_report,
};
use caption_provenance::review::{Review, Verdict, VerdictStatus};
use chrono::{TimeZone, Utc};

use report_fixture::{analysis, corpus, review, variant};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn make(
    extra: Vec<caption_provenance::corpus::Variant>,
    options: &ReportOptions,
) -> Result<Report, ReportError> {
    let corpus = corpus(extra);
    let analysis = analysis();
    let review = review();
    build_report(
        ReportInput {
            corpus: &corpus,
            analysis: &analysis,
            review: &review,
            images: &[],
        },
        options,
    )
}

fn timed() -> ReportOptions {
    ReportOptions {
        generated_at: Utc.with_ymd_and_hms(2026, 11, 23, 4, 30, 0).single(),
        ..ReportOptions::default()
    }
}

#[test]
fn the_report_holds_the_conflict_with_quotes_and_verdict() -> TestResult {
    let report = make(vec![], &timed())?;
    assert_eq!(report.schema_version, 1);
    assert_eq!(report.tool.name, "caption-provenance");
    assert_eq!(report.tool.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(report.generated_at.as_deref(), Some("2026-11-23T04:30:00Z"));
    assert_eq!(report.folder, "captions");
    assert_eq!(report.summary.photos, 1);
    assert_eq!(report.summary.variants, 2);
    assert_eq!(report.summary.conflicts.high, 1);
    assert_eq!(report.summary.conflicts.total(), 1);
    assert_eq!(report.summary.reviewed, 1);
    assert_eq!(report.summary.problems.errors, 1);
    assert_eq!(report.summary.problems.warnings, 1);
    assert_eq!(report.problems[1].path.to_str(), Some("vocabulary.toml"));
    assert_eq!(report.problems[1].reason, "ignored: unknown key `colour`");
    assert_eq!(
        report.problems[0].advice,
        "Fix the syntax at the line shown, then reload (F5)."
    );

    let photo = &report.photos[0];
    let conflict = &photo.conflicts[0];
    assert_eq!(conflict.odd_ones_out, vec!["Sportstar".to_owned()]);
    assert_eq!(conflict.values[0].value, "bronze");
    assert_eq!(conflict.values[0].holders, vec!["AP".to_owned()]);
    let holders: Vec<&str> = conflict.values[0]
        .quotes
        .iter()
        .map(|q| q.holder.as_str())
        .collect();
    assert_eq!(holders, vec!["AP (caption)", "reference facts"]);
    let silver = &conflict.values[1].quotes[0];
    assert_eq!(silver.text, "Lim Jonghoon, silver medallist");
    assert_eq!(silver.holder, "Sportstar (caption)");
    let location = silver.location.ok_or("no location")?;
    assert_eq!(
        location.span.slice(&photo.variants[0].caption),
        "Lim Jonghoon, silver medallist"
    );
    let verdict = conflict.verdict.as_ref().ok_or("no verdict")?;
    assert_eq!(verdict.note, "Sportstar swapped the medals");

    assert_eq!(photo.base, Some(0));
    assert_eq!(photo.diffs.len(), 1);
    assert_eq!(photo.diffs[0].variant, 1);
    assert!(!photo.diffs[0].identical);
    let rebuilt: String = photo.diffs[0]
        .segments
        .iter()
        .filter(|s| s.tag != DiffTag::Delete)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(rebuilt, report_fixture::AP);
    assert_eq!(
        photo.image_evidence.note.as_deref(),
        Some(IMAGES_NOT_EXAMINED)
    );
    Ok(())
}

#[test]
fn json_parses_back_into_the_same_report() -> TestResult {
    let report = make(vec![], &timed())?;
    let json = to_json(&report)?;
    assert_eq!(from_json(&json)?, report);
    assert!(json.contains("\"schema_version\": 1"));
    assert!(json.ends_with("}\n"));
    Ok(())
}

#[test]
fn two_runs_are_identical_and_the_timestamp_can_be_left_out() -> TestResult {
    let untimed = ReportOptions::default();
    let one = to_json(&make(vec![], &untimed)?)?;
    let two = to_json(&make(vec![], &untimed)?)?;
    assert_eq!(one, two);
    assert!(!one.contains("generated_at"));
    let timed_json = to_json(&make(vec![], &timed())?)?;
    assert!(timed_json.contains("\"generated_at\": \"2026-11-23T04:30:00Z\""));
    let without: String = timed_json
        .lines()
        .filter(|l| !l.contains("generated_at"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(without, one);
    assert_eq!(
        render_html(&make(vec![], &untimed)?, &Thumbnails::new()),
        render_html(&make(vec![], &untimed)?, &Thumbnails::new())
    );
    Ok(())
}

#[test]
fn html_has_every_section_and_the_conflict() -> TestResult {
    let report = make(vec![], &timed())?;
    let html = render_html(&report, &Thumbnails::new());
    assert!(html.starts_with("<!DOCTYPE html>"));
    for needle in [
        "<section id=\"summary\">\n<h2>Summary</h2>",
        "<h3>Findings</h3>",
        "<summary><h3>Variants and their sources (2)</h3></summary>",
        "<summary><h3>Each caption against Sportstar</h3></summary>",
        "<section class=\"print-omit\">\n<details><summary><h3>Alignment of all captions</h3></summary>",
        "<summary><h3>Reuse and likely derivation</h3></summary>",
        "<summary><h3>Images (0)</h3></summary>",
        "<h2>Problems met while loading</h2>",
        "<h2>Provenance of this report</h2>",
        "@page { size: A4",
        "@media print",
        "<p class=\"lead\">Sportstar: silver; AP and the reference: bronze</p>",
        "<q>Lim Jonghoon, silver medallist</q> <span class=\"aside\">Sportstar (caption)</span>",
        "<p class=\"verdict\">Verdict: <b>confirmed error</b> — Sportstar swapped the medals</p>",
        "<td><code>abababab",
        "expected `=` after a key",
        "<del>",
        "<ins>",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    assert!(!html.contains("<script"));
    Ok(())
}

#[test]
fn markdown_has_every_section_and_the_conflict() -> TestResult {
    let report = make(vec![], &timed())?;
    let md = render_markdown(&report);
    for needle in [
        "# Caption provenance report\n",
        "## Summary\n",
        "### Findings\n",
        "#### HIGH Lim Jong-hoon / medal (conflict)\n",
        "**Sportstar: silver; AP and the reference: bronze**",
        "“Lim Jonghoon, silver medallist” (Sportstar (caption)) (bytes ",
        "Verdict: **confirmed error** — Sportstar swapped the medals",
        "### Variants and their sources (2)\n",
        "### Each caption against Sportstar\n",
        "### Alignment of all captions\n",
        "### Reuse and likely derivation\n",
        "### Images (0)\n",
        "## Problems met while loading\n",
        "## Provenance of this report\n",
        "~~",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    Ok(())
}

#[test]
fn hostile_captions_show_as_text() -> TestResult {
    let mut hostile = variant(
        "evil.txt",
        "Evil <b>Outlet</b>",
        "<script>alert(1)</script> \"><img src=x onerror=alert(2)> [click](javascript:alert(3))",
    );
    hostile.source.url = Some("javascript:alert(4)".to_owned());
    hostile.source.credit = Some("' onmouseover='alert(5)".to_owned());
    let report = make(vec![hostile], &timed())?;

    let html = render_html(&report, &Thumbnails::new());
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>Outlet"));
    assert!(!html.contains("href="));
    // Quotes cannot end an attribute: maud writes every attribute in
    // double quotes and escapes those; the credit is element text.
    assert!(!html.contains("=' onmouseover"));
    assert!(html.contains("<dd>' onmouseover='alert(5)</dd>"));
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"
    ));
    assert!(html.contains("<dt>Address</dt><dd>javascript:alert(4)</dd>"));

    let md = render_markdown(&report);
    assert!(!md.contains("<script"));
    assert!(!md.contains("<img"));
    assert!(!md.contains("[click](javascript"));
    assert!(md.contains(r"\[click\](javascript:alert(3))"));
    assert!(md.contains("&lt;script\\>alert(1)&lt;/script\\>"));
    Ok(())
}

#[test]
fn the_base_can_be_chosen_by_outlet_or_file() -> TestResult {
    let by_outlet = ReportOptions {
        base: Some("ap".to_owned()),
        ..ReportOptions::default()
    };
    let report = make(vec![], &by_outlet)?;
    assert_eq!(report.photos[0].base, Some(1));
    assert_eq!(report.photos[0].diffs[0].variant, 0);
    assert_eq!(report.settings.base.as_deref(), Some("ap"));

    let by_file = ReportOptions {
        base: Some("004-ap.toml".to_owned()),
        ..ReportOptions::default()
    };
    assert_eq!(make(vec![], &by_file)?.photos[0].base, Some(1));

    let unknown = ReportOptions {
        base: Some("Le Monde".to_owned()),
        ..ReportOptions::default()
    };
    assert_eq!(
        make(vec![], &unknown).err(),
        Some(ReportError::BaseNotFound("Le Monde".to_owned()))
    );
    Ok(())
}

#[test]
fn an_empty_folder_makes_an_empty_report() -> TestResult {
    let corpus = caption_provenance::corpus::Corpus::default();
    let report = build_report(
        ReportInput {
            corpus: &corpus,
            analysis: &Default::default(),
            review: &Review::default(),
            images: &[],
        },
        &ReportOptions::default(),
    )?;
    assert_eq!(report.summary, Default::default());
    assert_eq!(from_json(&to_json(&report)?)?, report);
    assert!(render_html(&report, &Thumbnails::new()).contains("None: every file loaded."));
    Ok(())
}

/// Three outlets' captions of one photo; the one writing "Usain Bold" has
/// markup in its name, and the reviewer's note on the misspelling has some
/// too.
fn misspelt_bolt_report() -> Result<Report, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    for (file, outlet, caption) in [
        (
            "a.txt",
            "A",
            "Usain Bolt of Jamaica grins at the others in the semi-final.",
        ),
        (
            "b.txt",
            "B",
            "Usain Bolt of Jamaica grins as he wins the race in the stadium.",
        ),
        (
            "c.txt",
            "C <i>&</i> \"Co\"",
            "Usain Bold of Jamaica grins at the camera in the semi-final.",
        ),
    ] {
        let text = format!("outlet: {outlet}\n\n{caption}\n");
        folder_fixture::write(dir.path(), file, text.as_bytes())?;
    }
    let corpus = folder_fixture::load(dir.path())?;
    let analysis = analyze(&corpus);
    let photo = corpus.photos.first().ok_or("no photo")?;
    let mut review = Review::default();
    review.set(
        &photo.id,
        "spelling/bold",
        Some(Verdict {
            status: VerdictStatus::ConfirmedError,
            note: "a <b>typo</b>".to_owned(),
            at: None,
            values: None,
        }),
    );
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
fn a_misspelt_name_is_a_finding_in_the_report_and_its_summary() -> TestResult {
    let report = misspelt_bolt_report()?;
    assert_eq!(report.summary.conflicts.total(), 0);
    assert_eq!(report.summary.other_findings, 1);
    let finding = report.photos[0].findings.first().ok_or("no finding")?;
    assert_eq!(
        finding.summary,
        "C <i>&</i> \"Co\" writes \"Bold\"; 2 other outlets write \"Bolt\" (1 letter apart)"
    );
    assert_eq!(finding.flagged_words(), "Bold");
    assert_eq!(finding.others_by_words(), vec![("Bolt", vec!["A", "B"])]);
    assert_eq!(from_json(&to_json(&report)?)?, report);
    Ok(())
}

#[test]
fn html_lists_a_misspelt_name_under_findings_escaped() -> TestResult {
    let html = render_html(&misspelt_bolt_report()?, &Thumbnails::new());
    for needle in [
        "1 finding: ",
        "<h4><span class=\"sev medium\">medium</span> misspelt name: Bold <span class=\"tag\">misspelt name</span></h4>",
        "<p class=\"lead\">C &lt;i&gt;&amp;&lt;/i&gt; &quot;Co&quot; writes &quot;Bold&quot;; \
         2 other outlets write &quot;Bolt&quot; (1 letter apart)</p>",
        "<tr class=\"odd\"><td><q>Bold</q> <span class=\"tag\">odd</span></td>\
         <td>C &lt;i&gt;&amp;&lt;/i&gt; &quot;Co&quot;</td><td><span class=\"aside\">caption, bytes 6–10</span></td></tr>",
        "<tr><td><q>Bolt</q></td><td>A, B</td><td></td></tr>",
        "Verdict: <b>confirmed error</b> — a &lt;b&gt;typo&lt;/b&gt;",
        "Key <code>spelling/bold</code>",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    assert!(!html.contains("<i>&"));
    assert!(!html.contains("<b>typo"));
    // After the conflicts, before the variants.
    let at = |needle: &str| html.find(needle).ok_or(format!("no {needle}"));
    assert!(at("<h2>Summary</h2>")? < at("<h3>Findings</h3>")?);
    assert!(at("<h3>Findings</h3>")? < at("<h3>Variants and their sources (3)</h3>")?);
    Ok(())
}

#[test]
fn markdown_lists_a_misspelt_name_under_findings_escaped() -> TestResult {
    let md = render_markdown(&misspelt_bolt_report()?);
    for needle in [
        "1 finding: ",
        "### Findings\n\n#### MEDIUM misspelt name: Bold (misspelt name)\n\n",
        "**C &lt;i\\>&amp;&lt;/i\\> \"Co\" writes \"Bold\"; 2 other outlets write \"Bolt\" (1 letter apart)**",
        "| “Bold” (odd) | C &lt;i\\>&amp;&lt;/i\\> \"Co\" | (caption, bytes 6–10) |\n",
        "| “Bolt” | A, B |  |\n",
        "Verdict: **confirmed error** — a &lt;b\\>typo&lt;/b\\>",
        "Key `spelling/bold`",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    assert!(!md.contains("<i>"));
    assert!(!md.contains("<b>"));
    let at = |needle: &str| md.find(needle).ok_or(format!("no {needle}"));
    assert!(at("## Summary\n")? < at("### Findings\n")?);
    assert!(at("### Findings\n")? < at("### Variants and their sources (3)\n")?);
    Ok(())
}

/// (person, spelling, variants, outlets, misspelt, finding key).
type FormRow<'a> = (
    &'a str,
    &'a str,
    Vec<usize>,
    Vec<&'a str>,
    bool,
    Option<&'a str>,
);

#[test]
fn the_people_section_lists_each_spelling_with_its_outlets_in_json() -> TestResult {
    let report = misspelt_bolt_report()?;
    let people = &report.photos[0].name_forms;
    let forms: Vec<FormRow> = people
        .iter()
        .flat_map(|p| {
            p.forms.iter().map(|f| {
                (
                    p.name.as_str(),
                    f.text.as_str(),
                    f.variants.clone(),
                    f.outlets.iter().map(String::as_str).collect(),
                    f.misspelt,
                    f.finding.as_deref(),
                )
            })
        })
        .collect();
    assert_eq!(
        forms,
        vec![
            (
                "Usain Bolt",
                "Usain Bolt",
                vec![0, 1],
                vec!["A", "B"],
                false,
                None
            ),
            (
                "Usain Bolt",
                "Usain Bold",
                vec![2],
                vec!["C <i>&</i> \"Co\""],
                true,
                Some("spelling/bold")
            ),
        ]
    );
    let bold = people[0].forms.get(1).ok_or("no second form")?;
    assert_eq!(
        bold.summary.as_deref(),
        Some("C <i>&</i> \"Co\" writes \"Bold\"; 2 other outlets write \"Bolt\" (1 letter apart)")
    );
    assert_eq!((bold.mentions, bold.first.variant), (1, 2));
    let json = to_json(&report)?;
    assert!(
        json.contains("\"name_forms\": ["),
        "no name_forms in the JSON"
    );
    assert_eq!(from_json(&json)?, report);
    Ok(())
}

#[test]
fn html_and_markdown_have_a_people_section_marking_the_misspelling() -> TestResult {
    let report = misspelt_bolt_report()?;
    let html = render_html(&report, &Thumbnails::new());
    for needle in [
        "<summary><h3>People and their spellings</h3></summary>\n<section>\n\
         <h4>Usain Bolt <span class=\"aside\">Jamaica</span></h4>\n<table>\
         <thead><tr><th>Spelling</th><th>Printed by</th><th>Note</th></tr></thead>\n<tbody>\n",
        "<tr><td><q>Usain Bolt</q></td><td>A, B</td><td></td></tr>\n",
        "<tr class=\"odd\"><td><q>Usain Bold</q> <span class=\"tag\">misspelt</span></td>\
         <td>C &lt;i&gt;&amp;&lt;/i&gt; &quot;Co&quot;</td>\
         <td>C &lt;i&gt;&amp;&lt;/i&gt; &quot;Co&quot; writes &quot;Bold&quot;; \
         2 other outlets write &quot;Bolt&quot; (1 letter apart)</td></tr>\n",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    let at = |needle: &str| html.find(needle).ok_or(format!("no {needle}"));
    assert!(at("<h3>Findings</h3>")? < at("<h3>People and their spellings</h3>")?);
    assert!(
        at("<h3>People and their spellings</h3>")? < at("<h3>Variants and their sources (3)</h3>")?
    );

    let md = render_markdown(&report);
    for needle in [
        "### People and their spellings\n\n#### Usain Bolt (Jamaica)\n\n| Spelling | Printed by | Note |\n|---|---|---|\n",
        "| “Usain Bolt” | A, B |  |\n",
        "| “Usain Bold” (misspelt) | C &lt;i\\>&amp;&lt;/i\\> \"Co\" | \
         C &lt;i\\>&amp;&lt;/i\\> \"Co\" writes \"Bold\"; 2 other outlets write \"Bolt\" (1 letter apart) |\n",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    let at = |needle: &str| md.find(needle).ok_or(format!("no {needle}"));
    assert!(at("### Findings\n")? < at("### People and their spellings\n")?);
    assert!(at("### People and their spellings\n")? < at("### Variants and their sources (3)\n")?);
    Ok(())
}

#[test]
fn the_people_section_says_when_no_one_is_named() -> TestResult {
    let report = make(vec![], &timed())?;
    let html = render_html(&report, &Thumbnails::new());
    let md = render_markdown(&report);
    // The hand-made analysis has people but no mentions: named only by the
    // reference facts.
    let people = &report.photos[0].name_forms;
    assert!(!people.is_empty());
    assert!(people.iter().all(|p| p.forms.is_empty()));
    assert!(html.contains("<p class=\"note\">Named only by the reference facts.</p>"));
    assert!(md.contains("Named only by the reference facts.\n"));
    Ok(())
}

#[test]
fn a_pages_variant_says_where_its_caption_came_from() -> TestResult {
    let mut page = variant("005-herald.html", "Herald", "");
    page.source.caption_choice = Some("no caption: the page prints none for its photo".to_owned());
    let report = make(vec![page], &timed())?;
    let md = render_markdown(&report);
    assert!(
        md.contains("- Caption chosen: no caption: the page prints none for its photo\n"),
        "{md}"
    );
    // Variants of other formats have no such line.
    assert_eq!(md.matches("- Caption chosen:").count(), 1);
    Ok(())
}
