//! Building a folder in the window: *Add caption…* writes a caption file
//! from its form into the selected photo's folder, pasting text opens the
//! form with it, and dropping a file copies it in; after the reload the new
//! variant is listed and selected.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use caption_provenance::ui::App;
use caption_provenance::ui::commands::Command;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{TestResult, caption_folder, harness, loaded, run_until};

/// A path dropped on the window, as the integration hands it to egui.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("read from the path".into())
    }
}

/// The folder of two outlets' captions, opened in the window.
fn opened() -> Result<(tempfile::TempDir, Harness<'static, App>), Box<dyn std::error::Error>> {
    let dir = caption_folder(
        &[
            ("reuters.txt", "Reuters", "Lim Jong-hoon takes a selfie."),
            ("the-sun.txt", "The Sun", "Lim Jong-hoon took the selfie."),
        ],
        &[],
    )?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    Ok((dir, harness))
}

/// The path (relative to the opened folder) of the variant on the left.
fn selected_file(app: &App) -> Option<PathBuf> {
    let session = app.session()?;
    let variant = session.photo()?.variants.get(session.selection.left)?;
    Some(variant.source.file.clone())
}

/// Whether the folder has loaded with a variant read from `file` selected.
fn selects(file: &'static str) -> impl Fn(&App) -> bool {
    move |app| loaded(app) && selected_file(app).as_deref() == Some(Path::new(file))
}

fn type_into(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn file_names(dir: &Path) -> Result<Vec<String>, std::io::Error> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    Ok(names)
}

/// Opens the form and fills it with The Guardian's caption.
fn fill_the_form(harness: &mut Harness<'_, App>, caption: &str) {
    harness.get_by_label("Add caption…").click();
    harness.run();
    // The outlet has the keyboard as the form opens.
    harness.get_by_label("Outlet:").type_text("The Guardian");
    harness.run();
    type_into(harness, "Address:", "https://www.theguardian.com/selfie");
    type_into(harness, "Published:", "31 July 2024");
    type_into(harness, "Credit:", "Getty Images");
    type_into(harness, "Caption:", caption);
    type_into(harness, "Article:", "The selfie went viral.");
}

#[test]
fn a_caption_added_through_the_form_is_there_after_the_reload() -> TestResult {
    let (dir, mut harness) = opened()?;
    fill_the_form(
        &mut harness,
        "Lim Jong-hoon, bronze medallist, takes a selfie.",
    );
    harness.get_by_label("Save caption").click();
    run_until(&mut harness, selects("the-guardian.txt"))?;

    assert_eq!(
        std::fs::read_to_string(dir.path().join("the-guardian.txt"))?,
        "Outlet: The Guardian\n\
         URL: https://www.theguardian.com/selfie\n\
         Published: 31 July 2024\n\
         Credit: Getty Images\n\
         \n\
         Lim Jong-hoon, bronze medallist, takes a selfie.\n\
         \n\
         --- article ---\n\
         The selfie went viral.\n"
    );
    let app = harness.state();
    let session = app.session().ok_or("no session")?;
    let photo = session.photo().ok_or("no photo")?;
    assert_eq!(photo.variants.len(), 3);
    let added = photo
        .variants
        .get(session.selection.left)
        .ok_or("no variant")?;
    assert_eq!(added.source.outlet, "The Guardian");
    assert_eq!(
        added.source.published.as_ref().map(|p| p.date.to_string()),
        Some("2024-07-31".to_owned())
    );
    assert!(!app.add_caption_form().is_open());
    // Listed on the left, selected.
    harness.get_by_label_contains("L: The Guardian · 2024-07-31 · Getty Images");
    // The window's own write is not taken for a change on disk.
    harness.state_mut().run_command(Command::CheckFolder);
    run_until(&mut harness, App::folder_checks_answered)?;
    assert!(!harness.state().folder_changed());
    Ok(())
}

#[test]
fn a_form_without_a_caption_writes_nothing() -> TestResult {
    let (dir, mut harness) = opened()?;
    harness.get_by_label("Add caption…").click();
    harness.run();
    harness.get_by_label("Outlet:").type_text("The Guardian");
    harness.run();
    type_into(&mut harness, "Published:", "last Tuesday");
    // A date the loader would not read is said at once.
    harness.get_by_label_contains("The date \"last Tuesday\" is not one the loader reads");
    harness.get_by_label("Save caption").click();
    harness.run();
    harness.get_by_label("Give the caption.");
    run_until(&mut harness, |app| !app.is_busy())?;
    assert_eq!(file_names(dir.path())?, vec!["reuters.txt", "the-sun.txt"]);
    let app = harness.state();
    assert!(app.add_caption_form().is_open());
    assert_eq!(app.add_caption_form().draft().outlet, "The Guardian");
    Ok(())
}

#[test]
fn a_second_caption_of_one_outlet_does_not_replace_the_first() -> TestResult {
    let (dir, mut harness) = opened()?;
    fill_the_form(&mut harness, "The first caption of the selfie.");
    harness.get_by_label("Save caption").click();
    run_until(&mut harness, selects("the-guardian.txt"))?;
    fill_the_form(&mut harness, "The second caption of the selfie.");
    harness.get_by_label("Save caption").click();
    run_until(&mut harness, selects("the-guardian-2.txt"))?;

    let first = std::fs::read_to_string(dir.path().join("the-guardian.txt"))?;
    let second = std::fs::read_to_string(dir.path().join("the-guardian-2.txt"))?;
    assert!(first.contains("The first caption"), "{first}");
    assert!(second.contains("The second caption"), "{second}");
    let photo_variants = harness
        .state()
        .session()
        .and_then(|s| s.photo())
        .map_or(0, |p| p.variants.len());
    assert_eq!(photo_variants, 4);
    Ok(())
}

#[test]
fn pasting_text_opens_the_form_with_it_as_the_caption() -> TestResult {
    let (dir, mut harness) = opened()?;
    harness.event(egui::Event::Paste(
        "  Lim Jong-hoon takes a selfie on the podium.\n".into(),
    ));
    harness.run();
    let form = harness.state().add_caption_form();
    assert!(form.is_open());
    assert_eq!(
        form.draft().caption,
        "Lim Jong-hoon takes a selfie on the podium."
    );
    harness.get_by_label("Outlet:").type_text("Yonhap");
    harness.run();
    harness.get_by_label("Save caption").click();
    run_until(&mut harness, selects("yonhap.txt"))?;
    assert_eq!(
        std::fs::read_to_string(dir.path().join("yonhap.txt"))?,
        "Outlet: Yonhap\n\nLim Jong-hoon takes a selfie on the podium.\n"
    );
    Ok(())
}

#[test]
fn dropping_a_caption_file_copies_it_in_and_selects_it() -> TestResult {
    let (dir, mut harness) = opened()?;
    let elsewhere = tempfile::tempdir()?;
    let dropped = elsewhere.path().join("the-sun.txt");
    std::fs::write(
        &dropped,
        "outlet: The Sun (print)\n\nLim took the selfie.\n",
    )?;
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(dropped.clone())));
    // The name is taken in the folder: the copy is renamed, nothing replaced.
    run_until(&mut harness, selects("the-sun-2.txt"))?;
    assert_eq!(
        std::fs::read_to_string(dir.path().join("the-sun-2.txt"))?,
        std::fs::read_to_string(&dropped)?
    );
    assert!(std::fs::read_to_string(dir.path().join("the-sun.txt"))?.contains("The Sun\n"));
    let app = harness.state();
    assert_eq!(
        app.session().ok_or("no session")?.folder,
        dir.path().to_path_buf()
    );
    let photo = app.session().and_then(|s| s.photo()).ok_or("no photo")?;
    assert_eq!(photo.variants.len(), 3);
    Ok(())
}

#[test]
fn dropping_a_file_the_loader_does_not_read_is_refused() -> TestResult {
    let (dir, mut harness) = opened()?;
    let elsewhere = tempfile::tempdir()?;
    let dropped = elsewhere.path().join("notes.docx");
    std::fs::write(&dropped, "not a caption")?;
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(dropped)));
    run_until(&mut harness, |app| {
        loaded(app) && app.messages().iter().any(|m| m.is_error)
    })?;
    let message = harness
        .state()
        .messages()
        .last()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        message.starts_with("Not copied: notes.docx is not a file the loader reads"),
        "{message}"
    );
    assert_eq!(file_names(dir.path())?, vec!["reuters.txt", "the-sun.txt"]);
    // The folder stays open as it was.
    assert_eq!(
        harness.state().session().ok_or("no session")?.folder,
        dir.path().to_path_buf()
    );
    Ok(())
}

#[test]
fn the_caption_goes_into_the_selected_photos_folder() -> TestResult {
    let dir = tempfile::tempdir()?;
    for (folder, outlet) in [("paris", "Reuters"), ("rio", "CNN")] {
        std::fs::create_dir(dir.path().join(folder))?;
        std::fs::write(
            dir.path().join(folder).join("first.txt"),
            format!("outlet: {outlet}\n\nA caption.\n"),
        )?;
    }
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    harness.get_by_label_contains("rio (1 variants)").click();
    harness.run();
    fill_the_form(&mut harness, "Bolt grins at the camera.");
    harness.get_by_label("Save caption").click();
    run_until(&mut harness, selects("rio/the-guardian.txt"))?;
    assert!(dir.path().join("rio/the-guardian.txt").is_file());
    assert!(!dir.path().join("paris/the-guardian.txt").exists());
    assert_eq!(harness.state().selection().map(|s| s.photo), Some(1));
    Ok(())
}

#[test]
fn an_empty_folder_becomes_a_photo_with_its_first_caption() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    fill_the_form(&mut harness, "Lim Jong-hoon takes a selfie.");
    harness.get_by_label("Save caption").click();
    run_until(&mut harness, selects("the-guardian.txt"))?;
    assert_eq!(file_names(dir.path())?, vec!["the-guardian.txt"]);
    Ok(())
}

#[test]
fn pasting_into_a_text_field_leaves_the_form_closed() -> TestResult {
    let (_dir, mut harness) = opened()?;
    harness.get_by_label("Path:").focus();
    harness.run();
    harness.event(egui::Event::Paste("/some/folder".into()));
    harness.run();
    assert!(!harness.state().add_caption_form().is_open());
    Ok(())
}

#[test]
fn a_dropped_image_with_a_caption_becomes_a_selected_variant() -> TestResult {
    let (dir, mut harness) = opened()?;
    let agency = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("captions/paris-2024-table-tennis-selfie/images/selfie-agency.jpg");
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(agency.clone())));
    run_until(&mut harness, selects("selfie-agency.jpg"))?;
    assert_eq!(
        std::fs::read(dir.path().join("selfie-agency.jpg"))?,
        std::fs::read(&agency)?
    );
    let app = harness.state();
    let session = app.session().ok_or("no session")?;
    let photo = session.photo().ok_or("no photo")?;
    assert!(
        photo
            .images
            .iter()
            .any(|i| i == Path::new("selfie-agency.jpg"))
    );
    Ok(())
}
