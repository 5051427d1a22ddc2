//! The Markdown view: the same sections as the HTML report, for pasting into
//! a ticket or a wiki. Caption text goes through [`escape_markdown`]; diffs
//! use `~~deleted~~` and `**inserted**`.

use super::alignment::{PhraseKind, phrase_rows};
use super::escape::escape_markdown as m;
use super::{
    AlignmentTable, ConflictReport, FindingReport, ImageSection, PhotoReport, ProblemEntry, Report,
    ReuseReport, VariantDiff, VariantReport, severity_name,
};
use crate::analysis::diff::DiffTag;
use crate::corpus::{ProblemSeverity, ReferenceFacts};
use crate::review::Verdict;

/// Renders the whole report as Markdown.
pub fn render_markdown(report: &Report) -> String {
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("# Caption provenance report\n\n");
    out.push_str(&format!(
        "Folder `{}`{} · {} {}\n\n",
        code(&report.folder),
        report
            .generated_at
            .as_ref()
            .map_or_else(String::new, |t| format!(" · made {}", m(t))),
        report.tool.name,
        report.tool.version
    ));
    summary(&mut out, report);
    for photo in &report.photos {
        photo_section(&mut out, photo);
    }
    problems(&mut out, &report.problems);
    provenance(&mut out, report);
    out
}

/// Text for inside a code span: backticks and line breaks would end it.
fn code(text: &str) -> String {
    text.replace(['`', '\n', '\r'], " ")
}

/// Text for a table cell.
fn cell(text: &str) -> String {
    m(text)
}

fn summary(out: &mut String, report: &Report) {
    let s = &report.summary;
    out.push_str("## Summary\n\n");
    out.push_str(&format!(
        "- Photos: {}\n- Variants: {}\n",
        s.photos, s.variants
    ));
    out.push_str(&format!(
        "- Conflicts: {} ({} high, {} medium, {} low); reviewed: {}\n",
        s.conflicts.total(),
        s.conflicts.high,
        s.conflicts.medium,
        s.conflicts.low,
        s.reviewed
    ));
    out.push_str(&format!(
        "- Other findings (misspelt names, ...): {}\n",
        s.other_findings
    ));
    out.push_str(&format!(
        "- Problems: {} ({} errors, {} warnings)\n\n",
        s.problems.errors + s.problems.warnings,
        s.problems.errors,
        s.problems.warnings
    ));
}

fn photo_section(out: &mut String, photo: &PhotoReport) {
    out.push_str(&format!(
        "## {}\n\nPhoto `{}`\n\n",
        m(&photo.title),
        code(&photo.id)
    ));
    if let Some(reference) = &photo.reference {
        reference_facts(out, reference);
    }
    out.push_str("### Conflicts\n\n");
    if photo.conflicts.is_empty() {
        out.push_str("No conflicts found.\n\n");
    }
    for conflict in &photo.conflicts {
        conflict_block(out, conflict);
    }
    findings(out, photo);
    super::people::people_markdown(out, photo);
    out.push_str("### Variants and their sources\n\n");
    for variant in &photo.variants {
        variant_block(out, variant, photo.base == Some(variant.index));
    }
    diffs(out, photo);
    alignment(out, &photo.alignment);
    reuse(out, &photo.reuse);
    images(out, &photo.image_evidence);
}

fn reference_facts(out: &mut String, reference: &ReferenceFacts) {
    out.push_str("### Reference facts\n\n");
    let facts = [
        ("Event", reference.event.clone()),
        ("Date", reference.date.map(|d| d.to_string())),
        ("Place", reference.place.clone()),
        ("Credit", reference.credit.clone()),
        ("Photographer", reference.photographer.clone()),
        ("Device", reference.device.clone()),
        ("Taken by", reference.taken_by.clone()),
    ];
    for (name, value) in facts {
        if let Some(value) = value {
            out.push_str(&format!("- {name}: {}\n", m(&value)));
        }
    }
    for person in &reference.people {
        let mut parts = Vec::new();
        if let Some(country) = &person.country {
            parts.push(m(country));
        }
        if let Some(medal) = person.medal {
            parts.push(medal.name().to_owned());
        }
        out.push_str(&format!("- {}: {}\n", m(&person.name), parts.join(", ")));
    }
    out.push('\n');
}

fn conflict_block(out: &mut String, conflict: &ConflictReport) {
    out.push_str(&format!(
        "#### {} {} / {}\n\n**{}**\n\n",
        severity_name(conflict.severity).to_uppercase(),
        m(&conflict.subject_name),
        conflict.attribute.name(),
        m(&conflict.summary)
    ));
    out.push_str("| Value | Held by | In their words |\n|---|---|---|\n");
    for value in &conflict.values {
        let quotes: Vec<String> = value
            .quotes
            .iter()
            .map(|q| {
                let place = q.location.map_or_else(String::new, |l| {
                    format!(", bytes {}–{}", l.span.start, l.span.end)
                });
                format!("“{}” ({}{place})", cell(&q.text), cell(&q.holder))
            })
            .collect();
        out.push_str(&format!(
            "| {}{} | {} | {} |\n",
            cell(&value.value),
            if value.in_reference {
                " (reference)"
            } else {
                ""
            },
            cell(&value.holders.join(", ")),
            quotes.join("<br>")
        ));
    }
    out.push('\n');
    verdict_and_key(
        out,
        conflict.verdict.as_ref(),
        conflict.needs_review,
        &conflict.new_values,
        &conflict.key,
    );
}

/// The findings that are not conflicts (those are listed above): misspelt
/// names, ...
fn findings(out: &mut String, photo: &PhotoReport) {
    out.push_str("### Findings\n\n");
    let others: Vec<&FindingReport> = photo
        .findings
        .iter()
        .filter(|f| f.conflict.is_none())
        .collect();
    if others.is_empty() {
        out.push_str("No findings besides the conflicts.\n\n");
    }
    for finding in others {
        finding_block(out, finding);
    }
}

fn finding_block(out: &mut String, finding: &FindingReport) {
    out.push_str(&format!(
        "#### {} {}: {}\n\n**{}**\n\n",
        severity_name(finding.severity).to_uppercase(),
        finding.kind.name(),
        m(&finding.flagged_words()),
        m(&finding.summary)
    ));
    for detail in &finding.details {
        out.push_str(&format!(
            "- {}: {}\n",
            m(&detail.subject),
            m(&detail.summary)
        ));
    }
    if !finding.details.is_empty() {
        out.push('\n');
    }
    out.push_str("| Words | Written by |\n|---|---|\n");
    for mark in finding.flagged() {
        out.push_str(&format!(
            "| “{}”{} | {} ({}) |\n",
            cell(&mark.text),
            if mark.odd { " (odd)" } else { "" },
            cell(&mark.holder),
            cell(&mark.place())
        ));
    }
    for (words, holders) in finding.others_by_words() {
        out.push_str(&format!(
            "| “{}” | {} |\n",
            cell(words),
            cell(&holders.join(", "))
        ));
    }
    out.push('\n');
    verdict_and_key(
        out,
        finding.verdict.as_ref(),
        finding.needs_review,
        &finding.new_values,
        &finding.key,
    );
}

/// The reviewer's verdict (or that there is none), whether it needs review
/// (the values it did not judge), and the review key.
fn verdict_and_key(
    out: &mut String,
    verdict: Option<&Verdict>,
    needs_review: bool,
    new_values: &[String],
    key: &str,
) {
    match verdict {
        Some(v) if v.note.is_empty() => {
            out.push_str(&format!("Verdict: **{}**\n\n", v.status.label()));
        }
        Some(v) => out.push_str(&format!(
            "Verdict: **{}**: {}\n\n",
            v.status.label(),
            m(&v.note)
        )),
        None => out.push_str("Not reviewed yet.\n\n"),
    }
    if verdict.is_some() && needs_review {
        out.push_str(&format!(
            "**Needs review**: the verdict was given before the folder showed {}.\n\n",
            m(&crate::review_staleness::shown_since(new_values))
        ));
    }
    out.push_str(&format!("Key `{}`\n\n", code(key)));
}

fn variant_block(out: &mut String, variant: &VariantReport, is_base: bool) {
    out.push_str(&format!(
        "#### {}. {}{}\n\n",
        variant.index + 1,
        m(&variant.label),
        if is_base { " (base)" } else { "" }
    ));
    if let Some(headline) = &variant.headline {
        out.push_str(&format!("**{}**\n\n", m(headline)));
    }
    out.push_str(&format!("> {}\n\n", m(&variant.caption)));
    if let Some(article) = &variant.article {
        out.push_str("Article text:\n\n");
        for paragraph in article.split('\n').filter(|p| !p.trim().is_empty()) {
            out.push_str(&format!("> {}\n>\n", m(paragraph.trim())));
        }
        out.push('\n');
    }
    let source = &variant.source;
    let fields = [
        (
            "Outlet",
            Some(source.outlet.clone()).filter(|o| !o.is_empty()),
        ),
        ("Address", source.url.clone()),
        (
            "Published",
            source.published.as_ref().map(|p| p.raw.clone()),
        ),
        ("Credit", source.credit.clone()),
        ("Photographer", source.photographer.clone()),
        (
            "Image",
            source.image.as_ref().map(|p| p.display().to_string()),
        ),
        ("File", Some(crate::corpus::shown_path(&source.file))),
        (
            "Encoding",
            Some(source.encoding.clone()).filter(|e| !e.is_empty()),
        ),
        ("Notes", source.notes.clone()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            // Addresses stay text: no link is ever made from the folder's content.
            out.push_str(&format!("- {name}: {}\n", m(&value)));
        }
    }
    out.push('\n');
}

fn diffs(out: &mut String, photo: &PhotoReport) {
    let Some(base) = photo.base.and_then(|b| photo.variants.get(b)) else {
        return;
    };
    out.push_str(&format!(
        "### Each caption against {}\n\n~~struck out~~: only in {}; **bold**: only in the other caption.\n\n",
        m(&base.label),
        m(&base.label)
    ));
    if let Some(note) = &photo.base_note {
        out.push_str(&format!("{}\n\n", m(note)));
    }
    for diff in &photo.diffs {
        let label = photo
            .variants
            .get(diff.variant)
            .map_or("", |v| v.label.as_str());
        out.push_str(&format!(
            "- **{}**{}: {}\n",
            m(label),
            if diff.identical { " (identical)" } else { "" },
            diff_text(diff)
        ));
    }
    out.push('\n');
}

fn diff_text(diff: &VariantDiff) -> String {
    diff.segments
        .iter()
        .map(|segment| {
            let text = m(&segment.text);
            // Emphasis markers must hug the text: move blanks outside them.
            let (lead, core, trail) = split_blanks(&text);
            match segment.tag {
                DiffTag::Equal => text.clone(),
                DiffTag::Delete if !core.is_empty() => format!("{lead}~~{core}~~{trail}"),
                DiffTag::Insert if !core.is_empty() => format!("{lead}**{core}**{trail}"),
                _ => text.clone(),
            }
        })
        .collect()
}

fn split_blanks(text: &str) -> (&str, &str, &str) {
    let core = text.trim();
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    (
        text.get(..start).unwrap_or(""),
        core,
        text.get(end..).unwrap_or(""),
    )
}

fn alignment(out: &mut String, table: &AlignmentTable) {
    out.push_str("### Alignment of all captions\n\n");
    if table.columns.is_empty() {
        out.push_str("No alignment available.\n\n");
        return;
    }
    out.push_str(
        "One row per phrase: = every caption has these words; ≠ the captions differ; — nothing there.\n\n",
    );
    out.push_str("| |");
    for label in &table.labels {
        out.push_str(&format!(" {} |", cell(label)));
    }
    out.push_str("\n|---|");
    for _ in &table.labels {
        out.push_str("---|");
    }
    out.push('\n');
    for row in phrase_rows(table) {
        out.push_str(match row.kind {
            PhraseKind::Shared => "| = |",
            PhraseKind::Partial => "| |",
            PhraseKind::Differs => "| ≠ |",
        });
        for c in &row.cells {
            match c {
                Some(words) => out.push_str(&format!(" {} |", cell(words))),
                None => out.push_str(" — |"),
            }
        }
        out.push('\n');
    }
    out.push('\n');
}

fn reuse(out: &mut String, reuse: &ReuseReport) {
    out.push_str("### Reuse and likely derivation\n\n");
    if reuse.pairs.iter().all(|p| p.shared_runs.is_empty()) && reuse.derivations.is_empty() {
        out.push_str("No shared passages found.\n\n");
        return;
    }
    for d in &reuse.derivations {
        out.push_str(&format!(
            "- **{}** probably took its text from **{}**: {}\n",
            m(&d.to_label),
            m(&d.from_label),
            m(&d.evidence)
        ));
    }
    if !reuse.derivations.is_empty() {
        out.push('\n');
    }
    if reuse.pairs.iter().any(|p| !p.shared_runs.is_empty()) {
        out.push_str("| Captions | Shared | Longest shared passage |\n|---|---|---|\n");
        for pair in reuse.pairs.iter().filter(|p| !p.shared_runs.is_empty()) {
            let longest = pair.shared_runs.first().map_or_else(String::new, |run| {
                format!("“{}” ({} words)", cell(&run.text), run.words)
            });
            out.push_str(&format!(
                "| {} ↔ {} | {:.0}% / {:.0}% | {longest} |\n",
                cell(&pair.a_label),
                cell(&pair.b_label),
                pair.containment_a_in_b * 100.0,
                pair.containment_b_in_a * 100.0
            ));
        }
        out.push('\n');
    }
}

fn images(out: &mut String, section: &ImageSection) {
    out.push_str("### Images\n\n");
    if let Some(note) = &section.note {
        out.push_str(&format!("{}\n\n", m(note)));
    }
    for image in &section.images {
        let size = match (image.width, image.height) {
            (Some(w), Some(h)) => format!(", {w}×{h}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "#### `{}`\n\n{}{size}{}\n\n",
            code(&crate::corpus::shown_path(&image.path)),
            m(image.format.as_deref().unwrap_or("unknown format")),
            image
                .bytes
                .map_or_else(String::new, |b| format!(", {b} bytes"))
        ));
        if let Some(problem) = &image.problem {
            out.push_str(&format!("{}\n\n", m(problem)));
        }
        if !image.metadata.fields.is_empty() {
            out.push_str("| Field | Standard | Value |\n|---|---|---|\n");
            for field in &image.metadata.fields {
                out.push_str(&format!(
                    "| {} | {} | {} |\n",
                    field.field.name(),
                    field.standard.name(),
                    cell(&field.value)
                ));
            }
            out.push('\n');
        }
    }
    if !section.matches.is_empty() {
        out.push_str("Same photo?\n\n");
        for group in section.same_photo_groups() {
            let names: Vec<String> = group
                .iter()
                .map(|p| format!("`{}`", code(&crate::corpus::shown_path(p))))
                .collect();
            if names.len() == 1 {
                out.push_str(&format!("- {} matches no other image\n", names.join("")));
            } else {
                out.push_str(&format!("- the same photo: {}\n", names.join(", ")));
            }
        }
        out.push('\n');
    }
}

fn problems(out: &mut String, problems: &[ProblemEntry]) {
    out.push_str("## Problems met while loading\n\n");
    if problems.is_empty() {
        out.push_str("None: every file loaded.\n\n");
        return;
    }
    out.push_str("| File | Severity | What is wrong | What to do |\n|---|---|---|---|\n");
    for p in problems {
        let line = p.line.map_or_else(String::new, |l| format!(":{l}"));
        out.push_str(&format!(
            "| `{}{line}` | {} | {} | {} |\n",
            code(&crate::corpus::shown_path(&p.path)),
            match p.severity {
                ProblemSeverity::Error => "error (skipped)",
                ProblemSeverity::Warning => "warning",
                ProblemSeverity::Note => "note (passed over)",
            },
            cell(&p.reason),
            cell(&p.advice)
        ));
    }
    out.push('\n');
}

fn provenance(out: &mut String, report: &Report) {
    out.push_str("## Provenance of this report\n\n");
    out.push_str(&format!(
        "- Tool: {} {}\n- Made: {}\n- Folder: `{}`\n- JSON schema version: {}\n- Base: {}\n\n",
        report.tool.name,
        report.tool.version,
        report
            .generated_at
            .as_ref()
            .map_or_else(|| "(time left out)".to_owned(), |t| m(t)),
        code(&report.folder),
        report.schema_version,
        report
            .settings
            .base
            .as_ref()
            .map_or_else(|| "each photo's first variant".to_owned(), |b| m(b))
    ));
    out.push_str("| Input file | Bytes | SHA-256 |\n|---|---|---|\n");
    for input in &report.inputs {
        out.push_str(&format!(
            "| `{}` | {} | `{}` |\n",
            code(&crate::corpus::shown_path(&input.path)),
            input.bytes,
            code(&input.sha256)
        ));
    }
    out.push('\n');
}
