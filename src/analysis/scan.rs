//! One section's text cut into words, for the people and claim finders.
//!
//! A word is a run of letters and digits, with inner hyphens and apostrophes
//! kept ("Jong-hoon", "Teahupo’o"). A trailing possessive ("Lim's", "Lim’s")
//! is cut off the word and remembered. Each word knows its byte span in the
//! section's NFC text, a comparison key (lower case, no diacritics, no hyphens
//! or apostrophes), its sentence, whether it stands inside double quotation
//! marks, and what separates it from the word before.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::Span;
use super::fast_hash::key_hash;

/// What lies between a word and the one before it in the same sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Only spaces (or nothing: the first word of a sentence has `Other`).
    Space,
    /// Spaces and exactly one comma.
    Comma,
    /// Anything else: other punctuation, brackets, quotation marks, line ends.
    Other,
}

/// One word of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// The word without a possessive ending.
    pub span: Span,
    /// Where the word ends, possessive included.
    pub full_end: usize,
    /// Comparison key: see [`word_key`].
    pub key: String,
    /// `fast_hash::key_hash(&key)`, for quick lookups.
    pub key_hash: u64,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// Has at least two letters, all upper case ("GETTY", "AFP").
    pub all_caps: bool,
    /// Ends in 's or ’s.
    pub possessive: bool,
    /// Index of the sentence the word belongs to.
    pub sentence: usize,
    /// Inside “double quotation marks”.
    pub in_quote: bool,
    /// What separates it from the previous word (`Other` for a sentence's first word).
    pub gap: Gap,
    /// Starts a line of the section.
    pub line_start: bool,
    /// Ends a line of the section (nothing but spaces or punctuation after it on its line).
    pub line_end: bool,
}

/// A section's words, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Scan {
    pub words: Vec<Word>,
}

fn is_connector(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐' | '‑')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The comparison key of a word or name part: lower case, diacritics folded,
/// hyphens and apostrophes dropped ("Jong-Hoon" and "jonghoon" both give "jonghoon").
pub(crate) fn word_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    word_key_into(word, &mut key);
    key
}

/// [`word_key`] into a buffer the caller reuses (cleared first). The
/// Turkish dotless ı folds to i, as its dotted capital İ does.
pub(crate) fn word_key_into(word: &str, key: &mut String) {
    key.clear();
    if word.is_ascii() {
        for b in word.bytes() {
            if b.is_ascii_alphanumeric() {
                key.push(b.to_ascii_lowercase() as char);
            }
        }
        return;
    }
    for c in word.nfd() {
        if is_combining_mark(c) || is_connector(c) || !c.is_alphanumeric() {
            continue;
        }
        if c == 'ı' {
            key.push('i');
        } else {
            key.extend(c.to_lowercase());
        }
    }
}

/// Titles written with a full stop that never ends a sentence ("Mr. Lim").
const TITLES: [&str; 24] = [
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "lt", "col",
    "sgt", "capt", "mt", "ft", "no", "nr", "vs", "sra", "dra", "pres",
];

/// Whether the full stop at `chars[i]` ends an abbreviation inside a
/// sentence rather than the sentence: after a title ("Mr."), after an
/// initial ("Neil F. Leifer"), or before a lower-case word ("the U.S.
/// team", "6:11 p.m. local time"). "in Butler, Pa. The shooter" ends one.
fn abbreviation_dot(text: &str, chars: &[(usize, char)], i: usize, last: Option<&Word>) -> bool {
    let Some(&(pos, _)) = chars.get(i) else {
        return false;
    };
    let Some(word) = last.filter(|w| w.full_end == pos) else {
        return false;
    };
    let body = word.span.slice(text);
    if TITLES.contains(&word.key.as_str()) && word.capitalised {
        return true;
    }
    let before_word = text.get(..word.span.start).and_then(|t| t.chars().last());
    let single = body.chars().count() == 1;
    if single && word.capitalised && before_word != Some('.') {
        return true;
    }
    let next = chars
        .get(i + 1..)
        .unwrap_or(&[])
        .iter()
        .map(|&(_, c)| c)
        .find(|c| *c != ' ' && *c != '\u{a0}');
    next.is_some_and(|c| c.is_lowercase())
}

/// Cuts a section's text into words and sentences.
pub(crate) fn scan(text: &str) -> Scan {
    // Room for a word every six bytes or so, to spare most regrowing.
    let mut words = Vec::with_capacity(text.len() / 6 + 1);
    let mut sentence = 0usize;
    let mut in_quote = false;
    let mut gap_commas = 0usize;
    let mut gap_other = true;
    let mut line_start = true;
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let mut i = 0;
    while let Some(&(pos, c)) = chars.get(i) {
        if c.is_alphanumeric() {
            // A word: letters/digits with single inner connectors.
            let start = pos;
            let mut j = i + 1;
            loop {
                match (chars.get(j), chars.get(j + 1)) {
                    (Some(&(_, d)), _) if d.is_alphanumeric() => j += 1,
                    (Some(&(_, d)), Some(&(_, e))) if is_connector(d) && e.is_alphanumeric() => {
                        j += 2
                    }
                    _ => break,
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let mut word_end = end;
            let mut possessive = false;
            // "Lim's" / "Lim’s": the word ran through the apostrophe; cut it.
            if j >= i + 3
                && let (Some(&(ap_pos, ap)), Some(&(_, s))) = (chars.get(j - 2), chars.get(j - 1))
                && is_apostrophe(ap)
                && (s == 's' || s == 'S')
            {
                possessive = true;
                word_end = ap_pos;
            }
            let body = text.get(start..word_end).unwrap_or("");
            let (mut letters, mut all_upper) = (0usize, true);
            for c in body.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                all_upper &= c.is_uppercase();
            }
            let capitalised = body.chars().next().is_some_and(char::is_uppercase);
            let all_caps = letters >= 2 && all_upper;
            let gap = if gap_other {
                Gap::Other
            } else if gap_commas == 1 {
                Gap::Comma
            } else if gap_commas == 0 {
                Gap::Space
            } else {
                Gap::Other
            };
            // Is the rest of the line only spaces and punctuation?
            let mut k = j;
            let mut line_end = true;
            while let Some(&(_, d)) = chars.get(k) {
                if d == '\n' {
                    break;
                }
                if d.is_alphanumeric() {
                    line_end = false;
                    break;
                }
                k += 1;
            }
            let key = word_key(body);
            words.push(Word {
                span: Span::new(start, word_end),
                full_end: end,
                key_hash: key_hash(&key),
                key,
                capitalised,
                all_caps,
                possessive,
                sentence,
                in_quote,
                gap,
                line_start,
                line_end,
            });
            line_start = false;
            gap_commas = 0;
            gap_other = false;
            i = j;
            continue;
        }
        match c {
            '\n' | '\r' => {
                sentence += 1;
                gap_other = true;
                line_start = true;
                in_quote = false;
            }
            '.' | '!' | '?' | '|' | '…' => {
                // "2.5" stays one sentence.
                let digit_around = i > 0
                    && chars.get(i - 1).is_some_and(|&(_, d)| d.is_ascii_digit())
                    && chars.get(i + 1).is_some_and(|&(_, d)| d.is_ascii_digit());
                let abbreviation = c == '.' && abbreviation_dot(text, &chars, i, words.last());
                if !digit_around && !abbreviation {
                    sentence += 1;
                }
                gap_other = true;
            }
            '“' => {
                in_quote = true;
                gap_other = true;
            }
            '”' => {
                in_quote = false;
                gap_other = true;
            }
            '"' => {
                in_quote = !in_quote;
                gap_other = true;
            }
            ',' => gap_commas += 1,
            c if c.is_whitespace() => {}
            _ => gap_other = true,
        }
        i += 1;
    }
    Scan { words }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, scan: &Scan) -> Vec<&'a str> {
        scan.words.iter().map(|w| w.span.slice(text)).collect()
    }

    #[test]
    fn words_keep_inner_hyphens_and_cut_possessives() {
        let text = "South Korea’s Lim Jong-hoon, Lim's phone; athletes’ moment";
        let s = scan(text);
        assert_eq!(
            texts(text, &s),
            vec![
                "South",
                "Korea",
                "Lim",
                "Jong-hoon",
                "Lim",
                "phone",
                "athletes",
                "moment"
            ]
        );
        assert!(s.words[1].possessive);
        assert!(s.words[4].possessive);
        assert!(!s.words[6].possessive);
        assert_eq!(s.words[3].key, "jonghoon");
        assert_eq!(s.words[4].gap, Gap::Comma);
        assert_eq!(s.words[5].gap, Gap::Space);
        assert_eq!(s.words[6].gap, Gap::Other);
    }

    #[test]
    fn keys_fold_case_and_diacritics() {
        assert_eq!(word_key("Müller"), "muller");
        assert_eq!(word_key("JONG-HOON"), "jonghoon");
        assert_eq!(word_key("Teahupo’o"), "teahupoo");
    }

    #[test]
    fn sentences_quotes_and_lines() {
        let text = "Lim won. “Silver medallists,” he said | Credit\nAFP";
        let s = scan(text);
        let sentences: Vec<usize> = s.words.iter().map(|w| w.sentence).collect();
        assert_eq!(sentences, vec![0, 0, 1, 1, 1, 1, 2, 3]);
        let quoted: Vec<bool> = s.words.iter().map(|w| w.in_quote).collect();
        assert_eq!(
            quoted,
            vec![false, false, true, true, false, false, false, false]
        );
        assert!(s.words[7].line_start && s.words[7].line_end);
        assert!(s.words[6].line_end);
        assert!(s.words[7].all_caps);
    }

    #[test]
    fn decimal_points_do_not_end_sentences() {
        let s = scan("A 2.5-mile wide zone");
        assert!(s.words.iter().all(|w| w.sentence == 0));
    }

    /// The sentence of each word.
    fn sentences(text: &str) -> Vec<usize> {
        scan(text).words.iter().map(|w| w.sentence).collect()
    }

    #[test]
    fn abbreviations_inside_a_sentence_do_not_end_it() {
        // Titles, initials, and a lower-case word after the stop.
        assert_eq!(sentences("Mr. Lim and Dr. Shin"), [0; 5]);
        assert_eq!(sentences("Neil F. Leifer took it"), [0; 5]);
        assert_eq!(sentences("Noah Lyles of the U.S. celebrates"), [0; 7]);
        assert_eq!(sentences("at 6:11 p.m. local time"), [0; 7]);
        // An abbreviation before a capital ends the sentence.
        assert_eq!(sentences("in Butler, Pa. The shooter"), [0, 0, 0, 1, 1]);
        assert_eq!(sentences("in the U.S. The team"), [0, 0, 0, 0, 1, 1]);
        assert_eq!(sentences("He won. Then he left"), [0, 0, 1, 1, 1]);
    }
}
