//! The right-hand panel: the selected variant's image (click for a zoomable
//! view), the metadata embedded in it, and the other images of the photo.
//!
//! Images are read and decoded by a background job ([`decode_preview`], with
//! size limits); the panel only uploads the finished pixels as a texture and
//! keeps a small cache keyed by path.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use eframe::egui;

use crate::corpus::{Photo, SourceFormat, Variant};
use crate::imaging::hash::{PhotoHash, hash_image, is_same_photo};
use crate::imaging::metadata::{EmbeddedMetadata, read_embedded};
use crate::imaging::preview::{DecodeLimits, decode, read_image_file, shrink};

use super::commands::Command;

/// Longest side of a decoded preview, in pixels.
const MAX_PREVIEW_SIDE: u32 = 1600;
/// How many decoded previews stay in memory.
const CACHE_ENTRIES: usize = 16;

/// A decoded, downscaled image and what the file says about itself.
#[derive(Debug, Clone)]
pub struct DecodedPreview {
    pub image: egui::ColorImage,
    /// Size of the full image, before downscaling.
    pub original_size: [u32; 2],
    pub metadata: EmbeddedMetadata,
    /// Perceptual hash, to tell which images are the same photo.
    pub hash: PhotoHash,
}

/// Reads and decodes `path` within the imaging module's limits, and hashes
/// it. Runs on a background thread.
pub fn decode_preview(path: &Path) -> Result<DecodedPreview, String> {
    let bytes = read_image_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let metadata = read_embedded(&bytes);
    let (image, format) =
        decode(&bytes, DecodeLimits::default()).map_err(|e| format!("{}: {e}", path.display()))?;
    let hash = hash_image(&image);
    let thumbnail = shrink(&image, format, MAX_PREVIEW_SIDE);
    let image = egui::ColorImage::from_rgba_unmultiplied(
        [thumbnail.width as usize, thumbnail.height as usize],
        &thumbnail.rgba,
    );
    Ok(DecodedPreview {
        image,
        original_size: [thumbnail.source_width, thumbnail.source_height],
        metadata,
        hash,
    })
}

/// The image a variant was published with: its own image field, the image it
/// was read from, else the image another variant of the photo was published
/// with (a folder may hold other pictures of the scene), else the photo's
/// first image. Relative to the root.
pub fn variant_image(photo: &Photo, variant: &Variant) -> Option<PathBuf> {
    own_image(variant)
        .or_else(|| photo.variants.iter().find_map(own_image))
        .or_else(|| photo.images.first().cloned())
}

fn own_image(variant: &Variant) -> Option<PathBuf> {
    if let Some(image) = &variant.source.image {
        return Some(image.clone());
    }
    (variant.source.format == SourceFormat::EmbeddedImage).then(|| variant.source.file.clone())
}

enum Entry {
    Pending,
    Ready {
        texture: egui::TextureHandle,
        original_size: [u32; 2],
        metadata: EmbeddedMetadata,
        hash: PhotoHash,
    },
    Failed(String),
}

/// Decoded previews by absolute path, and the zoom window's state.
#[derive(Default)]
pub struct PreviewPanel {
    entries: HashMap<PathBuf, Entry>,
    order: Vec<PathBuf>,
    /// The image shown (relative to the root); None: the selected variant's.
    pub chosen: Option<PathBuf>,
    zoom: Option<PathBuf>,
    zoom_rect: Option<egui::Rect>,
}

impl PreviewPanel {
    /// Forgets every preview (a new folder was opened).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.order.clear();
        self.chosen = None;
        self.zoom = None;
    }

    /// Stores a finished decode as a texture.
    pub fn receive(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        result: Result<DecodedPreview, String>,
    ) {
        let entry = match result {
            Ok(decoded) => Entry::Ready {
                texture: ctx.load_texture(
                    path.display().to_string(),
                    decoded.image,
                    egui::TextureOptions::LINEAR,
                ),
                original_size: decoded.original_size,
                metadata: decoded.metadata,
                hash: decoded.hash,
            },
            Err(reason) => Entry::Failed(reason),
        };
        self.entries.insert(path, entry);
    }

    /// Whether `path` still needs a decode job; marks it pending if so.
    fn needs_decode(&mut self, path: &Path) -> bool {
        if self.entries.contains_key(path) {
            return false;
        }
        self.entries.insert(path.to_path_buf(), Entry::Pending);
        self.order.push(path.to_path_buf());
        while self.order.len() > CACHE_ENTRIES {
            let oldest = self.order.remove(0);
            self.entries.remove(&oldest);
        }
        true
    }

    fn hash_of(&self, path: &Path) -> Option<&PhotoHash> {
        match self.entries.get(path) {
            Some(Entry::Ready { hash, .. }) => Some(hash),
            _ => None,
        }
    }

    /// Draws the panel for the selected variant.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        root: &Path,
        photo: &Photo,
        variant: Option<&Variant>,
        commands: &mut Vec<Command>,
    ) {
        ui.heading("Image");
        let own = variant.and_then(|v| variant_image(photo, v));
        let shown = self.chosen.clone().or(own.clone());
        match &shown {
            None => {
                ui.label("This variant names no image, and the photo has none.");
            }
            Some(relative) => {
                let absolute = root.join(relative);
                if self.needs_decode(&absolute) {
                    commands.push(Command::DecodePreview(absolute.clone()));
                }
                ui.label(egui::RichText::new(relative.display().to_string()).monospace());
                self.image_ui(ui, &absolute);
            }
        }

        let others: Vec<&PathBuf> = photo
            .images
            .iter()
            .filter(|i| Some(*i) != shown.as_ref())
            .collect();
        if !others.is_empty() {
            ui.separator();
            ui.label(egui::RichText::new("Other images of this photo").strong());
            let shown_hash = shown
                .as_ref()
                .and_then(|s| self.hash_of(&root.join(s)))
                .cloned();
            for image in others {
                let absolute = root.join(image);
                if self.needs_decode(&absolute) {
                    commands.push(Command::DecodePreview(absolute.clone()));
                }
                let distance = match (&shown_hash, self.hash_of(&absolute)) {
                    (Some(a), Some(b)) => {
                        let d = a.distance(b);
                        if is_same_photo(d) {
                            format!("distance {d}: the same photo")
                        } else {
                            format!("distance {d}: a different picture")
                        }
                    }
                    _ => "distance: not known yet".to_owned(),
                };
                ui.horizontal(|ui| {
                    if let Some(Entry::Ready { texture, .. }) = self.entries.get(&absolute) {
                        ui.add(
                            egui::Image::new(texture)
                                .max_size(egui::vec2(56.0, 56.0))
                                .alt_text(image.display().to_string()),
                        );
                    }
                    ui.vertical(|ui| {
                        let label = image.display().to_string();
                        if ui
                            .selectable_label(false, label)
                            .on_hover_text("Show this image")
                            .clicked()
                        {
                            self.chosen = if own.as_ref() == Some(image) {
                                None
                            } else {
                                Some(image.clone())
                            };
                        }
                        ui.label(egui::RichText::new(distance).small());
                    });
                });
            }
        }
        self.zoom_window(ui.ctx());
    }

    fn image_ui(&mut self, ui: &mut egui::Ui, absolute: &Path) {
        match self.entries.get(absolute) {
            None | Some(Entry::Pending) => {
                // No spinner: it would repaint every frame while waiting.
                ui.label("Decoding the preview…");
            }
            Some(Entry::Failed(reason)) => {
                ui.colored_label(ui.visuals().warn_fg_color, reason);
            }
            Some(Entry::Ready {
                texture,
                original_size,
                metadata,
                ..
            }) => {
                let image = egui::Image::new(texture)
                    .max_size(egui::vec2(ui.available_width(), 320.0))
                    .sense(egui::Sense::click())
                    .alt_text("Image preview: click to zoom");
                if ui
                    .add(image)
                    .on_hover_text("Click for a zoomable view")
                    .clicked()
                {
                    self.zoom = Some(absolute.to_path_buf());
                    self.zoom_rect = None;
                }
                ui.label(format!(
                    "{} x {} pixels",
                    original_size[0], original_size[1]
                ));
                metadata_ui(ui, metadata);
            }
        }
    }

    fn zoom_window(&mut self, ctx: &egui::Context) {
        let Some(path) = self.zoom.clone() else {
            return;
        };
        let Some(Entry::Ready { texture, .. }) = self.entries.get(&path) else {
            self.zoom = None;
            return;
        };
        let texture = texture.clone();
        let mut open = true;
        let mut rect = self.zoom_rect.unwrap_or(egui::Rect::ZERO);
        egui::Window::new("Image")
            .open(&mut open)
            .default_size(egui::vec2(900.0, 650.0))
            .show(ctx, |ui| {
                ui.label("Scroll to zoom, drag to pan.");
                egui::Scene::new()
                    .zoom_range(0.1..=16.0)
                    .show(ui, &mut rect, |ui| {
                        ui.add(egui::Image::new(&texture).fit_to_original_size(1.0));
                    });
            });
        self.zoom_rect = Some(rect);
        if !open {
            self.zoom = None;
        }
    }
}

fn metadata_ui(ui: &mut egui::Ui, metadata: &EmbeddedMetadata) {
    ui.separator();
    ui.label(egui::RichText::new("Embedded metadata").strong());
    if metadata.is_empty() {
        ui.label("None found in this file.");
        return;
    }
    egui::Grid::new("embedded_metadata")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for field in &metadata.fields {
                ui.label(format!("{:?} ({:?})", field.field, field.standard));
                ui.add(egui::Label::new(&field.value).wrap());
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_variant_shows_its_own_image_first() {
        let photo = Photo {
            images: vec![PathBuf::from("a.jpg"), PathBuf::from("b.jpg")],
            ..Photo::default()
        };
        let mut variant = Variant::default();
        assert_eq!(
            variant_image(&photo, &variant),
            Some(PathBuf::from("a.jpg"))
        );
        variant.source.image = Some(PathBuf::from("b.jpg"));
        assert_eq!(
            variant_image(&photo, &variant),
            Some(PathBuf::from("b.jpg"))
        );
    }

    #[test]
    fn without_its_own_image_a_variant_shows_the_one_another_variant_was_published_with() {
        let mut embedded = Variant::default();
        embedded.source.format = SourceFormat::EmbeddedImage;
        embedded.source.file = PathBuf::from("images/selfie-agency.jpg");
        let photo = Photo {
            images: vec![
                PathBuf::from("images/ceremony-wide.jpg"),
                PathBuf::from("images/selfie-agency.jpg"),
            ],
            variants: vec![Variant::default(), embedded],
            ..Photo::default()
        };
        assert_eq!(
            variant_image(&photo, &Variant::default()),
            Some(PathBuf::from("images/selfie-agency.jpg"))
        );
    }

    #[test]
    fn a_broken_image_is_an_error_not_a_panic() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("broken.jpg");
        std::fs::write(&path, b"\xff\xd8 not really a jpeg")?;
        assert!(decode_preview(&path).is_err());
        assert!(decode_preview(&dir.path().join("missing.png")).is_err());
        Ok(())
    }

    #[test]
    fn a_large_image_is_downscaled() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("wide.png");
        image::RgbImage::from_fn(3200, 100, |x, _| image::Rgb([(x % 256) as u8, 0, 0]))
            .save(&path)?;
        let decoded = decode_preview(&path)?;
        assert_eq!(decoded.original_size, [3200, 100]);
        assert_eq!(decoded.image.size, [1600, 50]);
        Ok(())
    }
}
