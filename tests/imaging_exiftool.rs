//! exiftool is the reference reader: fields written into small JPEG, PNG,
//! TIFF and WebP files by exiftool must read exactly as `exiftool -j` reads
//! them (every field it reports that we know, and nothing else), including
//! non-ASCII values. Skipped, with a message, when exiftool is not on PATH.
//!
//! One comparison is normalised: dates. We give dates in ISO 8601 form
//! (`2024-07-30`, `2024-07-30T21:15:00`), exiftool in its own
//! (`2024:07:30`, `2024:07:30 21:15:00`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use caption_provenance::imaging::metadata::{Field, Standard, read_embedded};
use image::{DynamicImage, ImageFormat, RgbImage};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// (exiftool tag as written and as read with `-G1`, our field, value or values).
struct Case {
    write: &'static str,
    read: &'static str,
    field: Field,
    values: &'static [&'static str],
}

const fn case(
    write: &'static str,
    read: &'static str,
    field: Field,
    values: &'static [&'static str],
) -> Case {
    Case {
        write,
        read,
        field,
        values,
    }
}

const IPTC: &[Case] = &[
    case(
        "IPTC:Caption-Abstract",
        "IPTC:Caption-Abstract",
        Field::Caption,
        &["Lim Jong-hoon (임종훈) takes a selfie; Müller & co."],
    ),
    case(
        "IPTC:Headline",
        "IPTC:Headline",
        Field::Headline,
        &["Podium selfie, Paris"],
    ),
    case(
        "IPTC:By-line",
        "IPTC:By-line",
        Field::Byline,
        &["임종훈", "Anna Müller"],
    ),
    case(
        "IPTC:Credit",
        "IPTC:Credit",
        Field::Credit,
        &["Agence Française"],
    ),
    case(
        "IPTC:Source",
        "IPTC:Source",
        Field::Source,
        &["Pool Müller"],
    ),
    case(
        "IPTC:CopyrightNotice",
        "IPTC:CopyrightNotice",
        Field::Copyright,
        &["© 2024 Shin Yu-bin 신유빈"],
    ),
    case(
        "IPTC:DateCreated",
        "IPTC:DateCreated",
        Field::DateCreated,
        &["2024:07:30"],
    ),
    case("IPTC:City", "IPTC:City", Field::City, &["Saint-Denis"]),
    case(
        "IPTC:Country-PrimaryLocationName",
        "IPTC:Country-PrimaryLocationName",
        Field::Country,
        &["République française"],
    ),
    case(
        "IPTC:Keywords",
        "IPTC:Keywords",
        Field::Keywords,
        &["table tennis", "탁구", "Olympics"],
    ),
];

const IPTC_LATIN1: &[Case] = &[
    case(
        "IPTC:By-line",
        "IPTC:By-line",
        Field::Byline,
        &["Anna Müller"],
    ),
    case(
        "IPTC:Caption-Abstract",
        "IPTC:Caption-Abstract",
        Field::Caption,
        &["Café crème, déjà vu"],
    ),
];

const XMP: &[Case] = &[
    case(
        "XMP-dc:Description",
        "XMP-dc:Description",
        Field::Caption,
        &["Lim Jong-hoon (임종훈) takes a selfie; Müller & <co>."],
    ),
    case(
        "XMP-dc:Title",
        "XMP-dc:Title",
        Field::Title,
        &["Podium selfie"],
    ),
    case(
        "XMP-dc:Creator",
        "XMP-dc:Creator",
        Field::Byline,
        &["임종훈", "Anna Müller"],
    ),
    case(
        "XMP-dc:Rights",
        "XMP-dc:Rights",
        Field::Copyright,
        &["© 2024 신유빈"],
    ),
    case(
        "XMP-dc:Subject",
        "XMP-dc:Subject",
        Field::Keywords,
        &["table tennis", "탁구"],
    ),
    case(
        "XMP-photoshop:Headline",
        "XMP-photoshop:Headline",
        Field::Headline,
        &["Podium selfie, Paris"],
    ),
    case(
        "XMP-photoshop:Credit",
        "XMP-photoshop:Credit",
        Field::Credit,
        &["Agence Française"],
    ),
    case(
        "XMP-photoshop:Source",
        "XMP-photoshop:Source",
        Field::Source,
        &["Pool Müller"],
    ),
    case(
        "XMP-photoshop:DateCreated",
        "XMP-photoshop:DateCreated",
        Field::DateCreated,
        &["2024:07:30"],
    ),
    case(
        "XMP-photoshop:City",
        "XMP-photoshop:City",
        Field::City,
        &["Saint-Denis"],
    ),
    case(
        "XMP-photoshop:Country",
        "XMP-photoshop:Country",
        Field::Country,
        &["France"],
    ),
    case(
        "XMP-iptcExt:PersonInImage",
        "XMP-iptcExt:PersonInImage",
        Field::PersonInImage,
        &["Lim Jong-hoon", "임종훈", "Shin Yu-bin"],
    ),
    case(
        "XMP-iptcExt:Event",
        "XMP-iptcExt:Event",
        Field::Event,
        &["Paris 2024 Olympics, mixed doubles"],
    ),
];

const EXIF: &[Case] = &[
    case(
        "EXIF:ImageDescription",
        "IFD0:ImageDescription",
        Field::Caption,
        &["Lim Jong-hoon (임종훈) takes a selfie"],
    ),
    case(
        "EXIF:Artist",
        "IFD0:Artist",
        Field::Byline,
        &["Anna Müller"],
    ),
    case(
        "EXIF:Copyright",
        "IFD0:Copyright",
        Field::Copyright,
        &["© 2024 신유빈"],
    ),
    case(
        "EXIF:DateTimeOriginal",
        "ExifIFD:DateTimeOriginal",
        Field::DateCreated,
        &["2024:07:30 21:15:00"],
    ),
    case("EXIF:Make", "IFD0:Make", Field::Make, &["Samsung"]),
    case(
        "EXIF:Model",
        "IFD0:Model",
        Field::Model,
        &["Galaxy Z Flip6"],
    ),
];

fn exiftool_available() -> bool {
    let found = Command::new("exiftool")
        .arg("-ver")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("exiftool not found, skipping");
    }
    found
}

fn base_image(
    dir: &Path,
    format: ImageFormat,
    extension: &str,
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let image = RgbImage::from_fn(32, 24, |x, y| {
        image::Rgb([(x * 8) as u8, (y * 10) as u8, 90])
    });
    let path = dir.join(format!("base.{extension}"));
    DynamicImage::ImageRgb8(image).save_with_format(&path, format)?;
    Ok(path)
}

/// exiftool's date forms in ours.
fn iso(value: &str) -> String {
    let b = value.as_bytes();
    let is_date = b.len() >= 10 && b.get(4) == Some(&b':') && b.get(7) == Some(&b':');
    if !is_date {
        return value.to_string();
    }
    let date = value.get(..10).unwrap_or(value).replace(':', "-");
    match value.get(11..) {
        Some(time) if !time.is_empty() => format!("{date}T{time}"),
        _ => date,
    }
}

fn as_strings(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::Array(items) => items.iter().flat_map(as_strings).collect(),
        serde_json::Value::String(s) => vec![iso(s)],
        other => vec![other.to_string()],
    }
}

/// Writes `cases` into a copy of `base` with exiftool, then compares what
/// exiftool reads back with what we read, for one standard.
fn compare(
    base: &Path,
    name: &str,
    standard: Standard,
    cases: &[Case],
    extra: &[&str],
) -> TestResult {
    let copy = base.with_file_name(format!(
        "{name}-{}",
        base.file_name().and_then(|n| n.to_str()).unwrap_or("x")
    ));
    std::fs::copy(base, &copy)?;
    let mut write = Command::new("exiftool");
    write.args(["-q", "-overwrite_original"]).args(extra);
    for case in cases {
        for value in case.values {
            let op = if case.values.len() > 1 { "+=" } else { "=" };
            write.arg(format!("-{}{op}{value}", case.write));
        }
    }
    let status = write.arg(&copy).status()?;
    assert!(status.success(), "exiftool could not write {name}");

    let output = Command::new("exiftool")
        .args(["-j", "-G1"])
        .arg(&copy)
        .output()?;
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let object = json.get(0).ok_or("exiftool printed no object")?;
    let mut expected: BTreeMap<Field, Vec<String>> = BTreeMap::new();
    for case in cases {
        if let Some(value) = object.get(case.read) {
            expected
                .entry(case.field)
                .or_default()
                .extend(as_strings(value));
        }
    }
    assert_eq!(
        expected.len(),
        cases.len(),
        "{name}: exiftool did not read every field back: {object}"
    );

    let ours = read_embedded(&std::fs::read(&copy)?);
    let mut actual: BTreeMap<Field, Vec<String>> = BTreeMap::new();
    for field in ours.fields.iter().filter(|f| f.standard == standard) {
        actual
            .entry(field.field)
            .or_default()
            .push(field.value.clone());
    }
    assert_eq!(actual, expected, "{name}");
    println!(
        "{}: {name}: {} fields read as exiftool reads them",
        copy.display(),
        expected.len()
    );
    Ok(())
}

fn check_container(
    format: ImageFormat,
    extension: &str,
    standards: &[(Standard, &[Case])],
) -> TestResult {
    if !exiftool_available() {
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let base = base_image(dir.path(), format, extension)?;
    for (standard, cases) in standards {
        let extra: &[&str] = if *standard == Standard::Iptc {
            &["-IPTC:CodedCharacterSet=UTF8"]
        } else {
            &[]
        };
        compare(&base, &format!("{standard:?}"), *standard, cases, extra)?;
    }
    Ok(())
}

#[test]
fn jpeg_fields_read_as_exiftool_reads_them() -> TestResult {
    check_container(
        ImageFormat::Jpeg,
        "jpg",
        &[
            (Standard::Iptc, IPTC),
            (Standard::Xmp, XMP),
            (Standard::Exif, EXIF),
        ],
    )?;
    if exiftool_available() {
        // Without 1:90 exiftool writes IPTC as Latin-1, and so we read it.
        let dir = tempfile::tempdir()?;
        let base = base_image(dir.path(), ImageFormat::Jpeg, "jpg")?;
        compare(&base, "latin1", Standard::Iptc, IPTC_LATIN1, &[])?;
    }
    Ok(())
}

#[test]
fn tiff_fields_read_as_exiftool_reads_them() -> TestResult {
    check_container(
        ImageFormat::Tiff,
        "tif",
        &[
            (Standard::Iptc, IPTC),
            (Standard::Xmp, XMP),
            (Standard::Exif, EXIF),
        ],
    )
}

/// exiftool stores IPTC in PNG as a compressed "Raw profile type iptc" text
/// chunk (see `imaging::png_profile`).
#[test]
fn png_fields_read_as_exiftool_reads_them() -> TestResult {
    check_container(
        ImageFormat::Png,
        "png",
        &[
            (Standard::Iptc, IPTC),
            (Standard::Xmp, XMP),
            (Standard::Exif, EXIF),
        ],
    )
}

#[test]
fn webp_fields_read_as_exiftool_reads_them() -> TestResult {
    check_container(
        ImageFormat::WebP,
        "webp",
        &[(Standard::Xmp, XMP), (Standard::Exif, EXIF)],
    )
}
