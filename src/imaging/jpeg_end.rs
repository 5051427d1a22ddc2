//! Whether a JPEG's data ends properly: the marker segments walked by their
//! lengths, each scan's entropy-coded data walked byte by byte (stuffed
//! `FF 00` and restart markers are part of it; any other marker ends it),
//! until the end-of-image marker (`FF D9`) that follows the last scan.
//!
//! This tells a file cut short (in a segment, or in the scan data: the
//! decoder would grey out the rest without a word) from a complete one
//! with bytes after its end (camera trailers, a second picture of an MPF
//! file, padding), which is fine. The marker is looked for where the
//! structure puts it, not anywhere in the last bytes: a thumbnail's own
//! end-of-image marker inside an EXIF segment does not count.

/// Why a JPEG's data does not end properly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JpegEnd {
    /// The end-of-image marker ends the data at this offset (bytes after
    /// it, if any, are not the picture's).
    Complete(usize),
    /// The file ends inside a marker segment.
    CutInSegment,
    /// The file ends inside a scan's entropy-coded data.
    CutInScan,
    /// The file ends between segments, before any end-of-image marker.
    NoEndMarker,
}

impl JpegEnd {
    /// A sentence for the user, or None when complete.
    pub fn problem(self) -> Option<&'static str> {
        match self {
            JpegEnd::Complete(_) => None,
            JpegEnd::CutInSegment => Some("the file ends inside a marker segment"),
            JpegEnd::CutInScan => Some("the compressed picture data stops before its end"),
            JpegEnd::NoEndMarker => Some("the JPEG has no end-of-image marker"),
        }
    }
}

const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;

/// Walks `bytes` (a JPEG, starting with `FF D8`) to its end-of-image marker.
pub fn jpeg_end(bytes: &[u8]) -> JpegEnd {
    let mut pos = 2usize;
    loop {
        // Find the next marker: `FF` then a byte that is neither `00` nor
        // `FF`; stray bytes between segments are skipped, as decoders do.
        let Some(found) = next_marker(bytes, pos) else {
            return JpegEnd::NoEndMarker;
        };
        let Some(&marker) = bytes.get(found + 1) else {
            return JpegEnd::NoEndMarker;
        };
        pos = found + 2;
        match marker {
            EOI => return JpegEnd::Complete(pos),
            0x01 | 0xD0..=0xD8 => continue,
            _ => {}
        }
        let Some(&[hi, lo]) = bytes.get(pos..pos + 2) else {
            return JpegEnd::CutInSegment;
        };
        let length = usize::from(u16::from_be_bytes([hi, lo]));
        if bytes.len() < pos + length {
            return JpegEnd::CutInSegment;
        }
        pos += length.max(2);
        if marker == SOS {
            match scan_end(bytes, pos) {
                Some(end) => pos = end,
                None => return JpegEnd::CutInScan,
            }
        }
    }
}

/// The offset of the next `FF xx` marker at or after `pos` (xx not 00/FF).
pub(crate) fn next_marker(bytes: &[u8], mut pos: usize) -> Option<usize> {
    loop {
        let rest = bytes.get(pos..)?;
        let at = pos + rest.iter().position(|&b| b == 0xFF)?;
        match bytes.get(at + 1) {
            None => return None,
            Some(0x00 | 0xFF) => pos = at + 1,
            Some(_) => return Some(at),
        }
    }
}

/// The offset of the marker that ends entropy-coded data starting at
/// `pos`: the first `FF xx` that is not stuffing (`FF 00`), fill (`FF FF`)
/// or a restart marker (`FF D0`..`FF D7`). None when the data runs to the
/// end of the file.
fn scan_end(bytes: &[u8], mut pos: usize) -> Option<usize> {
    loop {
        let at = next_marker(bytes, pos)?;
        match bytes.get(at + 1) {
            Some(0xD0..=0xD7) => pos = at + 2,
            _ => return Some(at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A baseline JPEG with an EXIF segment holding a thumbnail's end marker.
    fn jpeg() -> Vec<u8> {
        let image = image::RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([(x * 4) as u8, (y * 5) as u8, ((x * y) % 251) as u8])
        });
        let mut out = Vec::new();
        let _ = image.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut out, 90,
        ));
        let mut app1 = vec![0xFF, 0xE1, 0, 12];
        app1.extend_from_slice(b"Exif\0\0\xFF\xD8\xFF\xD9");
        let mut with_exif = out.get(..2).unwrap_or_default().to_vec();
        with_exif.extend(app1);
        with_exif.extend_from_slice(out.get(2..).unwrap_or_default());
        with_exif
    }

    #[test]
    fn complete_files_end_at_their_marker_whatever_follows() {
        let jpeg = jpeg();
        assert_eq!(jpeg_end(&jpeg), JpegEnd::Complete(jpeg.len()));
        let mut trailer = jpeg.clone();
        trailer.extend(std::iter::repeat_n(0xAB, 200_000));
        trailer.extend_from_slice(b"SEFHSEFT");
        assert_eq!(jpeg_end(&trailer), JpegEnd::Complete(jpeg.len()));
    }

    #[test]
    fn cut_files_say_where_they_were_cut() {
        let jpeg = jpeg();
        let half = jpeg.get(..jpeg.len() / 2).unwrap_or_default();
        assert_eq!(jpeg_end(half), JpegEnd::CutInScan);
        assert_eq!(
            jpeg_end(jpeg.get(..8).unwrap_or_default()),
            JpegEnd::CutInSegment
        );
        // Cut just before the end marker, or in it.
        assert_eq!(
            jpeg_end(jpeg.get(..jpeg.len() - 2).unwrap_or_default()),
            JpegEnd::CutInScan
        );
        assert_eq!(
            jpeg_end(jpeg.get(..jpeg.len() - 1).unwrap_or_default()),
            JpegEnd::CutInScan
        );
        // Every cut is called truncated.
        for end in 0..jpeg.len() {
            let cut = jpeg.get(..end).unwrap_or_default();
            assert!(jpeg_end(cut).problem().is_some(), "cut at {end}");
        }
    }

    #[test]
    fn restart_markers_and_stuffing_stay_in_the_scan() {
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xDA, 0, 2];
        jpeg.extend_from_slice(&[1, 0xFF, 0x00, 2, 0xFF, 0xD3, 3, 0xFF, 0xFF, 0xD9]);
        assert_eq!(jpeg_end(&jpeg), JpegEnd::Complete(jpeg.len()));
        let cut = jpeg.get(..jpeg.len() - 4).unwrap_or_default();
        assert_eq!(jpeg_end(cut), JpegEnd::CutInScan);
    }
}
