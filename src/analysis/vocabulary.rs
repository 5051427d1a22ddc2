//! The words the analysis looks for, as data: medal words and verbs, country
//! forms and demonyms, agencies and credit patterns, role phrases, venue words,
//! events, device makes, and the words that are never part of a name.
//!
//! The defaults live in `assets/vocabulary.toml` and, for the countries,
//! `assets/countries.toml` (generated, see [`super::countries`]); both are
//! built into the binary, the second merged into the first as a user file
//! would be. A captions folder may hold `vocabulary.toml` files (the loader
//! lists them in `Corpus::vocabulary_files`); each one ADDS to the defaults,
//! never removes.
//!
//! ## Format of a `vocabulary.toml`
//!
//! Every key is optional. Lists are matched ignoring case, diacritics, hyphens,
//! apostrophes and a trailing possessive; a phrase matches whole words only.
//!
//! ```toml
//! [[medals]]                # a medal and the words that name it
//! value = "gold"
//! words = ["gold", "or"]
//!
//! [medal_phrases]
//! holders = ["medallist"]   # "silver medallist" after or before a list of names
//! nouns = ["medal"]         # "the silver medal"
//! verbs = ["won", "settled for"]  # "won bronze", "settled for a bronze"
//! articles = ["a", "the"]
//! possessives = ["their"]   # "their silver medals": the team named before
//! false_friends = ["silver lining"]  # never a medal
//! podium_gold = ["top step of the podium"]  # everyone named in the sentence: gold
//!
//! [[countries]]             # a country and its forms: name, demonym, capital, "the South"
//! name = "South Korea"      # what findings print; matched only if listed in forms
//! forms = ["South Korea", "South Korean", "the South"]  # (or if there are none)
//! codes = ["KOR"]           # looked up exactly (`country_by_code`), never matched as words
//!
//! [[agencies]]              # canonical agency name and how credits spell it
//! name = "Getty Images"
//! aliases = ["gettyimages", "Getty"]
//!
//! [credit]
//! prefixes = ["photo credit", "via"]      # "via Getty": a prefix, then an agency
//! photographer_words = ["photographer"]   # "AP photographer Petros Giannakouris"
//!
//! [roles]
//! selfie_taker = ["takes a selfie"]       # the nearest person before it took the selfie
//! selfie_taken_by = ["selfie taken by"]   # the person right after it took the selfie
//!
//! [when]
//! event_words = ["ceremony"]  # a weekday counts only in a sentence about the event
//! skip_words = ["viral"]      # ... and not in one about the photo's later life
//!
//! [where]
//! venue_words = ["Arena"]     # "South Paris Arena"
//!
//! [[events]]
//! name = "mixed doubles"
//! forms = ["mixed table tennis doubles"]
//!
//! [[devices]]
//! name = "Samsung"
//! forms = ["Samsung", "Galaxy"]
//!
//! [device_context]
//! words = ["phone"]           # a make counts in a sentence with one of these
//!
//! [names]
//! stop_words = ["Olympics"]   # capitalised words that are never part of a person's name
//! stop_phrases = ["The Sun"]  # capitalised phrases that are never a person
//! person_nouns = ["athlete"]  # "South Korean athlete Lim Jong-hoon": the country applies
//! ```
//!
//! An entry of `countries`, `agencies`, `events` or `devices` whose `name`
//! already exists adds its forms (and a country its codes) to that entry. A
//! file that cannot be read or parsed (or has an unknown key) is skipped with a
//! warning; it never stops the analysis.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::countries::{
    CountryCodes, CountryEntry, CountryWords, DEFAULT_COUNTRIES, country_phrases, merge_countries,
};
use super::fast_hash::{FastMap, FastSet, key_hash};
use super::scan::{Gap, Word, scan};

/// The default vocabulary, as shipped.
pub const DEFAULT_VOCABULARY: &str = include_str!("../../assets/vocabulary.toml");

/// The raw contents of one vocabulary file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct VocabularyFile {
    medals: Vec<MedalEntry>,
    medal_phrases: MedalPhrases,
    countries: Vec<CountryEntry>,
    agencies: Vec<Agency>,
    credit: CreditWords,
    roles: RoleWords,
    when: WhenWords,
    #[serde(rename = "where")]
    place: WhereWords,
    events: Vec<NamedForms>,
    devices: Vec<NamedForms>,
    device_context: WordList,
    names: NameWords,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MedalEntry {
    value: String,
    #[serde(default)]
    words: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct MedalPhrases {
    holders: Vec<String>,
    nouns: Vec<String>,
    nouns_before: Vec<String>,
    verbs: Vec<String>,
    articles: Vec<String>,
    possessives: Vec<String>,
    false_friends: Vec<String>,
    podium_gold: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedForms {
    name: String,
    #[serde(default)]
    forms: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Agency {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// Agencies whose pictures this one distributes ("AFP via Getty Images").
    #[serde(default)]
    carries: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct CreditWords {
    prefixes: Vec<String>,
    photographer_words: Vec<String>,
    lead_cues: Vec<String>,
    ignored_parts: Vec<String>,
    taken_by: Vec<String>,
    photo_nouns: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RoleWords {
    selfie_taker: Vec<String>,
    selfie_taken_by: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct WhenWords {
    event_words: Vec<String>,
    skip_words: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct WhereWords {
    venue_words: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct WordList {
    words: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct NameWords {
    stop_words: Vec<String>,
    stop_phrases: Vec<String>,
    person_nouns: Vec<String>,
}

fn merge_named(into: &mut Vec<NamedForms>, from: Vec<NamedForms>) {
    for entry in from {
        match into
            .iter_mut()
            .find(|e| e.name.eq_ignore_ascii_case(&entry.name))
        {
            Some(existing) => existing.forms.extend(entry.forms),
            None => into.push(entry),
        }
    }
}

impl VocabularyFile {
    fn merge(&mut self, other: VocabularyFile) {
        for medal in other.medals {
            match self
                .medals
                .iter_mut()
                .find(|m| m.value.eq_ignore_ascii_case(&medal.value))
            {
                Some(existing) => existing.words.extend(medal.words),
                None => self.medals.push(medal),
            }
        }
        let p = other.medal_phrases;
        self.medal_phrases.holders.extend(p.holders);
        self.medal_phrases.nouns.extend(p.nouns);
        self.medal_phrases.nouns_before.extend(p.nouns_before);
        self.medal_phrases.verbs.extend(p.verbs);
        self.medal_phrases.articles.extend(p.articles);
        self.medal_phrases.possessives.extend(p.possessives);
        self.medal_phrases.false_friends.extend(p.false_friends);
        self.medal_phrases.podium_gold.extend(p.podium_gold);
        merge_countries(&mut self.countries, other.countries);
        for agency in other.agencies {
            match self
                .agencies
                .iter_mut()
                .find(|a| a.name.eq_ignore_ascii_case(&agency.name))
            {
                Some(existing) => {
                    existing.aliases.extend(agency.aliases);
                    existing.carries.extend(agency.carries);
                }
                None => self.agencies.push(agency),
            }
        }
        self.credit.prefixes.extend(other.credit.prefixes);
        self.credit
            .photographer_words
            .extend(other.credit.photographer_words);
        self.credit.lead_cues.extend(other.credit.lead_cues);
        self.credit.ignored_parts.extend(other.credit.ignored_parts);
        self.credit.taken_by.extend(other.credit.taken_by);
        self.credit.photo_nouns.extend(other.credit.photo_nouns);
        self.roles.selfie_taker.extend(other.roles.selfie_taker);
        self.roles
            .selfie_taken_by
            .extend(other.roles.selfie_taken_by);
        self.when.event_words.extend(other.when.event_words);
        self.when.skip_words.extend(other.when.skip_words);
        self.place.venue_words.extend(other.place.venue_words);
        merge_named(&mut self.events, other.events);
        merge_named(&mut self.devices, other.devices);
        self.device_context.words.extend(other.device_context.words);
        self.names.stop_words.extend(other.names.stop_words);
        self.names.stop_phrases.extend(other.names.stop_phrases);
        self.names.person_nouns.extend(other.names.person_nouns);
    }
}

/// Phrases (sequences of word keys) with a value each, found by their first word.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseSet {
    by_first: FastMap<String, Vec<(Vec<String>, usize)>>,
    /// A bit per `FIRST_FILTER_BITS` slot of the first words' key hashes:
    /// most words of a text start no phrase, and one bit test says so.
    first_filter: Vec<u64>,
}

/// The size of `PhraseSet::first_filter`, in bits (a power of two).
const FIRST_FILTER_BITS: u64 = 65536;

fn filter_slot(hash: u64) -> (usize, u64) {
    let bit = (hash >> 40) % FIRST_FILTER_BITS;
    ((bit / 64) as usize, 1u64 << (bit % 64))
}

impl PhraseSet {
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let mut by_first: FastMap<String, Vec<(Vec<String>, usize)>> = FastMap::default();
        for (phrase, value) in phrases {
            let keys: Vec<String> = scan(phrase).words.into_iter().map(|w| w.key).collect();
            let Some(first) = keys.first().cloned() else {
                continue;
            };
            let list = by_first.entry(first).or_default();
            if !list.iter().any(|(k, _)| *k == keys) {
                list.push((keys, value));
            }
        }
        for list in by_first.values_mut() {
            // Longest phrase first, so "South Korean" wins over "South Korea".
            list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        }
        let mut first_filter = vec![0u64; (FIRST_FILTER_BITS / 64) as usize];
        for first in by_first.keys() {
            let (word, bit) = filter_slot(key_hash(first));
            if let Some(slot) = first_filter.get_mut(word) {
                *slot |= bit;
            }
        }
        PhraseSet {
            by_first,
            first_filter,
        }
    }

    fn flat<'a>(phrases: impl IntoIterator<Item = &'a String>) -> Self {
        PhraseSet::new(phrases.into_iter().map(|p| (p.as_str(), 0)))
    }

    /// Every phrase, as its word keys and value.
    pub fn phrases(&self) -> impl Iterator<Item = (&[String], usize)> {
        self.by_first
            .values()
            .flat_map(|list| list.iter().map(|(keys, value)| (keys.as_slice(), *value)))
    }

    /// Every phrase of one word, as its key and value.
    pub fn single_words(&self) -> impl Iterator<Item = (&str, usize)> {
        self.by_first.iter().flat_map(|(first, list)| {
            list.iter()
                .filter(|(keys, _)| keys.len() == 1)
                .map(move |(_, value)| (first.as_str(), *value))
        })
    }

    /// The longest phrase starting at word `i`: (number of words, value).
    /// The words must follow each other with only spaces between them, and a
    /// possessive may only end the phrase.
    pub fn match_at(&self, words: &[Word], i: usize) -> Option<(usize, usize)> {
        let first = words.get(i)?;
        let (word, bit) = filter_slot(first.key_hash);
        if self
            .first_filter
            .get(word)
            .is_none_or(|slot| slot & bit == 0)
        {
            return None;
        }
        let list = self.by_first.get(&first.key)?;
        'phrases: for (keys, value) in list {
            for (k, key) in keys.iter().enumerate() {
                let Some(w) = words.get(i + k) else {
                    continue 'phrases;
                };
                if w.key != *key || (k > 0 && (w.gap != Gap::Space || w.sentence != first.sentence))
                {
                    continue 'phrases;
                }
                if k + 1 < keys.len() && w.possessive {
                    continue 'phrases;
                }
            }
            return Some((keys.len(), *value));
        }
        None
    }

    /// The longest phrase ending at word `end - 1` (exclusive end): (start, value).
    pub fn match_ending_at(&self, words: &[Word], end: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for start in end.saturating_sub(6)..end {
            if let Some((len, value)) = self.match_at(words, start)
                && start + len == end
            {
                best = Some((start, value));
                break;
            }
        }
        best
    }

    pub fn contains_at(&self, words: &[Word], i: usize) -> Option<usize> {
        self.match_at(words, i).map(|(len, _)| len)
    }
}

/// The compiled vocabulary: every list ready for fast lookups.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub(crate) medal_values: Vec<String>,
    pub(crate) medal_words: PhraseSet,
    pub(crate) holders: PhraseSet,
    pub(crate) medal_nouns: PhraseSet,
    /// "medalla" of "la medalla de oro": a medal noun before its medal word.
    pub(crate) medal_nouns_before: FastSet<String>,
    pub(crate) medal_verbs: PhraseSet,
    pub(crate) articles: FastSet<String>,
    pub(crate) possessives: FastSet<String>,
    pub(crate) false_friends: PhraseSet,
    pub(crate) podium_gold: PhraseSet,
    pub(crate) country_names: Vec<String>,
    pub(crate) countries: PhraseSet,
    pub(crate) country_codes: CountryCodes,
    /// The one-word forms of `countries`, for misspellings.
    pub(crate) country_words: CountryWords,
    pub(crate) agency_names: Vec<String>,
    pub(crate) agencies: PhraseSet,
    /// (initials, spelling, agency index) of every agency name of two words
    /// or more ("AP", "Associated Press", ..), for spun names ("Affiliated Push").
    pub(crate) agency_initials: Vec<(String, String, usize)>,
    pub(crate) credit_prefixes: PhraseSet,
    /// What may open a credit line before its names ("Photo by", "Bild:",
    /// "©"), lower-case, longest first.
    pub(crate) credit_lead_cues: Vec<String>,
    /// Parts of a credit line that name nobody ("Handout", "Pool").
    pub(crate) credit_ignored: FastSet<String>,
    /// "taken by", "photographed by": the photographer's name follows.
    pub(crate) taken_by: PhraseSet,
    pub(crate) photo_nouns: FastSet<String>,
    /// For each agency, the agencies whose pictures it distributes.
    pub(crate) agency_carries: Vec<Vec<usize>>,
    pub(crate) photographer_words: FastSet<String>,
    pub(crate) selfie_taker: PhraseSet,
    pub(crate) selfie_taken_by: PhraseSet,
    pub(crate) event_words: PhraseSet,
    pub(crate) skip_words: FastSet<String>,
    pub(crate) venue_words: FastSet<String>,
    pub(crate) event_names: Vec<String>,
    pub(crate) events: PhraseSet,
    pub(crate) device_names: Vec<String>,
    pub(crate) devices: PhraseSet,
    pub(crate) device_context: FastSet<String>,
    pub(crate) stop_words: FastSet<String>,
    pub(crate) stop_phrases: PhraseSet,
    pub(crate) person_nouns: FastSet<String>,
}

fn key_set(words: &[String]) -> FastSet<String> {
    words
        .iter()
        .flat_map(|w| scan(w).words.into_iter().map(|w| w.key))
        .collect()
}

fn named_set(entries: &[NamedForms]) -> (Vec<String>, PhraseSet) {
    let names = entries.iter().map(|e| e.name.clone()).collect();
    let phrases = PhraseSet::new(entries.iter().enumerate().flat_map(|(i, e)| {
        std::iter::once((e.name.as_str(), i)).chain(e.forms.iter().map(move |f| (f.as_str(), i)))
    }));
    (names, phrases)
}

impl Vocabulary {
    fn compile(file: &VocabularyFile) -> Vocabulary {
        let medal_values = file.medals.iter().map(|m| m.value.to_lowercase()).collect();
        let medal_words = PhraseSet::new(file.medals.iter().enumerate().flat_map(|(i, m)| {
            std::iter::once((m.value.as_str(), i))
                .chain(m.words.iter().map(move |w| (w.as_str(), i)))
        }));
        let p = &file.medal_phrases;
        let (country_names, countries) = country_phrases(&file.countries);
        let country_words = CountryWords::new(&countries);
        let agency_entries: Vec<NamedForms> = file
            .agencies
            .iter()
            .map(|a| NamedForms {
                name: a.name.clone(),
                forms: a.aliases.clone(),
            })
            .collect();
        let (agency_names, agencies) = named_set(&agency_entries);
        let agency_initials = agency_entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                std::iter::once(&e.name)
                    .chain(&e.forms)
                    // Names in words, not with an acronym ("AP Photo").
                    .filter(|f| {
                        f.split_whitespace().count() >= 2
                            && f.split_whitespace().all(|w| {
                                w.chars().count() < 2 || !w.chars().all(char::is_uppercase)
                            })
                    })
                    .map(move |f| (initials(f), f.clone(), i))
            })
            .collect();
        let agency_carries = file
            .agencies
            .iter()
            .map(|a| {
                a.carries
                    .iter()
                    .filter_map(|c| {
                        agency_entries
                            .iter()
                            .position(|e| e.name.eq_ignore_ascii_case(c))
                    })
                    .collect()
            })
            .collect();
        let mut credit_lead_cues: Vec<String> = file
            .credit
            .lead_cues
            .iter()
            .map(|c| c.trim().to_lowercase())
            .filter(|c| !c.is_empty())
            .collect();
        credit_lead_cues.sort_by_key(|c| std::cmp::Reverse(c.len()));
        credit_lead_cues.dedup();
        let (event_names, events) = named_set(&file.events);
        let (device_names, devices) = named_set(&file.devices);
        // A venue is recognised by its last word ("Aquatics Centre" by "Centre").
        let venue_words = file
            .place
            .venue_words
            .iter()
            .filter_map(|v| scan(v).words.pop().map(|w| w.key))
            .collect();
        Vocabulary {
            medal_values,
            medal_words,
            holders: PhraseSet::flat(&p.holders),
            medal_nouns: PhraseSet::flat(&p.nouns),
            medal_nouns_before: key_set(&p.nouns_before),
            medal_verbs: PhraseSet::flat(&p.verbs),
            articles: key_set(&p.articles),
            possessives: key_set(&p.possessives),
            false_friends: PhraseSet::flat(&p.false_friends),
            podium_gold: PhraseSet::flat(&p.podium_gold),
            country_names,
            countries,
            country_codes: CountryCodes::new(&file.countries),
            country_words,
            agency_names,
            agencies,
            agency_initials,
            credit_prefixes: PhraseSet::flat(&file.credit.prefixes),
            credit_lead_cues,
            credit_ignored: key_set(&file.credit.ignored_parts),
            taken_by: PhraseSet::flat(&file.credit.taken_by),
            photo_nouns: key_set(&file.credit.photo_nouns),
            agency_carries,
            photographer_words: key_set(&file.credit.photographer_words),
            selfie_taker: PhraseSet::flat(&file.roles.selfie_taker),
            selfie_taken_by: PhraseSet::flat(&file.roles.selfie_taken_by),
            event_words: PhraseSet::flat(&file.when.event_words),
            skip_words: key_set(&file.when.skip_words),
            venue_words,
            event_names,
            events,
            device_names,
            devices,
            device_context: key_set(&file.device_context.words),
            stop_words: key_set(&file.names.stop_words),
            stop_phrases: PhraseSet::flat(&file.names.stop_phrases),
            person_nouns: key_set(&file.names.person_nouns),
        }
    }

    fn default_file() -> VocabularyFile {
        // The embedded files are tested to parse; should one ever fail, the
        // analysis runs without it rather than panicking.
        let mut file: VocabularyFile = toml::from_str(DEFAULT_VOCABULARY).unwrap_or_default();
        file.merge(toml::from_str(DEFAULT_COUNTRIES).unwrap_or_default());
        file
    }

    /// The shipped country entries, hand-written and generated, merged.
    #[cfg(test)]
    pub(crate) fn default_countries() -> Vec<CountryEntry> {
        Vocabulary::default_file().countries
    }

    /// The shipped vocabulary alone.
    pub fn builtin() -> Vocabulary {
        Vocabulary::compile(&Vocabulary::default_file())
    }

    /// The shipped vocabulary plus the entries of `extra` (a `vocabulary.toml`'s text).
    pub fn with_extra(extra: &str) -> Result<Vocabulary, String> {
        let mut file = Vocabulary::default_file();
        let added: VocabularyFile = toml::from_str(extra).map_err(|e| one_line(&e.to_string()))?;
        file.merge(added);
        Ok(Vocabulary::compile(&file))
    }

    /// The shipped vocabulary plus every readable file of `files` (relative to
    /// `root`), and one warning per file that was skipped.
    pub fn with_files(root: &Path, files: &[PathBuf]) -> (Vocabulary, Vec<String>) {
        let mut file = Vocabulary::default_file();
        let mut warnings = Vec::new();
        for path in files {
            let shown = path.display();
            let read = crate::regular_file::read_regular(
                &root.join(path),
                crate::corpus::load::CAPTION_SIZE_LIMIT,
            )
            .map_err(|e| e.to_string())
            .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string()));
            match read {
                Err(e) => warnings.push(format!("{shown}: could not be read: {e}")),
                Ok(text) => match toml::from_str::<VocabularyFile>(&text) {
                    Ok(added) => file.merge(added),
                    Err(e) => {
                        warnings.push(format!("{shown}: ignored: {}", one_line(&e.to_string())))
                    }
                },
            }
        }
        (Vocabulary::compile(&file), warnings)
    }

    /// The canonical country named by `text` ("South Korean" gives "South Korea").
    pub fn country_of(&self, text: &str) -> Option<&str> {
        let words = scan(text).words;
        let (len, idx) = self.countries.match_at(&words, 0)?;
        (len == words.len()).then(|| self.country_names.get(idx).map(String::as_str))?
    }

    /// The canonical country with exactly this code, upper case: "JAM" gives
    /// "Jamaica" (IOC and ISO 3166-1 alpha-3 codes), "jam" gives nothing.
    pub fn country_by_code(&self, code: &str) -> Option<&str> {
        let idx = self.country_codes.get(code)?;
        self.country_names.get(idx).map(String::as_str)
    }

    /// The canonical agency a credit line names, if it names one.
    pub fn agency_of(&self, text: &str) -> Option<&str> {
        let words = scan(text).words;
        (0..words.len())
            .find_map(|i| self.agencies.match_at(&words, i))
            .and_then(|(_, idx)| self.agency_names.get(idx).map(String::as_str))
    }
}

/// The upper-case first letters of a name's words ("Associated Press": "AP").
pub(crate) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A parser error squeezed onto one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_default_vocabulary_parses_every_section() {
        let file: VocabularyFile = toml::from_str(DEFAULT_VOCABULARY).unwrap();
        assert_eq!(file.medals.len(), 3);
        assert!(file.countries.iter().any(|c| c.name == "South Korea"));
        assert!(!file.names.stop_words.is_empty());
        assert!(!file.devices.is_empty());
        let countries: VocabularyFile = toml::from_str(DEFAULT_COUNTRIES).unwrap();
        assert!(countries.countries.len() > file.countries.len());
    }

    #[test]
    fn countries_and_agencies_are_canonicalised() {
        let v = Vocabulary::builtin();
        assert_eq!(v.country_of("South Korean"), Some("South Korea"));
        assert_eq!(v.country_of("the South"), Some("South Korea"));
        assert_eq!(v.country_of("Chinese"), Some("China"));
        assert_eq!(v.country_of("South Korean-made"), None);
        assert_eq!(v.agency_of("via gettyimages"), Some("Getty Images"));
        assert_eq!(v.agency_of("GETTY IMAGES"), Some("Getty Images"));
        assert_eq!(v.agency_of("AFP"), Some("AFP"));
        assert_eq!(v.agency_of("caption-provenance stand-in"), None);
    }

    #[test]
    fn a_user_file_adds_to_the_defaults() {
        let v = Vocabulary::with_extra(
            "[[countries]]\nname = \"South Korea\"\nforms = [\"Hanguk\"]\n\n[[agencies]]\nname = \"Kyodo\"\naliases = [\"Kyodo News\"]\n",
        )
        .unwrap();
        assert_eq!(v.country_of("Hanguk"), Some("South Korea"));
        assert_eq!(v.country_of("South Korea"), Some("South Korea"));
        assert_eq!(v.agency_of("via Kyodo News"), Some("Kyodo"));
    }

    #[test]
    fn a_bad_user_file_is_a_warning() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("vocabulary.toml"), "[[countries]\nname = 1")?;
        std::fs::write(dir.path().join("other.toml"), "colour = \"blue\"\n")?;
        let (v, warnings) = Vocabulary::with_files(
            dir.path(),
            &[
                PathBuf::from("vocabulary.toml"),
                PathBuf::from("other.toml"),
                PathBuf::from("missing.toml"),
            ],
        );
        assert_eq!(warnings.len(), 3);
        assert!(warnings[0].starts_with("vocabulary.toml: ignored: "));
        assert!(
            warnings[1].contains("unknown field `colour`"),
            "{}",
            warnings[1]
        );
        assert!(warnings[2].starts_with("missing.toml: could not be read: "));
        assert_eq!(v.country_of("South Korea"), Some("South Korea"));
        Ok(())
    }
}
