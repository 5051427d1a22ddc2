//! The *Add caption…* window: a form (outlet, address, date, credit,
//! headline, caption, article) that becomes a new caption file in the
//! selected photo's folder (`corpus::caption_draft` makes the file's text,
//! `corpus::add_file` writes it). It says what is wrong (no outlet, no
//! caption, a date the loader would not read) and sends nothing until it is
//! right. Pasting text into the window with no text field focused opens it
//! with the text as the caption. What happens after Save is in
//! `folder_additions`.

use eframe::egui;

use crate::corpus::caption_draft::{CaptionDraft, DraftProblem};

use super::commands::Command;

/// The form and what it is doing.
#[derive(Debug, Default)]
pub struct AddCaptionForm {
    open: bool,
    /// Give the first empty field the keyboard on the next frame.
    focus: bool,
    pub(super) draft: CaptionDraft,
    /// Save was pressed: every problem is shown from now on.
    tried: bool,
    /// The file is being written: Save waits for it.
    pub(super) saving: bool,
    /// Why the last write failed.
    pub(super) failure: Option<String>,
}

impl AddCaptionForm {
    /// Opens the form; with `caption` (pasted), that is its caption unless
    /// one is already typed.
    pub fn open(&mut self, caption: Option<&str>) {
        if let Some(caption) = caption
            && self.draft.caption.trim().is_empty()
        {
            self.draft.caption = CaptionDraft::with_caption(caption).caption;
        }
        self.open = true;
        self.focus = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The form as typed.
    pub fn draft(&self) -> &CaptionDraft {
        &self.draft
    }

    /// The file was written: the form closes and starts empty next time.
    pub(super) fn written(&mut self) {
        *self = AddCaptionForm::default();
    }

    /// Draws the form while it is open; `target` says which folder it
    /// writes into.
    pub fn window(&mut self, ctx: &egui::Context, target: &str, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            // Closed, the draft stays for the next time it opens.
            self.open = false;
            return;
        }
        let mut open = self.open;
        let mut cancelled = false;
        egui::Window::new("Add caption")
            .open(&mut open)
            .default_size(egui::vec2(560.0, 520.0))
            .show(ctx, |ui| {
                ui.label(format!("A new caption file in {target}"));
                ui.add_space(4.0);
                self.fields_ui(ui);
                let problems = self.draft.problems();
                self.problems_ui(ui, &problems);
                ui.horizontal(|ui| {
                    let save = ui
                        .add_enabled(!self.saving, egui::Button::new("Save caption"))
                        .on_hover_text("Write the caption file and reload the folder");
                    if save.clicked() {
                        self.tried = true;
                        if problems.is_empty() {
                            self.saving = true;
                            self.failure = None;
                            commands.push(Command::AddCaption(self.draft.clone()));
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        cancelled = true;
                    }
                    if self.saving {
                        ui.spinner();
                        ui.label("Writing…");
                    }
                });
            });
        self.open = open && !cancelled;
        if cancelled {
            self.draft = CaptionDraft::default();
            self.tried = false;
            self.failure = None;
        }
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        let focus = std::mem::take(&mut self.focus);
        let first_empty = if self.draft.outlet.trim().is_empty() {
            "Outlet:"
        } else {
            "Caption:"
        };
        egui::Grid::new("add_caption_fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let draft = &mut self.draft;
                let single: [(&str, &mut String, &str); 5] = [
                    ("Outlet:", &mut draft.outlet, "required: The Guardian"),
                    ("Address:", &mut draft.url, "https://…"),
                    (
                        "Published:",
                        &mut draft.published,
                        "2024-07-31, Jul 31, 2024, …",
                    ),
                    (
                        "Credit:",
                        &mut draft.credit,
                        "the credit line: Getty Images",
                    ),
                    ("Headline:", &mut draft.headline, "the page's headline"),
                ];
                for (name, value, hint) in single {
                    let label = ui.label(name);
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(value)
                                .hint_text(hint)
                                .desired_width(400.0),
                        )
                        .labelled_by(label.id);
                    if focus && name == first_empty {
                        field.request_focus();
                    }
                    ui.end_row();
                }
                let multi: [(&str, &mut String, &str, usize); 2] = [
                    (
                        "Caption:",
                        &mut draft.caption,
                        "required: the caption as printed",
                        4,
                    ),
                    (
                        "Article:",
                        &mut draft.article,
                        "the article's sentences about the photo, one per line",
                        5,
                    ),
                ];
                for (name, value, hint, rows) in multi {
                    let label = ui.label(name);
                    let field = ui
                        .add(
                            egui::TextEdit::multiline(value)
                                .hint_text(hint)
                                .desired_rows(rows)
                                .desired_width(400.0),
                        )
                        .labelled_by(label.id);
                    if focus && name == first_empty {
                        field.request_focus();
                    }
                    ui.end_row();
                }
            });
    }

    /// What is wrong: everything once Save was pressed, before that only a
    /// date the loader would not read.
    fn problems_ui(&self, ui: &mut egui::Ui, problems: &[DraftProblem]) {
        let error = ui.visuals().error_fg_color;
        for problem in problems {
            let shown = self.tried || matches!(problem, DraftProblem::UnreadableDate(_));
            if shown {
                ui.colored_label(error, problem.to_string());
            }
        }
        if let Some(failure) = &self.failure {
            ui.colored_label(error, format!("Not written: {failure}"));
        }
    }
}
