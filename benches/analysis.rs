//! How fast `analyze` is: one photo with 10 variants, and 10,000 photos with
//! 6 variants each (the corpus is built in code from the founding case's
//! texts, with different people in every photo).

use std::hint::black_box;
use std::time::Duration;

use caption_provenance::analysis::{Vocabulary, analyze_photo, analyze_with};
use caption_provenance::corpus::{
    Corpus, Medal, Photo, Published, ReferenceFacts, ReferencePerson, Source, Text, Variant,
};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

const FAMILY: [&str; 12] = [
    "Lim", "Shin", "Wang", "Sun", "Ri", "Kim", "Park", "Chen", "Ma", "Jang", "Ito", "Harimoto",
];
const GIVEN: [&str; 12] = [
    "Jong-hoon",
    "Yu-bin",
    "Chuqin",
    "Yingsha",
    "Jong Sik",
    "Kum Yong",
    "Min-ji",
    "Meng",
    "Long",
    "Woo-jin",
    "Mima",
    "Tomokazu",
];

/// Six people for photo `n`: (family, given) pairs, two per country.
fn people(n: usize) -> Vec<(String, String)> {
    (0..6)
        .map(|k| {
            let f = FAMILY[(n + k * 5) % FAMILY.len()];
            let g = GIVEN[(n * 7 + k * 3) % GIVEN.len()];
            (f.to_string(), g.to_string())
        })
        .collect()
}

/// The founding case's captions and article sentences, with `{a}`..`{f}` for
/// the people (a, b: China; c, d: North Korea; e, f: South Korea).
const TEMPLATES: [(&str, &str); 6] = [
    (
        "North Korea’s {c} and {d}, South Korea’s {f}, and China’s {a} and {b} were all smiles, breaking barriers in an unprecedented display of sportsmanship.",
        "A single photo from the 2024 Paris Olympics is capturing hearts worldwide.\nThe Chinese team clinched gold, North Korea snagged silver, and South Korea settled for bronze.\nvia Getty\nAnd in a moment that’s lighting up social media, athletes from all three countries posed together for a celebratory selfie.\nvia Shutterstock\nAnother added, “What a fantastic gesture from North Korean athletes: before receiving their silver medals, they stepped down to salute the South Korean bronze medalists.”",
    ),
    (
        "The event culminated with South Korean athlete {e} pulling out a Samsung flip-phone to capture the memorable moment, as all six medalists gathered around for the selfie.",
        "In a surprising demonstration of camaraderie, athletes from North and South Korea set aside political tensions to share a rare moment of unity at the Paris Olympic Games.\nNorth Korea surprised many with their strong performance, clinching the silver medal, their first Olympic medal since 2016. Meanwhile, South Korea secured the bronze, with China taking home the gold.",
    ),
    (
        "North and South Korean athletes have taken an incredible selfie together despite a ‘surging hatred’ between the two nations",
        "The Korean athletes were also joined by the Chinese duo who won the mixed doubles event on Tuesday\nNorth Korea’s {c} and {d} and the South’s {f} and {e} are standing proudly on the top step of the podium in the picture.\nSouth Korea’s two athletes won bronze in the mixed doubles event on Tuesday with North Korea bagging a silver.\nAfter having their medals placed around them, South Korea’s {E} decided to mark the heartwarming occasion by getting out his phone for a selfie.\nGold medallists China also joined in with the beaming picture marking a rare show of international relations.",
    ),
    (
        "Paris 2024 Olympics: South Korea’s {e2}, silver medallist, takes a selfie with teammate {f2}, China’s {a2} and {b2}, gold medallists, and North Korea’s {c2} and {d2}, bronze medallists, after the mixed doubles medal ceremony at South Paris Arena on Tuesday. | Photo Credit: GETTY IMAGES",
        "After South Korea won bronze and North Korea silver in the mixed doubles behind China, South Korea’s {e} took a group photo after the medal ceremony.\nImages of Olympic table tennis players from North Korea and South Korea taking a selfie together on the medal podium in Paris went viral in South Korea Wednesday, hailed as a rare show of cross-border unity.\nNorth Korea’s {c} and {d}, the South’s {f} and the victorious Chinese team {a} and {b} all beamed into {E}’s phone, a South Korean-made Samsung.\n“I congratulated them when they were introduced as Silver medallists,” {E} told Korean media after the award ceremony.",
    ),
    (
        "South Korea's {e} takes a selfie with North Korea's {c} and {d} China's {a}",
        "As the Olympics played out in Paris this week, Tuesday's table tennis match involving players from North and South Korea led to a moment of diplomacy through sports when medalists were seen celebrating together on the podium and taking a selfie together.\nIn a photo taken by Associated Press photographer Petros Giannakouris, South Korea's {e} was seen taking a selfie with North Korea's {c} and {d}.\nChina's {a} and {b} joined in, along with South Korean teammate {f}, during the 2024 Summer Olympics medal ceremony.",
    ),
    (
        "Stand-in image. Table tennis mixed doubles medal ceremony, Paris 2024 Olympics, South Paris Arena, 30 July 2024: gold medallists {a} and {b} (China), silver medallists {c} and {d} (North Korea) and bronze medallists {e} and {f} (South Korea) pose for a selfie taken by {E} on a Samsung phone.",
        "",
    ),
];

const OUTLETS: [&str; 6] = [
    "Unnamed outlet 000",
    "Unnamed outlet 001",
    "The Sun",
    "Sportstar",
    "Unnamed outlet 004",
    "Embedded in selfie-agency.jpg",
];

fn fill(template: &str, names: &[(String, String)]) -> String {
    let mut out = template.to_string();
    for (k, key) in ["a", "b", "c", "d", "e", "f"].iter().enumerate() {
        let (family, given) = &names[k];
        // The second form: given name first, hyphens dropped.
        out = out.replace(
            &format!("{{{key}2}}"),
            &format!("{} {family}", given.replace('-', "")),
        );
        out = out.replace(&format!("{{{key}}}"), &format!("{family} {given}"));
        out = out.replace(&format!("{{{}}}", key.to_uppercase()), family);
    }
    out
}

fn photo(n: usize, variants: usize) -> Photo {
    let names = people(n);
    let countries = [
        "China",
        "China",
        "North Korea",
        "North Korea",
        "South Korea",
        "South Korea",
    ];
    let medals = [
        Medal::Gold,
        Medal::Gold,
        Medal::Silver,
        Medal::Silver,
        Medal::Bronze,
        Medal::Bronze,
    ];
    let published = NaiveDate::from_ymd_opt(2024, 7, 31).map(|date| Published {
        raw: "2024-07-31".to_string(),
        date,
        time: None,
    });
    Photo {
        id: format!("photo-{n:05}"),
        title: format!("Photo {n}"),
        variants: (0..variants)
            .map(|v| {
                let (caption, article) = TEMPLATES[v % TEMPLATES.len()];
                Variant {
                    id: format!("photo-{n:05}/{v}.txt"),
                    source: Source {
                        outlet: format!("{} {}", OUTLETS[v % OUTLETS.len()], v / OUTLETS.len()),
                        credit: Some(["via gettyimages", "AFP", "Reuters"][v % 3].to_string()),
                        published: published.clone(),
                        ..Source::default()
                    },
                    caption: Text::new(fill(caption, &names)),
                    headline: Some(Text::new(
                        "North and South Korean athletes take a selfie together",
                    )),
                    article: (!article.is_empty()).then(|| Text::new(fill(article, &names))),
                }
            })
            .collect(),
        reference: Some(ReferenceFacts {
            event: Some(
                "Paris 2024 Olympics, table tennis mixed doubles medal ceremony".to_string(),
            ),
            date: NaiveDate::from_ymd_opt(2024, 7, 30),
            place: Some("South Paris Arena".to_string()),
            device: Some("Samsung".to_string()),
            taken_by: Some(format!("{} {}", names[4].0, names[4].1)),
            people: names
                .iter()
                .enumerate()
                .map(|(k, (family, given))| ReferencePerson {
                    name: format!("{family} {given}"),
                    aliases: vec![format!("{} {family}", given.replace('-', ""))],
                    country: Some(countries[k].to_string()),
                    medal: Some(medals[k]),
                })
                .collect(),
            ..ReferenceFacts::default()
        }),
        ..Photo::default()
    }
}

fn benches(c: &mut Criterion) {
    let vocabulary = Vocabulary::builtin();
    let one = photo(0, 10);
    c.bench_function("analyze one photo, 10 variants", |b| {
        b.iter(|| analyze_photo(black_box(&one), &vocabulary))
    });
    let corpus = Corpus {
        photos: (0..10_000).map(|n| photo(n, 6)).collect(),
        ..Corpus::default()
    };
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("analyze 10,000 photos x 6 variants", |b| {
        b.iter(|| analyze_with(black_box(&corpus), &vocabulary))
    });
    group.finish();
}

criterion_group!(analysis, benches);
criterion_main!(analysis);
