use super::*;
use crate::analysis::{Location, Mention};

fn texts<'a>(text: &'a str, tokens: &[Token]) -> Vec<&'a str> {
    tokens.iter().map(|t| t.span.slice(text)).collect()
}

#[test]
fn words_keep_inner_apostrophes_hyphens_and_digit_groups() {
    let text = "North Korea’s Ri Jong-sik — “silver” | 12:45, ok.";
    let tokens = tokenize(text);
    assert_eq!(
        texts(text, &tokens),
        [
            "North",
            "Korea’s",
            "Ri",
            "Jong-sik",
            "—",
            "“",
            "silver",
            "”",
            "|",
            "12:45",
            ",",
            "ok",
            "."
        ]
    );
    let spans: Vec<(usize, usize)> = tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
    assert_eq!(
        spans,
        [
            (0, 5),
            (6, 15),
            (16, 18),
            (19, 27),
            (28, 31),
            (32, 35),
            (35, 41),
            (41, 44),
            (45, 46),
            (47, 52),
            (52, 53),
            (54, 56),
            (56, 57)
        ]
    );
    let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
    use TokenKind::{Punctuation as P, Word as W};
    assert_eq!(kinds, [W, W, W, W, P, P, W, P, P, W, P, W, P]);
}

#[test]
fn a_trailing_apostrophe_or_dash_is_punctuation() {
    let text = "players’ -- drama—it’s 2,5";
    let tokens = tokenize(text);
    assert_eq!(
        texts(text, &tokens),
        ["players", "’", "-", "-", "drama", "—", "it’s", "2,5"]
    );
}

#[test]
fn empty_and_blank_texts_have_no_tokens() {
    assert_eq!(tokenize(""), []);
    assert_eq!(tokenize(" \n\t "), []);
}

#[test]
fn keys_fold_quotes_and_optionally_case() {
    assert_eq!(text_key("Korea’s", false), "Korea's");
    assert_eq!(text_key("Korea’s", true), "korea's");
    assert_eq!(text_key("“", false), "\"");
    assert_eq!(text_key("Jong‐sik", false), "Jong-sik");
}

fn keys(tokens: &[KeyedToken]) -> Vec<TokenKey> {
    tokens.iter().map(|t| t.key.clone()).collect()
}

fn word(s: &str) -> TokenKey {
    TokenKey::Text(s.to_string())
}

#[test]
fn ignoring_punctuation_drops_it() {
    let options = DiffOptions {
        ignore_case: true,
        ignore_punctuation: true,
        same_person_equal: false,
    };
    let tokens = keyed_tokens("Lim, silver medallist.", &[], options);
    assert_eq!(
        keys(&tokens),
        [word("lim"), word("silver"), word("medallist")]
    );
}

#[test]
fn a_mention_becomes_one_person_token_and_keeps_the_possessive() {
    let text = "South Korea’s Lim’s phone, Jong-hoon Lim";
    let lim = PersonId(4);
    // "Lim" inside "Lim’s" (16..19) and "Jong-hoon Lim" (31..44).
    let mentions = [(Span::new(16, 19), lim), (Span::new(31, 44), lim)];
    let options = DiffOptions {
        same_person_equal: true,
        ..DiffOptions::default()
    };
    let tokens = keyed_tokens(text, &mentions, options);
    assert_eq!(
        keys(&tokens),
        [
            word("South"),
            word("Korea's"),
            TokenKey::Person(lim),
            word("'s"),
            word("phone"),
            word(","),
            TokenKey::Person(lim),
        ]
    );
    let spans: Vec<&str> = tokens.iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(
        spans,
        [
            "South",
            "Korea’s",
            "Lim",
            "’s",
            "phone",
            ",",
            "Jong-hoon Lim"
        ]
    );

    let without = keyed_tokens(text, &mentions, DiffOptions::default());
    assert_eq!(without.len(), 7);
    assert!(without.iter().all(|t| t.kind != TokenKind::Person));
}

#[test]
fn mentions_that_do_not_fit_or_overlap_are_ignored() {
    let text = "Lim Jonghoon";
    let options = DiffOptions {
        same_person_equal: true,
        ..DiffOptions::default()
    };
    let mentions = [
        (Span::new(0, 12), PersonId(0)),
        (Span::new(4, 12), PersonId(1)),
        (Span::new(5, 99), PersonId(2)),
        (Span::new(3, 3), PersonId(3)),
    ];
    let tokens = keyed_tokens(text, &mentions, options);
    assert_eq!(keys(&tokens), [TokenKey::Person(PersonId(0))]);
}

#[test]
fn section_mentions_picks_one_variant_and_section() {
    let at = |variant, section, start, end| Mention {
        person: PersonId(variant),
        location: Location {
            variant,
            section,
            span: Span::new(start, end),
        },
    };
    let analysis = PhotoAnalysis {
        mentions: vec![
            at(0, Section::Caption, 0, 3),
            at(1, Section::Caption, 4, 7),
            at(1, Section::Article, 8, 9),
        ],
        ..PhotoAnalysis::default()
    };
    assert_eq!(
        section_mentions(&analysis, 1, Section::Caption),
        [(Span::new(4, 7), PersonId(1))]
    );
}

#[test]
fn the_interner_numbers_equal_keys_alike() {
    let mut interner = KeyInterner::default();
    let a = interner.id(&word("a"));
    let b = interner.id(&word("b"));
    assert_eq!((a, b, interner.id(&word("a"))), (0, 1, 0));
}
