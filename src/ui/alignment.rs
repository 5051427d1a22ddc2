//! The alignment tab: every variant of the photo in one table, one row per
//! variant and one column per aligned word; columns where the variants
//! disagree are marked. Computed once per (folder load, photo, section,
//! options).

use eframe::egui;

use crate::analysis::align::{Alignment, align_variants};
use crate::analysis::diff::DiffOptions;
use crate::corpus::Section;

use super::selection::Session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AlignmentKey {
    generation: u64,
    photo: usize,
    section: Section,
    options: DiffOptions,
}

/// One row of the table: a variant's label and its words per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedRow {
    pub variant: usize,
    pub label: String,
    /// One cell per column; None where the variant has no word there.
    pub cells: Vec<Option<String>>,
}

/// The alignment as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignmentView {
    key: AlignmentKey,
    pub rows: Vec<AlignedRow>,
    /// Per column: whether every variant with a word there agrees.
    pub agreed: Vec<bool>,
}

/// The alignment tab and its cache.
#[derive(Default)]
pub struct AlignmentPanel {
    view: Option<AlignmentView>,
}

impl AlignmentPanel {
    pub fn view(&self) -> Option<&AlignmentView> {
        self.view.as_ref()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Session, options: DiffOptions) {
        let key = AlignmentKey {
            generation: session.generation,
            photo: session.selection.photo,
            section: session.selection.section,
            options,
        };
        if self.view.as_ref().is_none_or(|v| v.key != key) {
            self.view = compute(session, key);
        }
        ui.label(format!(
            "All variants, {} aligned word by word; columns where they disagree are marked.",
            key.section.name()
        ));
        let Some(view) = &self.view else {
            return;
        };
        if view.agreed.is_empty() {
            ui.label("No alignment for this photo and section yet.");
            return;
        }
        let warn = ui.visuals().warn_fg_color;
        egui::ScrollArea::both().show(ui, |ui| {
            egui::Grid::new("alignment_grid")
                .striped(true)
                .spacing(egui::vec2(6.0, 4.0))
                .show(ui, |ui| {
                    for row in &view.rows {
                        ui.label(egui::RichText::new(&row.label).strong());
                        for (cell, agreed) in row.cells.iter().zip(&view.agreed) {
                            let text = cell.as_deref().unwrap_or("·");
                            let mut rich = egui::RichText::new(text);
                            if !agreed {
                                rich = rich.color(warn).strong();
                            }
                            ui.label(rich);
                        }
                        ui.end_row();
                    }
                });
        });
    }
}

fn compute(session: &Session, key: AlignmentKey) -> Option<AlignmentView> {
    let photo = session.photo()?;
    let analysis = session.photo_analysis().cloned().unwrap_or_default();
    let alignment: Alignment = align_variants(photo, &analysis, key.section, key.options);
    let rows = alignment
        .variants
        .iter()
        .enumerate()
        .filter_map(|(row, &variant)| {
            let v = photo.variants.get(variant)?;
            let text = v.section(key.section).map(|t| t.as_str()).unwrap_or("");
            let cells = alignment
                .columns
                .iter()
                .map(|column| {
                    column
                        .cells
                        .get(row)
                        .copied()
                        .flatten()
                        .map(|span| span.slice(text).to_owned())
                })
                .collect();
            Some(AlignedRow {
                variant,
                label: v.label().to_owned(),
                cells,
            })
        })
        .collect();
    Some(AlignmentView {
        key,
        rows,
        agreed: alignment.columns.iter().map(|c| c.agreed).collect(),
    })
}
