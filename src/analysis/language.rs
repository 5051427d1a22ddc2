//! Which language a variant is written in, told by its function words (the
//! table in `assets/names.toml`) or by its script. Used where a spelling's
//! acceptability depends on the language ("Pensilvania" is Portuguese for
//! Pennsylvania, not a misspelling of it).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::fast_hash::FastMap;
use crate::corpus::{Photo, Section};

const NAMES_DATA: &str = include_str!("../../assets/names.toml");

/// Hits a language's function words must reach before a text is said to be in it.
const MIN_HITS: usize = 3;

/// The data of `assets/names.toml`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct NamesData {
    pub function_words: BTreeMap<String, Vec<String>>,
    pub spelling: SpellingData,
    pub people: PeopleData,
    #[serde(default)]
    pub scripts: ScriptsData,
    #[serde(default)]
    pub lists: ListsData,
}

/// Words that join the items of a list of names (`src/analysis/repeated.rs`).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListsData {
    pub joiners: Vec<String>,
}

/// How names in other scripts are matched to romanised names
/// (`src/analysis/scripts.rs`).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ScriptsData {
    /// Letter groups replaced before vowels are dropped, in order ("sh" -> "s").
    pub folds: Vec<[String; 2]>,
    /// Letters dropped from a skeleton (vowels and glides).
    pub dropped: String,
    /// Consonants a name's skeleton needs before it is looked for.
    pub min_consonants: usize,
}

/// Words that end names of things, not of people.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PeopleData {
    pub not_person_words: Vec<String>,
    pub titles: Vec<String>,
    /// Languages that capitalise every noun: a name found only in texts
    /// of these must be printed by two variants.
    #[serde(default)]
    pub nouns_capitalised: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SpellingData {
    pub inflections: Vec<String>,
    pub families: Vec<RomanisationFamily>,
    pub same_names: SameNames,
}

/// One romanisation family's letter alternates.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RomanisationFamily {
    pub alternates: Vec<[String; 2]>,
}

/// Whole family names written in several romanisations.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SameNames {
    pub lists: Vec<Vec<String>>,
}

/// The function words, compiled once.
struct Languages {
    /// Language codes, in the table's order.
    codes: Vec<String>,
    /// Function word -> the languages it belongs to (bit `i` for `codes[i]`).
    words: FastMap<String, u32>,
    /// Bytes of the longest function word: longer words are never looked up.
    longest: usize,
}

/// The parsed table; the file is ours and tested, so a failure leaves it empty.
pub(crate) fn names_data() -> &'static NamesData {
    static DATA: OnceLock<NamesData> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut data: NamesData = toml::from_str(NAMES_DATA).unwrap_or_default();
        // Compared with word keys: "Präsident" is "prasident".
        let people = &mut data.people;
        for list in [&mut people.titles, &mut people.not_person_words] {
            for word in list.iter_mut() {
                *word = super::scan::word_key(word);
            }
        }
        data
    })
}

fn languages() -> &'static Languages {
    static LANGUAGES: OnceLock<Languages> = OnceLock::new();
    LANGUAGES.get_or_init(|| {
        let mut codes = Vec::new();
        let mut words: FastMap<String, u32> = FastMap::default();
        for (i, (code, list)) in names_data().function_words.iter().enumerate().take(32) {
            codes.push(code.clone());
            for w in list {
                *words.entry(w.to_lowercase()).or_default() |= 1 << i;
            }
        }
        let longest = words.keys().map(String::len).max().unwrap_or(0);
        Languages {
            codes,
            words,
            longest,
        }
    })
}

/// True when the word (any case) is a function word of some language.
pub(crate) fn is_function_word(word: &str) -> bool {
    let table = languages();
    // Function words are short; most words asked about are names.
    word.len() <= table.longest && table.words.contains_key(&word.to_lowercase())
}

/// Each variant's language, from all its text (caption, headline, article).
pub(crate) fn of_variants(photo: &Photo) -> Vec<Option<String>> {
    photo
        .variants
        .iter()
        .map(|v| {
            let texts: Vec<&str> = Section::ALL
                .iter()
                .filter_map(|&s| v.section(s))
                .map(|t| t.as_str())
                .collect();
            guess_in(&texts)
        })
        .collect()
}

/// The language code ("en", "es", "ko", ...) of a text, when it can be told.
#[cfg(test)]
pub(crate) fn guess(text: &str) -> Option<String> {
    guess_in(&[text])
}

/// Words read for a guess: a text's first few hundred tell its language.
const MAX_WORDS: usize = 600;

/// The language of several texts read as one.
fn guess_in(texts: &[&str]) -> Option<String> {
    if !texts.iter().all(|t| t.is_ascii())
        && let Some(script) = script_language(texts)
    {
        return Some(script.to_string());
    }
    let table = languages();
    let mut counts = vec![0usize; table.codes.len()];
    let mut lower = String::new();
    for word in texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
    {
        if word.len() > table.longest {
            continue;
        }
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        if let Some(&bits) = table.words.get(lower.as_str()) {
            for (i, count) in counts.iter_mut().enumerate() {
                if bits & (1 << i) != 0 {
                    *count += 1;
                }
            }
        }
    }
    let mut scores: Vec<(usize, &str)> = counts
        .into_iter()
        .zip(table.codes.iter().map(String::as_str))
        .collect();
    scores.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    match scores.as_slice() {
        [(best, code), rest @ ..]
            if *best >= MIN_HITS && rest.first().is_none_or(|r| r.0 < *best) =>
        {
            Some((*code).to_string())
        }
        _ => None,
    }
}

/// A language told by its script, when letters of that script make up a
/// tenth of the text's letters.
fn script_language(texts: &[&str]) -> Option<&'static str> {
    let mut counts = [0usize; 5];
    let mut letters = 0usize;
    for c in texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| c.is_alphabetic())
    {
        letters += 1;
        let slot = match c as u32 {
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => Some(0), // Hangul
            0x3040..=0x30FF => Some(1),                                     // kana
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => Some(2),                   // Han
            0x0400..=0x04FF => Some(3),                                     // Cyrillic
            0x0600..=0x06FF => Some(4),                                     // Arabic
            _ => None,
        };
        if let Some(count) = slot.and_then(|s| counts.get_mut(s)) {
            *count += 1;
        }
    }
    let enough = |n: usize| n > 0 && n * 10 >= letters;
    let [hangul, kana, han, cyrillic, arabic] = counts;
    if enough(hangul) {
        Some("ko")
    } else if enough(kana) {
        Some("ja")
    } else if enough(han) {
        Some("zh")
    } else if enough(cyrillic) {
        Some("ru")
    } else if enough(arabic) {
        Some("ar")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_by_function_words_and_scripts() {
        assert_eq!(
            guess("Usain Bolt of Jamaica competes in the semifinal with the others").as_deref(),
            Some("en")
        );
        assert_eq!(
            guess("Der 29-Jährige grinste, als er über die Ziellinie lief und die anderen")
                .as_deref(),
            Some("de")
        );
        assert_eq!(
            guess("La foto fue tomada en la semifinal de los 100 metros").as_deref(),
            Some("es")
        );
        assert_eq!(
            guess("エバン・ブッチ氏が撮影した写真").as_deref(),
            Some("ja")
        );
        assert_eq!(guess("임종훈이 셀카를 찍었다").as_deref(), Some("ko"));
        assert_eq!(guess("Usain Bolt").as_deref(), None);
    }

    #[test]
    fn the_table_parses() {
        let data = names_data();
        assert!(data.function_words.len() >= 8);
        assert!(data.spelling.families.len() >= 4);
        assert!(
            data.people
                .not_person_words
                .contains(&"telescope".to_string())
        );
        assert!(!data.spelling.same_names.lists.is_empty());
        assert!(is_function_word("Esta"));
        assert!(!is_function_word("Bolt"));
    }
}
