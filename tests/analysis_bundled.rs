//! The analysis on the bundled captions: every person across every spelling,
//! the whole conflict list, item by item, and the findings list (Sportstar's
//! swapped medals one finding).
//!
//! The caption files are five outlets' texts. Stand-in images may add
//! "Embedded in ..." variants (an image's embedded caption): the stand-in
//! agency caption agrees with the reference on every fact, so it only joins
//! the majority of each medal conflict, and its credit line
//! ("caption-provenance stand-in") is one more value of the photo's credit
//! conflict. The test accepts exactly that.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use caption_provenance::analysis::{
    Analysis, ClaimOrigin, Conflict, ConflictScope, ConflictSeverity, FindingKind, PhotoAnalysis,
    analyze,
};
use caption_provenance::corpus::load::load_folder;
use caption_provenance::corpus::{Corpus, Photo, Section, SourceFormat};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SUN: &str = "The Sun";
const SPORTSTAR: &str = "Sportstar";
const U000: &str = "Unnamed outlet 000";
const U001: &str = "Unnamed outlet 001";
const U004: &str = "Unnamed outlet 004";

fn load() -> Result<(Corpus, Analysis), Box<dyn std::error::Error>> {
    let corpus = load_folder(Path::new("captions"), &|_| {}, &AtomicBool::new(false))?;
    let analysis = analyze(&corpus);
    Ok((corpus, analysis))
}

fn embedded_labels(photo: &Photo) -> Vec<String> {
    photo
        .variants
        .iter()
        .filter(|v| v.source.format == SourceFormat::EmbeddedImage)
        .map(|v| v.label().to_string())
        .collect()
}

/// value -> (labels of the variants holding it, held by the reference)
fn values(photo: &Photo, conflict: &Conflict) -> BTreeMap<String, (Vec<String>, bool)> {
    conflict
        .values
        .iter()
        .map(|v| {
            let labels = v
                .variants
                .iter()
                .map(|&i| photo.variants[i].label().to_string())
                .collect();
            (v.value.clone(), (labels, v.in_reference))
        })
        .collect()
}

fn labels(list: &[&str], extra: &[String]) -> Vec<String> {
    let mut out: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    out.extend(extra.iter().cloned());
    out
}

/// Quotes of the claims holding `value` in `conflict`, with their variant and section.
fn quotes(
    photo: &Photo,
    pa: &PhotoAnalysis,
    conflict: &Conflict,
    value: &str,
) -> Vec<(String, String, String)> {
    let Some(group) = conflict.values.iter().find(|v| v.value == value) else {
        return vec![];
    };
    group
        .claims
        .iter()
        .filter_map(|&i| {
            let claim = &pa.claims[i];
            match claim.origin {
                ClaimOrigin::Variant(l) => {
                    let variant = &photo.variants[l.variant];
                    let text = variant.section(l.section).map(|t| t.as_str()).unwrap_or("");
                    assert_eq!(l.span.slice(text), claim.quote, "span and quote agree");
                    Some((
                        variant.label().to_string(),
                        l.section.name().to_string(),
                        claim.quote.clone(),
                    ))
                }
                ClaimOrigin::SourceField { variant } => Some((
                    photo.variants[variant].label().to_string(),
                    "source".to_string(),
                    claim.quote.clone(),
                )),
                ClaimOrigin::Reference => None,
            }
        })
        .collect()
}

fn q(label: &str, section: &str, quote: &str) -> (String, String, String) {
    (label.to_string(), section.to_string(), quote.to_string())
}

#[test]
fn every_person_is_resolved_across_every_spelling_in_the_seeds() -> TestResult {
    let (corpus, analysis) = load()?;
    let photo = &corpus.photos[0];
    let pa = &analysis.photos[0];
    let names: Vec<&str> = pa.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Wang Chuqin",
            "Sun Yingsha",
            "Ri Jong Sik",
            "Kim Kum Yong",
            "Lim Jong-hoon",
            "Shin Yu-bin"
        ]
    );
    // Every mention in the caption files: (outlet, section, text) per person.
    let mut spelled: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for m in &pa.mentions {
        let variant = &photo.variants[m.location.variant];
        if variant.source.format == SourceFormat::EmbeddedImage {
            continue;
        }
        let text = variant
            .section(m.location.section)
            .map(|t| m.location.span.slice(t.as_str()))
            .unwrap_or("");
        spelled
            .entry(pa.people[m.person.0].name.clone())
            .or_default()
            .push(q(variant.label(), m.location.section.name(), text));
    }
    let a = "article";
    let c = "caption";
    assert_eq!(
        spelled["Wang Chuqin"],
        vec![
            q(U000, c, "Wang Chuqin"),
            q(SPORTSTAR, c, "Chuqin Wang"),
            q(SPORTSTAR, a, "Wang Chuqin"),
            q(U004, c, "Wang Chuqin"),
            q(U004, a, "Wang Chuqin"),
        ]
    );
    assert_eq!(
        spelled["Sun Yingsha"],
        vec![
            q(U000, c, "Sun Yingsha"),
            q(SPORTSTAR, c, "Yingsha Sun"),
            q(SPORTSTAR, a, "Sun Yingsha"),
            q(U004, a, "Sun Yingsha"),
        ]
    );
    assert_eq!(
        spelled["Ri Jong Sik"],
        vec![
            q(U000, c, "Ri Jong Sik"),
            q(SUN, a, "Ri Jong Sik"),
            q(SPORTSTAR, c, "Jong Sik Ri"),
            q(SPORTSTAR, a, "Ri Jong Sik"),
            q(U004, c, "Ri Jong-sik"),
            q(U004, a, "Ri Jong-sik"),
        ]
    );
    assert_eq!(
        spelled["Kim Kum Yong"],
        vec![
            q(U000, c, "Kim Kum Yong"),
            q(SUN, a, "Kim Kum Yong"),
            q(SPORTSTAR, c, "Kum Yong Kim"),
            q(SPORTSTAR, a, "Kim Kum Yong"),
            q(U004, c, "Kim Kum-yong"),
            q(U004, a, "Kim Kum-yong"),
        ]
    );
    assert_eq!(
        spelled["Lim Jong-hoon"],
        vec![
            q(U001, c, "Lim Jong-hoon"),
            q(SUN, a, "Lim Jong-hoon"),
            q(SUN, a, "Lim"),
            q(SPORTSTAR, c, "Lim Jonghoon"),
            q(SPORTSTAR, a, "Lim Jong-hoon"),
            q(SPORTSTAR, a, "Lim"),
            q(SPORTSTAR, a, "Lim"),
            q(U004, c, "Lim Jonghoon"),
            q(U004, a, "Lim Jonghoon"),
        ]
    );
    assert_eq!(
        spelled["Shin Yu-bin"],
        vec![
            q(U000, c, "Shin Yu-bin"),
            q(SUN, a, "Shin Yu-bin"),
            q(SPORTSTAR, c, "Shin Yubin"),
            q(SPORTSTAR, a, "Shin Yubin"),
            q(U004, a, "Shin Yubin"),
        ]
    );
    Ok(())
}

#[test]
fn the_whole_conflict_list() -> TestResult {
    let (corpus, analysis) = load()?;
    let photo = &corpus.photos[0];
    let pa = &analysis.photos[0];
    let embedded = embedded_labels(photo);
    let keys: Vec<&str> = pa.conflicts.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "Kim Kum Yong/medal",
            "Lim Jong-hoon/medal",
            "Ri Jong Sik/medal",
            "Shin Yu-bin/medal",
            "photo/credit"
        ],
        "{:#?}",
        pa.conflicts
    );
    let others = 2 + embedded.len();
    let all_scopes = vec![
        ConflictScope::BetweenVariants,
        ConflictScope::CaptionVsArticle,
        ConflictScope::VsReference,
    ];

    // Lim Jong-hoon: Sportstar's caption says silver, The Sun's top step says gold.
    let lim = &pa.conflicts[1];
    assert_eq!(lim.severity, ConflictSeverity::High);
    assert_eq!(lim.scopes, all_scopes);
    assert_eq!(lim.reference.as_deref(), Some("bronze"));
    assert_eq!(lim.majority.as_deref(), Some("bronze"));
    let odd: Vec<&str> = lim
        .odd_ones_out
        .iter()
        .map(|&i| photo.variants[i].label())
        .collect();
    assert_eq!(odd, vec![SUN, SPORTSTAR]);
    let mut expected = BTreeMap::new();
    expected.insert(
        "bronze".to_string(),
        (labels(&[U000, U001, SUN, SPORTSTAR], &embedded), true),
    );
    expected.insert("silver".to_string(), (labels(&[SPORTSTAR], &[]), false));
    expected.insert("gold".to_string(), (labels(&[SUN], &[]), false));
    assert_eq!(values(photo, lim), expected);
    assert_eq!(
        quotes(photo, pa, lim, "silver"),
        vec![q(SPORTSTAR, "caption", "silver medallist")]
    );
    assert_eq!(
        quotes(photo, pa, lim, "gold"),
        vec![q(SUN, "article", "top step of the podium")]
    );
    let bronze_quotes = quotes(photo, pa, lim, "bronze");
    assert_eq!(
        bronze_quotes[..5],
        [
            q(U000, "article", "settled for bronze"),
            q(U000, "article", "South Korean bronze medalists"),
            q(U001, "article", "secured the bronze"),
            q(SUN, "article", "won bronze"),
            q(SPORTSTAR, "article", "won bronze"),
        ]
    );
    assert_eq!(
        lim.summary,
        format!(
            "The Sun: gold; Sportstar: silver; {others} other outlets, The Sun elsewhere in its article, Sportstar's own article and the reference: bronze"
        )
    );

    // Ri Jong Sik and Kim Kum Yong: Sportstar's caption says bronze, The Sun gold.
    for conflict in [&pa.conflicts[0], &pa.conflicts[2]] {
        assert_eq!(conflict.scopes, all_scopes);
        assert_eq!(conflict.reference.as_deref(), Some("silver"));
        let mut expected = BTreeMap::new();
        expected.insert(
            "silver".to_string(),
            (labels(&[U000, U001, SUN, SPORTSTAR], &embedded), true),
        );
        expected.insert("bronze".to_string(), (labels(&[SPORTSTAR], &[]), false));
        expected.insert("gold".to_string(), (labels(&[SUN], &[]), false));
        assert_eq!(values(photo, conflict), expected);
        assert_eq!(
            quotes(photo, pa, conflict, "bronze"),
            vec![q(SPORTSTAR, "caption", "bronze medallists")]
        );
        assert_eq!(
            quotes(photo, pa, conflict, "silver")[..5],
            [
                q(U000, "article", "snagged silver"),
                q(U000, "article", "their silver medals"),
                q(U001, "article", "clinching the silver medal"),
                q(SUN, "article", "bagging a silver"),
                q(SPORTSTAR, "article", "North Korea silver"),
            ]
        );
        assert_eq!(
            conflict.summary,
            format!(
                "Sportstar: bronze; The Sun: gold; {others} other outlets, The Sun elsewhere in its article, Sportstar's own article and the reference: silver"
            )
        );
    }

    // Shin Yu-bin: only The Sun's top step disagrees.
    let shin = &pa.conflicts[3];
    let mut expected = BTreeMap::new();
    expected.insert(
        "bronze".to_string(),
        (labels(&[U000, U001, SUN, SPORTSTAR], &embedded), true),
    );
    expected.insert("gold".to_string(), (labels(&[SUN], &[]), false));
    assert_eq!(values(photo, shin), expected);
    assert_eq!(
        shin.summary,
        format!(
            "The Sun: gold; {} other outlets, The Sun elsewhere in its article and the reference: bronze",
            others + 1
        )
    );

    // The photo's credit: Getty Images (000's credit line and article, Sportstar's
    // caption), AFP (Sportstar's credit line), Associated Press (004's article,
    // with its photographer), Shutterstock (000's article), and the stand-in's own
    // credit line when a stand-in image carries one.
    let credit = &pa.conflicts[4];
    assert_eq!(credit.severity, ConflictSeverity::Low);
    assert_eq!(
        credit.scopes,
        vec![
            ConflictScope::BetweenVariants,
            ConflictScope::CaptionVsArticle
        ]
    );
    assert_eq!(credit.reference, None);
    assert_eq!(credit.majority.as_deref(), Some("Getty Images"));
    let mut expected = BTreeMap::new();
    expected.insert(
        "Getty Images".to_string(),
        (labels(&[U000, SPORTSTAR], &[]), false),
    );
    expected.insert("AFP".to_string(), (labels(&[SPORTSTAR], &[]), false));
    expected.insert(
        "Associated Press".to_string(),
        (labels(&[U004], &[]), false),
    );
    expected.insert("Shutterstock".to_string(), (labels(&[U000], &[]), false));
    for label in &embedded {
        expected.insert(
            "caption-provenance stand-in".to_string(),
            (vec![label.clone()], false),
        );
    }
    assert_eq!(values(photo, credit), expected);
    assert_eq!(
        quotes(photo, pa, credit, "Getty Images"),
        vec![
            q(U000, "source", "via gettyimages"),
            q(U000, "article", "via Getty"),
            q(SPORTSTAR, "caption", "Photo Credit: GETTY IMAGES"),
        ]
    );
    assert_eq!(
        quotes(photo, pa, credit, "Associated Press"),
        vec![q(U004, "article", "Associated Press photographer")]
    );
    let photographers: Vec<&str> = pa
        .claims
        .iter()
        .filter(|c| c.attribute == caption_provenance::analysis::Attribute::Photographer)
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(photographers[..1], ["Petros Giannakouris"]);
    Ok(())
}

/// The findings list: Sportstar's caption swaps silver and bronze between
/// the North Koreans and Lim Jong-hoon, one swap finding in the place of
/// those three medal conflicts (each one of its details); Shin Yu-bin's
/// medal (only The Sun's gold) and the credit stay conflicts.
#[test]
fn the_findings_list_holds_sportstars_swap_as_one_finding() -> TestResult {
    let (corpus, analysis) = load()?;
    let photo = &corpus.photos[0];
    let pa = &analysis.photos[0];
    let keys: Vec<(FindingKind, &str)> = pa
        .findings
        .iter()
        .map(|f| (f.kind, f.key.as_str()))
        .collect();
    assert_eq!(
        keys,
        vec![
            (
                FindingKind::Swap,
                "swap/Sportstar/medal/Kim Kum Yong+Lim Jong-hoon+Ri Jong Sik"
            ),
            (FindingKind::Conflict, "Shin Yu-bin/medal"),
            (FindingKind::Conflict, "photo/credit"),
        ],
        "{:#?}",
        pa.findings
    );
    let swap = &pa.findings[0];
    assert_eq!(swap.severity, ConflictSeverity::High);
    assert_eq!(
        swap.summary,
        "Sportstar swaps silver and bronze: it gives bronze to Ri Jong Sik and Kim Kum Yong, \
         and silver to Lim Jong-hoon; the reference and most outlets give the reverse"
    );
    let details: Vec<(&str, Option<&str>)> = swap
        .details
        .iter()
        .map(|d| {
            let conflict = d.conflict.and_then(|i| pa.conflicts.get(i));
            (d.key.as_str(), conflict.map(|c| c.key.as_str()))
        })
        .collect();
    assert_eq!(
        details,
        vec![
            ("Ri Jong Sik/medal", Some("Ri Jong Sik/medal")),
            ("Kim Kum Yong/medal", Some("Kim Kum Yong/medal")),
            ("Lim Jong-hoon/medal", Some("Lim Jong-hoon/medal")),
        ]
    );
    for detail in &swap.details {
        let conflict = pa
            .conflicts
            .iter()
            .find(|c| c.key == detail.key)
            .ok_or("no conflict")?;
        assert_eq!(detail.summary, conflict.summary);
    }
    // Sportstar's swapped words first, as its caption writes them; The
    // Sun's gold (odd in the same conflicts) after them; then the rest.
    let odd: Vec<(&str, &str)> = swap
        .marks
        .iter()
        .filter(|m| m.odd)
        .map(|m| (photo.variants[m.variant].label(), m.quote.as_str()))
        .collect();
    assert_eq!(
        odd,
        vec![
            (SPORTSTAR, "silver medallist"),
            (SPORTSTAR, "bronze medallists"),
            (SUN, "top step of the podium"),
        ]
    );
    assert!(swap.marks.iter().skip(odd.len()).all(|m| !m.odd));
    Ok(())
}

#[test]
fn sportstar_weekday_venue_and_the_selfie_taker() -> TestResult {
    let (corpus, analysis) = load()?;
    let photo = &corpus.photos[0];
    let pa = &analysis.photos[0];
    let sportstar = photo
        .variants
        .iter()
        .position(|v| v.label() == SPORTSTAR)
        .ok_or("no Sportstar")?;
    let said: Vec<(String, String, String)> = pa
        .claims
        .iter()
        .filter_map(|c| match c.origin {
            ClaimOrigin::Variant(l) if l.variant == sportstar && l.section == Section::Caption => {
                Some((
                    c.attribute.name().to_string(),
                    c.value.clone(),
                    c.quote.clone(),
                ))
            }
            _ => None,
        })
        .filter(|(a, _, _)| matches!(a.as_str(), "date" | "venue" | "role" | "event"))
        .collect();
    assert_eq!(
        said,
        vec![
            q("role", "taken by Lim Jong-hoon", "takes a selfie"),
            q("event", "mixed doubles", "mixed doubles"),
            q("venue", "South Paris Arena", "South Paris Arena"),
            q("date", "2024-07-30", "Tuesday"),
        ]
    );
    assert_eq!(analysis.vocabulary_warnings, Vec::<String>::new());
    Ok(())
}

#[test]
fn the_analysis_is_deterministic() -> TestResult {
    let (_, first) = load()?;
    let (_, second) = load()?;
    assert_eq!(first, second);
    Ok(())
}

#[test]
fn without_the_reference_facts_the_same_people_and_conflicts_are_found() -> TestResult {
    let (corpus, _) = load()?;
    let mut photo = corpus.photos[0].clone();
    photo.reference = None;
    let pa = caption_provenance::analysis::analyze_photo(
        &photo,
        &caption_provenance::analysis::Vocabulary::builtin(),
    );
    let mut people: Vec<(&str, Option<&str>)> = pa
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.country.as_deref()))
        .collect();
    people.sort();
    assert_eq!(
        people,
        vec![
            ("Kim Kum Yong", Some("North Korea")),
            ("Lim Jong-hoon", Some("South Korea")),
            ("Ri Jong Sik", Some("North Korea")),
            ("Shin Yu-bin", Some("South Korea")),
            ("Sun Yingsha", Some("China")),
            ("Wang Chuqin", Some("China")),
        ]
    );
    let keys: Vec<&str> = pa.conflicts.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "Kim Kum Yong/medal",
            "Lim Jong-hoon/medal",
            "Ri Jong Sik/medal",
            "Shin Yu-bin/medal",
            "photo/credit"
        ]
    );
    let lim = &pa.conflicts[1];
    assert_eq!(lim.reference, None);
    assert_eq!(lim.majority.as_deref(), Some("bronze"));
    assert_eq!(
        lim.scopes,
        vec![
            ConflictScope::BetweenVariants,
            ConflictScope::CaptionVsArticle
        ]
    );
    Ok(())
}
