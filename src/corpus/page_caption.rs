//! The caption of a saved page's own photo. Pages hold many texts that look
//! like captions (logo `alt`s, teaser images, "close" buttons); the one
//! wanted is printed with the lead image. Candidates are tried in rank
//! order, each passed over when [`rejection`] finds it is no caption:
//!
//! 1. the caption block (`figcaption`, a `caption` class, `itemprop=caption`)
//!    beside an image that is the page's `og:image`;
//! 2. the JSON-LD `ImageObject` caption (or description) of the article's
//!    image (not its author's or publisher's logo);
//! 3. an `itemprop=caption` outside the site's header, navigation and footer;
//! 4. the `og:image:alt`;
//! 5. the first caption block beside an image in the article;
//! 6. the `alt` of the og:image's `img`, then of the article's first large
//!    image that is not a link to another page.
//!
//! A caption block holding only a credit gives the credit. What was chosen,
//! and why (or why nothing was), is kept for the report and the window.

use scraper::{ElementRef, Html};

use super::caption_junk::{Found, PageNames, is_credit_only, rejection};
use super::page_dom::{
    class_and_id, has_ancestor, in_furniture, is_hidden, select_all, select_in, visible_text,
    visible_text_without,
};
use super::page_json_ld::json_ld_captions;
use super::parsed::collapse_whitespace;

/// What a page says about its photo.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageCaption {
    /// Empty when the page prints no caption for its photo.
    pub caption: String,
    /// A credit printed with the caption, when the page marks one.
    pub credit: Option<String>,
    /// Where the caption came from and why it was chosen, or why none was.
    pub why: String,
}

/// Caption blocks: where pages print the words under a photo.
const CAPTION_BLOCKS: &str =
    "figcaption, [class*=caption], [class*=Caption], [itemprop=caption], [class*=cutline]";

/// The longest text read as a caption, in characters.
const MAX_CAPTION_LENGTH: usize = 800;

/// How many rejected texts the why-text names.
const NAMED_REJECTIONS: usize = 3;

/// Chooses the caption of the page's photo.
pub(crate) fn page_caption(page: &Html, names: &PageNames, og_image: Option<&str>) -> PageCaption {
    let mut chooser = Chooser::new(names);
    let lead_keys = og_image.map(image_keys).unwrap_or_default();
    let images: Vec<ElementRef> = select_all(page, "img")
        .into_iter()
        .filter(|img| !is_hidden(*img) && !in_furniture(*img))
        .collect();
    let lead_images: Vec<ElementRef> = images
        .iter()
        .copied()
        .filter(|img| !lead_keys.is_empty() && shows(*img, &lead_keys) && !links_elsewhere(*img))
        .collect();
    for img in &lead_images {
        if let Some(block) = caption_block_near(*img) {
            chooser.offer_block(
                block,
                "the caption printed with the lead image (the page's og:image)",
            );
        }
    }
    for caption in json_ld_captions(page) {
        chooser.offer(
            &caption,
            "the caption of the article's image in the page's JSON-LD data",
        );
    }
    for element in select_all(page, "[itemprop=caption]") {
        if !is_hidden(element) && !in_furniture(element) {
            let text = element
                .value()
                .attr("content")
                .map(collapse_whitespace)
                .unwrap_or_else(|| visible_text(element));
            chooser.offer(&text, "the page's itemprop=caption");
        }
    }
    if let Some(alt) = super::page_dom::meta(page, &["meta[property='og:image:alt']"]) {
        chooser.offer(&alt, "the og:image:alt of the page's lead image");
    }
    let blocks = select_all(page, CAPTION_BLOCKS).into_iter().filter(|b| {
        !is_hidden(*b) && !in_furniture(*b) && is_caption_sized(*b) && beside_an_image(*b)
    });
    for block in blocks.take(3) {
        chooser.offer_block(block, "the first caption beside an image in the article");
    }
    for img in &lead_images {
        if let Some(alt) = img.value().attr("alt") {
            chooser.offer(alt, "the alt text of the lead image (the page's og:image)");
        }
    }
    let in_article = images
        .iter()
        .any(|img| has_ancestor(*img, &["article", "main"]));
    let first = images.iter().find(|img| {
        (!in_article || has_ancestor(**img, &["article", "main"]))
            && !is_small(**img)
            && !links_elsewhere(**img)
            && img
                .value()
                .attr("alt")
                .is_some_and(|alt| alt.split_whitespace().count() >= 3)
    });
    if let Some(alt) = first.and_then(|img| img.value().attr("alt")) {
        chooser.offer(alt, "the alt text of the article's first large image");
    }
    chooser.finish()
}

/// Tries candidates in rank order; the first that is a caption wins.
struct Chooser<'n> {
    names: &'n PageNames,
    chosen: Option<(String, &'static str)>,
    credit: Option<String>,
    rejected: Vec<String>,
    /// Every text passed over, once each.
    rejected_texts: Vec<String>,
}

impl<'n> Chooser<'n> {
    fn new(names: &'n PageNames) -> Self {
        Chooser {
            names,
            chosen: None,
            credit: None,
            rejected: Vec::new(),
            rejected_texts: Vec::new(),
        }
    }

    /// A caption block: its credit (a part marked as one) apart from its text.
    fn offer_block(&mut self, block: ElementRef, source: &'static str) {
        if self.chosen.is_some() {
            return;
        }
        let is_credit = |e: ElementRef| {
            let marks = class_and_id(e);
            marks.contains("credit")
                || marks.contains("copyright")
                || e.value()
                    .attr("itemprop")
                    .is_some_and(|p| p.contains("copyright"))
        };
        let credit = select_in(block, "*")
            .into_iter()
            .find(|e| is_credit(*e))
            .map(visible_text)
            .filter(|c| !c.is_empty());
        let text = visible_text_without(block, is_credit);
        if self.credit.is_none() {
            self.credit = credit;
        }
        if is_credit_only(&text) {
            if self.credit.is_none() {
                self.credit = Some(text);
            }
            return;
        }
        self.offer_found(&text, source, Found::CaptionBlock);
    }

    fn offer(&mut self, text: &str, source: &'static str) {
        self.offer_found(text, source, Found::Label);
    }

    fn offer_found(&mut self, text: &str, source: &'static str, found: Found) {
        if self.chosen.is_some() {
            return;
        }
        let text = collapse_whitespace(text);
        if text.is_empty() {
            return;
        }
        match rejection(&text, self.names, found) {
            None => self.chosen = Some((text, source)),
            Some(reason) => {
                if self.rejected_texts.contains(&text) {
                    return;
                }
                self.rejected_texts.push(text.clone());
                let named = format!("“{}”: {reason}", shorten(&text));
                if self.rejected.len() < NAMED_REJECTIONS && !self.rejected.contains(&named) {
                    self.rejected.push(named);
                }
            }
        }
    }

    fn finish(self) -> PageCaption {
        let passed_over = match self.rejected_texts.len() {
            0 => String::new(),
            n => format!(
                "; passed over {n} other text{} ({})",
                if n == 1 { "" } else { "s" },
                self.rejected.join("; ")
            ),
        };
        match self.chosen {
            Some((caption, source)) => PageCaption {
                caption,
                credit: self.credit,
                why: format!("{source}{passed_over}"),
            },
            None => PageCaption {
                caption: String::new(),
                credit: self.credit,
                why: format!(
                    "no caption: the page prints none for its photo{}",
                    passed_over.replacen("; passed over", ", passed over", 1)
                ),
            },
        }
    }
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or(text)),
        None => text.to_string(),
    }
}

/// The distinctive parts of an image address: the last path segments' long
/// tokens, which stay the same across the sizes a site serves
/// (`qFd74BjTwgJcQhofvQgAn-1200-80.png` and `…-320-80.png`).
fn image_keys(address: &str) -> Vec<String> {
    let without_query = address.split(['?', '#']).next().unwrap_or(address);
    let mut segments: Vec<&str> = without_query.rsplit('/').take(2).collect();
    // Some resizers carry the original address in the query.
    if let Some((_, query)) = address.split_once('?') {
        segments.push(query.rsplit(['/', '%']).next().unwrap_or(query));
    }
    let mut keys: Vec<String> = segments
        .iter()
        .flat_map(|segment| segment.split(|c: char| !c.is_alphanumeric()))
        // Words ("GettyImages", "thumbnail") name many images; ids do not.
        .filter(|token| {
            token.len() >= 16 || (token.len() >= 6 && token.chars().any(|c| c.is_ascii_digit()))
        })
        .filter(|token| !token.chars().all(|c| c.is_ascii_digit()) || token.len() >= 8)
        .map(str::to_lowercase)
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Whether the `img` shows the image the keys come from.
fn shows(img: ElementRef, keys: &[String]) -> bool {
    let value = img.value();
    [
        "src",
        "data-src",
        "srcset",
        "data-srcset",
        "data-lazy-src",
        "data-original",
    ]
    .iter()
    .filter_map(|name| value.attr(name))
    .any(|address| {
        let address = address.to_lowercase();
        keys.iter().any(|key| address.contains(key.as_str()))
    })
}

/// The caption block printed with an image: in its figure, or beside it
/// within a few levels while those hold no other images.
fn caption_block_near(img: ElementRef) -> Option<ElementRef> {
    for ancestor in img.ancestors().filter_map(ElementRef::wrap).take(4) {
        let is_figure = ancestor.value().name() == "figure";
        if !is_figure && select_in(ancestor, "img").len() > 2 {
            return None;
        }
        let block = select_in(ancestor, CAPTION_BLOCKS)
            .into_iter()
            .find(|b| !b.descendants().any(|n| n.id() == img.id()) && is_caption_sized(*b));
        if block.is_some() || is_figure {
            return block;
        }
    }
    None
}

/// A block that could be a caption: some text, no headings, not a whole
/// article (a page header whose class says `caption` is none).
fn is_caption_sized(block: ElementRef) -> bool {
    // Counted without building the text: a hostile page may nest thousands
    // of caption-classed elements, each holding the rest of the page.
    let mut length = 0usize;
    for piece in block.text() {
        length += piece.trim().len();
        if length > MAX_CAPTION_LENGTH {
            return false;
        }
    }
    length > 0 && select_in(block, "h1, h2, h3").is_empty()
}

/// A caption block with an image within a few levels around it, or whose
/// classes say it belongs to one (images a script would load are no `img`
/// in a saved page).
fn beside_an_image(block: ElementRef) -> bool {
    if block.value().name() == "figcaption" {
        // A figure may hold a video, or an image a script loads.
        return true;
    }
    let levels = || {
        std::iter::once(block)
            .chain(block.ancestors().filter_map(ElementRef::wrap))
            .take(3)
    };
    levels().any(|level| {
        let marks = class_and_id(level);
        ["image", "photo", "figure", "media", "picture"]
            .iter()
            .any(|word| marks.contains(word))
    }) || levels()
        .skip(1)
        .any(|ancestor| !select_in(ancestor, "img").is_empty())
}

/// An image whose width or height attribute says it is small (an icon, a
/// tracking pixel, a thumbnail).
fn is_small(img: ElementRef) -> bool {
    ["width", "height"].iter().any(|name| {
        img.value()
            .attr(name)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|pixels| pixels < 150)
    })
}

/// An image inside a link to another page: a teaser for another article.
fn links_elsewhere(img: ElementRef) -> bool {
    img.ancestors().filter_map(ElementRef::wrap).any(|a| {
        a.value().name() == "a"
            && a.value().attr("href").is_some_and(|href| {
                let lower = href.to_lowercase();
                ![".jpg", ".jpeg", ".png", ".webp", ".gif"]
                    .iter()
                    .any(|ext| lower.split('?').next().unwrap_or(&lower).ends_with(ext))
            })
    })
}
