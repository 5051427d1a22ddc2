//! TOML and JSON caption files. Both use one set of keys: the source keys of
//! the plain-text header plus `caption` (required) and `article` (text, or a
//! list of sentences joined one per line).

use super::ProblemKind;
use super::parsed::{CaptionFields, Issue, Parsed, SourceKey, line_of_offset, non_empty, one_line};

/// A value of either format, reduced to what caption keys can hold.
enum Value {
    Text(String),
    TextList(Vec<String>),
    Other,
}

/// Parses a TOML caption file.
pub(crate) fn parse_toml(text: &str) -> Result<Parsed, Issue> {
    let table: toml::Table = toml::from_str(text).map_err(|error| {
        let line = error.span().map(|span| line_of_offset(text, span.start));
        Issue::error(
            ProblemKind::Syntax,
            format!("invalid TOML: {}", one_line(error.message())),
            line,
        )
    })?;
    let entries = table.into_iter().map(|(key, value)| {
        let value = match value {
            toml::Value::String(text) => Value::Text(text),
            toml::Value::Array(items) => text_list(items.into_iter().map(|item| match item {
                toml::Value::String(text) => Some(text),
                _ => None,
            })),
            _ => Value::Other,
        };
        (key, value)
    });
    from_entries(entries, text)
}

/// Parses a JSON caption file (an object at the top level).
pub(crate) fn parse_json(text: &str) -> Result<Parsed, Issue> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(head, _)| head);
        Issue::error(
            ProblemKind::Syntax,
            format!("invalid JSON: {}", one_line(message)),
            (error.line() > 0).then_some(error.line()),
        )
    })?;
    let serde_json::Value::Object(object) = value else {
        return Err(Issue::error(
            ProblemKind::Syntax,
            "invalid JSON: expected an object with a \"caption\" key",
            Some(1),
        ));
    };
    let entries = object.into_iter().map(|(key, value)| {
        let value = match value {
            serde_json::Value::String(text) => Value::Text(text),
            serde_json::Value::Array(items) => {
                text_list(items.into_iter().map(|item| match item {
                    serde_json::Value::String(text) => Some(text),
                    _ => None,
                }))
            }
            _ => Value::Other,
        };
        (key, value)
    });
    from_entries(entries, text)
}

fn text_list(items: impl Iterator<Item = Option<String>>) -> Value {
    items
        .collect::<Option<Vec<String>>>()
        .map_or(Value::Other, Value::TextList)
}

/// Fills the fields from the file's top-level entries; `text` is the file,
/// searched for the line of each key.
fn from_entries(
    entries: impl Iterator<Item = (String, Value)>,
    text: &str,
) -> Result<Parsed, Issue> {
    let mut fields = CaptionFields::default();
    let mut warnings = Vec::new();
    let mut caption = None;
    let mut key_lines = Vec::new();
    for (key, value) in entries {
        let line = line_of_key(text, &key);
        match (key.as_str(), value) {
            ("caption", Value::Text(text)) => caption = non_empty(&text),
            ("article", Value::Text(text)) => fields.article = non_empty(&text),
            ("article", Value::TextList(items)) => {
                let lines: Vec<&str> = items
                    .iter()
                    .map(|item| item.trim())
                    .filter(|item| !item.is_empty())
                    .collect();
                fields.article = (!lines.is_empty()).then(|| lines.join("\n"));
            }
            ("caption" | "article", _) => warnings.push(not_text_warning(&key, line)),
            (name, value) => match (SourceKey::parse(name), value) {
                (Some(source_key), Value::Text(text)) => {
                    *fields.slot(source_key) = non_empty(&text);
                    key_lines.extend(line.map(|line| (source_key, line)));
                }
                (Some(_), _) => warnings.push(not_text_warning(name, line)),
                (None, _) => warnings.push(Issue::warning(
                    ProblemKind::UnknownKey,
                    format!("unknown key `{name}`; ignored"),
                    line,
                )),
            },
        }
    }
    let Some(caption) = caption else {
        return Err(Issue::error(
            ProblemKind::NoCaption,
            "no `caption` text in the file",
            None,
        ));
    };
    fields.caption = caption;
    warnings.sort_by_key(|warning| warning.line);
    Ok(Parsed {
        fields,
        warnings,
        key_lines,
    })
}

fn not_text_warning(name: &str, line: Option<usize>) -> Issue {
    Issue::warning(
        ProblemKind::Syntax,
        format!("key `{name}` should be text; ignored"),
        line,
    )
}

/// The 1-based line of the first top-level-looking `key = ` (TOML) or
/// `"key":` (JSON), bare or quoted. The parsers keep no positions for keys,
/// so this is a search of the text: good enough to point the user at a line.
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            [key, quoted.as_str()].iter().any(|form| {
                line.strip_prefix(form)
                    .is_some_and(|rest| rest.trim_start().starts_with(['=', ':']))
            })
        })
        .map(|index| index + 1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn toml_fields_and_article_list() {
        let parsed = parse_toml(
            "outlet = \"AP\"\npublished = \"2024-07-31\"\ncaption = \" Lim takes a selfie \"\narticle = [\"One.\", \"Two.\"]\n",
        )
        .unwrap();
        assert_eq!(parsed.fields.outlet.as_deref(), Some("AP"));
        assert_eq!(parsed.fields.published.as_deref(), Some("2024-07-31"));
        assert_eq!(parsed.fields.caption, "Lim takes a selfie");
        assert_eq!(parsed.fields.article.as_deref(), Some("One.\nTwo."));
        assert_eq!(parsed.warnings, vec![]);
    }

    #[test]
    fn key_lines_are_found_in_either_format() {
        let parsed =
            parse_toml("caption = \"C\"\n\"published\"=\"2024\"\nimage=\"a.jpg\"\n").unwrap();
        assert_eq!(parsed.line_of(SourceKey::Published), Some(2));
        assert_eq!(parsed.line_of(SourceKey::Image), Some(3));
        let parsed = parse_json("{\"caption\": \"C\",\n  \"image\" : \"a.jpg\"}").unwrap();
        assert_eq!(parsed.line_of(SourceKey::Image), Some(2));
        assert_eq!(parsed.line_of(SourceKey::Outlet), None);
    }

    #[test]
    fn toml_syntax_error_has_its_line() {
        let issue = parse_toml("outlet = \"AP\"\ncaption = \"open\n").unwrap_err();
        assert_eq!(issue.kind, ProblemKind::Syntax);
        assert_eq!(issue.line, Some(2));
        assert!(
            issue.reason.starts_with("invalid TOML: "),
            "{}",
            issue.reason
        );
    }

    #[test]
    fn json_unknown_and_mistyped_keys_warn() {
        let parsed =
            parse_json("{\n  \"caption\": \"C\",\n  \"section\": \"Sport\",\n  \"credit\": 3\n}")
                .unwrap();
        assert_eq!(
            parsed.warnings,
            vec![
                Issue::warning(
                    ProblemKind::UnknownKey,
                    "unknown key `section`; ignored",
                    Some(3)
                ),
                Issue::warning(
                    ProblemKind::Syntax,
                    "key `credit` should be text; ignored",
                    Some(4)
                ),
            ]
        );
    }

    #[test]
    fn json_errors() {
        let issue = parse_json("{\n  \"caption\": \"C\",\n}").unwrap_err();
        assert_eq!((issue.kind, issue.line), (ProblemKind::Syntax, Some(3)));
        assert!(!issue.reason.contains(" at line "), "{}", issue.reason);
        let issue = parse_json("[1, 2]").unwrap_err();
        assert_eq!(issue.kind, ProblemKind::Syntax);
        let issue = parse_json("{\"outlet\": \"AP\"}").unwrap_err();
        assert_eq!(issue.kind, ProblemKind::NoCaption);
    }
}
