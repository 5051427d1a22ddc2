//! The egui window: a person opens a captions folder and sees who says what
//! and where the outlets disagree.
//!
//! One module per panel (`top_bar`, `photo_list`, `compare` (drawn by
//! `compare_text`, coloured by `palette`, stepped through by
//! `evidence_steps`), `alignment`,
//! `people` (each person's spellings), `conflicts` (the findings table), `preview` with `image_list` and
//! `textures` (shown as `image_panel` says), `problems`, `find`); `app` arranges them and holds the state,
//! `settings` what it remembers between runs, `text_size` how large it draws; `commands` applies every user
//! action in one place; `jobs` runs loading, analysis, decoding and writing
//! on background threads, so no frame waits on I/O; `folder_watch` notices
//! the opened folder changing on disk and offers a reload. `dialogs` puts
//! the system's folder and save dialogs behind a trait and tells "cancelled"
//! from "could not open" (`dialog_probe` asks the desktop); where they cannot
//! open, `file_chooser` (with `file_chooser_ui`, `chooser_listing`,
//! `chooser_places` and `chooser_saving`) is the window's own chooser.
//! `verdict_sync` keeps the window's verdicts and the folder's review file
//! in step; `note_draft` saves the verdict's note as it is typed.
//! `add_caption` is the *Add caption…* form, and `folder_additions` puts
//! its file, and files dropped onto the window, into the photo's folder.

pub mod add_caption;
pub mod alignment;
pub mod app;
pub mod chooser_listing;
pub mod chooser_places;
mod chooser_saving;
pub mod commands;
pub mod compare;
mod compare_text;
pub mod conflicts;
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
mod dialog_probe;
pub mod dialogs;
pub mod evidence_steps;
pub mod file_chooser;
mod file_chooser_ui;
pub mod find;
pub mod find_search;
pub mod folder_additions;
pub mod folder_watch;
pub mod highlight;
pub mod image_list;
pub mod image_panel;
pub mod jobs;
pub mod note_draft;
pub mod palette;
pub mod people;
pub mod photo_list;
pub mod photo_order;
pub mod preview;
pub mod problems;
pub mod saving;
pub mod selection;
pub mod settings;
pub mod text_size;
pub mod textures;
pub mod top_bar;
mod verdict_sync;

use std::path::PathBuf;

pub use app::App;

/// Opens the window on `folder`.
pub fn run(folder: PathBuf) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true)
            .with_title("caption-provenance"),
        ..Default::default()
    };
    eframe::run_native(
        "caption-provenance",
        options,
        Box::new(move |cc| {
            Ok(Box::new(App::new(
                Some(folder),
                cc.storage,
                Some(cc.egui_ctx.clone()),
            )))
        }),
    )
}
