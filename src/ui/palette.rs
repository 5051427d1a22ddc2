//! The colours of the compare view's marks, one set per theme, chosen so
//! that every mark is told apart from every other and from the panel under
//! the three colour-vision deficiencies (not by red against green: the
//! diff's two sides are orange and blue), and every text on its mark is
//! readable (WCAG contrast at least 4.5:1). The tests measure both.
//!
//! - *odd*: the value a finding calls wrong (the odd one out against the
//!   reference or the independent majority): the strongest mark, bold white
//!   on magenta-red;
//! - *agrees*: a value that holds the majority or the reference: calm grey,
//!   underlined;
//! - *undecided*: a side of a finding whose witnesses are too few to say
//!   who is wrong: black on amber.

use eframe::egui::Color32;

/// How strongly a finding marks a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    /// A side that holds the majority or the reference value.
    Agrees,
    /// A side of a finding no side of which could be called wrong.
    Undecided,
    /// The side the finding calls wrong.
    Odd,
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Caption text outside any mark with a text colour of its own.
    pub text: Color32,
    /// Words only in the left variant.
    pub removed: Color32,
    /// Words only in the right variant.
    pub added: Color32,
    pub odd_fill: Color32,
    pub odd_text: Color32,
    pub agrees_fill: Color32,
    pub undecided_fill: Color32,
    pub undecided_text: Color32,
}

const DARK: Palette = Palette {
    text: Color32::from_rgb(230, 230, 230),
    removed: Color32::from_rgb(120, 70, 0),
    added: Color32::from_rgb(20, 70, 140),
    odd_fill: Color32::from_rgb(211, 22, 123),
    odd_text: Color32::WHITE,
    agrees_fill: Color32::from_rgb(68, 68, 76),
    undecided_fill: Color32::from_rgb(235, 180, 50),
    undecided_text: Color32::BLACK,
};

const LIGHT: Palette = Palette {
    text: Color32::from_rgb(20, 20, 20),
    removed: Color32::from_rgb(245, 170, 120),
    added: Color32::from_rgb(160, 200, 255),
    odd_fill: Color32::from_rgb(150, 15, 60),
    odd_text: Color32::WHITE,
    agrees_fill: Color32::from_rgb(195, 195, 203),
    undecided_fill: Color32::from_rgb(242, 210, 40),
    undecided_text: Color32::BLACK,
};

impl Palette {
    pub fn of(dark: bool) -> Palette {
        if dark { DARK } else { LIGHT }
    }

    /// The fill and text colour of a finding's mark.
    pub fn mark(&self, strength: Strength) -> (Color32, Color32) {
        match strength {
            Strength::Odd => (self.odd_fill, self.odd_text),
            Strength::Agrees => (self.agrees_fill, self.text),
            Strength::Undecided => (self.undecided_fill, self.undecided_text),
        }
    }
}

#[cfg(test)]
#[path = "palette_tests.rs"]
mod tests;
