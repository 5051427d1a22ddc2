//! Credit and photographer claims: "Photo Credit: GETTY IMAGES", "via
//! gettyimages", "via Getty", "via Shutterstock", a line that is only an agency
//! ("AFP"), and "Associated Press photographer Petros Giannakouris" (agency
//! and photographer). Agencies are canonicalised through the vocabulary
//! ("gettyimages" and "GETTY IMAGES" are both "Getty Images"). An agency
//! before "via AGENCY" is the credit ("AFP via Getty Images" is AFP's
//! picture, distributed by Getty), and so is one beside a slash in a byline
//! ("Adem Altan/AFP", "AP Photo/Evan Vucci").

use super::SectionClaims;
use crate::analysis::scan::Gap;
use crate::analysis::{Attribute, Subject};

pub(super) fn find(c: &mut SectionClaims<'_, '_>) {
    let n = c.s.words.len();
    let mut claimed_until = 0;
    for i in 0..n {
        if c.quoted(i) || i < claimed_until {
            continue;
        }
        // "Photo Credit: GETTY IMAGES", "via Getty".
        if let Some(plen) = c.vocab.credit_prefixes.contains_at(&c.s.words, i)
            && !after_agency(c, i)
        {
            let j = i + plen;
            let joint = c.s.between(j - 1, j);
            if j < n
                && joint.chars().all(|ch| ch.is_whitespace() || ch == ':')
                && let Some((alen, agency)) = c.vocab.agencies.match_at(&c.s.words, j)
            {
                credit(c, agency, i, j + alen);
                claimed_until = j + alen;
                continue;
            }
        }
        let Some((alen, agency)) = c.vocab.agencies.match_at(&c.s.words, i) else {
            photographer(c, i);
            continue;
        };
        let last = i + alen - 1;
        // A line that is only the agency: "AFP".
        let alone = c.s.words.get(i).is_some_and(|w| w.line_start)
            && c.s.words.get(last).is_some_and(|w| w.line_end);
        // "Associated Press photographer Petros Giannakouris".
        let before_photographer = c.s.gap(i + alen) == Gap::Space
            && c.vocab.photographer_words.contains(c.s.key(i + alen));
        // "AFP via Getty Images": AFP's picture.
        if let Some(end) = via_agency_after(c, last) {
            credit(c, agency, i, end);
            claimed_until = end;
        } else if alone || slashed(c, i, last) {
            credit(c, agency, i, i + alen);
        } else if before_photographer {
            credit(c, agency, i, i + alen + 1);
        }
    }
}

/// True when word `i` ("via") comes right after an agency's name.
fn after_agency(c: &SectionClaims<'_, '_>, i: usize) -> bool {
    c.s.key(i) == "via"
        && c.s.gap(i) == Gap::Space
        && c.vocab.agencies.match_ending_at(&c.s.words, i).is_some()
}

/// Where "via AGENCY" ends when it follows word `last`.
fn via_agency_after(c: &SectionClaims<'_, '_>, last: usize) -> Option<usize> {
    let via = last + 1;
    if c.s.key(via) != "via" || c.s.gap(via) != Gap::Space {
        return None;
    }
    let (len, _) = c.vocab.agencies.match_at(&c.s.words, via + 1)?;
    Some(via + 1 + len)
}

/// "Adem Altan/AFP", "AP Photo/Evan Vucci": a slash joins the agency
/// (words `i..=last`) to a capitalised name.
fn slashed(c: &SectionClaims<'_, '_>, i: usize, last: usize) -> bool {
    let capitalised = |j: usize| {
        c.s.words
            .get(j)
            .is_some_and(|w| w.capitalised || w.all_caps)
    };
    (i > 0 && c.s.between(i - 1, i).trim() == "/" && capitalised(i - 1))
        || (c.s.between(last, last + 1).trim() == "/" && capitalised(last + 1))
}

fn credit(c: &mut SectionClaims<'_, '_>, agency: usize, start: usize, end: usize) {
    let Some(name) = c.vocab.agency_names.get(agency).cloned() else {
        return;
    };
    let span = c.s.span(start, end);
    c.push(Subject::Photo, Attribute::Credit, &name, span);
}

/// "photographer Petros Giannakouris": the capitalised words after the word.
fn photographer(c: &mut SectionClaims<'_, '_>, i: usize) {
    if !c.vocab.photographer_words.contains(c.s.key(i)) {
        return;
    }
    let mut end = i + 1;
    while end < i + 4
        && c.s.gap(end) == Gap::Space
        && c.s.same_sentence(i, end)
        && c.s.words.get(end).is_some_and(|w| w.capitalised)
        && !c.vocab.stop_words.contains(c.s.key(end))
    {
        end += 1;
        if c.s.words.get(end - 1).is_some_and(|w| w.possessive) {
            break;
        }
    }
    if end - (i + 1) >= 2 {
        let span = c.s.span(i + 1, end);
        let name = c.s.slice(span).to_string();
        c.push(Subject::Photo, Attribute::Photographer, &name, span);
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::claims::testing::{claims_of, t};

    fn credits(text: &str) -> Vec<(String, String, String, String)> {
        claims_of(text, None)
            .into_iter()
            .filter(|c| c.1 == "credit" || c.1 == "photographer")
            .collect()
    }

    #[test]
    fn credit_lines_name_canonical_agencies() {
        assert_eq!(
            credits("Lim takes a selfie on Tuesday. | Photo Credit: GETTY IMAGES"),
            vec![t(
                "photo",
                "credit",
                "Getty Images",
                "Photo Credit: GETTY IMAGES"
            )]
        );
        assert_eq!(
            credits(
                "A moment.\nvia Getty\nAnother.\nvia Shutterstock\nvia gettyimages\nAFP\nvia : Biography"
            ),
            vec![
                t("photo", "credit", "Getty Images", "via Getty"),
                t("photo", "credit", "Shutterstock", "via Shutterstock"),
                t("photo", "credit", "Getty Images", "via gettyimages"),
                t("photo", "credit", "AFP", "AFP"),
            ]
        );
    }

    #[test]
    fn agency_photographers() {
        assert_eq!(
            credits(
                "In a photo taken by Associated Press photographer Petros Giannakouris, South Korea's Lim Jonghoon was seen."
            ),
            vec![
                t(
                    "photo",
                    "credit",
                    "Associated Press",
                    "Associated Press photographer"
                ),
                t(
                    "photo",
                    "photographer",
                    "Petros Giannakouris",
                    "Petros Giannakouris"
                ),
            ]
        );
    }

    #[test]
    fn an_agency_before_via_is_the_credit_and_the_distributor_is_not() {
        assert_eq!(
            credits("Rescuers carry Irmak. (Photo by Adem Altan/AFP via Getty Images)"),
            vec![t("photo", "credit", "AFP", "AFP via Getty Images")]
        );
        assert_eq!(
            credits("Trump raises his fist. (AP Photo/Evan Vucci)"),
            vec![t("photo", "credit", "Associated Press", "AP Photo")]
        );
    }

    #[test]
    fn agency_names_in_running_text_are_not_credits() {
        assert_eq!(
            credits("AFP reported that Getty sold the photo via email."),
            vec![]
        );
        assert_eq!(credits("“via Getty,” he said"), vec![]);
    }
}
