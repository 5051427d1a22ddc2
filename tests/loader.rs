//! The loader on the bundled captions and on small fixtures of every format.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use caption_provenance::corpus::load::load_folder;
use caption_provenance::corpus::{Corpus, Medal, SourceFormat, Variant};
use chrono::NaiveDate;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn load(root: &Path) -> Result<Corpus, Box<dyn std::error::Error>> {
    let cancel = AtomicBool::new(false);
    Ok(load_folder(root, &|_| {}, &cancel)?)
}

fn date(text: &str) -> Result<NaiveDate, chrono::ParseError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
}

fn variant<'a>(corpus: &'a Corpus, id: &str) -> Result<&'a Variant, String> {
    corpus
        .photos
        .iter()
        .flat_map(|photo| &photo.variants)
        .find(|variant| variant.id == id)
        .ok_or_else(|| format!("no variant {id}"))
}

#[test]
fn bundled_captions() -> TestResult {
    let corpus = load(Path::new("captions"))?;
    assert_eq!(corpus.problems, vec![]);
    assert_eq!(corpus.photos.len(), 1);
    let photo = &corpus.photos[0];
    assert_eq!(photo.id, "paris-2024-table-tennis-selfie");
    assert_eq!(
        photo.title,
        "Paris 2024: North and South Korean table-tennis medallists take a podium selfie"
    );
    // Stand-in images may add embedded-caption variants: look at the caption files only.
    let caption_files: Vec<(&str, SourceFormat)> = photo
        .variants
        .iter()
        .filter(|v| v.source.format != SourceFormat::EmbeddedImage)
        .map(|v| (v.source.outlet.as_str(), v.source.format))
        .collect();
    assert_eq!(
        caption_files,
        vec![
            ("Unnamed outlet 000", SourceFormat::Text),
            ("Unnamed outlet 001", SourceFormat::Json),
            ("The Sun", SourceFormat::Html),
            ("Sportstar", SourceFormat::Text),
            ("Unnamed outlet 004", SourceFormat::Toml),
        ]
    );
    let sportstar = variant(&corpus, "paris-2024-table-tennis-selfie/003-sportstar.txt")?;
    let published = sportstar.source.published.as_ref().ok_or("no date")?;
    assert_eq!(published.date, date("2024-07-31")?);
    let time = published.time.ok_or("no time")?;
    assert_eq!(time.to_rfc3339(), "2024-07-31T12:45:00+05:30");
    assert_eq!(sportstar.source.credit.as_deref(), Some("AFP"));
    let reference = photo.reference.as_ref().ok_or("no reference")?;
    let people: Vec<(&str, Option<Medal>)> = reference
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.medal))
        .collect();
    assert_eq!(
        people,
        vec![
            ("Wang Chuqin", Some(Medal::Gold)),
            ("Sun Yingsha", Some(Medal::Gold)),
            ("Ri Jong Sik", Some(Medal::Silver)),
            ("Kim Kum Yong", Some(Medal::Silver)),
            ("Lim Jong-hoon", Some(Medal::Bronze)),
            ("Shin Yu-bin", Some(Medal::Bronze)),
        ]
    );
    let sun = variant(&corpus, "paris-2024-table-tennis-selfie/002-the-sun.html")?;
    assert_eq!(
        sun.caption.as_str(),
        "North and South Korean athletes have taken an incredible selfie together despite a ‘surging hatred’ between the two nations"
    );
    assert_eq!(
        sun.article.as_ref().map(|a| a.as_str().lines().count()),
        Some(7)
    );
    let inputs: Vec<&Path> = corpus.inputs.iter().map(|i| i.path.as_path()).collect();
    assert!(inputs.contains(&Path::new("paris-2024-table-tennis-selfie/photo.toml")));
    Ok(())
}

#[test]
fn every_format_on_fixtures() -> TestResult {
    let corpus = load(Path::new("tests/fixtures/loader/formats"))?;
    assert_eq!(corpus.problems, vec![]);
    assert_eq!(
        corpus.vocabulary_files,
        vec![PathBuf::from("vocabulary.toml")]
    );
    assert_eq!(corpus.photos.len(), 1);
    let photo = &corpus.photos[0];
    assert_eq!(photo.id, "photo-a");
    assert_eq!(photo.title, "Fixture photo");
    assert_eq!(
        photo.images,
        vec![PathBuf::from("photo-a/images/selfie.jpg")]
    );
    let reference = photo.reference.as_ref().ok_or("no reference")?;
    assert_eq!(reference.place.as_deref(), Some("South Paris Arena"));
    assert_eq!(reference.date, Some(date("2024-07-30")?));

    let ids: Vec<&str> = photo.variants.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "photo-a/1-text.txt",
            "photo-a/2-table.toml",
            "photo-a/3-object.json",
            "photo-a/4-page.html"
        ]
    );

    let text = variant(&corpus, "photo-a/1-text.txt")?;
    assert_eq!(text.source.outlet, "The Daily Example");
    assert_eq!(
        text.source.url.as_deref(),
        Some("https://example.com/selfie")
    );
    let published = text.source.published.as_ref().ok_or("no date")?;
    assert_eq!(
        (published.raw.as_str(), published.date, published.time),
        ("Jul 31, 2024", date("2024-07-31")?, None)
    );
    assert_eq!(text.source.credit.as_deref(), Some("AFP"));
    assert_eq!(text.source.photographer.as_deref(), Some("Jane Roe"));
    assert_eq!(
        text.source.image,
        Some(PathBuf::from("photo-a/images/selfie.jpg"))
    );
    assert_eq!(text.source.file, PathBuf::from("photo-a/1-text.txt"));
    assert_eq!(text.source.encoding, "UTF-8");
    assert_eq!(
        text.headline.as_ref().map(|h| h.as_str()),
        Some("Podium selfie")
    );
    assert_eq!(
        text.caption.as_str(),
        "Lim Jong-hoon takes a selfie on the podium."
    );
    assert_eq!(
        text.article.as_ref().map(|a| a.as_str()),
        Some("First sentence.\nSecond sentence.")
    );

    let toml = variant(&corpus, "photo-a/2-table.toml")?;
    assert_eq!(toml.source.outlet, "Toml Times");
    assert_eq!(toml.source.format, SourceFormat::Toml);
    let published = toml.source.published.as_ref().ok_or("no date")?;
    assert_eq!(
        (published.date, published.time),
        (date("2024-07-31")?, None)
    );
    assert_eq!(toml.caption.as_str(), "Café selfie");
    assert_eq!(
        toml.article.as_ref().map(|a| a.as_str()),
        Some("One.\nTwo.")
    );

    let json = variant(&corpus, "photo-a/3-object.json")?;
    assert_eq!(json.source.outlet, "Json Journal");
    let published = json.source.published.as_ref().ok_or("no date")?;
    assert_eq!(
        published.time.map(|t| t.to_rfc3339()).as_deref(),
        Some("2024-07-31T12:45:00+05:30")
    );
    assert_eq!(
        json.article.as_ref().map(|a| a.as_str()),
        Some("Only sentence.")
    );

    let html = variant(&corpus, "photo-a/4-page.html")?;
    assert_eq!(html.source.outlet, "Html Herald");
    assert_eq!(html.source.format, SourceFormat::Html);
    assert_eq!(
        html.source.url.as_deref(),
        Some("https://herald.example/selfie")
    );
    assert_eq!(
        html.headline.as_ref().map(|h| h.as_str()),
        Some("The og title")
    );
    assert_eq!(html.caption.as_str(), "The figure caption");
    assert_eq!(
        html.article.as_ref().map(|a| a.as_str()),
        Some("First paragraph.\nSecond paragraph.")
    );
    let published = html.source.published.as_ref().ok_or("no date")?;
    assert_eq!(published.date, date("2024-07-30")?);

    let inputs: Vec<String> = corpus
        .inputs
        .iter()
        .map(|i| i.path.to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        inputs,
        vec![
            "photo-a/1-text.txt",
            "photo-a/2-table.toml",
            "photo-a/3-object.json",
            "photo-a/4-page.html",
            "photo-a/images/selfie.jpg",
            "photo-a/photo.toml",
            // It changes the findings, so it is among the hashed inputs.
            "vocabulary.toml",
        ]
    );
    let image = corpus
        .inputs
        .iter()
        .find(|i| i.path.ends_with("selfie.jpg"))
        .ok_or("no image")?;
    assert_eq!(image.bytes, 17);
    assert_eq!(image.sha256.len(), 64);
    Ok(())
}
