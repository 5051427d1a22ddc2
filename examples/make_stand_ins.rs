//! Regenerates the stand-in images of the sample folder, deterministically:
//!
//! ```text
//! cargo run --example make_stand_ins
//! ```
//!
//! The real photograph is not ours to ship, so the sample uses a drawn
//! picture (a podium with six figures, two phones raised, three flags, a
//! scoreboard, and the words STAND-IN) at several sizes, crops and JPEG
//! qualities, one copy carrying an honest embedded agency caption (IPTC and
//! XMP), and one different picture of the same scene that must not match.

use std::path::Path;

use anyhow::{Context, Result};
use caption_provenance::atomic_write::{Overwrite, write_atomically};
use caption_provenance::imaging::container::insert_jpeg_segments;
use caption_provenance::imaging::iptc::{IptcEntry, dataset, encode_app13};
use caption_provenance::imaging::metadata::Field;
use caption_provenance::imaging::xmp::{encode_app1, encode_packet};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::{self, FilterType};
use image::{Rgb, RgbImage};

const WIDTH: u32 = 1600;
const HEIGHT: u32 = 1067;

const CAPTION: &str = "Stand-in image for the caption-provenance sample. Table tennis mixed doubles \
medal ceremony, Paris 2024 Olympics, South Paris Arena, 30 July 2024: gold medallists Wang Chuqin \
and Sun Yingsha (China), silver medallists Ri Jong Sik and Kim Kum Yong (North Korea) and bronze \
medallists Lim Jong-hoon and Shin Yu-bin (South Korea) pose for a selfie taken by Lim on a Samsung \
phone.";
const HEADLINE: &str = "Stand-in: table tennis medallists take a podium selfie";
const CREDIT: &str = "caption-provenance stand-in";

// ---- drawing -------------------------------------------------------------

fn fill_rect(img: &mut RgbImage, x: i64, y: i64, w: i64, h: i64, color: [u8; 3]) {
    let (iw, ih) = (i64::from(img.width()), i64::from(img.height()));
    for py in y.max(0)..(y + h).min(ih) {
        for px in x.max(0)..(x + w).min(iw) {
            if let (Ok(px), Ok(py)) = (u32::try_from(px), u32::try_from(py)) {
                img.put_pixel(px, py, Rgb(color));
            }
        }
    }
}

fn fill_circle(img: &mut RgbImage, cx: i64, cy: i64, r: i64, color: [u8; 3]) {
    for dy in -r..=r {
        for dx in -r..=r {
            if dx * dx + dy * dy <= r * r {
                fill_rect(img, cx + dx, cy + dy, 1, 1, color);
            }
        }
    }
}

/// 5x7 glyphs for the few characters we write.
fn glyph(c: char) -> [u8; 7] {
    match c {
        'S' => [0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E],
        'T' => [0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04],
        'A' => [0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11],
        'N' => [0x11, 0x19, 0x15, 0x13, 0x11, 0x11, 0x11],
        'D' => [0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E],
        'I' => [0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E],
        '-' => [0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00],
        '2' => [0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F],
        '4' => [0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02],
        ':' => [0x00, 0x04, 0x00, 0x00, 0x00, 0x04, 0x00],
        _ => [0; 7],
    }
}

fn draw_text(img: &mut RgbImage, text: &str, x: i64, y: i64, scale: i64, color: [u8; 3]) {
    for (i, c) in (0i64..).zip(text.chars()) {
        let left = x + i * 6 * scale;
        for (row, bits) in (0i64..).zip(glyph(c)) {
            for col in 0..5i64 {
                if bits & (0x10 >> col) != 0 {
                    fill_rect(
                        img,
                        left + col * scale,
                        y + row * scale,
                        scale,
                        scale,
                        color,
                    );
                }
            }
        }
    }
}

fn gradient(w: u32, h: u32, top: [u8; 3], bottom: [u8; 3]) -> RgbImage {
    RgbImage::from_fn(w, h, |_, y| {
        let t = f64::from(y) / f64::from(h.max(1));
        let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb([
            mix(top[0], bottom[0]),
            mix(top[1], bottom[1]),
            mix(top[2], bottom[2]),
        ])
    })
}

const RED: [u8; 3] = [222, 41, 16];
const YELLOW: [u8; 3] = [255, 222, 0];
const BLUE: [u8; 3] = [2, 79, 162];
const WHITE: [u8; 3] = [245, 245, 245];
const BLACK: [u8; 3] = [20, 20, 20];
const SKIN: [u8; 3] = [226, 184, 150];
const GOLD: [u8; 3] = [212, 175, 55];
const SILVER: [u8; 3] = [192, 192, 200];
const BRONZE: [u8; 3] = [176, 110, 60];

/// Flags, simplified to their colours: China, North Korea, South Korea.
fn flag(img: &mut RgbImage, x: i64, y: i64, w: i64, h: i64, country: usize) {
    match country {
        0 => {
            fill_rect(img, x, y, w, h, RED);
            fill_circle(img, x + w / 6, y + h / 4, h / 8, YELLOW);
        }
        1 => {
            fill_rect(img, x, y, w, h, BLUE);
            fill_rect(img, x, y + h / 6, w, h * 2 / 3, WHITE);
            fill_rect(img, x, y + h / 5, w, h * 3 / 5, RED);
            fill_circle(img, x + w / 3, y + h / 2, h / 5, WHITE);
        }
        _ => {
            fill_rect(img, x, y, w, h, WHITE);
            fill_circle(img, x + w / 2, y + h / 2, h / 4, BLUE);
            fill_rect(img, x + w / 2 - h / 4, y + h / 4, h / 2, h / 4, RED);
            for corner in [(x + w / 8, y + h / 8), (x + w * 3 / 4, y + h * 5 / 8)] {
                fill_rect(img, corner.0, corner.1, w / 8, h / 4, BLACK);
            }
        }
    }
}

/// One figure: head, body in team colours, arms; optionally a phone raised.
fn figure(img: &mut RgbImage, cx: i64, feet: i64, size: i64, shirt: [u8; 3], phone: bool) {
    let body_h = size * 2;
    fill_rect(img, cx - size / 2, feet - body_h, size, body_h, shirt);
    fill_rect(
        img,
        cx - size / 2,
        feet - body_h / 3,
        size,
        body_h / 3,
        BLACK,
    );
    fill_circle(img, cx, feet - body_h - size / 3, size / 3, SKIN);
    if phone {
        fill_rect(
            img,
            cx + size / 2,
            feet - body_h - size,
            size / 5,
            size,
            SKIN,
        );
        fill_rect(
            img,
            cx + size / 2 - size / 8,
            feet - body_h - size * 3 / 2,
            size / 2,
            size * 2 / 3,
            BLACK,
        );
    }
}

/// The podium selfie: the master picture.
fn podium_selfie() -> RgbImage {
    let mut img = gradient(WIDTH, HEIGHT, [18, 30, 70], [60, 90, 150]);
    fill_rect(&mut img, 0, 820, 1600, 247, [40, 110, 170]);
    // Scoreboard, top left.
    fill_rect(&mut img, 60, 50, 420, 180, BLACK);
    fill_rect(&mut img, 70, 60, 400, 160, [30, 30, 40]);
    draw_text(&mut img, "4:2", 140, 90, 18, YELLOW);
    // Flags, top right, in podium order.
    for (i, country) in [(0i64, 1usize), (1, 0), (2, 2)] {
        flag(&mut img, 760 + i * 260, 70, 220, 140, country);
    }
    // Podium: silver left, gold centre, bronze right.
    let steps = [
        (200i64, 640i64, SILVER),
        (600, 540, GOLD),
        (1000, 700, BRONZE),
    ];
    for (x, top, color) in steps {
        fill_rect(&mut img, x, top, 400, 820 - top, color);
    }
    // Six figures, two per step; Lim (bronze, right) and one more raise phones.
    let shirts = [(WHITE, RED), (RED, YELLOW), (BLUE, WHITE)];
    for (step, ((x, top, _), (a, b))) in steps.iter().zip(shirts).enumerate() {
        figure(&mut img, x + 120, *top, 70, a, step == 2);
        figure(&mut img, x + 280, *top, 70, b, step == 1);
    }
    draw_text(&mut img, "STAND-IN", 420, 900, 16, WHITE);
    img
}

/// A different picture of the same scene: a wide view of the arena.
fn ceremony_wide() -> RgbImage {
    let mut img = gradient(WIDTH, HEIGHT, [70, 20, 40], [20, 20, 30]);
    // Stands full of spectators: rows of dots, deterministic colours.
    let mut seed: u32 = 7;
    for row in 0..14i64 {
        for col in 0..64i64 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let shade = u8::try_from((seed >> 16) % 120).unwrap_or(0) + 100;
            fill_circle(
                &mut img,
                12 + col * 25,
                30 + row * 30,
                9,
                [shade, shade / 2, 90],
            );
        }
    }
    // The floor, the tiny podium far away, a table tennis table at the front.
    fill_rect(&mut img, 0, 460, 1600, 607, [30, 60, 120]);
    fill_rect(&mut img, 680, 430, 80, 30, SILVER);
    fill_rect(&mut img, 760, 410, 80, 50, GOLD);
    fill_rect(&mut img, 840, 440, 80, 20, BRONZE);
    fill_rect(&mut img, 200, 760, 1200, 180, [10, 90, 60]);
    fill_rect(&mut img, 795, 740, 10, 200, WHITE);
    fill_rect(&mut img, 200, 845, 1200, 6, WHITE);
    for leg in [260i64, 1320] {
        fill_rect(&mut img, leg, 940, 20, 100, BLACK);
    }
    draw_text(&mut img, "STAND-IN", 60, 980, 10, WHITE);
    img
}

// ---- encoding ------------------------------------------------------------

fn jpeg(img: &RgbImage, quality: u8) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    img.write_with_encoder(JpegEncoder::new_with_quality(&mut out, quality))?;
    Ok(out)
}

fn png(img: &RgbImage) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    img.write_with_encoder(PngEncoder::new(&mut out))?;
    Ok(out)
}

fn resized(img: &RgbImage, width: u32) -> RgbImage {
    let height = img.height() * width / img.width();
    imageops::resize(img, width, height, FilterType::Triangle)
}

fn with_caption_bar(img: &RgbImage) -> RgbImage {
    let mut out = img.clone();
    let bar = i64::from(img.height() / 9);
    let top = i64::from(img.height()) - bar;
    fill_rect(&mut out, 0, top, i64::from(img.width()), bar, [0, 0, 0]);
    draw_text(&mut out, "STAND-IN", 40, top + bar / 4, bar / 14, WHITE);
    out
}

fn agency_copy(img: &RgbImage) -> Result<Vec<u8>> {
    let iptc = encode_app13(&[
        IptcEntry::new(dataset::HEADLINE, HEADLINE),
        IptcEntry::new(dataset::CAPTION, CAPTION),
        IptcEntry::new(dataset::CREDIT, CREDIT),
        IptcEntry::new(dataset::DATE_CREATED, "20240730"),
        IptcEntry::new(dataset::CITY, "Paris"),
        IptcEntry::new(dataset::COUNTRY, "France"),
    ]);
    let xmp = encode_app1(&encode_packet(&[
        (Field::Headline, vec![HEADLINE.to_string()]),
        (Field::Caption, vec![CAPTION.to_string()]),
        (Field::Credit, vec![CREDIT.to_string()]),
        (Field::DateCreated, vec!["2024-07-30".to_string()]),
        (Field::City, vec!["Paris".to_string()]),
        (Field::Country, vec!["France".to_string()]),
    ]));
    let plain = jpeg(&resized(img, 1200), 85)?;
    insert_jpeg_segments(&plain, &[iptc, xmp]).context("the encoder did not produce a JPEG")
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically(path, bytes, Overwrite::Allow)
        .with_context(|| format!("writing {}", path.display()))?;
    println!("{:>8} bytes  {}", bytes.len(), path.display());
    Ok(())
}

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let images = root.join("captions/paris-2024-table-tennis-selfie/images");
    std::fs::create_dir_all(&images)?;
    std::fs::create_dir_all(root.join("assets"))?;

    let master = podium_selfie();
    write(&root.join("assets/stand-in-master.png"), &png(&master)?)?;
    write(&images.join("selfie-1600.jpg"), &jpeg(&master, 90)?)?;
    write(
        &images.join("selfie-800.jpg"),
        &jpeg(&resized(&master, 800), 85)?,
    )?;
    write(
        &images.join("selfie-400.png"),
        &png(&resized(&master, 400))?,
    )?;
    let crop = imageops::crop_imm(&master, 120, 80, WIDTH - 240, HEIGHT - 160).to_image();
    write(
        &images.join("selfie-crop.jpg"),
        &jpeg(&resized(&crop, 1000), 85)?,
    )?;
    write(
        &images.join("selfie-q30.jpg"),
        &jpeg(&resized(&master, 1000), 30)?,
    )?;
    write(
        &images.join("selfie-captionbar.jpg"),
        &jpeg(&with_caption_bar(&resized(&master, 1000)), 80)?,
    )?;
    write(&images.join("selfie-agency.jpg"), &agency_copy(&master)?)?;
    write(
        &images.join("ceremony-wide.jpg"),
        &jpeg(&resized(&ceremony_wide(), 1000), 85)?,
    )?;
    Ok(())
}
