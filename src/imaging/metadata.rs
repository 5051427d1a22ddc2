//! Embedded caption, credit and date fields (IPTC IIM, XMP, EXIF): the
//! common model the readers fill, the entry point `read_embedded`, and
//! `internal_conflicts`, the places where one file disagrees with itself.
//!
//! Values are kept as the file writes them, except dates, which are given
//! in ISO 8601 form whatever the standard (IPTC `20240730` becomes
//! `2024-07-30`, EXIF `2024:07:30 21:15:00` becomes `2024-07-30T21:15:00`);
//! comparison looks at the calendar date only.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// The metadata standard a field was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Standard {
    Iptc,
    Xmp,
    Exif,
}

/// The fields we read, whatever the standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Caption,
    Headline,
    Title,
    Byline,
    Credit,
    Source,
    Copyright,
    DateCreated,
    City,
    Country,
    Keywords,
    PersonInImage,
    Event,
    Make,
    Model,
}

/// One field as found in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataField {
    pub field: Field,
    pub standard: Standard,
    pub value: String,
}

impl MetadataField {
    pub fn new(field: Field, standard: Standard, value: impl Into<String>) -> Self {
        MetadataField {
            field,
            standard,
            value: value.into(),
        }
    }
}

/// Everything an image says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbeddedMetadata {
    pub fields: Vec<MetadataField>,
}

impl EmbeddedMetadata {
    /// The first value of a field, preferring IPTC, then XMP, then EXIF.
    pub fn get(&self, field: Field) -> Option<&str> {
        let mut found: Vec<&MetadataField> =
            self.fields.iter().filter(|f| f.field == field).collect();
        found.sort_by_key(|f| f.standard);
        found.first().map(|f| f.value.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

/// Reads the embedded metadata of an image file's bytes (JPEG, PNG, TIFF,
/// WebP): IPTC fields first, then XMP, then EXIF, each in file order. Other
/// formats, and malformed blocks, give what could be read (maybe nothing);
/// this never panics.
pub fn read_embedded(bytes: &[u8]) -> EmbeddedMetadata {
    EmbeddedMetadata {
        fields: super::container::read_fields(bytes),
    }
}

impl Field {
    /// Fields that hold a list (one `MetadataField` per item).
    pub fn is_list(self) -> bool {
        matches!(self, Field::Keywords | Field::Byline | Field::PersonInImage)
    }

    /// A name for display.
    pub fn name(self) -> &'static str {
        match self {
            Field::Caption => "caption",
            Field::Headline => "headline",
            Field::Title => "title",
            Field::Byline => "by-line",
            Field::Credit => "credit",
            Field::Source => "source",
            Field::Copyright => "copyright",
            Field::DateCreated => "date created",
            Field::City => "city",
            Field::Country => "country",
            Field::Keywords => "keywords",
            Field::PersonInImage => "person in image",
            Field::Event => "event",
            Field::Make => "camera make",
            Field::Model => "camera model",
        }
    }
}

impl Standard {
    /// A name for display.
    pub fn name(self) -> &'static str {
        match self {
            Standard::Iptc => "IPTC",
            Standard::Xmp => "XMP",
            Standard::Exif => "EXIF",
        }
    }
}

/// A value as compared: whitespace collapsed; dates reduced to `YYYY-MM-DD`
/// (IPTC `20240730`, XMP `2024-07-30T..`, EXIF `2024:07:30 ..` agree).
fn comparable(field: Field, value: &str) -> String {
    if field == Field::DateCreated {
        let digits: String = value.chars().filter(char::is_ascii_digit).take(8).collect();
        if digits.len() == 8 {
            let (year, rest) = digits.split_at(4);
            let (month, day) = rest.split_at(2);
            return format!("{year}-{month}-{day}");
        }
    }
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fields on which one file disagrees with itself: the same field given
/// different values by different standards (the IPTC caption against the XMP
/// description, the IPTC date against EXIF's). List fields are compared as
/// sets. Each conflict carries every value of that field, in file order.
/// Ordered by field.
pub fn internal_conflicts(metadata: &EmbeddedMetadata) -> Vec<(Field, Vec<MetadataField>)> {
    let mut by_field: BTreeMap<Field, BTreeMap<Standard, BTreeSet<String>>> = BTreeMap::new();
    for f in &metadata.fields {
        by_field
            .entry(f.field)
            .or_default()
            .entry(f.standard)
            .or_default()
            .insert(comparable(f.field, &f.value));
    }
    by_field
        .into_iter()
        .filter(|(_, standards)| {
            let distinct: BTreeSet<&BTreeSet<String>> = standards.values().collect();
            standards.len() > 1 && distinct.len() > 1
        })
        .map(|(field, _)| {
            let fields = metadata
                .fields
                .iter()
                .filter(|f| f.field == field)
                .cloned()
                .collect();
            (field, fields)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(field: Field, standard: Standard, value: &str) -> MetadataField {
        MetadataField::new(field, standard, value)
    }

    #[test]
    fn conflicts_between_standards_only() {
        let metadata = EmbeddedMetadata {
            fields: vec![
                field(Field::Caption, Standard::Iptc, "Lim took the selfie"),
                field(Field::DateCreated, Standard::Iptc, "20240730"),
                field(Field::Keywords, Standard::Iptc, "a"),
                field(Field::Keywords, Standard::Iptc, "b"),
                field(Field::Credit, Standard::Iptc, "AFP"),
                field(Field::Caption, Standard::Xmp, "Lim  took the selfie "),
                field(Field::DateCreated, Standard::Xmp, "2024-07-30"),
                field(Field::Keywords, Standard::Xmp, "b"),
                field(Field::Keywords, Standard::Xmp, "a"),
                field(Field::Credit, Standard::Xmp, "Getty Images"),
                field(Field::Copyright, Standard::Xmp, "one"),
                field(Field::DateCreated, Standard::Exif, "2024:07:31 01:00:00"),
                field(Field::Copyright, Standard::Exif, "one"),
            ],
        };
        let conflicts = internal_conflicts(&metadata);
        assert_eq!(
            conflicts,
            vec![
                (
                    Field::Credit,
                    vec![
                        field(Field::Credit, Standard::Iptc, "AFP"),
                        field(Field::Credit, Standard::Xmp, "Getty Images"),
                    ]
                ),
                (
                    Field::DateCreated,
                    vec![
                        field(Field::DateCreated, Standard::Iptc, "20240730"),
                        field(Field::DateCreated, Standard::Xmp, "2024-07-30"),
                        field(Field::DateCreated, Standard::Exif, "2024:07:31 01:00:00"),
                    ]
                ),
            ]
        );
    }

    #[test]
    fn unknown_bytes_read_as_nothing() {
        assert!(read_embedded(b"").is_empty());
        assert!(read_embedded(b"GIF89a....").is_empty());
        assert!(read_embedded(&[0xFF, 0xD8, 0xFF, 0xED, 0xFF, 0xFF, 1, 2, 3]).is_empty());
    }
}
