//! What the window tests share: the app in a headless harness, opened on a
//! folder, and frames run until the background jobs have reported.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use caption_provenance::ui::App;
use caption_provenance::ui::dialogs::{DialogBackend, DialogOutcome};
use eframe::egui;
use egui_kittest::Harness;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Frames `Harness::run` may take to settle: a span a click or a step
/// reaches is flashed for `evidence_steps::FLASH` (1.2 s, five of the
/// harness's quarter-second frames) before the window is still.
pub const MAX_STEPS: u64 = 12;

/// Why [`NoDialogs`] cannot show a dialog.
pub const NO_DIALOG_REASON: &str = "no desktop portal (a test)";

/// File dialogs that never open (a test must never show a real one): each
/// call is counted and answered Unavailable.
#[derive(Debug, Default)]
pub struct NoDialogs {
    calls: AtomicUsize,
}

impl NoDialogs {
    /// How many times a dialog was asked for.
    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

impl DialogBackend for NoDialogs {
    fn pick_folder(&self, _start: Option<&Path>) -> DialogOutcome {
        self.calls.fetch_add(1, Ordering::SeqCst);
        DialogOutcome::Unavailable(NO_DIALOG_REASON.into())
    }

    fn save_file(&self, _start: Option<&Path>, _suggested_name: &str) -> DialogOutcome {
        self.calls.fetch_add(1, Ordering::SeqCst);
        DialogOutcome::Unavailable(NO_DIALOG_REASON.into())
    }
}

/// The app opened on `folder`, in a 1280x800 window, with no file dialogs.
pub fn harness(folder: PathBuf) -> Harness<'static, App> {
    harness_sized(
        folder,
        egui::vec2(1280.0, 800.0),
        Arc::new(NoDialogs::default()),
    )
}

/// The app opened on `folder` in a window of `size`, showing file dialogs
/// with `dialogs`.
pub fn harness_sized(
    folder: PathBuf,
    size: egui::Vec2,
    dialogs: Arc<dyn DialogBackend>,
) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            App::new(Some(folder), None, Some(cc.egui_ctx.clone())).with_dialogs(dialogs)
        })
}

/// Runs frames until `done` holds and the window has settled (the
/// background jobs report between frames).
pub fn run_until(harness: &mut Harness<'_, App>, done: impl Fn(&App) -> bool) -> TestResult {
    for _ in 0..5000 {
        harness.step();
        if done(harness.state()) && harness.run_ok().is_some() && done(harness.state()) {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    Err("the background job never finished".into())
}

/// Nothing is running in the background.
pub fn idle(app: &App) -> bool {
    !app.is_busy()
}

/// The folder has loaded and nothing is running.
pub fn loaded(app: &App) -> bool {
    !app.is_busy() && app.session().is_some()
}

/// A new temporary folder holding one photo: a caption file for each
/// (file, outlet, caption), and each (file, contents) of `others`.
pub fn caption_folder(
    captions: &[(&str, &str, &str)],
    others: &[(&str, &str)],
) -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    for (file, outlet, caption) in captions {
        std::fs::write(
            dir.path().join(file),
            format!("outlet: {outlet}\n\n{caption}\n"),
        )?;
    }
    for (file, contents) in others {
        std::fs::write(dir.path().join(file), contents)?;
    }
    Ok(dir)
}
