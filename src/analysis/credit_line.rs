//! A credit line read into its parts: who took the picture, the agency that
//! owns it and the one that distributes it. "ADEM ALTAN / AFP", "AP
//! Photo/Evan Vucci", "Image Credit: Cameron Spencer / Getty Images",
//! "Bild: Getty Images / Cameron Spencer", "Photo AFP, Adem Altan",
//! "(c)1965 Associated Press", "NAME/AFP via Getty Images" are each one
//! credit.
//!
//! The rules, in order: lead cues ("Photo by", "Bild:", "©", a year after
//! it, dashes) are dropped; whatever follows the last "via" is the
//! distributor; the rest splits at slashes, commas, bars and " for ".
//! Bracketed acronyms and countries ("(EHT)", "(Germany)") and parts that
//! name nobody ("Handout", "Pool") are dropped. A part that is a known
//! agency is the agency; a part of two to four capitalised words that are
//! no organisation's words is the photographer (ALL CAPS title-cased); a
//! part that ends or starts with a known agency ("Cameron Spencer Getty
//! Images") gives both; anything else is an organisation. The cue words and
//! agencies are data in the vocabulary (`[credit]`, `[[agencies]]`).

use super::scan::scan;
use super::vocabulary::Vocabulary;

/// The parts of one credit line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CreditLine {
    /// The person who took the picture, as a name ("Adem Altan").
    pub photographer: Option<String>,
    /// The agency that owns it, canonical where known ("AFP").
    pub agency: Option<String>,
    /// The agency after "via", canonical where known ("Getty Images").
    pub distributor: Option<String>,
    /// Other organisations named ("Sports Illustrated"), as written.
    pub others: Vec<String>,
}

impl CreditLine {
    /// Who the credit names as the picture's owner: its agency, else the
    /// first organisation, else the distributor.
    pub fn owner(&self) -> Option<&str> {
        self.agency
            .as_deref()
            .or(self.others.first().map(String::as_str))
            .or(self.distributor.as_deref())
    }
}

/// Reads a credit line.
pub fn parse(line: &str, vocab: &Vocabulary) -> CreditLine {
    let mut out = CreditLine::default();
    let mut rest = strip_lead(line, vocab);
    if let Some(at) = last_via(&rest) {
        let skip = if at == 0 && !rest.starts_with(' ') {
            4
        } else {
            5
        };
        let distributor = trim_part(rest.get(at + skip..).unwrap_or(""));
        if !distributor.is_empty() {
            out.distributor = Some(agency_or_written(distributor, vocab));
        }
        rest.truncate(at);
        rest = strip_lead(&rest, vocab);
    }
    for part in parts(&rest, vocab) {
        read_part(&part, vocab, &mut out);
    }
    out
}

/// The line without its lead cues, dashes and closing full stop.
fn strip_lead(line: &str, vocab: &Vocabulary) -> String {
    let mut s = line.trim();
    loop {
        let before = s;
        if let Some(cue) = vocab.credit_lead_cues.iter().find(|cue| {
            s.get(..cue.len())
                .is_some_and(|head| head.to_lowercase() == **cue)
                && s[cue.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() || !cue.ends_with(char::is_alphanumeric))
        }) {
            s = s.get(cue.len()..).unwrap_or("");
            // "(c)1965 Associated Press": the year of the copyright.
            let digits = s
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            if digits == 4 {
                s = &s.trim_start()[4..];
            }
        }
        s = s.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '•' | '*' | ':' | '(')
        });
        if s == before {
            break;
        }
    }
    s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')' | ';'))
        .to_string()
}

/// The byte offset of the last " via " (any case); 0 for a line that
/// starts with "via ".
fn last_via(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    lower
        .rfind(" via ")
        .or_else(|| lower.starts_with("via ").then_some(0))
}

fn trim_part(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | '/' | ':' | ';' | '(' | ')')
    })
}

/// The parts between separators, bracketed acronyms and countries dropped.
fn parts(s: &str, vocab: &Vocabulary) -> Vec<String> {
    let mut unbracketed = String::new();
    let mut bracketed: Vec<String> = Vec::new();
    let mut depth = 0;
    let mut inner = String::new();
    for c in s.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                unbracketed.push('/');
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                bracketed.push(std::mem::take(&mut inner));
            }
            _ if depth > 0 => inner.push(c),
            _ => unbracketed.push(c),
        }
    }
    let kept = bracketed.into_iter().filter(|b| {
        let b = b.trim();
        let acronym =
            b.chars().count() <= 6 && b.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        !acronym
            && vocab
                .country_of(b)
                .is_none_or(|_| b.split_whitespace().count() > 3)
    });
    let joined = unbracketed.replace(" for ", "/").replace(" For ", "/");
    joined
        .split(['/', ',', '|', ';', '·'])
        .map(|p| trim_part(p).to_string())
        .chain(kept.map(|b| trim_part(&b).to_string()))
        .filter(|p| !p.is_empty())
        .collect()
}

fn agency_or_written(part: &str, vocab: &Vocabulary) -> String {
    whole_agency(part, vocab).unwrap_or_else(|| part.to_string())
}

/// The canonical agency when `part` is all one agency's name.
fn whole_agency(part: &str, vocab: &Vocabulary) -> Option<String> {
    let words = scan(part).words;
    let (len, agency) = vocab.agencies.match_at(&words, 0)?;
    (len == words.len())
        .then(|| vocab.agency_names.get(agency).cloned())
        .flatten()
}

fn read_part(part: &str, vocab: &Vocabulary, out: &mut CreditLine) {
    let words = scan(part).words;
    if words.is_empty() || words.iter().all(|w| vocab.credit_ignored.contains(&w.key)) {
        return;
    }
    if let Some(agency) = whole_agency(part, vocab) {
        set_agency(out, agency);
        return;
    }
    // "Cameron Spencer Getty Images", "Getty Images Cameron Spencer".
    for start in 0..words.len() {
        if let Some((len, agency)) = vocab.agencies.match_at(&words, start) {
            let (name_from, name_to) = if start + len == words.len() {
                (0, words[start].span.start)
            } else if start == 0 {
                (words[len - 1].span.end, part.len())
            } else {
                continue;
            };
            let name = part.get(name_from..name_to).map(trim_part).unwrap_or("");
            if let Some(name) = person_name(name, vocab) {
                if let Some(a) = vocab.agency_names.get(agency) {
                    set_agency(out, a.clone());
                }
                out.photographer.get_or_insert(name);
                return;
            }
        }
    }
    match person_name(part, vocab) {
        Some(name) if out.photographer.is_none() => out.photographer = Some(name),
        _ => out.others.push(without_article(part).to_string()),
    }
}

/// "the National Science Foundation" is the National Science Foundation.
fn without_article(part: &str) -> &str {
    match part.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") => part[4..].trim_start(),
        _ => part,
    }
}

fn set_agency(out: &mut CreditLine, agency: String) {
    if out.agency.is_none() {
        out.agency = Some(agency);
    } else if out.agency.as_deref() != Some(&agency) {
        out.others.push(agency);
    }
}

/// `text` as a person's name: two to four capitalised words, none an
/// organisation's or a stop word; ALL CAPS words title-cased.
pub(crate) fn person_name(text: &str, vocab: &Vocabulary) -> Option<String> {
    let words = scan(text).words;
    let not_person = &super::language::names_data().people.not_person_words;
    let name_like = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            (w.capitalised || w.all_caps)
                && w.key.chars().count() >= 2
                && w.key.chars().all(char::is_alphabetic)
                && !vocab.stop_words.contains(&w.key)
                && !vocab.credit_ignored.contains(&w.key)
                && !not_person.contains(&w.key)
        })
        && vocab.agency_of(text).is_none()
        && vocab.country_of(text).is_none();
    if !name_like {
        return None;
    }
    let cased: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            if w.chars().any(char::is_lowercase) {
                w.to_string()
            } else {
                title_case(w)
            }
        })
        .collect();
    Some(cased.join(" "))
}

/// "ADEM" as "Adem", "JEAN-PIERRE" as "Jean-Pierre".
fn title_case(word: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

#[cfg(test)]
#[path = "credit_line_tests.rs"]
mod tests;
