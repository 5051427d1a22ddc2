//! A click or a step shows the evidence, driven through egui_kittest on the
//! bundled folder: F8 / Shift+F8 (and the buttons) go through the findings
//! in the table's order, each opening the odd variant scrolled to its span
//! and flashing it; F7 / Shift+F7 go through the word diff's differences.

use std::path::Path;

use caption_provenance::ui::App;
use caption_provenance::ui::conflicts::ConflictsTable;
use caption_provenance::ui::evidence_steps::Flashed;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{TestResult, harness, idle, loaded, run_until};

/// The findings table's name of the selected finding.
fn selected_finding(harness: &Harness<'_, App>) -> Option<String> {
    let session = harness.state().session()?;
    let finding = session.selection.finding?;
    ConflictsTable::default()
        .rows(session)
        .into_iter()
        .find(|r| r.finding == finding)
        .map(|r| r.name)
}

/// Sportstar's swapped medals, as the findings table names them.
const SWAP: &str = "medal swap: silver medallist, bronze medallists";

fn bundled() -> Result<Harness<'static, App>, Box<dyn std::error::Error>> {
    let mut harness = harness(Path::new(env!("CARGO_MANIFEST_DIR")).join("captions"));
    run_until(&mut harness, loaded)?;
    Ok(harness)
}

#[test]
fn f8_and_shift_f8_step_through_the_findings_in_the_tables_order() -> TestResult {
    let mut harness = bundled()?;
    assert_eq!(selected_finding(&harness).as_deref(), Some(SWAP));
    let mut seen = Vec::new();
    for _ in 0..2 {
        harness.key_press(egui::Key::F8);
        run_until(&mut harness, idle)?;
        seen.push(selected_finding(&harness).unwrap_or_default());
    }
    assert_eq!(seen, ["Shin Yu-bin: medal", "photo: credit"]);
    // Round at the end, and back.
    harness.key_press(egui::Key::F8);
    run_until(&mut harness, idle)?;
    assert_eq!(selected_finding(&harness).as_deref(), Some(SWAP));
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F8);
    run_until(&mut harness, idle)?;
    assert_eq!(selected_finding(&harness).as_deref(), Some("photo: credit"));
    // The button does what F8 does.
    harness.get_by_label("finding >").click();
    run_until(&mut harness, idle)?;
    assert_eq!(selected_finding(&harness).as_deref(), Some(SWAP));
    Ok(())
}

#[test]
fn a_step_opens_the_odd_variant_scrolled_to_its_span_and_flashes_it() -> TestResult {
    let mut harness = bundled()?;
    // One on (Shin Yu-bin's medal) and back to Sportstar's swap.
    harness.key_press(egui::Key::F8);
    run_until(&mut harness, idle)?;
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F8);
    run_until(&mut harness, idle)?;
    assert_eq!(selected_finding(&harness).as_deref(), Some(SWAP));
    let target = harness
        .state()
        .last_scroll_target()
        .ok_or("nothing scrolled to")?;
    let session = harness.state().session().ok_or("no session")?;
    let photo = session.photo().ok_or("no photo")?;
    // The odd side is on the left, and what is scrolled to is its words.
    assert_eq!(target.variant, session.selection.left);
    assert_eq!(photo.variants[target.variant].label(), "Sportstar");
    let text = photo.variants[target.variant]
        .section(target.section)
        .map(|t| t.as_str().to_owned())
        .unwrap_or_default();
    assert_eq!(target.span.slice(&text), "silver medallist");
    let flash = harness
        .state()
        .compare_panel()
        .flash()
        .ok_or("nothing flashed")?;
    assert_eq!(
        flash.spans,
        vec![Flashed {
            variant: target.variant,
            section: target.section,
            span: target.span,
        }]
    );
    Ok(())
}

#[test]
fn f7_and_shift_f7_step_through_the_differences_of_the_diff() -> TestResult {
    let mut harness = bundled()?;
    let count = harness
        .state()
        .compare_view()
        .map_or(0, |v| v.differences.len());
    assert!(count > 2, "{count} differences");
    harness.key_press(egui::Key::F7);
    run_until(&mut harness, idle)?;
    assert_eq!(
        harness.state().compare_panel().current_difference(),
        Some(0)
    );
    harness.key_press(egui::Key::F7);
    run_until(&mut harness, idle)?;
    assert_eq!(
        harness.state().compare_panel().current_difference(),
        Some(1)
    );
    // What is flashed is the difference reached, on each side that has it.
    let view = harness.state().compare_view().ok_or("no compare view")?;
    let difference = view.differences[1];
    let flashed: Vec<_> = harness
        .state()
        .compare_panel()
        .flash()
        .map(|f| f.spans.iter().map(|s| (s.variant, s.span)).collect())
        .unwrap_or_default();
    let expected: Vec<_> = [
        (view.left.variant, difference.left),
        (view.right.variant, difference.right),
    ]
    .into_iter()
    .filter_map(|(v, s)| s.map(|s| (v, s)))
    .collect();
    assert_eq!(flashed, expected);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F7);
    run_until(&mut harness, idle)?;
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F7);
    run_until(&mut harness, idle)?;
    assert_eq!(
        harness.state().compare_panel().current_difference(),
        Some(count - 1)
    );
    // Another pair of variants is another diff: the steps start again.
    harness.get_by_label("Swap sides").click();
    run_until(&mut harness, idle)?;
    assert_eq!(harness.state().compare_panel().current_difference(), None);
    Ok(())
}
