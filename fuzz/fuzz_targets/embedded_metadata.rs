//! The IPTC, XMP and EXIF readers on arbitrary bytes, through the image
//! containers (JPEG, PNG, TIFF, WebP, HEIF/AVIF, PSD) and directly; the
//! JPEG end check.
#![no_main]

use caption_provenance::imaging::{exif, heif, iptc, jpeg_end, metadata, psd, xmp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = metadata::read_embedded(data);
    let _ = iptc::read_iim(data);
    let _ = iptc::read_app13(data);
    let _ = xmp::read_packet(data);
    let _ = exif::read_tiff(data);
    let _ = heif::read_metadata(data);
    let _ = psd::image_resources(data);
    let _ = jpeg_end::jpeg_end(data);
});
