//! The photo's other images, under the preview: a thumbnail, the file name
//! and the perceptual distance to the image shown, closest first once the
//! hashes have arrived. The list is virtualised: a folder of a thousand
//! images draws (and decodes, and uploads) only the rows on screen.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use eframe::egui;

use crate::corpus::Photo;
use crate::imaging::evidence::ImageEvidence;
use crate::imaging::hash::{PhotoHash, is_same_photo};

use super::preview::ROW_SIDE;
use super::textures::Textures;

/// Height of one row, in points.
const ROW_HEIGHT: f32 = 60.0;
/// The list's height before it scrolls, in points.
const LIST_HEIGHT: f32 = 480.0;

/// One other image and its distance to the one shown, if known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub path: PathBuf,
    pub distance: Option<u32>,
    /// Whether it is the same photo as the one shown (the distance, or for
    /// a crop its segments); None when not compared.
    pub same_photo: Option<bool>,
    /// Why the image could not be examined.
    pub problem: Option<String>,
}

/// The rows: every image but `shown`, closest to it first once the photo's
/// images are examined (unhashable images last), else in the photo's order.
/// Before that, distances come from `known` (hashes that came with the
/// thumbnails already drawn).
pub fn rows<'a>(
    photo: &Photo,
    shown: Option<&Path>,
    evidence: Option<&'a ImageEvidence>,
    known: &dyn Fn(&Path) -> Option<&'a PhotoHash>,
) -> Vec<Row> {
    // Indexed once: a photo may have a thousand images, and this runs per frame.
    let examined: HashMap<&Path, usize> = evidence
        .map(|e| {
            e.images
                .iter()
                .enumerate()
                .map(|(i, image)| (image.path.as_path(), i))
                .collect()
        })
        .unwrap_or_default();
    let hash_of = |path: &Path| {
        let from_evidence = evidence.and_then(|e| e.hashes.get(*examined.get(path)?)?.as_ref());
        from_evidence.or_else(|| known(path))
    };
    let problem_of = |path: &Path| {
        let image = evidence?.images.get(*examined.get(path)?)?;
        image.problem.clone()
    };
    let shown_hash = shown.and_then(hash_of);
    let mut rows: Vec<Row> = photo
        .images
        .iter()
        .filter(|path| Some(path.as_path()) != shown)
        .map(|path| Row {
            path: path.clone(),
            distance: shown_hash
                .zip(hash_of(path))
                .map(|(shown, other)| shown.distance(other)),
            same_photo: shown_hash
                .zip(hash_of(path))
                .map(|(shown, other)| shown.same_photo(other)),
            problem: problem_of(path),
        })
        .collect();
    if shown_hash.is_some() && evidence.is_some() {
        rows.sort_by_key(|row| row.distance.unwrap_or(u32::MAX));
    }
    rows
}

/// What a row says about its distance.
pub fn distance_text(row: &Row, hashes_known: bool) -> String {
    match (row.distance, &row.problem) {
        (Some(d), _) if row.same_photo == Some(true) && !is_same_photo(d) => {
            format!("distance {d}: the same photo, cropped (shared parts)")
        }
        (Some(d), _) if row.same_photo == Some(true) => format!("distance {d}: the same photo"),
        (Some(d), _) => format!("distance {d}: a different picture"),
        (None, Some(problem)) => problem.clone(),
        (None, None) if hashes_known => "distance: not known".to_owned(),
        (None, None) => "comparing the images…".to_owned(),
    }
}

/// Draws the list; returns the image the user clicked.
pub fn ui(
    ui: &mut egui::Ui,
    textures: &mut Textures,
    root: &Path,
    photo: &Photo,
    shown: Option<&Path>,
    evidence: Option<&ImageEvidence>,
) -> Option<PathBuf> {
    let known_hashes: HashMap<PathBuf, PhotoHash> =
        textures.known_hashes(root).into_iter().collect();
    let known = |path: &Path| known_hashes.get(path);
    let rows = rows(photo, shown, evidence, &known);
    let same = rows.iter().filter(|r| r.same_photo == Some(true)).count();
    let heading = match (shown, evidence) {
        (Some(_), Some(_)) => format!(
            "Other images of this photo: {} ({same} the same photo)",
            rows.len()
        ),
        _ => format!("Other images of this photo: {}", rows.len()),
    };
    ui.label(egui::RichText::new(heading).strong());
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("other_images")
        .max_height(LIST_HEIGHT)
        .min_scrolled_height(LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            for row in rows.get(range).unwrap_or_default() {
                ui.horizontal(|ui| {
                    ui.set_height(ROW_HEIGHT - ui.spacing().item_spacing.y);
                    let absolute = root.join(&row.path);
                    let size = egui::vec2(56.0, 56.0);
                    match textures.texture(&absolute, ROW_SIDE) {
                        Ok(Some(texture)) => {
                            ui.add(
                                egui::Image::new(&texture)
                                    .max_size(size)
                                    .alt_text("Thumbnail"),
                            );
                        }
                        Ok(None) | Err(_) => {
                            ui.allocate_space(size);
                        }
                    }
                    ui.vertical(|ui| {
                        let name = row.path.file_name().map_or_else(
                            || crate::corpus::shown_path(&row.path),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .selectable_label(false, name)
                            .on_hover_text(format!("Show {}", crate::corpus::shown_path(&row.path)))
                            .clicked()
                        {
                            clicked = Some(row.path.clone());
                        }
                        ui.label(
                            egui::RichText::new(distance_text(row, evidence.is_some())).small(),
                        );
                    });
                });
            }
        });
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::imaging::evidence::ImageReport;

    #[test]
    fn rows_leave_out_the_shown_image_and_keep_order_without_hashes() {
        let photo = Photo {
            images: vec![
                PathBuf::from("a.jpg"),
                PathBuf::from("b.jpg"),
                PathBuf::from("c.jpg"),
            ],
            ..Photo::default()
        };
        let rows = rows(&photo, Some(Path::new("b.jpg")), None, &|_| None);
        let paths: Vec<&Path> = rows.iter().map(|r| r.path.as_path()).collect();
        assert_eq!(paths, vec![Path::new("a.jpg"), Path::new("c.jpg")]);
        assert_eq!(distance_text(&rows[0], false), "comparing the images…");
    }

    #[test]
    fn hashes_from_thumbnails_give_distances_before_the_examination() {
        use crate::imaging::hash::hash_image;
        let picture = |shift: u32| {
            image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(64, 64, |x, y| {
                image::Rgb([((x + shift) * 4) as u8, (y * 4) as u8, 0])
            }))
        };
        let (a, b) = (hash_image(&picture(0)), hash_image(&picture(0)));
        let photo = Photo {
            images: vec![
                PathBuf::from("a.jpg"),
                PathBuf::from("b.jpg"),
                PathBuf::from("c.jpg"),
            ],
            ..Photo::default()
        };
        let known = |path: &Path| match path.to_str() {
            Some("a.jpg") => Some(&a),
            Some("b.jpg") => Some(&b),
            _ => None,
        };
        let rows = rows(&photo, Some(Path::new("a.jpg")), None, &known);
        let seen: Vec<(&Path, Option<u32>)> = rows
            .iter()
            .map(|r| (r.path.as_path(), r.distance))
            .collect();
        // In the photo's order (no reordering while rows fill in).
        assert_eq!(
            seen,
            vec![(Path::new("b.jpg"), Some(0)), (Path::new("c.jpg"), None)]
        );
        assert_eq!(distance_text(&rows[0], false), "distance 0: the same photo");
        assert_eq!(distance_text(&rows[1], false), "comparing the images…");
    }

    #[test]
    fn an_image_that_could_not_be_examined_says_why() {
        let photo = Photo {
            images: vec![PathBuf::from("a.jpg"), PathBuf::from("bad.jpg")],
            ..Photo::default()
        };
        let evidence = ImageEvidence {
            images: vec![
                ImageReport {
                    path: PathBuf::from("a.jpg"),
                    ..ImageReport::default()
                },
                ImageReport {
                    path: PathBuf::from("bad.jpg"),
                    problem: Some("the image is truncated".to_owned()),
                    ..ImageReport::default()
                },
            ],
            hashes: vec![None, None],
            ..ImageEvidence::default()
        };
        let rows = rows(&photo, Some(Path::new("a.jpg")), Some(&evidence), &|_| None);
        assert_eq!(distance_text(&rows[0], true), "the image is truncated");
    }
}
