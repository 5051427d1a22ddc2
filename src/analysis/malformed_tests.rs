#![allow(clippy::unwrap_used)]

use super::*;
use crate::analysis::Vocabulary;
use crate::corpus::{Source, Text, Variant};

fn found(caption: &str) -> Vec<Finding> {
    let photo = Photo {
        variants: vec![Variant {
            source: Source {
                outlet: "A".into(),
                ..Source::default()
            },
            caption: Text::new(caption),
            ..Variant::default()
        }],
        ..Photo::default()
    };
    let vocabulary = Vocabulary::builtin();
    let sections = SectionText::all_of(&photo, &vocabulary);
    find(&photo, &sections)
}

#[test]
fn an_acronym_one_letter_off_its_name_is_a_finding() {
    let f = found("Scientists of the event Horizon Telescope (EHD) showed the image.");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].summary,
        "A writes \"event Horizon Telescope (EHD)\": the initials of event Horizon Telescope are EHT"
    );
    assert_eq!(f[0].marks[0].quote, "EHD");
    let span = f[0].marks[0].location.unwrap().span;
    assert_eq!(span, Span::new(43, 46));
}

#[test]
fn fitting_foreign_and_other_length_acronyms_are_not() {
    for caption in [
        "The Event Horizon Telescope (EHT) showed it.",
        "Agence France-Presse (AFP) sent it.",
        "The Federal Bureau of Investigation (FBI) said so.",
        "Telescopio del Horizonte de Sucesos (EHT), dijo.",
        "The Disaster and Emergency Management Authority (AFAD) said.",
        "Reporters at the scene (AP) said.",
    ] {
        assert_eq!(found(caption), vec![], "{caption}");
    }
}

#[test]
fn a_position_marker_turned_into_a_copyright_sign_is_a_finding() {
    let f = found("Turkish father Mesut Hancer ©, his wife Gulseren (2ndR) and son (L) mourn.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].marks[0].quote, "©");
    assert_eq!(f[0].fact, Fact::Credit);
    assert!(f[0].summary.starts_with("A writes \"Hancer ©,\""));
    // A credit's © is not a position marker.
    assert_eq!(found("Mesut Hancer (L) mourns. © AFP, 2023"), vec![]);
    assert_eq!(found("Photo © John Smith, 2023"), vec![]);
}
