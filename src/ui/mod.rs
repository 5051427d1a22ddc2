//! The egui window. (Skeleton: the GUI issue builds it out.)

use std::path::PathBuf;

/// Opens the window on `folder`.
pub fn run(folder: PathBuf) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_title("caption-provenance"),
        ..Default::default()
    };
    eframe::run_native(
        "caption-provenance",
        options,
        Box::new(move |_cc| Ok(Box::new(App { folder }))),
    )
}

pub struct App {
    folder: PathBuf,
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut eframe::egui::Ui, _frame: &mut eframe::Frame) {
        ui.heading(format!("caption-provenance: {}", self.folder.display()));
    }
}
