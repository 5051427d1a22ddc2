//! Who and what each caption claims, and where the captions disagree.
//!
//! `analyze` turns a [`Corpus`] into an [`Analysis`]: people resolved across
//! spellings, claims tied to spans, conflicts ranked by severity, and reuse.
//! Word diffs and the alignment of all variants are computed on request
//! (`diff`, `align`), because they depend on view options.
//!
//! Per photo, the steps are: scan every section of every variant once
//! (`scan`, `section`); resolve the people (`people`: from the reference
//! facts, else clustered from the captions) and find every mention; find the
//! claims (`claims`, one module per family, driven by the data tables of
//! `vocabulary`); group them into conflicts (`conflicts`), one variant's
//! exchange of values between people as one finding (`swaps`); find reuse
//! (`reuse`). Photos are analysed in parallel; the result does not depend on
//! the number of threads.

mod model;

mod agency_names;
mod agency_spelling;
mod ages;
mod agreement;
pub mod align;
mod aligned_numbers;
mod calendar;
mod claims;
mod clock;
pub mod conflicts;
mod countries;
pub(crate) mod credit_line;
pub mod diff;
mod fast_hash;
mod findings;
mod language;
mod lost_letters;
mod malformed;
pub mod name_forms;
mod people;
mod photographer_agency;
mod place_spelling;
mod posts;
mod quantities;
mod quotes;
mod repeated;
mod results;
pub mod reuse;
mod reuse_candidates;
mod rounds;
mod scan;
mod scripts;
mod section;
mod spelling;
mod status;
mod stray_stops;
mod swaps;
#[cfg(test)]
pub(crate) mod test_photos;
pub mod tokens;
mod town_region;
pub mod vocabulary;
mod witnesses;

pub use model::*;
pub use vocabulary::Vocabulary;

use rayon::prelude::*;

use crate::corpus::{Corpus, Photo};
use claims::{SectionClaims, reference_claims, source_field_claims};
use section::SectionText;
use witnesses::Witnesses;

/// Analyses every photo of the corpus with the built-in vocabulary plus the
/// folder's own `vocabulary.toml` files (`Corpus::vocabulary_files`); a file
/// that cannot be used is skipped and named in `Analysis::vocabulary_warnings`.
pub fn analyze(corpus: &Corpus) -> Analysis {
    let (vocabulary, warnings) = Vocabulary::with_files(&corpus.root, &corpus.vocabulary_files);
    let mut analysis = analyze_with(corpus, &vocabulary);
    analysis.vocabulary_warnings = warnings;
    analysis
}

/// Analyses every photo of the corpus with the given vocabulary (no file is read).
pub fn analyze_with(corpus: &Corpus, vocabulary: &Vocabulary) -> Analysis {
    Analysis {
        photos: corpus
            .photos
            .par_iter()
            .map(|photo| analyze_photo(photo, vocabulary))
            .collect(),
        vocabulary_warnings: Vec::new(),
    }
}

/// Analyses one photo.
pub fn analyze_photo(photo: &Photo, vocabulary: &Vocabulary) -> PhotoAnalysis {
    let mut sections = SectionText::all_of(photo, vocabulary);
    // Misspellings first: a misspelt mention then counts for its person.
    let languages = language::of_variants(photo);
    let reuse = reuse::find_reuse(photo);
    let witnesses = Witnesses::new(photo.variants.len(), &reuse);
    let misspelt = spelling::find(photo, &sections, &languages, &witnesses);
    spelling::correct(&mut sections, &misspelt.corrections);
    let mut people = people::resolve(photo, &sections, vocabulary, &languages);
    let hits = people::find_mentions(&sections, &people, vocabulary);
    let mut mentions: Vec<Mention> = sections
        .iter()
        .zip(&hits)
        .flat_map(|(s, h)| people::to_mentions(s, h))
        .collect();
    mentions.extend(scripts::mentions(&sections, &people.people, &mentions));
    let published = |v: usize| {
        photo
            .variants
            .get(v)
            .and_then(|x| x.source.published.as_ref())
            .map(|p| p.date)
    };
    let country_claims: Vec<Vec<Claim>> = sections
        .iter()
        .zip(&hits)
        .map(|(s, h)| {
            SectionClaims::new(s, h, vocabulary, &people.people, published(s.variant))
                .find_countries()
        })
        .collect();
    if photo.reference.as_ref().is_none_or(|r| r.people.is_empty()) {
        assign_countries(&mut people.people, country_claims.iter().flatten());
    }
    let mut claims = Vec::new();
    let mut section_index = 0;
    for (v, variant) in photo.variants.iter().enumerate() {
        claims.extend(source_field_claims(v, &variant.source, vocabulary));
        while let (Some(s), Some(h), Some(found)) = (
            sections.get(section_index),
            hits.get(section_index),
            country_claims.get(section_index),
        ) {
            if s.variant != v {
                break;
            }
            let mut here = found.clone();
            here.extend(
                SectionClaims::new(s, h, vocabulary, &people.people, published(v)).find_others(),
            );
            here.sort_by_key(|c| match c.origin {
                ClaimOrigin::Variant(l) => l.span.start,
                _ => 0,
            });
            claims.extend(here);
            section_index += 1;
        }
    }
    claims.extend(reference_claims(photo, &people, vocabulary));
    let conflicts = conflicts::find(photo, &people.people, &claims);
    let mut findings = findings::conflict_findings(&conflicts, &claims);
    swaps::gather(photo, &conflicts, &mut findings);
    findings.extend(misspelt.findings);
    for (s, h) in sections.iter().zip(&hits) {
        findings.extend(repeated::find(photo, s, h, &people.people));
    }
    findings.extend(quantities::find(photo, &languages));
    findings.extend(results::find(photo, &sections, &hits, &people.people));
    findings.extend(ages::find(
        photo,
        &sections,
        &hits,
        &people.people,
        &witnesses,
    ));
    findings.extend(malformed::find(photo, &sections));
    findings.extend(stray_stops::find(photo, &sections));
    findings.extend(lost_letters::find(photo, &sections));
    findings.extend(place_spelling::find(photo, &sections, vocabulary));
    findings.extend(agency_names::find(photo, &sections, vocabulary));
    findings.extend(agency_spelling::find(photo, &sections, vocabulary));
    findings.extend(photographer_agency::find(
        photo, &sections, &claims, vocabulary,
    ));
    findings.extend(calendar::find(photo));
    findings.extend(calendar::find_dated(photo, &witnesses));
    findings.extend(rounds::find(photo, &sections, &witnesses));
    findings.extend(clock::find(photo, &sections, &witnesses));
    findings.extend(town_region::find(
        photo, &sections, &mentions, vocabulary, &witnesses,
    ));
    findings.extend(status::find(
        photo,
        &sections,
        &hits,
        &people.people,
        &witnesses,
    ));
    findings.extend(quotes::find(photo));
    findings.extend(posts::find(photo));
    let aligned = aligned_numbers::find(photo, &sections, &witnesses, &findings);
    findings.extend(aligned);
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    PhotoAnalysis {
        people: people.people,
        mentions,
        claims,
        conflicts,
        findings,
        reuse,
    }
}

/// Without reference facts, a person's country is the one most of their
/// country claims give (ties: the first met).
fn assign_countries<'a>(people: &mut [Person], claims: impl Iterator<Item = &'a Claim>) {
    let mut counts: Vec<Vec<(String, usize)>> = vec![Vec::new(); people.len()];
    for claim in claims {
        if let (Subject::Person(id), Attribute::Country) = (&claim.subject, claim.attribute)
            && let Some(list) = counts.get_mut(id.0)
        {
            match list.iter_mut().find(|(c, _)| *c == claim.value) {
                Some((_, n)) => *n += 1,
                None => list.push((claim.value.clone(), 1)),
            }
        }
    }
    for (person, list) in people.iter_mut().zip(counts) {
        let mut best: Option<(String, usize)> = None;
        for (country, n) in list {
            if best.as_ref().is_none_or(|(_, m)| n > *m) {
                best = Some((country, n));
            }
        }
        person.country = best.map(|(c, _)| c);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::test_photos::variant;

    #[test]
    fn without_reference_people_and_their_countries_come_from_the_captions() {
        let photo = Photo {
            variants: vec![
                variant(
                    "A",
                    "South Korea’s Lim Jong-hoon, silver medallist, takes a selfie with Shin Yu-bin.",
                ),
                variant(
                    "B",
                    "South Korea’s Lim Jonghoon and Shin Yubin, bronze medallists.",
                ),
                variant("C", "South Korea won bronze: Jong-hoon Lim takes a selfie."),
            ],
            ..Photo::default()
        };
        let pa = analyze_photo(&photo, &Vocabulary::builtin());
        let people: Vec<(&str, Option<&str>)> = pa
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.country.as_deref()))
            .collect();
        assert_eq!(
            people,
            vec![
                ("Lim Jong-hoon", Some("South Korea")),
                ("Shin Yu-bin", Some("South Korea"))
            ]
        );
        let keys: Vec<&str> = pa.conflicts.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, vec!["Lim Jong-hoon/medal"]);
        assert_eq!(
            pa.conflicts[0].summary,
            "A: silver; 2 other outlets: bronze"
        );
    }

    #[test]
    fn a_folder_vocabulary_adds_words_and_a_bad_one_is_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("vocabulary.toml"),
            "[[agencies]]\nname = \"Kyodo\"\naliases = [\"Kyodo News\"]\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("broken.toml"), "[[agencies]\n").unwrap();
        let photo = Photo {
            variants: vec![
                variant("A", "A selfie. | Photo Credit: Kyodo News"),
                variant("B", "A selfie. | Photo Credit: AFP"),
            ],
            ..Photo::default()
        };
        let corpus = Corpus {
            root: dir.path().to_path_buf(),
            photos: vec![photo],
            vocabulary_files: vec!["vocabulary.toml".into(), "broken.toml".into()],
            ..Corpus::default()
        };
        let analysis = analyze(&corpus);
        assert_eq!(analysis.vocabulary_warnings.len(), 1);
        assert!(analysis.vocabulary_warnings[0].starts_with("broken.toml: ignored: "));
        let conflict = &analysis.photos[0].conflicts[0];
        assert_eq!(conflict.key, "photo/credit");
        assert_eq!(conflict.summary, "B: AFP; A: Kyodo");
    }

    #[test]
    fn empty_and_odd_input_never_panics() {
        let photo = Photo {
            variants: vec![
                variant("", ""),
                variant("B", "’s ’ “ ” \" , , . | — 2024-13-45 30 Foo 2024 Lim’s"),
                variant(
                    "C",
                    "gold medallists, silver medallist, won bronze, top step of the podium",
                ),
            ],
            ..Photo::default()
        };
        let pa = analyze_photo(&photo, &Vocabulary::builtin());
        assert_eq!(pa.conflicts, vec![]);
        assert_eq!(pa.people, vec![]);
    }
}
