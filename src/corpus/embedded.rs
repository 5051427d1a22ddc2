//! The variants an image's embedded metadata gives. An image whose IPTC,
//! XMP and EXIF agree (or that carries only one of them) gives one variant,
//! "Embedded in NAME". An image whose standards disagree on the caption,
//! headline, credit, by-line or date gives one variant per standard that
//! has a say ("Embedded in NAME (IPTC)", "... (XMP)"), so the disagreement
//! inside the file is analysed like any other: it becomes a conflict, with
//! the scope "within one file".

use super::boilerplate::is_boilerplate;
use super::parsed::{Issue, non_empty};
use super::read::checked_date;
use super::walk::FoundFile;
use super::{ProblemKind, Source, SourceFormat, Text, Variant};
use crate::imaging::metadata::{
    EmbeddedMetadata, Field, MetadataField, Standard, internal_conflicts,
};

/// The fields a variant is made of.
const VARIANT_FIELDS: [Field; 5] = [
    Field::Caption,
    Field::Headline,
    Field::Credit,
    Field::Byline,
    Field::DateCreated,
];

/// The variants of an image (none when it carries no caption), and
/// warnings (a date not understood).
pub(crate) fn embedded_variants(
    file: &FoundFile,
    metadata: &EmbeddedMetadata,
) -> (Vec<Variant>, Vec<Issue>) {
    let mut warnings = Vec::new();
    let metadata = &cleaned(metadata, &mut warnings);
    let Some(preferred_caption) = metadata.get(Field::Caption).and_then(non_empty) else {
        return (Vec::new(), warnings);
    };
    let name = file
        .relative
        .file_name()
        .map(super::shown)
        .unwrap_or_default();
    let disputed: Vec<Field> = internal_conflicts(metadata)
        .into_iter()
        .map(|(field, _)| field)
        .filter(|field| VARIANT_FIELDS.contains(field))
        .collect();
    if disputed.is_empty() {
        let value = |field| metadata.get(field).and_then(non_empty);
        let variant = variant(
            file,
            format!("Embedded in {name}"),
            super::shown_path(&file.relative),
            preferred_caption,
            &value,
            &mut warnings,
        );
        return (vec![variant], warnings);
    }
    let mut variants = Vec::new();
    for standard in [Standard::Iptc, Standard::Xmp, Standard::Exif] {
        let own = |field: Field| {
            metadata
                .fields
                .iter()
                .find(|f: &&MetadataField| f.field == field && f.standard == standard)
                .and_then(|f| non_empty(&f.value))
        };
        if !disputed.iter().any(|&field| own(field).is_some()) {
            continue;
        }
        // What this standard does not say, the file's preferred value says.
        let value = |field| own(field).or_else(|| metadata.get(field).and_then(non_empty));
        let caption = value(Field::Caption).unwrap_or_else(|| preferred_caption.clone());
        let id = if variants.is_empty() {
            super::shown_path(&file.relative)
        } else {
            format!(
                "{}#{}",
                super::shown_path(&file.relative),
                standard.name().to_lowercase()
            )
        };
        let outlet = format!("Embedded in {name} ({})", standard.name());
        variants.push(variant(file, outlet, id, caption, &value, &mut warnings));
    }
    (variants, warnings)
}

/// The most bytes IPTC IIM allows a field (IPTC Information Interchange
/// Model 4.2, dataset 2): a value that long was probably cut to fit.
fn iim_limit(field: Field) -> Option<usize> {
    match field {
        Field::Caption => Some(2000),
        Field::Headline => Some(256),
        Field::Title => Some(64),
        Field::Byline | Field::Credit | Field::Source | Field::City => Some(32),
        Field::Copyright => Some(128),
        Field::Country => Some(64),
        _ => None,
    }
}

/// An IPTC value that fills its field's length limit (up to the bytes of a
/// character cut in two) and that another standard of the file continues:
/// the same text, cut to fit.
fn cut_at_limit(f: &MetadataField, metadata: &EmbeddedMetadata) -> bool {
    let Some(limit) = iim_limit(f.field) else {
        return false;
    };
    let len = f.value.len();
    let value = f.value.trim();
    f.standard == Standard::Iptc
        && (limit.saturating_sub(3)..=limit).contains(&len)
        && metadata.fields.iter().any(|o| {
            o.field == f.field
                && o.standard != Standard::Iptc
                && o.value.trim().len() > value.len()
                && o.value.trim().starts_with(value)
        })
}

/// The metadata without captions and headlines that are camera boilerplate
/// ("OLYMPUS DIGITAL CAMERA", "IMG_1234") and without IPTC values cut at
/// their length limit where another standard holds the whole text; each one
/// noted in `warnings`.
fn cleaned(metadata: &EmbeddedMetadata, warnings: &mut Vec<Issue>) -> EmbeddedMetadata {
    let mut kept = EmbeddedMetadata::default();
    for f in &metadata.fields {
        let text_field = matches!(f.field, Field::Caption | Field::Headline);
        if cut_at_limit(f, metadata) {
            warnings.push(Issue::warning(
                ProblemKind::Other,
                format!(
                    "the IPTC {} is cut at its {}-byte limit; the whole text of the file's other metadata is read",
                    f.field.name(),
                    iim_limit(f.field).unwrap_or(0)
                ),
                None,
            ));
        } else if text_field && !f.value.trim().is_empty() && is_boilerplate(&f.value) {
            warnings.push(Issue::warning(
                ProblemKind::Other,
                format!(
                    "the {} {} \"{}\" is camera boilerplate, not read as a caption",
                    f.standard.name(),
                    if f.field == Field::Caption {
                        "caption"
                    } else {
                        "headline"
                    },
                    f.value.trim()
                ),
                None,
            ));
        } else {
            kept.fields.push(f.clone());
        }
    }
    kept
}

fn variant(
    file: &FoundFile,
    outlet: String,
    id: String,
    caption: String,
    value: &dyn Fn(Field) -> Option<String>,
    warnings: &mut Vec<Issue>,
) -> Variant {
    let published = value(Field::DateCreated).and_then(|raw| checked_date(&raw, None, warnings));
    Variant {
        id,
        source: Source {
            outlet,
            url: None,
            published,
            credit: value(Field::Credit),
            photographer: value(Field::Byline),
            image: Some(file.relative.clone()),
            file: file.relative.clone(),
            format: SourceFormat::EmbeddedImage,
            encoding: "UTF-8".to_string(),
            notes: None,
            caption_choice: None,
        },
        caption: Text::new(caption),
        headline: value(Field::Headline).map(Text::new),
        article: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    use crate::corpus::walk::FileKind;

    fn field(field: Field, standard: Standard, value: &str) -> MetadataField {
        MetadataField::new(field, standard, value)
    }

    fn file() -> FoundFile {
        FoundFile {
            absolute: PathBuf::from("/r/p/images/a.jpg"),
            relative: PathBuf::from("p/images/a.jpg"),
            kind: FileKind::Image,
        }
    }

    #[test]
    fn an_embedded_caption_is_a_variant() {
        let metadata = EmbeddedMetadata {
            fields: vec![
                field(Field::Caption, Standard::Iptc, " Lim takes a selfie "),
                field(Field::Credit, Standard::Iptc, "AFP"),
                field(Field::Byline, Standard::Iptc, "Jane Roe"),
                field(Field::Headline, Standard::Iptc, "Selfie"),
                field(Field::DateCreated, Standard::Iptc, "2024-07-30"),
                // XMP saying the same, in its own date form, is no dispute.
                field(Field::Caption, Standard::Xmp, "Lim takes a selfie"),
                field(Field::DateCreated, Standard::Xmp, "2024-07-30T10:00:00"),
            ],
        };
        let (variants, warnings) = embedded_variants(&file(), &metadata);
        assert_eq!(warnings, vec![]);
        let [variant] = variants.as_slice() else {
            panic!("{} variants", variants.len());
        };
        assert_eq!(variant.id, "p/images/a.jpg");
        assert_eq!(variant.source.outlet, "Embedded in a.jpg");
        assert_eq!(variant.source.format, SourceFormat::EmbeddedImage);
        assert_eq!(variant.source.credit.as_deref(), Some("AFP"));
        assert_eq!(variant.source.photographer.as_deref(), Some("Jane Roe"));
        assert_eq!(variant.source.image, Some(PathBuf::from("p/images/a.jpg")));
        assert_eq!(
            variant
                .source
                .published
                .as_ref()
                .map(|p| p.date.to_string())
                .as_deref(),
            Some("2024-07-30")
        );
        assert_eq!(variant.caption.as_str(), "Lim takes a selfie");
        assert_eq!(
            variant.headline.as_ref().map(|h| h.normalized.as_str()),
            Some("Selfie")
        );

        let (variants, warnings) = embedded_variants(&file(), &EmbeddedMetadata::default());
        assert_eq!((variants, warnings), (vec![], vec![]));
    }

    #[test]
    fn camera_boilerplate_is_no_caption_and_no_dispute() {
        // EXIF's default description beside a real IPTC caption: one variant.
        let metadata = EmbeddedMetadata {
            fields: vec![
                field(Field::Caption, Standard::Iptc, "Lim takes a selfie"),
                field(Field::Caption, Standard::Exif, "OLYMPUS DIGITAL CAMERA"),
            ],
        };
        let (variants, warnings) = embedded_variants(&file(), &metadata);
        let captions: Vec<&str> = variants.iter().map(|v| v.caption.as_str()).collect();
        assert_eq!(captions, vec!["Lim takes a selfie"]);
        assert_eq!(variants[0].source.outlet, "Embedded in a.jpg");
        let reasons: Vec<&str> = warnings.iter().map(|w| w.reason.as_str()).collect();
        assert_eq!(
            reasons,
            vec![
                "the EXIF caption \"OLYMPUS DIGITAL CAMERA\" is camera boilerplate, not read as a caption"
            ]
        );
        // Only boilerplate: no variant, and the warning says why.
        let metadata = EmbeddedMetadata {
            fields: vec![field(Field::Caption, Standard::Exif, "IMG_4021")],
        };
        let (variants, warnings) = embedded_variants(&file(), &metadata);
        assert!(variants.is_empty());
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn an_iptc_value_cut_at_its_limit_is_a_note_not_a_dispute() {
        let credit = "Cameron Spencer / Getty Images Sport Europe";
        let metadata = EmbeddedMetadata {
            fields: vec![
                field(Field::Caption, Standard::Iptc, "Bolt grins."),
                field(Field::Credit, Standard::Iptc, &credit[..32]),
                field(Field::Credit, Standard::Xmp, credit),
            ],
        };
        let (variants, warnings) = embedded_variants(&file(), &metadata);
        let credits: Vec<Option<&str>> = variants
            .iter()
            .map(|v| v.source.credit.as_deref())
            .collect();
        assert_eq!(credits, vec![Some(credit)]);
        let reasons: Vec<&str> = warnings.iter().map(|w| w.reason.as_str()).collect();
        assert_eq!(
            reasons,
            vec![
                "the IPTC credit is cut at its 32-byte limit; the whole text of the file's other metadata is read"
            ]
        );
        // A short IPTC credit that differs is a dispute, as before.
        let metadata = EmbeddedMetadata {
            fields: vec![
                field(Field::Caption, Standard::Iptc, "Bolt grins."),
                field(Field::Credit, Standard::Iptc, "Getty"),
                field(Field::Credit, Standard::Xmp, "Getty Images"),
            ],
        };
        let (variants, warnings) = embedded_variants(&file(), &metadata);
        assert_eq!((variants.len(), warnings.len()), (2, 0));
    }

    #[test]
    fn standards_that_disagree_give_a_variant_each() {
        let metadata = EmbeddedMetadata {
            fields: vec![
                field(Field::Caption, Standard::Iptc, "Lim, bronze medallist."),
                field(Field::Credit, Standard::Iptc, "AFP"),
                field(Field::Caption, Standard::Xmp, "Lim, silver medallist."),
                field(Field::Credit, Standard::Xmp, "Getty Images"),
                // EXIF says nothing disputed: no variant of its own.
                field(Field::Make, Standard::Exif, "Samsung"),
            ],
        };
        let (variants, _) = embedded_variants(&file(), &metadata);
        let seen: Vec<(&str, &str, &str, Option<&str>)> = variants
            .iter()
            .map(|v| {
                (
                    v.id.as_str(),
                    v.source.outlet.as_str(),
                    v.caption.as_str(),
                    v.source.credit.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            vec![
                (
                    "p/images/a.jpg",
                    "Embedded in a.jpg (IPTC)",
                    "Lim, bronze medallist.",
                    Some("AFP")
                ),
                (
                    "p/images/a.jpg#xmp",
                    "Embedded in a.jpg (XMP)",
                    "Lim, silver medallist.",
                    Some("Getty Images")
                ),
            ]
        );
    }
}
