//! Reports this app wrote, found in the folder it reads: a user often saves
//! the report next to the captions. They are not captions, so the loader
//! passes over them, with a note (not a problem) saying so.
//!
//! A report is recognised by its whole structure, never by a mark alone: a
//! caption page that happens to carry our generator tag, or a caption file
//! with a `schema_version` and our name, is still read as a caption.
//! - HTML: the document begins as our renderer begins it (doctype, the
//!   generator tag in the head), has the report's title, summary and
//!   provenance sections, and ends where the renderer ends it.
//! - JSON: an object whose `schema_version` is a number, whose `tool.name` is
//!   ours, and which has the report's `summary` object and `inputs`,
//!   `problems` and `photos` lists.

/// The tag every HTML report carries in its head.
pub const HTML_GENERATOR_META: &str = concat!(
    "<meta name=\"generator\" content=\"",
    env!("CARGO_PKG_NAME"),
    "\">"
);

/// How the renderer begins every HTML report.
const HTML_START: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n";
/// The parts of the body every HTML report has, in this order.
const HTML_PARTS: [&str; 3] = [
    "<header>\n<h1>Caption provenance report</h1>",
    "<section id=\"summary\">",
    "<section id=\"provenance\">",
];

/// Whether `bytes` are an HTML or JSON report written by this app.
pub fn is_own_report(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    if text.starts_with(HTML_START) {
        is_html_report(text)
    } else if text.trim_start().starts_with('{') {
        is_json_report(text)
    } else {
        false
    }
}

fn is_html_report(text: &str) -> bool {
    let Some(head) = text.find("</head>").and_then(|end| text.get(..end)) else {
        return false;
    };
    if !head.contains(HTML_GENERATOR_META) {
        return false;
    }
    let mut rest = text.get(head.len()..).unwrap_or("");
    for part in HTML_PARTS {
        let Some(at) = rest.find(part) else {
            return false;
        };
        rest = rest.get(at + part.len()..).unwrap_or("");
    }
    rest.trim_end().ends_with("</body>\n</html>")
}

fn is_json_report(text: &str) -> bool {
    let Ok(serde_json::Value::Object(report)) = serde_json::from_str(text) else {
        return false;
    };
    let tool_name = report
        .get("tool")
        .and_then(|tool| tool.get("name"))
        .and_then(serde_json::Value::as_str);
    report
        .get("schema_version")
        .is_some_and(serde_json::Value::is_u64)
        && tool_name == Some(env!("CARGO_PKG_NAME"))
        && report
            .get("summary")
            .is_some_and(serde_json::Value::is_object)
        && ["inputs", "problems", "photos"]
            .iter()
            .all(|key| report.get(*key).is_some_and(serde_json::Value::is_array))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_report() -> String {
        format!(
            "{HTML_START}<meta charset=\"utf-8\">\n{HTML_GENERATOR_META}\n<title>t</title>\n</head>\n<body>\n\
             <header>\n<h1>Caption provenance report</h1>\n</header>\n<section id=\"summary\">\n</section>\n\
             <section id=\"provenance\">\n</section>\n</body>\n</html>\n"
        )
    }

    const JSON_REPORT: &str = r#"{"schema_version": 1, "tool": {"name": "caption-provenance", "version": "0.1.0"},
        "summary": {}, "inputs": [], "problems": [], "photos": []}"#;

    #[test]
    fn whole_reports_are_recognised() {
        assert!(is_own_report(html_report().as_bytes()));
        assert!(is_own_report(JSON_REPORT.as_bytes()));
    }

    #[test]
    fn a_caption_with_one_of_our_marks_is_still_a_caption() {
        // The generator tag alone, in a page with a caption.
        let page = format!(
            "<!DOCTYPE html>\n<html><head>{HTML_GENERATOR_META}</head><body><figure>\
             <figcaption>Lim takes a selfie.</figcaption></figure></body></html>"
        );
        assert!(!is_own_report(page.as_bytes()));
        // Our start, cut before the end.
        let report = html_report();
        let cut = report.get(..report.len() - 20).unwrap_or_default();
        assert!(!is_own_report(cut.as_bytes()));
        // schema_version and our name, in a caption file.
        let caption = r#"{"schema_version": 1, "tool": {"name": "caption-provenance"},
            "caption": "Lim takes a selfie."}"#;
        assert!(!is_own_report(caption.as_bytes()));
        assert!(!is_own_report(b"{\"caption\": \"Lim takes a selfie.\"}"));
        assert!(!is_own_report(
            b"<html><head><meta name=\"generator\" content=\"WordPress\"></head>"
        ));
    }
}
