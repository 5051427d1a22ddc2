//! The optional `photo.toml` of a photo folder: its title, its image files and
//! the reference facts the variants are checked against.

use super::parsed::{Issue, line_of_offset, non_empty, one_line};
use super::{ProblemKind, ReferenceFacts};

/// The name of the per-photo file.
pub(crate) const PHOTO_FILE_NAME: &str = "photo.toml";

const TOP_KEYS: [&str; 3] = ["title", "images", "reference"];
const REFERENCE_KEYS: [&str; 8] = [
    "event",
    "date",
    "place",
    "credit",
    "photographer",
    "device",
    "taken_by",
    "people",
];
const PERSON_KEYS: [&str; 4] = ["name", "aliases", "country", "medal"];

/// What a `photo.toml` says.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PhotoFile {
    pub title: Option<String>,
    /// Image paths as written, relative to the photo folder.
    pub images: Vec<String>,
    pub reference: Option<ReferenceFacts>,
}

/// A photo file that parsed, with what was ignored in it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ParsedPhotoFile {
    pub photo: PhotoFile,
    pub warnings: Vec<Issue>,
}

/// Parses a `photo.toml`. Unknown keys (also inside `[reference]` and its
/// people) are warnings; a syntax error, or reference facts of the wrong
/// shape, are errors.
pub(crate) fn parse_photo_file(text: &str) -> Result<ParsedPhotoFile, Issue> {
    let mut table: toml::Table = toml::from_str(text).map_err(|error| {
        let line = error.span().map(|span| line_of_offset(text, span.start));
        Issue::error(
            ProblemKind::Syntax,
            format!("invalid TOML: {}", one_line(error.message())),
            line,
        )
    })?;
    let mut warnings = Vec::new();
    for key in unknown_keys(&table, &TOP_KEYS) {
        table.remove(&key);
        warnings.push(unknown(&key, text));
    }
    let title = match table.get("title") {
        Some(toml::Value::String(title)) => non_empty(title),
        Some(_) => return Err(shape_error("`title` should be text", text, "title")),
        None => None,
    };
    let images = match table.get("images") {
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(str::to_string))
            .collect::<Option<Vec<String>>>()
            .ok_or_else(|| shape_error("`images` should be a list of paths", text, "images"))?,
        Some(_) => {
            return Err(shape_error(
                "`images` should be a list of paths",
                text,
                "images",
            ));
        }
        None => Vec::new(),
    };
    let reference = match table.remove("reference") {
        Some(toml::Value::Table(reference)) => {
            Some(read_reference(reference, text, &mut warnings)?)
        }
        Some(_) => {
            return Err(shape_error(
                "`reference` should be a table",
                text,
                "reference",
            ));
        }
        None => None,
    };
    Ok(ParsedPhotoFile {
        photo: PhotoFile {
            title,
            images,
            reference,
        },
        warnings,
    })
}

fn read_reference(
    mut reference: toml::Table,
    text: &str,
    warnings: &mut Vec<Issue>,
) -> Result<ReferenceFacts, Issue> {
    for key in unknown_keys(&reference, &REFERENCE_KEYS) {
        reference.remove(&key);
        warnings.push(unknown(&format!("reference.{key}"), text));
    }
    // A bare TOML date (`date = 2024-07-30`) reads as the text form.
    if let Some(toml::Value::Datetime(date)) = reference.get("date") {
        let date = date.to_string();
        reference.insert("date".into(), toml::Value::String(date));
    }
    if let Some(toml::Value::Array(people)) = reference.get_mut("people") {
        for person in people.iter_mut() {
            if let toml::Value::Table(person) = person {
                for key in unknown_keys(person, &PERSON_KEYS) {
                    person.remove(&key);
                    warnings.push(unknown(&format!("reference.people.{key}"), text));
                }
            }
        }
    }
    toml::Value::Table(reference)
        .try_into::<ReferenceFacts>()
        .map_err(|error| {
            Issue::error(
                ProblemKind::Syntax,
                format!("invalid [reference]: {}", one_line(error.message())),
                line_of(text, "[reference]"),
            )
        })
}

fn unknown_keys(table: &toml::Table, known: &[&str]) -> Vec<String> {
    table
        .keys()
        .filter(|key| !known.contains(&key.as_str()))
        .cloned()
        .collect()
}

fn unknown(name: &str, text: &str) -> Issue {
    let last = name.rsplit('.').next().unwrap_or(name);
    Issue::warning(
        ProblemKind::UnknownKey,
        format!("unknown key `{name}`; ignored"),
        line_of(text, last),
    )
}

fn shape_error(reason: &str, text: &str, key: &str) -> Issue {
    Issue::error(ProblemKind::Syntax, reason, line_of(text, key))
}

/// The first line that starts with `start` (after indentation).
fn line_of(text: &str, start: &str) -> Option<usize> {
    text.lines()
        .position(|line| line.trim_start().starts_with(start))
        .map(|index| index + 1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::corpus::Medal;

    #[test]
    fn title_images_and_reference() {
        let parsed = parse_photo_file(
            "title = \"T\"\nimages = [\"images/a.jpg\"]\n[reference]\ndate = 2024-07-30\nplace = \"Arena\"\n[[reference.people]]\nname = \"Lim Jong-hoon\"\naliases = [\"Lim Jonghoon\"]\nmedal = \"bronze\"\n",
        )
        .unwrap();
        assert_eq!(parsed.warnings, vec![]);
        assert_eq!(parsed.photo.title.as_deref(), Some("T"));
        assert_eq!(parsed.photo.images, vec!["images/a.jpg".to_string()]);
        let reference = parsed.photo.reference.unwrap();
        assert_eq!(
            reference.date.map(|d| d.to_string()).as_deref(),
            Some("2024-07-30")
        );
        assert_eq!(reference.people.len(), 1);
        assert_eq!(reference.people[0].medal, Some(Medal::Bronze));
    }

    #[test]
    fn unknown_keys_warn_at_every_level() {
        let parsed = parse_photo_file(
            "title = \"T\"\nlocation = \"x\"\n[reference]\nvenue = \"v\"\n[[reference.people]]\nname = \"A\"\nteam = \"B\"\n",
        )
        .unwrap();
        let reasons: Vec<(String, Option<usize>)> = parsed
            .warnings
            .into_iter()
            .map(|w| (w.reason, w.line))
            .collect();
        assert_eq!(
            reasons,
            vec![
                ("unknown key `location`; ignored".to_string(), Some(2)),
                (
                    "unknown key `reference.venue`; ignored".to_string(),
                    Some(4)
                ),
                (
                    "unknown key `reference.people.team`; ignored".to_string(),
                    Some(7)
                ),
            ]
        );
        assert_eq!(parsed.photo.reference.unwrap().people[0].name, "A");
    }

    #[test]
    fn bad_reference_is_an_error() {
        let issue = parse_photo_file(
            "[reference]\n[[reference.people]]\nname = \"A\"\nmedal = \"platinum\"\n",
        )
        .unwrap_err();
        assert_eq!(issue.kind, ProblemKind::Syntax);
        assert_eq!(issue.line, Some(1));
        assert!(
            issue.reason.starts_with("invalid [reference]: "),
            "{}",
            issue.reason
        );
    }
}
