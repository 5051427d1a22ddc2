//! Embedded metadata of the stand-in images and of hand-built containers.

mod png_fixture;

use png_fixture::png_chunk;
use std::path::Path;

use caption_provenance::imaging::container::insert_jpeg_segments;
use caption_provenance::imaging::iptc::{IptcEntry, dataset, encode_app13};
use caption_provenance::imaging::metadata::{
    Field, MetadataField, Standard, internal_conflicts, read_embedded,
};
use caption_provenance::imaging::xmp::{encode_app1, encode_packet};

const IMAGES: &str = "captions/paris-2024-table-tennis-selfie/images";

const CAPTION: &str = "Stand-in image for the caption-provenance sample. Table tennis mixed doubles \
medal ceremony, Paris 2024 Olympics, South Paris Arena, 30 July 2024: gold medallists Wang Chuqin \
and Sun Yingsha (China), silver medallists Ri Jong Sik and Kim Kum Yong (North Korea) and bronze \
medallists Lim Jong-hoon and Shin Yu-bin (South Korea) pose for a selfie taken by Lim on a Samsung \
phone.";
const HEADLINE: &str = "Stand-in: table tennis medallists take a podium selfie";

fn field(field: Field, standard: Standard, value: &str) -> MetadataField {
    MetadataField::new(field, standard, value)
}

fn read(name: &str) -> std::io::Result<Vec<u8>> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(IMAGES)
            .join(name),
    )
}

#[test]
fn the_agency_stand_in_carries_an_honest_iptc_and_xmp_caption() -> std::io::Result<()> {
    let metadata = read_embedded(&read("selfie-agency.jpg")?);
    assert_eq!(
        metadata.fields,
        vec![
            field(Field::Headline, Standard::Iptc, HEADLINE),
            field(Field::Caption, Standard::Iptc, CAPTION),
            field(Field::Credit, Standard::Iptc, "caption-provenance stand-in"),
            field(Field::DateCreated, Standard::Iptc, "2024-07-30"),
            field(Field::City, Standard::Iptc, "Paris"),
            field(Field::Country, Standard::Iptc, "France"),
            field(Field::Headline, Standard::Xmp, HEADLINE),
            field(Field::Caption, Standard::Xmp, CAPTION),
            field(Field::Credit, Standard::Xmp, "caption-provenance stand-in"),
            field(Field::DateCreated, Standard::Xmp, "2024-07-30"),
            field(Field::City, Standard::Xmp, "Paris"),
            field(Field::Country, Standard::Xmp, "France"),
        ]
    );
    assert_eq!(metadata.get(Field::Caption), Some(CAPTION));
    assert_eq!(internal_conflicts(&metadata), vec![]);
    Ok(())
}

#[test]
fn the_other_stand_ins_carry_no_metadata() -> std::io::Result<()> {
    for name in [
        "selfie-1600.jpg",
        "selfie-800.jpg",
        "selfie-400.png",
        "selfie-crop.jpg",
        "selfie-q30.jpg",
        "selfie-captionbar.jpg",
        "ceremony-wide.jpg",
    ] {
        assert_eq!(read_embedded(&read(name)?).fields, vec![], "{name}");
    }
    Ok(())
}

#[test]
fn iptc_and_xmp_that_disagree_are_an_internal_conflict() -> std::io::Result<()> {
    let plain = read("selfie-800.jpg")?;
    let iptc = encode_app13(&[
        IptcEntry::new(dataset::CREDIT, "AFP"),
        IptcEntry::new(dataset::CITY, "Paris"),
    ]);
    let xmp = encode_app1(&encode_packet(&[
        (Field::Credit, vec!["Getty Images".to_string()]),
        (Field::City, vec!["Paris".to_string()]),
    ]));
    let jpeg = insert_jpeg_segments(&plain, &[iptc, xmp]).unwrap_or_default();
    let metadata = read_embedded(&jpeg);
    assert_eq!(
        internal_conflicts(&metadata),
        vec![(
            Field::Credit,
            vec![
                field(Field::Credit, Standard::Iptc, "AFP"),
                field(Field::Credit, Standard::Xmp, "Getty Images"),
            ]
        )]
    );
    Ok(())
}

/// A little-endian TIFF with one ASCII ImageDescription.
fn tiff_with_description(text: &str) -> Vec<u8> {
    let mut value = text.as_bytes().to_vec();
    value.push(0);
    let mut tiff = b"II*\0\x08\0\0\0\x01\0".to_vec();
    tiff.extend_from_slice(&0x010Eu16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&u32::try_from(value.len()).unwrap_or(0).to_le_bytes());
    tiff.extend_from_slice(&26u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&value);
    tiff
}

#[test]
fn png_and_webp_containers_are_walked() {
    let packet = encode_packet(&[(Field::Byline, vec!["임종훈".to_string()])]);
    let mut itxt = b"XML:com.adobe.xmp\0\0\0\0\0".to_vec();
    itxt.extend_from_slice(packet.as_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut png, b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    png_chunk(&mut png, b"iTXt", &itxt);
    png_chunk(
        &mut png,
        b"eXIf",
        &tiff_with_description("Müller's caption"),
    );
    png_chunk(&mut png, b"IEND", &[]);
    assert_eq!(
        read_embedded(&png).fields,
        vec![
            field(Field::Byline, Standard::Xmp, "임종훈"),
            field(Field::Caption, Standard::Exif, "Müller's caption"),
        ]
    );

    let mut chunks = Vec::new();
    for (kind, data) in [
        (&b"VP8L"[..], vec![0u8; 5]),
        (b"EXIF", tiff_with_description("A caption")),
        (b"XMP ", packet.into_bytes()),
    ] {
        chunks.extend_from_slice(kind);
        chunks.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_le_bytes());
        chunks.extend_from_slice(&data);
        if data.len() % 2 == 1 {
            chunks.push(0);
        }
    }
    let mut webp = b"RIFF".to_vec();
    webp.extend_from_slice(&u32::try_from(chunks.len() + 4).unwrap_or(0).to_le_bytes());
    webp.extend_from_slice(b"WEBP");
    webp.extend_from_slice(&chunks);
    assert_eq!(
        read_embedded(&webp).fields,
        vec![
            field(Field::Byline, Standard::Xmp, "임종훈"),
            field(Field::Caption, Standard::Exif, "A caption"),
        ]
    );
    // Every truncation, and a chunk that claims 4 GiB.
    for end in 0..webp.len() {
        let _ = read_embedded(webp.get(..end).unwrap_or_default());
    }
    let mut liar = webp.get(..12).unwrap_or_default().to_vec();
    liar.extend_from_slice(b"XMP \xFF\xFF\xFF\xFFabc");
    assert_eq!(read_embedded(&liar).fields, vec![]);
}

#[test]
fn truncated_jpeg_metadata_never_panics() -> std::io::Result<()> {
    let jpeg = read("selfie-agency.jpg")?;
    let header_end = jpeg.len().min(4096);
    for end in 0..header_end {
        let _ = read_embedded(jpeg.get(..end).unwrap_or_default());
    }
    Ok(())
}

/// A file whose IPTC and XMP disagree gives a variant per standard, and the
/// analysis finds the disagreement as a conflict "within one file".
#[test]
fn a_file_that_disagrees_with_itself_is_a_conflict_in_the_analysis()
-> Result<(), Box<dyn std::error::Error>> {
    use caption_provenance::analysis::{ConflictScope, analyze};
    use caption_provenance::corpus::load::load_folder;

    let plain = read("selfie-800.jpg")?;
    let iptc = encode_app13(&[
        IptcEntry::new(
            dataset::CAPTION,
            "Lim Jong-hoon, bronze medallist, takes a selfie.",
        ),
        IptcEntry::new(dataset::CREDIT, "AFP"),
    ]);
    let xmp = encode_app1(&encode_packet(&[
        (
            Field::Caption,
            vec!["Lim Jong-hoon, silver medallist, takes a selfie.".to_string()],
        ),
        (Field::Credit, vec!["AFP".to_string()]),
    ]));
    let jpeg = insert_jpeg_segments(&plain, &[iptc, xmp]).ok_or("not a JPEG")?;
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("agency.jpg"), jpeg)?;
    let corpus = load_folder(
        dir.path(),
        &|_| {},
        &std::sync::atomic::AtomicBool::new(false),
    )?;
    let photo = corpus.photos.first().ok_or("no photo")?;
    let outlets: Vec<&str> = photo.variants.iter().map(|v| v.label()).collect();
    assert_eq!(
        outlets,
        vec![
            "Embedded in agency.jpg (IPTC)",
            "Embedded in agency.jpg (XMP)"
        ]
    );
    let analysis = analyze(&corpus);
    let conflicts: Vec<(&str, &[ConflictScope])> = analysis
        .photos
        .first()
        .ok_or("no analysis")?
        .conflicts
        .iter()
        .map(|c| (c.key.as_str(), c.scopes.as_slice()))
        .collect();
    // The credits agree; the medals do not.
    assert_eq!(
        conflicts,
        vec![(
            "Lim Jong-hoon/medal",
            &[ConflictScope::BetweenVariants, ConflictScope::WithinFile][..]
        )]
    );
    Ok(())
}
