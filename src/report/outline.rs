//! The report's document, built once from the [`Report`]: the summary a desk
//! editor reads first, then each photo's details, the problems met while
//! loading and the report's provenance. Both the HTML and the Markdown
//! writers render this one document.

use super::document::{
    Block, Cell, Document, Inline, Print, RowMark, Section, Style, Table, cell, text,
};
use super::{ProblemEntry, Report};
use crate::corpus::ProblemSeverity;

/// What print leaves out, said in the summary of the printed report.
pub const PRINT_LEAVES_OUT: &str = "Print leaves out the bulk that the on-screen \
    report (in its collapsed sections), the Markdown and the JSON reports hold: \
    each variant's headline, article text and source fields (address, \
    publication time, credit, file; the word diffs show every caption), the alignment of all captions, each image's size, format \
    and embedded fields, and the inputs' SHA-256 digests.";

/// The document both writers render.
pub fn report_document(report: &Report) -> Document {
    let mut byline = vec![text("Folder "), Inline::Code(report.folder.clone())];
    if let Some(at) = &report.generated_at {
        byline.push(text(format!(" · made {at}")));
    }
    byline.push(text(format!(
        " · {} {}",
        report.tool.name, report.tool.version
    )));
    let mut sections = vec![super::first_page::summary_section(report)];
    for (index, photo) in report.photos.iter().enumerate() {
        sections.push(super::photo_sections::photo_section(index, photo));
    }
    sections.push(problems_section(&report.problems));
    sections.push(provenance_section(report));
    Document {
        subject: report.folder.clone(),
        byline,
        sections,
    }
}

fn problems_section(problems: &[ProblemEntry]) -> Section {
    let mut section = Section::titled("Problems met while loading").with_id("problems");
    if problems.is_empty() {
        section.note("None: every file loaded.");
        return section;
    }
    let mut table = Table::new(&["File", "Severity", "What is wrong", "What to do"]);
    for p in problems {
        let line = p.line.map_or_else(String::new, |l| format!(":{l}"));
        table.row(
            RowMark::Plain,
            vec![
                Cell::of(vec![Inline::Code(format!(
                    "{}{line}",
                    crate::corpus::shown_path(&p.path)
                ))]),
                cell(match p.severity {
                    ProblemSeverity::Error => "error (skipped)",
                    ProblemSeverity::Warning => "warning",
                    ProblemSeverity::Note => "note (passed over)",
                }),
                cell(p.reason.clone()),
                cell(p.advice.clone()),
            ],
        );
    }
    section.push(Block::Table(table));
    section
}

fn provenance_section(report: &Report) -> Section {
    let mut section = Section::titled("Provenance of this report").with_id("provenance");
    section.push(Block::Facts(vec![
        (
            "Tool".to_owned(),
            vec![text(format!(
                "{} {}",
                report.tool.name, report.tool.version
            ))],
        ),
        (
            "Made".to_owned(),
            vec![text(
                report
                    .generated_at
                    .clone()
                    .unwrap_or_else(|| "(time left out)".to_owned()),
            )],
        ),
        (
            "Folder".to_owned(),
            vec![Inline::Code(report.folder.clone())],
        ),
        (
            "Schema".to_owned(),
            vec![text(format!(
                "JSON schema version {}",
                report.schema_version
            ))],
        ),
        (
            "Base".to_owned(),
            vec![text(
                report
                    .settings
                    .base
                    .clone()
                    .unwrap_or_else(|| "each photo's first variant".to_owned()),
            )],
        ),
    ]));
    let mut inputs = Section::titled(&format!(
        "Input files ({}) with their SHA-256",
        report.inputs.len()
    ))
    .collapsed(Print::Omit);
    let mut table = Table::new(&["Input file", "Bytes", "SHA-256"]);
    table.class = Some("inputs");
    for input in &report.inputs {
        table.row(
            RowMark::Plain,
            vec![
                Cell::of(vec![Inline::Code(crate::corpus::shown_path(&input.path))]),
                Cell::number(input.bytes),
                Cell::of(vec![Inline::Code(input.sha256.clone())]),
            ],
        );
    }
    inputs.push(Block::Table(table));
    section.section(inputs);
    section.paragraph(
        Style::PrintOnly,
        vec![text(format!(
            "The {} input files' digests are in the on-screen and JSON reports.",
            report.inputs.len()
        ))],
    );
    section
}
