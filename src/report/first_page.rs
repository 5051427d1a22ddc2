//! The report's first page: what a desk editor reads in a minute. The
//! counts, then per photo its variants, the odd one out, every finding in
//! one line (who says what, and the verdict or that there is none), and what
//! was not checked. The details follow in the photos' own sections.

use super::document::{
    Block, Cell, Inline, Print, RowMark, Section, Style, Table, cell, plural, text,
};
use super::{FindingReport, PhotoReport, Report};
use crate::analysis::{ConflictSeverity, Fact};

/// Past this many photos with findings, the summary names the rest by count.
const PHOTOS_SUMMARISED: usize = 20;

/// The summary section: always the report's first.
pub fn summary_section(report: &Report) -> Section {
    let s = &report.summary;
    let mut section = Section::titled("Summary").with_id("summary");
    let problems = s.problems.errors + s.problems.warnings;
    // The findings listed below, by severity (a swap is one, though it
    // stands for several conflicts).
    let findings = report.photos.iter().flat_map(|p| &p.findings);
    let count = |severity| findings.clone().filter(|f| f.severity == severity).count();
    let (high, medium, low) = (
        count(ConflictSeverity::High),
        count(ConflictSeverity::Medium),
        count(ConflictSeverity::Low),
    );
    let total = high + medium + low;
    section.paragraph(
        Style::Plain,
        vec![
            Inline::Strong(format!("{} photo{}", s.photos, plural(s.photos))),
            text(", "),
            Inline::Strong(format!("{} variant{}", s.variants, plural(s.variants))),
            text(format!(". {total} finding{}: ", plural(total))),
            Inline::SeverityCount(ConflictSeverity::High, high),
            text(" "),
            Inline::SeverityCount(ConflictSeverity::Medium, medium),
            text(" "),
            Inline::SeverityCount(ConflictSeverity::Low, low),
            text(format!(
                " (from {} conflict{}). {} reviewed, {} need{} review. \
                 {problems} problem{} ({} error{}, {} warning{}).",
                s.conflicts.total(),
                plural(s.conflicts.total()),
                s.reviewed,
                s.needs_review,
                if s.needs_review == 1 { "s" } else { "" },
                plural(problems),
                s.problems.errors,
                plural(s.problems.errors),
                s.problems.warnings,
                plural(s.problems.warnings),
            )),
        ],
    );
    if report.photos.len() > 1 {
        section.push(Block::Table(photos_table(&report.photos)));
    }
    let with_findings: Vec<&PhotoReport> = report
        .photos
        .iter()
        .filter(|p| !p.findings.is_empty() || report.photos.len() == 1)
        .collect();
    for photo in with_findings.iter().take(PHOTOS_SUMMARISED) {
        section.section(photo_summary(photo));
    }
    if with_findings.len() > PHOTOS_SUMMARISED {
        section.note(&format!(
            "{} more photos have findings; each is in its own section below.",
            with_findings.len() - PHOTOS_SUMMARISED
        ));
    }
    section.section(not_checked(report));
    section.paragraph(
        Style::PrintOnly,
        vec![text(super::outline::PRINT_LEAVES_OUT)],
    );
    section
}

fn photos_table(photos: &[PhotoReport]) -> Table {
    let mut table = Table::new(&["Photo", "Variants", "Findings", "Not reviewed"]);
    for photo in photos {
        let open = photo
            .findings
            .iter()
            .filter(|f| f.verdict.is_none() || f.needs_review)
            .count();
        table.row(
            RowMark::Plain,
            vec![
                cell(photo.title.clone()),
                Cell::number(photo.variants.len()),
                Cell::number(photo.findings.len()),
                Cell::number(open),
            ],
        );
    }
    table
}

/// One photo in a few lines: its outlets, the odd one out, each finding.
fn photo_summary(photo: &PhotoReport) -> Section {
    let mut section = Section::titled(&photo.title);
    let outlets: Vec<&str> = photo.variants.iter().map(|v| v.label.as_str()).collect();
    section.paragraph(
        Style::Plain,
        vec![text(format!(
            "{} variant{}: {}.",
            outlets.len(),
            plural(outlets.len()),
            if outlets.is_empty() {
                "none".to_owned()
            } else {
                outlets.join(", ")
            }
        ))],
    );
    if photo.findings.is_empty() {
        section.note("No findings: the variants agree on every fact the analysis compares.");
        return section;
    }
    section.paragraph(Style::Lead, vec![text(odd_ones_out(photo))]);
    let mut table = Table::new(&["Severity", "Finding", "Who says what", "Verdict"]);
    for finding in &photo.findings {
        table.row(
            if finding.marks.iter().any(|m| m.odd) {
                RowMark::Odd
            } else {
                RowMark::Plain
            },
            vec![
                Cell::of(vec![Inline::Severity(finding.severity)]),
                cell(super::findings_section::finding_title(photo, finding)),
                cell(finding.summary.clone()),
                cell(verdict_label(finding)),
            ],
        );
    }
    section.push(Block::Table(table));
    section
}

/// "Odd one out: Sportstar (4 of 5 findings), The Sun (1 of 5)."
fn odd_ones_out(photo: &PhotoReport) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for finding in &photo.findings {
        let mut holders: Vec<&str> = finding
            .marks
            .iter()
            .filter(|m| m.odd)
            .map(|m| m.holder.as_str())
            .collect();
        holders.dedup();
        holders.sort_unstable();
        holders.dedup();
        for holder in holders {
            match counts.iter_mut().find(|(h, _)| *h == holder) {
                Some((_, n)) => *n += 1,
                None => counts.push((holder, 1)),
            }
        }
    }
    if counts.is_empty() {
        return "Odd one out: none decided (too few independent witnesses on every finding)."
            .to_owned();
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total = photo.findings.len();
    let named: Vec<String> = counts
        .iter()
        .map(|(holder, n)| format!("{holder} ({n} of {total} finding{})", plural(total)))
        .collect();
    format!("Odd one out: {}.", named.join(", "))
}

/// "not reviewed", "confirmed error", "not an error: needs review".
pub fn verdict_label(finding: &FindingReport) -> String {
    match &finding.verdict {
        None => "not reviewed".to_owned(),
        Some(v) if finding.needs_review => format!("{}: needs review", v.status.label()),
        Some(v) => v.status.label().to_owned(),
    }
}

/// What the report does not vouch for: facts the analysis does not read,
/// files it could not read, images not examined, sides it could not decide.
fn not_checked(report: &Report) -> Section {
    let mut items: Vec<Vec<Inline>> = Vec::new();
    let facts: Vec<&str> = Fact::ALL
        .iter()
        .filter(|f| **f != Fact::Other)
        .map(|f| f.name())
        .collect();
    items.push(vec![text(format!(
        "Only these facts are compared: {}; anything else a caption says is not checked.",
        facts.join(", ")
    ))]);
    let errors = report.summary.problems.errors;
    if errors > 0 {
        items.push(vec![text(format!(
            "{errors} file{} could not be read and {} left out (see Problems met while loading).",
            plural(errors),
            if errors == 1 { "is" } else { "are" }
        ))]);
    }
    for photo in &report.photos {
        let prefix = if report.photos.len() > 1 {
            format!("{}: ", photo.title)
        } else {
            String::new()
        };
        if photo.reference.is_none() {
            items.push(vec![text(format!(
                "{prefix}no reference facts; a side is called odd only where independent \
                 witnesses outnumber it."
            ))]);
        }
        let undecided = photo
            .findings
            .iter()
            .filter(|f| !f.marks.iter().any(|m| m.odd))
            .count();
        if undecided > 0 {
            items.push(vec![text(format!(
                "{prefix}{undecided} finding{} with too few independent witnesses to say \
                 which side is wrong.",
                plural(undecided)
            ))]);
        }
        if let Some(note) = &photo.image_evidence.note {
            items.push(vec![text(format!("{prefix}{note}"))]);
        }
        let aligned = photo.alignment.labels.len();
        if aligned > 0 && aligned < photo.variants.len() {
            items.push(vec![text(format!(
                "{prefix}the alignment shows {aligned} of the {} variants.",
                photo.variants.len()
            ))]);
        }
        if let Some(note) = &photo.base_note {
            items.push(vec![text(format!("{prefix}{note}"))]);
        }
    }
    let mut section = Section::titled("Not checked").printed(Print::Keep);
    section.push(Block::List(items));
    section
}
