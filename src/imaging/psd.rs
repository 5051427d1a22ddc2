//! Photoshop documents (PSD, and PSB, the large-document variant): the
//! image resources section, where Photoshop keeps the IPTC block (resource
//! 0x0404), the XMP packet (0x0424) and EXIF (0x0422), as it does in a
//! JPEG's APP13. The layers and pixels after it are not read.
//!
//! The file starts with a 26-byte header (`8BPS`, version 1 or 2, ...),
//! then the colour mode data and the image resources, each behind a 32-bit
//! length that is checked against the bytes.

/// The image resource ids we read.
pub const XMP_RESOURCE_ID: u16 = 0x0424;
pub const EXIF_RESOURCE_ID: u16 = 0x0422;

const HEADER_LEN: usize = 26;

/// Whether the bytes are a Photoshop document.
pub fn is_psd(bytes: &[u8]) -> bool {
    bytes.starts_with(b"8BPS") && matches!(bytes.get(4..6), Some([0, 1] | [0, 2]))
}

fn section(bytes: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let length = u32::from_be_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?);
    let start = at + 4;
    let end = start.checked_add(usize::try_from(length).ok()?)?;
    Some((bytes.get(start..end)?, end))
}

/// The image resources section (a sequence of `8BIM` resources), when the
/// file is a PSD whose lengths hold.
pub fn image_resources(bytes: &[u8]) -> Option<&[u8]> {
    if !is_psd(bytes) {
        return None;
    }
    let (_colour_mode_data, next) = section(bytes, HEADER_LEN)?;
    section(bytes, next).map(|(resources, _)| resources)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PSD header, colour mode data and the given resources section.
    fn psd_with_resources(resources: &[u8]) -> Vec<u8> {
        let mut psd = b"8BPS\0\x01\0\0\0\0\0\0\0\x03\0\0\0\x01\0\0\0\x01\0\x08\0\x03".to_vec();
        psd.extend_from_slice(&3u32.to_be_bytes());
        psd.extend_from_slice(b"abc");
        psd.extend_from_slice(&u32::try_from(resources.len()).unwrap_or(0).to_be_bytes());
        psd.extend_from_slice(resources);
        psd.extend_from_slice(&[0; 8]); // layers and pixels, not read
        psd
    }

    #[test]
    fn the_resources_section_is_found_and_lies_are_refused() {
        let psd = psd_with_resources(b"8BIM\x04\x24\0\0\0\0\0\x02<x");
        assert_eq!(
            image_resources(&psd),
            Some(&b"8BIM\x04\x24\0\0\0\0\0\x02<x"[..])
        );
        for end in 0..psd.len() - 8 {
            assert_eq!(image_resources(psd.get(..end).unwrap_or_default()), None);
        }
        let mut lying = psd.clone();
        if let Some(b) = lying.get_mut(HEADER_LEN) {
            *b = 0xFF;
        }
        assert_eq!(image_resources(&lying), None);
        assert!(!is_psd(b"8BPS\0\x07"));
    }
}
