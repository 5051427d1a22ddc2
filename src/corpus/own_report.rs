//! Reports this app wrote, found in the folder it reads: a user often saves
//! the report next to the captions. They are not captions, so the loader
//! passes over them without a problem (an HTML report would otherwise be
//! "a page without a caption", a JSON one "a caption file without a caption").

/// The tag every HTML report carries in its head.
pub const HTML_GENERATOR_META: &str = concat!(
    "<meta name=\"generator\" content=\"",
    env!("CARGO_PKG_NAME"),
    "\">"
);

/// How far into a file the marks are looked for: both sit at the very top.
const HEAD_BYTES: usize = 2048;

/// Whether `bytes` are an HTML or JSON report written by this app.
pub fn is_own_report(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(bytes.get(..HEAD_BYTES).unwrap_or(bytes));
    let json_tool = concat!("\"name\": \"", env!("CARGO_PKG_NAME"), "\"");
    head.contains(HTML_GENERATOR_META)
        || (head.trim_start().starts_with('{')
            && head.contains("\"schema_version\"")
            && head.contains(json_tool))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_recognised_and_captions_are_not() {
        let html = format!("<!DOCTYPE html>\n<html><head>{HTML_GENERATOR_META}</head>");
        assert!(is_own_report(html.as_bytes()));
        let json =
            "{\n  \"schema_version\": 1,\n  \"tool\": {\n    \"name\": \"caption-provenance\",";
        assert!(is_own_report(json.as_bytes()));
        assert!(!is_own_report(b"{\"caption\": \"Lim takes a selfie.\"}"));
        assert!(!is_own_report(
            b"<html><head><meta name=\"generator\" content=\"WordPress\"></head>"
        ));
    }
}
