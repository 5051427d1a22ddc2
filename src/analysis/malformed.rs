//! Names and credits that are malformed on their face, whatever the other
//! variants say:
//! - an **acronym that does not fit the name it spells out**: "event Horizon
//!   Telescope (EHD)", whose initials are EHT. The name is the words right
//!   before the bracket (function words such as "of" or "de" skipped, each
//!   part of a hyphenated word counted: "Agence France-Presse (AFP)"); a
//!   finding when the acronym has as many letters as the initials and
//!   differs from them in exactly one. Acronyms in another language, or of
//!   another length ("(AFAD)" after an English name), are never compared.
//! - a **wire position marker turned into ©**: agency captions place people
//!   with "(L)", "(C)", "(2ndR)"; an encoding step that turns "(C)" into "©"
//!   leaves "Mesut Hancer ©, his wife Gulseren (2ndR)". A © right after a
//!   capitalised word and before a comma, in a text that uses such markers,
//!   is a finding.

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::language::is_function_word;
use super::section::SectionText;
use super::{ConflictSeverity, Location, Span};
use crate::corpus::Photo;

/// Acronyms shorter or longer than this are not compared.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 3..=6;

/// The malformed-name findings of a photo.
pub(crate) fn find(photo: &Photo, sections: &[SectionText<'_>]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for s in sections {
        findings.extend(acronyms(photo, s));
        findings.extend(position_markers(photo, s));
    }
    findings
}

fn acronyms(photo: &Photo, s: &SectionText<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, w) in s.words.iter().enumerate() {
        let acronym = s.slice(w.span);
        let letters = acronym.chars().count();
        let bracketed = i > 0
            && s.between(i - 1, i).trim_end().ends_with('(')
            && s.text.get(w.full_end..).is_some_and(|r| r.starts_with(')'));
        if !bracketed
            || !ACRONYM_LETTERS.contains(&letters)
            || !acronym.chars().all(|c| c.is_ascii_uppercase())
        {
            continue;
        }
        // Initials of the name before the bracket, last word last.
        let mut initials: Vec<char> = Vec::new();
        let mut first_word = i;
        for j in (0..i).rev() {
            if initials.len() >= letters || !s.same_sentence(j, i) {
                break;
            }
            let word = s.slice(s.words.get(j).map_or(Span::new(0, 0), |w| w.span));
            if is_function_word(word) {
                continue;
            }
            for part in word.split(['-', '‐']).rev() {
                if let Some(c) = part.chars().next() {
                    initials.insert(0, c.to_ascii_uppercase());
                }
            }
            first_word = j;
        }
        if initials.len() != letters {
            continue;
        }
        let differing = initials
            .iter()
            .zip(acronym.chars())
            .filter(|(a, b)| *a != b)
            .count();
        if differing != 1 || !initials.iter().all(char::is_ascii_uppercase) {
            continue;
        }
        let fits: String = initials.iter().collect();
        let name = s.slice(s.span(first_word, i));
        let name = name.trim_end_matches(|c: char| c == '(' || c.is_whitespace());
        let location = s.location(w.span);
        out.push(Finding {
            details: Vec::new(),
            kind: FindingKind::Malformed,
            fact: Fact::Name,
            severity: ConflictSeverity::Medium,
            key: format!("acronym/{}/{acronym}", s.variant),
            summary: format!(
                "{} writes \"{name} ({acronym})\": the initials of {name} are {fits}",
                variant_label(photo, s.variant)
            ),
            marks: vec![Mark {
                variant: s.variant,
                location: Some(location),
                quote: acronym.to_string(),
                odd: true,
            }],
            conflict: None,
        });
    }
    out
}

/// "(L)", "(C)", "(2ndR)", "(3rd L)": a wire caption's position markers.
fn has_position_marker(text: &str) -> bool {
    text.match_indices('(').any(|(at, _)| {
        let inner = text
            .get(at + 1..)
            .and_then(|rest| rest.split(')').next())
            .unwrap_or("");
        let inner = inner.trim();
        let side = inner.trim_end_matches(['L', 'R', 'C']);
        inner.len() <= 6
            && side.len() < inner.len()
            && (side.is_empty()
                || side.trim().strip_suffix("nd").is_some()
                || side.trim().strip_suffix("rd").is_some()
                || side.trim().strip_suffix("th").is_some()
                || side.trim().strip_suffix("st").is_some())
    })
}

fn position_markers(photo: &Photo, s: &SectionText<'_>) -> Vec<Finding> {
    if !s.text.contains('©') || !has_position_marker(s.text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (at, _) in s.text.match_indices('©') {
        let before = s.text.get(..at).unwrap_or("").trim_end_matches(' ');
        let after = s.text.get(at + '©'.len_utf8()..).unwrap_or("");
        let after_name = before
            .rsplit(char::is_whitespace)
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        if !after_name || !after.trim_start_matches(' ').starts_with(',') {
            continue;
        }
        let span = Span::new(at, at + '©'.len_utf8());
        let name_start = before.rfind(char::is_whitespace).map_or(0, |p| p + 1);
        let person = s.text.get(name_start..at).unwrap_or("").trim();
        out.push(Finding {
            details: Vec::new(),
            kind: FindingKind::Malformed,
            fact: Fact::Credit,
            severity: ConflictSeverity::Low,
            key: format!("position-marker/{}/{at}", s.variant),
            summary: format!(
                "{} writes \"{person} ©,\" in a caption that places people with (L), (R): \
                 the © is probably the position marker (C), for centre",
                variant_label(photo, s.variant)
            ),
            marks: vec![Mark {
                variant: s.variant,
                location: Some(Location {
                    variant: s.variant,
                    section: s.section,
                    span,
                }),
                quote: "©".to_string(),
                odd: true,
            }],
            conflict: None,
        });
    }
    out
}

#[cfg(test)]
#[path = "malformed_tests.rs"]
mod tests;
