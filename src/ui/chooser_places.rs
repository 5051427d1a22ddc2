//! The places beside the in-window chooser's listing (`file_chooser`).

use std::path::{MAIN_SEPARATOR_STR, Path, PathBuf};

use super::chooser_listing::tidy;
use super::file_chooser::{Place, absolute};

/// The places beside the listing: home, the opened folder, the folder last
/// saved into, the root, then the recent folders; each folder once.
pub fn places(
    home: Option<&Path>,
    opened: Option<&Path>,
    last_saved_into: Option<&Path>,
    recent: &[PathBuf],
) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    let mut add = |label: &str, folder: &Path, recent: bool| {
        let folder = tidy(&absolute(folder));
        if !places.iter().any(|p| p.folder == folder) {
            let label = match label {
                "" => folder.file_name().map_or_else(
                    || folder.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                ),
                label => label.to_owned(),
            };
            places.push(Place {
                label,
                folder,
                recent,
            });
        }
    };
    let fixed = [
        ("Home", home),
        ("Opened folder", opened),
        ("Last saved into", last_saved_into),
        ("File system", Some(Path::new(MAIN_SEPARATOR_STR))),
    ];
    for (label, folder) in fixed {
        if let Some(folder) = folder {
            add(label, folder, false);
        }
    }
    for folder in recent {
        add("", folder, true);
    }
    places
}
