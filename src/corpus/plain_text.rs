//! Plain-text caption files: optional `Key: value` header lines, a blank line,
//! the caption, then optionally a `--- article ---` line and the article
//! sentences, one per line.
//!
//! A file with a header and no marker is laid out the way wire desks and the
//! dev set keep captions: the first paragraph is the caption and every further
//! paragraph is article text. A caption paragraph of `[no caption]` says the
//! page printed none: the file is a variant of its article text alone.

use super::ProblemKind;
use super::parsed::{CaptionFields, Issue, Parsed, SourceKey, non_empty};

/// Parses a decoded plain-text caption file.
pub(crate) fn parse_plain_text(text: &str) -> Result<Parsed, Issue> {
    let lines: Vec<&str> = text.lines().collect();
    let mut fields = CaptionFields::default();
    let mut warnings = Vec::new();
    let mut key_lines = Vec::new();
    let body_start = match header_end(&lines) {
        Some(end) => {
            let block = lines.get(..end).unwrap_or_default();
            key_lines = read_header(block, &mut fields, &mut warnings);
            end + 1
        }
        None => 0,
    };
    let body = lines.get(body_start..).unwrap_or_default();
    let marker = body.iter().position(|line| is_article_marker(line));
    let (caption_lines, article_lines) = match marker {
        Some(at) => (
            body.get(..at).unwrap_or_default(),
            body.get(at + 1..).unwrap_or_default(),
        ),
        None if body_start > 0 => split_first_paragraph(body),
        None => (body, &[][..]),
    };
    fields.caption = caption_lines.join("\n").trim().to_string();
    let no_caption = is_no_caption_marker(&fields.caption);
    if no_caption {
        fields.caption.clear();
    }
    let article: Vec<&str> = article_lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .collect();
    fields.article = (!article.is_empty()).then(|| article.join("\n"));
    if fields.caption.is_empty() && !(no_caption && fields.article.is_some()) {
        return Err(Issue::error(
            ProblemKind::NoCaption,
            "no caption text after the header lines",
            None,
        ));
    }
    Ok(Parsed {
        fields,
        warnings,
        key_lines,
    })
}

/// The first paragraph (up to the first blank line after some text), and the rest.
fn split_first_paragraph<'a>(body: &'a [&'a str]) -> (&'a [&'a str], &'a [&'a str]) {
    let first_text = body.iter().position(|line| !line.trim().is_empty());
    let end = first_text.and_then(|start| {
        body.iter()
            .skip(start)
            .position(|line| line.trim().is_empty())
            .map(|n| start + n)
    });
    match end {
        Some(end) => (
            body.get(..end).unwrap_or_default(),
            body.get(end + 1..).unwrap_or_default(),
        ),
        None => (body, &[][..]),
    }
}

/// `[no caption]`, any case: the page printed no caption for the photo.
pub(crate) fn is_no_caption_marker(text: &str) -> bool {
    text.trim().eq_ignore_ascii_case("[no caption]")
}

/// The index of the blank line that ends the header, when the file has one.
///
/// A header is the block of lines before the first blank line, when its first
/// line is a `Key: value` line with a known key, or when every line in it looks
/// like `Word: value`. Otherwise the whole file is caption.
fn header_end(lines: &[&str]) -> Option<usize> {
    let blank = lines.iter().position(|line| line.trim().is_empty())?;
    let block = lines.get(..blank)?;
    let first = block.first()?;
    let first_known = key_value(first).is_some_and(|(key, _)| SourceKey::parse(key).is_some());
    let all_keyed = block.iter().all(|line| key_value(line).is_some());
    (first_known || all_keyed).then_some(blank)
}

/// Reads the header lines into `fields`; gives the line of each key read.
fn read_header(
    block: &[&str],
    fields: &mut CaptionFields,
    warnings: &mut Vec<Issue>,
) -> Vec<(SourceKey, usize)> {
    let mut key_lines = Vec::new();
    for (index, line) in block.iter().enumerate() {
        let number = Some(index + 1);
        let Some((name, value)) = key_value(line) else {
            warnings.push(Issue::warning(
                ProblemKind::Syntax,
                "not a `Key: value` header line; ignored",
                number,
            ));
            continue;
        };
        let Some(key) = SourceKey::parse(name) else {
            warnings.push(Issue::warning(
                ProblemKind::UnknownKey,
                format!("unknown key `{name}`; ignored"),
                number,
            ));
            continue;
        };
        let slot = fields.slot(key);
        if slot.is_some() {
            warnings.push(Issue::warning(
                ProblemKind::UnknownKey,
                format!("repeated key `{name}`; the first value is kept"),
                number,
            ));
            continue;
        }
        *slot = non_empty(value);
        key_lines.push((key, index + 1));
    }
    key_lines
}

/// Splits `Key: value` where the key is one word (letters, `-`, `_`).
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim_end();
    let mut chars = key.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let word = chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (starts_with_letter && word && key.len() <= 32).then_some((key, value))
}

/// `--- article ---`, any case, at least three dashes on each side.
pub(crate) fn is_article_marker(line: &str) -> bool {
    let trimmed = line.trim();
    let leading = trimmed.len() - trimmed.trim_start_matches('-').len();
    let trailing = trimmed.len() - trimmed.trim_end_matches('-').len();
    if leading < 3 || trailing < 3 || leading + trailing >= trimmed.len() {
        return false;
    }
    trimmed
        .get(leading..trimmed.len() - trailing)
        .is_some_and(|word| word.trim().eq_ignore_ascii_case("article"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn header_caption_and_article() {
        let parsed = parse_plain_text(
            "Outlet: Sportstar\nCREDIT: AFP\nurl:\n\nThe caption\nsecond line\n\n---- Article -----\nOne.\n\nTwo.\n",
        )
        .unwrap();
        assert_eq!(parsed.fields.outlet.as_deref(), Some("Sportstar"));
        assert_eq!(parsed.fields.credit.as_deref(), Some("AFP"));
        assert_eq!(parsed.fields.url, None);
        assert_eq!(parsed.fields.caption, "The caption\nsecond line");
        assert_eq!(parsed.fields.article.as_deref(), Some("One.\nTwo."));
        assert_eq!(parsed.warnings, vec![]);
    }

    #[test]
    fn no_header_is_all_caption() {
        let parsed = parse_plain_text("Paris 2024 Olympics: a selfie.\n\nMore caption.").unwrap();
        assert_eq!(
            parsed.fields.caption,
            "Paris 2024 Olympics: a selfie.\n\nMore caption."
        );
        assert_eq!(parsed.fields.outlet, None);
        let parsed = parse_plain_text("Update: the selfie").unwrap();
        assert_eq!(parsed.fields.caption, "Update: the selfie");
    }

    #[test]
    fn unknown_and_repeated_keys_warn_with_lines() {
        let parsed = parse_plain_text("Outlet: A\nSection: Sport\nOutlet: B\n\nCaption.").unwrap();
        assert_eq!(parsed.fields.outlet.as_deref(), Some("A"));
        assert_eq!(
            parsed.warnings,
            vec![
                Issue::warning(
                    ProblemKind::UnknownKey,
                    "unknown key `Section`; ignored",
                    Some(2)
                ),
                Issue::warning(
                    ProblemKind::UnknownKey,
                    "repeated key `Outlet`; the first value is kept",
                    Some(3)
                ),
            ]
        );
    }

    #[test]
    fn header_without_caption_is_refused() {
        let issue = parse_plain_text("Outlet: A\n\n--- article ---\nText.").unwrap_err();
        assert_eq!(issue.kind, ProblemKind::NoCaption);
    }

    #[test]
    fn header_then_paragraphs_is_caption_then_article() {
        let parsed = parse_plain_text(
            "outlet: CNN\npublished: unknown\n\nBolt of Jamaica competes.\n\nFirst sentence.\n\nSecond one.\n",
        )
        .unwrap();
        assert_eq!(parsed.fields.caption, "Bolt of Jamaica competes.");
        assert_eq!(
            parsed.fields.article.as_deref(),
            Some("First sentence.\nSecond one.")
        );
    }

    #[test]
    fn no_caption_marker_keeps_the_article() {
        let parsed =
            parse_plain_text("outlet: Voomed\n\n[no caption]\n\nBolt posed for a picture.\n")
                .unwrap();
        assert_eq!(parsed.fields.caption, "");
        assert_eq!(
            parsed.fields.article.as_deref(),
            Some("Bolt posed for a picture.")
        );
        let issue = parse_plain_text("outlet: Voomed\n\n[No caption]\n").unwrap_err();
        assert_eq!(issue.kind, ProblemKind::NoCaption);
    }

    #[test]
    fn markers() {
        assert!(is_article_marker("--- article ---"));
        assert!(is_article_marker("  -----ARTICLE---  "));
        assert!(!is_article_marker("-- article --"));
        assert!(!is_article_marker("------"));
        assert!(!is_article_marker("--- articles ---"));
    }
}
