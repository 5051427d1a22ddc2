//! The People tab: every person of the selected photo (preferred name,
//! country), each with the spellings the variants print and the outlets
//! printing each. A spelling a misspelt-name finding calls wrong is marked
//! in the compare view's red, with the finding's sentence on hover; a click
//! on a spelling shows the first variant printing it, scrolled to it.
//! Computed once per (folder load, photo) from `analysis::name_forms`.

use eframe::egui;

use crate::analysis::Location;
use crate::analysis::name_forms::name_forms;

use super::commands::Command;
use super::compare_text::marked;
use super::palette::{Palette, Strength};
use super::selection::Session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PeopleKey {
    generation: u64,
    photo: usize,
}

/// One person as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    /// The preferred spelling.
    pub name: String,
    pub country: Option<String>,
    /// Most-used first.
    pub spellings: Vec<SpellingRow>,
}

/// One printed spelling of a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpellingRow {
    /// As printed, whitespace collapsed.
    pub text: String,
    /// The variants printing it (indices into the photo's variants).
    pub variants: Vec<usize>,
    /// Their labels, in the same order.
    pub outlets: Vec<String>,
    /// Where a click goes: the first place it is printed.
    pub first: Location,
    /// The misspelt-name finding's summary, when one calls this spelling
    /// wrong ("stern.de writes \"Bold\"; 14 other outlets write \"Bolt\" ...").
    pub misspelt: Option<String>,
}

/// The person list as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleView {
    key: PeopleKey,
    pub people: Vec<PersonRow>,
}

/// The People tab and its cache.
#[derive(Default)]
pub struct PeoplePanel {
    view: Option<PeopleView>,
}

impl PeoplePanel {
    pub fn view(&self) -> Option<&PeopleView> {
        self.view.as_ref()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Session, commands: &mut Vec<Command>) {
        let key = PeopleKey {
            generation: session.generation,
            photo: session.selection.photo,
        };
        if self.view.as_ref().is_none_or(|v| v.key != key) {
            self.view = Some(compute(session, key));
        }
        let Some(view) = &self.view else {
            return;
        };
        ui.label(
            "The people named in this photo's variants, each spelling with the outlets printing it. \
             Click a spelling to see it in the first variant printing it.",
        );
        if view.people.is_empty() {
            ui.label(egui::RichText::new("No person is named in this photo's variants.").italics());
            return;
        }
        let dark = ui.visuals().dark_mode;
        egui::ScrollArea::vertical()
            .id_salt("people_list")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (index, person) in view.people.iter().enumerate() {
                    ui.push_id(index, |ui| person_ui(ui, person, key.photo, dark, commands));
                    ui.add_space(6.0);
                }
            });
    }
}

fn person_ui(
    ui: &mut egui::Ui,
    person: &PersonRow,
    photo: usize,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&person.name).heading());
        if let Some(country) = &person.country {
            ui.label(egui::RichText::new(country).weak());
        }
    });
    if person.spellings.is_empty() {
        ui.label(egui::RichText::new("Named only by the reference facts.").italics());
    }
    ui.indent("spellings", |ui| {
        for spelling in &person.spellings {
            ui.horizontal_wrapped(|ui| {
                let mut text = egui::RichText::new(&spelling.text);
                if spelling.misspelt.is_some() {
                    text = marked(&Palette::of(dark), &spelling.text, Strength::Odd);
                }
                let response = ui.add(egui::Button::new(text).frame(false));
                let hover = match &spelling.misspelt {
                    Some(summary) => summary.clone(),
                    None => format!(
                        "Show it in {}",
                        spelling.outlets.first().map_or("", String::as_str)
                    ),
                };
                if response.on_hover_text(hover).clicked() {
                    commands.push(Command::Reveal {
                        photo,
                        location: spelling.first,
                    });
                }
                ui.label(outlets_line(&spelling.outlets));
            });
        }
    });
}

/// "1 outlet: stern.de", "2 outlets: A, B".
pub fn outlets_line(outlets: &[String]) -> String {
    format!(
        "{} outlet{}: {}",
        outlets.len(),
        if outlets.len() == 1 { "" } else { "s" },
        outlets.join(", ")
    )
}

fn compute(session: &Session, key: PeopleKey) -> PeopleView {
    let (Some(photo), Some(analysis)) = (session.photo(), session.photo_analysis()) else {
        return PeopleView {
            key,
            people: Vec::new(),
        };
    };
    let people = name_forms(photo, analysis)
        .into_iter()
        .filter_map(|forms| {
            let person = analysis.people.get(forms.person.0)?;
            let spellings = forms
                .forms
                .iter()
                .map(|form| SpellingRow {
                    text: form.text.clone(),
                    variants: form.variants.clone(),
                    outlets: form.outlets(photo),
                    first: form.first,
                    misspelt: form
                        .misspelt
                        .and_then(|f| analysis.findings.get(f))
                        .map(|f| f.summary.clone()),
                })
                .collect();
            Some(PersonRow {
                name: person.name.clone(),
                country: person.country.clone(),
                spellings,
            })
        })
        .collect();
    PeopleView { key, people }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outlets_line_counts_them() {
        assert_eq!(outlets_line(&["stern.de".into()]), "1 outlet: stern.de");
        assert_eq!(outlets_line(&["A".into(), "B".into()]), "2 outlets: A, B");
    }
}
