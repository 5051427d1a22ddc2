//! Camera boilerplate and placeholders in embedded captions: "OLYMPUS
//! DIGITAL CAMERA", "SONY DSC", "IMG_1234", "(null)", or no letters at all.
//! An image's description field holds such text by default; it is no
//! caption, so it must not become a caption variant whose "facts" are then
//! compared with the outlets'. The texts are data (`assets/boilerplate.toml`).

use std::sync::OnceLock;

use serde::Deserialize;

const BOILERPLATE_DATA: &str = include_str!("../../assets/boilerplate.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct BoilerplateData {
    exact: Vec<String>,
    file_name_prefixes: Vec<String>,
}

/// Upper case, letters and digits only: "Exif_JPEG_PICTURE" is "EXIFJPEGPICTURE".
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

fn data() -> &'static (Vec<String>, Vec<String>) {
    static DATA: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    DATA.get_or_init(|| {
        let d: BoilerplateData = toml::from_str(BOILERPLATE_DATA).unwrap_or_default();
        (
            d.exact.iter().map(|e| squeeze(e)).collect(),
            d.file_name_prefixes.iter().map(|p| squeeze(p)).collect(),
        )
    })
}

/// Whether an embedded caption or headline is boilerplate rather than words
/// someone wrote about the photo.
pub(crate) fn is_boilerplate(text: &str) -> bool {
    let text = text.trim();
    if !text.chars().any(char::is_alphabetic) {
        return true;
    }
    let squeezed = squeeze(text);
    let (exact, prefixes) = data();
    if exact.contains(&squeezed) {
        return true;
    }
    // A file name: a prefix, then only digits, separators and an extension.
    let stem = text
        .rsplit_once('.')
        .filter(|(_, ext)| ext.len() <= 4 && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .map_or(text, |(stem, _)| stem);
    if stem.contains(' ') {
        return false;
    }
    let stem = squeeze(stem);
    prefixes.iter().any(|p| {
        stem.strip_prefix(p.as_str())
            .is_some_and(|rest| rest.len() >= 3 && rest.chars().all(|c| c.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camera_defaults_file_names_and_empty_text_are_boilerplate() {
        for text in [
            "OLYMPUS DIGITAL CAMERA",
            "  sony dsc ",
            "Exif_JPEG_PICTURE",
            "DCF 1.0",
            "IMG_1234",
            "DSC01234.JPG",
            "PXL_20240713_221500123",
            "(null)",
            "...",
            "",
            "2024",
        ] {
            assert!(is_boilerplate(text), "{text:?}");
        }
    }

    #[test]
    fn real_captions_are_not_boilerplate() {
        for text in [
            "Usain Bolt of Jamaica competes in the 100m semi-final.",
            "Sony DSC-RX100 review: the camera that fits a pocket",
            "P1 driver Max Verstappen celebrates",
            "IMG Academy's team celebrates",
        ] {
            assert!(!is_boilerplate(text), "{text:?}");
        }
        // One word that is only a placeholder.
        assert!(is_boilerplate("Photo"));
    }
}
