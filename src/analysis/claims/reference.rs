//! Claims that do not come from running text: the user's reference facts,
//! and a source's own credit line and photographer fields.

use super::super::people::People;
use super::super::scan::scan;
use super::super::vocabulary::Vocabulary;
use crate::analysis::{Attribute, Claim, ClaimOrigin, Subject};
use crate::corpus::{Photo, Source};

fn claim(
    subject: Subject,
    attribute: Attribute,
    value: &str,
    origin: ClaimOrigin,
    quote: &str,
) -> Claim {
    Claim {
        subject,
        attribute,
        value: value.to_string(),
        origin,
        quote: quote.to_string(),
    }
}

/// The canonical name of the first vocabulary entry found in `text`.
fn canonical(
    text: &str,
    set: &super::super::vocabulary::PhraseSet,
    names: &[String],
) -> Option<String> {
    let words = scan(text).words;
    (0..words.len())
        .find_map(|i| set.match_at(&words, i))
        .and_then(|(_, idx)| names.get(idx).cloned())
}

/// The credit value of a credit line: who it names as the picture's owner
/// (its agency, not the distributor after "via"), else the line as written.
pub(crate) fn credit_value(credit: &str, vocab: &Vocabulary) -> Option<String> {
    let trimmed = credit.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(
        super::super::credit_line::parse(trimmed, vocab)
            .owner()
            .map_or_else(|| trimmed.to_string(), str::to_string),
    )
}

/// Claims of the reference facts: each person's medal and country; the
/// photo's date, place, event, device, credit, photographer, and who took it.
pub(crate) fn reference_claims(photo: &Photo, people: &People, vocab: &Vocabulary) -> Vec<Claim> {
    let Some(reference) = &photo.reference else {
        return Vec::new();
    };
    let origin = ClaimOrigin::Reference;
    let mut out = Vec::new();
    for (i, rp) in reference.people.iter().enumerate() {
        let subject = Subject::Person(crate::analysis::PersonId(i));
        if let Some(medal) = rp.medal {
            out.push(claim(
                subject.clone(),
                Attribute::Medal,
                medal.name(),
                origin,
                medal.name(),
            ));
        }
        if let Some(country) = &rp.country {
            let value = vocab.country_of(country).unwrap_or(country);
            out.push(claim(subject, Attribute::Country, value, origin, country));
        }
    }
    if let Some(date) = reference.date {
        let value = date.to_string();
        out.push(claim(
            Subject::Photo,
            Attribute::Date,
            &value,
            origin,
            &value,
        ));
    }
    if let Some(place) = &reference.place {
        out.push(claim(
            Subject::Photo,
            Attribute::Venue,
            place.trim(),
            origin,
            place,
        ));
    }
    if let Some(event) = &reference.event
        && let Some(value) = canonical(event, &vocab.events, &vocab.event_names)
    {
        out.push(claim(
            Subject::Photo,
            Attribute::Event,
            &value,
            origin,
            event,
        ));
    }
    if let Some(device) = &reference.device {
        let value = canonical(device, &vocab.devices, &vocab.device_names)
            .unwrap_or_else(|| device.trim().to_string());
        out.push(claim(
            Subject::Photo,
            Attribute::Device,
            &value,
            origin,
            device,
        ));
    }
    if let Some(credit) = &reference.credit
        && let Some(value) = credit_value(credit, vocab)
    {
        out.push(claim(
            Subject::Photo,
            Attribute::Credit,
            &value,
            origin,
            credit,
        ));
    }
    if let Some(photographer) = &reference.photographer {
        out.push(claim(
            Subject::Photo,
            Attribute::Photographer,
            photographer.trim(),
            origin,
            photographer,
        ));
    }
    if let Some(taken_by) = &reference.taken_by {
        let keys: Vec<String> = scan(taken_by).words.into_iter().map(|w| w.key).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let name = people
            .index
            .full_match(&refs)
            .and_then(|id| people.people.get(id.0))
            .map_or_else(|| taken_by.trim().to_string(), |p| p.name.clone());
        out.push(claim(
            Subject::Photo,
            Attribute::Role,
            &format!("taken by {name}"),
            origin,
            taken_by,
        ));
    }
    out
}

/// Claims of a source's own fields: its credit line and photographer.
pub(crate) fn source_field_claims(
    variant: usize,
    source: &Source,
    vocab: &Vocabulary,
) -> Vec<Claim> {
    let origin = ClaimOrigin::SourceField { variant };
    let mut out = Vec::new();
    if let Some(credit) = &source.credit
        && let Some(value) = credit_value(credit, vocab)
    {
        out.push(claim(
            Subject::Photo,
            Attribute::Credit,
            &value,
            origin,
            credit,
        ));
    }
    if let Some(photographer) = &source.photographer
        && !photographer.trim().is_empty()
    {
        out.push(claim(
            Subject::Photo,
            Attribute::Photographer,
            photographer.trim(),
            origin,
            photographer,
        ));
    }
    out
}
