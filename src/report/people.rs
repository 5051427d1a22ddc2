//! The report's "People" section: each person with the spellings the
//! variants print and the outlets printing each, misspellings marked with
//! the finding's sentence. Built once from `analysis::name_forms` (so it says
//! what the window's People tab says), then written by the HTML and
//! Markdown views (their files are long; the section lives here).

use super::escape::{escape_html as h, escape_markdown as m};
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

/// The section in HTML: per person, a table of spellings and their outlets.
pub(super) fn people_html(out: &mut String, photo: &PhotoReport) {
    out.push_str("<h3>People</h3>\n");
    if photo.name_forms.is_empty() {
        out.push_str("<p class=\"none\">No person is named in the captions.</p>\n");
        return;
    }
    for person in &photo.name_forms {
        out.push_str(&format!(
            "<h4>{}{}</h4>\n",
            h(&person.name),
            person
                .country
                .as_ref()
                .map_or_else(String::new, |c| format!(
                    " <span class=\"loc\">{}</span>",
                    h(c)
                ))
        ));
        if person.forms.is_empty() {
            out.push_str("<p class=\"none\">Named only by the reference facts.</p>\n");
            continue;
        }
        out.push_str(
            "<table>\n<thead><tr><th>Spelling</th><th>Printed by</th><th>Note</th></tr></thead>\n<tbody>\n",
        );
        for form in &person.forms {
            out.push_str(&format!(
                "<tr{}><td><q>{}</q>{}</td><td>{}</td><td>{}</td></tr>\n",
                if form.misspelt { " class=\"odd\"" } else { "" },
                h(&form.text),
                if form.misspelt {
                    " <span class=\"tag\">misspelt</span>"
                } else {
                    ""
                },
                h(&form.outlets.join(", ")),
                form.summary.as_deref().map_or_else(String::new, h)
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

/// The section in Markdown: the same tables.
pub(super) fn people_markdown(out: &mut String, photo: &PhotoReport) {
    out.push_str("### People\n\n");
    if photo.name_forms.is_empty() {
        out.push_str("No person is named in the captions.\n\n");
        return;
    }
    for person in &photo.name_forms {
        out.push_str(&format!(
            "#### {}{}\n\n",
            m(&person.name),
            person
                .country
                .as_ref()
                .map_or_else(String::new, |c| format!(" ({})", m(c)))
        ));
        if person.forms.is_empty() {
            out.push_str("Named only by the reference facts.\n\n");
            continue;
        }
        out.push_str("| Spelling | Printed by | Note |\n|---|---|---|\n");
        for form in &person.forms {
            out.push_str(&format!(
                "| “{}”{} | {} | {} |\n",
                m(&form.text),
                if form.misspelt { " (misspelt)" } else { "" },
                m(&form.outlets.join(", ")),
                form.summary.as_deref().map_or_else(String::new, m)
            ));
        }
        out.push('\n');
    }
}
