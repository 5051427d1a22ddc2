//! Saved web pages: the caption of the page's own photo (ranked among the
//! page's candidates, `page_caption`), the headline (og:title without the
//! site's name after it), outlet, address and date from the page's meta
//! tags, and the article text of its main content (`page_article`). A page
//! that prints no caption is still a variant, of its headline and article,
//! marked "no caption". Scripts, styles and forms are never read as text.

use encoding_rs::Encoding;
use scraper::Html;

use super::ProblemKind;
use super::caption_junk::{PageNames, squeeze};
use super::html_depth::limit_nesting;
use super::page_article::article_text;
use super::page_caption::page_caption;
use super::page_dom::{attribute, is_hidden, meta, select_all, text_of, visible_text};
use super::parsed::{CaptionFields, Issue, Parsed, non_empty};

/// Parses a decoded HTML page.
pub(crate) fn parse_html(text: &str) -> Result<Parsed, Issue> {
    let limited = limit_nesting(text);
    let mut page = Html::parse_document(&limited);
    if !select_all(&page, "form h1, form article, form main").is_empty() {
        // The whole page in one form (ASP.NET's way): read it as a `div`,
        // or every word of it would be hidden.
        page = Html::parse_document(&forms_as_divs(&limited));
    }
    let outlet = meta(&page, &["meta[property='og:site_name']"]);
    let url = meta(&page, &["meta[property='og:url']"]).or_else(|| {
        attribute(&page, "link[rel~='canonical']", "href").and_then(|href| non_empty(&href))
    });
    let sites = site_names(outlet.as_deref(), url.as_deref());
    let headline = meta(
        &page,
        &[
            "meta[property='og:title']",
            "meta[name='twitter:title']",
            "meta[property='twitter:title']",
        ],
    )
    .or_else(|| text_of(&page, "h1"))
    .or_else(|| text_of(&page, "title"))
    .map(|headline| without_site_suffix(&headline, &sites));
    let names = PageNames {
        headlines: [
            headline.clone(),
            text_of(&page, "h1"),
            text_of(&page, "title"),
        ]
        .into_iter()
        .flatten()
        .map(|h| squeeze(&without_site_suffix(&h, &sites)))
        .filter(|h| h.chars().count() >= 8)
        .collect(),
        sites,
        authors: author_names(&page),
    };
    let og_image = meta(
        &page,
        &["meta[property='og:image']", "meta[name='twitter:image']"],
    );
    let chosen = page_caption(&page, &names, og_image.as_deref());
    let article = article_text(&page);
    if chosen.caption.is_empty() && headline.is_none() && article.is_none() {
        return Err(Issue::error(
            ProblemKind::NoCaption,
            "nothing to compare in the page: no caption, headline or article text",
            None,
        ));
    }
    let fields = CaptionFields {
        outlet,
        url,
        published: meta(
            &page,
            &[
                "meta[property='article:published_time']",
                "meta[name='article:published_time']",
            ],
        ),
        credit: chosen.credit,
        headline,
        caption: chosen.caption,
        article,
        caption_choice: Some(chosen.why),
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

/// The page with every `form` tag written as a `div` tag.
fn forms_as_divs(page: &str) -> String {
    let lower = page.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = String::with_capacity(page.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = lower.get(at..).and_then(|rest| rest.find("form")) {
        let start = at + found;
        at = start + 4;
        let opening = start >= 1 && bytes.get(start - 1) == Some(&b'<');
        let closing = start >= 2 && bytes.get(start - 2..start) == Some(b"</");
        let ends_name = !bytes
            .get(start + 4)
            .is_some_and(|b| b.is_ascii_alphanumeric());
        if (opening || closing) && ends_name {
            out.push_str(page.get(copied..start).unwrap_or_default());
            out.push_str("div");
            copied = start + 4;
        }
    }
    out.push_str(page.get(copied..).unwrap_or_default());
    out
}

/// The names the site goes by, squeezed: its og:site_name, and its
/// address's host with and without `www.` and the top-level domain.
fn site_names(site_name: Option<&str>, url: Option<&str>) -> Vec<String> {
    let mut names = Vec::new();
    for name in site_name.into_iter().chain(url.and_then(host)) {
        let host_like = name
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .trim_end_matches('/');
        names.push(squeeze(host_like));
        if let Some((stem, _tld)) = host_like.rsplit_once('.') {
            names.push(squeeze(stem));
        }
    }
    names.retain(|n| n.chars().count() >= 3);
    names.dedup();
    names
}

fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split('/').next().filter(|h| !h.is_empty())
}

/// "Headline | Site", "Headline - Site", "Headline – Site": the headline,
/// when what follows the last separator is one of the site's names.
pub(crate) fn without_site_suffix(headline: &str, sites: &[String]) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, suffix)) = headline.rsplit_once(separator) {
            let suffix = squeeze(suffix);
            let is_site = sites
                .iter()
                .any(|site| *site == suffix || suffix == format!("{site}com"));
            if is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    headline.to_string()
}

/// Authors' names the page gives (short texts only), squeezed.
fn author_names(page: &Html) -> Vec<String> {
    let mut names: Vec<String> = select_all(page, "meta[name='author']")
        .into_iter()
        .filter_map(|m| m.value().attr("content").map(str::to_string))
        .collect();
    for element in select_all(page, "[rel~='author'], [itemprop=author], [class*=author]")
        .into_iter()
        .filter(|e| !is_hidden(*e))
        .take(8)
    {
        names.push(visible_text(element));
    }
    names
        .iter()
        .filter(|n| (1..=4).contains(&n.split_whitespace().count()))
        .map(|n| squeeze(n))
        .collect()
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
            "<html><head><title> Page  title </title></head><body><img src=a.jpg alt=' Crowds on  the bridge '>\
             <p>The first paragraph of the page.</p><figcaption> </figcaption></body></html>",
        )
        .unwrap();
        assert_eq!(parsed.fields.caption, "Crowds on the bridge");
        assert_eq!(
            parsed.fields.caption_choice.as_deref(),
            Some("the alt text of the article's first large image")
        );
        assert_eq!(parsed.fields.headline.as_deref(), Some("Page title"));
        assert_eq!(
            parsed.fields.article.as_deref(),
            Some("The first paragraph of the page.")
        );
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
    fn page_without_caption_is_a_variant_marked_no_caption() {
        let parsed = parse_html(
            "<html><head><meta property='og:title' content='Rain in Paris | Herald'>\
             <meta property='og:site_name' content='Herald'></head><body>\
             <header><img src=logo.png alt='Herald logo'></header>\
             <article><p>Only text, long enough to be a paragraph of the article.</p></article>\
             <button>close</button></body></html>",
        )
        .unwrap();
        let f = parsed.fields;
        assert_eq!(f.caption, "");
        assert_eq!(f.headline.as_deref(), Some("Rain in Paris"));
        assert_eq!(
            f.article.as_deref(),
            Some("Only text, long enough to be a paragraph of the article.")
        );
        assert_eq!(
            f.caption_choice.as_deref(),
            Some("no caption: the page prints none for its photo")
        );
    }

    #[test]
    fn site_suffix_is_stripped_from_the_headline_only_when_it_names_the_site() {
        let sites = site_names(
            Some("TechCrunch"),
            Some("https://www.sportsnet.ca/tennis/x"),
        );
        assert_eq!(sites, vec!["techcrunch", "sportsnetca", "sportsnet"]);
        for (title, headline) in [
            ("WeWork investigated – TechCrunch", "WeWork investigated"),
            (
                "Nadal keeps Spain alive - Sportsnet.ca",
                "Nadal keeps Spain alive",
            ),
            (
                "Nadal keeps Spain alive | Sportsnet",
                "Nadal keeps Spain alive",
            ),
            (
                "Opinion | Republicans Are Following Trump",
                "Opinion | Republicans Are Following Trump",
            ),
            ("Spain - Russia", "Spain - Russia"),
        ] {
            assert_eq!(without_site_suffix(title, &sites), headline, "{title}");
        }
    }

    #[test]
    fn a_page_with_nothing_to_compare_is_refused() {
        let issue = parse_html("<html><body><img src=a.jpg alt=logo></body></html>").unwrap_err();
        assert_eq!(issue.kind, ProblemKind::NoCaption);
        assert_eq!(
            issue.reason,
            "nothing to compare in the page: no caption, headline or article text"
        );
    }

    #[test]
    fn a_page_wrapped_in_one_form_is_read() {
        let parsed = parse_html(
            "<html><body><form id=aspnetForm><article><h1>H</h1>\
             <figure><img src=a.jpg><figcaption>Firefighters at the scene on Monday.</figcaption></figure>\
             <p>The article, long enough to count as its text.</p></article></form></body></html>",
        )
        .unwrap();
        assert_eq!(
            parsed.fields.caption,
            "Firefighters at the scene on Monday."
        );
        assert_eq!(
            parsed.fields.article.as_deref(),
            Some("The article, long enough to count as its text.")
        );
        assert_eq!(
            forms_as_divs("<FORM a><p>x</p></form><formula>"),
            "<div a><p>x</p></div><formula>"
        );
    }
}
