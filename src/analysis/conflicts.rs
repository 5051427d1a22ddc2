//! Conflicts: for each subject and attribute, the values the claims give,
//! and whether they disagree.
//!
//! Values are grouped by a folded key (case, spacing and diacritics ignored),
//! shown in the reference's spelling when it has one, else the first met. A
//! subject and attribute is a conflict when any of these holds:
//! - two variants give different values (`BetweenVariants`);
//! - one variant gives two values in two different places: its caption
//!   against its own article, headline or credit line (`CaptionVsArticle`;
//!   two values within one article count only through the other scopes);
//! - a variant's value differs from the reference facts (`VsReference`).
//!
//! The main value is the reference's, else the majority's (the value most
//! variants give, when one group is strictly largest); the odd ones out are
//! the variants giving any other value.

use std::collections::{BTreeMap, BTreeSet};

use super::findings::{join_names, variant_label};
use super::scan::word_key;
use super::{
    Attribute, Claim, ClaimOrigin, Conflict, ConflictScope, ConflictSeverity, ConflictValue,
    Person, Subject,
};
use crate::corpus::{Photo, Section};

/// Where in a variant a claim was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Section(Section),
    SourceField,
}

fn place_name(place: Place, attribute: Attribute) -> &'static str {
    match place {
        Place::Section(section) => section.name(),
        Place::SourceField if attribute == Attribute::Photographer => "byline",
        Place::SourceField => "credit line",
    }
}

/// How much a disagreement on an attribute matters.
pub fn severity(attribute: Attribute) -> ConflictSeverity {
    match attribute {
        Attribute::Medal | Attribute::Podium | Attribute::Country => ConflictSeverity::High,
        Attribute::Date
        | Attribute::Venue
        | Attribute::Event
        | Attribute::Role
        | Attribute::Device => ConflictSeverity::Medium,
        Attribute::Credit | Attribute::Agency | Attribute::Photographer => ConflictSeverity::Low,
    }
}

pub(crate) fn value_key(value: &str) -> String {
    value
        .split_whitespace()
        .map(word_key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One value of a subject and attribute while grouping.
#[derive(Default)]
struct Group {
    value: String,
    claims: Vec<usize>,
    /// Variant -> the places it states the value in.
    variants: BTreeMap<usize, BTreeSet<Place>>,
    in_reference: bool,
}

/// Finds the conflicts among a photo's claims, most severe first.
pub(crate) fn find(photo: &Photo, people: &[Person], claims: &[Claim]) -> Vec<Conflict> {
    let mut by_subject: BTreeMap<(Subject, Attribute), Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        by_subject
            .entry((claim.subject.clone(), claim.attribute))
            .or_default()
            .push(i);
    }
    let mut out = Vec::new();
    for ((subject, attribute), indices) in by_subject {
        if let Some(conflict) = conflict_of(photo, people, claims, subject, attribute, &indices) {
            out.push(conflict);
        }
    }
    out.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.subject_name.cmp(&b.subject_name))
            .then_with(|| a.attribute.cmp(&b.attribute))
    });
    out
}

fn conflict_of(
    photo: &Photo,
    people: &[Person],
    claims: &[Claim],
    subject: Subject,
    attribute: Attribute,
    indices: &[usize],
) -> Option<Conflict> {
    let mut groups: Vec<(String, Group)> = Vec::new();
    for &i in indices {
        let Some(claim) = claims.get(i) else { continue };
        let key = value_key(&claim.value);
        let pos = match groups.iter().position(|(k, _)| *k == key) {
            Some(pos) => pos,
            None => {
                groups.push((
                    key,
                    Group {
                        value: claim.value.clone(),
                        ..Group::default()
                    },
                ));
                groups.len() - 1
            }
        };
        let Some((_, group)) = groups.get_mut(pos) else {
            continue;
        };
        group.claims.push(i);
        match claim.origin {
            ClaimOrigin::Reference => {
                group.in_reference = true;
                group.value = claim.value.clone();
            }
            ClaimOrigin::Variant(location) => {
                group
                    .variants
                    .entry(location.variant)
                    .or_default()
                    .insert(Place::Section(location.section));
            }
            ClaimOrigin::SourceField { variant } => {
                group
                    .variants
                    .entry(variant)
                    .or_default()
                    .insert(Place::SourceField);
            }
        }
    }
    if groups.len() < 2 {
        return None;
    }
    let groups: Vec<Group> = groups.into_iter().map(|(_, g)| g).collect();
    let holders: BTreeSet<usize> = groups
        .iter()
        .flat_map(|g| g.variants.keys().copied())
        .collect();
    // A variant contradicts itself when two of its places (caption, headline,
    // article, source fields) give different values.
    let self_contradicting = |v: usize| {
        let held: Vec<&BTreeSet<Place>> =
            groups.iter().filter_map(|g| g.variants.get(&v)).collect();
        held.iter().enumerate().any(|(i, a)| {
            held.iter()
                .skip(i + 1)
                .any(|b| a.iter().any(|p| b.iter().any(|q| p != q)))
        })
    };
    let mut scopes = Vec::new();
    if holders.len() >= 2 {
        scopes.push(ConflictScope::BetweenVariants);
    }
    if holders.iter().any(|&v| self_contradicting(v)) {
        scopes.push(ConflictScope::CaptionVsArticle);
    }
    let file_of = |v: usize| {
        photo
            .variants
            .get(v)
            .map(|variant| &variant.source.file)
            .filter(|file| !file.as_os_str().is_empty())
    };
    // Two variants of one file (an image's IPTC and XMP captions) giving
    // different values: looked up by file, not by every pair of variants.
    let mut by_file: std::collections::BTreeMap<&std::path::Path, Vec<(usize, usize)>> =
        std::collections::BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        for &v in group.variants.keys() {
            if let Some(file) = file_of(v) {
                by_file.entry(file.as_path()).or_default().push((g, v));
            }
        }
    }
    let within_file = by_file.values().any(|held| {
        held.iter().enumerate().any(|(i, &(ga, va))| {
            held.iter()
                .skip(i + 1)
                .any(|&(gb, vb)| ga != gb && va != vb)
        })
    });
    if within_file {
        scopes.push(ConflictScope::WithinFile);
    }
    let reference = groups.iter().find(|g| g.in_reference);
    if reference.is_some()
        && groups
            .iter()
            .any(|g| !g.in_reference && !g.variants.is_empty())
    {
        scopes.push(ConflictScope::VsReference);
    }
    if scopes.is_empty() {
        return None;
    }
    let majority = {
        let mut counts: Vec<(usize, &Group)> =
            groups.iter().map(|g| (g.variants.len(), g)).collect();
        counts.sort_by_key(|c| std::cmp::Reverse(c.0));
        match counts.as_slice() {
            [(n, g), (m, _), ..] if n > m => Some(g.value.clone()),
            _ => None,
        }
    };
    let reference = reference.map(|g| g.value.clone());
    let main = reference.clone().or_else(|| majority.clone());
    let main_key = main.as_deref().map(value_key);
    let odd_ones_out: Vec<usize> = match &main_key {
        Some(key) => holders
            .iter()
            .copied()
            .filter(|&v| {
                groups
                    .iter()
                    .any(|g| value_key(&g.value) != *key && g.variants.contains_key(&v))
            })
            .collect(),
        None => Vec::new(),
    };
    let mut ordered = groups;
    ordered.sort_by(|a, b| {
        b.variants
            .len()
            .cmp(&a.variants.len())
            .then_with(|| b.in_reference.cmp(&a.in_reference))
            .then_with(|| a.value.cmp(&b.value))
    });
    let subject_name = match &subject {
        Subject::Photo => "photo".to_string(),
        Subject::Person(id) => people
            .get(id.0)
            .map_or_else(|| format!("person {}", id.0), |p| p.name.clone()),
    };
    let summary = summary(
        photo,
        attribute,
        &ordered,
        main_key.as_deref(),
        &odd_ones_out,
    );
    Some(Conflict {
        key: format!("{subject_name}/{}", attribute.name()),
        subject,
        subject_name,
        attribute,
        severity: severity(attribute),
        scopes,
        values: ordered
            .into_iter()
            .map(|g| ConflictValue {
                value: g.value,
                claims: g.claims,
                variants: g.variants.into_keys().collect(),
                in_reference: g.in_reference,
            })
            .collect(),
        majority,
        reference,
        odd_ones_out,
        summary,
    })
}

/// "Sportstar: silver; 2 other outlets, its own article and the reference: bronze".
fn summary(
    photo: &Photo,
    attribute: Attribute,
    groups: &[Group],
    main_key: Option<&str>,
    odd: &[usize],
) -> String {
    let holder = |v: usize, places: &BTreeSet<Place>| -> String {
        if places.iter().all(|p| *p == Place::SourceField) {
            format!(
                "{}'s {}",
                variant_label(photo, v),
                place_name(Place::SourceField, attribute)
            )
        } else {
            variant_label(photo, v)
        }
    };
    let is_main = |g: &Group| main_key.is_some_and(|k| value_key(&g.value) == k);
    let mut parts = Vec::new();
    for g in groups.iter().filter(|g| !is_main(g)) {
        let mut names: Vec<String> = g.variants.iter().map(|(&v, p)| holder(v, p)).collect();
        if g.in_reference {
            names.push("the reference".to_string());
        }
        parts.push(format!("{}: {}", join_names(&names), g.value));
    }
    if let Some(main) = groups.iter().find(|g| is_main(g)) {
        let mut names = Vec::new();
        let plain: Vec<usize> = main
            .variants
            .keys()
            .copied()
            .filter(|v| !odd.contains(v))
            .collect();
        match plain.as_slice() {
            [] => {}
            [one] => names.push(variant_label(photo, *one)),
            many => names.push(format!("{} other outlets", many.len())),
        }
        for (&v, main_places) in main.variants.iter().filter(|(v, _)| odd.contains(v)) {
            let odd_places: BTreeSet<Place> = groups
                .iter()
                .filter(|g| !is_main(g))
                .filter_map(|g| g.variants.get(&v))
                .flatten()
                .copied()
                .collect();
            let owner = if odd.len() == 1 {
                "its".to_string()
            } else {
                format!("{}'s", variant_label(photo, v))
            };
            match main_places.iter().find(|p| !odd_places.contains(p)) {
                Some(place) => names.push(format!("{owner} own {}", place_name(*place, attribute))),
                None => {
                    let place = main_places
                        .iter()
                        .next()
                        .map_or("text", |p| place_name(*p, attribute));
                    names.push(format!(
                        "{} elsewhere in its {place}",
                        variant_label(photo, v)
                    ));
                }
            }
        }
        if main.in_reference {
            names.push("the reference".to_string());
        }
        parts.push(format!("{}: {}", join_names(&names), main.value));
    }
    parts.join("; ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::{Location, PersonId, Span};
    use crate::corpus::{Source, Variant};

    fn photo(labels: &[&str]) -> Photo {
        Photo {
            variants: labels
                .iter()
                .map(|l| Variant {
                    source: Source {
                        outlet: l.to_string(),
                        ..Source::default()
                    },
                    ..Variant::default()
                })
                .collect(),
            ..Photo::default()
        }
    }

    fn said(variant: usize, section: Section, value: &str) -> Claim {
        Claim {
            subject: Subject::Person(PersonId(0)),
            attribute: Attribute::Medal,
            value: value.to_string(),
            origin: ClaimOrigin::Variant(Location {
                variant,
                section,
                span: Span::new(0, 1),
            }),
            quote: value.to_string(),
        }
    }

    fn reference(value: &str) -> Claim {
        Claim {
            origin: ClaimOrigin::Reference,
            ..said(0, Section::Caption, value)
        }
    }

    fn lim() -> Vec<Person> {
        vec![Person {
            id: PersonId(0),
            name: "Lim Jong-hoon".to_string(),
            spellings: vec![],
            country: None,
        }]
    }

    #[test]
    fn an_odd_caption_against_outlets_its_article_and_the_reference() {
        use Section::*;
        let p = photo(&["A", "B", "C", "D", "Sportstar"]);
        let claims = vec![
            said(0, Article, "bronze"),
            said(1, Article, "bronze"),
            said(2, Caption, "Bronze"),
            said(3, Article, "bronze"),
            said(4, Caption, "silver"),
            said(4, Article, "bronze"),
            reference("bronze"),
        ];
        let conflicts = find(&p, &lim(), &claims);
        assert_eq!(conflicts.len(), 1);
        let c = &conflicts[0];
        assert_eq!(c.key, "Lim Jong-hoon/medal");
        assert_eq!(c.severity, ConflictSeverity::High);
        assert_eq!(
            c.scopes,
            vec![
                ConflictScope::BetweenVariants,
                ConflictScope::CaptionVsArticle,
                ConflictScope::VsReference
            ]
        );
        assert_eq!(c.majority.as_deref(), Some("bronze"));
        assert_eq!(c.reference.as_deref(), Some("bronze"));
        assert_eq!(c.odd_ones_out, vec![4]);
        assert_eq!(
            c.summary,
            "Sportstar: silver; 4 other outlets, its own article and the reference: bronze"
        );
        assert_eq!(c.values[0].value, "bronze");
        assert_eq!(c.values[0].variants, vec![0, 1, 2, 3, 4]);
        assert_eq!(c.values[0].claims, vec![0, 1, 2, 3, 5, 6]);
        assert!(c.values[0].in_reference);
        assert_eq!(c.values[1].value, "silver");
        assert_eq!(c.values[1].variants, vec![4]);
    }

    #[test]
    fn agreement_is_no_conflict_and_a_lone_reference_disagreement_is() {
        use Section::*;
        let p = photo(&["A", "B"]);
        let agree = vec![
            said(0, Caption, "gold"),
            said(1, Caption, "GOLD"),
            reference("gold"),
        ];
        assert_eq!(find(&p, &lim(), &agree), vec![]);
        let against = vec![said(0, Caption, "gold"), reference("silver")];
        let c = find(&p, &lim(), &against);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].scopes, vec![ConflictScope::VsReference]);
        assert_eq!(c[0].odd_ones_out, vec![0]);
        assert_eq!(c[0].summary, "A: gold; the reference: silver");
    }

    #[test]
    fn a_tie_has_no_majority_and_no_odd_one() {
        use Section::*;
        let p = photo(&["A", "B"]);
        let c = find(
            &p,
            &lim(),
            &[said(0, Caption, "gold"), said(1, Caption, "silver")],
        );
        assert_eq!(c[0].majority, None);
        assert_eq!(c[0].odd_ones_out, Vec::<usize>::new());
        assert_eq!(c[0].summary, "A: gold; B: silver");
    }
}
