#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::test_photos::{Seen, photo, seen};

fn found(p: &Photo) -> Vec<(String, Vec<Seen>)> {
    seen(p, find(p), FindingKind::Quote, Fact::Quote)
}

const SIGNED: &str = "Trump raises his fist as he is rushed off stage after an assassination attempt. \
                      @apnews pic.twitter.com/VoAYqRC4QV — Evan Vucci (@evanvucci) July 14, 2024";
const SPUN: &str = "Trump raises his fist as he is hurriedly escorted off the stage following an \
                    assassination attempt. From apnews pic.twitter.com/VoAYqRC4QV";

#[test]
fn an_unsigned_copy_with_words_changed_is_the_odd_one() {
    let p = photo(&[("Grassroots", SPUN), ("Daily Beast", SIGNED)]);
    assert_eq!(
        found(&p),
        vec![(
            "Grassroots prints the post pic.twitter.com/VoAYqRC4QV with words changed \
             (\"hurriedly escorted off the stage following\", \"From\"); Daily Beast embeds it, signed, as \
             \"Trump raises his fist as he is rushed off stage after an assassination attempt. \
             @apnews\""
                .to_string(),
            vec![
                (0, "hurriedly escorted off the stage following".to_string(), true),
                (0, "From".to_string(), true),
                (
                    1,
                    "Trump raises his fist as he is rushed off stage after an assassination \
                     attempt. @apnews"
                        .to_string(),
                    false
                ),
            ]
        )]
    );
}

#[test]
fn the_same_words_another_link_or_a_profile_link_give_nothing() {
    let same = SIGNED.replace(" — Evan Vucci (@evanvucci) July 14, 2024", "");
    let p = photo(&[("A", &same), ("B", SIGNED)]);
    assert_eq!(found(&p), vec![]);
    let other = SPUN.replace("VoAYqRC4QV", "Zz9Yx8Ww7V");
    let p = photo(&[("A", &other), ("B", SIGNED)]);
    assert_eq!(found(&p), vec![]);
    let profile = |t: &str| {
        t.replace(
            "pic.twitter.com/VoAYqRC4QV",
            "https://twitter.com/evanvucci",
        )
    };
    let p = photo(&[("A", &profile(SPUN)), ("B", &profile(SIGNED))]);
    assert_eq!(found(&p), vec![]);
}

#[test]
fn two_unsigned_texts_of_one_status_link_are_undecided() {
    let link = |t: &str| {
        t.replace(" — Evan Vucci (@evanvucci) July 14, 2024", "")
            .replace(
                "pic.twitter.com/VoAYqRC4QV",
                "https://x.com/evanvucci/status/1812289042",
            )
    };
    let p = photo(&[("A", &link(SPUN)), ("B", &link(SIGNED))]);
    let f = found(&p);
    assert_eq!(f.len(), 1);
    assert!(f[0].0.starts_with(
        "A and B print the post x.com/evanvucci/status/1812289042 in different words"
    ));
    assert!(f[0].1.iter().all(|m| !m.2));
}

#[test]
fn different_posts_sharing_a_link_by_mistake_are_not_compared() {
    let p = photo(&[
        (
            "A",
            "A quite different sentence about the weather in the city today. pic.twitter.com/VoAYqRC4QV",
        ),
        ("B", SIGNED),
    ]);
    assert_eq!(found(&p), vec![]);
}
