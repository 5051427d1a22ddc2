//! The report's "People" section: each person with the spellings the
//! variants print and the outlets printing each, misspellings marked with
//! the finding's sentence. Built once from `analysis::name_forms` (so it says
//! what the window's People tab says), then made a section of the report's
//! document.

use super::document::{Block, Cell, Inline, Print, RowMark, Section, Table, cell, text};
use super::model::{NameFormReport, PersonNamesReport, PhotoReport};
use crate::analysis::PhotoAnalysis;
use crate::analysis::name_forms::name_forms;
use crate::corpus::Photo;

/// The section's content for one photo, in the order of the analysis's people.
pub(super) fn people_names(photo: &Photo, analysis: &PhotoAnalysis) -> Vec<PersonNamesReport> {
    name_forms(photo, analysis)
        .into_iter()
        .filter_map(|person| {
            let about = analysis.people.get(person.person.0)?;
            let forms = person
                .forms
                .iter()
                .map(|form| {
                    let finding = form.misspelt.and_then(|f| analysis.findings.get(f));
                    NameFormReport {
                        text: form.text.clone(),
                        variants: form.variants.clone(),
                        outlets: form.outlets(photo),
                        mentions: form.mentions,
                        first: form.first,
                        misspelt: finding.is_some(),
                        finding: finding.map(|f| f.key.clone()),
                        summary: finding.map(|f| f.summary.clone()),
                    }
                })
                .collect();
            Some(PersonNamesReport {
                person: person.person,
                name: about.name.clone(),
                country: about.country.clone(),
                forms,
            })
        })
        .collect()
}

/// The section: per person, a table of spellings and their outlets. Bulk,
/// so collapsed on screen; print keeps it in small type.
pub(super) fn people_section(photo: &PhotoReport) -> Section {
    let mut section = Section::titled("People and their spellings").collapsed(Print::Compact);
    if photo.name_forms.is_empty() {
        section.note("No person is named in the captions.");
        return section;
    }
    for person in &photo.name_forms {
        let mut heading = vec![text(person.name.clone())];
        if let Some(country) = &person.country {
            heading.extend([text(" "), Inline::Aside(country.clone())]);
        }
        let mut sub = Section::new(heading);
        if person.forms.is_empty() {
            sub.note("Named only by the reference facts.");
            section.section(sub);
            continue;
        }
        let mut table = Table::new(&["Spelling", "Printed by", "Note"]);
        for form in &person.forms {
            let mut spelling = vec![Inline::Quoted(form.text.clone())];
            if form.misspelt {
                spelling.extend([text(" "), Inline::Tag("misspelt".to_owned())]);
            }
            table.row(
                if form.misspelt {
                    RowMark::Odd
                } else {
                    RowMark::Plain
                },
                vec![
                    Cell::of(spelling),
                    cell(form.outlets.join(", ")),
                    cell(form.summary.clone().unwrap_or_default()),
                ],
            );
        }
        sub.push(Block::Table(table));
        section.section(sub);
    }
    section
}
