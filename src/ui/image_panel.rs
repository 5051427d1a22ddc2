//! Whether the right-hand image panel is shown: as the reader chose (the
//! *Image panel* toggle above the texts, remembered), else only in a window
//! wide enough that the two texts keep room beside it.

use eframe::egui;

use super::app::App;
use super::commands::Command;

/// Below this window width (in points) the panel starts hidden: at 800
/// points it would leave the two texts about 160 points each.
pub const MIN_WINDOW_WIDTH: f32 = 1000.0;

/// Shown as `chosen`, else when the window is at least [`MIN_WINDOW_WIDTH`].
pub fn shown(chosen: Option<bool>, window_width: f32) -> bool {
    chosen.unwrap_or(window_width >= MIN_WINDOW_WIDTH)
}

impl App {
    /// Whether the image panel is shown in this frame.
    pub(super) fn image_panel_shown(&self, ctx: &egui::Context) -> bool {
        shown(self.settings.image_panel, ctx.content_rect().width())
    }
}

/// The toggle, in the row of the central tabs; `on` is whether the panel
/// is shown now.
pub fn toggle_ui(ui: &mut egui::Ui, mut on: bool, commands: &mut Vec<Command>) {
    if ui
        .toggle_value(&mut on, "Image panel")
        .on_hover_text("Show or hide the image, its metadata and the photo's other images")
        .changed()
    {
        commands.push(Command::ShowImagePanel(on));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_wins_else_the_window_width_decides() {
        assert!(!shown(None, 800.0));
        assert!(shown(None, 1280.0));
        assert!(shown(Some(true), 800.0));
        assert!(!shown(Some(false), 1920.0));
    }
}
