use super::super::tables;
use super::*;

/// (day, month, year) of the first date `text` writes, and its words.
fn first_date(text: &str) -> Option<(u32, u32, Option<i32>, String)> {
    let w = Words::new(text);
    let t = tables();
    (0..w.len()).find_map(|i| {
        read_date(&w, i, t).map(|d| {
            let words = w.span(d.start, d.end).slice(text).to_string();
            (d.day, d.month, d.year, words)
        })
    })
}

/// (day, month, year, the words of the date).
type Expected = (u32, u32, Option<i32>, &'static str);

#[test]
fn every_date_form_in_every_language() {
    let cases: [(&str, Expected); 24] = [
        // English
        ("on July 14 in Rio", (14, 7, None, "July 14")),
        ("on Jul. 14 in Rio", (14, 7, None, "Jul. 14")),
        (
            "on Aug. 4, 2024, in Paris",
            (4, 8, Some(2024), "Aug. 4, 2024"),
        ),
        ("on 14 July in Rio", (14, 7, None, "14 July")),
        (
            "on the 14th July 2016",
            (14, 7, Some(2016), "14th July 2016"),
        ),
        ("Tuesday, May 25, 1965", (25, 5, Some(1965), "May 25, 1965")),
        ("dated 2024-07-13 in", (13, 7, Some(2024), "2024-07-13")),
        // German
        ("am 14. Juli 2024 in", (14, 7, Some(2024), "14. Juli 2024")),
        ("am 7.2.2023 in", (7, 2, Some(2023), "7.2.2023")),
        ("am 14.7. in Rio", (14, 7, None, "14.7")),
        ("vom 5.8. bis zum 21.8.", (5, 8, None, "5.8")),
        (
            "Montag, 6. Februar 2023",
            (6, 2, Some(2023), "6. Februar 2023"),
        ),
        // Spanish
        (
            "el 25 de mayo de 1965 en",
            (25, 5, Some(1965), "25 de mayo de 1965"),
        ),
        ("el 14 de agosto en Río", (14, 8, None, "14 de agosto")),
        // French
        (
            "le 14 juillet 2024 à",
            (14, 7, Some(2024), "14 juillet 2024"),
        ),
        ("le 1er août à Paris", (1, 8, None, "1er août")),
        ("ce 14 août à Rio", (14, 8, None, "14 août")),
        // Portuguese
        (
            "em 13 de julho de 2024",
            (13, 7, Some(2024), "13 de julho de 2024"),
        ),
        ("no dia 6 de fevereiro", (6, 2, None, "6 de fevereiro")),
        // Italian
        (
            "il 14 agosto 2016 a Rio",
            (14, 8, Some(2016), "14 agosto 2016"),
        ),
        // Turkish
        ("7 Şubat 2023 Salı günü", (7, 2, Some(2023), "7 Şubat 2023")),
        ("6 Şubat'ta Kahramanmaraş", (6, 2, None, "6 Şubat")),
        (
            "14 Temmuz 2024 tarihinde",
            (14, 7, Some(2024), "14 Temmuz 2024"),
        ),
        ("depremden sonra 8 Şubat", (8, 2, None, "8 Şubat")),
    ];
    for (text, (day, month, year, words)) in cases {
        assert_eq!(
            first_date(text),
            Some((day, month, year, words.to_string())),
            "{text}"
        );
    }
}

#[test]
fn numbers_that_are_not_dates() {
    for text in [
        "9.81 seconds",
        "he won 3 gold medals",
        "May he rest",
        "7.7 magnitude",
        "in 2024 the",
        "stieg um 14.7. Prozent",
        "am 14.7 Prozent",
    ] {
        assert_eq!(first_date(text), None, "{text}");
    }
}
