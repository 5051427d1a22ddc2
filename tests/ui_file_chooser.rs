//! The window's own file chooser through egui_kittest, with the real loader
//! and a dialog backend that cannot show the system dialog (as on a desktop
//! without a portal or zenity): Ctrl+O and Ctrl+S say why and open the
//! chooser; the folder opened and the report saved go through the same
//! commands as the system dialog's answers.

use std::path::Path;
use std::sync::Arc;

use caption_provenance::ui::App;
use caption_provenance::ui::file_chooser::ChooserMode;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{NO_DIALOG_REASON, NoDialogs, TestResult, harness_sized, loaded, run_until};

/// A folder holding two captions folders, `first` and `second`.
fn two_folders() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let root = tempfile::tempdir()?;
    for (folder, outlets) in [
        ("first", ["Reuters", "AP"]),
        ("second", ["Sportstar", "The Sun"]),
    ] {
        std::fs::create_dir(root.path().join(folder))?;
        for (n, outlet) in outlets.iter().enumerate() {
            std::fs::write(
                root.path().join(folder).join(format!("{n}.txt")),
                format!("outlet: {outlet}\n\nLim Jong-hoon takes a selfie.\n"),
            )?;
        }
    }
    Ok(root)
}

/// The app on `root/first`, loaded, with `dialogs` that never open.
fn opened_on_first(
    root: &Path,
    size: egui::Vec2,
    dialogs: &Arc<NoDialogs>,
) -> Result<Harness<'static, App>, Box<dyn std::error::Error>> {
    let dialogs: Arc<NoDialogs> = Arc::clone(dialogs);
    let mut harness = harness_sized(root.join("first"), size, dialogs);
    run_until(&mut harness, loaded)?;
    Ok(harness)
}

fn large() -> egui::Vec2 {
    egui::vec2(1280.0, 800.0)
}

/// The chooser is open in `mode` and has read its folder.
fn chooser_ready(mode: ChooserMode) -> impl Fn(&App) -> bool {
    move |app| app.chooser().mode() == Some(mode) && !app.is_busy()
}

fn last_message(app: &App) -> Option<String> {
    app.messages().last().map(|m| m.text.clone())
}

fn outlets(app: &App) -> Vec<String> {
    app.session()
        .and_then(|s| s.corpus.photos.first())
        .map(|p| p.variants.iter().map(|v| v.source.outlet.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn ctrl_o_without_a_system_dialog_says_why_and_the_chooser_opens_a_folder() -> TestResult {
    let root = two_folders()?;
    let dialogs = Arc::new(NoDialogs::default());
    let mut harness = opened_on_first(root.path(), large(), &dialogs)?;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    run_until(&mut harness, chooser_ready(ChooserMode::OpenFolder))?;
    let said = format!(
        "The system folder dialog could not open: {NO_DIALOG_REASON}. \
         Choose in the window's own chooser instead."
    );
    assert_eq!(last_message(harness.state()), Some(said.clone()));
    harness.get_by_label(&said);
    assert_eq!(dialogs.calls(), 1);
    assert_eq!(
        harness.state().native_dialog_unavailable(),
        Some(NO_DIALOG_REASON)
    );
    // The chooser says it too, and starts in the opened folder, which has
    // no folders inside.
    harness.get_by_label("Open a captions folder");
    harness.get_by_label(&format!(
        "The system dialog could not open: {NO_DIALOG_REASON}."
    ));
    assert_eq!(
        harness.state().chooser().folder(),
        Some(root.path().join("first").as_path())
    );
    harness.get_by_label("0 folders");

    harness.get_by_label("Up").click();
    run_until(&mut harness, |app| {
        app.chooser().folder() == Some(root.path()) && !app.is_busy()
    })?;
    assert_eq!(
        harness.state().chooser().shown_names(),
        ["first/", "second/"]
    );
    harness.get_by_label("second/").click();
    harness.run();
    harness.get_by_label("Open folder").click();
    let second = root.path().join("second");
    run_until(&mut harness, |app| {
        loaded(app) && app.session().is_some_and(|s| s.folder == second)
    })?;
    assert!(!harness.state().chooser().is_open());
    assert_eq!(outlets(harness.state()), ["Sportstar", "The Sun"]);
    assert_eq!(
        harness.state().settings.recent_folders.first(),
        Some(&second)
    );

    // The session remembers: the next Ctrl+O goes straight to the chooser.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    run_until(&mut harness, chooser_ready(ChooserMode::OpenFolder))?;
    assert_eq!(dialogs.calls(), 1);
    assert_eq!(harness.state().chooser().folder(), Some(second.as_path()));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().chooser().is_open());
    assert_eq!(
        harness.state().session().map(|s| s.folder.clone()),
        Some(second)
    );
    Ok(())
}

#[test]
fn the_keyboard_alone_finds_and_opens_a_folder() -> TestResult {
    let root = two_folders()?;
    let dialogs = Arc::new(NoDialogs::default());
    let mut harness = opened_on_first(root.path(), large(), &dialogs)?;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    run_until(&mut harness, chooser_ready(ChooserMode::OpenFolder))?;
    // The Location field has the focus, its cursor after the folder's path.
    assert!(harness.get_by_label("Location:").is_focused());
    harness.get_by_label("Location:").type_text("../se");
    run_until(&mut harness, |app| {
        app.chooser().folder() == Some(root.path()) && !app.is_busy()
    })?;
    assert_eq!(harness.state().chooser().shown_names(), ["second/"]);
    harness.key_press(egui::Key::Tab);
    let second = root.path().join("second");
    run_until(&mut harness, |app| {
        app.chooser().folder() == Some(second.as_path()) && !app.is_busy()
    })?;
    assert_eq!(
        harness.state().chooser().location(),
        Some(format!("{}/../second/", root.path().join("first").display()).as_str())
    );
    harness.key_press(egui::Key::Enter);
    run_until(&mut harness, |app| {
        loaded(app) && app.session().is_some_and(|s| s.folder == second)
    })?;
    assert_eq!(outlets(harness.state()), ["Sportstar", "The Sun"]);
    Ok(())
}

#[test]
fn save_report_without_a_system_dialog_saves_under_the_typed_name() -> TestResult {
    let root = two_folders()?;
    let dialogs = Arc::new(NoDialogs::default());
    let mut harness = opened_on_first(root.path(), large(), &dialogs)?;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    run_until(&mut harness, chooser_ready(ChooserMode::SaveReport))?;
    assert_eq!(
        last_message(harness.state()),
        Some(format!(
            "The system save dialog could not open: {NO_DIALOG_REASON}. \
             Choose in the window's own chooser instead."
        ))
    );
    harness.get_by_label("Save the report");
    assert_eq!(
        harness.get_by_label("Name:").value().as_deref(),
        Some("caption-report.html")
    );
    harness.get_by_label("Name:").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Name:").type_text("desk-check");
    harness.run();
    harness.get_by_label("Save").click();
    let report = root.path().join("first").join("desk-check.html");
    run_until(&mut harness, |app| {
        !app.chooser().is_open() && !app.is_busy()
    })?;
    assert!(std::fs::read_to_string(&report)?.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        last_message(harness.state()),
        Some(format!("Saved the report to {}", report.display()))
    );
    assert_eq!(
        harness.state().settings.last_report_folder.as_deref(),
        Some(root.path().join("first").as_path())
    );
    Ok(())
}

#[test]
fn an_existing_report_is_replaced_only_when_the_user_says_so() -> TestResult {
    let root = two_folders()?;
    let existing = root.path().join("first").join("caption-report.html");
    std::fs::write(&existing, "yesterday's report\n")?;
    let dialogs = Arc::new(NoDialogs::default());
    let mut harness = opened_on_first(root.path(), large(), &dialogs)?;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    run_until(&mut harness, chooser_ready(ChooserMode::SaveReport))?;
    assert_eq!(
        harness.state().chooser().shown_names(),
        ["caption-report.html"]
    );
    harness.get_by_label("0 folders, 1 file");
    harness.get_by_label("Save").click();
    harness.run();
    let question = "“caption-report.html” already exists in this folder. Replace it?";
    harness.get_by_label(question);
    harness.get_by_label("Cancel").click();
    run_until(&mut harness, |app| !app.is_busy())?;
    assert!(harness.query_by_label(question).is_none());
    assert!(harness.state().chooser().is_open());
    assert_eq!(std::fs::read(&existing)?, b"yesterday's report\n");

    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Replace").click();
    run_until(&mut harness, |app| {
        !app.chooser().is_open() && !app.is_busy()
    })?;
    assert!(std::fs::read_to_string(&existing)?.starts_with("<!DOCTYPE html>"));
    Ok(())
}

#[test]
fn a_folder_that_cannot_be_read_says_why_in_the_chooser() -> TestResult {
    let root = two_folders()?;
    let dialogs = Arc::new(NoDialogs::default());
    let mut harness = opened_on_first(root.path(), large(), &dialogs)?;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    run_until(&mut harness, chooser_ready(ChooserMode::OpenFolder))?;
    harness.get_by_label("Location:").type_text("gone/");
    let gone = root.path().join("first").join("gone");
    run_until(&mut harness, |app| {
        app.chooser().folder() == Some(gone.as_path()) && !app.is_busy()
    })?;
    assert_eq!(
        harness.state().chooser().listing_problem(),
        Some("there is no such folder")
    );
    harness.get_by_label(&format!(
        "Could not read {}: there is no such folder",
        gone.display()
    ));
    // Open refuses it and says why; the chooser stays.
    harness.get_by_label("Open folder").click();
    harness.run();
    harness.get_by_label("This folder cannot be opened: there is no such folder.");
    assert!(harness.state().chooser().is_open());
    assert_eq!(
        harness.state().session().map(|s| s.folder.clone()),
        Some(root.path().join("first"))
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_folder_without_read_permission_says_so() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let root = two_folders()?;
    let locked = root.path().join("first").join("locked");
    std::fs::create_dir(&locked)?;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000))?;
    if std::fs::read_dir(&locked).is_ok() {
        // Running as root: every folder can be read; nothing to show.
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755))?;
        return Ok(());
    }
    let dialogs = Arc::new(NoDialogs::default());
    let mut harness = opened_on_first(root.path(), large(), &dialogs)?;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    run_until(&mut harness, chooser_ready(ChooserMode::OpenFolder))?;
    harness.get_by_label("locked/").click();
    harness.run();
    harness.key_press(egui::Key::Enter);
    run_until(&mut harness, |app| {
        app.chooser().folder() == Some(locked.as_path()) && !app.is_busy()
    })?;
    harness.get_by_label(&format!(
        "Could not read {}: permission denied",
        locked.display()
    ));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755))?;
    Ok(())
}

#[test]
fn the_save_chooser_fits_an_800_by_600_window() -> TestResult {
    let root = two_folders()?;
    let dialogs = Arc::new(NoDialogs::default());
    let mut harness = opened_on_first(root.path(), egui::vec2(800.0, 600.0), &dialogs)?;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    run_until(&mut harness, chooser_ready(ChooserMode::SaveReport))?;
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0));
    for label in [
        "Location:",
        "Up",
        "File system",
        "Name:",
        "JSON",
        "Save",
        "Cancel",
    ] {
        let rect = harness.get_by_label(label).rect();
        assert!(window.contains_rect(rect), "{label} at {rect:?}");
    }
    Ok(())
}

#[test]
fn the_builtin_chooser_setting_skips_the_system_dialog() -> TestResult {
    let root = two_folders()?;
    let dialogs = Arc::new(NoDialogs::default());
    let mut harness = opened_on_first(root.path(), large(), &dialogs)?;
    harness.get_by_label("Built-in file chooser").click();
    harness.run();
    assert!(harness.state().settings.builtin_chooser);
    harness.get_by_label("Open folder…").click();
    run_until(&mut harness, chooser_ready(ChooserMode::OpenFolder))?;
    assert_eq!(dialogs.calls(), 0);
    // No complaint: the user asked for this chooser.
    assert!(harness.state().messages().is_empty());
    assert!(harness.query_by_label_contains("could not open").is_none());
    assert_eq!(harness.state().native_dialog_unavailable(), None);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().chooser().is_open());
    Ok(())
}
