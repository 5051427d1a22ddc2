//! EXIF: TIFF-structured tags, read from a JPEG APP1 "Exif" segment, a PNG
//! `eXIf` chunk, a WebP `EXIF` chunk, or a TIFF file itself.
//!
//! Both byte orders (`II` and `MM`). Every offset and count is checked
//! against the buffer; IFD chains that loop back are stopped (each IFD offset
//! is visited once, and at most `MAX_IFDS` are read). A TIFF file's first IFD
//! can also carry the IPTC block (tag 33723), a Photoshop resource block
//! (34377) and an XMP packet (700): they are handed back for the other readers.

use std::collections::HashSet;

use super::metadata::{Field, MetadataField, Standard};

const MAX_IFDS: usize = 16;
const MAX_ENTRIES: usize = 1024;

const TAG_IMAGE_DESCRIPTION: u16 = 0x010E;
const TAG_MAKE: u16 = 0x010F;
const TAG_MODEL: u16 = 0x0110;
const TAG_ARTIST: u16 = 0x013B;
const TAG_XMP: u16 = 0x02BC;
const TAG_COPYRIGHT: u16 = 0x8298;
const TAG_IPTC: u16 = 0x83BB;
const TAG_PHOTOSHOP: u16 = 0x8649;
const TAG_EXIF_IFD: u16 = 0x8769;
const TAG_DATE_TIME_ORIGINAL: u16 = 0x9003;

/// What a TIFF structure held: the EXIF fields and embedded blocks.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TiffContents<'a> {
    pub fields: Vec<MetadataField>,
    /// A bare IPTC IIM block (tag 33723).
    pub iptc: Option<&'a [u8]>,
    /// Photoshop image resources (tag 34377), which may hold IPTC.
    pub photoshop: Option<&'a [u8]>,
    /// An XMP packet (tag 700).
    pub xmp: Option<&'a [u8]>,
}

#[derive(Clone, Copy)]
struct Tiff<'a> {
    bytes: &'a [u8],
    little_endian: bool,
}

impl<'a> Tiff<'a> {
    fn u16_at(&self, pos: usize) -> Option<u16> {
        let b: [u8; 2] = self.bytes.get(pos..pos.checked_add(2)?)?.try_into().ok()?;
        Some(if self.little_endian {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    }

    fn u32_at(&self, pos: usize) -> Option<u32> {
        let b: [u8; 4] = self.bytes.get(pos..pos.checked_add(4)?)?.try_into().ok()?;
        Some(if self.little_endian {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    /// The bytes of an entry's value (inline when 4 bytes or fewer).
    fn value(&self, entry: usize) -> Option<&'a [u8]> {
        let kind = self.u16_at(entry + 2)?;
        let count = usize::try_from(self.u32_at(entry + 4)?).ok()?;
        let unit = match kind {
            1 | 2 | 6 | 7 => 1,
            3 | 8 => 2,
            4 | 9 | 11 | 13 => 4,
            5 | 10 | 12 => 8,
            _ => return None,
        };
        let size = count.checked_mul(unit)?;
        let start = if size <= 4 {
            entry + 8
        } else {
            usize::try_from(self.u32_at(entry + 8)?).ok()?
        };
        // A value inside the 8-byte header is a lying offset (exiftool
        // calls it "suspicious" and drops it too), not text.
        if start < 8 {
            return None;
        }
        self.bytes.get(start..start.checked_add(size)?)
    }
}

/// Decodes an ASCII-typed value: up to the first NUL, UTF-8 when valid
/// (what exiftool writes), else Windows-1252.
fn text(value: &[u8]) -> String {
    let end = value.iter().position(|&b| b == 0).unwrap_or(value.len());
    let value = value.get(..end).unwrap_or(value);
    match std::str::from_utf8(value) {
        Ok(s) => s.trim_end().to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode(value)
            .0
            .trim_end()
            .to_string(),
    }
}

/// An EXIF date-time (`2024:07:30 21:15:00`) in ISO 8601 form
/// (`2024-07-30T21:15:00`), like XMP's.
fn iso_date_time(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let shape_ok = bytes.len() == 19
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b':',
            10 => *b == b' ',
            13 | 16 => *b == b':',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    Some(format!(
        "{}-{}-{}T{}",
        value.get(..4)?,
        value.get(5..7)?,
        value.get(8..10)?,
        value.get(11..)?
    ))
}

fn field_of(tag: u16) -> Option<Field> {
    Some(match tag {
        TAG_IMAGE_DESCRIPTION => Field::Caption,
        TAG_MAKE => Field::Make,
        TAG_MODEL => Field::Model,
        TAG_ARTIST => Field::Byline,
        TAG_COPYRIGHT => Field::Copyright,
        TAG_DATE_TIME_ORIGINAL => Field::DateCreated,
        _ => return None,
    })
}

/// Reads a TIFF structure (starting with `II*\0` or `MM\0*`).
pub fn read_tiff(bytes: &[u8]) -> TiffContents<'_> {
    let mut contents = TiffContents::default();
    let little_endian = match bytes.get(..4) {
        Some(b"II*\0") => true,
        Some(b"MM\0*") => false,
        _ => return contents,
    };
    let tiff = Tiff {
        bytes,
        little_endian,
    };
    let Some(first) = tiff.u32_at(4) else {
        return contents;
    };
    let mut visited = HashSet::new();
    // (offset, is the first IFD, follow the next-IFD link)
    let mut pending = vec![(first, true)];
    while let Some((offset, is_first)) = pending.pop() {
        if visited.len() >= MAX_IFDS || !visited.insert(offset) {
            continue;
        }
        let Ok(offset) = usize::try_from(offset) else {
            continue;
        };
        let Some(count) = tiff.u16_at(offset) else {
            continue;
        };
        // A directory whose entries run past the end of the bytes is not
        // one (a damaged or fuzzed file): none of it is read, as exiftool
        // reads none of it ("Bad IFD0 directory").
        let count = usize::from(count);
        if offset + 2 + count * 12 > bytes.len() {
            continue;
        }
        let count = count.min(MAX_ENTRIES);
        for index in 0..count {
            let entry = offset + 2 + index * 12;
            let Some(tag) = tiff.u16_at(entry) else {
                break;
            };
            match tag {
                TAG_EXIF_IFD => {
                    // A pointer is a LONG or an IFD (type 13); any other
                    // type is a damaged entry, not a pointer.
                    if matches!(tiff.u16_at(entry + 2), Some(4 | 13))
                        && let Some(sub) = tiff.u32_at(entry + 8)
                    {
                        pending.push((sub, false));
                    }
                }
                TAG_IPTC if is_first => contents.iptc = tiff.value(entry),
                TAG_PHOTOSHOP if is_first => contents.photoshop = tiff.value(entry),
                TAG_XMP if is_first => contents.xmp = tiff.value(entry),
                _ => {
                    // DateTimeOriginal belongs to the EXIF IFD; the others to IFD0.
                    let wanted = match field_of(tag) {
                        Some(Field::DateCreated) => (!is_first).then_some(Field::DateCreated),
                        Some(field) => is_first.then_some(field),
                        None => None,
                    };
                    if let Some(field) = wanted
                        && let Some(value) = tiff.value(entry)
                    {
                        let mut value = text(value);
                        if field == Field::DateCreated {
                            value = iso_date_time(&value).unwrap_or(value);
                        }
                        if !value.is_empty() {
                            contents.fields.push(MetadataField {
                                field,
                                standard: Standard::Exif,
                                value,
                            });
                        }
                    }
                }
            }
        }
    }
    contents
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a little or big endian TIFF with IFD0 entries (tag, ascii) and
    /// an EXIF IFD holding DateTimeOriginal.
    fn build(little: bool, entries: &[(u16, &str)], date: &str) -> Vec<u8> {
        let w16 = |v: u16| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let w32 = |v: u32| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let mut out = if little {
            b"II*\0".to_vec()
        } else {
            b"MM\0*".to_vec()
        };
        out.extend_from_slice(&w32(8));
        let ifd0_len = 2 + 12 * (entries.len() + 1) + 4;
        let exif_ifd = 8 + ifd0_len;
        let exif_len = 2 + 12 + 4;
        let mut data_pos = exif_ifd + exif_len;
        let mut data = Vec::new();
        out.extend_from_slice(&w16(u16::try_from(entries.len() + 1).unwrap_or(0)));
        let mut push_entry = |out: &mut Vec<u8>, data: &mut Vec<u8>, tag: u16, value: &str| {
            let mut bytes = value.as_bytes().to_vec();
            bytes.push(0);
            out.extend_from_slice(&w16(tag));
            out.extend_from_slice(&w16(2));
            out.extend_from_slice(&w32(u32::try_from(bytes.len()).unwrap_or(0)));
            if bytes.len() <= 4 {
                bytes.resize(4, 0);
                out.extend_from_slice(&bytes);
            } else {
                out.extend_from_slice(&w32(u32::try_from(data_pos).unwrap_or(0)));
                data_pos += bytes.len();
                data.extend_from_slice(&bytes);
            }
        };
        for (tag, value) in entries {
            push_entry(&mut out, &mut data, *tag, value);
        }
        out.extend_from_slice(&w16(TAG_EXIF_IFD));
        out.extend_from_slice(&w16(4));
        out.extend_from_slice(&w32(1));
        out.extend_from_slice(&w32(u32::try_from(exif_ifd).unwrap_or(0)));
        out.extend_from_slice(&w32(0));
        out.extend_from_slice(&w16(1));
        push_entry(&mut out, &mut data, TAG_DATE_TIME_ORIGINAL, date);
        out.extend_from_slice(&w32(0));
        out.extend_from_slice(&data);
        out
    }

    fn values<'a>(contents: &'a TiffContents<'_>) -> Vec<(Field, &'a str)> {
        contents
            .fields
            .iter()
            .map(|f| (f.field, f.value.as_str()))
            .collect()
    }

    #[test]
    fn reads_both_byte_orders() {
        for little in [true, false] {
            let tiff = build(
                little,
                &[
                    (TAG_IMAGE_DESCRIPTION, "A selfie"),
                    (TAG_MAKE, "Sam"),
                    (TAG_MODEL, "Galaxy Z Flip6"),
                    (TAG_ARTIST, "Müller"),
                    (TAG_COPYRIGHT, "© 2024"),
                ],
                "2024:07:30 21:15:00",
            );
            assert_eq!(
                values(&read_tiff(&tiff)),
                vec![
                    (Field::Caption, "A selfie"),
                    (Field::Make, "Sam"),
                    (Field::Model, "Galaxy Z Flip6"),
                    (Field::Byline, "Müller"),
                    (Field::Copyright, "© 2024"),
                    (Field::DateCreated, "2024-07-30T21:15:00"),
                ],
                "little endian: {little}"
            );
        }
    }

    #[test]
    fn ifd_loops_and_lying_offsets_never_hang_or_panic() {
        // IFD0 whose EXIF pointer points back at IFD0 itself.
        let mut tiff = b"II*\0\x08\0\0\0".to_vec();
        tiff.extend_from_slice(&[2, 0]);
        tiff.extend_from_slice(&[0x69, 0x87, 4, 0, 1, 0, 0, 0, 8, 0, 0, 0]);
        // A description that claims 4 GiB at an offset past the end.
        tiff.extend_from_slice(&[0x0E, 0x01, 2, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0, 0xFF, 0, 0]);
        tiff.extend_from_slice(&[8, 0, 0, 0]);
        assert_eq!(read_tiff(&tiff), TiffContents::default());
        // Every truncation of a valid structure.
        let valid = build(false, &[(TAG_IMAGE_DESCRIPTION, "A selfie")], "2024:07:30");
        for end in 0..valid.len() {
            let _ = read_tiff(valid.get(..end).unwrap_or_default());
        }
        // An entry count of 65535 with nothing behind it.
        assert_eq!(
            read_tiff(b"MM\0*\0\0\0\x08\xFF\xFF"),
            TiffContents::default()
        );
    }

    #[test]
    fn damaged_directories_and_entries_are_not_read() {
        let valid = build(true, &[(TAG_MAKE, "PENTAX")], "2024:07:30 21:15:00");
        // IFD0 declaring forty entries, cut after thirty: none of it.
        let mut overlong = valid.clone();
        if let Some(count) = overlong.get_mut(8) {
            *count = 40;
        }
        let short = overlong.get(..8 + 2 + 12 * 30).unwrap_or_default();
        assert_eq!(read_tiff(short), TiffContents::default());
        // The EXIF pointer typed as text: not followed.
        let mut text_pointer = valid.clone();
        let pointer_type = 8 + 2 + 12 + 2;
        if let Some(kind) = text_pointer.get_mut(pointer_type) {
            *kind = 2;
        }
        assert_eq!(
            values(&read_tiff(&text_pointer)),
            vec![(Field::Make, "PENTAX")]
        );
        // A value whose offset points into the header.
        let mut into_header = valid;
        let make_offset = 8 + 2 + 8;
        if let Some(offset) = into_header.get_mut(make_offset) {
            *offset = 0;
        }
        assert_eq!(
            values(&read_tiff(&into_header)),
            vec![(Field::DateCreated, "2024-07-30T21:15:00")]
        );
    }

    #[test]
    fn text_stops_at_nul_and_falls_back_to_windows_1252() {
        assert_eq!(text(b"M\xFCller\0junk"), "Müller");
        assert_eq!(text(b"Caf\xC3\xA9  \0"), "Café");
    }
}
