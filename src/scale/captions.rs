//! One synthetic photo: the medal ceremony it shows (three teams of two, their
//! countries and medals, event, venue, date, agency, who took the selfie) and
//! the captions outlets wrote about it, some with a planted error.
//!
//! Every caption is built from a template whose claims are known, so the
//! conflicts a planted error must cause are known too.

use chrono::NaiveDate;

use super::names::{COUNTRIES, Country, PersonName, misspell, person};
use super::rng::Rng;
use crate::corpus::Medal;

/// Agencies with the spellings credit lines use.
pub const AGENCIES: [(&str, &[&str]); 7] = [
    (
        "Getty Images",
        &["Getty Images", "GETTY IMAGES", "gettyimages"],
    ),
    ("AFP", &["AFP", "AFP Photo", "Agence France-Presse"]),
    ("Associated Press", &["Associated Press", "AP Photo"]),
    ("Reuters", &["Reuters", "REUTERS"]),
    ("EPA", &["EPA", "EPA-EFE"]),
    ("Yonhap", &["Yonhap", "Yonhap News Agency"]),
    ("Xinhua", &["Xinhua"]),
];

const EVENTS: [&str; 3] = ["mixed doubles", "men's doubles", "women's doubles"];
const VENUES: [&str; 6] = [
    "South Paris Arena",
    "Olympic Hall",
    "Busan Exhibition Centre",
    "Chengdu Sports Stadium",
    "Tokyo Metropolitan Gymnasium",
    "Halmstad Arena",
];
const DEVICES: [&str; 3] = ["Samsung", "Huawei", "Xiaomi"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Sentences that state nothing checkable, to give articles a realistic length.
const FILLER: [&str; 8] = [
    "Fans in the stands cheered as the players posed together.",
    "The picture spread quickly online within hours.",
    "Officials later praised the spirit shown by all three teams.",
    "Several players said afterwards that the moment meant a lot to them.",
    "Commentators called it one of the warmest scenes of the tournament.",
    "The teams had met twice earlier in the season.",
    "Coaches from all three teams applauded from the side of the court.",
    "Many readers asked where they could find the full picture.",
];

fn medal_word(medal: Medal) -> &'static str {
    match medal {
        Medal::Gold => "gold",
        Medal::Silver => "silver",
        Medal::Bronze => "bronze",
    }
}

/// A team on the podium.
#[derive(Debug, Clone)]
pub struct Team {
    pub country: Country,
    pub medal: Medal,
    /// Indices into `PhotoPlan::people`.
    pub people: [usize; 2],
}

/// The facts of one photo.
#[derive(Debug, Clone)]
pub struct PhotoPlan {
    pub people: Vec<PersonName>,
    /// Gold, silver, bronze.
    pub teams: [Team; 3],
    pub event: &'static str,
    pub venue: &'static str,
    pub date: NaiveDate,
    /// Index into `AGENCIES`.
    pub agency: usize,
    pub device: &'static str,
    /// The person who took the selfie (index into `people`).
    pub taken_by: usize,
}

/// The kinds of planted errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Two teams' medals exchanged in one caption.
    SwappedMedals,
    /// One name misspelt in one caption.
    MisspeltName,
    /// Another agency in one variant's credit.
    WrongCredit,
}

/// An error planted in one variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Planted {
    /// Teams `a` and `b` (indices into `PhotoPlan::teams`) swap medals in the caption.
    SwappedMedals { a: usize, b: usize },
    /// This person's name is misspelt in the caption.
    MisspeltName { person: usize },
    /// The credit names this agency (index into `AGENCIES`).
    WrongCredit { agency: usize },
}

/// The file format of a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Toml,
    Html,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Text, Format::Json, Format::Toml, Format::Html];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Toml => "toml",
            Format::Html => "html",
        }
    }
}

/// How one outlet wrote about the photo.
#[derive(Debug, Clone)]
pub struct VariantPlan {
    /// Which caption template (0..TEMPLATES).
    pub template: usize,
    /// Index into each person's `spellings`, per person.
    pub spelling: Vec<usize>,
    /// How the credit is spelt (index into the agency's spellings).
    pub credit_spelling: usize,
    /// Whether the caption ends with "| Photo Credit: ..." (always for a
    /// saved page, which has no credit field).
    pub credit_in_caption: bool,
    /// The file format.
    pub format: Format,
    /// How to write the date: 0 "30 July 2024", 1 "July 30, 2024", 2 "2024-07-30".
    pub date_style: usize,
    /// Article sentences: none when empty.
    pub article: Vec<String>,
    pub planted: Option<Planted>,
}

/// How many caption templates there are.
pub const TEMPLATES: usize = 4;

impl PhotoPlan {
    /// The facts of photo `n` for a seed.
    pub fn new(rng: &mut Rng) -> PhotoPlan {
        let mut countries: Vec<Country> = Vec::new();
        while countries.len() < 3 {
            let c = COUNTRIES[rng.below(COUNTRIES.len())];
            if !countries.contains(&c) {
                countries.push(c);
            }
        }
        let mut used = Vec::new();
        let mut people = Vec::new();
        for c in &countries {
            people.push(person(c.culture, rng, &mut used));
            people.push(person(c.culture, rng, &mut used));
        }
        let medals = [Medal::Gold, Medal::Silver, Medal::Bronze];
        let teams = [0, 1, 2].map(|t| Team {
            country: countries[t],
            medal: medals[t],
            people: [2 * t, 2 * t + 1],
        });
        let date =
            NaiveDate::from_ymd_opt(2024, 7, 24 + rng.below(8) as u32).unwrap_or(NaiveDate::MIN);
        PhotoPlan {
            taken_by: 4 + rng.below(2),
            people,
            teams,
            event: EVENTS[rng.below(EVENTS.len())],
            venue: VENUES[rng.below(VENUES.len())],
            date,
            agency: rng.below(AGENCIES.len()),
            device: DEVICES[rng.below(DEVICES.len())],
        }
    }

    /// How outlet `v` writes about the photo; `error_share` is the chance of
    /// a planted error.
    pub fn variant(&self, v: usize, rng: &mut Rng, error_share: f64) -> VariantPlan {
        let template = (v + rng.below(TEMPLATES)) % TEMPLATES;
        let spelling = self
            .people
            .iter()
            .map(|p| rng.below(p.spellings.len()))
            .collect();
        let article = if rng.chance(0.5) {
            let mut lines = vec![self.article_medals()];
            for _ in 0..2 + rng.below(3) {
                lines.push(FILLER[rng.below(FILLER.len())].to_string());
            }
            lines
        } else {
            Vec::new()
        };
        // The first variant is always right, so a majority exists even in small photos.
        let planted = (v > 0 && rng.chance(error_share)).then(|| match rng.below(3) {
            0 if template != 3 => {
                let a = if template == 2 { 0 } else { rng.below(2) };
                Planted::SwappedMedals { a, b: a + 1 }
            }
            1 => Planted::MisspeltName {
                person: rng.below(self.people.len()),
            },
            _ => Planted::WrongCredit {
                agency: (self.agency + 1 + rng.below(AGENCIES.len() - 1)) % AGENCIES.len(),
            },
        });
        let format = Format::ALL[(v + rng.below(Format::ALL.len())) % Format::ALL.len()];
        VariantPlan {
            template,
            spelling,
            credit_spelling: rng.below(8),
            credit_in_caption: format == Format::Html || rng.chance(0.5),
            format,
            date_style: rng.below(3),
            article,
            planted,
        }
    }

    fn article_medals(&self) -> String {
        let [a, b, c] = &self.teams;
        format!(
            "{} clinched {}, {} snagged {}, and {} settled for {}.",
            a.country.name,
            medal_word(a.medal),
            b.country.name,
            medal_word(b.medal),
            c.country.name,
            medal_word(c.medal),
        )
    }

    /// The credit a variant prints (as spelt).
    pub fn credit(&self, plan: &VariantPlan) -> String {
        let agency = match plan.planted {
            Some(Planted::WrongCredit { agency }) => agency,
            _ => self.agency,
        };
        let (_, spellings) = AGENCIES[agency % AGENCIES.len()];
        spellings[plan.credit_spelling % spellings.len()].to_string()
    }

    fn date_text(&self, style: usize) -> String {
        use chrono::Datelike;
        let month = MONTHS[(self.date.month0() as usize) % 12];
        match style % 3 {
            0 => format!("{} {month} {}", self.date.day(), self.date.year()),
            1 => format!("{month} {}, {}", self.date.day(), self.date.year()),
            _ => self.date.format("%Y-%m-%d").to_string(),
        }
    }

    /// The caption of a variant, planted error included.
    pub fn caption(&self, plan: &VariantPlan) -> String {
        let name = |p: usize| -> String {
            let person = &self.people[p];
            let spelt = person.spellings[plan.spelling[p] % person.spellings.len()].clone();
            match plan.planted {
                Some(Planted::MisspeltName { person }) if person == p => {
                    misspell(&spelt, &mut Rng::new(p as u64))
                }
                _ => spelt,
            }
        };
        let mut medals = self.teams.clone().map(|t| medal_word(t.medal));
        if let Some(Planted::SwappedMedals { a, b }) = plan.planted {
            medals.swap(a, b);
        }
        let [ta, tb, tc] = &self.teams;
        let pair = |t: &Team| (name(t.people[0]), name(t.people[1]));
        let ((a1, a2), (b1, b2), (c1, c2)) = (pair(ta), pair(tb), pair(tc));
        let [ma, mb, mc] = medals;
        let (event, venue) = (self.event, self.venue);
        let date = self.date_text(plan.date_style);
        let mut caption = match plan.template % TEMPLATES {
            0 => format!(
                "{}’s {a1} and {a2}, {ma} medallists, pose with {}’s {b1} and {b2}, {mb} medallists, and {}’s {c1} and {c2}, {mc} medallists, after the {event} medal ceremony at {venue} on {date}.",
                ta.country.name, tb.country.name, tc.country.name
            ),
            1 => format!(
                "{} medallists {a1} and {a2} ({}) celebrate on the podium with {mb} medallists {b1} and {b2} ({}) and {mc} medallists {c1} and {c2} ({}) after the {event} final at {venue} on {date}.",
                capitalise(ma),
                ta.country.name,
                tb.country.name,
                tc.country.name
            ),
            2 => format!(
                "{} pair {a1} and {a2} won {ma} in the {event} at {venue} on {date}. {} took {mb} and {} {mc}.",
                ta.country.demonym, tb.country.name, tc.country.name
            ),
            _ => {
                let (taker, others) = if self.taken_by == tc.people[0] {
                    (c1, [a1, a2, b1, b2, c2])
                } else {
                    (c2, [a1, a2, b1, b2, c1])
                };
                format!(
                    "{} player {taker} takes a selfie with a {} phone as {}, {}, {}, {} and {} gather after the {event} medal ceremony.",
                    tc.country.demonym,
                    self.device,
                    others[0],
                    others[1],
                    others[2],
                    others[3],
                    others[4]
                )
            }
        };
        if plan.credit_in_caption {
            caption.push_str(&format!(" | Photo Credit: {}", self.credit(plan)));
        }
        caption
    }

    /// The headline of a variant (states nothing checkable).
    pub fn headline(&self) -> String {
        format!(
            "{}, {} and {} players share the podium after the {} final",
            self.teams[0].country.demonym,
            self.teams[1].country.demonym,
            self.teams[2].country.demonym,
            self.event
        )
    }

    /// The conflict keys ("<person>/medal", "photo/credit") a planted error
    /// must cause. A misspelt name causes none: the analysis has no name
    /// attribute, so the misspelt spelling is simply not a mention.
    pub fn expected_conflicts(&self, planted: Planted) -> Vec<String> {
        let mut keys: Vec<String> = match planted {
            Planted::SwappedMedals { a, b } => [a, b]
                .iter()
                .flat_map(|&t| self.teams[t % 3].people)
                .map(|p| format!("{}/medal", self.people[p].name))
                .collect(),
            Planted::MisspeltName { .. } => Vec::new(),
            Planted::WrongCredit { .. } => vec!["photo/credit".to_string()],
        };
        keys.sort();
        keys
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Planted {
    pub fn kind(self) -> ErrorKind {
        match self {
            Planted::SwappedMedals { .. } => ErrorKind::SwappedMedals,
            Planted::MisspeltName { .. } => ErrorKind::MisspeltName,
            Planted::WrongCredit { .. } => ErrorKind::WrongCredit,
        }
    }
}
