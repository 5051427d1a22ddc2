//! Reuse, word diffs and the alignment on the bundled captions.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use caption_provenance::analysis::align::align_variants;
use caption_provenance::analysis::diff::{DiffOptions, DiffTag, diff_variants};
use caption_provenance::analysis::reuse::find_reuse;
use caption_provenance::analysis::tokens::tokenize;
use caption_provenance::analysis::{Location, Span};
use caption_provenance::analysis::{PhotoAnalysis, analyze};
use caption_provenance::corpus::load::load_folder;
use caption_provenance::corpus::{Corpus, Photo, Section, SourceFormat};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The bundled photo with its five caption files only (stand-in images may add
/// embedded-caption variants; they are not part of these assertions).
fn bundled_photo() -> Result<Photo, Box<dyn std::error::Error>> {
    let cancel = AtomicBool::new(false);
    let corpus = load_folder(Path::new("captions"), &|_| {}, &cancel)?;
    let mut photo = corpus.photos.into_iter().next().ok_or("no photo")?;
    photo
        .variants
        .retain(|v| v.source.format != SourceFormat::EmbeddedImage);
    Ok(photo)
}

#[test]
fn bundled_shared_runs_and_containment() -> TestResult {
    let photo = bundled_photo()?;
    let labels: Vec<&str> = photo.variants.iter().map(|v| v.label()).collect();
    assert_eq!(
        labels,
        [
            "Unnamed outlet 000",
            "Unnamed outlet 001",
            "The Sun",
            "Sportstar",
            "Unnamed outlet 004"
        ]
    );
    let reuse = find_reuse(&photo);
    let pairs: Vec<String> = reuse
        .pairs
        .iter()
        .map(|p| {
            let runs: Vec<String> = p
                .shared_runs
                .iter()
                .map(|r| {
                    format!(
                        "{} words, {} {} / {} {}: {}",
                        r.words,
                        r.a.section.name(),
                        r.a.variant,
                        r.b.section.name(),
                        r.b.variant,
                        r.text
                    )
                })
                .collect();
            format!(
                "{}-{} {:.4} {:.4} [{}]",
                p.a,
                p.b,
                p.containment_a_in_b,
                p.containment_b_in_a,
                runs.join("; ")
            )
        })
        .collect();
    let list = "North Korea’s Ri Jong Sik and Kim Kum Yong";
    assert_eq!(
        pairs,
        [
            "0-1 0.0000 0.0000 []".to_string(),
            format!("0-2 0.0455 0.0387 [9 words, caption 0 / article 2: {list}]"),
            format!(
                "0-3 0.0606 0.0503 [9 words, caption 0 / article 3: {list}; \
                 5 words, caption 0 / article 3: Wang Chuqin and Sun Yingsha]"
            ),
            "0-4 0.0227 0.0326 [6 words, caption 0 / article 4: China’s Wang Chuqin and Sun Yingsha]"
                .to_string(),
            "1-2 0.0090 0.0065 []".to_string(),
            "1-3 0.0090 0.0063 []".to_string(),
            "1-4 0.0180 0.0217 [5 words, article 1 / article 4: from North and South Korea]"
                .to_string(),
            format!("2-3 0.0516 0.0503 [9 words, article 2 / article 3: {list}]"),
            "2-4 0.0000 0.0000 []".to_string(),
            "3-4 0.0314 0.0543 [5 words, article 3 / article 4: Wang Chuqin and Sun Yingsha]"
                .to_string(),
        ]
    );
    // The Sun's and Sportstar's articles: exact places for highlighting.
    let sun_sportstar = reuse
        .pairs
        .iter()
        .find(|p| (p.a, p.b) == (2, 3))
        .ok_or("no pair")?;
    let run = sun_sportstar.shared_runs.first().ok_or("no run")?;
    assert_eq!(
        (run.a, run.b),
        (
            Location {
                variant: 2,
                section: Section::Article,
                span: Span::new(394, 438)
            },
            Location {
                variant: 3,
                section: Section::Article,
                span: Span::new(370, 414)
            },
        )
    );
    // Only Sportstar gives a publication time: no derivation is claimed.
    assert_eq!(reuse.derivations, []);
    Ok(())
}

#[test]
fn bundled_sportstar_and_004_captions_agree_on_these_words() -> TestResult {
    let photo = bundled_photo()?;
    let options = DiffOptions {
        ignore_case: true,
        ignore_punctuation: true,
        same_person_equal: false,
    };
    let diff = diff_variants(
        &photo,
        &PhotoAnalysis::default(),
        3,
        4,
        Section::Caption,
        options,
    );
    let text = |v: usize| photo.variants.get(v).map_or("", |v| v.caption.as_str());
    let equal: Vec<&str> = diff
        .pieces
        .iter()
        .filter(|p| p.tag == DiffTag::Equal)
        .filter_map(|p| p.old.map(|s| s.slice(text(3))))
        .collect();
    assert_eq!(
        equal,
        [
            "South Korea’s Lim Jonghoon",
            "takes a selfie with",
            // Word by word, "Jong Sik Ri and Kum Yong Kim" against
            // "Ri Jong-sik and Kim Kum-yong" keeps only these.
            "North Korea’s",
            "Ri",
            "and",
            "Kim",
        ]
    );
    Ok(())
}

#[test]
fn bundled_alignment_keeps_every_token_in_order() -> TestResult {
    let photo = bundled_photo()?;
    for section in Section::ALL {
        let alignment = align_variants(
            &photo,
            &PhotoAnalysis::default(),
            section,
            DiffOptions::default(),
        );
        for (row, &variant) in alignment.variants.iter().enumerate() {
            let text = photo
                .variants
                .get(variant)
                .and_then(|v| v.section(section))
                .ok_or("no text")?;
            let cells: Vec<Span> = alignment
                .columns
                .iter()
                .filter_map(|c| c.cells.get(row).copied().flatten())
                .collect();
            let tokens: Vec<Span> = tokenize(text.as_str()).iter().map(|t| t.span).collect();
            assert_eq!(cells, tokens, "{} {}", variant, section.name());
        }
        assert!(
            alignment
                .columns
                .iter()
                .all(|c| c.cells.len() == alignment.variants.len())
        );
    }
    Ok(())
}

#[test]
fn bundled_diff_with_the_analysis_treats_spellings_of_one_person_as_equal() -> TestResult {
    let photo = bundled_photo()?;
    let corpus = Corpus {
        photos: vec![photo.clone()],
        ..Corpus::default()
    };
    let analysis = analyze(&corpus);
    let people = analysis.photos.first().ok_or("no analysis")?;
    let options = DiffOptions {
        ignore_case: true,
        ignore_punctuation: true,
        same_person_equal: true,
    };
    let diff = diff_variants(&photo, people, 3, 4, Section::Caption, options);
    let text = |v: usize| photo.variants.get(v).map_or("", |v| v.caption.as_str());
    let pieces: Vec<String> = diff
        .pieces
        .iter()
        .map(|p| match p.tag {
            DiffTag::Equal => format!("={}", p.old.map_or("", |s| s.slice(text(3)))),
            DiffTag::Delete => format!("-{}", p.old.map_or("", |s| s.slice(text(3)))),
            DiffTag::Insert => format!("+{}", p.new.map_or("", |s| s.slice(text(4)))),
        })
        .collect();
    assert_eq!(
        pieces,
        [
            "-Paris 2024 Olympics",
            "=South Korea’s Lim Jonghoon",
            "-silver medallist",
            "=takes a selfie with",
            "-teammate Shin Yubin, China’s Chuqin Wang and Yingsha Sun, gold medallists, and",
            // "Jong Sik Ri and Kum Yong Kim" = "Ri Jong-sik and Kim Kum-yong".
            "=North Korea’s Jong Sik Ri and Kum Yong Kim",
            "-bronze medallists, after the mixed doubles medal ceremony at South Paris Arena on \
             Tuesday. | Photo Credit: GETTY IMAGES",
            "+China's Wang Chuqin",
        ]
    );
    Ok(())
}
