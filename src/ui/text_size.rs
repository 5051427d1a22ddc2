//! How large the window draws: egui's zoom factor, which Ctrl+Plus,
//! Ctrl+Minus and Ctrl+0 change, a choice in the top bar, remembered
//! between runs. Until the reader chooses, a screen of 3,000 points or
//! wider (a 4K monitor the desktop does not scale) starts at 200%, where
//! text is as large as on a full-HD screen; any other starts at 100%.

use eframe::egui;

use super::app::App;
use super::commands::Command;

/// The sizes the top bar offers.
pub const TEXT_SIZES: [f32; 7] = [0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 3.0];
/// A screen at least this many points wide starts at [`WIDE_SCREEN_SIZE`].
pub const WIDE_SCREEN_POINTS: f32 = 3000.0;
pub const WIDE_SCREEN_SIZE: f32 = 2.0;
/// The smallest and largest sizes kept (egui's keys go further).
const RANGE: std::ops::RangeInclusive<f32> = 0.5..=4.0;

/// The size to start at: the one chosen, else one for the screen (its
/// width in points, where the platform says).
pub fn starting_size(chosen: Option<f32>, screen_width: Option<f32>) -> f32 {
    match chosen {
        Some(size) if size.is_finite() => size.clamp(*RANGE.start(), *RANGE.end()),
        _ if screen_width.is_some_and(|w| w >= WIDE_SCREEN_POINTS) => WIDE_SCREEN_SIZE,
        _ => 1.0,
    }
}

/// "125%".
pub fn percent(size: f32) -> String {
    format!("{:.0}%", size * 100.0)
}

/// The top bar's choice of size.
pub fn combo_ui(ui: &mut egui::Ui, current: f32, commands: &mut Vec<Command>) {
    egui::ComboBox::from_label("Text size")
        .selected_text(percent(current))
        .show_ui(ui, |ui| {
            for size in TEXT_SIZES {
                let chosen = (size - current).abs() < 0.01;
                if ui.selectable_label(chosen, percent(size)).clicked() {
                    commands.push(Command::SetTextSize(size));
                }
            }
        })
        .response
        .on_hover_text("Also Ctrl+Plus, Ctrl+Minus, and Ctrl+0 for 100%");
}

impl App {
    /// Each frame: the first applies the starting size; later ones keep the
    /// size egui's zoom keys chose.
    pub(super) fn text_size_frame(&mut self, ctx: &egui::Context) {
        let size = ctx.zoom_factor();
        match self.text_size_seen {
            None => {
                let screen = ctx.input(|i| i.viewport().monitor_size.map(|s| s.x));
                let start = starting_size(self.settings.text_size, screen);
                ctx.set_zoom_factor(start);
                self.text_size_seen = Some(start);
            }
            Some(seen) if (seen - size).abs() > 0.001 => {
                self.settings.text_size = Some(size.clamp(*RANGE.start(), *RANGE.end()));
                self.text_size_seen = Some(size);
            }
            Some(_) => {}
        }
    }

    /// The reader chose a size.
    pub(super) fn set_text_size(&mut self, size: f32) {
        let size = size.clamp(*RANGE.start(), *RANGE.end());
        self.settings.text_size = Some(size);
        self.text_size_seen = Some(size);
        if let Some(ctx) = &self.ctx {
            ctx.set_zoom_factor(size);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_chosen_wins_else_the_screen_decides() {
        assert_eq!(starting_size(Some(1.5), Some(3840.0)), 1.5);
        assert_eq!(starting_size(Some(9.0), None), 4.0);
        assert_eq!(starting_size(Some(f32::NAN), None), 1.0);
        assert_eq!(starting_size(None, Some(3840.0)), 2.0);
        assert_eq!(starting_size(None, Some(2560.0)), 1.0);
        assert_eq!(starting_size(None, None), 1.0);
        assert_eq!(percent(1.25), "125%");
    }
}
