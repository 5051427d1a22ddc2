#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::test_photos::photo;
use crate::analysis::{Vocabulary, analyze_photo};
use crate::corpus::Section;

/// (printed text, person's name) of every mention in the variant `v`.
fn named(captions: &[(&str, &str)], v: usize) -> Vec<(String, String)> {
    let photo = photo(captions);
    let analysis = analyze_photo(&photo, &Vocabulary::builtin());
    let mut out: Vec<(String, String)> = analysis
        .mentions
        .iter()
        .filter(|m| m.location.variant == v && m.location.section == Section::Caption)
        .map(|m| {
            let text = photo.variants[v].caption.as_str();
            let printed = text[m.location.span.start..m.location.span.end].to_string();
            (printed, analysis.people[m.person.0].name.clone())
        })
        .collect();
    out.sort();
    out
}

const KOREANS: [(&str, &str); 2] = [
    (
        "A",
        "South Korea's Lim Jong-hoon and Shin Yu-bin take a selfie with North Korea's Ri Jong Sik.",
    ),
    (
        "B",
        "Lim Jong-hoon and Shin Yu-bin of South Korea pose beside Ri Jong Sik of North Korea.",
    ),
];

#[test]
fn skeletons_meet_across_romanisations_and_scripts() {
    assert_eq!(skeleton("Lim Jong-hoon"), "lmjnkn");
    assert_eq!(skeleton(&transliterate("림종훈")), "lmjnkn");
    assert_eq!(
        skeleton("Usain Bolt"),
        skeleton(&transliterate("Усэйн Болт"))
    );
    assert_eq!(
        skeleton("Usain Bolt"),
        skeleton(&transliterate("ウサイン・ボルト"))
    );
    assert_ne!(skeleton("Usain Bolt"), skeleton("Justin Gatlin"));
}

#[test]
fn a_korean_name_in_hangul_is_a_mention_of_its_person_particle_left_out() {
    let mut captions = KOREANS.to_vec();
    captions.push((
        "C",
        "남한의 임종훈과 신유빈이 북한의 리정식과 셀카를 찍었다.",
    ));
    assert_eq!(
        named(&captions, 2),
        vec![
            ("리정식".to_string(), "Ri Jong Sik".to_string()),
            ("신유빈".to_string(), "Shin Yu-bin".to_string()),
            ("임종훈".to_string(), "Lim Jong-hoon".to_string()),
        ]
    );
}

#[test]
fn a_chinese_name_in_han_characters_is_found_inside_an_unspaced_sentence() {
    let captions = [
        ("A", "China's Wang Chuqin and Sun Yingsha celebrate gold."),
        ("B", "Wang Chuqin and Sun Yingsha of China won the final."),
        ("C", "中国选手王楚钦和孙颖莎庆祝夺冠。"),
    ];
    assert_eq!(
        named(&captions, 2),
        vec![
            ("孙颖莎".to_string(), "Sun Yingsha".to_string()),
            ("王楚钦".to_string(), "Wang Chuqin".to_string()),
        ]
    );
}

#[test]
fn cyrillic_and_kana_spellings_join_the_romanised_person() {
    let captions = [
        (
            "A",
            "Jamaica's Usain Bolt grins at Andre De Grasse in the semi-final.",
        ),
        ("B", "Usain Bolt of Jamaica looks back in the semi-final."),
        ("C", "Усэйн Болт улыбается в полуфинале."),
        ("D", "ウサイン・ボルトが準決勝で笑顔を見せた。"),
    ];
    assert_eq!(
        named(&captions, 2),
        vec![("Усэйн Болт".to_string(), "Usain Bolt".to_string())]
    );
    assert_eq!(
        named(&captions, 3),
        vec![("ウサイン・ボルト".to_string(), "Usain Bolt".to_string())]
    );
    let analysis = analyze_photo(&photo(&captions), &Vocabulary::builtin());
    let names: Vec<&str> = analysis.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Usain Bolt", "Andre De Grasse"]);
}

#[test]
fn text_in_another_script_that_names_nobody_gives_no_mention() {
    let mut captions = KOREANS.to_vec();
    captions.push((
        "C",
        "파리 올림픽 탁구 혼합복식 시상식에서 선수들이 셀카를 찍었다.",
    ));
    captions.push(("D", "Спортсмены сделали селфи на церемонии награждения."));
    assert!(named(&captions, 2).is_empty());
    assert!(named(&captions, 3).is_empty());
}

#[test]
fn a_transliteration_is_never_a_misspelling() {
    let captions = [
        ("A", "Usain Bolt of Jamaica grins in the semi-final."),
        ("B", "Usain Bolt of Jamaica looks back in the semi-final."),
        ("C", "Усэйн Болт улыбается в полуфинале."),
        ("D", "Юсейн Болт улыбается."),
    ];
    let analysis = analyze_photo(&photo(&captions), &Vocabulary::builtin());
    assert!(analysis.findings.is_empty(), "{:?}", analysis.findings);
}
