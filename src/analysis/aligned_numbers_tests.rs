#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::Vocabulary;
use crate::analysis::test_photos::{Seen, each_alone, photo, seen};
use crate::corpus::Photo;

fn found_with(p: &Photo, witnesses: &Witnesses, fact: Fact) -> Vec<(String, Vec<Seen>)> {
    let vocabulary = Vocabulary::builtin();
    let sections = SectionText::all_of(p, &vocabulary);
    seen(
        p,
        find(p, &sections, witnesses, &[]),
        FindingKind::Quantity,
        fact,
    )
}

fn found(captions: &[(&str, &str)], fact: Fact) -> Vec<(String, Vec<Seen>)> {
    let p = photo(captions);
    found_with(&p, &each_alone(&p), fact)
}

fn mark(v: usize, words: &str, odd: bool) -> Seen {
    (v, words.to_string(), odd)
}

#[test]
fn a_number_changed_in_the_same_words_is_the_odd_one_out() {
    let got = found(
        &[
            ("A", "Bolt won the final in 9.81 seconds on Sunday night."),
            ("B", "He won the final in 9.81 seconds on Sunday, smiling."),
            ("C", "Bolt won the final in 9.83 seconds on Sunday night."),
        ],
        Fact::Number,
    );
    assert_eq!(
        got,
        vec![(
            "C writes \"9.83\" between \"final in\" and \"seconds on\"; A and B write \"9.81\" in the same words"
                .to_string(),
            vec![mark(2, "9.83", true), mark(0, "9.81", false), mark(1, "9.81", false)],
        )]
    );
}

#[test]
fn years_and_days_are_dates_and_a_clock_time_is_a_time() {
    let years = found(
        &[
            ("A", "The fight on May 25, 1965 in Lewiston ended early."),
            ("B", "It was the bout of May 25, 1965 in Lewiston, Maine."),
            ("C", "Ali won on May 25, 1967 in Lewiston after a minute."),
        ],
        Fact::Date,
    );
    assert_eq!(years.len(), 1);
    assert_eq!(years[0].1[0], mark(2, "1967", true));
    let times = found(
        &[
            ("A", "Shots rang out at 6:11 p.m. local time in Butler."),
            ("B", "Shots rang out at 6:11 p.m. as Trump spoke."),
            ("C", "Shots rang out at 6:14 p.m. local time in Butler."),
        ],
        Fact::Time,
    );
    assert_eq!(times.len(), 1);
    assert_eq!(times[0].1[0], mark(2, "6:14", true));
}

#[test]
fn numbers_in_other_words_ages_ago_and_ties_are_not_compared() {
    // Other words around the number: nothing says it is the same figure.
    assert_eq!(
        found(
            &[
                ("A", "Bolt won the final in 9.81 seconds on Sunday."),
                ("B", "Bolt won the final in 9.81 seconds on Sunday."),
                ("C", "Gatlin was second in 9.89 seconds on Sunday."),
            ],
            Fact::Number,
        ),
        vec![]
    );
    // "40 years ago" changes with the page's date.
    assert_eq!(
        found(
            &[
                ("A", "It was 40 years ago that Leifer took the photo."),
                ("B", "It was 40 years ago that Leifer took the photo."),
                ("C", "It was 50 years ago that Leifer took the photo."),
            ],
            Fact::Number,
        ),
        vec![]
    );
    // One against one: nobody can say which is right.
    assert_eq!(
        found(
            &[
                ("A", "Bolt won the final in 9.81 seconds on Sunday."),
                ("B", "Bolt won the final in 9.83 seconds on Sunday."),
            ],
            Fact::Number,
        ),
        vec![]
    );
    // Too few words around it (the edge of the sentence).
    assert_eq!(
        found(
            &[
                ("A", "Total: 12."),
                ("B", "Total: 12."),
                ("C", "Total: 15.")
            ],
            Fact::Number
        ),
        vec![]
    );
}

#[test]
fn copies_of_one_text_are_one_witness_and_do_not_outvote() {
    let p = photo(&[
        ("A", "Bolt won the final in 9.83 seconds on Sunday night."),
        ("B", "Bolt won the final in 9.83 seconds on Sunday night."),
        ("C", "Bolt won the final in 9.81 seconds on Sunday night."),
    ]);
    // A and B are copies of one text: one witness against one.
    let reuse = crate::analysis::Reuse {
        pairs: vec![crate::analysis::ReusePair {
            a: 0,
            b: 1,
            containment_a_in_b: 1.0,
            containment_b_in_a: 1.0,
            shared_runs: Vec::new(),
        }],
        derivations: Vec::new(),
    };
    let witnesses = Witnesses::new(3, &reuse);
    assert_eq!(found_with(&p, &witnesses, Fact::Number), vec![]);
}

#[test]
fn a_span_another_finding_marks_is_left_to_it() {
    let p = photo(&[
        ("A", "Bolt won the final in 9.81 seconds on Sunday night."),
        ("B", "He won the final in 9.81 seconds on Sunday, smiling."),
        ("C", "Bolt won the final in 9.83 seconds on Sunday night."),
    ]);
    let vocabulary = Vocabulary::builtin();
    let sections = SectionText::all_of(&p, &vocabulary);
    let first = find(&p, &sections, &each_alone(&p), &[]);
    assert_eq!(first.len(), 1);
    assert_eq!(find(&p, &sections, &each_alone(&p), &first), vec![]);
}

fn copies(n: usize, groups: &[(usize, usize)]) -> Witnesses {
    let reuse = crate::analysis::Reuse {
        pairs: groups
            .iter()
            .map(|&(a, b)| crate::analysis::ReusePair {
                a,
                b,
                containment_a_in_b: 1.0,
                containment_b_in_a: 1.0,
                shared_runs: Vec::new(),
            })
            .collect(),
        derivations: Vec::new(),
    };
    Witnesses::new(n, &reuse)
}

#[test]
fn the_copy_that_changed_a_figure_is_odd_among_its_copies() {
    let text = |n: &str| format!("This black hole resides {n} million light-years from Earth.");
    let p = photo(&[
        ("A", &text("55")),
        ("B", &text("55")),
        ("C", &text("57")),
        (
            "D",
            "The black hole resides 55 million light-years from us.",
        ),
    ]);
    // A, B and C are copies of one text; D is independent and agrees.
    let witnesses = copies(4, &[(0, 1), (1, 2)]);
    let got = found_with(&p, &witnesses, Fact::Number);
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].1,
        vec![
            mark(2, "57", true),
            mark(0, "55", false),
            mark(1, "55", false),
            mark(3, "55", false)
        ]
    );
    // One copy against one other copy says nothing.
    let p = photo(&[("A", &text("55")), ("B", &text("57"))]);
    assert_eq!(found_with(&p, &copies(2, &[(0, 1)]), Fact::Number), vec![]);
    // An independent witness with a third value: who changed it is unclear.
    let p = photo(&[
        ("A", &text("55")),
        ("B", &text("55")),
        ("C", &text("57")),
        ("D", &text("60")),
    ]);
    let witnesses = copies(4, &[(0, 1), (1, 2)]);
    assert_eq!(found_with(&p, &witnesses, Fact::Number), vec![]);
}
