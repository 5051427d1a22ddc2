//! The left panel: the photos of the folder (in the folder's order or the
//! most severe first, all or only those left to review: `photo_order`;
//! variant count, findings badge,
//! how many verdicts need review),
//! and under the selected photo its variants (outlet, date, credit, a mark
//! on those that hold the odd side of a finding).

use eframe::egui;

use crate::corpus::Variant;
use crate::review_staleness::needing_review;

use super::commands::Command;
use super::photo_order::{PhotoListView, PhotoSort, photo_order};
use super::selection::{Session, variants_in_conflict};

/// One line describing a variant: outlet, date and credit.
pub fn variant_line(variant: &Variant) -> String {
    let mut parts = vec![variant.label().to_owned()];
    if let Some(published) = &variant.source.published {
        parts.push(published.date.to_string());
    }
    if let Some(credit) = &variant.source.credit {
        parts.push(credit.clone());
    }
    parts.join(" · ")
}

pub fn ui(
    ui: &mut egui::Ui,
    session: Option<&Session>,
    view: PhotoListView,
    commands: &mut Vec<Command>,
) {
    let Some(session) = session else {
        ui.heading("Photos");
        ui.label("No folder open.");
        return;
    };
    let photos = &session.corpus.photos;
    ui.heading(format!("Photos ({})", photos.len()));
    if photos.is_empty() {
        ui.label(
            "No photos in this folder yet: add a caption (Add caption…), drop caption \
             files onto the window, or see the problems below.",
        );
        return;
    }
    let error = ui.visuals().error_fg_color;
    view_ui(ui, view, commands);
    let order: Vec<usize> = if view == PhotoListView::default() {
        (0..photos.len()).collect()
    } else {
        photo_order(photos, &session.analysis.photos, &session.review, view)
    };
    if order.is_empty() {
        ui.label("No photo has findings left to review.");
    }
    // Only the visible rows are laid out: a folder may hold thousands of photos.
    let row_height =
        ui.spacing().interact_size.y.max(
            ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().button_padding.y,
        );
    egui::ScrollArea::vertical()
        .id_salt("photo_list")
        .max_height(ui.available_height() * 0.4)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, order.len(), |ui, rows| {
            for &index in order.iter().skip(rows.start).take(rows.len()) {
                let Some(photo) = photos.get(index) else {
                    continue;
                };
                let findings = session
                    .analysis
                    .photos
                    .get(index)
                    .map_or(0, |a| a.findings.len());
                let badge = match findings {
                    1 => "1 finding".to_owned(),
                    n => format!("{n} findings"),
                };
                let needs_review = session
                    .analysis
                    .photos
                    .get(index)
                    .map_or(0, |a| needing_review(&session.review, photo, a));
                let mut text = egui::text::LayoutJob::default();
                let body = ui
                    .style()
                    .text_styles
                    .get(&egui::TextStyle::Body)
                    .cloned()
                    .unwrap_or_default();
                text.append(
                    &format!("{} ({} variants)", photo.title, photo.variants.len()),
                    0.0,
                    egui::TextFormat::simple(body.clone(), ui.visuals().text_color()),
                );
                let selected = index == session.selection.photo;
                if findings > 0 {
                    let colour = if selected {
                        ui.visuals().strong_text_color()
                    } else {
                        error
                    };
                    text.append(
                        &format!("  {badge}"),
                        0.0,
                        egui::TextFormat::simple(body.clone(), colour),
                    );
                }
                if needs_review > 0 {
                    text.append(
                        &format!(", {needs_review} to review again"),
                        0.0,
                        egui::TextFormat::simple(body, ui.visuals().warn_fg_color),
                    );
                }
                let response = ui
                    .selectable_label(selected, text)
                    .on_hover_text(format!("{badge}: conflicts, misspelt names, ..."));
                if response.clicked() {
                    commands.push(Command::SelectPhoto(index));
                }
            }
        });
    ui.separator();
    let Some(photo) = session.photo() else {
        return;
    };
    ui.heading("Variants");
    ui.label(egui::RichText::new("Up/Down arrow keys move through them").weak());
    let odd = session
        .photo_analysis()
        .map(variants_in_conflict)
        .unwrap_or_default();
    egui::ScrollArea::vertical()
        .id_salt("variant_list")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, variant) in photo.variants.iter().enumerate() {
                let marked = odd.contains(&index);
                let mut line = variant_line(variant);
                if marked {
                    line = format!("! {line}");
                }
                let side = if index == session.selection.left {
                    "L: "
                } else if index == session.selection.right {
                    "R: "
                } else {
                    ""
                };
                let mut rich = egui::RichText::new(format!("{side}{line}"));
                // Red on the selection's fill is hard to read: the selected
                // row keeps the selection's own text colour and its "!".
                if marked && index != session.selection.left {
                    rich = rich.color(error);
                }
                let response = ui
                    .selectable_label(index == session.selection.left, rich)
                    .on_hover_text(format!(
                        "{}{}{}",
                        crate::corpus::shown_path(&variant.source.file),
                        variant
                            .source
                            .caption_choice
                            .as_ref()
                            .map(|why| format!("\nCaption: {why}"))
                            .unwrap_or_default(),
                        if marked {
                            "\nHolds the odd side of at least one finding."
                        } else {
                            ""
                        }
                    ));
                if response.clicked() {
                    commands.push(Command::SelectVariant(index));
                }
            }
        });
}

/// The list's order and whether it shows only photos left to review.
fn view_ui(ui: &mut egui::Ui, view: PhotoListView, commands: &mut Vec<Command>) {
    let mut chosen = view;
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_id_salt("photo_sort")
            .selected_text(view.sort.name())
            .show_ui(ui, |ui| {
                for sort in PhotoSort::ALL {
                    ui.selectable_value(&mut chosen.sort, sort, sort.name());
                }
            })
            .response
            .on_hover_text("The order of the photos");
        ui.checkbox(&mut chosen.to_review_only, "To review")
            .on_hover_text(
                "Only photos with a finding that has no verdict yet, or one given before \
                 the folder showed values it did not judge",
            );
    });
    if chosen != view {
        commands.push(Command::SetPhotoList(chosen));
    }
}
