//! `expected.toml`: what a person says is wrong in a photo's captions, and
//! which differences are not errors, so the analysis can be measured.
//!
//! ```toml
//! [[error]]
//! file = "stern-de.txt"      # relative to the photo folder
//! kind = "name"              # name, date, time, place, event, number,
//!                            # credit, quote, medal, role, other
//! words = "Usain Bold"       # the wrong words as printed
//! also = []                  # optional: more spans of the same error
//! right = "Usain Bolt"
//! note = "misspelt name"     # optional
//!
//! [[not_error]]
//! files = ["huffpost-es.txt", "slate-fr.txt"]
//! kind = "other"
//! words = ["a ambos lados", "sur sa gauche et sa droite"]
//! note = "the glance, in the race footage"
//! ```

use serde::{Deserialize, Serialize};

use crate::analysis::Fact;
use crate::corpus::parsed::collapse_whitespace;

/// The file's name in a photo folder; the loader passes over it.
pub const EXPECTED_FILE_NAME: &str = "expected.toml";

/// One photo's labels.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    #[serde(default, rename = "error")]
    pub errors: Vec<ExpectedError>,
    #[serde(default, rename = "not_error")]
    pub not_errors: Vec<NotError>,
}

/// Something a caption gets wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedError {
    pub file: String,
    pub kind: String,
    pub words: String,
    /// Further spans of the same error, when it is printed in several
    /// places (two altered quotations in one rewrite).
    #[serde(default)]
    pub also: Vec<String>,
    #[serde(default)]
    pub right: String,
    #[serde(default)]
    pub note: String,
}

/// A difference between captions that must not be flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotError {
    pub files: Vec<String>,
    pub kind: String,
    pub words: Vec<String>,
    #[serde(default)]
    pub note: String,
}

/// Why an `expected.toml` could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExpectedFileError {
    #[error("{0}")]
    Toml(String),
    #[error("entry {index}: unknown kind `{kind}` (one of: {})", kinds())]
    Kind { index: usize, kind: String },
}

fn kinds() -> String {
    Fact::ALL.map(Fact::name).join(", ")
}

impl Expected {
    /// Parses a photo's labels; every kind must be one of [`Fact`]'s.
    pub fn parse(text: &str) -> Result<Expected, ExpectedFileError> {
        let expected: Expected = toml::from_str(text)
            .map_err(|e| ExpectedFileError::Toml(collapse_whitespace(&e.to_string())))?;
        let kinds = expected
            .errors
            .iter()
            .map(|e| &e.kind)
            .chain(expected.not_errors.iter().map(|n| &n.kind));
        for (index, kind) in kinds.enumerate() {
            if Fact::parse(kind).is_none() {
                return Err(ExpectedFileError::Kind {
                    index: index + 1,
                    kind: kind.clone(),
                });
            }
        }
        Ok(expected)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn errors_and_not_errors_parse() {
        let expected = Expected::parse(
            r#"
[[error]]
file = "stern-de.txt"
kind = "name"
words = "Usain Bold"
right = "Usain Bolt"

[[not_error]]
files = ["a.txt", "b.txt"]
kind = "event"
words = ["semi-final", "Semi-Finale"]
"#,
        )
        .unwrap();
        assert_eq!(expected.errors.len(), 1);
        assert_eq!(expected.errors[0].words, "Usain Bold");
        assert_eq!(expected.errors[0].note, "");
        assert_eq!(expected.not_errors[0].files, vec!["a.txt", "b.txt"]);
    }

    #[test]
    fn an_unknown_kind_or_key_is_refused() {
        let err =
            Expected::parse("[[error]]\nfile = \"a.txt\"\nkind = \"spelling\"\nwords = \"x\"\n")
                .unwrap_err();
        assert_eq!(
            err,
            ExpectedFileError::Kind {
                index: 1,
                kind: "spelling".into()
            }
        );
        let err = Expected::parse(
            "[[error]]\nfile = \"a.txt\"\nkind = \"name\"\nwords = \"x\"\nwho = 1\n",
        )
        .unwrap_err();
        assert!(matches!(err, ExpectedFileError::Toml(m) if m.contains("who")));
    }
}
