//! The People tab driven through egui_kittest, over a small folder through
//! the real loader and analysis: each person's spellings with the outlets
//! printing them, the misspelt one marked with the finding on hover, and a
//! click on a spelling showing the first variant that prints it.

use caption_provenance::analysis::{Location, Span};
use caption_provenance::corpus::Section;
use caption_provenance::ui::App;
use caption_provenance::ui::app::CenterTab;
use caption_provenance::ui::commands::Command;
use caption_provenance::ui::people::{PersonRow, SpellingRow};
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{TestResult, harness, loaded, run_until};

const BOLT_A: &str = "Jamaica's Usain Bolt grins at the others in the semi-final.";
const BOLT_B: &str = "Jamaica's Usain Bolt grins as he wins the heat in the stadium.";
const BOLD_C: &str = "Jamaica's Usain Bold grins at the camera in the semi-final.";
const SUMMARY: &str = "C writes \"Bold\"; 2 other outlets write \"Bolt\" (1 letter apart)";

/// Three outlets' captions of one photo, one of them writing "Usain Bold";
/// the folder's vocabulary knows Jamaica, so the person has a country.
fn misspelt_bolt_folder() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    common::caption_folder(
        &[
            ("a.txt", "A", BOLT_A),
            ("b.txt", "B", BOLT_B),
            ("c.txt", "C", BOLD_C),
        ],
        &[(
            "vocabulary.toml",
            "[[countries]]\nname = \"Jamaica\"\nforms = [\"Jamaica\", \"Jamaican\"]\n",
        )],
    )
}

/// How many labels show the misspelling's sentence (the findings table's
/// row, and a hover text when one is open).
fn summaries_shown(harness: &Harness<'_, App>) -> usize {
    harness.query_all_by_label(SUMMARY).count()
}

fn caption_at(variant: usize, text: &str, words: &str) -> Location {
    let start = text.find(words).unwrap_or(0);
    Location {
        variant,
        section: Section::Caption,
        span: Span::new(start, start + words.len()),
    }
}

#[test]
fn the_people_tab_lists_each_spelling_with_its_outlets_and_marks_the_misspelt_one() -> TestResult {
    let dir = misspelt_bolt_folder()?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    // Start from the first two variants, away from the misspelling the
    // folder opens on.
    harness.state_mut().run_command(Command::SelectPhoto(0));
    harness.run();
    harness.get_by_label("People").click();
    harness.run();
    assert_eq!(harness.state().tab(), CenterTab::People);

    let view = harness.state().people_view().ok_or("no people drawn")?;
    assert_eq!(
        view.people,
        vec![PersonRow {
            name: "Usain Bolt".into(),
            country: Some("Jamaica".into()),
            spellings: vec![
                SpellingRow {
                    text: "Usain Bolt".into(),
                    variants: vec![0, 1],
                    outlets: vec!["A".into(), "B".into()],
                    first: caption_at(0, BOLT_A, "Usain Bolt"),
                    misspelt: None,
                },
                SpellingRow {
                    text: "Usain Bold".into(),
                    variants: vec![2],
                    outlets: vec!["C".into()],
                    first: caption_at(2, BOLD_C, "Usain Bold"),
                    misspelt: Some(SUMMARY.into()),
                },
            ],
        }]
    );
    // What the window draws: the name, country, spellings and outlets.
    harness.get_by_label("Jamaica");
    harness.get_by_label("2 outlets: A, B");
    harness.get_by_label("1 outlet: C");
    // The misspelt spelling says why on hover: the majority form. (The
    // findings table below shows the sentence too.)
    let shown = summaries_shown(&harness);
    harness.get_by_label("Usain Bold").hover();
    harness.run();
    assert_eq!(summaries_shown(&harness), shown + 1);

    // A click shows the first variant printing it, scrolled to it.
    harness.get_by_label("Usain Bold").click();
    harness.run();
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!(
        (selection.photo, selection.left, selection.section),
        (0, 2, Section::Caption)
    );
    assert_eq!(harness.state().tab(), CenterTab::Compare);
    assert_eq!(
        harness.state().last_scroll_target(),
        Some(caption_at(2, BOLD_C, "Usain Bold"))
    );
    // In the compare view, the misspelt word's hover gives the majority
    // form too (the finding's summary).
    let shown = summaries_shown(&harness);
    harness.get_by_label("Bold").hover();
    harness.run();
    assert_eq!(summaries_shown(&harness), shown + 1);

    // The right spelling goes to the first variant printing it.
    harness.get_by_label("People").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Usain Bolt")
        .click();
    harness.run();
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!(selection.left, 0);
    Ok(())
}

#[test]
fn a_photo_without_people_says_so() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("a.txt"),
        "outlet: A\n\nA selfie on the podium.\n",
    )?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    harness
        .state_mut()
        .run_command(Command::ShowTab(CenterTab::People));
    harness.run();
    harness.get_by_label("No person is named in this photo's variants.");
    assert_eq!(
        harness.state().people_view().map(|v| v.people.len()),
        Some(0)
    );
    Ok(())
}
