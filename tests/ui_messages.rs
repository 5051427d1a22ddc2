//! Messages that stop when they stop applying, driven through egui_kittest:
//! a failed open is gone once a folder opens, and a note that is not an
//! error leaves after a few seconds.

use caption_provenance::ui::App;
use caption_provenance::ui::app::{NOTE_SECONDS, Topic};
use caption_provenance::ui::commands::Command;
use egui_kittest::Harness;

mod common;
use common::{TestResult, harness, loaded, run_until};

fn texts(harness: &Harness<'_, App>) -> Vec<(Topic, bool)> {
    harness
        .state()
        .messages()
        .iter()
        .map(|m| (m.topic, m.is_error))
        .collect()
}

#[test]
fn a_failed_open_is_forgotten_when_a_folder_opens() -> TestResult {
    let dir = common::caption_folder(&[("a.txt", "A", "A caption.")], &[])?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    harness
        .state_mut()
        .run_command(Command::OpenFolder(dir.path().join("missing")));
    run_until(&mut harness, |app| {
        !app.messages().is_empty() && !app.is_busy()
    })?;
    assert_eq!(texts(&harness), vec![(Topic::Folder, true)]);
    harness
        .state_mut()
        .run_command(Command::OpenFolder(dir.path().to_path_buf()));
    run_until(&mut harness, loaded)?;
    assert_eq!(texts(&harness), Vec::<(Topic, bool)>::new());
    Ok(())
}

#[test]
fn a_note_that_is_not_an_error_leaves_after_a_while() -> TestResult {
    let dir = common::caption_folder(&[("a.txt", "A", "A caption.")], &[])?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    let report = dir.path().join("report.md");
    harness
        .state_mut()
        .run_command(Command::SaveReport(report.clone()));
    run_until(&mut harness, |app| {
        !app.messages().is_empty() && !app.is_busy()
    })?;
    assert_eq!(texts(&harness), vec![(Topic::Saving, false)]);
    assert!(report.exists());
    // The harness's frames are a quarter of a second apart.
    let frames = (NOTE_SECONDS * 4.0) as usize + 8;
    for _ in 0..frames {
        harness.step();
    }
    assert_eq!(texts(&harness), Vec::<(Topic, bool)>::new());
    Ok(())
}
