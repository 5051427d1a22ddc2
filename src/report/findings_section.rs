//! A photo's findings, each as a card, most severe first. Every kind is
//! shown the same way: its severity, its kind's label, who says what, the
//! words that show it and the reviewer's verdict. A finding that is a
//! conflict shows its values with the outlets holding each and their
//! quotes; any other shows its marks, the odd side first. A new kind of
//! finding needs no code here.

use super::document::{Block, Cell, Inline, RowMark, Section, Style, Table, cell, text};
use super::{ConflictReport, FindingReport, PhotoReport};
use crate::review::Verdict;

/// The finding's name in a line: "Lim Jong-hoon / medal" for a conflict,
/// "misspelt name: Bold" for the others.
pub fn finding_title(photo: &PhotoReport, finding: &FindingReport) -> String {
    match finding.conflict.and_then(|c| photo.conflicts.get(c)) {
        Some(conflict) => format!("{} / {}", conflict.subject_name, conflict.attribute.name()),
        None => format!("{}: {}", finding.kind.name(), finding.flagged_words()),
    }
}

/// The "Findings" section of one photo.
pub fn findings_section(photo: &PhotoReport) -> Section {
    let mut section = Section::titled("Findings");
    if photo.findings.is_empty() && photo.conflicts.is_empty() {
        section.note("No findings.");
    }
    for finding in &photo.findings {
        section.section(finding_card(photo, finding));
    }
    // A conflict no finding points at (an analysis made without findings).
    for (index, conflict) in photo.conflicts.iter().enumerate() {
        if photo.findings.iter().all(|f| f.conflict != Some(index)) {
            section.section(conflict_card(conflict));
        }
    }
    section
}

fn conflict_card(conflict: &ConflictReport) -> Section {
    let severity = super::severity_name(conflict.severity);
    let mut card = Section::new(vec![
        Inline::Severity(conflict.severity),
        text(" "),
        text(format!(
            "{} / {}",
            conflict.subject_name,
            conflict.attribute.name()
        )),
        text(" "),
        Inline::Tag("conflict".to_owned()),
    ])
    .with_class(&format!("card {severity}"));
    card.paragraph(Style::Lead, vec![text(conflict.summary.clone())]);
    card.push(Block::Table(values_table(conflict)));
    verdict_lines(
        &mut card,
        conflict.verdict.as_ref(),
        conflict.needs_review,
        &conflict.new_values,
        &conflict.key,
    );
    card
}

fn finding_card(photo: &PhotoReport, finding: &FindingReport) -> Section {
    let severity = super::severity_name(finding.severity);
    let mut card = Section::new(vec![
        Inline::Severity(finding.severity),
        text(" "),
        text(finding_title(photo, finding)),
        text(" "),
        Inline::Tag(finding.kind.name().to_owned()),
    ])
    .with_class(&format!("card {severity}"));
    card.paragraph(Style::Lead, vec![text(finding.summary.clone())]);
    match finding.conflict.and_then(|c| photo.conflicts.get(c)) {
        Some(conflict) => card.push(Block::Table(values_table(conflict))),
        None => card.push(Block::Table(marks_table(finding))),
    }
    // What it stands for, one line each (a swap's per-person conflicts).
    if !finding.details.is_empty() {
        card.paragraph(Style::Plain, vec![text("Per person:".to_owned())]);
        card.push(Block::List(
            finding
                .details
                .iter()
                .map(|d| {
                    vec![
                        Inline::Strong(d.subject.clone()),
                        text(format!(": {}", d.summary)),
                    ]
                })
                .collect(),
        ));
    }
    verdict_lines(
        &mut card,
        finding.verdict.as_ref(),
        finding.needs_review,
        &finding.new_values,
        &finding.key,
    );
    card
}

/// A conflict's sides: each value, the outlets holding it, their words.
fn values_table(conflict: &ConflictReport) -> Table {
    let mut table = Table::new(&["Value", "Held by", "In their words"]);
    for value in &conflict.values {
        // The side that differs from the reference (or, without one, the majority).
        let odd = match (&conflict.reference, &conflict.majority) {
            (Some(_), _) => !value.in_reference,
            (None, Some(majority)) => &value.value != majority,
            (None, None) => false,
        };
        let mut first = vec![Inline::Strong(value.value.clone())];
        if value.in_reference {
            first.extend([text(" "), Inline::Tag("reference".to_owned())]);
        }
        let mut quotes = Vec::new();
        for (i, quote) in value.quotes.iter().enumerate() {
            if i > 0 {
                quotes.push(Inline::Break);
            }
            quotes.extend([
                Inline::Quoted(quote.text.clone()),
                text(" "),
                Inline::Aside(quote.holder.clone()),
            ]);
            if let Some(l) = quote.location {
                quotes.extend([
                    text(" "),
                    Inline::Aside(format!("bytes {}–{}", l.span.start, l.span.end)),
                ]);
            }
        }
        table.row(
            if odd { RowMark::Odd } else { RowMark::Plain },
            vec![
                Cell::of(first),
                cell(value.holders.join(", ")),
                Cell::of(quotes),
            ],
        );
    }
    table
}

/// Any other finding's words: the flagged ones with their place, then the
/// other side's grouped by words.
fn marks_table(finding: &FindingReport) -> Table {
    let mut table = Table::new(&["Words", "Written by", "Where"]);
    for mark in finding.flagged() {
        let mut words = vec![Inline::Quoted(mark.text.clone())];
        if mark.odd {
            words.extend([text(" "), Inline::Tag("odd".to_owned())]);
        }
        table.row(
            if mark.odd {
                RowMark::Odd
            } else {
                RowMark::Plain
            },
            vec![
                Cell::of(words),
                cell(mark.holder.clone()),
                Cell::of(vec![Inline::Aside(mark.place())]),
            ],
        );
    }
    for (words, holders) in finding.others_by_words() {
        table.row(
            RowMark::Plain,
            vec![
                Cell::of(vec![Inline::Quoted(words.to_owned())]),
                cell(holders.join(", ")),
                cell(""),
            ],
        );
    }
    table
}

/// The reviewer's verdict (or that there is none), whether it needs review
/// (the values it did not judge), and the review key.
fn verdict_lines(
    card: &mut Section,
    verdict: Option<&Verdict>,
    needs_review: bool,
    new_values: &[String],
    key: &str,
) {
    match verdict {
        Some(verdict) => {
            let mut line = vec![
                text("Verdict: "),
                Inline::Strong(verdict.status.label().to_owned()),
            ];
            if !verdict.note.is_empty() {
                line.push(text(format!(" — {}", verdict.note)));
            }
            card.paragraph(Style::Verdict, line);
            if needs_review {
                card.paragraph(
                    Style::Alert,
                    vec![
                        Inline::Strong("Needs review".to_owned()),
                        text(format!(
                            ": the verdict was given before the folder showed {}.",
                            crate::review_staleness::shown_since(new_values)
                        )),
                    ],
                );
            }
        }
        None => card.note("Not reviewed yet."),
    }
    card.paragraph(
        Style::Legend,
        vec![text("Key "), Inline::Code(key.to_owned())],
    );
}
