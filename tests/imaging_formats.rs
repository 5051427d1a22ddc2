//! Image formats beyond the plain JPEG (issue 16, item 2), on files made at
//! test time: a HEIC whose caption is in its Exif item, a Photoshop
//! document with IPTC, image files of formats not read (listed, never
//! passed over), 16-bit and grey+alpha previews, JPEGs with trailing bytes
//! and JPEGs cut short.

mod folder_fixture;

use std::path::PathBuf;

use caption_provenance::corpus::{ProblemKind, ProblemSeverity};
use caption_provenance::imaging::evidence::examine_images;
use caption_provenance::imaging::metadata::{Field, Standard, read_embedded};
use caption_provenance::imaging::preview::{DecodeLimits, PreviewError, thumbnail_from_bytes};
use folder_fixture::{load, write};
use image::{DynamicImage, ImageBuffer, ImageFormat, Luma, LumaA, Rgb};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A big-endian TIFF structure with one IFD0 entry: ImageDescription.
fn tiff_with_description(description: &str) -> Vec<u8> {
    let mut text = description.as_bytes().to_vec();
    text.push(0);
    let mut tiff = b"MM\0*\0\0\0\x08\0\x01\x01\x0E\0\x02".to_vec();
    tiff.extend_from_slice(&u32::try_from(text.len()).unwrap_or(0).to_be_bytes());
    tiff.extend_from_slice(&26u32.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(&text);
    tiff
}

fn iso_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(body.len() + 8)
        .unwrap_or(0)
        .to_be_bytes()
        .to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(body);
    out
}

/// A minimal HEIC: `ftyp`, and a `meta` box whose one item is `Exif`,
/// stored in `idat` (no picture item: nothing could decode it anyway).
fn minimal_heic(tiff: &[u8]) -> Vec<u8> {
    let mut exif_item = 6u32.to_be_bytes().to_vec();
    exif_item.extend_from_slice(b"Exif\0\0");
    exif_item.extend_from_slice(tiff);
    let mut infe = vec![2, 0, 0, 0, 0, 1, 0, 0];
    infe.extend_from_slice(b"Exif\0");
    let mut iinf = vec![0, 0, 0, 0, 0, 1];
    iinf.extend(iso_box(b"infe", &infe));
    // iloc version 1: 4-byte offsets and lengths, item 1 in idat (method 1).
    let mut iloc = vec![1, 0, 0, 0, 0x44, 0x00, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1];
    iloc.extend_from_slice(&0u32.to_be_bytes());
    iloc.extend_from_slice(&u32::try_from(exif_item.len()).unwrap_or(0).to_be_bytes());
    let mut meta = vec![0, 0, 0, 0];
    meta.extend(iso_box(b"iinf", &iinf));
    meta.extend(iso_box(b"iloc", &iloc));
    meta.extend(iso_box(b"idat", &exif_item));
    let mut file = iso_box(b"ftyp", b"heic\0\0\0\0mif1heic");
    file.extend(iso_box(b"meta", &meta));
    file
}

/// A PSD (header, empty colour mode data) whose image resources hold an
/// IPTC block with a caption and a credit, the second NUL-padded.
fn minimal_psd() -> Vec<u8> {
    let mut iim = b"\x1C\x02\x78\0\x0BA caption.\0".to_vec();
    iim.extend_from_slice(b"\x1C\x02\x6E\0\x08AFP\0\0\0\0\0");
    let mut resources = b"8BIM\x04\x04\0\0".to_vec();
    resources.extend_from_slice(&u32::try_from(iim.len()).unwrap_or(0).to_be_bytes());
    resources.extend_from_slice(&iim);
    let mut psd = b"8BPS\0\x01\0\0\0\0\0\0\0\x03\0\0\0\x01\0\0\0\x01\0\x08\0\x03".to_vec();
    psd.extend_from_slice(&[0, 0, 0, 0]);
    psd.extend_from_slice(&u32::try_from(resources.len()).unwrap_or(0).to_be_bytes());
    psd.extend_from_slice(&resources);
    psd.extend_from_slice(&[0; 16]);
    psd
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x * 3) as u8, (y * 5) as u8, ((x + y) % 200) as u8])
    });
    let mut out = Vec::new();
    let _ = image.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
        &mut out, 90,
    ));
    out
}

fn encoded(image: DynamicImage, format: ImageFormat) -> Result<Vec<u8>, image::ImageError> {
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, format)?;
    Ok(out.into_inner())
}

#[test]
fn heic_and_psd_captions_are_read_and_say_there_is_no_preview() -> TestResult {
    let heic = minimal_heic(&tiff_with_description("Lim Jong-hoon takes a selfie"));
    let fields: Vec<(Field, Standard, String)> = read_embedded(&heic)
        .fields
        .into_iter()
        .map(|f| (f.field, f.standard, f.value))
        .collect();
    assert_eq!(
        fields,
        vec![(
            Field::Caption,
            Standard::Exif,
            "Lim Jong-hoon takes a selfie".to_string()
        )]
    );

    let dir = tempfile::tempdir()?;
    write(dir.path(), "photo/selfie.heic", &heic)?;
    write(dir.path(), "photo/layers.psd", &minimal_psd())?;
    let corpus = load(dir.path())?;
    assert_eq!(corpus.problems, vec![]);
    let captions: Vec<(&str, &str, Option<&str>)> = corpus
        .photos
        .iter()
        .flat_map(|p| &p.variants)
        .map(|v| {
            (
                v.source.outlet.as_str(),
                v.caption.as_str(),
                v.source.credit.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        captions,
        vec![
            ("Embedded in layers.psd", "A caption.", Some("AFP")),
            (
                "Embedded in selfie.heic",
                "Lim Jong-hoon takes a selfie",
                None
            ),
        ]
    );

    let images = [
        PathBuf::from("photo/selfie.heic"),
        PathBuf::from("photo/layers.psd"),
    ];
    let evidence = examine_images(dir.path(), &images);
    let problems: Vec<(String, ProblemKind, ProblemSeverity, String)> = evidence
        .problems()
        .into_iter()
        .map(|p| (p.path.display().to_string(), p.kind, p.severity, p.reason))
        .collect();
    let no_preview = |format: &str| {
        format!(
            "unsupported image format: no preview: this app does not decode {format} pictures (the embedded caption and credit are read)"
        )
    };
    assert_eq!(
        problems,
        vec![
            (
                "photo/selfie.heic".to_string(),
                ProblemKind::UnsupportedImage,
                ProblemSeverity::Warning,
                no_preview("HEIC/HEIF")
            ),
            (
                "photo/layers.psd".to_string(),
                ProblemKind::UnsupportedImage,
                ProblemSeverity::Warning,
                no_preview("PSD")
            ),
        ]
    );
    let formats: Vec<Option<&str>> = evidence
        .images
        .iter()
        .map(|i| i.format.as_deref())
        .collect();
    assert_eq!(formats, vec![Some("HEIC/HEIF"), Some("PSD")]);
    Ok(())
}

#[test]
fn image_files_of_formats_not_read_are_listed_not_skipped() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "photo/caption.txt", b"A caption.")?;
    write(dir.path(), "photo/animated.GIF", b"GIF89a")?;
    write(dir.path(), "photo/images/IMG_0001.CR2", b"II*\0")?;
    write(dir.path(), "photo/notes.md", b"not an image: passed over")?;
    let corpus = load(dir.path())?;
    let problems: Vec<(String, ProblemKind, ProblemSeverity, String)> = corpus
        .problems
        .iter()
        .map(|p| {
            (
                p.path.display().to_string(),
                p.kind,
                p.severity,
                p.reason.clone(),
            )
        })
        .collect();
    let reason = |format: &str| {
        format!(
            "not read: {format} images are not supported (their embedded captions are read from JPEG, PNG, TIFF, WebP, HEIC/HEIF, AVIF and PSD files)"
        )
    };
    assert_eq!(
        problems,
        vec![
            (
                "photo/animated.GIF".to_string(),
                ProblemKind::UnsupportedImage,
                ProblemSeverity::Error,
                reason("GIF")
            ),
            (
                "photo/images/IMG_0001.CR2".to_string(),
                ProblemKind::UnsupportedImage,
                ProblemSeverity::Error,
                reason("camera raw")
            ),
        ]
    );
    assert_eq!(corpus.photos.len(), 1);
    Ok(())
}

#[test]
fn sixteen_bit_and_grey_alpha_previews_keep_their_values() -> TestResult {
    // Every 16-bit value v becomes round(v / 257): white stays white, not
    // black, and mid-grey is 128.
    let white = ImageBuffer::from_pixel(8, 8, Rgb([u16::MAX; 3]));
    let grey = ImageBuffer::from_pixel(8, 8, Luma([0x8080u16]));
    let grey_alpha = ImageBuffer::from_pixel(8, 8, LumaA([0x4000u16, 0xFFFF]));
    let grey_alpha8 = ImageBuffer::from_pixel(8, 8, LumaA([200u8, 100]));
    let cases: Vec<(&str, Vec<u8>, [u8; 4])> = vec![
        (
            "16-bit RGB TIFF",
            encoded(DynamicImage::ImageRgb16(white.clone()), ImageFormat::Tiff)?,
            [255, 255, 255, 255],
        ),
        (
            "16-bit RGB PNG",
            encoded(DynamicImage::ImageRgb16(white), ImageFormat::Png)?,
            [255, 255, 255, 255],
        ),
        (
            "16-bit grey TIFF",
            encoded(DynamicImage::ImageLuma16(grey.clone()), ImageFormat::Tiff)?,
            [128, 128, 128, 255],
        ),
        (
            "16-bit grey PNG",
            encoded(DynamicImage::ImageLuma16(grey), ImageFormat::Png)?,
            [128, 128, 128, 255],
        ),
        (
            "16-bit grey+alpha PNG",
            encoded(DynamicImage::ImageLumaA16(grey_alpha), ImageFormat::Png)?,
            [64, 64, 64, 255],
        ),
        (
            "8-bit grey+alpha PNG",
            encoded(DynamicImage::ImageLumaA8(grey_alpha8), ImageFormat::Png)?,
            [200, 200, 200, 100],
        ),
    ];
    for (name, bytes, pixel) in cases {
        let thumbnail = thumbnail_from_bytes(&bytes, 4, DecodeLimits::default())?;
        assert_eq!((thumbnail.width, thumbnail.height), (4, 4), "{name}");
        let pixels: Vec<&[u8]> = thumbnail.rgba.chunks_exact(4).collect();
        assert_eq!(pixels, vec![&pixel[..]; 16], "{name}");
    }
    Ok(())
}

/// A little-endian, uncompressed 4x4 TIFF: `samples` samples per pixel of
/// `bits` bits in `format` (1 unsigned, 2 signed, 3 float), `extra`
/// samples (2: unassociated alpha), every sample `sample` (its bytes).
fn tiff_of(bits: u16, samples: u16, format: u16, extra: bool, sample: &[u8]) -> Vec<u8> {
    let data: Vec<u8> = sample.repeat(16 * usize::from(samples));
    let mut entries: Vec<(u16, u16, u32)> = vec![
        (256, 3, 4),
        (257, 3, 4),
        (258, 3, u32::from(bits)),
        (259, 3, 1),
        (262, 3, if samples >= 3 { 2 } else { 1 }),
        (273, 4, 0), // strip offset, set below
        (277, 3, u32::from(samples)),
        (278, 3, 4),
        (279, 4, u32::try_from(data.len()).unwrap_or(0)),
        (339, 3, u32::from(format)),
    ];
    if extra {
        entries.push((338, 3, 2));
    }
    let data_offset = 8 + 2 + 12 * entries.len() + 4;
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    tiff.extend_from_slice(&u16::try_from(entries.len()).unwrap_or(0).to_le_bytes());
    for (tag, kind, value) in entries {
        let value = if tag == 273 {
            u32::try_from(data_offset).unwrap_or(0)
        } else {
            value
        };
        tiff.extend_from_slice(&tag.to_le_bytes());
        tiff.extend_from_slice(&kind.to_le_bytes());
        tiff.extend_from_slice(&1u32.to_le_bytes());
        if kind == 3 {
            tiff.extend_from_slice(&u16::try_from(value).unwrap_or(0).to_le_bytes());
            tiff.extend_from_slice(&[0, 0]);
        } else {
            tiff.extend_from_slice(&value.to_le_bytes());
        }
    }
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(&data);
    tiff
}

#[test]
fn tiff_colour_types_the_decoder_refuses_still_preview() -> TestResult {
    let cases: Vec<(&str, Vec<u8>, [u8; 4])> = vec![
        (
            "16-bit grey + alpha",
            tiff_of(16, 2, 1, true, &0x8080u16.to_le_bytes()),
            [128, 128, 128, 128],
        ),
        (
            "8-bit grey + alpha",
            tiff_of(8, 2, 1, true, &[200]),
            [200, 200, 200, 200],
        ),
        (
            "32-bit float grey",
            tiff_of(32, 1, 3, false, &0.5f32.to_le_bytes()),
            [128, 128, 128, 255],
        ),
        (
            "32-bit unsigned grey",
            tiff_of(32, 1, 1, false, &u32::MAX.to_le_bytes()),
            [255, 255, 255, 255],
        ),
        (
            "16-bit signed RGB",
            tiff_of(16, 3, 2, false, &i16::MAX.to_le_bytes()),
            [255, 255, 255, 255],
        ),
    ];
    for (name, bytes, pixel) in cases {
        let thumbnail = thumbnail_from_bytes(&bytes, 4, DecodeLimits::default())
            .map_err(|e| format!("{name}: {e}"))?;
        assert_eq!(thumbnail.format, ImageFormat::Tiff, "{name}");
        let pixels: Vec<&[u8]> = thumbnail.rgba.chunks_exact(4).collect();
        assert_eq!(pixels, vec![&pixel[..]; 16], "{name}");
    }
    Ok(())
}

#[test]
fn trailing_bytes_are_fine_and_a_cut_jpeg_is_truncated() -> TestResult {
    let jpeg = jpeg(96, 64);
    // A camera trailer longer than any tail a search for the end marker
    // would look at, ending in bytes that are not a marker.
    let mut trailer = jpeg.clone();
    trailer.extend(std::iter::repeat_n(0x5A, 300_000));
    let thumbnail = thumbnail_from_bytes(&trailer, 48, DecodeLimits::default())?;
    assert_eq!(
        (thumbnail.width, thumbnail.height, thumbnail.source_width),
        (48, 32, 96)
    );

    // A thumbnail's end marker in an EXIF segment does not make a file cut
    // in half whole.
    let mut with_thumbnail = jpeg.get(..2).unwrap_or_default().to_vec();
    with_thumbnail.extend_from_slice(b"\xFF\xE1\0\x0CExif\0\0\xFF\xD8\xFF\xD9");
    with_thumbnail.extend_from_slice(jpeg.get(2..).unwrap_or_default());
    let half = with_thumbnail
        .get(..with_thumbnail.len() / 2)
        .unwrap_or_default();
    assert_eq!(
        thumbnail_from_bytes(half, 48, DecodeLimits::default()),
        Err(PreviewError::Truncated(
            "the compressed picture data stops before its end".to_string()
        ))
    );
    Ok(())
}
