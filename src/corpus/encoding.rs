//! Turning a file's bytes into text: UTF-8 with or without BOM, UTF-16 with a
//! BOM, else Windows-1252 (or the charset a web page declares); binary junk is
//! refused as `NotText`.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::ProblemKind;
use super::parsed::Issue;

/// Text decoded from a file, with the encoding that was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The text, without its BOM.
    pub text: String,
    /// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" or "windows-1252".
    pub encoding: &'static str,
}

/// Decodes a text file. Empty (or white-space only) files and binary junk are
/// issues: `Empty` and `NotText`.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, Issue> {
    decode_declared(bytes, None)
}

/// Decodes like [`decode`], but text that is not valid UTF-8 is read in the
/// `declared` encoding (a web page's `charset`) when it is an ASCII-compatible
/// one, instead of Windows-1252.
pub(crate) fn decode_declared(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, Issue> {
    if bytes.is_empty() {
        return Err(Issue::error(ProblemKind::Empty, "the file is empty", None));
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Decoded {
            text: String::from_utf8_lossy(rest).into_owned(),
            encoding: "UTF-8 with BOM",
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Decoded {
            text: UTF_16LE.decode_without_bom_handling(rest).0.into_owned(),
            encoding: "UTF-16LE",
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Decoded {
            text: UTF_16BE.decode_without_bom_handling(rest).0.into_owned(),
            encoding: "UTF-16BE",
        }
    } else {
        if bytes.contains(&0) {
            return Err(not_text());
        }
        let decoded = match std::str::from_utf8(bytes) {
            Ok(text) => Decoded {
                text: text.to_string(),
                encoding: "UTF-8",
            },
            Err(_) => {
                let encoding = declared
                    .filter(|encoding| encoding.is_ascii_compatible())
                    .unwrap_or(WINDOWS_1252);
                Decoded {
                    text: encoding.decode_without_bom_handling(bytes).0.into_owned(),
                    encoding: encoding.name(),
                }
            }
        };
        if mostly_control(&decoded.text) {
            return Err(not_text());
        }
        decoded
    };
    if decoded.text.trim().is_empty() {
        return Err(Issue::error(
            ProblemKind::Empty,
            "the file holds no text, only white space",
            None,
        ));
    }
    Ok(decoded)
}

fn not_text() -> Issue {
    Issue::error(
        ProblemKind::NotText,
        "the file is not text (it holds binary data)",
        None,
    )
}

/// True when at least one character in ten is a control character other than
/// line breaks, tabs and form feeds: real captions have none.
fn mostly_control(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    control * 10 >= total.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8() {
        assert_eq!(
            decode("Lim’s phone".as_bytes()),
            Ok(Decoded {
                text: "Lim’s phone".into(),
                encoding: "UTF-8"
            })
        );
    }

    #[test]
    fn utf8_with_bom_drops_the_bom() {
        let decoded = decode(b"\xEF\xBB\xBFcaf\xC3\xA9");
        assert_eq!(
            decoded,
            Ok(Decoded {
                text: "café".into(),
                encoding: "UTF-8 with BOM"
            })
        );
    }

    #[test]
    fn utf16_both_orders() {
        assert_eq!(
            decode(b"\xFF\xFEh\x00\xe9\x00"),
            Ok(Decoded {
                text: "hé".into(),
                encoding: "UTF-16LE"
            })
        );
        assert_eq!(
            decode(b"\xFE\xFF\x00h\x00\xe9"),
            Ok(Decoded {
                text: "hé".into(),
                encoding: "UTF-16BE"
            })
        );
    }

    #[test]
    fn windows_1252_fallback() {
        assert_eq!(
            decode(b"caf\xE9 \x93quoted\x94"),
            Ok(Decoded {
                text: "café “quoted”".into(),
                encoding: "windows-1252"
            })
        );
    }

    #[test]
    fn a_declared_charset_replaces_the_fallback() {
        let latin2 = Encoding::for_label(b"iso-8859-2");
        assert_eq!(
            decode_declared(b"Pozna\xF1", latin2),
            Ok(Decoded {
                text: "Poznań".into(),
                encoding: "ISO-8859-2"
            })
        );
        // Valid UTF-8 stays UTF-8 whatever the page claims.
        assert_eq!(
            decode_declared("Poznań".as_bytes(), latin2).map(|d| d.encoding),
            Ok("UTF-8")
        );
        // A page cannot claim UTF-16 without a BOM.
        assert_eq!(
            decode_declared(b"caf\xE9", Encoding::for_label(b"utf-16le")).map(|d| d.encoding),
            Ok("windows-1252")
        );
    }

    #[test]
    fn binary_and_empty_are_refused() {
        let kind = |bytes: &[u8]| decode(bytes).err().map(|issue| issue.kind);
        assert_eq!(kind(b""), Some(ProblemKind::Empty));
        assert_eq!(kind(b" \n\t\n"), Some(ProblemKind::Empty));
        assert_eq!(kind(b"\xEF\xBB\xBF"), Some(ProblemKind::Empty));
        assert_eq!(kind(b"PK\x03\x04\x00\x00"), Some(ProblemKind::NotText));
        assert_eq!(kind(b"\x01\x02\x03\x04abc"), Some(ProblemKind::NotText));
    }
}
