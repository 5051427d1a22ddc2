//! Find (Ctrl+F): a window that finds text in every caption, headline and
//! article of the folder, ignoring case; a click on a hit goes there. Hits
//! are computed when the query changes, not per frame.

use eframe::egui;

use crate::analysis::{Location, Span};
use crate::corpus::{Corpus, Section};

use super::commands::Command;

/// At most this many hits are listed.
const MAX_HITS: usize = 500;

/// One place the query was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindHit {
    pub photo: usize,
    pub location: Location,
    /// "Sportstar, caption: …silver medallist…".
    pub context: String,
}

/// Byte spans where `needle` occurs in `haystack`, ignoring case.
pub fn find_ignoring_case(haystack: &str, needle: &str) -> Vec<Span> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut spans = Vec::new();
    for (start, _) in haystack.char_indices() {
        let Some(rest) = haystack.get(start..) else {
            continue;
        };
        let mut wanted = needle.iter();
        let mut end = start;
        let mut matched = false;
        'chars: for (offset, c) in rest.char_indices() {
            for lower in c.to_lowercase() {
                match wanted.next() {
                    Some(&w) if w == lower => {}
                    _ => break 'chars,
                }
            }
            end = start + offset + c.len_utf8();
            if wanted.len() == 0 {
                matched = true;
                break;
            }
        }
        if matched && spans.last().is_none_or(|s: &Span| s.end <= start) {
            spans.push(Span::new(start, end));
        }
    }
    spans
}

/// Every hit of `query` in the corpus, in photo, variant and section order.
pub fn find_in_corpus(corpus: &Corpus, query: &str) -> Vec<FindHit> {
    let mut hits = Vec::new();
    for (photo_index, photo) in corpus.photos.iter().enumerate() {
        for (variant_index, variant) in photo.variants.iter().enumerate() {
            for section in Section::ALL {
                let Some(text) = variant.section(section) else {
                    continue;
                };
                let text = text.as_str();
                for span in find_ignoring_case(text, query) {
                    if hits.len() >= MAX_HITS {
                        return hits;
                    }
                    hits.push(FindHit {
                        photo: photo_index,
                        location: Location {
                            variant: variant_index,
                            section,
                            span,
                        },
                        context: format!(
                            "{}, {}: {}",
                            variant.label(),
                            section.name(),
                            context_around(text, span)
                        ),
                    });
                }
            }
        }
    }
    hits
}

/// Up to 40 characters either side of the span.
fn context_around(text: &str, span: Span) -> String {
    let before: String = text
        .get(..span.start)
        .unwrap_or("")
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text
        .get(span.end..)
        .unwrap_or("")
        .chars()
        .take(40)
        .collect();
    format!("…{before}{}{after}…", span.slice(text))
}

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
    pub fn search(&mut self, corpus: &Corpus) {
        if self.searched.as_deref() != Some(self.query.as_str()) {
            self.hits = find_in_corpus(corpus, &self.query);
            self.searched = Some(self.query.clone());
        }
    }

    pub fn window(&mut self, ctx: &egui::Context, corpus: &Corpus, commands: &mut Vec<Command>) {
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
                self.search(corpus);
                if !self.query.is_empty() {
                    ui.label(format!("{} found", self.hits.len()));
                }
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for hit in &self.hits {
                        if ui.selectable_label(false, &hit.context).clicked() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_ignoring_case() {
        let text = "Silver medallist; the SILVER medal; silverware";
        let spans = find_ignoring_case(text, "silver");
        let found: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(found, vec!["Silver", "SILVER", "silver"]);
        assert_eq!(spans.first(), Some(&Span::new(0, 6)));
    }

    #[test]
    fn finds_non_ascii_text_on_character_boundaries() {
        let text = "South Korea’s Lim, Korea’s pride";
        let spans = find_ignoring_case(text, "KOREA’S");
        let found: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(found, vec!["Korea’s", "Korea’s"]);
        assert!(find_ignoring_case(text, "").is_empty());
    }
}
