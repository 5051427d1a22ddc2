//! Marks you can trust, driven through egui_kittest: in a conflict only the
//! odd one out is marked loudly and the side that holds the majority or the
//! reference calmly; where no side can be called wrong every side is shown
//! undecided; the theme is chosen in the window and remembered.

use std::path::Path;

use caption_provenance::ui::App;
use caption_provenance::ui::compare::HighlightedSpan;
use caption_provenance::ui::highlight::{Side, Strength};
use caption_provenance::ui::settings::Theme;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{TestResult, harness, idle, loaded, run_until};

/// (side, words, review key, strength) of every span the compare view marks.
fn marks(harness: &Harness<'_, App>) -> Vec<(Side, String, String, Strength)> {
    harness
        .state()
        .compare_view()
        .map(|view| {
            view.highlighted
                .iter()
                .map(|h: &HighlightedSpan| {
                    (h.side, h.text.clone(), h.conflict_key.clone(), h.strength)
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn only_the_odd_value_of_a_conflict_is_marked_loudly() -> TestResult {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("captions");
    let mut harness = harness(folder);
    run_until(&mut harness, loaded)?;
    // Clicking Sportstar's medal swap (Lim Jong-hoon's medal conflict among
    // its people) puts Sportstar ("silver medallist", "bronze medallists")
    // on the left and a caption that gives the reference's medals on the
    // right.
    harness
        .get_by_label("medal swap: silver medallist, bronze medallists")
        .click();
    run_until(&mut harness, idle)?;
    let lim: Vec<(Side, String, Strength)> = marks(&harness)
        .into_iter()
        .filter(|(_, _, key, _)| {
            key == "swap/Sportstar/medal/Kim Kum Yong+Lim Jong-hoon+Ri Jong Sik"
        })
        .map(|(side, text, _, strength)| (side, text, strength))
        .collect();
    assert_eq!(
        lim,
        vec![
            (Side::Left, "silver medallist".into(), Strength::Odd),
            (Side::Left, "bronze medallists".into(), Strength::Odd),
            (Side::Right, "silver medallists".into(), Strength::Agrees),
            (Side::Right, "bronze medallists".into(), Strength::Agrees),
        ]
    );
    // On the right nothing is loud: it agrees with the reference on every
    // medal.
    let loud_right: Vec<(String, String)> = marks(&harness)
        .into_iter()
        .filter(|(side, _, _, s)| *side == Side::Right && *s == Strength::Odd)
        .map(|(_, text, key, _)| (text, key))
        .collect();
    assert_eq!(loud_right, Vec::<(String, String)>::new());
    // The segments drawn carry the same strengths as the list.
    let view = harness.state().compare_view().ok_or("no compare view")?;
    let silver = lim.first().ok_or("no silver")?;
    let start = view
        .left
        .text
        .find(&silver.1)
        .ok_or("silver not in the text")?;
    let span = caption_provenance::analysis::Span::new(start, start + silver.1.len());
    let mut drawn: Vec<Option<Strength>> = view
        .left
        .segments
        .iter()
        .filter(|s| s.span.overlaps(span))
        .map(|s| s.finding.map(|m| m.strength))
        .collect();
    drawn.dedup();
    assert_eq!(drawn, vec![Some(Strength::Odd)]);
    Ok(())
}

#[test]
fn a_conflict_no_side_of_which_can_be_called_wrong_is_undecided_on_both() -> TestResult {
    let dir = common::caption_folder(
        &[
            (
                "a.txt",
                "A",
                "South Korea's Lim Jong-hoon, bronze medallist, takes a selfie.",
            ),
            (
                "b.txt",
                "B",
                "South Korea's Lim Jong-hoon, silver medallist, takes a selfie.",
            ),
        ],
        &[],
    )?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    let found = marks(&harness);
    assert!(!found.is_empty(), "no conflict marked");
    assert!(
        found.iter().all(|(_, _, _, s)| *s == Strength::Undecided),
        "{found:?}"
    );
    let sides: Vec<(Side, &str)> = found
        .iter()
        .map(|(side, text, _, _)| (*side, text.as_str()))
        .collect();
    // The window opens on the finding, B's side first.
    assert_eq!(
        sides,
        vec![
            (Side::Left, "silver medallist"),
            (Side::Right, "bronze medallist")
        ]
    );
    Ok(())
}

#[test]
fn the_theme_is_chosen_in_the_window_and_remembered() -> TestResult {
    let dir = common::caption_folder(&[("a.txt", "A", "A caption.")], &[])?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    for (name, theme, drawn) in [
        ("Light", Theme::Light, egui::Theme::Light),
        ("Dark", Theme::Dark, egui::Theme::Dark),
    ] {
        harness.get_by_label("Theme").click();
        harness.run();
        harness.get_by_label(name).click();
        harness.run();
        assert_eq!(harness.state().settings.theme, theme);
        assert_eq!(harness.ctx.theme(), drawn);
        assert_eq!(
            harness.ctx.global_style().visuals.dark_mode,
            drawn == egui::Theme::Dark
        );
    }
    Ok(())
}

#[test]
fn the_text_size_is_chosen_in_the_window_or_by_the_zoom_keys_and_remembered() -> TestResult {
    let dir = common::caption_folder(&[("a.txt", "A", "A caption.")], &[])?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    // No screen size in the harness: 100%, and nothing chosen yet.
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
    assert_eq!(harness.state().settings.text_size, None);

    harness.get_by_label("Text size").click();
    harness.run();
    harness.get_by_label("150%").click();
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.5);
    assert_eq!(harness.state().settings.text_size, Some(1.5));

    // egui's own zoom keys change it too, and the window keeps that.
    harness.ctx.set_zoom_factor(1.25);
    harness.run();
    assert_eq!(harness.state().settings.text_size, Some(1.25));
    Ok(())
}
