//! Exact alignment tables.

use super::*;
use crate::analysis::{Location, Mention, PersonId};
use crate::corpus::{Text, Variant};

fn photo(captions: &[&str]) -> Photo {
    Photo {
        variants: captions
            .iter()
            .map(|c| Variant {
                caption: Text::new(*c),
                ..Variant::default()
            })
            .collect(),
        ..Photo::default()
    }
}

/// The table as text: one row per column, "" for a gap, then "=" or "≠".
fn render(photo: &Photo, alignment: &Alignment) -> Vec<String> {
    alignment
        .columns
        .iter()
        .map(|column| {
            let cells: Vec<&str> = column
                .cells
                .iter()
                .zip(&alignment.variants)
                .map(|(cell, &v)| match (cell, photo.variants.get(v)) {
                    (Some(span), Some(variant)) => span.slice(variant.caption.as_str()),
                    _ => "",
                })
                .collect();
            format!(
                "{} {}",
                cells.join(" | "),
                if column.agreed { "=" } else { "≠" }
            )
        })
        .collect()
}

const A: &str = "Lim Jonghoon takes a selfie";
const B: &str = "Lim Jong-hoon takes a photo";
const C: &str = "South Korea’s Lim Jonghoon took a selfie";

#[test]
fn three_short_witnesses() {
    let photo = photo(&[A, B, C]);
    let alignment = align_variants(
        &photo,
        &PhotoAnalysis::default(),
        Section::Caption,
        DiffOptions::default(),
    );
    assert_eq!(alignment.variants, [0, 1, 2]);
    assert_eq!(
        render(&photo, &alignment),
        [
            " |  | South =",
            " |  | Korea’s =",
            "Lim | Lim | Lim =",
            "Jonghoon | Jong-hoon | Jonghoon ≠",
            "takes | takes | took ≠",
            "a | a | a =",
            "selfie | photo | selfie ≠",
        ]
    );
    let span = |s, e| Some(Span::new(s, e));
    assert_eq!(
        alignment.columns[3],
        AlignedColumn {
            cells: vec![span(4, 12), span(4, 13), span(20, 28)],
            agreed: false
        }
    );
    assert_eq!(
        alignment.columns[0],
        AlignedColumn {
            cells: vec![None, None, span(0, 5)],
            agreed: true
        }
    );
    let complete: Vec<bool> = alignment
        .columns
        .iter()
        .map(AlignedColumn::is_complete)
        .collect();
    assert_eq!(complete, [false, false, true, true, true, true, true]);
}

#[test]
fn one_person_in_one_column_with_mentions() {
    let photo = photo(&[A, B, C]);
    let at = |variant, start, end| Mention {
        person: PersonId(0),
        location: Location {
            variant,
            section: Section::Caption,
            span: Span::new(start, end),
        },
    };
    let analysis = PhotoAnalysis {
        mentions: vec![at(0, 0, 12), at(1, 0, 13), at(2, 16, 28)],
        ..PhotoAnalysis::default()
    };
    let options = DiffOptions {
        same_person_equal: true,
        ..DiffOptions::default()
    };
    let alignment = align_variants(&photo, &analysis, Section::Caption, options);
    assert_eq!(
        render(&photo, &alignment),
        [
            " |  | South =",
            " |  | Korea’s =",
            "Lim Jonghoon | Lim Jong-hoon | Lim Jonghoon =",
            "takes | takes | took ≠",
            "a | a | a =",
            "selfie | photo | selfie ≠",
        ]
    );
}

#[test]
fn a_later_minority_reading_joins_its_column() {
    let photo = photo(&[
        "Lim, silver medallist",
        "Lim, bronze medallist",
        "Lim, Bronze medallist",
    ]);
    let options = DiffOptions {
        ignore_case: true,
        ignore_punctuation: true,
        ..DiffOptions::default()
    };
    let alignment = align_variants(&photo, &PhotoAnalysis::default(), Section::Caption, options);
    assert_eq!(
        render(&photo, &alignment),
        [
            "Lim | Lim | Lim =",
            "silver | bronze | Bronze ≠",
            "medallist | medallist | medallist ="
        ]
    );
}

#[test]
fn transpositions_become_gaps() {
    let photo = photo(&["Wang Chuqin smiles", "Chuqin Wang smiles"]);
    let alignment = align_variants(
        &photo,
        &PhotoAnalysis::default(),
        Section::Caption,
        DiffOptions::default(),
    );
    assert_eq!(
        render(&photo, &alignment),
        [
            " | Chuqin =",
            "Wang | Wang =",
            "Chuqin |  =",
            "smiles | smiles ="
        ]
    );
}

#[test]
fn variants_without_the_section_are_left_out() {
    let mut photo = photo(&["a b", "a c"]);
    if let Some(v) = photo.variants.get_mut(1) {
        v.article = Some(Text::new("x y"));
    }
    let alignment = align_variants(
        &photo,
        &PhotoAnalysis::default(),
        Section::Article,
        DiffOptions::default(),
    );
    assert_eq!(alignment.variants, [1]);
    assert_eq!(render(&photo, &alignment).len(), 2);
    let empty = align_variants(
        &Photo::default(),
        &PhotoAnalysis::default(),
        Section::Caption,
        DiffOptions::default(),
    );
    assert_eq!(empty, Alignment::default());
}

#[test]
fn only_replacements_of_equal_length_share_columns() {
    let photo = photo(&["one two three end", "uno end", "one dos tres cuatro end"]);
    let alignment = align_variants(
        &photo,
        &PhotoAnalysis::default(),
        Section::Caption,
        DiffOptions::default(),
    );
    assert_eq!(
        render(&photo, &alignment),
        [
            "one |  | one =",
            "two |  | dos ≠",
            "three |  | tres ≠",
            " | uno | cuatro ≠",
            "end | end | end =",
        ]
    );
}

#[test]
fn a_misspelt_spelling_shares_its_person_s_column() {
    // Through the real analysis: "Usain Bold" is a misspelling of the person
    // the others call "Usain Bolt", so the mention is that person's.
    let photo = crate::analysis::test_photos::photo(&[
        ("A", "Usain Bolt of Jamaica grins at the others."),
        ("B", "Jamaica's Usain Bolt grins at the others."),
        ("C", "Usain Bold of Jamaica grins at the camera."),
    ]);
    let analysis = crate::analysis::analyze_photo(&photo, &crate::analysis::Vocabulary::builtin());
    let same_person = DiffOptions {
        same_person_equal: true,
        ..DiffOptions::default()
    };
    let alignment = align_variants(&photo, &analysis, Section::Caption, same_person);
    assert_eq!(
        render(&photo, &alignment),
        [
            " | Jamaica's |  =",
            "Usain Bolt | Usain Bolt | Usain Bold =",
            "of |  | of =",
            "Jamaica |  | Jamaica =",
            "grins | grins | grins =",
            "at | at | at =",
            "the | the | the =",
            "others | others | camera ≠",
            ". | . | . =",
        ]
    );
    // Word by word, "Bold" still stands in "Bolt"'s column, as a difference.
    let alignment = align_variants(&photo, &analysis, Section::Caption, DiffOptions::default());
    let rows = render(&photo, &alignment);
    assert!(
        rows.contains(&"Usain | Usain | Usain =".to_owned()),
        "{rows:#?}"
    );
    assert!(
        rows.contains(&"Bolt | Bolt | Bold ≠".to_owned()),
        "{rows:#?}"
    );
}

#[test]
fn a_photo_with_many_variants_aligns_each_distinct_text_once_up_to_the_limit() {
    let mut texts: Vec<String> = (0..150)
        .map(|i| format!("Lim Jong-hoon takes selfie number {i}."))
        .collect();
    // Copies of the first text add no row.
    for _ in 0..50 {
        texts.insert(1, "Lim Jong-hoon takes selfie number 0.".to_string());
    }
    let witnesses: Vec<&str> = texts.iter().map(String::as_str).collect();
    let photo = self::photo(&witnesses);
    let alignment = align_variants(
        &photo,
        &PhotoAnalysis::default(),
        Section::Caption,
        DiffOptions::default(),
    );
    assert_eq!(alignment.variants.len(), MAX_ROWS);
    assert_eq!(alignment.variants.first(), Some(&0));
    // After the first text, the next row is the first other text (index 51).
    assert_eq!(alignment.variants.get(1), Some(&51));
}
