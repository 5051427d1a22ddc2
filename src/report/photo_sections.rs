//! One photo's part of the report: the reference facts and the findings in
//! full, then the details collapsed on screen: people and their spellings,
//! every variant's text and source, the comparisons of the captions, and
//! the images.

use super::document::{Block, Inline, Print, RowMark, Section, Style, Table, cell, text};
use super::{ImageSection, PhotoReport, VariantReport};
use crate::corpus::ReferenceFacts;

/// The section of the photo at `index` in the report.
pub fn photo_section(index: usize, photo: &PhotoReport) -> Section {
    let mut section = Section::titled(&photo.title)
        .with_id(&format!("photo-{}", index + 1))
        .with_class("photo");
    section.paragraph(
        Style::Legend,
        vec![text("Photo "), Inline::Code(photo.id.clone())],
    );
    if let Some(reference) = &photo.reference {
        section.section(reference_facts(reference));
    }
    section.section(super::findings_section::findings_section(photo));
    section.section(super::people::people_section(photo));
    section.section(variants(photo));
    for comparison in super::caption_comparison::comparison_sections(photo) {
        section.section(comparison);
    }
    section.section(images(&photo.image_evidence));
    section
}

fn reference_facts(reference: &ReferenceFacts) -> Section {
    let mut section = Section::titled("Reference facts");
    let mut facts: Vec<(String, Vec<Inline>)> = [
        ("Event", reference.event.clone()),
        ("Date", reference.date.map(|d| d.to_string())),
        ("Place", reference.place.clone()),
        ("Credit", reference.credit.clone()),
        ("Photographer", reference.photographer.clone()),
        ("Device", reference.device.clone()),
        ("Taken by", reference.taken_by.clone()),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name.to_owned(), vec![text(value?)])))
    .collect();
    for person in &reference.people {
        let mut parts = Vec::new();
        if let Some(country) = &person.country {
            parts.push(country.clone());
        }
        if let Some(medal) = person.medal {
            parts.push(medal.name().to_owned());
        }
        if !person.aliases.is_empty() {
            parts.push(format!("also {}", person.aliases.join(", ")));
        }
        facts.push((person.name.clone(), vec![text(parts.join("; "))]));
    }
    section.push(Block::Facts(facts));
    section
}

/// Every variant's text and source: bulk, so collapsed; print leaves it
/// out (the word diffs it keeps show every caption). The article text and
/// source fields are sub-sections print leaves out even where a variant
/// card is printed on its own.
fn variants(photo: &PhotoReport) -> Section {
    let mut section = Section::titled(&format!(
        "Variants and their sources ({})",
        photo.variants.len()
    ))
    .collapsed(Print::Omit);
    if photo.variants.is_empty() {
        section.note("No variants.");
    }
    for variant in &photo.variants {
        section.section(variant_card(variant, photo.base == Some(variant.index)));
    }
    section
}

fn variant_card(variant: &VariantReport, is_base: bool) -> Section {
    let mut heading = vec![text(format!("{}. {}", variant.index + 1, variant.label))];
    if is_base {
        heading.extend([text(" "), Inline::Tag("base".to_owned())]);
    }
    let mut card = Section::new(heading).with_class("variant");
    if let Some(image) = &variant.source.image {
        card.push(Block::Thumbnail(image.clone()));
    }
    if let Some(headline) = &variant.headline {
        card.paragraph(Style::Lead, vec![text(headline.clone())]);
    }
    card.push(Block::Quote(vec![text(variant.caption.clone())]));
    if let Some(article) = &variant.article {
        let mut text_section = Section::titled("Article text").printed(Print::Omit);
        for paragraph in article.split('\n').filter(|p| !p.trim().is_empty()) {
            text_section.paragraph(Style::Plain, vec![text(paragraph.trim())]);
        }
        card.section(text_section);
    }
    let source = &variant.source;
    let fields = [
        (
            "Outlet",
            Some(source.outlet.clone()).filter(|o| !o.is_empty()),
        ),
        // Addresses are text, never links.
        ("Address", source.url.clone()),
        (
            "Published",
            source.published.as_ref().map(|p| p.raw.clone()),
        ),
        ("Credit", source.credit.clone()),
        ("Photographer", source.photographer.clone()),
        (
            "Image",
            source.image.as_ref().map(|p| crate::corpus::shown_path(p)),
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
        ("Caption chosen", source.caption_choice.clone()),
    ];
    let mut source_section = Section::titled("Source").printed(Print::Omit);
    source_section.push(Block::Facts(
        fields
            .into_iter()
            .filter_map(|(name, value)| Some((name.to_owned(), vec![text(value?)])))
            .collect(),
    ));
    card.section(source_section);
    card
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

/// What the image files say; print keeps which are the same photo, and
/// leaves each image's size, format and embedded fields out.
fn images(evidence: &ImageSection) -> Section {
    let mut section =
        Section::titled(&format!("Images ({})", evidence.images.len())).collapsed(Print::Compact);
    if let Some(note) = &evidence.note {
        section.note(note);
    }
    for image in &evidence.images {
        let mut card = Section::new(vec![Inline::Code(crate::corpus::shown_path(&image.path))])
            .with_class("image")
            .printed(Print::Omit);
        card.push(Block::Thumbnail(image.path.clone()));
        let size = match (image.width, image.height) {
            (Some(w), Some(h)) => format!(", {w}×{h}"),
            _ => String::new(),
        };
        card.paragraph(
            Style::Legend,
            vec![text(format!(
                "{}{size}{}",
                image.format.as_deref().unwrap_or("unknown format"),
                image
                    .bytes
                    .map_or_else(String::new, |b| format!(", {b} bytes"))
            ))],
        );
        if let Some(problem) = &image.problem {
            card.note(problem);
        }
        if !image.metadata.fields.is_empty() {
            let mut fields = Section::titled("Embedded fields").printed(Print::Omit);
            let mut table = Table::new(&["Field", "Standard", "Value"]);
            table.class = Some("fields");
            for field in &image.metadata.fields {
                table.row(
                    RowMark::Plain,
                    vec![
                        cell(field.field.name()),
                        cell(field.standard.name()),
                        cell(field.value.clone()),
                    ],
                );
            }
            fields.push(Block::Table(table));
            card.section(fields);
        }
        section.section(card);
    }
    if !evidence.matches.is_empty() {
        let mut same = Section::titled("Same photo?");
        let items = evidence
            .same_photo_groups()
            .into_iter()
            .map(|group| {
                let mut item = Vec::new();
                if group.len() == 1 {
                    for path in &group {
                        item.push(Inline::Code(crate::corpus::shown_path(path)));
                    }
                    item.push(text(" matches no other image"));
                } else {
                    item.push(text("the same photo: "));
                    for (i, path) in group.iter().enumerate() {
                        if i > 0 {
                            item.push(text(", "));
                        }
                        item.push(Inline::Code(crate::corpus::shown_path(path)));
                    }
                }
                item
            })
            .collect();
        same.push(Block::List(items));
        section.section(same);
    }
    section
}
