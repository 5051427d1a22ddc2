//! What the window remembers between runs: the last and recent folders, the
//! folder a report was last saved into, the diff options, the panel sizes,
//! the theme, the text size, and whether to use the window's own file chooser. Derives serde with `#[serde(default)]`,
//! so saved state from an older version survives new fields.

use std::path::{Path, PathBuf};

use eframe::egui;
use serde::{Deserialize, Serialize};

use crate::analysis::diff::DiffOptions;

use super::photo_order::PhotoListView;

/// How many recent folders the menu keeps.
const RECENT_FOLDERS: usize = 8;
/// What the window remembers between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub last_folder: Option<PathBuf>,
    /// Most recent first.
    pub recent_folders: Vec<PathBuf>,
    /// Where the last report went (a place in the window's own chooser).
    pub last_report_folder: Option<PathBuf>,
    /// Open folder and Save report use the window's own chooser rather than
    /// the system dialog.
    pub builtin_chooser: bool,
    /// Light, dark, or as the desktop says.
    pub theme: Theme,
    /// The photo list's order and filter.
    pub photo_list: PhotoListView,
    /// How large the window draws (egui's zoom factor); `None` until the
    /// reader chooses (`text_size::starting_size`).
    pub text_size: Option<f32>,
    /// Whether the image panel is shown; `None` until the reader chooses
    /// (`image_panel::shown`).
    pub image_panel: Option<bool>,
    pub options: DiffOptions,
    pub left_width: f32,
    pub right_width: f32,
    pub problems_height: f32,
    pub conflicts_height: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            last_folder: None,
            recent_folders: Vec::new(),
            last_report_folder: None,
            builtin_chooser: false,
            theme: Theme::System,
            photo_list: PhotoListView::default(),
            text_size: None,
            image_panel: None,
            options: DiffOptions {
                ignore_case: false,
                ignore_punctuation: false,
                same_person_equal: true,
            },
            left_width: 260.0,
            right_width: 300.0,
            problems_height: 120.0,
            conflicts_height: 220.0,
        }
    }
}

/// The window's colours: as the desktop says (dark where it does not say,
/// as on plain X11), or always light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

impl Settings {
    pub(super) fn remember_folder(&mut self, folder: &Path) {
        self.last_folder = Some(folder.to_path_buf());
        self.recent_folders.retain(|f| f != folder);
        self.recent_folders.insert(0, folder.to_path_buf());
        self.recent_folders.truncate(RECENT_FOLDERS);
    }
}
