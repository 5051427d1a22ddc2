//! Errors planted in real captions, to measure the mechanisms beyond the
//! errors the labelled folders happen to hold: one word of one variant is
//! changed the way outlets get words wrong, the photo is analysed again,
//! and the change is *found* when a finding flags it in that variant.
//!
//! What is changed is chosen from the text alone, never from the analysis,
//! so the measure is not of what the analysis already sees:
//! - a **name**: a capitalised word of at least [`MIN_NAME_CHARS`] letters
//!   that at least [`MIN_FILES`] variants print in mid-sentence (so not
//!   "The" or "After"), misspelt in every place one variant prints it, by
//!   one of four edits (a vowel for another, a letter dropped, two letters
//!   swapped, a consonant for its neighbour on the keyboard);
//! - a **number**: a number that at least [`MIN_FILES`] variants print,
//!   changed in its first place in one variant (its last digit moved by
//!   two: 9.81 to 9.83, 2016 to 2018, 13 to 15).
//!
//! Each word is planted in at most [`PER_WORD`] variants. A finding made
//! after the change that flags none of the planted words and was not made
//! before is *collateral*: a false alarm the change set off.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{Finding, PhotoAnalysis, Span, Vocabulary, analyze_photo};
use crate::corpus::{Photo, Section, Text};

/// Shortest word taken for a name.
pub const MIN_NAME_CHARS: usize = 4;
/// Variants that must print a word for it to be planted.
pub const MIN_FILES: usize = 3;
/// Variants a word is planted in, at most.
pub const PER_WORD: usize = 3;

const SECTIONS: [Section; 3] = [Section::Caption, Section::Headline, Section::Article];

/// What kind of error was planted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Planted {
    Name,
    Number,
}

impl Planted {
    pub fn name(self) -> &'static str {
        match self {
            Planted::Name => "name",
            Planted::Number => "number",
        }
    }
}

/// One planted error: `from` became `to` in one variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Injection {
    pub kind: Planted,
    pub variant: usize,
    pub from: String,
    pub to: String,
    /// Every section the change was made in, each with the byte ranges of
    /// the new words.
    pub places: Vec<(Section, Vec<Span>)>,
}

/// What the analysis made of one planted error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub injection: Injection,
    /// Summaries of the findings that flag the planted words.
    pub found_by: Vec<String>,
    /// Summaries of new findings that flag something else.
    pub collateral: Vec<String>,
}

/// The photo with the error planted, and where it is.
pub fn plant(
    photo: &Photo,
    kind: Planted,
    variant: usize,
    from: &str,
    to: &str,
) -> Option<(Photo, Injection)> {
    let mut changed = photo.clone();
    let target = changed.variants.get_mut(variant)?;
    let mut places = Vec::new();
    for section in SECTIONS {
        let text = match section {
            Section::Caption => Some(&mut target.caption),
            Section::Headline => target.headline.as_mut(),
            Section::Article => target.article.as_mut(),
        };
        let Some(text) = text else { continue };
        let words = word_ranges(text.as_str(), from);
        let words = match kind {
            Planted::Name => words,
            // A number is changed in one place only, the first.
            Planted::Number => words.into_iter().take(1).collect(),
        };
        if words.is_empty() || (kind == Planted::Number && !places.is_empty()) {
            continue;
        }
        let (new_text, spans) = replace_ranges(text.as_str(), &words, to);
        *text = Text::new(new_text);
        places.push((section, spans));
    }
    (!places.is_empty()).then(|| {
        let injection = Injection {
            kind,
            variant,
            from: from.to_string(),
            to: to.to_string(),
            places,
        };
        (changed, injection)
    })
}

/// Every planted error of a photo, each analysed; `baseline` is the
/// photo's analysis unchanged.
pub fn measure_photo(
    photo: &Photo,
    vocabulary: &Vocabulary,
    baseline: &PhotoAnalysis,
) -> Vec<Outcome> {
    use rayon::prelude::*;
    let before: BTreeSet<String> = baseline.findings.iter().map(identity).collect();
    let mut plans = Vec::new();
    for (kind, word, variants) in candidates(photo) {
        for (n, &v) in spread(&variants, PER_WORD).iter().enumerate() {
            let to = match kind {
                Planted::Name => misspell(&word, n + word.len()),
                Planted::Number => renumber(&word),
            };
            if let Some(to) = to {
                plans.push((kind, v, word.clone(), to));
            }
        }
    }
    plans
        .par_iter()
        .filter_map(|(kind, v, from, to)| {
            let (changed, injection) = plant(photo, *kind, *v, from, to)?;
            let after = analyze_photo(&changed, vocabulary);
            let (found_by, collateral) = judge(&after.findings, &injection, &before);
            Some(Outcome {
                injection,
                found_by,
                collateral,
            })
        })
        .collect()
}

fn judge(
    findings: &[Finding],
    injection: &Injection,
    before: &BTreeSet<String>,
) -> (Vec<String>, Vec<String>) {
    let mut found_by = Vec::new();
    let mut collateral = Vec::new();
    for finding in findings {
        let flags_it = finding.flagged().any(|m| {
            m.variant == injection.variant
                && match m.location {
                    Some(at) => injection.places.iter().any(|(section, spans)| {
                        at.section == *section && spans.iter().any(|s| s.overlaps(at.span))
                    }),
                    None => m.quote.contains(&injection.to),
                }
        });
        if flags_it {
            found_by.push(finding.summary.clone());
        } else if !before.contains(&identity(finding)) {
            collateral.push(finding.summary.clone());
        }
    }
    (found_by, collateral)
}

/// A finding by what it flags, so that counts in its sentence ("14 other
/// outlets" becoming 13) do not make it new.
fn identity(finding: &Finding) -> String {
    let mut flagged: Vec<String> = finding
        .flagged()
        .map(|m| format!("{}:{}", m.variant, m.quote))
        .collect();
    flagged.sort();
    format!("{}|{}", finding.kind.name(), flagged.join("|"))
}

/// The words to plant, each with the variants that print it.
fn candidates(photo: &Photo) -> Vec<(Planted, String, Vec<usize>)> {
    let mut names: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut numbers: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (v, variant) in photo.variants.iter().enumerate() {
        for section in SECTIONS {
            let Some(text) = variant.section(section) else {
                continue;
            };
            for (range, mid_sentence) in words(text.as_str()) {
                let word = &text.as_str()[range];
                if is_name_like(word) && mid_sentence {
                    names.entry(word.to_string()).or_default().insert(v);
                } else if is_number(word) {
                    numbers.entry(word.to_string()).or_default().insert(v);
                }
            }
        }
    }
    let keep = |kind: Planted, map: BTreeMap<String, BTreeSet<usize>>| {
        map.into_iter()
            .filter(|(_, vs)| vs.len() >= MIN_FILES)
            .map(move |(w, vs)| (kind, w, vs.into_iter().collect::<Vec<_>>()))
    };
    keep(Planted::Name, names)
        .chain(keep(Planted::Number, numbers))
        .collect()
}

/// Up to `n` of `items`, spread over the list (first, middle, last...).
fn spread(items: &[usize], n: usize) -> Vec<usize> {
    if items.len() <= n {
        return items.to_vec();
    }
    let mut picked: Vec<usize> = (0..n)
        .map(|i| items[i * (items.len() - 1) / (n - 1).max(1)])
        .collect();
    picked.dedup();
    picked
}

/// Words of a text (letters, or a number with its decimal part), each
/// with whether it stands in mid-sentence (after a lower-case word or a
/// comma, not first in a line or after a full stop).
fn words(text: &str) -> Vec<(std::ops::Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut mid_sentence = false;
    while let Some((start, c)) = chars.next() {
        if c.is_alphabetic() || c.is_ascii_digit() {
            let digits = c.is_ascii_digit();
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                let next_digit = text[i + n.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|d| d.is_ascii_digit());
                let part = if digits {
                    n.is_ascii_digit() || ((n == '.' || n == ',') && next_digit)
                } else {
                    n.is_alphabetic()
                };
                if !part {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            out.push((start..end, mid_sentence));
            mid_sentence = true;
        } else if matches!(
            c,
            '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '”' | '(' | '«' | '»'
        ) {
            mid_sentence = false;
        }
    }
    out
}

fn is_name_like(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(char::is_alphabetic)
        && word.chars().count() >= MIN_NAME_CHARS
}

fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Byte ranges where `word` stands as a whole word.
fn word_ranges(text: &str, word: &str) -> Vec<std::ops::Range<usize>> {
    words(text)
        .into_iter()
        .map(|(r, _)| r)
        .filter(|r| &text[r.clone()] == word)
        .collect()
}

fn replace_ranges(text: &str, ranges: &[std::ops::Range<usize>], to: &str) -> (String, Vec<Span>) {
    let mut out = String::with_capacity(text.len());
    let mut spans = Vec::new();
    let mut at = 0;
    for r in ranges {
        out.push_str(&text[at..r.start]);
        let start = out.len();
        out.push_str(to);
        spans.push(Span::new(start, out.len()));
        at = r.end;
    }
    out.push_str(&text[at..]);
    (out, spans)
}

const VOWELS: &str = "aeiou";
/// Each consonant's neighbour on a QWERTY keyboard.
const NEIGHBOURS: [(char, char); 21] = [
    ('b', 'v'),
    ('c', 'x'),
    ('d', 's'),
    ('f', 'g'),
    ('g', 'h'),
    ('h', 'j'),
    ('j', 'k'),
    ('k', 'l'),
    ('l', 'k'),
    ('m', 'n'),
    ('n', 'm'),
    ('p', 'o'),
    ('q', 'w'),
    ('r', 't'),
    ('s', 'd'),
    ('t', 'r'),
    ('v', 'b'),
    ('w', 'e'),
    ('x', 'z'),
    ('y', 't'),
    ('z', 'x'),
];

/// The word misspelt by edit `which % 4`: a vowel for another, a letter
/// dropped, two letters swapped, a consonant for its keyboard neighbour.
/// The first letter is kept (outlets rarely get it wrong). `None` when the
/// edit leaves the word unchanged.
pub fn misspell(word: &str, which: usize) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 3 {
        return None;
    }
    let interior = 1..n;
    let mut out = chars.clone();
    match which % 4 {
        0 => {
            let i = interior
                .clone()
                .rev()
                .find(|&i| VOWELS.contains(chars[i]))?;
            let next = VOWELS
                .chars()
                .cycle()
                .skip_while(|&v| v != chars[i])
                .nth(1)?;
            out[i] = next;
        }
        1 => {
            out.remove(n / 2);
        }
        2 => {
            let i = (1..n - 1).find(|&i| chars[i] != chars[i + 1])?;
            out.swap(i, i + 1);
        }
        _ => {
            let i = interior
                .clone()
                .rev()
                .find(|&i| NEIGHBOURS.iter().any(|(c, _)| *c == chars[i]))?;
            out[i] = NEIGHBOURS.iter().find(|(c, _)| *c == chars[i])?.1;
        }
    }
    let out: String = out.into_iter().collect();
    (out != word).then_some(out)
}

/// The number with its last digit moved by two (9 to 1).
pub fn renumber(number: &str) -> Option<String> {
    let (i, d) = number
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_digit())?;
    let digit = d.to_digit(10)?;
    let moved = char::from_digit((digit + 2) % 10, 10)?;
    let mut out = number.to_string();
    out.replace_range(i..i + 1, &moved.to_string());
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_keep_the_first_letter_and_change_one_thing() {
        assert_eq!(misspell("Thompson", 0).as_deref(), Some("Thompsun"));
        assert_eq!(misspell("Thompson", 1).as_deref(), Some("Thomson"));
        assert_eq!(misspell("Thompson", 2).as_deref(), Some("Tohmpson"));
        assert_eq!(misspell("Thompson", 3).as_deref(), Some("Thompsom"));
        assert_eq!(misspell("Bolt", 3).as_deref(), Some("Bolr"));
        assert_eq!(misspell("Li", 0), None);
    }

    #[test]
    fn numbers_move_their_last_digit() {
        assert_eq!(renumber("9.81").as_deref(), Some("9.83"));
        assert_eq!(renumber("2016").as_deref(), Some("2018"));
        assert_eq!(renumber("19").as_deref(), Some("11"));
    }

    #[test]
    fn words_know_mid_sentence_and_numbers_keep_their_decimals() {
        let text = "After the race, Bolt ran 9.81 s. Bolt won";
        let got: Vec<(&str, bool)> = words(text)
            .into_iter()
            .map(|(r, m)| (&text[r], m))
            .collect();
        assert_eq!(
            got,
            vec![
                ("After", false),
                ("the", true),
                ("race", true),
                ("Bolt", true),
                ("ran", true),
                ("9.81", true),
                ("s", true),
                ("Bolt", false),
                ("won", true),
            ]
        );
    }

    #[test]
    fn planting_changes_every_place_of_a_name_and_one_of_a_number() {
        let mut photo = Photo::default();
        let v = crate::corpus::Variant {
            caption: Text::new("Bolt ran 9.81. Later Bolt smiled, 9.81 again."),
            ..Default::default()
        };
        photo.variants.push(v);
        let (changed, injection) = plant(&photo, Planted::Name, 0, "Bolt", "Bolr").unwrap();
        assert_eq!(
            changed.variants[0].caption.as_str(),
            "Bolr ran 9.81. Later Bolr smiled, 9.81 again."
        );
        assert_eq!(
            injection.places,
            vec![(Section::Caption, vec![Span::new(0, 4), Span::new(21, 25)])]
        );
        let (changed, _) = plant(&photo, Planted::Number, 0, "9.81", "9.83").unwrap();
        assert_eq!(
            changed.variants[0].caption.as_str(),
            "Bolt ran 9.83. Later Bolt smiled, 9.81 again."
        );
        assert!(plant(&photo, Planted::Name, 0, "Usain", "Usian").is_none());
    }
}
