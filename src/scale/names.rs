//! People for synthetic photos: names from several naming traditions, each
//! with the spellings outlets really use (romanisations, name orders, hyphens,
//! diacritics, capitals), and the countries they play for.

use super::rng::Rng;

/// Which naming tradition a country's players come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Culture {
    Korean,
    Chinese,
    Japanese,
    Latin,
}

/// A country as the vocabulary knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// The canonical name (a `countries` entry of the default vocabulary).
    pub name: &'static str,
    /// The adjective ("South Korean"), also a form of the vocabulary.
    pub demonym: &'static str,
    pub culture: Culture,
}

/// The countries players come from.
pub const COUNTRIES: [Country; 10] = [
    Country {
        name: "China",
        demonym: "Chinese",
        culture: Culture::Chinese,
    },
    Country {
        name: "Japan",
        demonym: "Japanese",
        culture: Culture::Japanese,
    },
    Country {
        name: "South Korea",
        demonym: "South Korean",
        culture: Culture::Korean,
    },
    Country {
        name: "North Korea",
        demonym: "North Korean",
        culture: Culture::Korean,
    },
    Country {
        name: "France",
        demonym: "French",
        culture: Culture::Latin,
    },
    Country {
        name: "Germany",
        demonym: "German",
        culture: Culture::Latin,
    },
    Country {
        name: "Sweden",
        demonym: "Swedish",
        culture: Culture::Latin,
    },
    Country {
        name: "Brazil",
        demonym: "Brazilian",
        culture: Culture::Latin,
    },
    Country {
        name: "Great Britain",
        demonym: "British",
        culture: Culture::Latin,
    },
    Country {
        name: "India",
        demonym: "Indian",
        culture: Culture::Latin,
    },
];

/// Korean family names with their other romanisations.
const KOREAN_FAMILY: [(&str, &[&str]); 14] = [
    ("Kim", &[]),
    ("Lee", &["Yi", "Rhee"]),
    ("Park", &["Pak"]),
    ("Choi", &["Choe"]),
    ("Jung", &["Jeong", "Chung"]),
    ("Kang", &[]),
    ("Cho", &["Jo"]),
    ("Yoon", &["Yun"]),
    ("Jang", &["Chang"]),
    ("Lim", &["Im"]),
    ("Shin", &["Sin"]),
    ("Ri", &[]),
    ("Han", &[]),
    ("Seo", &["Suh"]),
];
/// Syllables of Korean given names (written "Jong-hoon", "Jonghoon", "Jong Hoon").
const KOREAN_SYLLABLES: [&str; 18] = [
    "jong", "min", "yu", "su", "ji", "hyun", "seung", "woo", "ha", "eun", "sang", "kum", "yong",
    "sik", "hoon", "bin", "jin", "young",
];

const CHINESE_FAMILY: [(&str, &[&str]); 14] = [
    ("Wang", &[]),
    ("Zhang", &["Chang"]),
    ("Liu", &[]),
    ("Chen", &["Chan"]),
    ("Yang", &[]),
    ("Huang", &["Wong"]),
    ("Zhao", &["Chao"]),
    ("Zhou", &["Chou"]),
    ("Xu", &["Hsu"]),
    ("Sun", &[]),
    ("Ma", &[]),
    ("Fan", &[]),
    ("Lin", &["Lam"]),
    ("Qian", &["Chien"]),
];
const CHINESE_GIVEN: [&str; 14] = [
    "Chuqin", "Yingsha", "Manyu", "Zhendong", "Long", "Meng", "Shidong", "Yidi", "Xingtong",
    "Jingkun", "Yuxuan", "Xinyu", "Haoran", "Ziyi",
];

/// Japanese family names; a macron form where one exists (folded away when matching).
const JAPANESE_FAMILY: [(&str, &[&str]); 12] = [
    ("Ito", &["Itoh"]),
    ("Harimoto", &[]),
    ("Hayata", &[]),
    ("Hirano", &[]),
    ("Ishikawa", &[]),
    ("Mizutani", &[]),
    ("Tanaka", &[]),
    ("Ōshima", &["Ohshima"]),
    ("Satō", &["Satoh"]),
    ("Togami", &[]),
    ("Shinozuka", &[]),
    ("Kōno", &["Kohno"]),
];
const JAPANESE_GIVEN: [&str; 12] = [
    "Mima", "Tomokazu", "Hina", "Miu", "Kasumi", "Shunsuke", "Yūto", "Sōta", "Kōki", "Miwa",
    "Sayaka", "Takuya",
];

const LATIN_GIVEN: [&str; 20] = [
    "Félix", "Alexis", "Simon", "Timo", "Dimitrij", "Anton", "Truls", "Hugo", "Bruna", "Liam",
    "Paul", "Nina", "Sofia", "Elena", "Léa", "Mattias", "Jorge", "Ana", "Björn", "Chloé",
];
const LATIN_FAMILY: [&str; 20] = [
    "Lebrun",
    "Gauzy",
    "Boll",
    "Ovtcharov",
    "Källberg",
    "Möregårdh",
    "Calderano",
    "Takahashi",
    "Pitchford",
    "Drinkhall",
    "Mittelham",
    "Solja",
    "Pavade",
    "Karlsson",
    "Falck",
    "Nuytinck",
    "Groth",
    "Jorgić",
    "Pucar",
    "Batra",
];

/// One player: the reference spelling, the aliases the reference lists, and
/// every spelling outlets may print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// The reference spelling ("Lim Jong-hoon").
    pub name: String,
    /// Other spellings the reference lists (romanisations the matcher cannot fold).
    pub aliases: Vec<String>,
    /// What outlets print: the name, the aliases, and forms the matcher folds
    /// by itself (other name order, no diacritics, capitals).
    pub spellings: Vec<String>,
    /// The family name as in `name`, to keep family names unique in a photo.
    pub family: String,
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Félix" to "Felix" for the handful of letters the pools use.
fn plain_letters(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'é' => 'e',
            'ö' => 'o',
            'å' | 'ä' => 'a',
            'ć' => 'c',
            'ō' => 'o',
            'ū' => 'u',
            'Ō' => 'O',
            _ => c,
        })
        .collect()
}

fn push_unique(list: &mut Vec<String>, spelling: String) {
    if !list.contains(&spelling) {
        list.push(spelling);
    }
}

/// Picks a family name not yet used in the photo (by any spelling).
fn fresh_family(
    rng: &mut Rng,
    pool: &[(&'static str, &'static [&'static str])],
    used: &[String],
) -> (&'static str, &'static [&'static str]) {
    let start = rng.below(pool.len());
    (0..pool.len())
        .map(|k| pool[(start + k) % pool.len()])
        .find(|(family, _)| !used.iter().any(|u| u == family))
        .unwrap_or(pool[start % pool.len()])
}

/// A new player of `culture` whose family name is not in `used` (which it joins).
pub fn person(culture: Culture, rng: &mut Rng, used: &mut Vec<String>) -> PersonName {
    let mut out = match culture {
        Culture::Korean => korean(rng, used),
        Culture::Chinese => chinese(rng, used),
        Culture::Japanese => japanese(rng, used),
        Culture::Latin => latin(rng, used),
    };
    used.push(out.family.clone());
    let mut spellings = vec![out.name.clone()];
    for alias in &out.aliases {
        push_unique(&mut spellings, alias.clone());
    }
    out.spellings = spellings;
    out
}

fn korean(rng: &mut Rng, used: &[String]) -> PersonName {
    let (family, others) = fresh_family(rng, &KOREAN_FAMILY, used);
    let first = KOREAN_SYLLABLES[rng.below(KOREAN_SYLLABLES.len())];
    let mut second = KOREAN_SYLLABLES[rng.below(KOREAN_SYLLABLES.len())];
    if second == first {
        second =
            KOREAN_SYLLABLES[(rng.below(KOREAN_SYLLABLES.len() - 1) + 1) % KOREAN_SYLLABLES.len()];
    }
    let hyphenated = format!("{}-{second}", capitalise(first));
    let joined = format!("{}{second}", capitalise(first));
    let spaced = format!("{} {}", capitalise(first), capitalise(second));
    let name = format!("{family} {hyphenated}");
    let mut aliases = Vec::new();
    push_unique(&mut aliases, format!("{family} {joined}"));
    push_unique(&mut aliases, format!("{hyphenated} {family}"));
    push_unique(&mut aliases, format!("{family} {spaced}"));
    for other in others {
        push_unique(&mut aliases, format!("{other} {hyphenated}"));
    }
    aliases.retain(|a| *a != name);
    PersonName {
        name,
        aliases,
        spellings: Vec::new(),
        family: family.to_string(),
    }
}

fn chinese(rng: &mut Rng, used: &[String]) -> PersonName {
    let (family, others) = fresh_family(rng, &CHINESE_FAMILY, used);
    let given = CHINESE_GIVEN[rng.below(CHINESE_GIVEN.len())];
    let name = format!("{family} {given}");
    let mut aliases = vec![
        format!("{given} {family}"),
        format!("{} {given}", family.to_uppercase()),
    ];
    for other in others {
        aliases.push(format!("{other} {given}"));
    }
    PersonName {
        name,
        aliases,
        spellings: Vec::new(),
        family: family.to_string(),
    }
}

fn japanese(rng: &mut Rng, used: &[String]) -> PersonName {
    let (family, others) = fresh_family(rng, &JAPANESE_FAMILY, used);
    let given = JAPANESE_GIVEN[rng.below(JAPANESE_GIVEN.len())];
    // Western order is the reference's; Japanese order and plain letters are common.
    let name = format!("{given} {family}");
    let mut aliases = vec![format!("{family} {given}")];
    push_unique(&mut aliases, plain_letters(&name));
    for other in others {
        aliases.push(format!("{given} {other}"));
    }
    aliases.retain(|a| *a != name);
    PersonName {
        name,
        aliases,
        spellings: Vec::new(),
        family: family.to_string(),
    }
}

fn latin(rng: &mut Rng, used: &[String]) -> PersonName {
    let pool: Vec<(&'static str, &'static [&'static str])> =
        LATIN_FAMILY.iter().map(|f| (*f, &[][..])).collect();
    let (family, _) = fresh_family(rng, &pool, used);
    let given = LATIN_GIVEN[rng.below(LATIN_GIVEN.len())];
    let name = format!("{given} {family}");
    let mut aliases = vec![format!("{} {given}", family.to_uppercase())];
    push_unique(&mut aliases, plain_letters(&name));
    aliases.retain(|a| *a != name);
    PersonName {
        name,
        aliases,
        spellings: Vec::new(),
        family: family.to_string(),
    }
}

/// A misspelling of `spelling` that no spelling of anyone matches: the
/// longest word gets a letter doubled (or a doubled letter undoubled).
pub fn misspell(spelling: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = spelling.split(' ').collect();
    let longest = words
        .iter()
        .enumerate()
        .max_by_key(|(_, w)| w.chars().count())
        .map_or(0, |(i, _)| i);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if i != longest {
            out.push((*word).to_string());
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        let doubled = chars.windows(2).position(|w| w[0] == w[1]);
        let changed: String = match doubled {
            Some(at) => chars
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != at)
                .map(|(_, c)| *c)
                .collect(),
            None => {
                let letters: Vec<usize> = (1..chars.len())
                    .filter(|&k| chars[k].is_alphabetic())
                    .collect();
                let at = letters
                    .get(rng.below(letters.len().max(1)))
                    .copied()
                    .unwrap_or(0);
                let mut c = chars.clone();
                if let Some(&letter) = chars.get(at) {
                    c.insert(at, letter);
                }
                c.into_iter().collect()
            }
        };
        out.push(changed);
    }
    out.join(" ")
}
