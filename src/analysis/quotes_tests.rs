#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::test_photos::photo;

#[test]
fn a_quotation_with_words_changed_is_a_finding() {
    let p = photo(&[
        (
            "A",
            "He said: \"I knew immediately it was gunfire,\" and ran.",
        ),
        (
            "B",
            "“Over my shoulder I heard pops, and I knew immediately it was gunfire,” he said.",
        ),
        (
            "C",
            "He said: “I knew right away it was gunshots,” and ran.",
        ),
    ]);
    let found = find(&p);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.kind, FindingKind::Quote);
    let odd = f.flagged().next().unwrap();
    assert_eq!(odd.variant, 2);
    let text = p.variants[2].caption.as_str();
    assert_eq!(
        odd.location.unwrap().span.slice(text),
        "right away it was gunshots"
    );
    assert!(
        f.summary
            .starts_with("C quotes \"I knew right away it was gunshots,\"; A and B quote")
    );
}

#[test]
fn parts_punctuation_translations_and_ties_are_not() {
    let p = photo(&[
        ("A", "“Get up and fight, sucker!” Ali shouted."),
        (
            "B",
            "'Get up and fight sucker!' he shouted, “get up and fight, sucker”.",
        ),
        ("C", "He shouted “fight, sucker” at him."),
        ("D", "Er rief: „Steh auf und kämpfe, du Penner!“"),
        ("E", "One said “it was a normal rally today” and left."),
        (
            "F",
            "Another said “it was an ordinary rally today” and left.",
        ),
    ]);
    assert_eq!(find(&p), vec![]);
}
