//! Texts on a page that look like captions and are not: logos, site names,
//! UI labels ("close", "Skip to main content"), ads, avatars, image file
//! names, the headline again. General rules and a small table of words,
//! so that a page's real caption is chosen over the first `alt` it has.

use super::boilerplate::is_boilerplate;

/// Words that, in a short text, make it a label of the page's furniture
/// rather than words about a photo. Matched as whole words, any case.
const UI_WORDS: [&str; 40] = [
    "logo",
    "logos",
    "icon",
    "icons",
    "avatar",
    "mugshot",
    "headshot",
    "spinner",
    "placeholder",
    "captcha",
    "analytics",
    "pixel",
    "advertisement",
    "advertising",
    "sponsored",
    "adchoices",
    "subscribe",
    "newsletter",
    "sign",
    "login",
    "close",
    "menu",
    "search",
    "share",
    "skip",
    "loading",
    "wait",
    "comments",
    "live",
    "profile",
    "print",
    "facebook",
    "twitter",
    "instagram",
    "youtube",
    "whatsapp",
    "pinterest",
    "linkedin",
    "reklama",
    "реклама",
];

/// Words of placeholder alts ("main article image", "featured photo"): a
/// text made only of these says nothing about the photo.
const PLACEHOLDER_WORDS: [&str; 14] = [
    "main",
    "article",
    "image",
    "images",
    "photo",
    "picture",
    "featured",
    "thumbnail",
    "hero",
    "lead",
    "header",
    "default",
    "the",
    "a",
];

/// How many words a text may have and still be read as a UI label when it
/// holds one of [`UI_WORDS`]: real captions with "logo" in them are longer.
const SHORT: usize = 5;

/// What the page is known to be called and to say, to tell its name and
/// headline from a caption.
#[derive(Debug, Default)]
pub(crate) struct PageNames {
    /// Site names (og:site_name, the address's host without `www.`), squeezed.
    pub sites: Vec<String>,
    /// Headlines (og:title, h1, title), squeezed.
    pub headlines: Vec<String>,
    /// Authors' names, squeezed.
    pub authors: Vec<String>,
}

/// Lower-case letters and digits only.
pub(crate) fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where a candidate was found: a caption block (`figcaption`, a caption
/// class) is meant to hold a caption, so one capitalised word there ("Poznań")
/// is one; an `alt` or meta text of one word is a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    CaptionBlock,
    Label,
}

/// Why `text` is no caption, if it is none.
pub(crate) fn rejection(text: &str, names: &PageNames, found: Found) -> Option<&'static str> {
    let text = text.trim();
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || is_boilerplate(text) {
        return Some("no words about a photo");
    }
    if is_file_name_or_address(text) {
        return Some("a file name or address");
    }
    if words
        .iter()
        .all(|w| PLACEHOLDER_WORDS.contains(&w.as_str()))
    {
        return Some("a placeholder");
    }
    if words.len() <= SHORT && words.iter().any(|w| UI_WORDS.contains(&w.as_str())) {
        return Some("a logo, icon or UI label");
    }
    let squeezed = squeeze(text);
    if names
        .sites
        .iter()
        .any(|site| !site.is_empty() && squeezed.starts_with(site.as_str()) && words.len() <= 8)
    {
        return Some("the site's name");
    }
    if names.authors.contains(&squeezed) {
        return Some("an author's name");
    }
    if names.headlines.iter().any(|headline| {
        !headline.is_empty()
            && (squeezed.starts_with(headline.as_str()) || headline.starts_with(squeezed.as_str()))
            && squeezed.len().abs_diff(headline.len()) <= 12
    }) {
        return Some("the headline again");
    }
    let capitalised = text.chars().next().is_some_and(char::is_uppercase);
    if words.len() < 2 && !(found == Found::CaptionBlock && capitalised) {
        return Some("a single word");
    }
    None
}

/// `photo.jpg`, `logo-full-black.svg`, `[https://…/x_167x94.jpg]`, a URL.
fn is_file_name_or_address(text: &str) -> bool {
    let bare = text.trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | '"' | '\''));
    if bare.starts_with("http://") || bare.starts_with("https://") || bare.starts_with("//") {
        return true;
    }
    if bare.contains(' ') {
        return false;
    }
    bare.rsplit_once('.').is_some_and(|(_, extension)| {
        matches!(
            extension.to_ascii_lowercase().as_str(),
            "jpg" | "jpeg" | "png" | "gif" | "svg" | "webp" | "tif" | "tiff" | "bmp" | "avif"
        )
    })
}

/// Whether a caption block holds only a credit ("Photograph: Tim
/// Robberts/Getty Images", "Shutterstock", "Credit: AP"), not a caption.
pub(crate) fn is_credit_only(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let credit_start = [
        "photo:",
        "photograph:",
        "photo by",
        "photo credit",
        "image:",
        "image credit",
        "image by",
        "credit:",
        "credit",
        "©",
        "(c)",
        "source:",
    ];
    if credit_start.iter().any(|start| lower.starts_with(start)) {
        return true;
    }
    let words = lower.split_whitespace().count();
    if words <= 6 && lower.contains("associated press") {
        return true;
    }
    let agencies = [
        "getty",
        "shutterstock",
        "reuters",
        "afp",
        "ap",
        "epa",
        "alamy",
        "istock",
    ];
    words <= 4
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| agencies.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> PageNames {
        PageNames {
            sites: vec![squeeze("TheHill"), squeeze("thehill")],
            headlines: vec![squeeze("Governor doubles down on meth campaign")],
            authors: vec![squeeze("Eric Song")],
        }
    }

    #[test]
    fn furniture_is_rejected_with_a_reason() {
        let n = names();
        for (text, why) in [
            ("CNBC logo", "a logo, icon or UI label"),
            ("close", "a logo, icon or UI label"),
            ("Skip to main content", "a logo, icon or UI label"),
            ("Share on Facebook", "a logo, icon or UI label"),
            ("please wait", "a logo, icon or UI label"),
            ("Live Watch CBSN Live", "a logo, icon or UI label"),
            ("logo-full-black.svg", "a file name or address"),
            (
                "[https://m.wsj.net/video/clipping3v1_167x94.jpg]",
                "a file name or address",
            ),
            ("TheHill.com", "the site's name"),
            ("Eric Song", "an author's name"),
            (
                "Governor doubles down on meth campaign image",
                "the headline again",
            ),
            ("Disney", "a single word"),
            ("main article image", "a placeholder"),
            ("IMG_1234", "no words about a photo"),
        ] {
            assert_eq!(rejection(text, &n, Found::Label), Some(why), "{text}");
        }
    }

    #[test]
    fn captions_pass() {
        let n = names();
        for text in [
            "Kyle Busch",
            "The Alibaba logo is seen at the company's headquarters in Hangzhou, China, on May 10, 2019.",
            "A crumpled dollar bill",
            "Kristi Noem, governor of South Dakota, pictured at the White House.",
        ] {
            assert_eq!(rejection(text, &n, Found::Label), None, "{text}");
        }
    }

    #[test]
    fn one_capitalised_word_is_a_caption_only_in_a_caption_block() {
        let n = names();
        assert_eq!(rejection("Poznań", &n, Found::CaptionBlock), None);
        assert_eq!(rejection("Poznań", &n, Found::Label), Some("a single word"));
        assert_eq!(
            rejection("less", &n, Found::CaptionBlock),
            Some("a single word")
        );
    }

    #[test]
    fn credits_alone() {
        for text in [
            "Photograph: Tim Robberts/Getty Images",
            "Shutterstock",
            "Credit: AP",
            "(AP Photo/Evan Vucci)",
            "Patrick Semansky, ASSOCIATED PRESS",
        ] {
            assert!(is_credit_only(text), "{text}");
        }
        assert!(!is_credit_only(
            "Trump asked voters in Louisiana for a big win. He didn’t get it."
        ));
    }
}
