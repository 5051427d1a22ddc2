//! Reading a parsed page: finding elements, their visible text, and where on
//! the page they sit (the site's header, navigation, footer or a sidebar, as
//! against the article). Shared by the page's caption and article readers.

use scraper::{ElementRef, Html, Selector};

use super::parsed::collapse_whitespace;

/// Elements whose content is never text of the page.
const HIDDEN: [&str; 6] = ["script", "style", "form", "noscript", "template", "button"];

/// Elements that separate words even when the page puts no space around them.
const BREAKS: [&str; 12] = [
    "br", "p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
];

/// The site's own furniture, around every page of the site.
const FURNITURE: [&str; 4] = ["header", "nav", "footer", "aside"];

pub(crate) fn select_all<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    match Selector::parse(css) {
        Ok(selector) => page.select(&selector).collect(),
        Err(_) => Vec::new(),
    }
}

pub(crate) fn select_in<'a>(element: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    match Selector::parse(css) {
        Ok(selector) => element.select(&selector).collect(),
        Err(_) => Vec::new(),
    }
}

pub(crate) fn first_element<'a>(page: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    select_all(page, css)
        .into_iter()
        .find(|element| !is_hidden(*element))
}

/// The first value of attribute `name` on the elements matching `css`.
pub(crate) fn attribute(page: &Html, css: &str, name: &str) -> Option<String> {
    select_all(page, css)
        .into_iter()
        .find_map(|element| element.value().attr(name).map(str::to_string))
}

/// The first non-empty `content` of the meta tags matching any of `selectors`.
pub(crate) fn meta(page: &Html, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|css| {
        attribute(page, css, "content")
            .map(|content| collapse_whitespace(&content))
            .filter(|content| !content.is_empty())
    })
}

pub(crate) fn text_of(page: &Html, css: &str) -> Option<String> {
    first_element(page, css)
        .map(visible_text)
        .filter(|text| !text.is_empty())
}

/// Inside a script, style, form or button: never page text.
pub(crate) fn is_hidden(element: ElementRef) -> bool {
    HIDDEN.contains(&element.value().name()) || has_ancestor(element, &HIDDEN)
}

pub(crate) fn has_ancestor(element: ElementRef, names: &[&str]) -> bool {
    element.ancestors().any(|node| {
        node.value()
            .as_element()
            .is_some_and(|ancestor| names.contains(&ancestor.name()))
    })
}

/// In the site's navigation or a sidebar, or in a header or footer that is
/// not the article's own (many pages put the lead photo in the article's
/// `header`, inside `article` or `main`).
pub(crate) fn in_furniture(element: ElementRef) -> bool {
    let mut inside_article = false;
    let names: Vec<&str> = element
        .ancestors()
        .filter_map(|node| node.value().as_element().map(|e| e.name()))
        .collect();
    // Walk from the root down: furniture outside any article counts.
    for name in names.iter().rev() {
        if matches!(*name, "article" | "main") {
            inside_article = true;
        }
        if matches!(*name, "nav" | "aside") || (FURNITURE.contains(name) && !inside_article) {
            return true;
        }
    }
    false
}

/// The element's `class` and `id`, lower case, for matching words in them.
pub(crate) fn class_and_id(element: ElementRef) -> String {
    let value = element.value();
    format!(
        "{} {}",
        value.attr("class").unwrap_or_default(),
        value.attr("id").unwrap_or_default()
    )
    .to_lowercase()
}

/// The element's text without scripts, styles and forms, white space collapsed.
pub(crate) fn visible_text(element: ElementRef) -> String {
    visible_text_without(element, |_| false)
}

/// The element's visible text, leaving out the elements `skip` says to.
pub(crate) fn visible_text_without(
    element: ElementRef,
    skip: impl Fn(ElementRef) -> bool,
) -> String {
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
                ElementRef::wrap(ancestor)
                    .is_some_and(|e| HIDDEN.contains(&e.value().name()) || skip(e))
            });
        if !hidden {
            text.push_str(piece);
        }
    }
    collapse_whitespace(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_the_sites_not_the_articles() {
        let page = Html::parse_document(
            "<header><img id=a alt=logo></header><nav><img id=b></nav>\
             <article><header><img id=c></header><aside><img id=d></aside></article>\
             <main><footer><img id=e></footer></main><footer><img id=f></footer>",
        );
        let furniture: Vec<&str> = select_all(&page, "img")
            .into_iter()
            .filter(|img| in_furniture(*img))
            .filter_map(|img| img.value().attr("id"))
            .collect();
        assert_eq!(furniture, vec!["a", "b", "d", "f"]);
    }

    #[test]
    fn visible_text_leaves_out_what_it_is_told_to() {
        let page = Html::parse_document(
            "<figcaption>A <b>caption</b><span class=credit>Credit: AP</span><script>x</script></figcaption>",
        );
        let caption = select_all(&page, "figcaption")[0];
        assert_eq!(visible_text(caption), "A captionCredit: AP");
        assert_eq!(
            visible_text_without(caption, |e| class_and_id(e).contains("credit")),
            "A caption"
        );
    }
}
