//! The right-hand panel: the selected variant's image (click for a zoomable
//! view), the metadata embedded in it, and the photo's other images with
//! their distance to it (see `image_list`).
//!
//! Nothing here reads or decodes a file. Thumbnails come through
//! `textures` (a background pool; textures only for what is drawn);
//! metadata and the photo's image evidence come from jobs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use crate::corpus::{Photo, SourceFormat, Variant};
use crate::imaging::evidence::{ImageEvidence, MetadataConflict};
use crate::imaging::metadata::EmbeddedMetadata;

use super::commands::Command;
use super::image_list;
use super::textures::Textures;

/// Longest side of the large preview, in pixels (also what the zoom shows).
pub const LARGE_SIDE: u32 = 1600;
/// Longest side of a list row's thumbnail.
pub const ROW_SIDE: u32 = 96;

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

/// The metadata of one file, or why it could not be read.
pub type MetadataResult = Result<(EmbeddedMetadata, Vec<MetadataConflict>), String>;

/// The photo's images examined as a whole (hashes, groups).
enum PhotoImages {
    Examining {
        photo: String,
    },
    Ready {
        photo: String,
        evidence: Arc<ImageEvidence>,
    },
}

/// Textures, metadata and the photo's image evidence, as far as they have
/// arrived; the zoom window's state.
pub struct PreviewPanel {
    /// The thumbnails, as textures.
    pub textures: Textures,
    metadata: HashMap<PathBuf, Option<MetadataResult>>,
    photo_images: Option<PhotoImages>,
    /// The image the user picked (relative to the root); None: the
    /// selected variant's.
    pub chosen: Option<PathBuf>,
    /// The image drawn last frame (relative to the root).
    shown: Option<PathBuf>,
    zoom: Option<PathBuf>,
    zoom_rect: Option<egui::Rect>,
}

impl PreviewPanel {
    /// A panel whose decoder wakes `repaint` when a thumbnail is ready.
    pub fn new(repaint: Option<egui::Context>) -> PreviewPanel {
        PreviewPanel {
            textures: Textures::new(repaint),
            metadata: HashMap::new(),
            photo_images: None,
            chosen: None,
            shown: None,
            zoom: None,
            zoom_rect: None,
        }
    }

    /// Forgets every preview (a folder was opened or reloaded: files may
    /// have changed); queued decodes of the old folder are skipped.
    pub fn clear(&mut self) {
        self.textures.clear();
        self.metadata.clear();
        self.photo_images = None;
        self.chosen = None;
        self.zoom = None;
    }

    /// Forgets what was read from the files but keeps the image chosen
    /// (the same folder was reloaded: files may have changed).
    pub fn refresh(&mut self) {
        let (chosen, zoom) = (self.chosen.take(), self.zoom.take());
        self.clear();
        (self.chosen, self.zoom) = (chosen, zoom);
    }

    /// Stores the metadata a job read.
    pub fn receive_metadata(&mut self, path: PathBuf, result: MetadataResult) {
        self.metadata.insert(path, Some(result));
    }

    /// Stores a photo's image evidence (None: the job was cancelled).
    pub fn receive_evidence(&mut self, photo: String, evidence: Option<ImageEvidence>) {
        let waiting = matches!(&self.photo_images,
            Some(PhotoImages::Examining { photo: p }) if *p == photo);
        match evidence {
            Some(evidence) if waiting => {
                self.photo_images = Some(PhotoImages::Ready {
                    photo,
                    evidence: Arc::new(evidence),
                });
            }
            None if waiting => self.photo_images = None,
            _ => {}
        }
    }

    /// The photo's image evidence, once it has arrived.
    pub fn evidence_for(&self, photo: &str) -> Option<&ImageEvidence> {
        match &self.photo_images {
            Some(PhotoImages::Ready { photo: p, evidence }) if p == photo => Some(evidence),
            _ => None,
        }
    }

    /// How many textures the panel holds (for tests and benchmarks).
    pub fn texture_count(&self) -> usize {
        self.textures.count()
    }

    /// The image the panel shows (relative to the root).
    pub fn shown(&self) -> Option<&Path> {
        self.shown.as_deref()
    }

    /// Thumbnails asked for and not yet arrived.
    pub fn pending_count(&self) -> usize {
        self.textures.pending()
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
        self.textures.begin_frame(ui.ctx());
        self.ask_for_evidence(root, photo, commands);

        ui.heading("Image");
        let own = match variant {
            Some(variant) => variant_image(photo, variant),
            None => photo.images.first().cloned(), // a photo of images only
        };
        let shown = self.chosen.clone().or(own.clone());
        self.shown.clone_from(&shown);
        match &shown {
            None => {
                ui.label("This variant names no image, and the photo has none.");
            }
            Some(relative) => {
                let absolute = root.join(relative);
                let name = relative.file_name().map_or_else(
                    || crate::corpus::shown_path(relative),
                    |n| n.to_string_lossy().into_owned(),
                );
                ui.label(egui::RichText::new(name).monospace())
                    .on_hover_text(crate::corpus::shown_path(relative));
                self.large_ui(ui, &absolute);
                self.metadata_ui(ui, &absolute, commands);
            }
        }
        if photo.images.len() > usize::from(shown.is_some()) {
            ui.separator();
            let evidence = match &self.photo_images {
                Some(PhotoImages::Ready { photo: p, evidence }) if *p == photo.id => {
                    Some(Arc::clone(evidence))
                }
                _ => None,
            };
            let clicked = image_list::ui(
                ui,
                &mut self.textures,
                root,
                photo,
                shown.as_deref(),
                evidence.as_deref(),
            );
            if let Some(image) = clicked {
                self.chosen = (own.as_ref() != Some(&image)).then_some(image);
            }
        }
        self.zoom_window(ui.ctx());
        self.textures.end_frame();
    }

    fn ask_for_evidence(&mut self, root: &Path, photo: &Photo, commands: &mut Vec<Command>) {
        let current = match &self.photo_images {
            Some(PhotoImages::Examining { photo: p } | PhotoImages::Ready { photo: p, .. }) => {
                Some(p.as_str())
            }
            None => None,
        };
        if current == Some(photo.id.as_str()) || photo.images.is_empty() {
            return;
        }
        self.photo_images = Some(PhotoImages::Examining {
            photo: photo.id.clone(),
        });
        commands.push(Command::ExamineImages {
            root: root.to_path_buf(),
            photo: photo.id.clone(),
            images: photo.images.clone(),
        });
    }

    fn large_ui(&mut self, ui: &mut egui::Ui, absolute: &Path) {
        match self.textures.texture(absolute, LARGE_SIDE) {
            Ok(None) => {
                // No spinner: it would repaint every frame while waiting.
                ui.label("Decoding the preview…");
            }
            Err(reason) => {
                ui.colored_label(ui.visuals().warn_fg_color, reason);
            }
            Ok(Some(texture)) => {
                let image = egui::Image::new(&texture)
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
                if let Some([w, h]) = self.textures.source_size(absolute, LARGE_SIDE) {
                    ui.label(format!("{w} x {h} pixels"));
                }
            }
        }
    }

    fn metadata_ui(&mut self, ui: &mut egui::Ui, absolute: &Path, commands: &mut Vec<Command>) {
        ui.separator();
        ui.label(egui::RichText::new("Embedded metadata").strong());
        match self.metadata.get(absolute) {
            None => {
                self.metadata.insert(absolute.to_path_buf(), None);
                commands.push(Command::ReadImageMetadata(absolute.to_path_buf()));
                ui.label("Reading…");
            }
            Some(None) => {
                ui.label("Reading…");
            }
            Some(Some(Err(reason))) => {
                ui.colored_label(ui.visuals().warn_fg_color, reason);
            }
            Some(Some(Ok((metadata, conflicts)))) => metadata_list(ui, metadata, conflicts),
        }
    }

    fn zoom_window(&mut self, ctx: &egui::Context) {
        let Some(path) = self.zoom.clone() else {
            return;
        };
        let Ok(Some(texture)) = self.textures.texture(&path, LARGE_SIDE) else {
            self.zoom = None;
            return;
        };
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

/// Longest value shown in full; the rest is on hover (the
/// embedded caption is shown in full as a variant anyway).
const SHORT_VALUE_CHARS: usize = 160;

/// The metadata's rows: a value given alike by several standards is one row,
/// labelled with all of them ("caption (IPTC, XMP)"), in first-seen order.
pub fn metadata_rows(metadata: &EmbeddedMetadata) -> Vec<(String, String)> {
    let mut rows: Vec<(crate::imaging::metadata::Field, String, Vec<&'static str>)> = Vec::new();
    for field in &metadata.fields {
        let value = field.value.split_whitespace().collect::<Vec<_>>().join(" ");
        match rows
            .iter_mut()
            .find(|(f, v, _)| *f == field.field && *v == value)
        {
            Some((_, _, standards)) => standards.push(field.standard.name()),
            None => rows.push((field.field, value, vec![field.standard.name()])),
        }
    }
    rows.into_iter()
        .map(|(field, value, standards)| {
            (
                format!("{} ({})", field.name(), standards.join(", ")),
                value,
            )
        })
        .collect()
}

fn metadata_list(ui: &mut egui::Ui, metadata: &EmbeddedMetadata, conflicts: &[MetadataConflict]) {
    if metadata.is_empty() {
        ui.label("None found in this file.");
        return;
    }
    // Name above value: the panel is narrow, and values are sentences.
    for (label, value) in metadata_rows(metadata) {
        ui.add_space(2.0);
        ui.label(egui::RichText::new(label).small().weak());
        if value.chars().count() > SHORT_VALUE_CHARS {
            let short: String = value.chars().take(SHORT_VALUE_CHARS).collect();
            ui.add(egui::Label::new(format!("{short}…")).wrap())
                .on_hover_text(value);
        } else {
            ui.add(egui::Label::new(value).wrap());
        }
    }
    for conflict in conflicts {
        let values: Vec<String> = conflict
            .values
            .iter()
            .map(|v| format!("{} says \u{201c}{}\u{201d}", v.standard.name(), v.value))
            .collect();
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "The file disagrees with itself on {}: {}.",
                conflict.field.name(),
                values.join("; ")
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_given_alike_by_several_standards_are_one_row() {
        use crate::imaging::metadata::{Field, MetadataField, Standard};
        let metadata = EmbeddedMetadata {
            fields: vec![
                MetadataField::new(Field::Caption, Standard::Iptc, "Lim takes a selfie."),
                MetadataField::new(Field::Credit, Standard::Iptc, "AFP"),
                MetadataField::new(Field::Caption, Standard::Xmp, "Lim  takes a selfie."),
                MetadataField::new(Field::Credit, Standard::Xmp, "Getty Images"),
            ],
        };
        assert_eq!(
            metadata_rows(&metadata),
            vec![
                (
                    "caption (IPTC, XMP)".to_owned(),
                    "Lim takes a selfie.".to_owned()
                ),
                ("credit (IPTC)".to_owned(), "AFP".to_owned()),
                ("credit (XMP)".to_owned(), "Getty Images".to_owned()),
            ]
        );
    }

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
}
