//! The Markdown view: the report's [`Document`] for a ticket or a wiki,
//! every section open and in full. Text from the folder goes through
//! [`escape_markdown`] (code spans through [`code`]); diffs use
//! `~~deleted~~` and `**inserted**`.

use std::fmt::Write as _;

use super::document::{Block, Cell, Document, Inline, Section, Style, Table};
use super::escape::{escape_markdown, visible_controls};
use super::{Report, severity_name};

/// Renders the whole report as Markdown.
pub fn render_markdown(report: &Report) -> String {
    render_document(&super::outline::report_document(report))
}

/// Renders a document as Markdown.
pub fn render_document(document: &Document) -> String {
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("# Caption provenance report\n\n");
    out.push_str(&inlines(&document.byline));
    out.push_str("\n\n");
    for section in &document.sections {
        section_md(&mut out, section, 2);
    }
    out
}

fn m(text: &str) -> String {
    escape_markdown(&visible_controls(text))
}

/// Text for inside a code span: backticks and line breaks would end it.
fn code(text: &str) -> String {
    visible_controls(text).replace(['`', '\n', '\r'], " ")
}

fn section_md(out: &mut String, section: &Section, level: usize) {
    let _ = write!(
        out,
        "{} {}\n\n",
        "#".repeat(level.min(6)),
        inlines(&section.heading)
    );
    for block in &section.blocks {
        match block {
            Block::Paragraph(Style::PrintOnly, _) | Block::Thumbnail(_) => {}
            Block::Paragraph(Style::Lead, text) => {
                let _ = write!(out, "**{}**\n\n", inlines(text).trim());
            }
            Block::Paragraph(_, text) => {
                let _ = write!(out, "{}\n\n", inlines(text));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", inlines(item));
                }
                out.push('\n');
            }
            Block::Facts(facts) => {
                for (name, value) in facts {
                    let _ = writeln!(out, "- {}: {}", m(name), inlines(value));
                }
                out.push('\n');
            }
            Block::Quote(text) => {
                let _ = write!(out, "> {}\n\n", inlines(text));
            }
            Block::Table(table) => table_md(out, table),
            Block::Section(sub) => section_md(out, sub, level + 1),
        }
    }
}

fn table_md(out: &mut String, table: &Table) {
    out.push('|');
    for name in &table.head {
        let _ = write!(out, " {} |", m(name));
    }
    out.push_str("\n|");
    for _ in &table.head {
        out.push_str("---|");
    }
    out.push('\n');
    for row in &table.rows {
        out.push('|');
        for cell in &row.cells {
            cell_md(out, cell);
        }
        out.push('\n');
    }
    out.push('\n');
}

/// One cell, and empty ones for the rest of the columns it spans.
fn cell_md(out: &mut String, cell: &Cell) {
    let _ = write!(out, " {} |", inlines(&cell.text));
    for _ in 1..cell.span {
        out.push_str("  |");
    }
}

fn inlines(runs: &[Inline]) -> String {
    let mut out = String::new();
    for run in runs {
        match run {
            Inline::Text(t) => out.push_str(&m(t)),
            Inline::Strong(t) => out.push_str(&hugged("**", &m(t))),
            Inline::Code(t) => {
                let _ = write!(out, "`{}`", code(t));
            }
            Inline::Quoted(t) => {
                let _ = write!(out, "“{}”", m(t));
            }
            Inline::Deleted(t) => out.push_str(&hugged("~~", &m(t))),
            Inline::Inserted(t) => out.push_str(&hugged("**", &m(t))),
            Inline::Tag(t) | Inline::Aside(t) => {
                let _ = write!(out, "({})", m(t));
            }
            Inline::Severity(s) => out.push_str(&severity_name(*s).to_uppercase()),
            Inline::SeverityCount(s, n) => {
                let _ = write!(out, "{n} {}", severity_name(*s));
            }
            Inline::Break => out.push_str("<br>"),
        }
    }
    out
}

/// Emphasis markers around text; they must hug it, so blanks move outside
/// them, and blank text gets none.
fn hugged(marker: &str, text: &str) -> String {
    let core = text.trim();
    if core.is_empty() {
        return text.to_owned();
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    format!(
        "{}{marker}{core}{marker}{}",
        text.get(..start).unwrap_or(""),
        text.get(end..).unwrap_or("")
    )
}
