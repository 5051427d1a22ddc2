//! "The folder changed on disk. [Reload]" through egui_kittest, on a copy of
//! the bundled folder with the real loader and analysis: a caption edited on
//! disk raises the notice; Reload shows the new text and keeps the verdicts,
//! even those whose write failed; the app's own writes raise nothing.
//!
//! The watch polls every two seconds; these tests never wait for that: they
//! send `Command::CheckFolder` and wait for its answer.

use std::path::Path;

use caption_provenance::review::{Change, REVIEW_FILE, Review, Verdict, VerdictStatus};
use caption_provenance::ui::App;
use caption_provenance::ui::commands::Command;
use caption_provenance::ui::conflicts::{ConflictRow, ConflictsTable};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{TestResult, harness, loaded, run_until};

const NOTICE: &str = "The folder changed on disk.";
const SPORTSTAR_FILE: &str = "paris-2024-table-tennis-selfie/003-sportstar.txt";
/// Sportstar's swap of the medals (one finding for Kim Kum Yong's, Lim
/// Jong-hoon's and Ri Jong Sik's medal conflicts): its key and its row.
const MEDAL: &str = "swap/Sportstar/medal/Kim Kum Yong+Lim Jong-hoon+Ri Jong Sik";
const MEDAL_ROW: &str = "medal swap: silver medallist, bronze medallists";

/// Copies the bundled `captions/` folder into a new temporary folder.
fn bundled_copy() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            let target = to.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                copy(&entry.path(), &target)?;
            } else {
                std::fs::copy(entry.path(), target)?;
            }
        }
        Ok(())
    }
    let dir = tempfile::tempdir()?;
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("captions"),
        dir.path(),
    )?;
    Ok(dir)
}

/// Asks the watch to look at the folder now and waits for its answer.
fn check_folder(harness: &mut Harness<'_, App>) -> TestResult {
    harness.state_mut().run_command(Command::CheckFolder);
    run_until(harness, |app| app.folder_checks_answered())
}

fn rows(app: &App) -> Vec<ConflictRow> {
    app.session()
        .map(|s| ConflictsTable::default().rows(s))
        .unwrap_or_default()
}

fn medal_verdict(app: &App) -> Option<VerdictStatus> {
    let session = app.session()?;
    let photo = session.photo()?;
    session.review.get(&photo.id, MEDAL).map(|v| v.status)
}

/// Opens the copy and marks Sportstar's medal swap a confirmed error.
fn open_and_judge(folder: &Path) -> Result<Harness<'static, App>, Box<dyn std::error::Error>> {
    let mut harness = harness(folder.to_path_buf());
    run_until(&mut harness, loaded)?;
    harness.get_by_label(MEDAL_ROW).click();
    // Not `harness.run()`: thumbnails arriving from the preview pool keep
    // asking for frames, which `run` counts against its step limit.
    run_until(&mut harness, |app| {
        app.selection().is_some_and(|s| s.finding.is_some())
    })?;
    harness.get_by_label("confirmed error").click();
    run_until(&mut harness, |app| !app.is_busy())?;
    assert_eq!(
        medal_verdict(harness.state()),
        Some(VerdictStatus::ConfirmedError)
    );
    Ok(harness)
}

/// Edits Sportstar's caption on disk: one sentence more, nothing else.
fn edit_sportstar(folder: &Path) -> TestResult {
    let path = folder.join(SPORTSTAR_FILE);
    let text = std::fs::read_to_string(&path)?;
    let edited = text.replacen(
        "| Photo Credit: GETTY IMAGES",
        "Edited on disk. | Photo Credit: GETTY IMAGES",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&path, edited)?;
    Ok(())
}

/// The notice's Reload (the top bar has one too, drawn first).
fn click_notice_reload(harness: &mut Harness<'_, App>) -> TestResult {
    let reloads = harness.get_all_by_label("Reload").count();
    assert_eq!(reloads, 2, "the top bar's Reload and the notice's");
    harness
        .get_all_by_label("Reload")
        .last()
        .ok_or("no Reload in the notice")?
        .click();
    Ok(())
}

fn message_texts(app: &App) -> Vec<String> {
    app.messages().iter().map(|m| m.text.clone()).collect()
}

fn sportstar_caption(app: &App) -> Option<String> {
    let session = app.session()?;
    session
        .photo()?
        .variants
        .iter()
        .find(|v| v.label() == "Sportstar")
        .map(|v| v.caption.as_str().to_owned())
}

#[test]
fn an_edit_on_disk_offers_a_reload_that_shows_it_and_keeps_the_verdict() -> TestResult {
    let dir = bundled_copy()?;
    let mut harness = open_and_judge(dir.path())?;
    assert!(harness.query_by_label(NOTICE).is_none());

    edit_sportstar(dir.path())?;
    check_folder(&mut harness)?;
    assert!(harness.state().folder_changed());
    harness.get_by_label(NOTICE);

    click_notice_reload(&mut harness)?;
    run_until(&mut harness, |app| loaded(app) && !app.folder_changed())?;
    assert!(harness.query_by_label(NOTICE).is_none());
    assert_eq!(harness.get_all_by_label("Reload").count(), 1);

    // The new caption is what the window shows: Sportstar stays on the left.
    let view = harness.state().compare_view().ok_or("no compare view")?;
    assert_eq!(view.left.outlet, "Sportstar");
    assert!(
        view.left
            .text
            .contains("at South Paris Arena on Tuesday. Edited on disk. | Photo Credit"),
        "{}",
        view.left.text
    );
    assert!(sportstar_caption(harness.state()).is_some_and(|c| c.contains("Edited on disk.")));
    // The verdict set before is still there, in the window and in the file.
    assert_eq!(
        medal_verdict(harness.state()),
        Some(VerdictStatus::ConfirmedError)
    );
    let row = rows(harness.state())
        .into_iter()
        .find(|r| r.name == MEDAL_ROW)
        .ok_or("no medal row")?;
    assert_eq!(row.verdict, Some(VerdictStatus::ConfirmedError));
    let on_disk = Review::load(dir.path())?;
    assert_eq!(
        on_disk
            .get("paris-2024-table-tennis-selfie", MEDAL)
            .map(|v| v.status),
        Some(VerdictStatus::ConfirmedError)
    );

    // The reloaded folder is watched from its new state.
    check_folder(&mut harness)?;
    assert!(!harness.state().folder_changed());
    Ok(())
}

#[test]
fn a_verdict_whose_write_failed_survives_a_reload() -> TestResult {
    let dir = bundled_copy()?;
    // A file where the verdicts' folder should be: every save fails.
    let blocker = dir.path().join(".caption-provenance");
    std::fs::write(&blocker, "not a folder")?;
    let mut harness = open_and_judge(dir.path())?;
    let messages = message_texts(harness.state());
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("Could not save the verdicts: ")),
        "{messages:?}"
    );
    assert!(!dir.path().join(REVIEW_FILE).exists());

    edit_sportstar(dir.path())?;
    check_folder(&mut harness)?;
    click_notice_reload(&mut harness)?;
    run_until(&mut harness, |app| loaded(app) && !app.folder_changed())?;
    assert!(sportstar_caption(harness.state()).is_some_and(|c| c.contains("Edited on disk.")));
    assert_eq!(
        medal_verdict(harness.state()),
        Some(VerdictStatus::ConfirmedError)
    );
    assert_eq!(std::fs::read_to_string(&blocker)?, "not a folder");
    Ok(())
}

#[test]
fn the_apps_own_writes_do_not_raise_the_notice() -> TestResult {
    let dir = bundled_copy()?;
    // The verdict is written to .caption-provenance/review.json ...
    let mut harness = open_and_judge(dir.path())?;
    assert!(dir.path().join(REVIEW_FILE).exists());
    // ... and a report saved inside the opened folder, beside the captions.
    let report = dir
        .path()
        .join("paris-2024-table-tennis-selfie/report.html");
    harness
        .state_mut()
        .run_command(Command::SaveReport(report.clone()));
    run_until(&mut harness, |app| !app.is_busy())?;
    assert!(report.exists());

    check_folder(&mut harness)?;
    assert!(!harness.state().folder_changed());
    assert!(harness.query_by_label(NOTICE).is_none());

    // Someone else's file is a change.
    std::fs::write(
        dir.path()
            .join("paris-2024-table-tennis-selfie/005-new.txt"),
        "Outlet: Newcomer\n\nA new caption.\n",
    )?;
    check_folder(&mut harness)?;
    assert!(harness.state().folder_changed());
    harness.get_by_label(NOTICE);
    Ok(())
}

#[test]
fn verdicts_another_window_saves_reach_this_one_and_both_are_kept() -> TestResult {
    let dir = bundled_copy()?;
    let mut harness = open_and_judge(dir.path())?;
    let photo = harness
        .state()
        .session()
        .and_then(|s| s.photo())
        .map(|p| p.id.clone())
        .ok_or("no photo")?;
    // Another window on the same folder merges its own verdict into the file.
    let other = Verdict {
        status: VerdictStatus::NotAnError,
        note: "from the other window".into(),
        at: None,
        values: None,
    };
    Review::apply(
        dir.path(),
        &[Change::now(&photo, "photo/credit", Some(other))],
    )?;
    check_folder(&mut harness)?;
    run_until(&mut harness, |app| {
        app.session()
            .is_some_and(|s| s.review.get(&photo, "photo/credit").is_some())
    })?;
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.text == "Verdicts saved by another window were loaded.")
    );
    // This window's own verdict is still there, in the window and the file.
    assert_eq!(
        medal_verdict(harness.state()),
        Some(VerdictStatus::ConfirmedError)
    );
    let on_disk = Review::load(dir.path())?;
    assert!(on_disk.get(&photo, MEDAL).is_some());
    assert_eq!(
        on_disk.get(&photo, "photo/credit").map(|v| v.note.as_str()),
        Some("from the other window")
    );
    // Its own writes are not taken for another window's.
    let before = harness.state().messages().len();
    check_folder(&mut harness)?;
    assert_eq!(harness.state().messages().len(), before);
    Ok(())
}

#[test]
fn a_damaged_review_file_is_kept_aside_and_the_window_says_so() -> TestResult {
    let dir = bundled_copy()?;
    let review = dir.path().join(REVIEW_FILE);
    std::fs::create_dir_all(review.parent().ok_or("no parent")?)?;
    std::fs::write(&review, "{\"verdicts\": {\"paris")?;
    let harness = open_and_judge(dir.path())?;
    let messages = message_texts(harness.state());
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("The saved verdicts could not be read")),
        "{messages:?}"
    );
    let kept = messages
        .iter()
        .find(|m| m.starts_with("The review file was damaged"))
        .ok_or(format!("no word of the damaged file: {messages:?}"))?;
    assert!(kept.contains("review.json.damaged-"), "{kept}");
    let damaged: Vec<std::path::PathBuf> =
        std::fs::read_dir(dir.path().join(".caption-provenance"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("review.json.damaged-"))
            })
            .collect();
    assert_eq!(damaged.len(), 1);
    let first = damaged.first().ok_or("none kept")?;
    assert_eq!(std::fs::read_to_string(first)?, "{\"verdicts\": {\"paris");
    assert!(
        Review::load(dir.path())?
            .verdicts
            .values()
            .any(|v| v.contains_key(MEDAL))
    );
    Ok(())
}
