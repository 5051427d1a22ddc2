//! Keeping a hostile page's nesting shallow before it is parsed. The HTML
//! tree builder checks the stack of open elements at many start tags, so a
//! page of 100,000 nested `<div>`s costs time quadratic in its depth (a
//! 5 MB page would take many minutes). Like browsers (Blink stops nesting at
//! 512 levels), we flatten what is deeper than [`MAX_DEPTH`]: the tags of
//! deeper elements are dropped and their text is kept, as text of the
//! element at that level. Deeper elements whose content is never page text
//! (`script`, `style`, forms...) are dropped whole, so flattening never
//! turns hidden text into visible text.
//!
//! The depth is counted from the tags as written, without the tree builder's
//! rules; elements whose end tag is optional (`p`, `li`, `td`...) are not
//! counted, so sloppy pages of unclosed paragraphs are never touched.
//! Ordinary pages are returned as they are, without a copy.

use std::borrow::Cow;

/// How deep elements may nest before their tags are dropped.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements without content.
const VOID: [&str; 16] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input", "keygen",
    "link", "meta", "param", "source", "track",
];
/// Elements whose end tag may be left out: not counted, never dropped.
const OPTIONAL_END: [&str; 20] = [
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
];
/// Elements whose content is raw text, not tags.
const RAW_TEXT: [&str; 9] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];
/// Elements that, too deep, are dropped with their content (it is never
/// page text, see `html_page`).
const DROPPED_WHOLE: [&str; 4] = ["form", "template", "button", "select"];

/// The page with elements deeper than [`MAX_DEPTH`] flattened.
pub(crate) fn limit_nesting(page: &str) -> Cow<'_, str> {
    let bytes = page.as_bytes();
    let mut flattened = Flattened::new(page);
    let mut depth = 0usize;
    let mut at = 0usize;
    while let Some(start) = find(bytes, at, b"<") {
        let Some(tag) = Tag::at(bytes, start) else {
            at = start + 1;
            continue;
        };
        let name = tag.name.as_str();
        at = tag.end;
        if tag.markup {
            continue;
        }
        if tag.closing {
            if OPTIONAL_END.contains(&name) || VOID.contains(&name) {
                continue;
            }
            if depth > MAX_DEPTH {
                flattened.cut(start, tag.end);
            }
            depth = depth.saturating_sub(1);
            continue;
        }
        if tag.self_closing || VOID.contains(&name) || OPTIONAL_END.contains(&name) {
            continue;
        }
        let too_deep = depth >= MAX_DEPTH;
        if RAW_TEXT.contains(&name) {
            let end = end_of_raw_text(bytes, tag.end, name);
            if too_deep {
                flattened.cut(start, end);
            }
            at = end;
            continue;
        }
        if too_deep && DROPPED_WHOLE.contains(&name) {
            let end = end_of_element(bytes, tag.end, name);
            flattened.cut(start, end);
            at = end;
            continue;
        }
        depth += 1;
        if too_deep {
            flattened.cut(start, tag.end);
        }
    }
    flattened.finish()
}

/// The page, copied only once something is cut out of it.
struct Flattened<'a> {
    page: &'a str,
    out: Option<String>,
    copied: usize,
}

impl<'a> Flattened<'a> {
    fn new(page: &'a str) -> Self {
        Flattened {
            page,
            out: None,
            copied: 0,
        }
    }

    /// Leaves out `page[start..end]` (both at ASCII `<` / after `>`, so on
    /// character boundaries).
    fn cut(&mut self, start: usize, end: usize) {
        let out = self.out.get_or_insert_with(String::new);
        out.push_str(self.page.get(self.copied..start).unwrap_or_default());
        // Keep words apart, as the dropped tag did.
        out.push(' ');
        self.copied = end;
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.page),
            Some(mut out) => {
                out.push_str(self.page.get(self.copied..).unwrap_or_default());
                Cow::Owned(out)
            }
        }
    }
}

/// One tag (or comment, doctype, processing instruction) of the page.
struct Tag {
    /// Lower case; empty for markup.
    name: String,
    closing: bool,
    self_closing: bool,
    /// A comment, doctype or processing instruction.
    markup: bool,
    /// Just after its `>` (or the end of the page).
    end: usize,
}

impl Tag {
    /// The tag starting at `bytes[start] == b'<'`, if it is one.
    fn at(bytes: &[u8], start: usize) -> Option<Tag> {
        let rest = bytes.get(start..)?;
        if rest.starts_with(b"<!--") {
            let end = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            return Some(Tag::markup(end));
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            let end = find(bytes, start + 2, b">").map_or(bytes.len(), |e| e + 1);
            return Some(Tag::markup(end));
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name: String = bytes
            .get(name_start..)?
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let end = end_of_tag(bytes, name_start + name.len());
        let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
        Some(Tag {
            name,
            closing,
            self_closing,
            markup: false,
            end,
        })
    }

    fn markup(end: usize) -> Tag {
        Tag {
            name: String::new(),
            closing: false,
            self_closing: false,
            markup: true,
            end,
        }
    }
}

/// Just after the `>` that ends a tag whose attributes start at `from`,
/// skipping `>` inside quoted attribute values.
fn end_of_tag(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (offset, &byte) in bytes.get(from..).unwrap_or_default().iter().enumerate() {
        match quote {
            Some(q) if byte == q => quote = None,
            Some(_) => {}
            None if byte == b'"' || byte == b'\'' => quote = Some(byte),
            None if byte == b'>' => return from + offset + 1,
            None => {}
        }
    }
    bytes.len()
}

/// Just after the end tag of the raw-text element `name` (`script`,
/// `style`...) whose content starts at `from`, or the end of the page: its
/// content is not markup, so only `</name` ends it.
fn end_of_raw_text(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(start) = find(bytes, at, b"</") {
        let name_start = start + 2;
        let matches = bytes
            .get(name_start..name_start + name.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
            && !bytes
                .get(name_start + name.len())
                .is_some_and(|b| b.is_ascii_alphanumeric());
        if matches {
            return end_of_tag(bytes, name_start + name.len());
        }
        at = name_start;
    }
    bytes.len()
}

/// Just after the end tag of the element `name` whose content starts at
/// `from` (the end of the page when it has none); start tags of the same
/// name inside it are matched with their own end tags.
fn end_of_element(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut open = 1usize;
    let mut at = from;
    while let Some(start) = find(bytes, at, b"<") {
        let tag = Tag::at(bytes, start);
        at = tag.as_ref().map_or(start + 1, |t| t.end);
        let Some(tag) = tag.filter(|t| t.name == name) else {
            continue;
        };
        if tag.closing {
            open -= 1;
            if open == 0 {
                return tag.end;
            }
        } else if !tag.self_closing {
            open += 1;
        }
    }
    bytes.len()
}

/// The first index at or after `from` where `needle` starts.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let haystack = bytes.get(from..)?;
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|offset| from + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize, inner: &str) -> String {
        format!(
            "<html><body>{}{inner}{}</body></html>",
            "<div class=\"a>b\">".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    /// The deepest nesting of counted elements, as `limit_nesting` counts it.
    fn max_depth(page: &str) -> usize {
        let (mut depth, mut deepest) = (0usize, 0usize);
        let bytes = page.as_bytes();
        let mut at = 0;
        while let Some(start) = find(bytes, at, b"<") {
            let Some(tag) = Tag::at(bytes, start) else {
                at = start + 1;
                continue;
            };
            at = tag.end;
            if tag.name == "div" {
                if tag.closing {
                    depth -= 1;
                } else {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
        }
        deepest
    }

    #[test]
    fn ordinary_pages_are_not_copied() {
        // The script is the 512th element down: as deep as may be.
        let page = nested(
            MAX_DEPTH - 1,
            "<p>Text</p><!-- <div> --><script>if (a<b) {}</script>",
        );
        assert!(matches!(limit_nesting(&page), Cow::Borrowed(_)));
        let sloppy = format!("<body>{}</body>", "<p>one<li>two".repeat(2 * MAX_DEPTH));
        assert!(matches!(limit_nesting(&sloppy), Cow::Borrowed(_)));
    }

    #[test]
    fn deeper_tags_are_dropped_and_their_text_kept() {
        let page = nested(3 * MAX_DEPTH, "<p>Deep <b>text</b>.</p>");
        let flat = limit_nesting(&page);
        assert_eq!(max_depth(&flat), MAX_DEPTH);
        assert!(flat.contains("<p>Deep  text .</p>"));
        assert!(!flat.contains("<b>"));
    }

    #[test]
    fn deeper_hidden_elements_are_dropped_whole() {
        let page = nested(
            MAX_DEPTH + 1,
            "<script>var s = '</div>';</script><form><form>A</form>B</form>\
             <style>p {}</style><noscript>N</noscript>Seen",
        );
        let flat = limit_nesting(&page);
        for hidden in ["var s", "A", "B", "p {}", "N"] {
            assert!(!flat.contains(hidden), "{hidden}");
        }
        assert!(flat.contains("Seen"));
    }

    #[test]
    fn unfinished_tags_and_comments_end_with_the_page() {
        for page in [
            "<div",
            "<div title=\"x>",
            "<!-- open",
            "<script>x",
            "</",
            "<",
            "<1>",
        ] {
            let deep = format!("{}{page}", "<div>".repeat(MAX_DEPTH + 1));
            let _ = limit_nesting(&deep);
            let _ = limit_nesting(page);
        }
    }
}
