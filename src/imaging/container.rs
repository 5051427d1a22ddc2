//! Finding the metadata blocks inside an image file: JPEG segments, PNG
//! chunks (and the raw IPTC and EXIF profiles ImageMagick and exiftool put
//! in PNG text chunks), a TIFF's first IFD, WebP (RIFF) chunks, the EXIF
//! and XMP items of HEIF/AVIF (`heif`), a Photoshop document's image
//! resources (`psd`). Each walk checks every declared length against the
//! bytes and stops at the first that lies.
//!
//! Not read: JPEG extended XMP (the part beyond 64 KiB).

use super::metadata::MetadataField;
use super::png_profile::Profile;
use super::{exif, heif, iptc, jpeg_end, png_profile, psd, xmp};

/// The image container formats we read metadata from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Jpeg,
    Png,
    Tiff,
    WebP,
    /// HEIC/HEIF or AVIF: metadata read, pixels not decoded.
    Heif,
    /// A Photoshop document: metadata read, pixels not decoded.
    Psd,
}

/// Recognises the container from its first bytes.
pub fn sniff(bytes: &[u8]) -> Option<Container> {
    // A JPEG starts with SOI (`FF D8`), normally right followed by a
    // marker; some writers leave stray bytes first, which the walk skips.
    // Exiv2's metadata-only EXV files (`FF 01` "Exiv2", then JPEG
    // segments, no picture) are walked the same way.
    if bytes.starts_with(&[0xFF, 0xD8]) || bytes.starts_with(b"\xFF\x01Exiv2") {
        Some(Container::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Container::Png)
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some(Container::Tiff)
    } else if bytes.get(..4) == Some(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some(Container::WebP)
    } else if heif::is_heif(bytes) {
        Some(Container::Heif)
    } else if psd::is_psd(bytes) {
        Some(Container::Psd)
    } else {
        None
    }
}

/// The name of a container whose metadata we read but whose pixels this
/// app does not decode ("HEIC/HEIF", "AVIF", "PSD"), or None.
pub fn undecoded_format(bytes: &[u8]) -> Option<&'static str> {
    match sniff(bytes)? {
        Container::Heif if heif::is_avif(bytes) => Some("AVIF"),
        Container::Heif => Some("HEIC/HEIF"),
        Container::Psd => Some("PSD"),
        _ => None,
    }
}

/// The raw blocks found, before decoding.
#[derive(Debug, Default)]
struct Blocks<'a> {
    /// Photoshop image resources (without the "Photoshop 3.0" signature).
    photoshop: Vec<u8>,
    iim: Vec<&'a [u8]>,
    /// Bare IIM blocks decoded from elsewhere (a PNG's raw profile).
    iim_owned: Vec<Vec<u8>>,
    xmp: Vec<&'a [u8]>,
    tiff: Vec<&'a [u8]>,
    /// TIFF structures and XMP packets decoded or gathered from elsewhere
    /// (a PNG's raw profile, a HEIF item's extents).
    tiff_owned: Vec<Vec<u8>>,
    xmp_owned: Vec<Vec<u8>>,
}

impl Blocks<'_> {
    /// Decodes every block: IPTC first, then XMP, then EXIF.
    fn fields(self) -> Vec<MetadataField> {
        let mut fields = Vec::new();
        let mut iims: Vec<&[u8]> = self.iim;
        let mut tiff_xmp = Vec::new();
        let tiffs: Vec<exif::TiffContents<'_>> = self
            .tiff
            .iter()
            .copied()
            .chain(self.tiff_owned.iter().map(Vec::as_slice))
            .map(exif::read_tiff)
            .collect();
        for contents in &tiffs {
            iims.extend(contents.iptc);
            if let Some(resources) = contents.photoshop
                && let Some(iim) = iptc::iim_from_resources(resources)
            {
                iims.push(iim);
            }
            tiff_xmp.extend(contents.xmp);
        }
        if let Some(iim) = iptc::iim_from_resources(&self.photoshop) {
            fields.extend(iptc::read_iim(iim));
        }
        for iim in &self.iim_owned {
            fields.extend(iptc::read_iim(iim));
        }
        // A TIFF may carry IPTC twice (bare and in Photoshop resources): read one.
        if let Some(iim) = iims.first() {
            fields.extend(iptc::read_iim(iim));
        }
        let owned_xmp = self.xmp_owned.iter().map(Vec::as_slice);
        for packet in self.xmp.iter().copied().chain(owned_xmp).chain(tiff_xmp) {
            fields.extend(xmp::read_packet(packet));
        }
        for contents in tiffs {
            fields.extend(contents.fields);
        }
        fields
    }
}

impl Blocks<'_> {
    /// A PNG's raw profile, where its bytes say it belongs.
    fn add_raw_profile(&mut self, kind: Profile, profile: Vec<u8>) {
        match kind {
            Profile::Iptc => {
                let resources = profile
                    .strip_prefix(iptc::PHOTOSHOP_SIGNATURE)
                    .unwrap_or(&profile);
                if resources.starts_with(b"8BIM") {
                    self.photoshop.extend_from_slice(resources);
                } else {
                    self.iim_owned.push(profile);
                }
            }
            Profile::Exif | Profile::App1 => {
                if let Some(packet) = profile.strip_prefix(xmp::XMP_SIGNATURE) {
                    self.xmp_owned.push(packet.to_vec());
                } else {
                    let tiff = profile.strip_prefix(EXIF_SIGNATURE).unwrap_or(&profile);
                    self.tiff_owned.push(tiff.to_vec());
                }
            }
        }
    }
}

/// A Photoshop document's image resources: IPTC, XMP and EXIF.
fn psd_blocks(bytes: &[u8]) -> Blocks<'_> {
    let mut blocks = Blocks::default();
    if let Some(resources) = psd::image_resources(bytes) {
        blocks.photoshop.extend_from_slice(resources);
        blocks
            .xmp
            .extend(iptc::photoshop_resource(resources, psd::XMP_RESOURCE_ID));
        blocks
            .tiff
            .extend(iptc::photoshop_resource(resources, psd::EXIF_RESOURCE_ID));
    }
    blocks
}

/// Reads every field from a file's bytes (empty when the format is unknown).
pub fn read_fields(bytes: &[u8]) -> Vec<MetadataField> {
    let blocks = match sniff(bytes) {
        Some(Container::Jpeg) => jpeg_blocks(bytes),
        Some(Container::Png) => png_blocks(bytes),
        Some(Container::Tiff) => Blocks {
            tiff: vec![bytes],
            ..Blocks::default()
        },
        Some(Container::WebP) => webp_blocks(bytes),
        Some(Container::Heif) => {
            let items = heif::read_metadata(bytes);
            Blocks {
                tiff_owned: items.exif,
                xmp_owned: items.xmp,
                ..Blocks::default()
            }
        }
        Some(Container::Psd) => psd_blocks(bytes),
        None => Blocks::default(),
    };
    blocks.fields()
}

const EXIF_SIGNATURE: &[u8] = b"Exif\0\0";

/// The first EXIF (TIFF-structured) block of a file, if it has one: where
/// the Orientation tag is looked for.
pub fn exif_tiff(bytes: &[u8]) -> Option<&[u8]> {
    let blocks = match sniff(bytes)? {
        Container::Jpeg => jpeg_blocks(bytes),
        Container::Png => png_blocks(bytes),
        Container::Tiff => return Some(bytes),
        Container::WebP => webp_blocks(bytes),
        Container::Psd => psd_blocks(bytes),
        // No HEIC/AVIF picture is decoded, so none is turned upright.
        Container::Heif => return None,
    };
    blocks.tiff.first().copied()
}

fn jpeg_blocks(bytes: &[u8]) -> Blocks<'_> {
    let mut blocks = Blocks::default();
    let mut pos = 2usize;
    // The next marker: fill bytes, and stray bytes between segments (some
    // writers leave them), are skipped, as exiftool skips them.
    while let Some(at) = jpeg_end::next_marker(bytes, pos) {
        let Some(&marker) = bytes.get(at + 1) else {
            break;
        };
        pos = at + 2;
        // Markers without a length.
        if marker == 0x01 || (0xD0..=0xD8).contains(&marker) {
            continue;
        }
        // Start of scan or end of image: the metadata comes before.
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let Some(&[hi, lo]) = bytes.get(pos..pos + 2) else {
            break;
        };
        let length = usize::from(u16::from_be_bytes([hi, lo]));
        if length < 2 {
            break;
        }
        let Some(payload) = bytes.get(pos + 2..pos + length) else {
            break;
        };
        pos += length;
        match marker {
            0xE1 => {
                if let Some(tiff) = payload.strip_prefix(EXIF_SIGNATURE) {
                    blocks.tiff.push(tiff);
                } else if let Some(packet) = payload.strip_prefix(xmp::XMP_SIGNATURE) {
                    blocks.xmp.push(packet);
                }
            }
            0xED => {
                if let Some(resources) = payload.strip_prefix(iptc::PHOTOSHOP_SIGNATURE) {
                    blocks.photoshop.extend_from_slice(resources);
                }
            }
            _ => {}
        }
    }
    blocks
}

fn png_blocks(bytes: &[u8]) -> Blocks<'_> {
    let mut blocks = Blocks::default();
    let mut pos = 8usize;
    while let Some(header) = bytes.get(pos..pos + 8) {
        let Some((length, kind)) = header.split_first_chunk::<4>() else {
            break;
        };
        let Ok(length) = usize::try_from(u32::from_be_bytes(*length)) else {
            break;
        };
        let Some(data) = (pos + 8)
            .checked_add(length)
            .and_then(|end| bytes.get(pos + 8..end))
        else {
            break;
        };
        pos = pos + 8 + length + 4;
        match kind {
            b"eXIf" => blocks
                .tiff
                .push(data.strip_prefix(EXIF_SIGNATURE).unwrap_or(data)),
            b"iTXt" | b"tEXt" | b"zTXt" => {
                if kind == b"iTXt"
                    && let Some(packet) = png_xmp(data)
                {
                    blocks.xmp.push(packet);
                } else if let Some((profile_kind, profile)) = png_profile::raw_profile(kind, data) {
                    blocks.add_raw_profile(profile_kind, profile);
                }
            }
            b"IEND" => break,
            _ => {}
        }
    }
    blocks
}

/// The XMP packet of an uncompressed `iTXt` chunk with the XMP keyword.
fn png_xmp(data: &[u8]) -> Option<&[u8]> {
    let rest = data.strip_prefix(b"XML:com.adobe.xmp\0")?;
    let (&compressed, rest) = rest.split_first()?;
    if compressed != 0 {
        return None;
    }
    let rest = rest.get(1..)?; // compression method
    let language_end = rest.iter().position(|&b| b == 0)?;
    let rest = rest.get(language_end + 1..)?;
    let translated_end = rest.iter().position(|&b| b == 0)?;
    rest.get(translated_end + 1..)
}

fn webp_blocks(bytes: &[u8]) -> Blocks<'_> {
    let mut blocks = Blocks::default();
    let mut pos = 12usize;
    while let Some(header) = bytes.get(pos..pos + 8) {
        let Some((kind, length)) = header.split_first_chunk::<4>() else {
            break;
        };
        let Ok(length_bytes) = <[u8; 4]>::try_from(length) else {
            break;
        };
        let Ok(length) = usize::try_from(u32::from_le_bytes(length_bytes)) else {
            break;
        };
        let Some(data) = (pos + 8)
            .checked_add(length)
            .and_then(|end| bytes.get(pos + 8..end))
        else {
            break;
        };
        pos = pos + 8 + length + (length & 1);
        match kind {
            b"EXIF" => blocks
                .tiff
                .push(data.strip_prefix(EXIF_SIGNATURE).unwrap_or(data)),
            b"XMP " => blocks.xmp.push(data),
            _ => {}
        }
    }
    blocks
}

/// Inserts whole segments (marker and length included) into a JPEG right
/// after its SOI and any APP0 (JFIF) segment. `None` when `jpeg` is not a JPEG.
pub fn insert_jpeg_segments(jpeg: &[u8], segments: &[Vec<u8>]) -> Option<Vec<u8>> {
    if sniff(jpeg) != Some(Container::Jpeg) {
        return None;
    }
    let mut at = 2usize;
    if jpeg.get(2..4) == Some(&[0xFF, 0xE0]) {
        let &[hi, lo] = jpeg.get(4..6)? else {
            return None;
        };
        at = 4 + usize::from(u16::from_be_bytes([hi, lo]));
    }
    let mut out = jpeg.get(..at)?.to_vec();
    for segment in segments {
        out.extend_from_slice(segment);
    }
    out.extend_from_slice(jpeg.get(at..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::imaging::metadata::Field;

    #[test]
    fn stray_bytes_between_jpeg_segments_are_skipped() {
        let xmp = xmp::encode_app1(&xmp::encode_packet(&[(
            Field::City,
            vec!["Paris".to_string()],
        )]));
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend_from_slice(b"Exiv2");
        jpeg.extend_from_slice(&xmp);
        jpeg.extend_from_slice(&[0xFF, 0xD9]);
        let fields: Vec<(Field, String)> = read_fields(&jpeg)
            .into_iter()
            .map(|f| (f.field, f.value))
            .collect();
        assert_eq!(fields, vec![(Field::City, "Paris".to_string())]);
        // The same segments in an Exiv2 EXV file.
        let mut exv = b"\xFF\x01Exiv2".to_vec();
        exv.extend_from_slice(jpeg.get(7..).unwrap_or_default());
        assert_eq!(read_fields(&exv).len(), 1);
    }
}
