//! Entry points for the fuzz targets in `fuzz/`: each runs one caption-file
//! parser on raw bytes, decoded as the loader decodes them, and gives the
//! caption it found (or `None` when the file gives a problem). Not part of
//! the app's API.

use super::encoding::{decode, decode_declared};
use super::html_page::{declared_charset, parse_html};
use super::parsed::{Issue, Parsed};
use super::plain_text::parse_plain_text;
use super::structured::{parse_json, parse_toml};

fn caption(bytes: &[u8], parse: fn(&str) -> Result<Parsed, Issue>) -> Option<String> {
    let decoded = decode(bytes).ok()?;
    parse(&decoded.text)
        .ok()
        .map(|parsed| parsed.fields.caption)
}

/// A plain-text caption file (header lines, caption, article).
pub fn text_with_header(bytes: &[u8]) -> Option<String> {
    caption(bytes, parse_plain_text)
}

/// A TOML caption file.
pub fn toml_caption(bytes: &[u8]) -> Option<String> {
    caption(bytes, parse_toml)
}

/// A JSON caption file.
pub fn json_caption(bytes: &[u8]) -> Option<String> {
    caption(bytes, parse_json)
}

/// A saved web page, in its declared charset.
pub fn html_caption(bytes: &[u8]) -> Option<String> {
    let decoded = decode_declared(bytes, declared_charset(bytes)).ok()?;
    parse_html(&decoded.text)
        .ok()
        .map(|parsed| parsed.fields.caption)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_entry_gives_the_caption() {
        assert_eq!(
            text_with_header(b"Outlet: O\n\nA caption."),
            Some("A caption.".to_string())
        );
        assert_eq!(toml_caption(b"caption = \"T\""), Some("T".to_string()));
        assert_eq!(json_caption(b"{\"caption\": \"J\"}"), Some("J".to_string()));
        assert_eq!(
            html_caption(b"<figure><img src=a.jpg><figcaption>Fire in Rome</figcaption></figure>"),
            Some("Fire in Rome".to_string())
        );
        assert_eq!(text_with_header(b""), None);
    }
}
