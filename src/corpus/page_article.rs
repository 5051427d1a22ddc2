//! The article text of a saved page: its main content, not the menus, teasers,
//! comment threads, share bars and tour-date lists around it. A
//! readability-style reading: every paragraph scores its parent (and half
//! its grandparent) by its length and commas; the best-scoring container,
//! with its siblings that score near it, is the article; its paragraphs,
//! long list items and headings are the text, less those mostly made of
//! links.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::page_dom::{class_and_id, has_ancestor, select_all, visible_text};

/// Words in a class or id that mark what is not the article.
const NOT_ARTICLE: [&str; 24] = [
    "comment",
    "related",
    "share",
    "social",
    "sidebar",
    "promo",
    "newsletter",
    "subscribe",
    "advert",
    "breadcrumb",
    "widget",
    "caption",
    "credit",
    "byline",
    "cookie",
    "footer",
    "menu",
    "recommend",
    "popular",
    "trending",
    "signup",
    "modal",
    "outbrain",
    "taboola",
];
/// Words in a class or id that mark the article, overriding [`NOT_ARTICLE`].
const ARTICLE: [&str; 7] = [
    "article", "body", "content", "entry", "main", "post", "story",
];

/// Paragraph-like elements, and the text blocks read from the article.
const BLOCKS: &str = "p, div, pre, blockquote, li, h2, h3, h4, td";

/// Shortest paragraph that votes for its container, in characters.
const VOTING_LENGTH: usize = 25;
/// Shortest list item kept: shorter ones are menus, tags and date lists.
const LIST_ITEM_LENGTH: usize = 60;

/// The page's article text, one block per line.
pub(crate) fn article_text(page: &Html) -> Option<String> {
    let mut exclusions = Exclusions::default();
    let blocks: Vec<ElementRef> = select_all(page, BLOCKS)
        .into_iter()
        .filter(|block| is_text_block(*block) && !exclusions.excluded(*block))
        .collect();
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for block in &blocks {
        if !matches!(block.value().name(), "p" | "div" | "pre" | "td") {
            continue;
        }
        let text = own_text(*block);
        let length = text.chars().count();
        if length < VOTING_LENGTH {
            continue;
        }
        let score =
            1.0 + text.matches([',', '，', '、']).count() as f64 + (length as f64 / 100.0).min(3.0);
        let mut ancestors = block.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = ancestors.next() {
            *scores.entry(parent.id()).or_default() += score;
        }
        if let Some(grandparent) = ancestors.next() {
            *scores.entry(grandparent.id()).or_default() += score / 2.0;
        }
    }
    let Some((&top, &top_score)) = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
    else {
        // No paragraph long enough to vote: every paragraph is the article.
        let lines: Vec<String> = blocks
            .iter()
            .filter(|block| block.value().name() == "p")
            .filter_map(|block| kept_text(*block))
            .collect();
        return (!lines.is_empty()).then(|| lines.join("\n"));
    };
    let top_element = page.tree.get(top).and_then(ElementRef::wrap)?;
    let mut containers = vec![top];
    if let Some(parent) = top_element.parent() {
        containers.extend(
            parent
                .children()
                .filter(|sibling| sibling.id() != top)
                .filter(|sibling| {
                    scores
                        .get(&sibling.id())
                        .is_some_and(|s| *s >= top_score * 0.25)
                })
                .map(|sibling| sibling.id()),
        );
    }
    let lines: Vec<String> = blocks
        .iter()
        .filter(|block| {
            block
                .ancestors()
                .any(|ancestor| containers.contains(&ancestor.id()))
        })
        .filter_map(|block| kept_text(*block))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// A block's text, when it is article text.
fn kept_text(block: ElementRef) -> Option<String> {
    let text = own_text(block);
    if text.is_empty() || link_share(block, &text) > 0.5 {
        return None;
    }
    match block.value().name() {
        "li" if text.chars().count() < LIST_ITEM_LENGTH => None,
        "h2" | "h3" | "h4" if text.split_whitespace().count() < 2 => None,
        _ => Some(text),
    }
}

/// A `div` or `td` counts only for the text directly in it (a page that
/// writes paragraphs as `div`s); other blocks for all their text, except
/// blocks inside them (read on their own).
fn is_text_block(block: ElementRef) -> bool {
    match block.value().name() {
        "div" | "td" => block.children().any(|child| {
            child
                .value()
                .as_text()
                .is_some_and(|text| text.trim().chars().count() >= VOTING_LENGTH)
        }),
        // A paragraph inside a list item or quote is read with it.
        _ => !has_ancestor(block, &["li", "blockquote", "pre"]) || block.value().name() == "li",
    }
}

/// The block's text without the text of nested blocks read on their own.
fn own_text(block: ElementRef) -> String {
    match block.value().name() {
        "div" | "td" => {
            let mut text = String::new();
            for child in block.children() {
                if let Some(piece) = child.value().as_text() {
                    text.push_str(piece);
                } else if let Some(inline) = ElementRef::wrap(child).filter(|inline| {
                    matches!(
                        inline.value().name(),
                        "a" | "b" | "i" | "em" | "strong" | "span" | "br"
                    )
                }) {
                    text.push(' ');
                    text.push_str(&visible_text(inline));
                    text.push(' ');
                }
            }
            super::parsed::collapse_whitespace(&text)
        }
        _ => visible_text(block),
    }
}

/// Which elements are out of the article: furniture, figures, scripts and
/// forms, and what the page's classes say is not article. Remembered per
/// element, so a deep page costs one walk up per element, not per block.
#[derive(Default)]
struct Exclusions {
    known: HashMap<NodeId, bool>,
}

impl Exclusions {
    fn excluded(&mut self, element: ElementRef) -> bool {
        // The element and its ancestors up to the first already known.
        let mut chain = Vec::new();
        let mut inherited = false;
        let mut at = Some(element);
        while let Some(current) = at {
            if let Some(&known) = self.known.get(&current.id()) {
                inherited = known;
                break;
            }
            chain.push(current);
            at = current.parent().and_then(ElementRef::wrap);
        }
        for current in chain.into_iter().rev() {
            inherited = inherited || out_of_article(current);
            self.known.insert(current.id(), inherited);
        }
        inherited
    }
}

/// Whether this element itself (not counting its ancestors) is not article.
fn out_of_article(element: ElementRef) -> bool {
    let name = element.value().name();
    if matches!(
        name,
        "nav"
            | "aside"
            | "header"
            | "footer"
            | "figure"
            | "figcaption"
            | "script"
            | "style"
            | "form"
            | "noscript"
            | "template"
            | "button"
            | "select"
            | "textarea"
    ) {
        return true;
    }
    if matches!(name, "body" | "html") {
        return false;
    }
    let marks = class_and_id(element);
    NOT_ARTICLE.iter().any(|word| marks.contains(word))
        && !ARTICLE.iter().any(|word| marks.contains(word))
}

/// How much of the block's text is link text.
fn link_share(block: ElementRef, text: &str) -> f64 {
    let total = text.chars().count();
    if total == 0 {
        return 0.0;
    }
    let linked: usize = super::page_dom::select_in(block, "a")
        .into_iter()
        .map(|a| visible_text(a).chars().count())
        .sum();
    linked as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str) -> Option<String> {
        article_text(&Html::parse_document(body))
    }

    #[test]
    fn the_main_content_without_menus_teasers_and_tour_dates() {
        let text = article(
            "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>\
             <div class=sidebar><p>Most read: a story about something else entirely, with commas, many.</p></div>\
             <div class=story-body>\
               <p>The band played its first show in ten years on Friday, in Cleveland, to a full house.</p>\
               <h2>A long wait</h2>\
               <p>Fans had waited since 2009, when the last tour ended, for the reunion.</p>\
               <ul><li>May 3 Cleveland</li><li>May 5 Detroit</li><li>May 9 Chicago</li></ul>\
               <p class=share><a href=/s>Share this story on social media, by email, anywhere.</a></p>\
             </div>\
             <footer><p>Copyright 2024 The Herald, all rights reserved, everywhere.</p></footer>",
        );
        assert_eq!(
            text.as_deref(),
            Some(
                "The band played its first show in ten years on Friday, in Cleveland, to a full house.\n\
                 A long wait\n\
                 Fans had waited since 2009, when the last tour ended, for the reunion."
            )
        );
    }

    #[test]
    fn paragraphs_written_as_divs_and_sibling_parts_of_the_article() {
        let text = article(
            "<div id=wrap><div class=part>Police closed the road at noon, after the crash, for hours.\
             <br>Two people were hurt.</div><div class=ad>Advertisement</div>\
             <div class=part><p>The road reopened at six, the police said, with one lane shut.</p></div></div>",
        );
        assert_eq!(
            text.as_deref(),
            Some(
                "Police closed the road at noon, after the crash, for hours. Two people were hurt.\n\
                 The road reopened at six, the police said, with one lane shut."
            )
        );
    }

    #[test]
    fn short_pages_keep_every_paragraph() {
        assert_eq!(
            article("<p>One.</p><p>Two.</p>").as_deref(),
            Some("One.\nTwo.")
        );
        assert_eq!(article("<div><img src=a.jpg></div>"), None);
    }
}
