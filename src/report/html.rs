//! The HTML view: one self-contained file (inline CSS, thumbnails as `data:`
//! URIs, no JavaScript) that prints cleanly on A4.
//!
//! Every piece of text from the folder goes through [`escape_html`], and no
//! address from the folder ever becomes a link: a caption holding `<script>`
//! or a `javascript:` address shows as text.

use super::alignment::{PhraseKind, phrase_rows};
use super::escape::escape_html as h;
use super::{
    AlignmentTable, ConflictReport, FindingReport, ImageSection, PhotoReport, ProblemEntry, Report,
    ReuseReport, Thumbnails, VariantDiff, VariantReport, severity_name,
};
use crate::analysis::diff::DiffTag;
use crate::corpus::{ProblemSeverity, ReferenceFacts};
use crate::review::Verdict;

const STYLE: &str = include_str!("report.css");

/// Renders the whole report as one HTML document.
pub fn render_html(report: &Report, thumbnails: &Thumbnails) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(crate::corpus::own_report::HTML_GENERATOR_META);
    out.push('\n');
    out.push_str(&format!(
        "<title>Caption provenance report: {}</title>\n",
        h(&report.folder)
    ));
    out.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str("<header>\n<h1>Caption provenance report</h1>\n");
    out.push_str(&format!(
        "<p class=\"meta\">Folder <code>{}</code>{} &middot; {} {}</p>\n</header>\n",
        h(&report.folder),
        report
            .generated_at
            .as_ref()
            .map_or_else(String::new, |t| format!(" &middot; made {}", h(t))),
        h(&report.tool.name),
        h(&report.tool.version),
    ));
    summary_section(&mut out, report);
    for photo in &report.photos {
        photo_section(&mut out, photo, thumbnails);
    }
    problems_section(&mut out, &report.problems);
    provenance_section(&mut out, report);
    out.push_str("</body>\n</html>\n");
    out
}

fn summary_section(out: &mut String, report: &Report) {
    let s = &report.summary;
    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"counts\">\n");
    out.push_str(&format!(
        "<li><b>{}</b> photo{}</li><li><b>{}</b> variant{}</li>\n",
        s.photos,
        plural(s.photos),
        s.variants,
        plural(s.variants)
    ));
    out.push_str(&format!(
        "<li><b>{}</b> conflict{}: {} {} {}</li>\n",
        s.conflicts.total(),
        plural(s.conflicts.total()),
        badge("high", s.conflicts.high),
        badge("medium", s.conflicts.medium),
        badge("low", s.conflicts.low)
    ));
    out.push_str(&format!(
        "<li><b>{}</b> other finding{} (misspelt names, ...)</li>\n",
        s.other_findings,
        plural(s.other_findings)
    ));
    out.push_str(&format!(
        "<li><b>{}</b> reviewed</li><li><b>{}</b> problem{} ({} error{}, {} warning{})</li>\n</ul>\n",
        s.reviewed,
        s.problems.errors + s.problems.warnings,
        plural(s.problems.errors + s.problems.warnings),
        s.problems.errors,
        plural(s.problems.errors),
        s.problems.warnings,
        plural(s.problems.warnings)
    ));
    if report.photos.len() > 1 {
        out.push_str("<table>\n<thead><tr><th>Photo</th><th>Variants</th><th>Conflicts</th></tr></thead>\n<tbody>\n");
        for photo in &report.photos {
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                h(&photo.title),
                photo.variants.len(),
                photo.conflicts.len()
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn photo_section(out: &mut String, photo: &PhotoReport, thumbnails: &Thumbnails) {
    out.push_str("<section class=\"photo\">\n");
    out.push_str(&format!(
        "<h2>{}</h2>\n<p class=\"meta\">Photo <code>{}</code></p>\n",
        h(&photo.title),
        h(&photo.id)
    ));
    if let Some(reference) = &photo.reference {
        reference_facts(out, reference);
    }
    conflicts(out, photo);
    findings(out, photo);
    super::people::people_html(out, photo);
    variants(out, photo, thumbnails);
    diffs(out, photo);
    alignment(out, &photo.alignment);
    reuse(out, &photo.reuse);
    images(out, &photo.image_evidence, thumbnails);
    out.push_str("</section>\n");
}

fn reference_facts(out: &mut String, reference: &ReferenceFacts) {
    out.push_str("<h3>Reference facts</h3>\n<dl class=\"facts\">\n");
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
            out.push_str(&format!("<dt>{name}</dt><dd>{}</dd>\n", h(&value)));
        }
    }
    for person in &reference.people {
        let mut parts = Vec::new();
        if let Some(country) = &person.country {
            parts.push(h(country));
        }
        if let Some(medal) = person.medal {
            parts.push(medal.name().to_owned());
        }
        if !person.aliases.is_empty() {
            let aliases: Vec<String> = person.aliases.iter().map(|a| h(a)).collect();
            parts.push(format!("also {}", aliases.join(", ")));
        }
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            h(&person.name),
            parts.join("; ")
        ));
    }
    out.push_str("</dl>\n");
}

fn conflicts(out: &mut String, photo: &PhotoReport) {
    out.push_str("<h3>Conflicts</h3>\n");
    if photo.conflicts.is_empty() {
        out.push_str("<p class=\"none\">No conflicts found.</p>\n");
        return;
    }
    for conflict in &photo.conflicts {
        conflict_card(out, conflict);
    }
}

fn conflict_card(out: &mut String, conflict: &ConflictReport) {
    let severity = severity_name(conflict.severity);
    out.push_str(&format!("<div class=\"conflict {severity}\">\n"));
    out.push_str(&format!(
        "<h4><span class=\"sev {severity}\">{severity}</span> {} / {}</h4>\n",
        h(&conflict.subject_name),
        conflict.attribute.name()
    ));
    out.push_str(&format!(
        "<p class=\"summary\">{}</p>\n",
        h(&conflict.summary)
    ));
    out.push_str("<table>\n<thead><tr><th>Value</th><th>Held by</th><th>In their words</th></tr></thead>\n<tbody>\n");
    for value in &conflict.values {
        // The side that differs from the reference (or, without one, the majority).
        let odd = match (&conflict.reference, &conflict.majority) {
            (Some(_), _) => !value.in_reference,
            (None, Some(majority)) => &value.value != majority,
            (None, None) => false,
        };
        out.push_str(&format!(
            "<tr{}><td><b>{}</b>{}</td><td>{}</td><td>",
            if odd { " class=\"odd\"" } else { "" },
            h(&value.value),
            if value.in_reference {
                " <span class=\"tag\">reference</span>"
            } else {
                ""
            },
            h(&value.holders.join(", "))
        ));
        for quote in &value.quotes {
            let place = quote.location.map_or_else(String::new, |l| {
                format!(
                    " <span class=\"loc\">bytes {}&ndash;{}</span>",
                    l.span.start, l.span.end
                )
            });
            out.push_str(&format!(
                "<div class=\"quote\"><q>{}</q> <span class=\"holder\">{}</span>{place}</div>",
                h(&quote.text),
                h(&quote.holder)
            ));
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
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
    out.push_str("<h3>Findings</h3>\n");
    let others: Vec<&FindingReport> = photo
        .findings
        .iter()
        .filter(|f| f.conflict.is_none())
        .collect();
    if others.is_empty() {
        out.push_str("<p class=\"none\">No findings besides the conflicts.</p>\n");
    }
    for finding in others {
        finding_card(out, finding);
    }
}

fn finding_card(out: &mut String, finding: &FindingReport) {
    let severity = severity_name(finding.severity);
    out.push_str(&format!("<div class=\"conflict finding {severity}\">\n"));
    out.push_str(&format!(
        "<h4><span class=\"sev {severity}\">{severity}</span> {}: {}</h4>\n",
        finding.kind.name(),
        h(&finding.flagged_words())
    ));
    out.push_str(&format!(
        "<p class=\"summary\">{}</p>\n",
        h(&finding.summary)
    ));
    if !finding.details.is_empty() {
        out.push_str("<ul class=\"details\">\n");
        for detail in &finding.details {
            out.push_str(&format!(
                "<li><b>{}</b>: {}</li>\n",
                h(&detail.subject),
                h(&detail.summary)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<table>\n<thead><tr><th>Words</th><th>Written by</th></tr></thead>\n<tbody>\n");
    for mark in finding.flagged() {
        out.push_str(&format!(
            "<tr{}><td><q>{}</q>{}</td><td>{} <span class=\"loc\">{}</span></td></tr>\n",
            if mark.odd { " class=\"odd\"" } else { "" },
            h(&mark.text),
            if mark.odd {
                " <span class=\"tag\">odd</span>"
            } else {
                ""
            },
            h(&mark.holder),
            h(&mark.place())
        ));
    }
    for (words, holders) in finding.others_by_words() {
        out.push_str(&format!(
            "<tr><td><q>{}</q></td><td>{}</td></tr>\n",
            h(words),
            h(&holders.join(", "))
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    verdict_and_key(
        out,
        finding.verdict.as_ref(),
        finding.needs_review,
        &finding.new_values,
        &finding.key,
    );
}

/// The reviewer's verdict (or that there is none), whether it needs review
/// (the values it did not judge), and the review key; ends the card.
fn verdict_and_key(
    out: &mut String,
    verdict: Option<&Verdict>,
    needs_review: bool,
    new_values: &[String],
    key: &str,
) {
    match verdict {
        Some(verdict) => {
            out.push_str(&format!(
                "<p class=\"verdict{}\">Verdict: <b>{}</b>{}</p>\n",
                if needs_review { " needs-review" } else { "" },
                verdict.status.label(),
                if verdict.note.is_empty() {
                    String::new()
                } else {
                    format!(" &mdash; {}", h(&verdict.note))
                }
            ));
            if needs_review {
                out.push_str(&format!(
                    "<p class=\"needs-review\"><b>Needs review</b>: the verdict was given before the folder showed {}.</p>\n",
                    h(&crate::review_staleness::shown_since(new_values))
                ));
            }
        }
        None => out.push_str("<p class=\"verdict none\">Not reviewed yet.</p>\n"),
    }
    out.push_str(&format!(
        "<p class=\"key\">Key <code>{}</code></p>\n</div>\n",
        h(key)
    ));
}

fn variants(out: &mut String, photo: &PhotoReport, thumbnails: &Thumbnails) {
    out.push_str("<h3>Variants and their sources</h3>\n");
    if photo.variants.is_empty() {
        out.push_str("<p class=\"none\">No variants.</p>\n");
    }
    for variant in &photo.variants {
        variant_card(out, variant, photo.base == Some(variant.index), thumbnails);
    }
}

fn variant_card(out: &mut String, variant: &VariantReport, is_base: bool, thumbnails: &Thumbnails) {
    out.push_str("<div class=\"variant\">\n");
    if let Some(uri) = variant
        .source
        .image
        .as_ref()
        .and_then(|image| thumbnails.get(image))
    {
        out.push_str(&format!(
            "<img class=\"thumb\" src=\"{}\" alt=\"\">\n",
            h(uri)
        ));
    }
    out.push_str(&format!(
        "<h4>{}. {}{}</h4>\n",
        variant.index + 1,
        h(&variant.label),
        if is_base {
            " <span class=\"tag\">base</span>"
        } else {
            ""
        }
    ));
    if let Some(headline) = &variant.headline {
        out.push_str(&format!("<p class=\"headline\">{}</p>\n", h(headline)));
    }
    out.push_str(&format!(
        "<blockquote class=\"caption\">{}</blockquote>\n",
        h(&variant.caption)
    ));
    if let Some(article) = &variant.article {
        out.push_str("<div class=\"article\"><p class=\"label\">Article text</p>\n");
        for paragraph in article.split('\n').filter(|p| !p.trim().is_empty()) {
            out.push_str(&format!("<p>{}</p>\n", h(paragraph.trim())));
        }
        out.push_str("</div>\n");
    }
    let source = &variant.source;
    out.push_str("<dl class=\"source\">\n");
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
        (
            "File",
            Some(format!(
                "{} ({}, {})",
                crate::corpus::shown_path(&source.file),
                format_name(source.format),
                source.encoding
            )),
        ),
        ("Notes", source.notes.clone()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            // Addresses are shown as text, never as links.
            out.push_str(&format!("<dt>{name}</dt><dd>{}</dd>\n", h(&value)));
        }
    }
    out.push_str("</dl>\n</div>\n");
}

fn format_name(format: crate::corpus::SourceFormat) -> &'static str {
    use crate::corpus::SourceFormat;
    match format {
        SourceFormat::Text => "text",
        SourceFormat::Toml => "TOML",
        SourceFormat::Json => "JSON",
        SourceFormat::Html => "saved web page",
        SourceFormat::EmbeddedImage => "embedded in the image",
    }
}

fn diffs(out: &mut String, photo: &PhotoReport) {
    let Some(base) = photo.base.and_then(|b| photo.variants.get(b)) else {
        return;
    };
    out.push_str(&format!(
        "<h3>Each caption against {}</h3>\n<p class=\"legend\"><del>struck out</del>: only in {}; \
         <ins>underlined</ins>: only in the other caption.</p>\n",
        h(&base.label),
        h(&base.label)
    ));
    if let Some(note) = &photo.base_note {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", h(note)));
    }
    for diff in &photo.diffs {
        let label = photo
            .variants
            .get(diff.variant)
            .map_or("", |v| v.label.as_str());
        out.push_str(&format!(
            "<div class=\"diff\"><h4>{}{}</h4>\n<p>{}</p></div>\n",
            h(label),
            if diff.identical {
                " <span class=\"tag\">identical</span>"
            } else {
                ""
            },
            diff_text(diff)
        ));
    }
}

fn diff_text(diff: &VariantDiff) -> String {
    diff.segments
        .iter()
        .map(|segment| match segment.tag {
            DiffTag::Equal => h(&segment.text),
            DiffTag::Delete => format!("<del>{}</del>", h(&segment.text)),
            DiffTag::Insert => format!("<ins>{}</ins>", h(&segment.text)),
        })
        .collect()
}

/// The alignment, one column per caption and one row per phrase; phrases
/// every caption shares span the whole row.
fn alignment(out: &mut String, table: &AlignmentTable) {
    out.push_str("<h3>Alignment of all captions</h3>\n");
    if table.columns.is_empty() {
        out.push_str("<p class=\"none\">No alignment available.</p>\n");
        return;
    }
    out.push_str(
        "<p class=\"legend\">Words every caption shares span the row; \
         <span class=\"differs\">highlighted rows</span>: the captions say different things; \
         &mdash;: the caption has nothing there.</p>\n",
    );
    out.push_str("<table class=\"align\">\n<thead><tr>");
    for label in &table.labels {
        out.push_str(&format!("<th>{}</th>", h(label)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let width = table.labels.len();
    for row in phrase_rows(table) {
        if row.kind == PhraseKind::Shared {
            let text = row.cells.first().cloned().flatten().unwrap_or_default();
            out.push_str(&format!(
                "<tr class=\"shared\"><td colspan=\"{width}\">{}</td></tr>\n",
                h(&text)
            ));
            continue;
        }
        out.push_str(&format!(
            "<tr class=\"{}\">",
            if row.kind == PhraseKind::Differs {
                "differs"
            } else {
                "partial"
            }
        ));
        for cell in &row.cells {
            match cell {
                Some(words) => out.push_str(&format!("<td>{}</td>", h(words))),
                None => out.push_str("<td class=\"gap\">&mdash;</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn reuse(out: &mut String, reuse: &ReuseReport) {
    out.push_str("<h3>Reuse and likely derivation</h3>\n");
    if reuse.pairs.iter().all(|p| p.shared_runs.is_empty()) && reuse.derivations.is_empty() {
        out.push_str("<p class=\"none\">No shared passages found.</p>\n");
        return;
    }
    if !reuse.derivations.is_empty() {
        out.push_str("<ul>\n");
        for d in &reuse.derivations {
            out.push_str(&format!(
                "<li><b>{}</b> probably took its text from <b>{}</b>: {}</li>\n",
                h(&d.to_label),
                h(&d.from_label),
                h(&d.evidence)
            ));
        }
        out.push_str("</ul>\n");
    }
    if reuse.pairs.iter().any(|p| !p.shared_runs.is_empty()) {
        out.push_str("<table>\n<thead><tr><th>Captions</th><th>Shared</th><th>Longest shared passage</th></tr></thead>\n<tbody>\n");
        for pair in reuse.pairs.iter().filter(|p| !p.shared_runs.is_empty()) {
            let longest = pair.shared_runs.first().map_or_else(String::new, |run| {
                format!("<q>{}</q> ({} words)", h(&run.text), run.words)
            });
            out.push_str(&format!(
                "<tr><td>{} &harr; {}</td><td class=\"num\">{:.0}% / {:.0}%</td><td>{longest}</td></tr>\n",
                h(&pair.a_label),
                h(&pair.b_label),
                pair.containment_a_in_b * 100.0,
                pair.containment_b_in_a * 100.0
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

fn images(out: &mut String, section: &ImageSection, thumbnails: &Thumbnails) {
    out.push_str("<h3>Images</h3>\n");
    if let Some(note) = &section.note {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", h(note)));
    }
    for image in &section.images {
        out.push_str("<div class=\"image\">\n");
        if let Some(uri) = thumbnails.get(&image.path) {
            out.push_str(&format!(
                "<img class=\"thumb\" src=\"{}\" alt=\"\">\n",
                h(uri)
            ));
        }
        let size = match (image.width, image.height) {
            (Some(w), Some(hgt)) => format!(", {w}&times;{hgt}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "<h4><code>{}</code></h4>\n<p class=\"meta\">{}{size}{}</p>\n",
            h(&crate::corpus::shown_path(&image.path)),
            h(image.format.as_deref().unwrap_or("unknown format")),
            image
                .bytes
                .map_or_else(String::new, |b| format!(", {b} bytes"))
        ));
        if let Some(problem) = &image.problem {
            out.push_str(&format!("<p class=\"note\">{}</p>\n", h(problem)));
        }
        if !image.metadata.fields.is_empty() {
            out.push_str("<table class=\"fields\">\n<thead><tr><th>Field</th><th>Standard</th><th>Value</th></tr></thead>\n<tbody>\n");
            for field in &image.metadata.fields {
                out.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                    field.field.name(),
                    field.standard.name(),
                    h(&field.value)
                ));
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</div>\n");
    }
    if !section.matches.is_empty() {
        out.push_str("<h4>Same photo?</h4>\n<ul>\n");
        for group in section.same_photo_groups() {
            let names: Vec<String> = group
                .iter()
                .map(|p| format!("<code>{}</code>", h(&crate::corpus::shown_path(p))))
                .collect();
            if names.len() == 1 {
                out.push_str(&format!(
                    "<li>{} matches no other image</li>\n",
                    names.join("")
                ));
            } else {
                out.push_str(&format!("<li>the same photo: {}</li>\n", names.join(", ")));
            }
        }
        out.push_str("</ul>\n");
    }
}

fn problems_section(out: &mut String, problems: &[ProblemEntry]) {
    out.push_str("<section id=\"problems\">\n<h2>Problems met while loading</h2>\n");
    if problems.is_empty() {
        out.push_str("<p class=\"none\">None: every file loaded.</p>\n</section>\n");
        return;
    }
    out.push_str("<table>\n<thead><tr><th>File</th><th>Severity</th><th>What is wrong</th><th>What to do</th></tr></thead>\n<tbody>\n");
    for p in problems {
        let line = p.line.map_or_else(String::new, |l| format!(":{l}"));
        out.push_str(&format!(
            "<tr><td><code>{}{line}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            h(&crate::corpus::shown_path(&p.path)),
            match p.severity {
                ProblemSeverity::Error => "error (skipped)",
                ProblemSeverity::Warning => "warning",
                ProblemSeverity::Note => "note (passed over)",
            },
            h(&p.reason),
            h(&p.advice)
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn provenance_section(out: &mut String, report: &Report) {
    out.push_str(
        "<section id=\"provenance\">\n<h2>Provenance of this report</h2>\n<dl class=\"facts\">\n",
    );
    out.push_str(&format!(
        "<dt>Tool</dt><dd>{} {}</dd>\n<dt>Made</dt><dd>{}</dd>\n<dt>Folder</dt><dd><code>{}</code></dd>\n",
        h(&report.tool.name),
        h(&report.tool.version),
        report
            .generated_at
            .as_ref()
            .map_or_else(|| "(time left out)".to_owned(), |t| h(t)),
        h(&report.folder)
    ));
    out.push_str(&format!(
        "<dt>Schema</dt><dd>JSON schema version {}</dd>\n<dt>Base</dt><dd>{}</dd>\n</dl>\n",
        report.schema_version,
        report
            .settings
            .base
            .as_ref()
            .map_or_else(|| "each photo's first variant".to_owned(), |b| h(b))
    ));
    out.push_str("<table class=\"inputs\">\n<thead><tr><th>Input file</th><th>Bytes</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
    for input in &report.inputs {
        out.push_str(&format!(
            "<tr><td><code>{}</code></td><td class=\"num\">{}</td><td><code class=\"hash\">{}</code></td></tr>\n",
            h(&crate::corpus::shown_path(&input.path)),
            input.bytes,
            h(&input.sha256)
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// A severity count; greyed out when zero.
fn badge(severity: &str, count: usize) -> String {
    let zero = if count == 0 { " zero" } else { "" };
    format!("<span class=\"sev {severity}{zero}\">{count} {severity}</span>")
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
