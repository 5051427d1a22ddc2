#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::Vocabulary;
use crate::analysis::test_photos::{Seen, each_alone, photo, seen, variant};
use crate::corpus::Text;

fn found(p: &Photo) -> Vec<(String, Vec<Seen>)> {
    let vocabulary = Vocabulary::builtin();
    let sections = SectionText::all_of(p, &vocabulary);
    seen(
        p,
        find(p, &sections, &each_alone(p)),
        FindingKind::Round,
        Fact::Event,
    )
}

/// The rounds a caption states for the photo (round names).
fn stated(caption: &str) -> Vec<String> {
    let p = photo(&[("A", caption)]);
    let vocabulary = Vocabulary::builtin();
    let sections = SectionText::all_of(&p, &vocabulary);
    let t = tables();
    variant_rounds(&sections, t)
        .values()
        .map(|s| t.names[s.round].clone())
        .collect()
}

const CNN: &str = "Usain Bolt of Jamaica competes in the Men's 100 meter semifinal on Sunday.";
const NPR: &str = "Usain Bolt of Jamaica competes in the men's 100-meter semifinal on Sunday.";

#[test]
fn the_table_parses() {
    let t = tables();
    assert_eq!(t.names, ["final", "semi-final", "quarter-final", "heat"]);
    assert!(!t.follow.is_empty() && !t.wins.is_empty() && t.final_round == Some(0));
}

#[test]
fn a_final_where_two_others_say_the_semi_final_is_the_odd_one() {
    let p = photo(&[
        ("Mandatory", "Bolt grins at the camera in the 100m final."),
        ("CNN", CNN),
        ("NPR", NPR),
    ]);
    assert_eq!(
        found(&p),
        vec![(
            "Mandatory shows the photo in the final (\"final\"); CNN and NPR say the semi-final"
                .to_string(),
            vec![
                (0, "final".to_string(), true),
                (1, "semifinal".to_string(), false),
                (2, "semifinal".to_string(), false),
            ]
        )]
    );
}

#[test]
fn a_gold_being_won_in_a_sentence_about_the_photo_is_the_final() {
    let mut mandatory = variant("Mandatory", "");
    mandatory.article = Some(Text::new(
        "A photograph of Usain Bolt smiling while winning the Men’s 100m gold medal has gone viral.",
    ));
    let p = Photo {
        variants: vec![mandatory, variant("CNN", CNN), variant("NPR", NPR)],
        ..Photo::default()
    };
    let f = found(&p);
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].1[0],
        (0, "while winning the Men’s 100m gold".to_string(), true)
    );
    // A past gold is not the photo's round.
    assert_eq!(
        stated("Bolt, who won gold in Beijing, grins at the camera."),
        Vec::<String>::new()
    );
}

#[test]
fn other_languages_compounds_and_phrases_name_rounds() {
    assert_eq!(
        stated("Ein wenig vorher, im Semi-Finale, entstand dieses Foto."),
        ["semi-final"]
    );
    assert_eq!(stated("Bolt im 200-Meter-Halbfinale."), ["semi-final"]);
    assert_eq!(
        stated("Bolt sonríe en la semifinal de los 100 metros."),
        ["semi-final"]
    );
    assert_eq!(stated("Bolt en los cuartos de final."), ["quarter-final"]);
    assert_eq!(
        stated("Bolt looks back in the semi final heat."),
        ["semi-final"]
    );
    assert_eq!(stated("Bolt in his semi-final heat."), ["semi-final"]);
    assert_eq!(stated("Bolt wins his heat in Rio."), ["heat"]);
}

#[test]
fn ordinary_uses_of_final_are_no_round() {
    assert_eq!(
        stated("Ali in the final moments of the fight."),
        Vec::<String>::new()
    );
    assert_eq!(stated("Al final, Bolt sonrió."), Vec::<String>::new());
    assert_eq!(stated("It was his final Olympics."), Vec::<String>::new());
    assert_eq!(stated("Bolt won the final in 9.81 seconds."), ["final"]);
    assert_eq!(stated("Bolt after the final."), ["final"]);
}

#[test]
fn later_rounds_comparisons_and_two_rounds_state_nothing() {
    assert_eq!(
        stated("Bolt in the semi-final. He went on to win the final."),
        ["semi-final"]
    );
    assert_eq!(
        stated("De Grasse was third in the ensuing final."),
        Vec::<String>::new()
    );
    assert_eq!(
        stated("Wenig später dann Gold im Finale."),
        Vec::<String>::new()
    );
    assert_eq!(
        stated("Mais plus que celles de sa finale, la photo a été prise plus tôt."),
        Vec::<String>::new()
    );
    assert_eq!(
        stated("Bolt won the semi-final and the final."),
        Vec::<String>::new()
    );
}

#[test]
fn article_sentences_count_only_when_they_name_the_photo() {
    let mut a = variant("A", "Bolt grins.");
    a.article = Some(Text::new(
        "Bolt won the final in 9.81 seconds. The snap was captured during the semifinal earlier on Sunday.",
    ));
    let p = Photo {
        variants: vec![a],
        ..Photo::default()
    };
    let vocabulary = Vocabulary::builtin();
    let sections = SectionText::all_of(&p, &vocabulary);
    let rounds = variant_rounds(&sections, tables());
    assert_eq!(rounds[&0].round, 1);
    assert_eq!(rounds[&0].marks.len(), 1);
}

#[test]
fn too_few_others_a_tie_or_one_agreeing_witness_give_no_finding() {
    let p = photo(&[("A", "Bolt in the final."), ("CNN", CNN)]);
    assert_eq!(found(&p), vec![]);
    let p = photo(&[
        ("A", "Bolt in the final."),
        ("B", "Bolt in the final."),
        ("CNN", CNN),
        ("NPR", NPR),
    ]);
    assert_eq!(found(&p), vec![]);
    let p = photo(&[
        ("A", "Bolt in the final."),
        ("CNN", CNN),
        ("NPR", NPR),
        ("C", "Bolt in his heat."),
        ("D", "Bolt in his heat, in Rio."),
    ]);
    assert_eq!(found(&p).len(), 0);
}
