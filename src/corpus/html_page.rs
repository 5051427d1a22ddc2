//! Saved web pages: the caption from the first `figcaption` (else the main
//! image's `alt`), the headline, outlet, address and date from the page's
//! meta tags, and the article paragraphs. Scripts, styles and forms are never
//! read as text.

use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Selector};

use super::ProblemKind;
use super::html_depth::limit_nesting;
use super::parsed::{CaptionFields, Issue, Parsed, collapse_whitespace, non_empty};

/// Elements whose content is never text of the page.
const HIDDEN: [&str; 6] = ["script", "style", "form", "noscript", "template", "button"];

/// Elements that separate words even when the page puts no space around them.
const BREAKS: [&str; 12] = [
    "br", "p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
];

/// Parses a decoded HTML page.
pub(crate) fn parse_html(text: &str) -> Result<Parsed, Issue> {
    let page = Html::parse_document(&limit_nesting(text));
    let caption = first_element(&page, "figcaption")
        .map(visible_text)
        .filter(|caption| !caption.is_empty())
        .or_else(|| main_image_alt(&page));
    let Some(caption) = caption else {
        return Err(Issue::error(
            ProblemKind::NoCaption,
            "no caption in the page (no `figcaption`, no image `alt` text)",
            None,
        ));
    };
    let fields = CaptionFields {
        outlet: meta(&page, &["meta[property='og:site_name']"]),
        url: meta(&page, &["meta[property='og:url']"]).or_else(|| {
            attribute(&page, "link[rel~='canonical']", "href").and_then(|href| non_empty(&href))
        }),
        published: meta(
            &page,
            &[
                "meta[property='article:published_time']",
                "meta[name='article:published_time']",
            ],
        ),
        headline: meta(
            &page,
            &[
                "meta[property='og:title']",
                "meta[name='twitter:title']",
                "meta[property='twitter:title']",
            ],
        )
        .or_else(|| text_of(&page, "h1"))
        .or_else(|| text_of(&page, "title")),
        caption,
        article: article_paragraphs(&page),
        ..CaptionFields::default()
    };
    Ok(Parsed {
        fields,
        warnings: Vec::new(),
        key_lines: Vec::new(),
    })
}

/// The encoding a page declares (`<meta charset=...>` or the `http-equiv`
/// form) in its first 1024 bytes, where browsers look for it.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..1024).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let (_, after) = head.split_once("charset=")?;
    let label: String = after
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

fn select_all<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    match Selector::parse(css) {
        Ok(selector) => page.select(&selector).collect(),
        Err(_) => Vec::new(),
    }
}

fn first_element<'a>(page: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    select_all(page, css)
        .into_iter()
        .find(|element| !is_hidden(*element))
}

fn attribute(page: &Html, css: &str, name: &str) -> Option<String> {
    select_all(page, css)
        .into_iter()
        .find_map(|element| element.value().attr(name).map(str::to_string))
}

/// The first non-empty `content` of the meta tags matching any of `selectors`.
fn meta(page: &Html, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|css| {
        attribute(page, css, "content")
            .map(|content| collapse_whitespace(&content))
            .filter(|content| !content.is_empty())
    })
}

fn text_of(page: &Html, css: &str) -> Option<String> {
    first_element(page, css)
        .map(visible_text)
        .filter(|text| !text.is_empty())
}

/// The `alt` of the first image inside `article`, else of the first image.
fn main_image_alt(page: &Html) -> Option<String> {
    ["article img[alt]", "img[alt]"].iter().find_map(|css| {
        select_all(page, css)
            .into_iter()
            .filter(|image| !is_hidden(*image))
            .find_map(|image| image.value().attr("alt").map(collapse_whitespace))
            .filter(|alt| !alt.is_empty())
    })
}

/// The `<p>` elements of the `article` (else of the body) that are not part of
/// a figure caption, one per line.
fn article_paragraphs(page: &Html) -> Option<String> {
    let scope = if select_all(page, "article").is_empty() {
        "body p"
    } else {
        "article p"
    };
    let paragraphs: Vec<String> = select_all(page, scope)
        .into_iter()
        .filter(|p| !is_hidden(*p) && !has_ancestor(*p, &["figcaption"]))
        .map(visible_text)
        .filter(|text| !text.is_empty())
        .collect();
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n"))
}

fn is_hidden(element: ElementRef) -> bool {
    HIDDEN.contains(&element.value().name()) || has_ancestor(element, &HIDDEN)
}

fn has_ancestor(element: ElementRef, names: &[&str]) -> bool {
    element.ancestors().any(|node| {
        node.value()
            .as_element()
            .is_some_and(|ancestor| names.contains(&ancestor.name()))
    })
}

/// The element's text without scripts, styles and forms, white space collapsed.
fn visible_text(element: ElementRef) -> String {
    let mut text = String::new();
    for node in element.descendants() {
        if let Some(inner) = node.value().as_element() {
            // `a<br>b` and `<p>a</p><p>b</p>` are two words, not one.
            if BREAKS.contains(&inner.name()) {
                text.push(' ');
            }
            continue;
        }
        let Some(piece) = node.value().as_text() else {
            continue;
        };
        let hidden = node
            .ancestors()
            .take_while(|ancestor| ancestor.id() != element.id())
            .any(|ancestor| {
                ancestor
                    .value()
                    .as_element()
                    .is_some_and(|e| HIDDEN.contains(&e.name()))
            });
        if !hidden {
            text.push_str(piece);
        }
    }
    collapse_whitespace(&text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn page_fields() {
        let parsed = parse_html(
            r#"<html><head><title>T</title>
            <meta property="og:site_name" content="The Sun">
            <meta name="twitter:title" content="Tw &amp; title">
            <link rel="canonical" href="https://example.com/a">
            <meta property="article:published_time" content="2024-07-31T10:00:00Z">
            <script>var p = "<p>no</p>";</script><style>p { }</style></head>
            <body><article><h1>H</h1><p>One <b>bold</b>  line.<br>Same paragraph.</p>
            <figure><img alt="alt text"><figcaption><p>The <span>caption</span></p><script>x()</script></figcaption></figure>
            <form><p>Subscribe</p></form><p>Two.</p></article><p>Outside.</p></body></html>"#,
        )
        .unwrap();
        let f = parsed.fields;
        assert_eq!(f.outlet.as_deref(), Some("The Sun"));
        assert_eq!(f.headline.as_deref(), Some("Tw & title"));
        assert_eq!(f.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(f.published.as_deref(), Some("2024-07-31T10:00:00Z"));
        assert_eq!(f.caption, "The caption");
        assert_eq!(
            f.article.as_deref(),
            Some("One bold line. Same paragraph.\nTwo.")
        );
    }

    #[test]
    fn alt_text_and_body_paragraphs_as_fallbacks() {
        let parsed = parse_html(
            "<html><head><title> Page  title </title></head><body><img src=a.jpg alt=' The alt '><p>P1</p><figcaption> </figcaption></body></html>",
        )
        .unwrap();
        assert_eq!(parsed.fields.caption, "The alt");
        assert_eq!(parsed.fields.headline.as_deref(), Some("Page title"));
        assert_eq!(parsed.fields.article.as_deref(), Some("P1"));
        assert_eq!(parsed.fields.outlet, None);
    }

    #[test]
    fn declared_charsets() {
        let name = |page: &[u8]| declared_charset(page).map(Encoding::name);
        assert_eq!(name(b"<meta charset=\"ISO-8859-2\">"), Some("ISO-8859-2"));
        assert_eq!(
            name(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">"),
            Some("Shift_JIS")
        );
        assert_eq!(name(b"<meta charset='nonsense'>"), None);
        assert_eq!(name(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn page_without_caption_is_refused() {
        let issue = parse_html("<html><body><p>Only text</p></body></html>").unwrap_err();
        assert_eq!(issue.kind, ProblemKind::NoCaption);
    }
}
