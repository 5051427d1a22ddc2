//! Find (Ctrl+F): a window that finds text in every caption, headline and
//! article of the folder, ignoring case and diacritics, and a person under
//! every spelling (`find_search`); the hits are listed under the photo they
//! are in, and a click on one goes there. Hits are computed when the query
//! changes, not per frame.

use eframe::egui;

use crate::analysis::Analysis;
use crate::corpus::Corpus;

use super::commands::Command;
pub use super::find_search::{FindHit, find_folded, find_in_folder};

/// The Find window's state.
#[derive(Default)]
pub struct FindPanel {
    open: bool,
    focus: bool,
    pub query: String,
    searched: Option<String>,
    pub hits: Vec<FindHit>,
}

impl FindPanel {
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Recomputes the hits if the query changed since the last search.
    pub fn search(&mut self, corpus: &Corpus, analysis: &Analysis) {
        if self.searched.as_deref() != Some(self.query.as_str()) {
            self.hits = find_in_folder(corpus, analysis, &self.query);
            self.searched = Some(self.query.clone());
        }
    }

    pub fn window(
        &mut self,
        ctx: &egui::Context,
        corpus: &Corpus,
        analysis: &Analysis,
        commands: &mut Vec<Command>,
    ) {
        if !self.open {
            return;
        }
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.open = false;
            return;
        }
        let mut open = self.open;
        egui::Window::new("Find in captions")
            .open(&mut open)
            .default_size(egui::vec2(520.0, 360.0))
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("Find:");
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.query)
                                .hint_text("a word or name, in any caption")
                                .desired_width(320.0),
                        )
                        .labelled_by(label.id);
                    if self.focus {
                        field.request_focus();
                        self.focus = false;
                    }
                });
                self.search(corpus, analysis);
                if !self.query.is_empty() {
                    let photos = count_photos(&self.hits);
                    ui.label(match photos {
                        0 | 1 => format!("{} found", self.hits.len()),
                        n => format!("{} found in {n} photos", self.hits.len()),
                    });
                }
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let mut photo = None;
                    for hit in &self.hits {
                        if photo != Some(hit.photo) {
                            photo = Some(hit.photo);
                            let title = corpus.photos.get(hit.photo).map_or("", |p| &p.title);
                            ui.label(egui::RichText::new(format!("Photo: {title}")).strong());
                        }
                        let row = ui.selectable_label(false, &hit.context);
                        let row = match &hit.person {
                            Some(person) => row.on_hover_text(format!("A mention of {person}")),
                            None => row,
                        };
                        if row.clicked() {
                            commands.push(Command::Reveal {
                                photo: hit.photo,
                                location: hit.location,
                            });
                        }
                    }
                });
            });
        self.open = open;
    }
}

/// How many photos the hits are in (they come photo by photo).
fn count_photos(hits: &[FindHit]) -> usize {
    let mut photos: Vec<usize> = hits.iter().map(|h| h.photo).collect();
    photos.dedup();
    photos.len()
}
