//! A letter lost to a text's encoding: "quien murió en De?em" where the
//! page's copy prints "Değem"; "Erdo?an"; "Hancer\u{FFFD}". A page saved or
//! re-encoded in a character set without the letter turns it into a
//! question mark, or into the replacement character U+FFFD, and the name
//! that reaches the reader is not the name that was written.
//!
//! A finding for every word holding U+FFFD, or a `?` with a letter right
//! before and right after it, except where the `?` stands for a lost
//! apostrophe ([`APOSTROPHE_ENDINGS`] after it, "Dominick?s", "don?t";
//! [`ELIDED`] before it, "l?homme"), where a question runs into the next
//! sentence ("Really?Yes"), or in an address ("page?id=4"): punctuation,
//! not a letter of a name.
//! Where another variant prints the same word with a letter in that place
//! ("Değem"), the finding names it. The word is a place after a place
//! preposition (`assets/places.toml`), a name when capitalised, and
//! otherwise a word.

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::place_spelling::is_place_preposition;
use super::section::SectionText;
use super::{ConflictSeverity, Span};
use crate::corpus::Photo;

/// Letters after a `?` that make it an apostrophe ("Dominick?s", "it?s",
/// "we?re", "you?ll").
pub const APOSTROPHE_ENDINGS: [&str; 7] = ["s", "t", "d", "m", "re", "ve", "ll"];
/// Words before a `?` that make it an apostrophe ("l?homme", "dell?arte").
pub const ELIDED: [&str; 14] = [
    "l", "d", "j", "n", "s", "c", "m", "t", "qu", "dell", "all", "nell", "sull", "dall",
];

const REPLACEMENT: char = '\u{FFFD}';

/// One word with a lost letter.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Damaged {
    span: Span,
    /// Positions (in chars) of the lost letters.
    lost: Vec<usize>,
}

/// The lost-letter findings of a photo.
pub(crate) fn find(photo: &Photo, sections: &[SectionText<'_>]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for s in sections {
        for damaged in damaged_words(s.text) {
            let word = s.slice(damaged.span);
            let intact = sections
                .iter()
                .filter(|o| o.variant != s.variant)
                .find_map(|o| intact_form(o, word, &damaged.lost));
            let fact = fact_of(s.text, damaged.span, word);
            let mut marks = vec![Mark {
                variant: s.variant,
                location: Some(s.location(damaged.span)),
                quote: word.to_owned(),
                odd: true,
            }];
            let who = variant_label(photo, s.variant);
            let summary = match intact {
                Some(form) => {
                    let letters: String = damaged
                        .lost
                        .iter()
                        .filter_map(|&i| form.quote.chars().nth(i))
                        .collect();
                    let summary = format!(
                        "{who} writes \"{word}\" where {} prints \"{}\": the \"{letters}\" was lost to the text's encoding",
                        variant_label(photo, form.variant),
                        form.quote
                    );
                    marks.push(form);
                    summary
                }
                None => format!(
                    "{who} writes \"{word}\": a question mark inside a word is a letter lost to the text's encoding"
                ),
            };
            findings.push(Finding {
                details: Vec::new(),
                kind: FindingKind::Malformed,
                fact,
                severity: ConflictSeverity::Low,
                key: format!("lost-letter/{}/{word}", s.variant),
                summary,
                marks,
                conflict: None,
            });
        }
    }
    findings
}

/// The words of `text` with a lost letter.
fn damaged_words(text: &str) -> Vec<Damaged> {
    // Most sections have neither: no copy of their characters is made.
    if !text.contains(['?', REPLACEMENT]) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_part = |c: char| c.is_alphabetic() || c == '?' || c == REPLACEMENT;
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_part(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_part(chars[i].1) {
            i += 1;
        }
        let word: Vec<char> = chars[start..i].iter().map(|&(_, c)| c).collect();
        let lost: Vec<usize> = (0..word.len()).filter(|&k| lost_at(&word, k)).collect();
        // Trailing question marks ("Really?") are the sentence's.
        let end = (start..i)
            .rev()
            .find(|&k| chars[k].1 != '?')
            .map_or(i, |k| k + 1);
        if !lost.is_empty() && !in_address(text, chars[start].0) {
            let byte_end = chars.get(end).map_or(text.len(), |&(b, _)| b);
            out.push(Damaged {
                span: Span::new(chars[start].0, byte_end),
                lost,
            });
        }
    }
    out
}

/// Whether the word at byte `at` is part of an address ("page?id=4").
fn in_address(text: &str, at: usize) -> bool {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    let chunk = &text[start..end];
    chunk.contains(['/', '=', '@', '&']) || chunk.contains("www.")
}

/// Whether the char at `k` of `word` is a lost letter.
fn lost_at(word: &[char], k: usize) -> bool {
    let c = word[k];
    if c != '?' && c != REPLACEMENT {
        return false;
    }
    let letter = |i: Option<usize>| {
        i.and_then(|i| word.get(i))
            .is_some_and(|c| c.is_alphabetic())
    };
    let between_letters = letter(k.checked_sub(1)) && letter(Some(k + 1));
    if c == '?' && !between_letters {
        return false;
    }
    if c == REPLACEMENT && !letter(k.checked_sub(1)) && !letter(Some(k + 1)) {
        return false;
    }
    // "Really?Yes": a space left out after a question, not a lost letter.
    if c == '?' && word[k - 1].is_lowercase() && word[k + 1].is_uppercase() {
        return false;
    }
    let before: String = word[..k].iter().collect::<String>().to_lowercase();
    let after: String = word[k + 1..].iter().collect::<String>().to_lowercase();
    !(APOSTROPHE_ENDINGS.contains(&after.as_str()) || ELIDED.contains(&before.as_str()))
}

/// A word of `section` that is `damaged` with a letter, not an ASCII one,
/// at each lost position, and the same letters elsewhere: its mark.
fn intact_form(section: &SectionText<'_>, damaged: &str, lost: &[usize]) -> Option<Mark> {
    let want: Vec<char> = damaged.chars().collect();
    section.words.iter().find_map(|w| {
        let form = section.slice(w.span);
        let chars: Vec<char> = form.chars().collect();
        let fits = chars.len() == want.len()
            && (0..chars.len()).all(|i| {
                if lost.contains(&i) {
                    chars[i].is_alphabetic() && !chars[i].is_ascii()
                } else {
                    chars[i] == want[i]
                }
            });
        fits.then(|| Mark {
            variant: section.variant,
            location: Some(section.location(w.span)),
            quote: form.to_owned(),
            odd: false,
        })
    })
}

/// What the damaged word is: a place after a place preposition, a name
/// when capitalised, else a word.
fn fact_of(text: &str, span: Span, word: &str) -> Fact {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return Fact::Other;
    }
    let before = text[..span.start].trim_end();
    let previous = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let ends_clause = previous.ends_with(|c: char| !c.is_alphanumeric());
    if !ends_clause && is_place_preposition(previous) {
        Fact::Place
    } else {
        Fact::Name
    }
}

#[cfg(test)]
#[path = "lost_letters_tests.rs"]
mod tests;
