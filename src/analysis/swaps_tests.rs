#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::findings::conflict_findings;
use crate::analysis::test_photos::variant;
use crate::analysis::{Claim, ClaimOrigin, Location, Person, Span};
use crate::corpus::Section;

const PEOPLE: [&str; 4] = [
    "Wang Chuqin",
    "Ri Jong Sik",
    "Kim Kum Yong",
    "Lim Jong-hoon",
];
const WANG: usize = 0;
const RI: usize = 1;
const KIM: usize = 2;
const LIM: usize = 3;

fn people() -> Vec<Person> {
    PEOPLE
        .iter()
        .enumerate()
        .map(|(i, name)| Person {
            id: PersonId(i),
            name: name.to_string(),
            spellings: vec![],
            country: None,
        })
        .collect()
}

fn photo(outlets: &[&str]) -> Photo {
    Photo {
        variants: outlets.iter().map(|o| variant(o, "")).collect(),
        ..Photo::default()
    }
}

/// `variant` gives `person` the medal `value` (its span made from the person).
fn says(variant: usize, person: usize, value: &str) -> Claim {
    Claim {
        subject: Subject::Person(PersonId(person)),
        attribute: Attribute::Medal,
        value: value.to_string(),
        origin: ClaimOrigin::Variant(Location {
            variant,
            section: Section::Caption,
            span: Span::new(person * 10, person * 10 + 6),
        }),
        quote: format!("{value} ({})", PEOPLE[person]),
    }
}

fn reference(person: usize, value: &str) -> Claim {
    Claim {
        origin: ClaimOrigin::Reference,
        ..says(0, person, value)
    }
}

/// Each of `variants` gives each person their medal.
fn all_right(variants: &[usize], medals: &[(usize, &str)]) -> Vec<Claim> {
    variants
        .iter()
        .flat_map(|&v| medals.iter().map(move |&(p, m)| says(v, p, m)))
        .collect()
}

fn findings_of(photo: &Photo, claims: &[Claim]) -> Vec<Finding> {
    let conflicts = crate::analysis::conflicts::find(photo, &people(), claims);
    let mut findings = conflict_findings(&conflicts, claims);
    gather(photo, &conflicts, &mut findings);
    findings
}

fn kinds_and_keys(findings: &[Finding]) -> Vec<(FindingKind, &str)> {
    findings.iter().map(|f| (f.kind, f.key.as_str())).collect()
}

#[test]
fn two_people_exchanging_medals_are_one_swap_with_each_beneath() {
    let p = photo(&["A", "B", "C", "Sportstar"]);
    let mut claims = all_right(&[0, 1, 2], &[(RI, "silver"), (LIM, "bronze")]);
    claims.push(says(3, RI, "bronze"));
    claims.push(says(3, LIM, "silver"));
    let findings = findings_of(&p, &claims);
    assert_eq!(
        kinds_and_keys(&findings),
        vec![(
            FindingKind::Swap,
            "swap/Sportstar/medal/Lim Jong-hoon+Ri Jong Sik"
        )]
    );
    let swap = &findings[0];
    assert_eq!(
        swap.summary,
        "Sportstar swaps silver and bronze: it gives bronze to Ri Jong Sik, and silver to \
         Lim Jong-hoon; most outlets give the reverse"
    );
    assert_eq!(swap.fact, Fact::Medal);
    assert_eq!(swap.severity, crate::analysis::ConflictSeverity::High);
    assert_eq!(swap.conflict, None);
    let odd: Vec<(usize, &str)> = swap
        .marks
        .iter()
        .filter(|m| m.odd)
        .map(|m| (m.variant, m.quote.as_str()))
        .collect();
    assert_eq!(
        odd,
        vec![(3, "bronze (Ri Jong Sik)"), (3, "silver (Lim Jong-hoon)")]
    );
    assert!(swap.marks.iter().take(2).all(|m| m.odd));
    assert_eq!(
        swap.marks.len(),
        8,
        "the two odd marks and the six right ones"
    );
    let details: Vec<(&str, &str)> = swap
        .details
        .iter()
        .map(|d| (d.key.as_str(), d.summary.as_str()))
        .collect();
    assert_eq!(
        details,
        vec![
            (
                "Ri Jong Sik/medal",
                "Sportstar: bronze; 3 other outlets: silver"
            ),
            (
                "Lim Jong-hoon/medal",
                "Sportstar: silver; 3 other outlets: bronze"
            ),
        ]
    );
    assert!(swap.details.iter().all(|d| d.conflict.is_some()));
}

#[test]
fn a_team_swapped_for_a_team_is_one_swap() {
    // Sportstar's caption: Lim silver, Ri and Kim bronze (the founding case).
    let p = photo(&["A", "B", "Sportstar"]);
    let medals = [(RI, "silver"), (KIM, "silver"), (LIM, "bronze")];
    let mut claims = all_right(&[0, 1], &medals);
    claims.extend(medals.iter().map(|&(person, m)| reference(person, m)));
    claims.extend([
        says(2, RI, "bronze"),
        says(2, KIM, "bronze"),
        says(2, LIM, "silver"),
    ]);
    let findings = findings_of(&p, &claims);
    assert_eq!(
        kinds_and_keys(&findings),
        vec![(
            FindingKind::Swap,
            "swap/Sportstar/medal/Kim Kum Yong+Lim Jong-hoon+Ri Jong Sik"
        )]
    );
    assert_eq!(
        findings[0].summary,
        "Sportstar swaps silver and bronze: it gives bronze to Ri Jong Sik and Kim Kum Yong, \
         and silver to Lim Jong-hoon; the reference and most outlets give the reverse"
    );
    assert_eq!(findings[0].details.len(), 3);
}

#[test]
fn three_people_in_a_cycle_are_one_swap() {
    let p = photo(&["A", "B", "C"]);
    let medals = [(WANG, "gold"), (RI, "silver"), (LIM, "bronze")];
    let mut claims = all_right(&[0, 1], &medals);
    claims.extend(medals.iter().map(|&(person, m)| reference(person, m)));
    claims.extend([
        says(2, WANG, "silver"),
        says(2, RI, "bronze"),
        says(2, LIM, "gold"),
    ]);
    let findings = findings_of(&p, &claims);
    assert_eq!(
        kinds_and_keys(&findings),
        vec![(
            FindingKind::Swap,
            "swap/C/medal/Lim Jong-hoon+Ri Jong Sik+Wang Chuqin"
        )]
    );
    assert_eq!(
        findings[0].summary,
        "C swaps gold, silver and bronze: it gives silver to Wang Chuqin, bronze to Ri Jong \
         Sik, and gold to Lim Jong-hoon; the reference and most outlets give gold to Wang \
         Chuqin, silver to Ri Jong Sik, and bronze to Lim Jong-hoon"
    );
}

#[test]
fn values_that_are_no_permutation_are_no_swap() {
    // The Sun gives everyone gold: nobody's gold went to anyone else.
    let p = photo(&["A", "B", "The Sun"]);
    let medals = [(RI, "silver"), (LIM, "bronze")];
    let mut claims = all_right(&[0, 1], &medals);
    claims.extend([says(2, RI, "gold"), says(2, LIM, "gold")]);
    let findings = findings_of(&p, &claims);
    assert_eq!(
        kinds_and_keys(&findings),
        vec![
            (FindingKind::Conflict, "Lim Jong-hoon/medal"),
            (FindingKind::Conflict, "Ri Jong Sik/medal")
        ]
    );
    // Two silver medallists given bronze and gold: the silver goes two ways.
    let p = photo(&["A", "B", "C"]);
    let medals = [(WANG, "gold"), (RI, "silver"), (KIM, "silver")];
    let mut claims = all_right(&[0, 1], &medals);
    claims.extend([
        says(2, WANG, "silver"),
        says(2, RI, "gold"),
        says(2, KIM, "bronze"),
    ]);
    let findings = findings_of(&p, &claims);
    assert!(findings.iter().all(|f| f.kind == FindingKind::Conflict));
    assert_eq!(findings.len(), 3);
    // One person alone given another value swaps nothing.
    let p = photo(&["A", "B", "C"]);
    let mut claims = all_right(&[0, 1], &[(RI, "silver"), (LIM, "bronze")]);
    claims.extend([says(2, RI, "bronze"), says(2, LIM, "bronze")]);
    let findings = findings_of(&p, &claims);
    assert_eq!(
        kinds_and_keys(&findings),
        vec![(FindingKind::Conflict, "Ri Jong Sik/medal")]
    );
}

#[test]
fn another_odd_one_out_stays_marked_in_the_swap_and_its_details() {
    // Sportstar swaps; The Sun also gives Lim gold, which swaps nothing.
    let p = photo(&["A", "B", "The Sun", "Sportstar"]);
    let mut claims = all_right(&[0, 1], &[(RI, "silver"), (LIM, "bronze")]);
    claims.extend([
        says(2, RI, "silver"),
        says(2, LIM, "gold"),
        says(3, RI, "bronze"),
        says(3, LIM, "silver"),
    ]);
    let findings = findings_of(&p, &claims);
    assert_eq!(findings.len(), 1);
    let swap = &findings[0];
    assert_eq!(swap.kind, FindingKind::Swap);
    let odd: Vec<usize> = swap
        .marks
        .iter()
        .filter(|m| m.odd)
        .map(|m| m.variant)
        .collect();
    assert_eq!(odd, vec![3, 3, 2], "Sportstar's first, then The Sun's gold");
    assert!(swap.details[1].summary.contains("The Sun: gold"));
}

#[test]
fn two_variants_each_swapping_are_two_swaps() {
    let p = photo(&["A", "B", "C", "D", "E"]);
    let mut claims = all_right(&[0, 1, 2], &[(RI, "silver"), (LIM, "bronze")]);
    for v in [3, 4] {
        claims.extend([says(v, RI, "bronze"), says(v, LIM, "silver")]);
    }
    let findings = findings_of(&p, &claims);
    assert_eq!(
        kinds_and_keys(&findings),
        vec![
            (FindingKind::Swap, "swap/D/medal/Lim Jong-hoon+Ri Jong Sik"),
            (FindingKind::Swap, "swap/E/medal/Lim Jong-hoon+Ri Jong Sik")
        ]
    );
    for (swap, v) in findings.iter().zip([3, 4]) {
        // Its own words first; the other's, odd in the same conflicts, after.
        assert!(swap.marks[..2].iter().all(|m| m.odd && m.variant == v));
        assert_eq!(swap.marks.iter().filter(|m| m.odd).count(), 4);
        assert_eq!(swap.details.len(), 2);
    }
}

#[test]
fn a_swap_takes_the_place_of_its_first_conflict_among_the_others() {
    let p = photo(&["A", "B", "C"]);
    let mut claims = all_right(&[0, 1], &[(RI, "silver"), (LIM, "bronze")]);
    claims.extend([says(2, RI, "bronze"), says(2, LIM, "silver")]);
    claims.push(Claim {
        attribute: Attribute::Country,
        ..says(0, KIM, "North Korea")
    });
    claims.push(Claim {
        attribute: Attribute::Country,
        ..says(1, KIM, "South Korea")
    });
    let findings = findings_of(&p, &claims);
    assert_eq!(
        kinds_and_keys(&findings),
        vec![
            (FindingKind::Conflict, "Kim Kum Yong/country"),
            (FindingKind::Swap, "swap/C/medal/Lim Jong-hoon+Ri Jong Sik"),
        ]
    );
}
