//! The caption chosen from pages that hold several candidates: each source
//! ranked and chosen, logos and UI labels passed over, and the why-text.

use scraper::Html;

use super::caption_junk::{PageNames, squeeze};
use super::page_caption::{PageCaption, page_caption};

fn chosen(body: &str, og_image: Option<&str>) -> PageCaption {
    let names = PageNames {
        sites: vec![squeeze("Herald")],
        headlines: vec![squeeze("Storm hits the coast")],
        authors: vec![squeeze("Ann Writer")],
    };
    page_caption(&Html::parse_document(body), &names, og_image)
}

#[test]
fn figcaption_of_the_lead_image_beats_an_earlier_logo_alt() {
    let page = chosen(
        "<header><img src=/logo.png alt='Herald logo'></header>\
         <article><img src=/teaser-1234567.jpg alt='Another story about something else'>\
         <figure><img src='/photos/2024/storm-surge-87654321_640.jpg'>\
         <figcaption>Waves break over the harbour wall in Dover on Monday.\
         <span class=credit>Photo: Jo Lens/AP</span></figcaption></figure></article>",
        Some("https://cdn.herald.example/photos/2024/storm-surge-87654321_1200.jpg?w=1200"),
    );
    assert_eq!(
        page,
        PageCaption {
            caption: "Waves break over the harbour wall in Dover on Monday.".into(),
            credit: Some("Photo: Jo Lens/AP".into()),
            why: "the caption printed with the lead image (the page's og:image)".into(),
        }
    );
}

#[test]
fn the_og_images_alt_when_its_caption_is_only_a_credit() {
    let page = chosen(
        "<header><img src=/logo.svg alt=WIRED></header><article><header>\
         <figure><img src='/photos/5dcc716bb8fdfa/crumpled-dollar-130901213.jpg' alt='A crumpled dollar bill'>\
         <figcaption>Photograph: Tim Robberts/Getty Images</figcaption></figure></header></article>",
        Some("https://media.example/photos/5dcc716bb8fdfa/crumpled-dollar-130901213.jpg"),
    );
    assert_eq!(page.caption, "A crumpled dollar bill");
    assert_eq!(
        page.credit.as_deref(),
        Some("Photograph: Tim Robberts/Getty Images")
    );
    assert_eq!(
        page.why,
        "the alt text of the lead image (the page's og:image)"
    );
}

#[test]
fn itemprop_caption() {
    let page = chosen(
        "<nav><img src=/i.png alt='menu icon'></nav><div itemscope itemtype=ImageObject>\
         <span itemprop=caption>Rescuers search the rubble in Antakya.</span></div>",
        None,
    );
    assert_eq!(page.caption, "Rescuers search the rubble in Antakya.");
    assert_eq!(page.why, "the page's itemprop=caption");
}

#[test]
fn json_ld_image_object_caption_not_the_authors() {
    let page = chosen(
        r#"<script type="application/ld+json">{"@type": "NewsArticle",
           "author": {"@type": "Person", "image": {"@type": "ImageObject", "caption": "Ann Writer"}},
           "publisher": {"logo": {"@type": "ImageObject", "caption": "Herald"}},
           "@graph": [{"@type": "Person", "name": "Yoav",
                       "image": {"@type": "ImageObject", "caption": "Yoav Schumacher"}}],
           "image": {"@type": "ImageObject", "url": "x.jpg",
                     "caption": "Usain Bolt grins at the cameras in the semi-final."}}</script>
           <img src=/avatar.png alt='avatar' width=50 height=50>"#,
        None,
    );
    assert_eq!(
        page.caption,
        "Usain Bolt grins at the cameras in the semi-final."
    );
    assert_eq!(
        page.why,
        "the caption of the article's image in the page's JSON-LD data"
    );
}

#[test]
fn og_image_alt_meta() {
    let page = chosen(
        "<head><meta property='og:image:alt' content='Protesters march on the capitol.'></head>\
         <body><img src=/x.gif alt=close></body>",
        None,
    );
    assert_eq!(page.caption, "Protesters march on the capitol.");
    assert_eq!(page.why, "the og:image:alt of the page's lead image");
}

#[test]
fn a_page_of_logos_and_ui_labels_has_no_caption_and_says_what_it_passed_over() {
    let page = chosen(
        "<head><meta property='og:image:alt' content='Herald'></head><body>\
         <div class=wp-caption><img src=/a.jpg><p class=wp-caption-text>Share on Facebook</p></div>\
         <article><img src=/x.png alt='logo-full-black.svg' width=900 height=120>\
         <img src=/storm.jpg alt='Storm hits the coast'></article></body>",
        None,
    );
    assert_eq!(page.caption, "");
    assert_eq!(
        page.why,
        "no caption: the page prints none for its photo, passed over 3 other texts \
         (“Herald”: the site's name; “Share on Facebook”: a logo, icon or UI label; \
         “Storm hits the coast”: the headline again)"
    );
}
