//! Embedded caption, credit and date fields (IPTC IIM, XMP, EXIF).
//! (Stub: the images issue fills this in.)

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

/// Reads the embedded metadata of an image file's bytes (JPEG, PNG, TIFF, WebP).
pub fn read_embedded(bytes: &[u8]) -> EmbeddedMetadata {
    let _ = bytes;
    EmbeddedMetadata::default()
}
