//! IPTC IIM: the agency caption block, as found in a Photoshop resource
//! (JPEG APP13, TIFF tag 34377) or bare (TIFF tag 33723).
//!
//! Reading never trusts a length: a dataset whose declared length runs past
//! the end of the block ends the parse, and what was read so far is kept.
//! The coded character set (1:90) is honoured: `ESC % G` means UTF-8; any
//! other value, or none, means Windows-1252 (a superset of Latin-1, which is
//! what exiftool assumes too).
//!
//! Writing (`encode_app13`) is the small encoder the stand-in generator and
//! the tests use: a JPEG APP13 segment holding one Photoshop 3.0 image
//! resource block (8BIM 0x0404) whose IIM data declares UTF-8.

use super::metadata::{Field, MetadataField, Standard};

/// The APP13 payload's signature.
pub const PHOTOSHOP_SIGNATURE: &[u8] = b"Photoshop 3.0\0";
/// The image resource id of the IPTC IIM block.
const IPTC_RESOURCE_ID: u16 = 0x0404;
/// The tag marker that starts every IIM dataset.
const TAG_MARKER: u8 = 0x1C;
/// 1:90 "coded character set" value for UTF-8.
const UTF8_DESIGNATOR: &[u8] = b"\x1B%G";

/// One IIM dataset to write: record 2 (application) dataset number and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IptcEntry {
    pub dataset: u8,
    pub value: String,
}

impl IptcEntry {
    pub fn new(dataset: u8, value: impl Into<String>) -> Self {
        IptcEntry {
            dataset,
            value: value.into(),
        }
    }
}

/// Record-2 dataset numbers of the fields we read.
pub mod dataset {
    pub const KEYWORDS: u8 = 25;
    pub const DATE_CREATED: u8 = 55;
    pub const BYLINE: u8 = 80;
    pub const CITY: u8 = 90;
    pub const COUNTRY: u8 = 101;
    pub const HEADLINE: u8 = 105;
    pub const CREDIT: u8 = 110;
    pub const SOURCE: u8 = 115;
    pub const COPYRIGHT: u8 = 116;
    pub const CAPTION: u8 = 120;
}

fn field_of(dataset_number: u8) -> Option<Field> {
    Some(match dataset_number {
        dataset::KEYWORDS => Field::Keywords,
        dataset::DATE_CREATED => Field::DateCreated,
        dataset::BYLINE => Field::Byline,
        dataset::CITY => Field::City,
        dataset::COUNTRY => Field::Country,
        dataset::HEADLINE => Field::Headline,
        dataset::CREDIT => Field::Credit,
        dataset::SOURCE => Field::Source,
        dataset::COPYRIGHT => Field::Copyright,
        dataset::CAPTION => Field::Caption,
        _ => return None,
    })
}

/// One raw dataset as found in the block.
struct Dataset<'a> {
    record: u8,
    number: u8,
    data: &'a [u8],
}

/// Splits an IIM block into datasets, stopping at the first malformed one.
fn datasets(block: &[u8]) -> Vec<Dataset<'_>> {
    let mut found = Vec::new();
    let mut pos = 0usize;
    while let Some(&[marker, record, number, len_hi, len_lo]) = block.get(pos..pos + 5) {
        if marker != TAG_MARKER {
            break;
        }
        pos += 5;
        let short_length = u16::from_be_bytes([len_hi, len_lo]);
        let length = if short_length & 0x8000 == 0 {
            usize::from(short_length)
        } else {
            // Extended dataset: the low 15 bits give how many length bytes follow.
            let count = usize::from(short_length & 0x7FFF);
            if count == 0 || count > 4 {
                break;
            }
            let Some(bytes) = block.get(pos..pos + count) else {
                break;
            };
            pos += count;
            bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
        };
        let Some(data) = pos.checked_add(length).and_then(|end| block.get(pos..end)) else {
            break;
        };
        pos += length;
        found.push(Dataset {
            record,
            number,
            data,
        });
    }
    found
}

/// Decodes an IIM value in the block's character set, cut at its first NUL:
/// writers pad values with NULs, and some leave whatever was in the buffer
/// behind the padding (what follows is never text of the value).
fn decode(data: &[u8], utf8: bool) -> String {
    let end = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let trimmed = data.get(..end).unwrap_or(data);
    if utf8 {
        String::from_utf8_lossy(trimmed).into_owned()
    } else {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(trimmed);
        text.into_owned()
    }
}

/// An IIM date (`CCYYMMDD`) in ISO 8601 form (`CCYY-MM-DD`).
fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!(
        "{}-{}-{}",
        value.get(..4)?,
        value.get(4..6)?,
        value.get(6..)?
    ))
}

/// Reads the fields we know from a bare IIM block. Date Created (2:55) is
/// given in ISO 8601 form (`2024-07-30`), like XMP's.
pub fn read_iim(block: &[u8]) -> Vec<MetadataField> {
    let sets = datasets(block);
    let utf8 = sets
        .iter()
        .any(|d| d.record == 1 && d.number == 90 && d.data.starts_with(UTF8_DESIGNATOR));
    sets.iter()
        .filter(|d| d.record == 2)
        .filter_map(|d| {
            let field = field_of(d.number)?;
            let mut value = decode(d.data, utf8);
            if field == Field::DateCreated {
                value = iso_date(&value).unwrap_or(value);
            }
            (!value.trim().is_empty()).then_some(MetadataField {
                field,
                standard: Standard::Iptc,
                value,
            })
        })
        .collect()
}

/// Finds the IPTC resource (8BIM 0x0404) in a Photoshop image resource
/// block (without the "Photoshop 3.0" signature) and returns its data.
pub fn iim_from_resources(resources: &[u8]) -> Option<&[u8]> {
    photoshop_resource(resources, IPTC_RESOURCE_ID)
}

/// The data of the first image resource with the given id (0x0404 IPTC,
/// 0x0422 EXIF, 0x0424 XMP) in a Photoshop image resource block.
pub fn photoshop_resource(resources: &[u8], wanted: u16) -> Option<&[u8]> {
    let mut pos = 0usize;
    loop {
        let header = resources.get(pos..pos + 6)?;
        if header.get(..4)? != b"8BIM" {
            return None;
        }
        let id = u16::from_be_bytes([*header.get(4)?, *header.get(5)?]);
        pos += 6;
        // Pascal-string name, padded so that length byte + name is even.
        let name_len = usize::from(*resources.get(pos)?);
        pos += (1 + name_len + 1) & !1;
        let size_bytes = resources.get(pos..pos + 4)?;
        let size = usize::try_from(u32::from_be_bytes(size_bytes.try_into().ok()?)).ok()?;
        pos += 4;
        let data = resources.get(pos..pos.checked_add(size)?)?;
        if id == wanted {
            return Some(data);
        }
        pos += (size + 1) & !1;
    }
}

/// Reads the fields from an APP13 payload ("Photoshop 3.0\0" + resources).
pub fn read_app13(payload: &[u8]) -> Vec<MetadataField> {
    payload
        .strip_prefix(PHOTOSHOP_SIGNATURE)
        .and_then(iim_from_resources)
        .map(read_iim)
        .unwrap_or_default()
}

/// Encodes one dataset (record, number, value) with a standard or extended length.
fn push_dataset(out: &mut Vec<u8>, record: u8, number: u8, data: &[u8]) {
    out.extend_from_slice(&[TAG_MARKER, record, number]);
    match u16::try_from(data.len()) {
        Ok(len) if len < 0x8000 => out.extend_from_slice(&len.to_be_bytes()),
        _ => {
            out.extend_from_slice(&0x8004u16.to_be_bytes());
            let len = u32::try_from(data.len()).unwrap_or(u32::MAX);
            out.extend_from_slice(&len.to_be_bytes());
        }
    }
    out.extend_from_slice(data);
}

/// Encodes a bare IIM block: 1:90 = UTF-8, 2:00 record version 4, then the entries.
pub fn encode_iim(entries: &[IptcEntry]) -> Vec<u8> {
    let mut iim = Vec::new();
    push_dataset(&mut iim, 1, 0, &4u16.to_be_bytes());
    push_dataset(&mut iim, 1, 90, UTF8_DESIGNATOR);
    push_dataset(&mut iim, 2, 0, &4u16.to_be_bytes());
    for entry in entries {
        push_dataset(&mut iim, 2, entry.dataset, entry.value.as_bytes());
    }
    iim
}

/// Encodes a complete JPEG APP13 segment (marker, length, "Photoshop 3.0",
/// one 8BIM 0x0404 resource with the IIM block). Entries too long for one
/// segment (64 KiB) are the caller's problem: the length saturates.
pub fn encode_app13(entries: &[IptcEntry]) -> Vec<u8> {
    let iim = encode_iim(entries);
    let mut payload = PHOTOSHOP_SIGNATURE.to_vec();
    payload.extend_from_slice(b"8BIM");
    payload.extend_from_slice(&IPTC_RESOURCE_ID.to_be_bytes());
    payload.extend_from_slice(&[0, 0]); // empty Pascal name, padded
    let size = u32::try_from(iim.len()).unwrap_or(u32::MAX);
    payload.extend_from_slice(&size.to_be_bytes());
    payload.extend_from_slice(&iim);
    if iim.len() % 2 == 1 {
        payload.push(0);
    }
    let mut segment = vec![0xFF, 0xED];
    let length = u16::try_from(payload.len() + 2).unwrap_or(u16::MAX);
    segment.extend_from_slice(&length.to_be_bytes());
    segment.extend_from_slice(&payload);
    segment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(fields: &[MetadataField]) -> Vec<(Field, &str)> {
        fields.iter().map(|f| (f.field, f.value.as_str())).collect()
    }

    #[test]
    fn round_trips_every_field_in_utf8() {
        let entries = [
            IptcEntry::new(dataset::CAPTION, "Lim Jong-hoon (임종훈) takes a selfie"),
            IptcEntry::new(dataset::HEADLINE, "Podium selfie"),
            IptcEntry::new(dataset::BYLINE, "Anna Müller"),
            IptcEntry::new(dataset::CREDIT, "caption-provenance stand-in"),
            IptcEntry::new(dataset::SOURCE, "Sample"),
            IptcEntry::new(dataset::COPYRIGHT, "© nobody"),
            IptcEntry::new(dataset::DATE_CREATED, "20240730"),
            IptcEntry::new(dataset::CITY, "Paris"),
            IptcEntry::new(dataset::COUNTRY, "France"),
            IptcEntry::new(dataset::KEYWORDS, "table tennis"),
            IptcEntry::new(dataset::KEYWORDS, "Olympics"),
        ];
        let segment = encode_app13(&entries);
        assert_eq!(segment.get(..2), Some(&[0xFF, 0xED][..]));
        let payload = segment.get(4..).unwrap_or_default();
        assert_eq!(
            values(&read_app13(payload)),
            vec![
                (Field::Caption, "Lim Jong-hoon (임종훈) takes a selfie"),
                (Field::Headline, "Podium selfie"),
                (Field::Byline, "Anna Müller"),
                (Field::Credit, "caption-provenance stand-in"),
                (Field::Source, "Sample"),
                (Field::Copyright, "© nobody"),
                (Field::DateCreated, "2024-07-30"),
                (Field::City, "Paris"),
                (Field::Country, "France"),
                (Field::Keywords, "table tennis"),
                (Field::Keywords, "Olympics"),
            ]
        );
    }

    #[test]
    fn without_coded_character_set_bytes_are_windows_1252() {
        let mut iim = Vec::new();
        push_dataset(&mut iim, 2, dataset::BYLINE, b"M\xFCller \x80");
        assert_eq!(values(&read_iim(&iim)), vec![(Field::Byline, "Müller €")]);
    }

    #[test]
    fn values_are_cut_at_their_nul_padding() {
        let mut iim = Vec::new();
        push_dataset(&mut iim, 2, dataset::CREDIT, b"AFP\0\0\0\0");
        push_dataset(
            &mut iim,
            2,
            dataset::CITY,
            b"Paris\0\0Photoshop 3.0\x008BIM",
        );
        push_dataset(&mut iim, 2, dataset::SOURCE, b"\0\0\0\0");
        push_dataset(&mut iim, 2, dataset::HEADLINE, b"Podium");
        assert_eq!(
            values(&read_iim(&iim)),
            vec![
                (Field::Credit, "AFP"),
                (Field::City, "Paris"),
                (Field::Headline, "Podium")
            ]
        );
    }

    #[test]
    fn extended_lengths_are_read() {
        let long = "x".repeat(40_000);
        let iim = encode_iim(&[IptcEntry::new(dataset::CAPTION, long.clone())]);
        assert_eq!(
            values(&read_iim(&iim)),
            vec![(Field::Caption, long.as_str())]
        );
    }

    #[test]
    fn lying_lengths_keep_what_came_before_and_never_panic() {
        let mut iim = encode_iim(&[IptcEntry::new(dataset::CITY, "Paris")]);
        // A caption that claims 0x7FFF bytes but has three.
        iim.extend_from_slice(&[
            TAG_MARKER,
            2,
            dataset::CAPTION,
            0x7F,
            0xFF,
            b'a',
            b'b',
            b'c',
        ]);
        assert_eq!(values(&read_iim(&iim)), vec![(Field::City, "Paris")]);
        // An extended length that claims 4 GiB.
        let mut extended = vec![
            TAG_MARKER,
            2,
            dataset::CAPTION,
            0x80,
            0x04,
            0xFF,
            0xFF,
            0xFF,
            0xFF,
        ];
        extended.extend_from_slice(b"short");
        assert_eq!(read_iim(&extended), vec![]);
        // An extended length with an absurd byte count.
        assert_eq!(read_iim(&[TAG_MARKER, 2, 120, 0xFF, 0xFF, 1, 2]), vec![]);
        // Every truncation of a valid segment.
        let segment = encode_app13(&[IptcEntry::new(dataset::CAPTION, "A caption")]);
        for end in 0..segment.len() {
            let _ = read_app13(segment.get(4..end).unwrap_or_default());
        }
    }

    #[test]
    fn resource_with_lying_size_is_ignored() {
        let mut payload = PHOTOSHOP_SIGNATURE.to_vec();
        payload.extend_from_slice(b"8BIM\x04\x04\0\0\xFF\xFF\xFF\xF0abc");
        assert_eq!(read_app13(&payload), vec![]);
    }

    #[test]
    fn other_resources_before_iptc_are_skipped() {
        let iim = encode_iim(&[IptcEntry::new(dataset::CREDIT, "AFP")]);
        let mut resources = b"8BIM\x03\xED\x03abc\0\0\0\x03xyz\0".to_vec();
        resources.extend_from_slice(b"8BIM\x04\x04\0\0");
        resources.extend_from_slice(&u32::try_from(iim.len()).unwrap_or(0).to_be_bytes());
        resources.extend_from_slice(&iim);
        assert_eq!(
            values(&read_iim(
                iim_from_resources(&resources).unwrap_or_default()
            )),
            vec![(Field::Credit, "AFP")]
        );
    }
}
