//! Captions of the photo in a page's JSON-LD data (`ImageObject.caption`,
//! else its `description`), leaving out the pictures of its authors,
//! publishers and logos, which JSON-LD describes the same way.

use scraper::Html;

use super::page_dom::select_all;
use super::parsed::collapse_whitespace;

/// Captions of `ImageObject`s in the page's JSON-LD, leaving out those of
/// its authors, publishers and logos.
pub(crate) fn json_ld_captions(page: &Html) -> Vec<String> {
    let mut captions = Vec::new();
    for script in select_all(page, "script[type='application/ld+json']") {
        let text: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
            image_object_captions(&value, &mut captions, 0);
        }
    }
    captions
}

fn image_object_captions(value: &serde_json::Value, out: &mut Vec<String>, depth: usize) {
    const NOT_THE_PHOTO: [&str; 7] = [
        "author",
        "publisher",
        "logo",
        "creator",
        "brand",
        "contributor",
        "sourceOrganization",
    ];
    if depth > 16 {
        return;
    }
    match value {
        serde_json::Value::Object(map) => {
            let is_image = map.get("@type").is_some_and(|t| match t {
                serde_json::Value::String(s) => s == "ImageObject",
                serde_json::Value::Array(types) => types.iter().any(|t| t == "ImageObject"),
                _ => false,
            });
            let is_type = |wanted: &[&str]| {
                map.get("@type").is_some_and(|t| match t {
                    serde_json::Value::String(s) => wanted.contains(&s.as_str()),
                    serde_json::Value::Array(types) => types
                        .iter()
                        .any(|t| t.as_str().is_some_and(|s| wanted.contains(&s))),
                    _ => false,
                })
            };
            // A person's or organisation's picture (in an @graph, not under
            // an author key) is a portrait or a logo, not the photo.
            if is_type(&["Person", "Organization", "NewsMediaOrganization"]) {
                return;
            }
            if is_image {
                let text = ["caption", "description"]
                    .iter()
                    .find_map(|key| map.get(*key).and_then(|v| v.as_str()))
                    .map(collapse_whitespace);
                out.extend(text.filter(|t| !t.is_empty()));
            }
            for (key, inner) in map {
                if !NOT_THE_PHOTO.contains(&key.as_str()) {
                    image_object_captions(inner, out, depth + 1);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                image_object_captions(item, out, depth + 1);
            }
        }
        _ => {}
    }
}
