//! The image panel driven through egui_kittest: distances to the photo's
//! other images, choosing one, and a folder of many images that draws (and
//! decodes) only the rows on screen.

use std::path::{Path, PathBuf};

use caption_provenance::imaging::evidence::examine_images;
use caption_provenance::imaging::hash::is_same_photo;
use caption_provenance::ui::App;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A window tall enough to show the whole image panel (rows outside the
/// window are not drawn: the list is virtualised).
fn harness(folder: PathBuf) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 2400.0))
        .build_eframe(move |cc| App::new(Some(folder), None, Some(cc.egui_ctx.clone())))
}

/// Runs frames until `done` holds (jobs and thumbnails report between frames).
fn run_until(harness: &mut Harness<'_, App>, done: impl Fn(&App) -> bool) -> TestResult {
    for _ in 0..5000 {
        harness.step();
        if done(harness.state()) {
            harness.step();
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    Err("the window never settled".into())
}

fn settled(app: &App) -> bool {
    !app.is_busy() && app.session().is_some() && app.preview().pending_count() == 0
}

fn labels_containing(harness: &Harness<'_, App>, text: &str) -> usize {
    harness.query_all_by_label_contains(text).count()
}

#[test]
fn the_bundled_images_show_their_distance_to_the_one_shown() -> TestResult {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("captions");
    let mut harness = harness(root.clone());
    run_until(&mut harness, settled)?;
    let session = harness.state().session().ok_or("no session")?;
    let photo = session.photo().ok_or("no photo")?.clone();
    assert!(
        harness.state().preview().evidence_for(&photo.id).is_some(),
        "the photo's images were not examined"
    );
    // The variant opened on (Sportstar) names no image; it shows the one the
    // embedded caption came from.
    let images = Path::new("paris-2024-table-tennis-selfie/images");
    assert_eq!(
        harness.state().preview().shown(),
        Some(images.join("selfie-agency.jpg").as_path())
    );
    // Seven other images: every stand-in copy is the same photo, the wide
    // shot of the ceremony is not.
    harness.get_by_label("Other images of this photo: 7 (6 the same photo)");
    assert_eq!(labels_containing(&harness, ": the same photo"), 6);
    assert_eq!(labels_containing(&harness, ": a different picture"), 1);
    let evidence = examine_images(&session.corpus.root, &photo.images);
    let index = |name: &str| {
        photo
            .images
            .iter()
            .position(|p| p.ends_with(name))
            .ok_or("missing image")
    };
    let (agency, wide) = (index("selfie-agency.jpg")?, index("ceremony-wide.jpg")?);
    let hash = |i: usize| evidence.hashes.get(i).cloned().flatten().ok_or("no hash");
    let distance = hash(agency)?.distance(&hash(wide)?);
    assert!(!is_same_photo(distance));
    harness.get_by_label(&format!("distance {distance}: a different picture"));
    // Embedded metadata of the image shown.
    // IPTC and XMP give the same credit: one row.
    harness.get_by_label("credit (IPTC, XMP)");

    let wide_path = images.join("ceremony-wide.jpg");
    // Rows are named by file name (the whole path is on hover).
    harness.get_by_label("ceremony-wide.jpg").click();
    run_until(&mut harness, settled)?;
    assert_eq!(
        harness.state().preview().chosen.as_deref(),
        Some(wide_path.as_path())
    );
    assert_eq!(harness.state().preview().shown(), Some(wide_path.as_path()));
    // Now the agency copy is the different picture, seen from the wide shot.
    harness.get_by_label("Other images of this photo: 7 (0 the same photo)");
    Ok(())
}

#[test]
fn a_folder_of_many_images_without_captions_shows_them_and_decodes_only_what_is_seen() -> TestResult
{
    let dir = tempfile::tempdir()?;
    for i in 0..60u32 {
        let image = image::RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([(x * 4 + i) as u8, (y * 5) as u8, (i * 4) as u8])
        });
        image.save(dir.path().join(format!("image-{i:02}.png")))?;
    }
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, settled)?;
    let session = harness.state().session().ok_or("no session")?;
    assert_eq!(session.corpus.photos.len(), 1);
    let photo = session.photo().ok_or("no photo")?;
    assert_eq!((photo.images.len(), photo.variants.len()), (60, 0));
    // With no caption to choose an image, the first is shown.
    assert_eq!(
        harness.state().preview().shown(),
        Some(Path::new("image-00.png"))
    );
    harness.get_by_label("image-01.png");
    harness.get_by_label_contains("Other images of this photo: 59");
    // The large preview and the rows on screen, not sixty textures.
    let textures = harness.state().preview().texture_count();
    assert!((2..=12).contains(&textures), "{textures} textures");
    Ok(())
}

/// An image that cannot be decoded is listed in the problems panel once the
/// photo's images are examined, with what to do about it.
#[test]
fn a_broken_image_is_listed_with_the_problems() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("caption.txt"),
        "Outlet: Alpha\n\nLim Jong-hoon takes a selfie.\n",
    )?;
    let jpeg = {
        let mut bytes = std::io::Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(image::RgbImage::new(32, 32))
            .write_to(&mut bytes, image::ImageFormat::Jpeg)?;
        bytes.into_inner()
    };
    std::fs::write(dir.path().join("good.jpg"), &jpeg)?;
    std::fs::write(dir.path().join("cut.jpg"), &jpeg[..jpeg.len() / 2])?;
    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, |app| {
        settled(app)
            && app
                .session()
                .and_then(|s| s.photo())
                .is_some_and(|p| app.preview().evidence_for(&p.id).is_some())
    })?;
    assert_eq!(
        harness.state().session().map(|s| s.corpus.problems.len()),
        Some(0)
    );
    harness.get_by_label("Problems (1)");
    // Each twice: in the image panel (the broken image is the one shown) and
    // in the problems panel.
    let reason = "the image is truncated: the file ends inside a marker segment";
    assert_eq!(harness.query_all_by_label("cut.jpg").count(), 2);
    assert_eq!(harness.query_all_by_label(reason).count(), 2);
    Ok(())
}
