//! The palette measured: WCAG 2 contrast of each text on its fill, and the
//! CIE 1976 colour difference between every two fills as people with
//! protanopia, deuteranopia and tritanopia see them (the full-severity
//! matrices of Machado, Oliveira and Fernandes, 2009, applied to linear RGB).

use eframe::egui::{Color32, Visuals};

use super::{Palette, Strength};

/// WCAG's floor for body text (AA).
const MIN_CONTRAST: f64 = 4.5;
/// Two fills differing by less than this (ΔE*ab) could be taken for one; 2.3
/// is the smallest difference noticed side by side, so this is a clear one.
const MIN_DIFFERENCE: f64 = 15.0;

type Matrix = [[f64; 3]; 3];

const VISIONS: [(&str, Matrix); 4] = [
    (
        "typical",
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    ),
    (
        "protanopia",
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ),
];

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn linear_rgb(c: Color32) -> [f64; 3] {
    [linear(c.r()), linear(c.g()), linear(c.b())]
}

fn luminance([r, g, b]: [f64; 3]) -> f64 {
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(linear_rgb(a)), luminance(linear_rgb(b)));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn seen(c: Color32, m: &Matrix) -> [f64; 3] {
    let l = linear_rgb(c);
    m.map(|row| (row[0] * l[0] + row[1] * l[1] + row[2] * l[2]).clamp(0.0, 1.0))
}

fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn difference(a: Color32, b: Color32, m: &Matrix) -> f64 {
    let (p, q) = (lab(seen(a, m)), lab(seen(b, m)));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

fn themes() -> [(&'static str, Palette, Color32); 2] {
    [
        ("dark", Palette::of(true), Visuals::dark().panel_fill),
        ("light", Palette::of(false), Visuals::light().panel_fill),
    ]
}

#[test]
fn every_text_is_readable_on_its_mark_in_both_themes() {
    for (theme, p, panel) in themes() {
        let pairs = [
            ("text on the panel", p.text, panel),
            ("text on removed words", p.text, p.removed),
            ("text on added words", p.text, p.added),
            ("odd text", p.odd_text, p.odd_fill),
            ("agreeing text", p.mark(Strength::Agrees).1, p.agrees_fill),
            ("undecided text", p.undecided_text, p.undecided_fill),
        ];
        for (what, text, fill) in pairs {
            let ratio = contrast(text, fill);
            assert!(ratio >= MIN_CONTRAST, "{theme}: {what} is {ratio:.2}:1");
        }
    }
}

#[test]
fn every_mark_is_told_apart_without_full_colour_vision() {
    for (theme, p, panel) in themes() {
        let fills = [
            ("panel", panel),
            ("removed", p.removed),
            ("added", p.added),
            ("odd", p.odd_fill),
            ("agrees", p.agrees_fill),
            ("undecided", p.undecided_fill),
        ];
        for (i, (a, ca)) in fills.iter().enumerate() {
            for (b, cb) in &fills[i + 1..] {
                for (vision, m) in &VISIONS {
                    let d = difference(*ca, *cb, m);
                    assert!(
                        d >= MIN_DIFFERENCE,
                        "{theme}, {vision}: {a} and {b} differ by {d:.1}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_measures_are_the_published_ones() {
    // WCAG's extremes, and a colour against itself.
    assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
    assert!((contrast(Color32::GRAY, Color32::GRAY) - 1.0).abs() < 1e-9);
    // Protanopia and deuteranopia take pure red and green close together;
    // typical vision does not.
    let (red, green) = (Color32::from_rgb(200, 0, 0), Color32::from_rgb(0, 130, 0));
    assert!(difference(red, green, &VISIONS[0].1) > 100.0);
    assert!(difference(red, green, &VISIONS[2].1) < 25.0);
    // The strongest mark is the odd one.
    assert!(Strength::Odd > Strength::Undecided && Strength::Undecided > Strength::Agrees);
}
