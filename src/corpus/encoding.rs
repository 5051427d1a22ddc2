//! Turning a file's bytes into text: UTF-8 with or without BOM, UTF-16 with a
//! BOM (or without one, recognised by its zero bytes), else Windows-1252 (or
//! the charset a web page declares); binary junk is refused as `NotText`.

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
            return match utf16_without_bom(bytes) {
                Some(decoded)
                    if !mostly_control(&decoded.text) && !decoded.text.trim().is_empty() =>
                {
                    Ok(decoded)
                }
                _ => Err(not_text()),
            };
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

/// True when bytes that are not valid UTF-8 still hold UTF-8 encoded
/// non-ASCII characters: a file pasted together from two encodings, which
/// no single encoding reads right.
pub(crate) fn mixes_utf8(bytes: &[u8]) -> bool {
    let mut has_utf8 = false;
    let mut has_invalid = false;
    for chunk in bytes.utf8_chunks() {
        has_utf8 |= !chunk.valid().is_ascii();
        has_invalid |= !chunk.invalid().is_empty();
    }
    has_utf8 && has_invalid
}

/// UTF-16 without a BOM, recognised by its zero bytes: text in a Latin
/// script has a zero high byte in most characters, so every zero sits at odd
/// offsets (little-endian) or at even ones (big-endian), and at least a
/// quarter of those offsets hold one. Anything else is not UTF-16.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even_zeros, mut odd_zeros) = (0usize, 0usize);
    for (index, byte) in bytes.iter().enumerate() {
        if *byte == 0 {
            if index.is_multiple_of(2) {
                even_zeros += 1;
            } else {
                odd_zeros += 1;
            }
        }
    }
    let units = bytes.len() / 2;
    let (encoding, name) = if even_zeros == 0 && odd_zeros * 4 >= units {
        (UTF_16LE, "UTF-16LE")
    } else if odd_zeros == 0 && even_zeros * 4 >= units {
        (UTF_16BE, "UTF-16BE")
    } else {
        return None;
    };
    Some(Decoded {
        text: encoding.decode_without_bom_handling(bytes).0.into_owned(),
        encoding: name,
    })
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
    fn utf16_without_bom_by_its_zero_bytes() {
        let le: Vec<u8> = "Été".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Été".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(&le),
            Ok(Decoded {
                text: "Été".into(),
                encoding: "UTF-16LE"
            })
        );
        assert_eq!(decode(&be).map(|d| d.encoding), Ok("UTF-16BE"));
        // Zeros on both parities, or control characters once decoded: junk.
        let kind = |bytes: &[u8]| decode(bytes).err().map(|issue| issue.kind);
        assert_eq!(kind(b"a\x00\x00b"), Some(ProblemKind::NotText));
        assert_eq!(kind(b"\x01\x00\x02\x00"), Some(ProblemKind::NotText));
        assert_eq!(kind(b" \x00\n\x00"), Some(ProblemKind::NotText));
    }

    #[test]
    fn mixed_utf8_and_windows_1252_is_noticed() {
        assert!(mixes_utf8(b"Caf\xC3\xA9 \x93quoted\x94"));
        assert!(!mixes_utf8(b"Caf\xE9 \x93quoted\x94"));
        assert!(!mixes_utf8("Café “quoted”".as_bytes()));
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
