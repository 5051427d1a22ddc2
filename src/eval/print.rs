//! The evaluation as text for a person: a line per photo and a total, then
//! what was found, missed, false and unexpected, each with its words.

use std::fmt::Write;

use super::{Evaluation, PhotoEvaluation, Totals};

impl Evaluation {
    /// The table first, then the details of every photo.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let width = self
            .photos
            .iter()
            .map(|p| p.photo.chars().count())
            .chain([5])
            .max()
            .unwrap_or(5);
        let _ = writeln!(
            out,
            "{:width$}  {:>11}  {:>10}  {:>5}  {:>8}",
            "photo", "found", "unexpected", "false", "findings"
        );
        for photo in &self.photos {
            out.push_str(&row(&photo.photo, &photo.totals, width));
        }
        out.push_str(&row("total", &self.total, width));
        for skipped in &self.skipped {
            let _ = writeln!(out, "skipped {}: {}", skipped.photo, skipped.reason);
        }
        for photo in &self.photos {
            out.push_str(&details(photo));
        }
        out
    }
}

fn row(name: &str, totals: &Totals, width: usize) -> String {
    format!(
        "{name:width$}  {:>11}  {:>10}  {:>5}  {:>8}\n",
        format!(
            "{}/{} {:>3.0}%",
            totals.found,
            totals.expected,
            totals.recall() * 100.0
        ),
        totals.unexpected,
        totals.false_findings,
        totals.findings
    )
}

fn details(photo: &PhotoEvaluation) -> String {
    let mut out = format!("\n## {}\n", photo.photo);
    for problem in &photo.label_problems {
        let _ = writeln!(out, "label problem: {problem}");
    }
    for found in &photo.found {
        let e = &found.error;
        let _ = writeln!(
            out,
            "found      {} {}: \"{}\" (right: {}) by: {}",
            e.file,
            e.kind,
            e.words,
            e.right,
            found.by.join(" | ")
        );
    }
    for e in &photo.missed {
        let _ = writeln!(
            out,
            "missed     {} {}: \"{}\" (right: {})",
            e.file, e.kind, e.words, e.right
        );
    }
    for f in &photo.false_findings {
        let _ = writeln!(
            out,
            "false      {} {}: {} [{}] hits not-error \"{}\"",
            f.kind,
            f.fact.name(),
            f.summary,
            f.flagged.join("; "),
            f.hit.as_deref().unwrap_or_default()
        );
    }
    for f in &photo.unexpected {
        let _ = writeln!(
            out,
            "unexpected {} {}: {} [{}]",
            f.kind,
            f.fact.name(),
            f.summary,
            f.flagged.join("; ")
        );
    }
    out
}
