//! Drawing one side of the compare view: its text as styled segments (the
//! word diff's colours, claims underlined, each finding's mark as strong as
//! the finding judges it, who says what on hover), scrolled to and flashing
//! what a click or a step reached; and the legend of the marks.

use eframe::egui;

use crate::analysis::Span;

use super::compare::{CompareView, SideView};
use super::highlight::{DiffMark, Side};
use super::palette::{Palette, Strength};

pub(super) fn legend_ui(ui: &mut egui::Ui) {
    let palette = Palette::of(ui.visuals().dark_mode);
    // Each item whole on one line; the row wraps between items.
    let item = |ui: &mut egui::Ui, text: egui::RichText| ui.add(egui::Label::new(text).extend());
    ui.horizontal_wrapped(|ui| {
        ui.label("Legend:");
        item(
            ui,
            egui::RichText::new("only on the left")
                .color(palette.text)
                .background_color(palette.removed),
        );
        item(
            ui,
            egui::RichText::new("only on the right")
                .color(palette.text)
                .background_color(palette.added),
        );
        item(ui, egui::RichText::new("a claim").underline());
        item(ui, marked(&palette, "the odd one out", Strength::Odd)).on_hover_text(
            "What a finding calls wrong, against the reference or the independent majority",
        );
        item(
            ui,
            marked(&palette, "agrees with the others", Strength::Agrees),
        )
        .on_hover_text("The value the majority or the reference holds");
        item(ui, marked(&palette, "undecided", Strength::Undecided)).on_hover_text(
            "The sides disagree, and too few independent outlets say which one is wrong",
        );
    });
}

/// `text` in a finding's mark: the odd one and the undecided in bold on
/// their fill, the agreeing underlined on a calm one.
pub(super) fn marked(
    palette: &Palette,
    text: impl Into<String>,
    strength: Strength,
) -> egui::RichText {
    styled(palette, egui::RichText::new(text), strength)
}

fn styled(palette: &Palette, rich: egui::RichText, strength: Strength) -> egui::RichText {
    let (fill, color) = palette.mark(strength);
    let rich = rich.color(color).background_color(fill);
    match strength {
        Strength::Agrees => rich.underline(),
        Strength::Odd | Strength::Undecided => rich.strong(),
    }
}

/// Where one side scrolls to this frame, and what it flashes.
pub(super) struct SideMarks {
    pub(super) scroll: Option<Span>,
    pub(super) flashed: Vec<Span>,
    /// From 1 (just reached) down to 0 (over).
    pub(super) flash: f32,
}

pub(super) fn side_ui(
    ui: &mut egui::Ui,
    view: &CompareView,
    side: &SideView,
    which: Side,
    marks: &SideMarks,
) {
    // One line, cut with "…" in a narrow column (a wrapped heading in the
    // column's justified layout is spread letter by letter).
    ui.add(egui::Label::new(egui::RichText::new(&side.outlet).heading()).truncate());
    if !side.has_section {
        ui.label(egui::RichText::new("This variant has no such section.").italics());
        return;
    }
    let palette = Palette::of(ui.visuals().dark_mode);
    egui::ScrollArea::vertical()
        .id_salt(match which {
            Side::Left => "compare_left",
            Side::Right => "compare_right",
        })
        .auto_shrink([false, true])
        // Never taller than the room left (its default minimum, 64 points,
        // drew over the findings in a small window).
        .min_scrolled_height(0.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 0.0;
                for segment in &side.segments {
                    let text = segment.span.slice(&side.text);
                    let mut rich = egui::RichText::new(text).size(16.0).color(palette.text);
                    rich = match segment.diff {
                        DiffMark::Removed => rich.background_color(palette.removed),
                        DiffMark::Added => rich.background_color(palette.added),
                        DiffMark::Same | DiffMark::Unmarked => rich,
                    };
                    if segment.claim {
                        rich = rich.underline();
                    }
                    let finding = segment.finding;
                    // A conflict's claim no finding marks (none should be)
                    // shows as undecided rather than as wrong.
                    let strength = finding
                        .map(|m| m.strength)
                        .or(segment.conflict.map(|_| Strength::Undecided));
                    if let Some(strength) = strength {
                        rich = styled(&palette, rich, strength);
                    }
                    let response = ui.add(egui::Label::new(rich).wrap());
                    let summary = segment
                        .conflict
                        .and_then(|c| view.summaries.get(c))
                        .or_else(|| finding.and_then(|m| view.finding_summaries.get(m.finding)));
                    let response = match summary {
                        Some(summary) => response.on_hover_text(summary),
                        None => response,
                    };
                    if marks.scroll.is_some_and(|t| t.overlaps(segment.span)) {
                        response.scroll_to_me(Some(egui::Align::Center));
                    }
                    if marks.flash > 0.0 && marks.flashed.iter().any(|f| f.overlaps(segment.span)) {
                        let color = ui.visuals().strong_text_color().gamma_multiply(marks.flash);
                        ui.painter().rect_stroke(
                            response.rect.expand(1.0),
                            2.0,
                            egui::Stroke::new(2.0, color),
                            egui::StrokeKind::Outside,
                        );
                    }
                }
            });
        });
}
