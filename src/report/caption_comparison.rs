//! The captions compared: each against the base word by word, all of them
//! aligned phrase by phrase, and the passages they share. Collapsed on
//! screen; print keeps the word diffs and the reuse, and leaves the
//! alignment (one column per caption) out.

use super::alignment::{PhraseKind, phrase_rows};
use super::document::{Block, Cell, Inline, Print, RowMark, Section, Style, Table, cell, text};
use super::{AlignmentTable, PhotoReport, ReuseReport, VariantDiff};
use crate::analysis::diff::DiffTag;

/// The photo's comparison sections, in reading order.
pub fn comparison_sections(photo: &PhotoReport) -> Vec<Section> {
    let mut sections = Vec::new();
    if let Some(diffs) = diffs(photo) {
        sections.push(diffs);
    }
    sections.push(alignment(&photo.alignment));
    sections.push(reuse(&photo.reuse));
    sections
}

fn diffs(photo: &PhotoReport) -> Option<Section> {
    let base = photo.base.and_then(|b| photo.variants.get(b))?;
    let mut section =
        Section::titled(&format!("Each caption against {}", base.label)).collapsed(Print::Compact);
    section.paragraph(
        Style::Legend,
        vec![
            Inline::Deleted("struck out".to_owned()),
            text(format!(": only in {}; ", base.label)),
            Inline::Inserted("marked".to_owned()),
            text(": only in the other caption."),
        ],
    );
    if let Some(note) = &photo.base_note {
        section.note(note);
    }
    let mut table = Table::new(&["Caption", "Against the base"]);
    table.class = Some("diffs");
    for diff in &photo.diffs {
        let label = photo
            .variants
            .get(diff.variant)
            .map_or("", |v| v.label.as_str());
        let mut who = vec![text(label)];
        if diff.identical {
            who.extend([text(" "), Inline::Tag("identical".to_owned())]);
        }
        table.row(
            RowMark::Plain,
            vec![Cell::of(who), Cell::of(diff_text(diff))],
        );
    }
    section.push(Block::Table(table));
    Some(section)
}

fn diff_text(diff: &VariantDiff) -> Vec<Inline> {
    diff.segments
        .iter()
        .map(|segment| match segment.tag {
            DiffTag::Equal => text(segment.text.clone()),
            DiffTag::Delete => Inline::Deleted(segment.text.clone()),
            DiffTag::Insert => Inline::Inserted(segment.text.clone()),
        })
        .collect()
}

/// One column per caption and one row per phrase; phrases every caption
/// shares span the whole row.
fn alignment(table: &AlignmentTable) -> Section {
    let mut section = Section::titled("Alignment of all captions").collapsed(Print::Omit);
    if table.columns.is_empty() {
        section.note("No alignment available.");
        return section;
    }
    section.paragraph(
        Style::Legend,
        vec![text(
            "One row per phrase: = every caption has these words (they span the row); \
             ≠ the captions say different things; — the caption has nothing there.",
        )],
    );
    let mut head = vec![""];
    head.extend(table.labels.iter().map(String::as_str));
    let mut out = Table::new(&head);
    out.class = Some("align");
    let width = table.labels.len();
    for row in phrase_rows(table) {
        let (mark, sign) = match row.kind {
            PhraseKind::Shared => (RowMark::Shared, "="),
            PhraseKind::Partial => (RowMark::Partial, ""),
            PhraseKind::Differs => (RowMark::Differs, "≠"),
        };
        let mut cells = vec![cell(sign)];
        if row.kind == PhraseKind::Shared {
            let words = row.cells.first().cloned().flatten().unwrap_or_default();
            cells.push(Cell {
                span: width,
                ..cell(words)
            });
        } else {
            cells.extend(row.cells.iter().map(|c| match c {
                Some(words) => cell(words.clone()),
                None => Cell {
                    gap: true,
                    ..cell("—")
                },
            }));
        }
        out.row(mark, cells);
    }
    section.push(Block::Table(out));
    section
}

fn reuse(reuse: &ReuseReport) -> Section {
    let mut section = Section::titled("Reuse and likely derivation").collapsed(Print::Compact);
    if reuse.pairs.iter().all(|p| p.shared_runs.is_empty()) && reuse.derivations.is_empty() {
        section.note("No shared passages found.");
        return section;
    }
    if !reuse.derivations.is_empty() {
        section.push(Block::List(
            reuse
                .derivations
                .iter()
                .map(|d| {
                    vec![
                        Inline::Strong(d.to_label.clone()),
                        text(" probably took its text from "),
                        Inline::Strong(d.from_label.clone()),
                        text(format!(": {}", d.evidence)),
                    ]
                })
                .collect(),
        ));
    }
    if reuse.pairs.iter().any(|p| !p.shared_runs.is_empty()) {
        let mut table = Table::new(&["Captions", "Shared", "Longest shared passage"]);
        for pair in reuse.pairs.iter().filter(|p| !p.shared_runs.is_empty()) {
            let longest = pair.shared_runs.first().map_or_else(Vec::new, |run| {
                vec![
                    Inline::Quoted(run.text.clone()),
                    text(format!(" ({} words)", run.words)),
                ]
            });
            table.row(
                RowMark::Plain,
                vec![
                    cell(format!("{} ↔ {}", pair.a_label, pair.b_label)),
                    Cell {
                        numeric: true,
                        ..cell(format!(
                            "{:.0}% / {:.0}%",
                            pair.containment_a_in_b * 100.0,
                            pair.containment_b_in_a * 100.0
                        ))
                    },
                    Cell::of(longest),
                ],
            );
        }
        section.push(Block::Table(table));
    }
    section
}
