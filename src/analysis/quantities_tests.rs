#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::test_photos::photo;

#[test]
fn numbers_in_both_conventions() {
    assert_eq!(parse_number("9.86", false), Some(9.86));
    assert_eq!(parse_number("1,000", false), Some(1000.0));
    assert_eq!(parse_number("6.500", true), Some(6500.0));
    assert_eq!(parse_number("7,8", true), Some(7.8));
    assert_eq!(parse_number("6.5", true), Some(6.5));
}

#[test]
fn a_count_the_others_give_differently_is_a_finding() {
    let p = photo(&[
        (
            "A",
            "The image came from a network of eight radio telescopes around the world.",
        ),
        ("B", "It used 8 telescopes on four continents."),
        (
            "C",
            "Los datos vienen de ocho radiotelescopios repartidos por el mundo.",
        ),
        (
            "D",
            "The image came from a network of 10 radio telescopes in the world.",
        ),
    ]);
    let found = find(&p, &crate::analysis::language::of_variants(&p));
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.kind, FindingKind::Quantity);
    assert_eq!(
        f.summary,
        "D writes \"10 radio telescopes\"; 3 other outlets count 8 (\"eight radio telescopes\")"
    );
    let odd: Vec<&str> = f.flagged().map(|m| m.quote.as_str()).collect();
    assert_eq!(odd, vec!["10 radio telescopes"]);
}

#[test]
fn a_dropped_multiplier_is_a_finding_and_close_estimates_are_not() {
    let p = photo(&[
        ("A", "The black hole is 55 million light-years from Earth."),
        ("B", "It lies 53 million light years away."),
        (
            "C",
            "Se encuentra a 54 millones de años luz de la Tierra y es muy grande.",
        ),
        (
            "D",
            "Messier 87 que se encuentra a 55 años luz de la Tierra y de la luna.",
        ),
    ]);
    let found = find(&p, &crate::analysis::language::of_variants(&p));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].flagged().next().unwrap().quote, "55 años luz");
}

#[test]
fn times_dates_ages_and_two_sources_are_not_compared() {
    let p = photo(&[
        (
            "A",
            "On 6 February 2023, 2 people, aged 15 years, died after 3 minutes.",
        ),
        (
            "B",
            "On 7 February 2023, 3 people, aged 16 years, died after 4 minutes.",
        ),
        (
            "C",
            "On 8 February 2023, 4 people, aged 17 years, died after 5 minutes.",
        ),
    ]);
    assert_eq!(
        find(&p, &crate::analysis::language::of_variants(&p)),
        vec![]
    );
}
