//! Review that loses nothing, in the window: the note is saved as it is
//! typed (a second after typing pauses, on Enter, on switching to another
//! finding, on closing), and a verdict given before the folder showed a new
//! value is marked *needs review* again. Over real caption files, the real
//! loader and analysis.

use std::path::Path;

use caption_provenance::review::{Review, Verdict, VerdictStatus};
use caption_provenance::ui::App;
use caption_provenance::ui::conflicts::{ConflictRow, ConflictsTable};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{TestResult, caption_folder, harness, loaded, run_until};

/// The folder is itself the photo.
const PHOTO: &str = ".";
const MEDAL: &str = "Lim Jong-hoon/medal";
const COUNTRY: &str = "Lim Jong-hoon/country";

/// Two outlets that disagree on Lim's medal, his country and the phone.
fn two_outlets() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    caption_folder(
        &[
            (
                "a.txt",
                "Alpha",
                "South Korea's Lim Jong-hoon, bronze medallist, takes a selfie with a Samsung phone.",
            ),
            (
                "b.txt",
                "Beta",
                "North Korea's Lim Jong-hoon, silver medallist, takes a selfie with an iPhone.",
            ),
        ],
        &[],
    )
}

fn rows(app: &App) -> Vec<ConflictRow> {
    app.session()
        .map(|s| ConflictsTable::default().rows(s))
        .unwrap_or_default()
}

fn row(app: &App, name: &str) -> Option<ConflictRow> {
    rows(app).into_iter().find(|r| r.name == name)
}

/// The key of the finding the verdict editor shows.
fn under_review(app: &App) -> Option<String> {
    app.session()?.under_review().map(|u| u.key)
}

/// Clicks a finding in the table and waits until the editor shows it.
fn pick(harness: &mut Harness<'_, App>, name: &str, key: &str) -> TestResult {
    harness.get_by_label(name).click();
    run_until(harness, |app| {
        under_review(app).as_deref() == Some(key) && !app.is_busy()
    })
}

/// The verdict in the window (not the file).
fn in_window(app: &App, key: &str) -> Option<Verdict> {
    app.session()?.review.get(PHOTO, key).cloned()
}

fn on_disk(folder: &Path, key: &str) -> Option<Verdict> {
    Review::load(folder).ok()?.get(PHOTO, key).cloned()
}

fn note_field(harness: &Harness<'_, App>) -> Option<String> {
    harness.get_by_label("Note:").value()
}

/// Types `text` into the note field, running one frame (a quarter of a
/// second on the harness's clock) for the keys.
fn type_note(harness: &mut Harness<'_, App>, text: &str) {
    harness.get_by_label("Note:").focus();
    harness.step();
    harness.get_by_label("Note:").type_text(text);
    harness.step();
}

#[test]
fn a_note_is_kept_when_another_finding_is_picked_and_comes_back_on_reopening() -> TestResult {
    let dir = two_outlets()?;
    let mut window = harness(dir.path().to_path_buf());
    run_until(&mut window, loaded)?;
    pick(&mut window, "Lim Jong-hoon: medal", MEDAL)?;

    // No verdict chosen: the note alone is kept, as "unsure".
    type_note(&mut window, "ask the agency");
    assert_eq!(in_window(window.state(), MEDAL), None);
    pick(&mut window, "Lim Jong-hoon: country", COUNTRY)?;
    let saved = on_disk(dir.path(), MEDAL).ok_or("the note was not saved")?;
    assert_eq!(
        (saved.status, saved.note.as_str()),
        (VerdictStatus::Unsure, "ask the agency")
    );
    assert_eq!(
        saved.values,
        Some(vec!["Alpha: bronze".to_owned(), "Beta: silver".to_owned()])
    );
    // The editor shows the country's (empty) note now.
    assert_eq!(note_field(&window).as_deref(), Some(""));
    assert_eq!(
        row(window.state(), "Lim Jong-hoon: medal").and_then(|r| r.verdict),
        Some(VerdictStatus::Unsure)
    );

    // A new window on the folder shows the note again.
    let mut again = harness(dir.path().to_path_buf());
    run_until(&mut again, loaded)?;
    pick(&mut again, "Lim Jong-hoon: medal", MEDAL)?;
    assert_eq!(note_field(&again).as_deref(), Some("ask the agency"));
    Ok(())
}

#[test]
fn a_note_is_saved_a_second_after_typing_pauses() -> TestResult {
    let dir = two_outlets()?;
    let mut window = harness(dir.path().to_path_buf());
    run_until(&mut window, loaded)?;
    pick(&mut window, "Lim Jong-hoon: medal", MEDAL)?;
    window.get_by_label("confirmed error").click();
    run_until(&mut window, |app| {
        in_window(app, MEDAL).is_some() && !app.is_busy()
    })?;

    type_note(&mut window, "Beta swapped the medals");
    // A quarter of a second after the last key: not saved yet.
    assert_eq!(
        in_window(window.state(), MEDAL).map(|v| v.note),
        Some(String::new())
    );
    // Frames go on (the window asks for the one that saves): saved, with
    // the verdict as it was.
    run_until(&mut window, |app| {
        !app.is_busy() && in_window(app, MEDAL).is_some_and(|v| v.note == "Beta swapped the medals")
    })?;
    let saved = on_disk(dir.path(), MEDAL).ok_or("no verdict in the folder")?;
    assert_eq!(
        (saved.status, saved.note.as_str()),
        (VerdictStatus::ConfirmedError, "Beta swapped the medals")
    );
    // The editor says so.
    window.get_by_label("saved");
    Ok(())
}

#[test]
fn enter_saves_the_note_at_once() -> TestResult {
    let dir = two_outlets()?;
    let mut window = harness(dir.path().to_path_buf());
    run_until(&mut window, loaded)?;
    pick(&mut window, "Lim Jong-hoon: country", COUNTRY)?;
    type_note(&mut window, "the North is wrong");
    assert_eq!(in_window(window.state(), COUNTRY), None);
    window.key_press(egui::Key::Enter);
    window.step();
    assert_eq!(
        in_window(window.state(), COUNTRY).map(|v| v.note),
        Some("the North is wrong".to_owned())
    );
    run_until(&mut window, |app| !app.is_busy())?;
    assert_eq!(
        on_disk(dir.path(), COUNTRY).map(|v| v.note),
        Some("the North is wrong".to_owned())
    );
    Ok(())
}

#[test]
fn closing_the_window_saves_the_note_being_typed() -> TestResult {
    let dir = two_outlets()?;
    let mut window = harness(dir.path().to_path_buf());
    run_until(&mut window, loaded)?;
    pick(&mut window, "Lim Jong-hoon: medal", MEDAL)?;
    type_note(&mut window, "half a thought");
    eframe::App::on_exit(window.state_mut(), None);
    // Written before the window went: no frame, no background job needed.
    assert_eq!(
        on_disk(dir.path(), MEDAL).map(|v| v.note),
        Some("half a thought".to_owned())
    );
    Ok(())
}

#[test]
fn a_new_outlets_value_makes_a_not_an_error_verdict_need_review() -> TestResult {
    let dir = two_outlets()?;
    let mut window = harness(dir.path().to_path_buf());
    run_until(&mut window, loaded)?;
    pick(&mut window, "Lim Jong-hoon: medal", MEDAL)?;
    window.get_by_label("not an error").click();
    run_until(&mut window, |app| {
        in_window(app, MEDAL).is_some() && !app.is_busy()
    })?;
    let saved = on_disk(dir.path(), MEDAL).ok_or("no verdict in the folder")?;
    assert_eq!(
        saved.values,
        Some(vec!["Alpha: bronze".to_owned(), "Beta: silver".to_owned()])
    );
    let medal = row(window.state(), "Lim Jong-hoon: medal").ok_or("no medal row")?;
    assert_eq!(
        (medal.verdict, medal.needs_review),
        (Some(VerdictStatus::NotAnError), false)
    );

    // A third outlet, with a medal nobody reviewed.
    std::fs::write(
        dir.path().join("c.txt"),
        "outlet: Gamma\n\nSouth Korea's Lim Jong-hoon, gold medallist, takes a selfie.\n",
    )?;
    window.key_press(egui::Key::F5);
    run_until(&mut window, |app| {
        loaded(app)
            && app
                .session()
                .is_some_and(|s| s.corpus.photos[0].variants.len() == 3)
    })?;
    let medal = row(window.state(), "Lim Jong-hoon: medal").ok_or("no medal row")?;
    assert_eq!(
        (medal.verdict, medal.needs_review),
        (Some(VerdictStatus::NotAnError), true)
    );
    window.get_by_label("not an error: needs review");
    // The photo list says so too.
    window.get_by_label_contains("findings, 1 to review again");

    pick(&mut window, "Lim Jong-hoon: medal", MEDAL)?;
    window.get_by_label(
        "Needs review: the verdict was given before the folder showed “Gamma: gold”.",
    );
    // The reviewer looks again and keeps the verdict: it judges all three.
    window.get_by_label("Still not an error").click();
    run_until(&mut window, |app| {
        !app.is_busy() && row(app, "Lim Jong-hoon: medal").is_some_and(|r| !r.needs_review)
    })?;
    let saved = on_disk(dir.path(), MEDAL).ok_or("no verdict in the folder")?;
    assert_eq!(saved.status, VerdictStatus::NotAnError);
    assert_eq!(
        saved.values,
        Some(vec![
            "Alpha: bronze".to_owned(),
            "Beta: silver".to_owned(),
            "Gamma: gold".to_owned()
        ])
    );
    assert!(
        window
            .query_by_label("not an error: needs review")
            .is_none()
    );
    assert!(window.query_by_label_contains("to review again").is_none());
    Ok(())
}
