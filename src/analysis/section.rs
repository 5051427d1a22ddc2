//! One section of one variant, scanned once and shared by the people and
//! claim finders: its words, and where it names a country.

use super::scan::{Gap, Scan, Word, scan};
use super::vocabulary::Vocabulary;
use super::{Location, Span};
use crate::corpus::{Photo, Section};

/// A country named in the text ("South Korea’s", "the South", "Chinese").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CountryHit {
    /// First word index.
    pub start: usize,
    /// Number of words.
    pub len: usize,
    /// Index into `Vocabulary::country_names`.
    pub country: usize,
}

impl CountryHit {
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// A scanned section.
#[derive(Debug, Clone)]
pub(crate) struct SectionText<'a> {
    pub variant: usize,
    pub section: Section,
    pub text: &'a str,
    pub words: Vec<Word>,
    pub countries: Vec<CountryHit>,
    /// Per word: true when it belongs to a country form or a stop phrase.
    pub blocked: Vec<bool>,
}

impl<'a> SectionText<'a> {
    pub fn new(variant: usize, section: Section, text: &'a str, vocab: &Vocabulary) -> Self {
        let Scan { words } = scan(text);
        let mut countries = Vec::new();
        let mut blocked = vec![false; words.len()];
        let mut i = 0;
        while i < words.len() {
            let here = vocab.countries.match_at(&words, i);
            // "the South Korean": prefer "South Korean" over "the South".
            let next = vocab.countries.match_at(&words, i + 1);
            let hit = match (here, next) {
                (Some((len, c)), Some((nlen, nc))) if i + 1 + nlen > i + len => {
                    Some((i + 1, nlen, nc, c))
                }
                (Some((len, c)), _) => Some((i, len, c, c)),
                _ => None,
            };
            match hit {
                Some((start, len, country, _)) if country_form_fits(&words, start, len) => {
                    countries.push(CountryHit {
                        start,
                        len,
                        country,
                    });
                    for b in blocked.iter_mut().skip(start).take(len) {
                        *b = true;
                    }
                    i = start + len;
                }
                _ => {
                    if let Some(len) = vocab.stop_phrases.contains_at(&words, i) {
                        for b in blocked.iter_mut().skip(i).take(len) {
                            *b = true;
                        }
                        i += len;
                    } else {
                        i += 1;
                    }
                }
            }
        }
        SectionText {
            variant,
            section,
            text,
            words,
            countries,
            blocked,
        }
    }

    /// Every scanned section of a photo's variants, in variant then section order.
    pub fn all_of(photo: &'a Photo, vocab: &Vocabulary) -> Vec<SectionText<'a>> {
        let mut out = Vec::new();
        for (v, variant) in photo.variants.iter().enumerate() {
            for section in Section::ALL {
                if let Some(text) = variant.section(section) {
                    out.push(SectionText::new(v, section, text.as_str(), vocab));
                }
            }
        }
        out
    }

    /// The byte span of words `start..end` (possessive of the last word excluded).
    pub fn span(&self, start: usize, end: usize) -> Span {
        let first = self.words.get(start).map_or(0, |w| w.span.start);
        let last = end
            .checked_sub(1)
            .and_then(|i| self.words.get(i))
            .map_or(first, |w| w.span.end);
        Span::new(first, last.max(first))
    }

    /// Like [`span`](Self::span), with the last word's possessive included.
    pub fn full_span(&self, start: usize, end: usize) -> Span {
        let first = self.words.get(start).map_or(0, |w| w.span.start);
        let last = end
            .checked_sub(1)
            .and_then(|i| self.words.get(i))
            .map_or(first, |w| w.full_end);
        Span::new(first, last.max(first))
    }

    pub fn location(&self, span: Span) -> Location {
        Location {
            variant: self.variant,
            section: self.section,
            span,
        }
    }

    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }

    /// The text between word `a`'s end (possessive included) and word `b`'s start.
    pub fn between(&self, a: usize, b: usize) -> &'a str {
        match (self.words.get(a), self.words.get(b)) {
            (Some(x), Some(y)) => self.text.get(x.full_end..y.span.start).unwrap_or(""),
            _ => "",
        }
    }

    /// Whether words `a` and `b` (a < b) are in the same sentence.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.words.get(a), self.words.get(b)) {
            (Some(x), Some(y)) => x.sentence == y.sentence,
            _ => false,
        }
    }

    /// The word index range of each sentence, in order.
    pub fn sentences(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 1..=self.words.len() {
            if i == self.words.len() || !self.same_sentence(i - 1, i) {
                out.push(start..i);
                start = i;
            }
        }
        out
    }

    pub fn key(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.key.as_str())
    }

    pub fn gap(&self, i: usize) -> Gap {
        self.words.get(i).map_or(Gap::Other, |w| w.gap)
    }
}

/// A country form must be a whole word sequence: "South Korea" in
/// "South Korean-made" is not one (the scanner already keeps "Korean-made"
/// as one word), and its significant words must be capitalised ("the South",
/// not "the south of France").
fn country_form_fits(words: &[Word], start: usize, len: usize) -> bool {
    words
        .iter()
        .skip(start)
        .take(len)
        .filter(|w| w.key != "the")
        .all(|w| w.capitalised)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn countries(text: &str) -> Vec<(String, String)> {
        let vocab = Vocabulary::builtin();
        let s = SectionText::new(0, Section::Caption, text, &vocab);
        s.countries
            .iter()
            .map(|c| {
                (
                    s.slice(s.full_span(c.start, c.end())).to_string(),
                    vocab.country_names[c.country].clone(),
                )
            })
            .collect()
    }

    #[test]
    fn country_forms_are_found_longest_first() {
        assert_eq!(
            countries("North Korea’s Ri and the South’s Shin, the South Korean bronze medalists"),
            vec![
                ("North Korea’s".to_string(), "North Korea".to_string()),
                ("the South’s".to_string(), "South Korea".to_string()),
                ("South Korean".to_string(), "South Korea".to_string()),
            ]
        );
        assert_eq!(
            countries("a South Korean-made Samsung in the south of France"),
            vec![("France".to_string(), "France".to_string())]
        );
    }
}
