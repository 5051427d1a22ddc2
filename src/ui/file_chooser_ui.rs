//! Drawing the window's own chooser (`file_chooser`): a modal with the
//! Location field, the places, the folder's listing and, when saving, the
//! name and format; every click and key becomes a [`ChooserAction`].
//!
//! Keys: typing filters the listing, Tab completes, Up/Down move through it,
//! Enter goes into the highlighted folder (or opens, or saves), Escape
//! closes. Sized to fit a 800x600 window; only theme colours are used.

use eframe::egui;

use crate::report::ReportFormat;

use super::chooser_listing::split_location;
use super::commands::Command;
use super::file_chooser::{Chooser, ChooserAction, ChooserMode, FileChooser, entry_label};

/// The width of the places column.
const PLACES_WIDTH: f32 = 150.0;

impl FileChooser {
    /// Draws the chooser when it is open and applies what the user did.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(chooser) = &mut self.chooser else {
            return;
        };
        for action in chooser_ui(ctx, chooser) {
            self.apply(action, commands);
        }
    }
}

fn chooser_ui(ctx: &egui::Context, chooser: &mut Chooser) -> Vec<ChooserAction> {
    use egui::{Key, Modifiers};
    let mut actions = Vec::new();
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        actions.push(if chooser.replacing.is_some() {
            ChooserAction::KeepFile
        } else {
            ChooserAction::Cancel
        });
        return actions;
    }
    let location_id = egui::Id::unique("file_chooser_location");
    if ctx.memory(|m| m.has_focus(location_id)) {
        for (key, step) in [(Key::ArrowDown, 1), (Key::ArrowUp, -1)] {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                actions.push(ChooserAction::MoveHighlight(step));
            }
        }
    }
    let saving = chooser.mode == ChooserMode::SaveReport;
    let screen = ctx.content_rect();
    let width = (screen.width() - 48.0).clamp(300.0, 720.0);
    let noted = if chooser.note.is_some() { 24.0 } else { 0.0 };
    let list_height =
        (screen.height() - noted - if saving { 330.0 } else { 260.0 }).clamp(80.0, 340.0);
    egui::Modal::new(egui::Id::unique("file_chooser")).show(ctx, |ui| {
        ui.set_width(width);
        ui.heading(match chooser.mode {
            ChooserMode::OpenFolder => "Open a captions folder",
            ChooserMode::SaveReport => "Save the report",
        });
        if let Some(note) = &chooser.note {
            ui.label(note);
        }
        location_ui(ui, chooser, location_id, &mut actions);
        ui.horizontal_top(|ui| {
            places_ui(ui, chooser, list_height, &mut actions);
            // Sized: a separator takes all the height it is given, and a
            // modal gives it its own height of the frame before, growing.
            ui.add_sized([8.0, list_height], egui::Separator::default().vertical());
            ui.vertical(|ui| listing_ui(ui, chooser, list_height, &mut actions));
        });
        if saving {
            name_ui(ui, chooser, &mut actions);
        }
        if let Some(problem) = &chooser.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.separator();
        buttons_ui(ui, chooser, &mut actions);
    });
    actions
}

fn location_ui(
    ui: &mut egui::Ui,
    chooser: &mut Chooser,
    id: egui::Id,
    actions: &mut Vec<ChooserAction>,
) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(chooser.folder.parent().is_some(), egui::Button::new("Up"))
            .on_hover_text("The folder above")
            .clicked()
        {
            actions.push(ChooserAction::Up);
        }
        let label = ui.label("Location:");
        // Not in the modal's first, invisible pass: its widgets give the focus up.
        if chooser.focus_location && !ui.is_sizing_pass() {
            chooser.focus_location = false;
            // The cursor after the text just put there.
            if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
                let end = egui::text::CCursor::new(chooser.location.chars().count());
                state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::one(end)));
                state.store(ui.ctx(), id);
            }
            ui.memory_mut(|m| m.request_focus(id));
        }
        // Tab stays in the field only while it has something to complete.
        let completes = chooser.completion().is_some();
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut chooser.location)
                    .id(id)
                    .hint_text("a folder path; ~ for home")
                    .desired_width(f32::INFINITY)
                    .event_filter(egui::EventFilter {
                        tab: completes,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: false,
                    }),
            )
            .labelled_by(label.id);
        if field.changed() {
            actions.push(ChooserAction::LocationEdited);
        }
        if completes
            && field.has_focus()
            && ui.input(|i| i.key_pressed(egui::Key::Tab) && !i.modifiers.shift)
        {
            actions.push(ChooserAction::Complete);
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            actions.push(ChooserAction::Enter);
        }
    });
}

fn places_ui(ui: &mut egui::Ui, chooser: &Chooser, height: f32, actions: &mut Vec<ChooserAction>) {
    let size = egui::vec2(PLACES_WIDTH, height);
    let layout = egui::Layout::top_down_justified(egui::Align::LEFT);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        ui.set_min_size(size);
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        egui::ScrollArea::vertical()
            .id_salt("file_chooser_places")
            .max_height(height)
            .show(ui, |ui| {
                for recent in [false, true] {
                    let mut places = chooser.places.iter().filter(|p| p.recent == recent);
                    let Some(first) = places.next() else {
                        continue;
                    };
                    ui.weak(if recent { "Recent" } else { "Places" });
                    for place in std::iter::once(first).chain(places) {
                        if ui
                            .selectable_label(place.folder == chooser.folder, &place.label)
                            .on_hover_text(place.folder.display().to_string())
                            .clicked()
                        {
                            actions.push(ChooserAction::GoTo(place.folder.clone()));
                        }
                    }
                }
            });
    });
}

fn listing_ui(ui: &mut egui::Ui, chooser: &Chooser, height: f32, actions: &mut Vec<ChooserAction>) {
    let shown = chooser.shown();
    let row_height =
        ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y;
    egui::ScrollArea::vertical()
        .id_salt("file_chooser_listing")
        .auto_shrink([false, false])
        .max_height(height)
        .min_scrolled_height(height)
        .show_rows(ui, row_height, shown.len(), |ui, rows| {
            ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                for entry in shown.iter().skip(rows.start).take(rows.len()) {
                    let highlighted = chooser.highlighted.as_ref() == Some(&entry.path);
                    let row = ui.selectable_label(highlighted, entry_label(entry));
                    if row.double_clicked() {
                        actions.push(ChooserAction::Activate(entry.path.clone()));
                    } else if row.clicked() || row.gained_focus() {
                        actions.push(ChooserAction::Highlight(entry.path.clone()));
                    }
                    if row.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        actions.push(ChooserAction::Activate(entry.path.clone()));
                    }
                }
            });
        });
    let typed = split_location(&chooser.location).1;
    let (text, is_error) = match &chooser.listing {
        None => ("Reading the folder…".to_owned(), false),
        Some(Err(reason)) => (
            format!("Could not read {}: {reason}", chooser.folder.display()),
            true,
        ),
        Some(Ok(_)) if shown.is_empty() && !typed.is_empty() => {
            (format!("Nothing here starts with “{typed}”."), false)
        }
        Some(Ok(_)) => (count_text(&shown, chooser.mode), false),
    };
    if is_error {
        ui.colored_label(ui.visuals().error_fg_color, text);
    } else {
        ui.weak(text);
    }
}

/// "3 folders" (opening), "3 folders, 1 file" (saving: the files of report
/// types, which may be caption files too).
fn count_text(shown: &[&super::chooser_listing::Entry], mode: ChooserMode) -> String {
    let folders = shown.iter().filter(|e| e.is_folder).count();
    let files = shown.len() - folders;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match mode {
        ChooserMode::OpenFolder => plural(folders, "folder", "folders"),
        ChooserMode::SaveReport => format!(
            "{}, {}",
            plural(folders, "folder", "folders"),
            plural(files, "file", "files")
        ),
    }
}

fn name_ui(ui: &mut egui::Ui, chooser: &mut Chooser, actions: &mut Vec<ChooserAction>) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Name:");
        let name = ui
            .add(egui::TextEdit::singleline(&mut chooser.name).desired_width(260.0))
            .labelled_by(label.id);
        if name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            actions.push(ChooserAction::Confirm);
        }
        ui.label("Format:");
        let current = chooser.format();
        for (format, label) in [
            (ReportFormat::Html, "HTML"),
            (ReportFormat::Markdown, "Markdown"),
            (ReportFormat::Json, "JSON"),
        ] {
            if ui.radio(current == format, label).clicked() {
                actions.push(ChooserAction::SetFormat(format));
            }
        }
    });
}

fn buttons_ui(ui: &mut egui::Ui, chooser: &Chooser, actions: &mut Vec<ChooserAction>) {
    if chooser.replacing.is_some() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "“{}” already exists in this folder. Replace it?",
                chooser.name
            ));
            if ui.button("Replace").clicked() {
                actions.push(ChooserAction::Replace);
            }
            if ui.button("Cancel").clicked() {
                actions.push(ChooserAction::KeepFile);
            }
        });
        return;
    }
    ui.horizontal(|ui| {
        let (confirm, hover) = match chooser.mode {
            ChooserMode::OpenFolder => (
                "Open folder",
                format!("Open {}", chooser.open_target().display()),
            ),
            ChooserMode::SaveReport => (
                "Save",
                format!(
                    "Save as {}",
                    chooser.folder.join(chooser.name.trim()).display()
                ),
            ),
        };
        if ui.button(confirm).on_hover_text(hover).clicked() {
            actions.push(ChooserAction::Confirm);
        }
        if ui.button("Cancel").clicked() {
            actions.push(ChooserAction::Cancel);
        }
    });
}
