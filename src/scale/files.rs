//! Writing a synthetic photo as files in the loader's formats (`photo.toml`,
//! `.txt`, `.json`, `.toml`, `.html`), and JPEGs with IPTC captions.

use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use rayon::prelude::*;

use super::captions::{AGENCIES, Format, PhotoPlan, VariantPlan};
use super::{PlantedError, ScaleOptions};
use crate::corpus::Medal;
use crate::imaging::container::insert_jpeg_segments;
use crate::imaging::iptc::{IptcEntry, dataset, encode_app13};

const OUTLETS: [&str; 16] = [
    "Daily Courier",
    "Morning Herald",
    "Sportstar",
    "The Evening Post",
    "Global Sports Wire",
    "Table Tennis Today",
    "City Chronicle",
    "Weekend Review",
    "Asia Sports Desk",
    "Euro Sport Report",
    "The Observer Online",
    "Podium Magazine",
    "National Gazette",
    "Metro News",
    "Sports Digest",
    "World Games Blog",
];

fn slug(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn medal_name(medal: Medal) -> &'static str {
    match medal {
        Medal::Gold => "gold",
        Medal::Silver => "silver",
        Medal::Bronze => "bronze",
    }
}

/// The `photo.toml` of a photo.
fn photo_file(photo: &PhotoPlan) -> Result<String, toml::ser::Error> {
    let mut reference = toml::Table::new();
    let (agency, _) = AGENCIES[photo.agency % AGENCIES.len()];
    reference.insert(
        "event".into(),
        format!("Table tennis {} medal ceremony", photo.event).into(),
    );
    reference.insert("date".into(), photo.date.to_string().into());
    reference.insert("place".into(), photo.venue.into());
    reference.insert("credit".into(), agency.into());
    reference.insert("device".into(), photo.device.into());
    let taker = &photo.people[photo.taken_by % photo.people.len()];
    reference.insert("taken_by".into(), taker.name.clone().into());
    let mut people = Vec::new();
    for team in &photo.teams {
        for &p in &team.people {
            let person = &photo.people[p];
            let mut entry = toml::Table::new();
            entry.insert("name".into(), person.name.clone().into());
            let aliases: Vec<toml::Value> =
                person.aliases.iter().map(|a| a.clone().into()).collect();
            entry.insert("aliases".into(), aliases.into());
            entry.insert("country".into(), team.country.name.into());
            entry.insert("medal".into(), medal_name(team.medal).into());
            people.push(toml::Value::Table(entry));
        }
    }
    reference.insert("people".into(), people.into());
    let mut file = toml::Table::new();
    file.insert(
        "title".into(),
        format!("{} podium selfie", photo.event).into(),
    );
    file.insert("reference".into(), reference.into());
    toml::to_string(&file)
}

/// One caption file's name and text.
fn variant_file(
    photo: &PhotoPlan,
    v: usize,
    plan: &VariantPlan,
) -> std::io::Result<(String, String)> {
    let outlet = format!("{} {}", OUTLETS[v % OUTLETS.len()], v / OUTLETS.len() + 1);
    let name = format!("{v:03}-{}.{}", slug(&outlet), plan.format.extension());
    let caption = photo.caption(plan);
    let headline = photo.headline();
    let credit = photo.credit(plan);
    let published = photo
        .date
        .succ_opt()
        .unwrap_or(photo.date)
        .format("%Y-%m-%d")
        .to_string();
    let text = match plan.format {
        Format::Text => {
            let mut out = format!(
                "Outlet: {outlet}\nPublished: {published}\nCredit: {credit}\nHeadline: {headline}\n\n{caption}\n"
            );
            if !plan.article.is_empty() {
                out.push_str("\n--- article ---\n");
                out.push_str(&plan.article.join("\n"));
                out.push('\n');
            }
            out
        }
        Format::Json => {
            let mut value = serde_json::json!({
                "outlet": outlet,
                "published": published,
                "credit": credit,
                "headline": headline,
                "caption": caption,
            });
            if !plan.article.is_empty()
                && let Some(map) = value.as_object_mut()
            {
                map.insert("article".into(), plan.article.clone().into());
            }
            serde_json::to_string_pretty(&value).map_err(std::io::Error::other)?
        }
        Format::Toml => {
            let mut table = toml::Table::new();
            table.insert("outlet".into(), outlet.into());
            table.insert("published".into(), published.into());
            table.insert("credit".into(), credit.into());
            table.insert("headline".into(), headline.into());
            table.insert("caption".into(), caption.into());
            if !plan.article.is_empty() {
                table.insert("article".into(), plan.article.join("\n").into());
            }
            toml::to_string(&table).map_err(std::io::Error::other)?
        }
        Format::Html => {
            let paragraphs: String = plan
                .article
                .iter()
                .map(|p| format!("<p>{}</p>\n", html_escape(p)))
                .collect();
            format!(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{h}</title>\n<meta property=\"og:site_name\" content=\"{o}\">\n<meta property=\"og:title\" content=\"{h}\">\n<meta property=\"article:published_time\" content=\"{published}\">\n</head>\n<body>\n<article>\n<h1>{h}</h1>\n<figure>\n<img src=\"photo.jpg\" alt=\"The players on the podium\">\n<figcaption>{c}</figcaption>\n</figure>\n{paragraphs}</article>\n</body>\n</html>\n",
                h = html_escape(&headline),
                o = html_escape(&outlet),
                c = html_escape(&caption),
            )
        }
    };
    Ok((name, text))
}

/// Writes one photo folder; returns its planted errors.
pub(super) fn write_photo(
    photos_dir: &Path,
    id: &str,
    photo: &PhotoPlan,
    variants: &[VariantPlan],
) -> std::io::Result<Vec<PlantedError>> {
    let dir = photos_dir.join(id);
    std::fs::create_dir_all(&dir)?;
    std::fs::write(
        dir.join("photo.toml"),
        photo_file(photo).map_err(std::io::Error::other)?,
    )?;
    let mut planted = Vec::new();
    for (v, plan) in variants.iter().enumerate() {
        let (name, text) = variant_file(photo, v, plan)?;
        std::fs::write(dir.join(&name), text)?;
        if let Some(error) = plan.planted {
            planted.push(PlantedError {
                photo: id.to_string(),
                variant: format!("{id}/{name}"),
                kind: error.kind(),
                expected_conflicts: photo.expected_conflicts(error),
            });
        }
    }
    Ok(planted)
}

/// A picture with some structure (gradients and a pattern that depends on
/// `variant`), so encoders and hashers do real work.
fn picture(width: u32, height: u32, variant: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let r = (x * 255 / width.max(1)) as u8;
        let g = (y * 255 / height.max(1)) as u8;
        let b = (((x / (8 + variant)) ^ (y / (8 + variant))) % 251) as u8;
        Rgb([r, g.wrapping_add((variant * 37) as u8), b])
    })
}

/// How many different pictures the JPEGs use (each JPEG still has its own caption).
const DISTINCT_PICTURES: usize = 8;

/// Writes `options.jpegs` JPEGs of `jpeg_width` x `jpeg_height` with IPTC
/// captions from the photos' first variants.
pub(super) fn write_jpegs(
    dir: &Path,
    options: &ScaleOptions,
    plan: impl Fn(usize) -> (PhotoPlan, Vec<VariantPlan>) + Sync,
) -> std::io::Result<()> {
    let bases: Vec<Vec<u8>> = (0..DISTINCT_PICTURES.min(options.jpegs))
        .into_par_iter()
        .map(|k| {
            let mut bytes = Vec::new();
            picture(options.jpeg_width, options.jpeg_height, k as u32)
                .write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, 85))
                .map_err(std::io::Error::other)?;
            Ok(bytes)
        })
        .collect::<std::io::Result<_>>()?;
    (0..options.jpegs).into_par_iter().try_for_each(|i| {
        let (photo, variants) = plan(i);
        let caption = variants
            .first()
            .map(|v| photo.caption(v))
            .unwrap_or_default();
        let (agency, _) = AGENCIES[photo.agency % AGENCIES.len()];
        let taker = &photo.people[photo.taken_by % photo.people.len()];
        let iptc = encode_app13(&[
            IptcEntry::new(dataset::HEADLINE, photo.headline()),
            IptcEntry::new(dataset::CAPTION, caption),
            IptcEntry::new(dataset::CREDIT, agency),
            IptcEntry::new(dataset::BYLINE, taker.name.clone()),
            IptcEntry::new(
                dataset::DATE_CREATED,
                photo.date.format("%Y%m%d").to_string(),
            ),
            IptcEntry::new(dataset::CITY, "Paris"),
            IptcEntry::new(dataset::COUNTRY, "France"),
        ]);
        let base = bases
            .get(i % bases.len().max(1))
            .map_or(&[][..], Vec::as_slice);
        let bytes = insert_jpeg_segments(base, &[iptc])
            .ok_or_else(|| std::io::Error::other("the encoder did not produce a JPEG"))?;
        std::fs::write(dir.join(format!("img-{i:05}.jpg")), bytes)
    })
}
