//! How each person's name is printed: every spelling the variants use, with
//! the variants that print it, and whether a misspelt-name finding calls it
//! wrong. The person list of the window and the reports' "People" section
//! read it; it only walks the analysis (mentions and findings), so it says
//! what the rest of the analysis says.

use serde::{Deserialize, Serialize};

use super::{FindingKind, Location, PersonId, PhotoAnalysis};
use crate::corpus::Photo;
use crate::corpus::parsed::collapse_whitespace;

/// One person and the forms their name is printed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonForms {
    pub person: PersonId,
    /// Most-used first: by the number of variants printing the form, then the
    /// number of mentions, then the first place it is printed. Empty when no
    /// variant names the person (only the reference does).
    pub forms: Vec<NameForm>,
}

/// One spelling as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameForm {
    /// The words at the mention, whitespace collapsed ("Usain Bold").
    pub text: String,
    /// The variants printing it (indices into `Photo::variants`, ascending).
    pub variants: Vec<usize>,
    /// How many mentions print it, over every variant and section.
    pub mentions: usize,
    /// The first place it is printed (lowest variant, then section, then span).
    pub first: Location,
    /// The misspelt-name finding (index into `PhotoAnalysis::findings`)
    /// whose odd mark overlaps a mention of this form; the first one when
    /// several do. `None`: no finding calls this form wrong.
    pub misspelt: Option<usize>,
}

impl NameForm {
    /// The labels of the variants printing it ("stern.de"), in variant order.
    pub fn outlets(&self, photo: &Photo) -> Vec<String> {
        self.variants
            .iter()
            .map(|&v| super::findings::variant_label(photo, v))
            .collect()
    }
}

/// The printed forms of every person of the photo, in the order of
/// `analysis.people`.
pub fn name_forms(photo: &Photo, analysis: &PhotoAnalysis) -> Vec<PersonForms> {
    let mut people: Vec<PersonForms> = analysis
        .people
        .iter()
        .map(|p| PersonForms {
            person: p.id,
            forms: Vec::new(),
        })
        .collect();
    for mention in &analysis.mentions {
        let location = mention.location;
        let Some(text) = photo
            .variants
            .get(location.variant)
            .and_then(|v| v.section(location.section))
        else {
            continue;
        };
        let printed = collapse_whitespace(location.span.slice(text.as_str()));
        let Some(person) = people.iter_mut().find(|p| p.person == mention.person) else {
            continue;
        };
        if printed.is_empty() {
            continue;
        }
        let misspelt = misspelt_finding(analysis, location);
        match person.forms.iter_mut().find(|f| f.text == printed) {
            Some(form) => {
                if !form.variants.contains(&location.variant) {
                    form.variants.push(location.variant);
                    form.variants.sort_unstable();
                }
                form.mentions += 1;
                form.first = form.first.min(location);
                form.misspelt = form.misspelt.or(misspelt);
            }
            None => person.forms.push(NameForm {
                text: printed,
                variants: vec![location.variant],
                mentions: 1,
                first: location,
                misspelt,
            }),
        }
    }
    for person in &mut people {
        person.forms.sort_by(|a, b| {
            b.variants
                .len()
                .cmp(&a.variants.len())
                .then(b.mentions.cmp(&a.mentions))
                .then(a.first.cmp(&b.first))
        });
    }
    people
}

/// The first misspelt-name finding with an odd mark overlapping `location`.
fn misspelt_finding(analysis: &PhotoAnalysis, location: Location) -> Option<usize> {
    analysis.findings.iter().position(|finding| {
        finding.kind == FindingKind::MisspeltName
            && finding.marks.iter().any(|mark| {
                mark.odd
                    && mark.location.is_some_and(|l| {
                        l.variant == location.variant
                            && l.section == location.section
                            && l.span.overlaps(location.span)
                    })
            })
    })
}

#[cfg(test)]
#[path = "name_forms_tests.rs"]
mod tests;
